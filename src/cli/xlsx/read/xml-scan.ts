/**
 * A small, fast XML tokenizer for the parts of a returned workbook (sheets,
 * shared strings, styles, relationships): start and end tags by their local
 * name (a namespace prefix such as `x:` is dropped), attributes, and text
 * (entities decoded, line ends normalized as XML parsers do, CDATA kept).
 * No DTD is read and no custom entity expanded. Malformed markup (an
 * unterminated tag) throws an XmlError.
 *
 * Two interfaces over one tokenizer: scanTags gives places in the text (a
 * sheet's cells are read without cutting a string out of it for every tag),
 * scanXml gives names and text. A tag is read by hand in one pass over its
 * characters; what that reading does not expect (comments, CDATA, processing
 * instructions, declarations, and any malformed markup) is read by the
 * regular expression TAG, which says what the grammar is.
 */

export class XmlError extends Error {}

export interface XmlHandler {
  /** A start tag (`selfClosing` for `<x/>`); `attrs` is the raw attribute text, for attributesOf. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, raw (decode with decodeText); `cdata` for the content of a CDATA section, taken as is. */
  text(raw: string, cdata: boolean): void;
}

/** What scanTags gives: places in the text (`start` inclusive, `end` exclusive). */
export interface TagHandler {
  /**
   * A start tag: its local name, and its raw attribute text (without the `/`
   * of a self-closing tag). It may read on past the tag itself (which ends at
   * `attrEnd` + 1, or + 2 when self-closing): it gives where to go on from, after all it read.
   */
  open(nameStart: number, nameEnd: number, attrStart: number, attrEnd: number, selfClosing: boolean): number | void;
  close(nameStart: number, nameEnd: number): void;
  /** Text between tags, raw; `cdata` for the content of a CDATA section. */
  text(start: number, end: number, cdata: boolean): void;
}

// After a `<`: an end tag, a start tag (attribute values may hold `>`), a comment, CDATA, a processing instruction, a declaration.
export const TAG =
  /(\/)?(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?![\w.:-])((?:[^>"']|"[^"]*"|'[^']*')*)>|!--[\s\S]*?-->|!\[CDATA\[([\s\S]*?)\]\]>|\?[\s\S]*?\?>|!(?:[^>"'[]|"[^"]*"|'[^']*'|\[[^\]]*\])*>/y;

/** A-Z, a-z, _ */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** A-Z, a-z, 0-9, _, ., - */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;

/** The end of the name that starts at `i` (the first character not of a name). */
function nameEnd(xml: string, i: number, n: number): number {
  while (i < n && isNameChar(xml.charCodeAt(i))) i++;
  return i;
}

/**
 * The well-formed tag after the `<` at `lt`, read by hand: the position after
 * its `>`, or -1 where TAG must say what it is. Sets `tag` to what was read.
 */
export function quickTag(xml: string, lt: number, n: number, tag: number[]): number {
  let i = lt + 1;
  const slash = xml.charCodeAt(i) === 47 ? 1 : 0;
  i += slash;
  if (!isNameStart(xml.charCodeAt(i))) return -1;
  let ns = i;
  let ne = nameEnd(xml, i + 1, n);
  if (xml.charCodeAt(ne) === 58) {
    // A prefix: the local name follows it, and no other colon.
    if (!isNameStart(xml.charCodeAt(ne + 1))) return -1;
    ns = ne + 1;
    ne = nameEnd(xml, ns + 1, n);
    if (xml.charCodeAt(ne) === 58) return -1;
  }
  // The attributes: anything but `>` and quotes, or quoted text, up to the `>`.
  for (i = ne; i < n;) {
    const c = xml.charCodeAt(i);
    if (c === 62) {
      tag[0] = slash;
      tag[1] = ns;
      tag[2] = ne;
      tag[3] = i;
      return i + 1;
    }
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
    } else i++;
  }
  return -1;
}

/** Calls the handler for each tag and text of `xml`, in order, with their places. */
export function scanTags(xml: string, h: TagHandler): void {
  let pos = 0;
  const n = xml.length;
  const tag = [0, 0, 0, 0];
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      h.text(pos, n, false);
      return;
    }
    if (lt > pos) h.text(pos, lt, false);
    const next = quickTag(xml, lt, n, tag);
    if (next > 0) {
      pos = next;
      if (tag[0]) h.close(tag[1], tag[2]);
      else {
        const self = tag[3] > tag[2] && xml.charCodeAt(tag[3] - 1) === 47;
        const read = h.open(tag[1], tag[2], tag[2], self ? tag[3] - 1 : tag[3], self);
        if (self) h.close(tag[1], tag[2]);
        else if (read) pos = read;
      }
      continue;
    }
    TAG.lastIndex = lt + 1;
    const m = TAG.exec(xml);
    if (!m) throw new XmlError(`unterminated markup at character ${lt}`);
    pos = TAG.lastIndex;
    if (m[2] !== undefined) {
      // The quick reading reads every tag TAG reads; should they ever differ, TAG's reading stands. The tag ends with
      // its name, its attributes and `>`.
      const ns = pos - 1 - m[3].length - m[2].length;
      const ne = ns + m[2].length;
      if (m[1]) h.close(ns, ne);
      else {
        const self = m[3].endsWith('/');
        const read = h.open(ns, ne, ne, pos - 1 - (self ? 1 : 0), self);
        if (self) h.close(ns, ne);
        else if (read) pos = read;
      }
    } else if (m[4] !== undefined) h.text(lt + 9, lt + 9 + m[4].length, true);
  }
}

