/**
 * The OOXML escaping of text in cells (ST_Xstring): characters that XML
 * cannot carry (control characters, a carriage return, unpaired surrogates)
 * are written `_xHHHH_`, and a literal `_xHHHH_` in the text has its
 * underscore escaped as `_x005F_`. Excel and LibreOffice read it back; exceljs
 * does neither (it drops control characters and lets XML turn `\r` into `\n`),
 * so the writer encodes and the readers decode.
 */

// Every escape-like sequence, every control character but tab and line feed, and unpaired surrogates.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

export function encodeXstring(text: string): string {
  return text.replace(NEEDS_ESCAPE, (m) => (m.length === 1 ? hex(m.charCodeAt(0)) : `_x005F_${m.slice(1)}`));
}

export function decodeXstring(text: string): string {
  return text.indexOf('_x') === -1 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
