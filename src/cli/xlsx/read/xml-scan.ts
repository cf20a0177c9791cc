/**
 * A small, fast XML tokenizer for the parts of a returned workbook (sheets,
 * shared strings, styles, relationships): start and end tags by their local
 * name (a namespace prefix such as `x:` is dropped), attributes, and text
 * (entities decoded, line ends normalized as XML parsers do, CDATA kept).
 * No DTD is read and no custom entity expanded. Malformed markup (an
 * unterminated tag) throws an XmlError.
 */

export class XmlError extends Error {}

export interface XmlHandler {
  /** A start tag (`selfClosing` for `<x/>`); `attrs` is the raw attribute text, for attributesOf. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, raw (decode with decodeText); `cdata` for the content of a CDATA section, taken as is. */
  text(raw: string, cdata: boolean): void;
}

// After a `<`: an end tag, a start tag (attribute values may hold `>`), a comment, CDATA, a processing instruction, a declaration.
const TAG =
  /(\/)?(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?![\w.:-])((?:[^>"']|"[^"]*"|'[^']*')*)>|!--[\s\S]*?-->|!\[CDATA\[([\s\S]*?)\]\]>|\?[\s\S]*?\?>|!(?:[^>"'[]|"[^"]*"|'[^']*'|\[[^\]]*\])*>/y;

/** Calls the handler for each tag and text of `xml`, in order. */
export function scanXml(xml: string, h: XmlHandler): void {
  let pos = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      h.text(xml.slice(pos), false);
      return;
    }
    if (lt > pos) h.text(xml.slice(pos, lt), false);
    TAG.lastIndex = lt + 1;
    const m = TAG.exec(xml);
    if (!m) throw new XmlError(`unterminated markup at character ${lt}`);
    pos = TAG.lastIndex;
    if (m[2] !== undefined) {
      if (m[1]) h.close(m[2]);
      else {
        let attrs = m[3];
        const self = attrs.endsWith('/');
        if (self) attrs = attrs.slice(0, -1);
        h.open(m[2], attrs, self);
        if (self) h.close(m[2]);
      }
    } else if (m[4] !== undefined) h.text(m[4], true);
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The attributes of a start tag by local name (`r:id` as `id`), values decoded; namespace declarations left out. */
export function attributesOf(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    if (isSpace(attrs.charCodeAt(i))) {
      i++;
      continue;
    }
    const eq = attrs.indexOf('=', i);
    if (eq < 0) break;
    const name = attrs.slice(i, eq).trim();
    let j = eq + 1;
    while (j < n && isSpace(attrs.charCodeAt(j))) j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") break;
    const end = attrs.indexOf(quote, j + 1);
    if (end < 0) break;
    const colon = name.indexOf(':');
    if (!(colon >= 0 && name.slice(0, colon) === 'xmlns') && name !== 'xmlns')
      out[colon < 0 ? name : name.slice(colon + 1)] = decodeText(attrs.slice(j + 1, end));
    i = end + 1;
  }
  return out;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

/** Text as an XML parser gives it: literal CR LF and CR become LF, then entities and character references are decoded. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : codePoint(hex !== undefined ? parseInt(hex, 16) : Number(dec), whole),
  );
}
