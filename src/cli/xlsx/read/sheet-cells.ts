/**
 * The cells of a worksheet's `<sheetData>`, read by places in the sheet's
 * text (xml-scan.ts's scanTags): a tag's name is told by its length and
 * letters, a cell's attributes are read where they are, and a string is cut
 * from the text only for a value kept. A reader that needs only the first
 * columns (a report's data sheets, whose hidden columns of codes hold a
 * shared formula in every row) gives `maxCol`: a cell after it is passed
 * over, its value and formula never read.
 */
import { columnLetter, columnNumber } from '../../../core/layout/refs';
import { CellStore, Kind, valueOf } from './cell-store';
import { decodeText, nextAttribute, quickTag, type TagHandler } from './xml-scan';
import type { SheetBytes } from './sheet-bytes';

/** A workbook that cannot be read (a message for `cannot be read as an .xlsx workbook (...)`). */
export class WorkbookError extends Error {}

/** Excel's last row: a row after it is no sheet Excel saved (and would have a reader walk a billion empty rows). */
export const LAST_ROW = 1_048_576;

/** `row`, when it is on Excel's grid. */
export function beyondGrid(row: number, sheet: string): number {
  if (row > LAST_ROW) throw new WorkbookError(`row ${row} of sheet "${sheet}" is beyond Excel's last row, ${LAST_ROW.toLocaleString('en')}`);
  return row;
}

export interface SheetContext {
  strings: () => string[];
  dateStyles: () => boolean[];
  date1904: boolean;
  maxCells: number;
}

const REF = /^([A-Za-z]{1,3})([0-9]{1,7})$/;
/** Columns a reference can name: 26^3 + 26^2 + 26 (ZZZ) fits below 2^15. */
const COLS = 32768;

export function decodeRef(ref: string | undefined): { row: number; col: number } | undefined {
  const m = ref === undefined ? null : REF.exec(ref);
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : undefined;
}

/**
 * A reference (REF) read in place: row * 2^14 + column (a column is at most
 * XFD, 16,384), or -1 for anything else (decoded first when it holds `&` or CR).
 */