/** Calls the handler for each tag and text of `xml`, in order. */
export function scanXml(xml: string, h: XmlHandler): void {
  scanTags(xml, {
    open: (ns, ne, as, ae, self) => void h.open(xml.slice(ns, ne), xml.slice(as, ae), self),
    close: (ns, ne) => h.close(xml.slice(ns, ne)),
    text: (start, end, cdata) => h.text(xml.slice(start, end), cdata),
  });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** What String.prototype.trim removes: white space and line ends, Unicode's too. */
const isTrimmed = (c: number) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * The first end tag `</name>` (with any namespace prefix, white space before
 * its `>`) at or after `from`, as the regular expression
 * `<\/(?:[A-Za-z_][\w.-]*:)?name\s*>` finds it, but by searching for the name
 * (at once, over the text) and looking around it: its place, `[start, end)`,
 * or undefined.
 */
export function findEndTag(xml: string, name: string, from: number): [number, number] | undefined {
  for (let k = xml.indexOf(name, from); k >= 0; k = xml.indexOf(name, k + 1)) {
    let lt = -1;
    const before = xml.charCodeAt(k - 1);
    if (before === 47) lt = k - 2;
    else if (before === 58) {
      // A prefix: name characters back to the `/`, the first of them a name's start.
      let q = k - 1;
      while (q > 0 && isNameChar(xml.charCodeAt(q - 1))) q--;
      if (q < k - 1 && isNameStart(xml.charCodeAt(q)) && xml.charCodeAt(q - 1) === 47) lt = q - 2;
    }
    if (lt < from || xml.charCodeAt(lt) !== 60) continue;
    let e = k + name.length;
    while (e < xml.length && isTrimmed(xml.charCodeAt(e))) e++;
    if (xml.charCodeAt(e) === 62) return [lt, e + 1];
  }
  return undefined;
}

/**
 * The next attribute of the raw attribute text at `from`..`to` of `xml`:
 * puts the place of its local name (`r:id` as `id`) and of its raw value
 * (decode with decodeText) into `at` (name start, name end, value start,
 * value end), and gives where the next one may start; -1 when there is none.
 * Namespace declarations are passed over. Reading stops at the first thing
 * that is not `name="value"` (or `name='value'`).
 */
export function nextAttribute(xml: string, from: number, to: number, at: Int32Array): number {
  let i = from;
  while (i < to) {
    if (isSpace(xml.charCodeAt(i))) {
      i++;
      continue;
    }
    let eq = i;
    while (eq < to && xml.charCodeAt(eq) !== 61) eq++;
    if (eq >= to) return -1;
    let ns = i;
    let ne = eq;
    while (ns < ne && isTrimmed(xml.charCodeAt(ns))) ns++;
    while (ne > ns && isTrimmed(xml.charCodeAt(ne - 1))) ne--;
    let j = eq + 1;
    while (j < to && isSpace(xml.charCodeAt(j))) j++;
    const quote = j < to ? xml.charCodeAt(j) : 0;
    if (quote !== 34 && quote !== 39) return -1;
    let end = j + 1;
    while (end < to && xml.charCodeAt(end) !== quote) end++;
    if (end >= to) return -1;
    let colon = ns;
    while (colon < ne && xml.charCodeAt(colon) !== 58) colon++;
    i = end + 1;
    if ((colon < ne ? colon : ne) - ns === 5 && xml.startsWith('xmlns', ns)) continue;
    at[0] = colon < ne ? colon + 1 : ns;
    at[1] = ne;
    at[2] = j + 1;
    at[3] = end;
    return i;
  }
  return -1;
}

/** The attributes of a start tag by local name (`r:id` as `id`), values decoded; namespace declarations left out. */
export function attributesOf(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const at = new Int32Array(4);
  for (let i = 0; (i = nextAttribute(attrs, i, attrs.length, at)) >= 0;) out[attrs.slice(at[0], at[1])] = decodeText(attrs.slice(at[2], at[3]));
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
