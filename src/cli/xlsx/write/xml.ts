/** XML text for the streaming writer: escaping, and one cell of the layout model. */
import type { Cell } from '../../../core/layout/model';
import { dateToSerial } from '../../../core/periods';
import { encodeXstring } from '../xstring';

// Anything esc() would change: XML's specials, `_` (of a literal `_xHHHH_`), control characters, surrogates, U+FFFE/F.
// eslint-disable-next-line no-control-regex
const MAY_CHANGE = /[&<>"_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// What encodeXstring() may change: control characters but tab and line feed, surrogates, U+FFFE/F (and `_x`, tested apart).
// eslint-disable-next-line no-control-regex
const MAY_ENCODE = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_SPECIAL = /[&<>"]/;

/** Whether esc() may change a text: false for most text, which esc() gives back as it is. */
export const mayChange = (s: string): boolean => MAY_CHANGE.test(s);

/** Escapes text for XML content or attributes, after the OOXML `_xHHHH_` escaping of characters XML cannot carry. */
export function esc(s: string): string {
  // Most text needs nothing: one test instead of two replacing scans (seconds over a million rows).
  if (!MAY_CHANGE.test(s)) return s;
  // Formulas are full of `_` (sheet '_figures') and quotes but hardly ever of `_xHHHH_` or control characters:
  // each scan runs only when a cheap test says it may change something.
  const x = s.includes('_x') || MAY_ENCODE.test(s) ? encodeXstring(s) : s;
  return XML_SPECIAL.test(x) ? escapeSpecials(x) : x;
}

/** `& < > "` as entities: one native pass for each that occurs (a form's record is JSON, thousands of quotes, no callback each). */
function escapeSpecials(x: string): string {
  let s = x.includes('&') ? x.replace(/&/g, '&amp;') : x;
  if (s.includes('<')) s = s.replace(/</g, '&lt;');
  if (s.includes('>')) s = s.replace(/>/g, '&gt;');
  return s.includes('"') ? s.replace(/"/g, '&quot;') : s;
}

const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x1680 ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f;

/** Whether a text node keeps its spaces (xml:space="preserve"): as /^\s|\s$|\n/ tests, by the first and last character codes. */
export function keepsSpace(s: string): boolean {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)) || s.includes('\n'));
}

function textNode(s: string): string {
  return `<t${keepsSpace(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t>`;
}

/**
 * A cell's `<f>` element, or undefined when it has no formula. A cell of a shared formula's range is written without
 * reading its formula, which may be written out only when read (layout/formulas.ts, rowCell).
 */
function formulaXml(cell: Cell, si: number | undefined): string | undefined {
  if (si !== undefined && cell.sharedFrom !== undefined && !cell.shares && !cell.array) return `<f t="shared" si="${si}"/>`;
  const f = cell.f;
  if (f === undefined) return undefined;
  if (cell.array) return `<f t="array" ref="${cell.array}">${esc(f)}</f>`;
  if (si === undefined) return `<f>${esc(f)}</f>`;
  return cell.shares ? `<f t="shared" ref="${cell.shares}" si="${si}">${esc(f)}</f>` : `<f t="shared" si="${si}"/>`;
}

/** A `<c>` element; styles are given as xf indexes, a shared formula's group as `si`. */
export function cellXml(ref: string, cell: Cell, xf: number | undefined, si?: number): string {
  const s = xf ? ` s="${xf}"` : '';
  // A number the file format cannot hold (Infinity, NaN) is never written: the cell is blank.
  const v = typeof cell.v === 'number' && !Number.isFinite(cell.v) ? null : cell.v;
  const f = formulaXml(cell, si);
  if (f !== undefined) {
    if (v === null || v === '') return `<c r="${ref}"${s} t="str">${f}<v></v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${esc(v)}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    if ('error' in v) return `<c r="${ref}"${s} t="e">${f}<v>${v.error}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${dateToSerial(v.date)}</v></c>`;
  }
  if (v === null) return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'string') return `<c r="${ref}"${s} t="inlineStr"><is>${textNode(v)}</is></c>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if ('error' in v) return `<c r="${ref}"${s} t="e"><v>${v.error}</v></c>`;
  return `<c r="${ref}"${s}><v>${dateToSerial(v.date)}</v></c>`;
}