function refAt(xml: string, from: number, to: number): number {
  let i = from;
  let col = 0;
  for (; i < to && i - from < 3; i++) {
    const c = xml.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - from;
  let row = 0;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (letters > 0 && i === to && to - from - letters >= 1 && to - from - letters <= 7) return row * COLS + col;
  const raw = xml.slice(from, to);
  if (!raw.includes('&') && !raw.includes('\r')) return -1;
  const at = decodeRef(decodeText(raw));
  return at ? at.row * COLS + at.col : -1;
}

/** A cell's type as written (`s`, `str`, `inlineStr`...), read in place; undefined for another (decoded instead). */
function cellType(xml: string, from: number, to: number): string | undefined {
  switch (to - from) {
    case 1:
      switch (xml.charCodeAt(from)) {
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
      return undefined;
    case 3:
      return xml.startsWith('str', from) ? 'str' : undefined;
    case 9:
      return xml.startsWith('inlineStr', from) ? 'inlineStr' : undefined;
  }
  return undefined;
}

/** A number of 1 to 9 digits read in place (a style's index); undefined for anything else (read by parseInt instead). */
function digitsAt(xml: string, from: number, to: number): number | undefined {
  if (to <= from || to - from > 9) return undefined;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula as it reads in another cell of its group: relative references moved by the offset (as exceljs translates them). */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL_REF.exec(addr);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return whole;
    const col = m[1] ? columnNumber(letters) : columnNumber(letters) + dCol;
    const row = m[3] ? Number(m[4]) : Number(m[4]) + dRow;
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetter(col)}${m[3] ?? ''}${row}`;
  });
}

/**
 * A sheet's text as it is scanned (`xml`), and the text of a piece of it:
 * the XML itself, or its bytes read as Latin-1 (one character a byte, so
 * that markup, all ASCII, is found at once) with each value cut from it
 * decoded as UTF-8 where it holds more than ASCII.
 */
export interface SheetText {
  readonly xml: string;
  slice(start: number, end: number): string;
  /** The bytes the text is of, when it is made of them (sheet-bytes.ts reads them without the text). */
  readonly bytes?: SheetBytes;
}

export const textOf = (xml: string): SheetText => ({ xml, slice: (start, end) => xml.slice(start, end) });

/** The name at `start`..`end` of `xml` is `name`. */
const named = (xml: string, start: number, end: number, name: string) => end - start === name.length && xml.startsWith(name, start);

/** The cells of a `<sheetData>`, put into `store` as the scanner reads them (scanTags over `xml`). */
export class SheetCells implements TagHandler {
  /** The last row with a cell (or a `<row>`). */
  maxRow = 0;
  private inData = false;
  private row = 0;
  private col = 0;
  /** Shared formulas' first cells, by group. */
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  // The cell being read.
  private cRow = 0;
  private cCol = 0;
  private cType: string | undefined;
  private cStyle = 0;
  /** The cell's value metadata (`vm`): Excel's rich values, such as a picture placed in the cell. */
  private cMeta: string | undefined;
  /** The cell's reference (refAt), -1 for none. */
  private ref = -1;
  /** The value's text, when it came in more than one piece (or as CDATA); else its one piece's place, `segStart`..`segEnd`. */
  private value = '';
  private segStart = -1;
  private segEnd = -1;
  private hasValue = false;
  private formula = '';
  private fType: string | undefined;
  private fShared: { si?: string; ref?: string } | undefined;
  private inCell = false;
  /** The cell is after the columns read: passed over. */
  private skip = false;
  private inInline = false;
  private phonetic = 0;
  /** 0: nothing, 1: a value (`<v>`, or `<t>` of an inline string), 2: a formula. */
  private capture = 0;

  private readonly xml: string;
  private readonly slice: (start: number, end: number) => string;
  /** Which cell styles show dates (read when a number cell with a style is first met). */
  private dateStyles: boolean[] | undefined;
  /** An attribute's places (nextAttribute). */
  private readonly at = new Int32Array(4);
  /** A tag's places (quickTag). */
  private readonly tag = [0, 0, 0, 0];

  constructor(
    text: SheetText,
    private readonly sheetName: string,
    private readonly ctx: SheetContext,
    private readonly store: CellStore,
    private readonly pictures: Set<string>,
    private readonly maxCol = Infinity,
    /** Cells as Excel and plan-report write them read at once (quickCell); false reads every tag (the tests' oracle). */
    private readonly quick = true,
  ) {
    this.xml = text.xml;
    this.slice = text.slice;
  }

  open(ns: number, ne: number, as: number, ae: number, self: boolean): number | void {
    const xml = this.xml;
    if (!this.inData) {
      if (named(xml, ns, ne, 'sheetData')) this.inData = !self;
      return;
    }
    if (ne - ns === 1) {
      switch (xml.charCodeAt(ns)) {
        case 99: // c
          this.startCell(as, ae);
          return self || !this.quick ? undefined : this.skip ? this.passOver(ae + 1) : this.quickCell(ae + 1);
        case 118: // v
          if (this.inCell && !this.skip && !self) this.capture = 1;
          return;
        case 116: // t
          if (this.inInline && !this.phonetic && !self) this.capture = 1;
          return;
        case 102: // f
          if (this.inCell && !this.skip) this.startFormula(as, ae, self);
          return;
      }
    } else if (named(xml, ns, ne, 'row')) this.startRow(as, ae);
    else if (named(xml, ns, ne, 'is')) {
      if (this.inCell && !this.skip) this.inInline = true;
    } else if (named(xml, ns, ne, 'rPh')) {
      if (this.inCell) this.phonetic++;
    }
  }

  close(ns: number, ne: number): void {
    if (!this.inData) return;
    const xml = this.xml;
    if (ne - ns === 1) {
      const c = xml.charCodeAt(ns);
      if (c === 99) {
        if (this.inCell) this.finish();
      } else if (c === 118 || c === 116 || c === 102) this.capture = 0;
    } else if (named(xml, ns, ne, 'is')) this.inInline = false;
    else if (named(xml, ns, ne, 'rPh')) {
      if (this.phonetic) this.phonetic--;
    } else if (named(xml, ns, ne, 'sheetData')) this.inData = false;
  }

  text(start: number, end: number, cdata: boolean): void {
    if (!this.capture) return;
    if (this.capture === 1 && !this.hasValue && !cdata) {
      // The first piece of a value (text, never empty, so never empty once decoded): its place is kept, not its text.
      this.segStart = start;
      this.segEnd = end;
      this.hasValue = true;
      return;
    }
    const raw = this.slice(start, end);
    const s = cdata ? raw : decodeText(raw);
    if (!s) return;
    if (this.capture === 1) {
      this.value = this.valueText() + s;
      this.segStart = -1;
      this.hasValue = true;
    } else this.formula += s;
  }

  /**
   * A cell's content as Excel and plan-report write it, read at once from
   * `from` (after its start tag): `<v>text</v></c>`, `<is><t>text</t></is></c>`
   * or `</c>`, with no markup in the text. Gives the place after its `</c>`,
   * the cell read as the tags would have read it; 0 for anything else (nothing
   * read: the tags are read one by one).
   */
  private quickCell(from: number): number {
    const xml = this.xml;
    let start: number;
    let tail: string;
    if (xml.startsWith('<v>', from)) {
      start = from + 3;
      tail = '</v></c>';
    } else if (xml.startsWith('<is><t>', from)) {
      start = from + 7;
      tail = '</t></is></c>';
    } else if (xml.startsWith('</c>', from)) {
      this.finish();
      return from + 4;
    } else return 0;
    const lt = xml.indexOf('<', start);
    if (lt < 0 || !xml.startsWith(tail, lt)) return 0;
    if (lt > start) {
      this.segStart = start;
      this.segEnd = lt;
      this.hasValue = true;
    }
    this.finish();
    return lt + tail.length;
  }

  /**
   * A cell after the columns read, passed over from `from` to its `</c>`, its
   * tags read (quickTag) but not its values: the place after the `</c>`, or 0
   * where the tags must be read one by one (a comment, CDATA or markup the
   * quick reading leaves to the regular expression, a cell or row inside it).
   */
  private passOver(from: number): number {
    const xml = this.xml;
    const n = xml.length;
    const tag = this.tag;
    for (let at = from; ;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) return 0;
      const next = quickTag(xml, lt, n, tag);
      if (next < 0) return 0;
      const [slash, ns, ne] = tag;
      if (ne - ns === 1 && xml.charCodeAt(ns) === 99) {
        if (!slash) return 0;
        this.finish();
        return next;
      }
      if (named(xml, ns, ne, 'row') || named(xml, ns, ne, 'sheetData')) return 0;
      at = next;
    }
  }

  /** The value's text so far. */
  private valueText(): string {
    return this.segStart >= 0 ? decodeText(this.slice(this.segStart, this.segEnd)) : this.value;
  }

  private startRow(as: number, ae: number): void {
    const { xml, at } = this;
    let r = NaN;
    for (let i = as; (i = nextAttribute(xml, i, ae, at)) >= 0;)
      if (at[1] - at[0] === 1 && xml.charCodeAt(at[0]) === 114) r = parseInt(decodeText(this.slice(at[2], at[3])), 10);
    this.row = r > 0 ? r : this.row + 1;
    this.col = 0;
    if (this.row > this.maxRow) this.maxRow = beyondGrid(this.row, this.sheetName);
  }

  /** A `<c>`: where it is (its reference, else next to the cell before), and a clean state. */
  private startCell(as: number, ae: number): void {
    this.ref = -1;
    this.cType = undefined;
    this.cStyle = 0;
    this.cMeta = undefined;
    if (!this.quickAttributes(as, ae)) {
      // The attributes as any XML reader takes them (the quick reading may have read some: read again).
      this.ref = -1;
      this.cType = undefined;
      this.cStyle = 0;
      this.cMeta = undefined;
      const { xml, at } = this;
      for (let i = as; (i = nextAttribute(xml, i, ae, at)) >= 0;) this.cellAttribute(at[0], at[1], at[2], at[3]);
    }
    const ref = this.ref;
    if (ref >= 0) {
      this.cRow = Math.floor(ref / COLS);
      this.cCol = ref % COLS;
      this.row = this.cRow;
    } else {
      this.cRow = this.row || 1;
      this.cCol = this.col + 1;
    }
    this.col = this.cCol;
    if (this.cRow > this.maxRow) this.maxRow = beyondGrid(this.cRow, this.sheetName);
    this.value = '';
    this.segStart = -1;
    this.hasValue = false;
    this.formula = '';
    this.fType = undefined;
    this.fShared = undefined;
    this.inInline = false;
    this.phonetic = 0;
    this.capture = 0;
    this.inCell = true;
    this.skip = this.cCol > this.maxCol;
  }

  /**
   * The attributes as Excel and LibreOffice write them, ` name="value"` with
   * names of lower-case letters, read in one pass; false (some perhaps read)
   * for anything else.
   */
  private quickAttributes(as: number, ae: number): boolean {
    const xml = this.xml;
    let i = as;
    while (i < ae) {
      if (xml.charCodeAt(i) !== 32) return false;
      let j = i + 1;
      for (let c = xml.charCodeAt(j); c >= 97 && c <= 122; c = xml.charCodeAt(++j));
      if (j === i + 1 || xml.charCodeAt(j) !== 61 || xml.charCodeAt(j + 1) !== 34) return false;
      let e = j + 2;
      while (e < ae && xml.charCodeAt(e) !== 34) e++;
      if (e >= ae) return false;
      this.cellAttribute(i + 1, j, j + 2, e);
      i = e + 1;
    }
    return true;
  }

  /** A cell's attribute: `r`, `t`, `s` and `vm` are read (the last of each, as an attribute map would keep it). */
  private cellAttribute(ns: number, ne: number, vs: number, ve: number): void {
    const xml = this.xml;
    if (ne - ns === 1) {
      const c = xml.charCodeAt(ns);
      if (c === 114) this.ref = refAt(xml, vs, ve);
      else if (c === 116) this.cType = cellType(xml, vs, ve) ?? decodeText(this.slice(vs, ve));
      else if (c === 115) this.cStyle = digitsAt(xml, vs, ve) ?? (parseInt(decodeText(this.slice(vs, ve)), 10) || 0);
    } else if (named(xml, ns, ne, 'vm')) this.cMeta = decodeText(this.slice(vs, ve));
  }

  /** An `<f>`: a formula is text in <f>, or an <f> with a type (a cell of a shared formula's group has no text). */
  private startFormula(as: number, ae: number, self: boolean): void {
    const { xml, at } = this;
    let t: string | undefined;
    let si: string | undefined;
    let ref: string | undefined;
    for (let i = as; (i = nextAttribute(xml, i, ae, at)) >= 0;) {
      const v = decodeText(this.slice(at[2], at[3]));
      if (named(xml, at[0], at[1], 't')) t = v;
      else if (named(xml, at[0], at[1], 'si')) si = v;
      else if (named(xml, at[0], at[1], 'ref')) ref = v;
    }
    if (t !== undefined) this.fType = t;
    if (t === 'shared') this.fShared = { si, ref };
    if (!self) this.capture = 2;
  }

  private finish(): void {
    this.inCell = false;
    if (this.skip) return;
    if (this.formula !== '' || this.fType !== undefined) this.store.hold(this.cRow, this.cCol, { formula: this.sharedFormula() });
    else if (this.hasValue) this.putValue();
    // Excel 365 keeps a picture placed in a cell as an error value (`#VALUE!`) with rich-value metadata.
    if (this.cType === 'e' && this.cMeta !== undefined) this.pictures.add(`${this.cRow}:${this.cCol}`);
  }

  /** A cell without a formula: how its text reads, by its type, and where the text is (or the text, when it came in pieces). */
  private putValue(): void {
    let kind: Kind;
    switch (this.cType) {
      case 's': {
        const value = this.valueText();
        const i = parseInt(value, 10);
        if (!(i >= 0 && i < this.ctx.strings().length))
          throw new WorkbookError(`cell ${columnLetter(this.cCol)}${this.cRow} of sheet "${this.sheetName}" names shared string ${value}, which is missing`);
        return this.store.put(this.cRow, this.cCol, Kind.Shared, i, i);
      }
      case 'str':
        kind = Kind.Str;
        break;
      case 'inlineStr':
        kind = Kind.Inline;
        break;
      case 'b':
        kind = Kind.Bool;
        break;
      case 'e':
        kind = Kind.Error;
        break;
      case 'd':
        kind = Kind.IsoDate;
        break;
      default:
        kind = this.cStyle && (this.dateStyles ??= this.ctx.dateStyles())[this.cStyle] ? Kind.DateNumber : Kind.Number;
    }
    if (this.segStart >= 0) this.store.put(this.cRow, this.cCol, kind, this.segStart, this.segEnd);
    else this.store.hold(this.cRow, this.cCol, valueOf(kind, this.value, this.ctx.date1904));
  }

  /** The cell's formula: its own text, or its shared formula's moved to this cell. */
  private sharedFormula(): string {
    const { formula, fShared } = this;
    if (this.fType !== 'shared' || fShared?.si === undefined) return formula;
    if (fShared.ref !== undefined && formula !== '') this.masters.set(fShared.si, { formula, row: this.cRow, col: this.cCol });
    else if (formula === '') {
      const m = this.masters.get(fShared.si);
      if (m) return slideFormula(m.formula, this.cRow - m.row, this.cCol - m.col);
    }
    return formula;
  }
}
