/**
 * JSON text of a value written the many ways people and programs write it:
 * indented or not, with tabs or CRLF, spaces around colons and commas, keys
 * in another order, non-ASCII escaped as \uXXXX, slashes escaped; and byte
 * sources that hand a file over in chunks of any size, reusing one buffer as
 * a file reader does.
 */
import fc from 'fast-check';
import type { ByteSource } from '../../src/core/stream/read';

export interface JsonStyle {
  indent: string;
  newline: '\n' | '\r\n';
  /** Spaces before and after colons and commas. */
  spaced: boolean;
  /** Escape every non-ASCII character as \uXXXX. */
  escapeUnicode: boolean;
  escapeSlash: boolean;
  /** Keys in reverse order (at every depth) instead of as given. */
  reverseKeys: boolean;
}

export const PLAIN: JsonStyle = { indent: '', newline: '\n', spaced: false, escapeUnicode: false, escapeSlash: false, reverseKeys: false };

export const jsonStyle: fc.Arbitrary<JsonStyle> = fc.record({
  indent: fc.constantFrom('', ' ', '  ', '\t'),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  spaced: fc.boolean(),
  escapeUnicode: fc.boolean(),
  escapeSlash: fc.boolean(),
  reverseKeys: fc.boolean(),
});

function str(s: string, style: JsonStyle): string {
  let out = JSON.stringify(s);
  // eslint-disable-next-line no-control-regex -- every character beyond ASCII
  if (style.escapeUnicode) out = out.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (style.escapeSlash) out = out.replace(/\//g, '\\/');
  return out;
}

export function jsonText(value: unknown, style: JsonStyle = PLAIN, depth = 0): string {
  const nl = style.indent ? style.newline + style.indent.repeat(depth + 1) : style.spaced ? ' ' : '';
  const end = style.indent ? style.newline + style.indent.repeat(depth) : style.spaced ? ' ' : '';
  const comma = style.spaced ? ' ,' : ',';
  const colon = style.spaced ? ' : ' : ':';
  if (Array.isArray(value)) {
    if (!value.length) return style.spaced ? '[ ]' : '[]';
    return `[${nl}${value.map((v) => jsonText(v, style, depth + 1)).join(comma + nl)}${end}]`;
  }
  if (value !== null && typeof value === 'object') {
    let entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (style.reverseKeys) entries = entries.reverse();
    if (!entries.length) return '{}';
    return `{${nl}${entries.map(([k, v]) => `${str(k, style)}${colon}${jsonText(v, style, depth + 1)}`).join(comma + nl)}${end}}`;
  }
  if (typeof value === 'string') return str(value, style);
  return JSON.stringify(value);
}

/** Text of UTF-8 bytes, as the CLI's file source decodes them. */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);
}

/** The bytes in chunks of `size`, each copied into one reused buffer (what a reader that keeps a chunk too long would get wrong). */
export function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buf = new Uint8Array(size);
  for (let i = 0; i < bytes.length; i += size) {
    const n = Math.min(size, bytes.length - i);
    buf.set(bytes.subarray(i, i + n));
    yield buf.subarray(0, n);
    buf.fill(0x21); // whatever keeps a view of the last chunk now sees garbage
  }
}

/** A byte source over bytes in memory. */
export function memorySource(bytes: Uint8Array, size: number): ByteSource & { passes: number } {
  const source = {
    passes: 0,
    *chunks() {
      source.passes++;
      yield* chunked(bytes, size);
    },
    text: utf8,
  };
  return source;
}
