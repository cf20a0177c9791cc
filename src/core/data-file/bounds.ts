/**
 * Bounds on what a data file or template may make the readers do, checked
 * before the recursive parsers and the alias expansion see the text: a
 * nesting depth for JSON, an expanded size for YAML aliases (one bound for
 * reading and for collect's in-place edit), and the line and column of an
 * offset found in time linear in the text (one index of line starts, a
 * binary search per place).
 */
import { isAlias, isCollection, isPair, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Located } from '../errors';

/** Containers nested deeper than this are refused: data files and templates nest about 6 deep. */
export const MAX_DEPTH = 64;

/**
 * The nodes YAML aliases may expand to (`maxAliasCount` of the yaml package,
 * and this module's own count with places): an anchor used for every measure
 * of a 20 MB file stays far below it; an alias bomb (aliases of aliases)
 * reaches it within a few lines.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** The line and column (1-based, in UTF-16 units) of offsets in a text, each in O(log lines) after one pass. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** The first `[` or `{` of a JSON text nested deeper than `max`, outside strings, as a problem; undefined when none is. */
export function jsonDepthProblem(text: string, file: string, max = MAX_DEPTH): Located | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max)
        return {
          file,
          ...lineIndex(text)(i),
          message: `nested more than ${max} levels deep; expected a data file's mappings and lists, nested at most ${max} deep`,
          zh: `嵌套超过 ${max} 层；数据文件的各层内容应不超过 ${max} 层`,
        };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/**
 * The first alias of a YAML document that makes its anchor expand beyond
 * `max` nodes in all (uses times the anchored node's expanded size, aliases
 * within it counted expanded), as the offset of the alias; undefined when
 * none does. Linear in the document.
 */
export function aliasBomb(doc: Document.Parsed, max = MAX_ALIAS_EXPANSION): { offset: number; anchor: string; size: number } | undefined {
  const anchors = new Map<string, YamlNode>();
  const sizes = new Map<YamlNode, number>();
  const uses = new Map<YamlNode, number>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      return target ? (sizes.get(target) ?? size(target)) : 1;
    }
    if (isPair(node)) return size(node.key) + size(node.value);
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // an alias within its own anchor counts once
    let n = 1;
    for (const item of node.items) n = Math.min(n + size(item), Number.MAX_SAFE_INTEGER);
    sizes.set(node, n);
    return n;
  };
  let found: { offset: number; anchor: string; size: number } | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return;
      const n = (uses.get(target) ?? 0) + 1;
      uses.set(target, n);
      const total = n * size(target);
      if (total > max) {
        found = { offset: node.range?.[0] ?? 0, anchor: node.source, size: total };
        return visit.BREAK;
      }
    } else if ((node as { anchor?: string } | null)?.anchor) anchors.set((node as { anchor: string }).anchor, node as YamlNode);
    return undefined;
  });
  return found;
}

/**
 * The plain value of a YAML document, its aliases replaced by their anchored
 * nodes first: the yaml package resolves each alias by a scan of all the
 * document's anchors and aliases, quadratic in their number (20,000 uses of
 * one `&lead` took 29 s). Changes the document; call aliasBomb first, which
 * bounds what the replacement expands to.
 */
export function yamlValue(doc: Document.Parsed): unknown {
  const anchors = new Map<string, YamlNode>();
  visit(doc, (_, node, path) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // An alias within its own anchor is left to the yaml package (which refuses or resolves it).
      return target && !path.includes(target as never) ? target : undefined;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    return undefined;
  });
  return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
}
