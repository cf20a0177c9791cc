/**
 * Reading YAML or JSON text against a zod schema, with every problem located
 * at its line and column. Used for data files and templates alike.
 *
 * JSON is read with JSON.parse (fast on large files); its positions come from
 * jsonc-parser, and only when something is wrong.
 */
import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError, visit } from 'jsonc-parser';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { byPlace, InputError, type Located } from '../errors';
import { aliasBomb, jsonDepthProblem, lineIndex, MAX_ALIAS_EXPANSION, MAX_DEPTH, yamlValue } from './bounds';
import type { Said } from '../messages/said';
import { formatPath, type Path, type Problem } from '../rules';
import { invalidJson, TOO_DEEP, yamlErrorZh } from './syntax-messages';
import { visible } from '../values/text';
import { issueZh, showZh, wholeCharacters } from './issue-zh';

export type Syntax = 'yaml' | 'json';

export function syntaxOf(file: string): Syntax {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Finds the line and column of a path (or of a key at a path) in the source text. */
interface Locator {
  locate(path: Path, key?: string): { line?: number; column?: number };
}

/** A text's places, the index of its lines made once when first asked (lineIndex: linear in the text, whatever the number of places). */
function placesOf(text: string): (offset: number) => { line: number; column: number } {
  let index: ((offset: number) => { line: number; column: number }) | undefined;
  return (offset) => (index ??= lineIndex(text))(Math.min(offset, text.length));
}

/** At most this many problems are listed, then how many more there are. */
export const MAX_LISTED = 1000;

/** The first MAX_LISTED problems, and a last line saying how many more there are and the total. */
export function listed(problems: Located[], file: string): Located[] {
  if (problems.length <= MAX_LISTED) return problems;
  return [
    ...problems.slice(0, MAX_LISTED),
    {
      file,
      message: `and ${problems.length - MAX_LISTED} more problems (${problems.length} in all); correct these and read the file again`,
      zh: `另有 ${problems.length - MAX_LISTED} 个问题未列出（共 ${problems.length} 个）；请先改正以上问题，再重新检查`,
    },
  ];
}

function parseYaml(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  return { doc, lines };
}

function keyText(pair: { key: unknown }): string {
  return String((pair.key as { value?: unknown })?.value);
}

/** The YAML node at a path (the key's node when a key is given), or the deepest existing ancestor. */
function yamlNodeAt(doc: Document.Parsed, path: Path, key?: string): YamlNode | null {
  let node: unknown = doc.contents;
  const steps = key !== undefined ? [...path, key] : path;
  for (let i = 0; i < steps.length; i++) {
    const part = steps[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === String(part));
      next = key !== undefined && i === steps.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof part === 'number') next = node.items[part];
    if (next === undefined || next === null) return node as YamlNode;
    node = next;
  }
  return node as YamlNode;
}

function yamlLocator(doc: Document.Parsed, lines: LineCounter): Locator {
  return {
    locate(path, key) {
      const offset = yamlNodeAt(doc, path, key)?.range?.[0];
      if (offset === undefined) return { line: 1, column: 1 }; // an empty document
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  };
}

function jsonLocator(text: string): Locator {
  const tree = parseTree(text);
  const lineColumn = placesOf(text);
  return {
    locate(path, key) {
      if (!tree) return {};
      let node: JsonNode = tree;
      for (let i = 1; i <= path.length; i++) {
        const found = findNodeAtLocation(tree, path.slice(0, i));
        if (!found) break;
        node = found;
      }
      let offset = node.offset;
      if (key !== undefined && node.type === 'object') {
        const prop = node.children?.find((c) => c.children?.[0]?.value === key);
        if (prop) offset = prop.offset;
      }
      return lineColumn(offset);
    },
  };
}

function jsonSyntaxErrors(text: string, file: string, err: Error): Located[] {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!errors.length) return [{ file, message: `invalid JSON: ${err.message}`, zh: 'JSON 格式有误，无法读取' }];
  const lineColumn = placesOf(text);
  return errors.slice(0, 20).map((e) => {
    const code = printParseErrorCode(e.error);
    return { file, ...lineColumn(e.offset), ...invalidJson(code) };
  });
}

/** JSON.parse keeps the last of two equal keys silently; YAML refuses them, and so does this. */
function jsonDuplicateKeys(text: string, file: string): Located[] {
  const found: Located[] = [];
  const stack: Set<string>[] = [];
  const lineColumn = placesOf(text);
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (key, offset) => {
      const keys = stack[stack.length - 1];
      if (keys.has(key) && found.length < 20) {
        found.push({
          file,
          ...lineColumn(offset),
          message: `duplicate key "${key}"; expected each key once in a mapping`,
          zh: `键“${key}”重复；每个键在一组内应只出现一次`,
        });
      }
      keys.add(key);
    },
  });
  return found;
}

