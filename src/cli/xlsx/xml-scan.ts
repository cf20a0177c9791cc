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

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag by local name (`r:id` as `id`), values decoded. */
export function attributesOf(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attrs) return out;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(attrs))) {
    const name = m[1];
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    if (colon >= 0 && name.slice(0, colon) === 'xmlns') continue;
    out[local] = decodeText(m[2] ?? m[3]);
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
