/**
 * Applies the collector's edits to a data file's text. A YAML file is edited
 * in its document (comments, key order, quoting and flow styles kept; only
 * what changed is rewritten, and a new key goes where the format orders it);
 * a JSON file is edited in its text (every byte but the edited values
 * kept; many edits into a large file rewrite it with its own indentation).
 */
import { MAX_ALIAS_EXPANSION } from './bounds';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type ToStringOptions } from 'yaml';
import { KEY_ORDER, type Edit } from '../forms/collect';
import type { Path } from '../rules';
import { spliceAll, SpliceError } from './json-splice';
import { syntaxOf } from './structured-text';

/** The format's order of the keys of the item that holds `path`'s last key. */
function orderAt(path: Path): readonly string[] | undefined {
  const list = path[path.length - 3];
  if (list === 'measures') return KEY_ORDER.measure;
  if (list === 'observations') return KEY_ORDER.observation;
  if (list === 'entries') return KEY_ORDER.entry;
  return undefined;
}

/** Where a new key goes among existing keys: after the last one the format orders before it. */
function insertAt(keys: string[], key: string, order: readonly string[] | undefined): number {
  const rank = order?.indexOf(key) ?? -1;
  if (rank === -1) return keys.length;
  let at = 0;
  keys.forEach((k, i) => {
    const r = order!.indexOf(k);
    if (r !== -1 && r < rank) at = i + 1;
  });
  return at;
}

class EditError extends Error {}

// ---- JSON

/** Edits of at most this many bytes (of the items edited) times edits are made in the text itself; more are written anew. */
const SPLICE_WORK = 1e9;