/**
 * Whether a mapping of a valid JSON text has a key twice, decoded (`"a"` and `"\u0061"` are one key). JSON.parse keeps
 * one of a key written twice, so the text has a key twice exactly when it writes more keys than its parsed `value`
 * (JSON.parse of it, made when not given) holds: the keys written are counted by a scan for strings followed by a
 * colon, with no key decoded or kept (a tenth of the time of a scan that keeps each mapping's keys); jsonc-parser's
 * visitor then places them.
 */
export function hasDuplicateKey(text: string, value?: unknown): boolean {
  let parsed = value;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(text);
    } catch {
      return false; // not JSON: JSON.parse says why
    }
  }
  return keysWritten(text) !== held(parsed).keys;
}

/** The keys a valid JSON text writes: its strings followed by a colon. */
function keysWritten(text: string): number {
  let keys = 0;
  for (let i = text.indexOf('"'); i >= 0;) {
    // The closing quote: the next one after an even number of backslashes.
    let end = i;
    for (;;) {
      end = text.indexOf('"', end + 1);
      if (end < 0) return keys;
      let b = end - 1;
      while (text.charCodeAt(b) === 0x5c) b--;
      if ((end - 1 - b) % 2 === 0) break;
    }
    let k = end + 1;
    let c = text.charCodeAt(k);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++k);
    if (c === 0x3a) keys++;
    i = text.indexOf('"', k);
  }
  return keys;
}

/** The keys the mappings of a parsed JSON value hold, all depths, and the depth of its deepest list or mapping (1 for the top one). */
function held(value: unknown): { keys: number; depth: number } {
  let keys = 0;
  let deepest = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > deepest) deepest = depth;
    if (Array.isArray(v)) {
      for (const x of v)
        if (typeof x === 'object' && x !== null) {
          stack.push(x);
          depths.push(depth + 1);
        }
      continue;
    }
    for (const k in v) {
      keys++;
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null) {
        stack.push(x);
        depths.push(depth + 1);
      }
    }
  }
  return { keys, depth: deepest };
}

/** The first key written twice in a mapping of the JSON text (jsonDuplicateKeys without the places). */
export function firstDuplicateKey(text: string): string | undefined {
  const stack: Set<string>[] = [];
  let found: string | undefined;
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (key) => {
      const keys = stack[stack.length - 1];
      if (keys.has(key)) found ??= key;
      keys.add(key);
    },
  });
  return found;
}

/** Parses text to a plain value and a locator, or throws an InputError locating each syntax error. */
function parseValue(text: string, file: string, syntax: Syntax): { value: unknown; locator: () => Locator } {
  if (syntax === 'json') {
    // A file nested deeper than MAX_DEPTH is refused before the recursive parsers (jsonc-parser's, which place syntax
    // errors and duplicate keys) see it: nested 200,000 deep it would overflow the stack. JSON.parse is not recursive:
    // the text is scanned for the place only when the parsed value (or a key written twice, whose first value the
    // parsed one lacks) says it may be too deep, or the text is not JSON; the problems are those of a scan first.
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const deep = jsonDepthProblem(text, file);
      if (deep) throw new InputError([deep]);
      throw new InputError(jsonSyntaxErrors(text, file, err as Error));
    }
    const { keys, depth } = held(value);
    const duplicate = keysWritten(text) !== keys;
    const deep = depth > MAX_DEPTH || duplicate ? jsonDepthProblem(text, file) : undefined;
    if (deep) throw new InputError([deep]);
    const duplicates = duplicate ? jsonDuplicateKeys(text, file) : [];
    if (duplicates.length) throw new InputError(duplicates);
    return { value, locator: () => jsonLocator(text) };
  }
  const { doc, lines } = parseYaml(text);
  if (doc.errors.length) {
    throw new InputError(
      doc.errors.slice(0, 20).map((e) => {
        // An unclosed quote is reported at the end of the file; the quote that opened it is the last one.
        const quote = /Missing closing (["'])/.exec(e.message)?.[1];
        const at = quote ? Math.max(0, text.lastIndexOf(quote, e.pos[0] - 1)) : e.pos[0];
        const { line, col } = lines.linePos(at);
        const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        const deep = /Maximum call stack/.test(first) ? TOO_DEEP(MAX_DEPTH) : undefined;
        const zh = deep ? `YAML 格式有误：${deep.zh}` : yamlErrorZh(e.code, first);
        return { file, line, column: col, message: `invalid YAML: ${deep?.message ?? first}`, zh };
      }),
    );
  }
  const bomb = aliasBomb(doc);
  if (bomb) {
    const { line, col } = lines.linePos(bomb.offset);
    throw InputError.one(
      file,
      `the alias *${bomb.anchor} makes its anchor expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values (an alias bomb?); expected anchors and aliases that expand to a data file of ordinary size`,
      {
        line,
        column: col,
        zh: `别名 *${bomb.anchor} 使其锚点展开为超过 ${MAX_ALIAS_EXPANSION.toLocaleString('en')} 个值（恶意构造的文件？）；锚点和别名展开后应为正常大小的数据文件`,
      },
    );
  }
  let value: unknown;
  try {
    value = yamlValue(doc);
  } catch (err) {
    if (!(err instanceof RangeError || err instanceof ReferenceError)) throw err;
    throw InputError.one(file, `cannot be read (${err.message}); expected a data file's mappings and lists, nested at most ${MAX_DEPTH} deep`, {
      zh: `无法读取（嵌套过深或别名有误）；数据文件的各层内容应不超过 ${MAX_DEPTH} 层`,
    });
  }
  return { value, locator: () => yamlLocator(doc, lines) };
}

function valueAt(value: unknown, path: Path): unknown {
  let v: unknown = value;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part as string];
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return visible(JSON.stringify(v.length > 60 ? `${wholeCharacters(v, 57)}...` : v));
  return String(v);
}

