/** XML text for the streaming writer: escaping, and one cell of the layout model. */
import type { Cell } from '../../../core/layout/model';
import { dateToSerial } from '../../../core/periods';
import { encodeXstring } from '../xstring';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for XML content or attributes, after the OOXML `_xHHHH_` escaping of characters XML cannot carry. */
export function esc(s: string): string {
  return encodeXstring(s).replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

function textNode(s: string): string {
  const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${esc(s)}</t>`;
}

/** A `<c>` element; styles are given as xf indexes, a shared formula's group as `si`. */
export function cellXml(ref: string, cell: Cell, xf: number | undefined, si?: number): string {
  const s = xf ? ` s="${xf}"` : '';
  const v = cell.v;
  if (cell.f !== undefined) {
    const f = cell.array
      ? `<f t="array" ref="${cell.array}">${esc(cell.f)}</f>`
      : si === undefined
        ? `<f>${esc(cell.f)}</f>`
        : cell.shares
          ? `<f t="shared" ref="${cell.shares}" si="${si}">${esc(cell.f)}</f>`
          : `<f t="shared" si="${si}"/>`;
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