/** The JSON text with the edits made in place (every other byte kept), or undefined when that cannot be done. */
function spliceEdits(text: string, edits: Edit[]): string | undefined {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const indent = /\n([ \t]+)["}\]]/.exec(text)?.[1] ?? '  ';
  const root = /\S/.exec(text.slice(bom, bom + 1024))?.index;
  if (root === undefined) return undefined;
  try {
    return spliceAll(text, bom + root, edits, indent, (e) => (keys, key) => insertAt(keys, key, orderAt(e.path)), SPLICE_WORK);
  } catch (err) {
    if (err instanceof SpliceError) return undefined;
    throw err;
  }
}

function editJson(text: string, edits: Edit[]): string {
  const spliced = spliceEdits(text, edits);
  if (spliced !== undefined) return spliced;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const root = JSON.parse(body) as Record<string, unknown>;
  const at = (path: Path): unknown => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
  for (const e of edits) {
    const parent = at(e.path.slice(0, -1)) as Record<string, unknown> | unknown[];
    const key = e.path[e.path.length - 1];
    if (e.op === 'append') {
      const list = at(e.path);
      if (!Array.isArray(list)) throw new EditError(`no list at ${e.path.join('.')}`);
      list.push(e.value);
    } else if (e.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
    } else if (Array.isArray(parent) || Object.prototype.hasOwnProperty.call(parent, key)) {
      (parent as Record<string, unknown>)[key as string] = e.value;
    } else {
      const entries = Object.entries(parent);
      entries.splice(
        insertAt(
          entries.map(([k]) => k),
          key as string,
          orderAt(e.path),
        ),
        0,
        [key as string, e.value],
      );
      const grand = at(e.path.slice(0, -2)) as Record<string | number, unknown>;
      grand[e.path[e.path.length - 2]] = Object.fromEntries(entries);
    }
  }
  const indent = /\n([ \t]+)["}\]]/.exec(body)?.[1];
  const trailing = /\s*$/.exec(body)![0];
  return bom + (body.trimStart().includes('\n') ? JSON.stringify(root, null, indent ?? 2) : JSON.stringify(root)) + trailing;
}

// ---- YAML

/** A comment's spacing, which the YAML writer does not keep (restoreCommentSpacing puts it back). */
const commentSpacing = (text: string) => text.replace(/(\S)[ \t]+#/g, '$1 #').replace(/\s*$/, '');

/** The rendering options under which the unedited document prints as the file was written, if any. */
function renderOptions(doc: Document.Parsed, body: string): ToStringOptions {
  const base: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };
  const detected = /\n( +)\S/.exec(body)?.[1].length;
  const indents = [...new Set([detected, 2, 4].filter((n): n is number => n !== undefined && n > 0 && n <= 8))];
  const bare = commentSpacing(body);
  for (const indent of indents) {
    for (const indentSeq of [true, false]) {
      const options = { ...base, indent, indentSeq };
      if (commentSpacing(doc.toString(options)) === bare) return options;
    }
  }
  return { ...base, indent: indents[0] ?? 2 };
}

/** Whether two values a YAML document gives (plain mappings, lists and scalars) are equal, keys in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.prototype.hasOwnProperty.call(y, k) && sameValue(x[k], y[k]));
}

/**
 * The yaml library writes one space before a comment at the end of a line;
 * lines the edits did not touch get back the spacing the file had, as long
 * as the document still means the same.
 */
function restoreCommentSpacing(out: string, original: string, meaning: unknown): string {
  const re = /^(.*\S)(\s+)(#.*)$/;
  const keyed = /^(\s*(?:- )?[^\s:#][^:#]*:)( .*\S)( #.*)$/;
  const spaced = new Map<string, string>();
  /** A changed value keeps the spacing before the comment of its key's line. */
  const byKey = new Map<string, string>();
  for (const line of original.split('\n')) {
    const m = re.exec(line);
    if (!m || m[2] === ' ') continue;
    spaced.set(`${m[1]} ${m[3]}`, line);
    const k = /^(\s*(?:- )?[^\s:#][^:#]*:)/.exec(m[1]);
    if (k) byKey.set(`${k[1]}\u0000${m[3]}`, m[2]);
  }
  if (!spaced.size) return out;
  const restored = out
    .split('\n')
    .map((l) => {
      const same = spaced.get(l);
      if (same !== undefined) return same;
      const m = keyed.exec(l);
      const spacing = m ? byKey.get(`${m[1]}\u0000${m[3].slice(1)}`) : undefined;
      return m && spacing ? `${m[1]}${m[2]}${spacing}${m[3].slice(1)}` : l;
    })
    .join('\n');
  return restored === out || sameValue(parseDocument(restored, { version: '1.2' }).toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }), meaning) ? restored : out;
}

/**
 * Before an anchored node (`&a value`) is changed or deleted: the aliases
 * of its anchor (`*a`) keep its old value. The first of them (in document
 * order, before the anchor is defined again) becomes a copy of the node,
 * anchor and all, so that the later ones now refer to it; the node loses its
 * anchor. Only the edited item changes meaning.
 */
function detachAnchor(doc: Document.Parsed, node: unknown): void {
  if (!node || typeof node !== 'object' || !('anchor' in node) || !(node as Node).anchor) return;
  const edited = node as Node;
  const anchor = edited.anchor!;
  let after = false;
  let moved = false;
  visit(doc, (_key, n) => {
    if (n === edited) {
      after = true;
      return visit.SKIP;
    }
    if (!after || !n || typeof n !== 'object') return undefined;
    if ('anchor' in n && (n as Node).anchor === anchor) return visit.BREAK; // defined again: later aliases are not this one's
    if ('source' in n && (n as { source: string }).source === anchor && !moved) {
      moved = true;
      // The copy takes the alias's place, not the edited line's comments.
      const copy = edited.clone() as Node;
      copy.comment = copy.commentBefore = undefined;
      copy.spaceBefore = undefined;
      return copy;
    }
    return undefined;
  });
  edited.anchor = undefined;
}

function editYaml(text: string, edits: Edit[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const body = text.slice(bom.length).replace(/\r\n/g, '\n');
  const doc = parseDocument(body, { version: '1.2', uniqueKeys: true });
  if (doc.errors.length) throw new EditError(doc.errors[0].message);
  const options = renderOptions(doc, body);
  for (const e of edits) {
    const key = e.path[e.path.length - 1];
    if (e.op === 'append') {
      const seq = doc.getIn(e.path, true);
      if (!isSeq(seq)) throw new EditError(`no list at ${e.path.join('.')}`);
      const last = seq.items[seq.items.length - 1];
      const node = doc.createNode(e.value, { flow: isMap(last) && last.flow === true });
      seq.items.push(node);
    } else if (e.op === 'delete') {
      if (!doc.hasIn(e.path)) throw new EditError(`nothing at ${e.path.join('.')}`);
      detachAnchor(doc, doc.getIn(e.path, true));
      doc.deleteIn(e.path);
    } else {
      const node = doc.getIn(e.path, true);
      detachAnchor(doc, node);
      if (isScalar(node)) {
        // Keep the node, and with it any comment on its line.
        node.value = e.value;
        if (typeof e.value === 'number') delete node.format;
        continue;
      }
      const parent = doc.getIn(e.path.slice(0, -1), true);
      if (!isMap(parent)) throw new EditError(`no mapping at ${e.path.slice(0, -1).join('.')}`);
      if (node !== undefined) {
        doc.setIn(e.path, e.value);
        continue;
      }
      const keys = parent.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key));
      parent.items.splice(insertAt(keys, key as string, orderAt(e.path)), 0, doc.createPair(key, e.value));
    }
  }
  const trailing = /\s*$/.exec(body)![0] || '\n';
  const out = restoreCommentSpacing(doc.toString(options).replace(/\s*$/, '') + trailing, body, doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }));
  return bom + (crlf ? out.replace(/\n/g, '\r\n') : out);
}

/**
 * The data file's text with the edits applied. Throws an Error when the file's
 * structure does not allow them (e.g. a YAML alias where a measure should be);
 * the caller checks the result by reading it back.
 */
export function editDataText(text: string, file: string, edits: Edit[]): string {
  return syntaxOf(file) === 'json' ? editJson(text, edits) : editYaml(text, edits);
}