type KeyedProblem = Problem & { key?: string };

/** What to write instead of the value at a path, for a message, in both languages (data files: data-file/hints.ts). */
export type Hint = (path: Path, actual: unknown) => Said | undefined;

/** One zod issue as problems with paths (an unknown-keys issue gives one per key), each said in both languages. */
function problemsOf(issue: z.core.$ZodIssue, value: unknown, hint?: Hint, at: Path = []): KeyedProblem[] {
  const path = issue.path as Path;
  const zh = issueZh(issue);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      key,
      message: issue.message.replace('unknown key', `unknown key "${key}"`),
      zh: zh.replace('无法识别的键', `无法识别的键“${key}”`),
    }));
  }
  const actual = valueAt(value, path);
  const parent = valueAt(value, path.slice(0, -1));
  const name = path[path.length - 1];
  if (actual === undefined && typeof name === 'string' && parent !== null && typeof parent === 'object' && !(name in parent)) {
    return [{ path, message: `missing required key "${name}"; ${issue.message}`, zh: `缺少必填的键“${name}”；${zh}` }];
  }
  const instead = hint?.([...at, ...path], actual);
  return [
    {
      path,
      message: `${issue.message}, got ${show(actual)}${instead ? `; ${instead.message}` : ''}`,
      zh: `现为${showZh(actual)}，${zh}${instead ? `；${instead.zh}` : ''}`,
    },
  ];
}

/**
 * A value's problems against a schema, with their paths under `at` and
 * without places (readStructured locates them): for data read in pieces.
 * Empty when the value is valid.
 */
export function schemaProblems(schema: z.ZodType, value: unknown, at: Path = [], hint?: Hint): Problem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => problemsOf(issue, value, hint, at)).map((p) => ({ path: [...at, ...p.path], message: p.message, zh: p.zh }));
}

/**
 * Reads YAML or JSON text and validates it with a schema and extra rules.
 * Returns the parsed value, or throws an InputError listing every problem
 * with its file, line, column and path (and, where `hint` knows, what to
 * write instead). `schema` may be chosen by the parsed value (one that
 * leaves out checks already made by hand).
 */
export function readStructured<S extends z.ZodType>(
  text: string,
  file: string,
  schemaOf: S | ((value: unknown) => S),
  rules: (value: z.output<S>) => Problem[] = () => [],
  syntax: Syntax = syntaxOf(file),
  hint?: Hint,
): z.output<S> {
  const { value, locator } = parseValue(text.replace(/^\uFEFF/, ''), file, syntax);
  const schema = typeof schemaOf === 'function' ? schemaOf(value) : schemaOf;
  const result = schema.safeParse(value);
  let problems: KeyedProblem[];
  if (result.success) problems = rules(result.data);
  else {
    problems = result.error.issues.flatMap((issue) => problemsOf(issue, value, hint));
    // The cross-item rules still run on what could be read, so that all problems come at once.
    try {
      problems.push(...rules(value as z.output<S>));
    } catch {
      // The structure is too broken for them; the structural problems say why.
    }
  }
  if (!problems.length) return result.data as z.output<S>;

  const where = locator();
  const located: Located[] = problems.map((p) => ({
    file,
    ...(p.key !== undefined ? where.locate(p.path.slice(0, -1), p.key) : where.locate(p.path)),
    path: formatPath(p.path) || '(top level)',
    message: p.message,
    zh: p.zh,
  }));
  throw new InputError(listed(located.sort(byPlace), file), located.length);
}
