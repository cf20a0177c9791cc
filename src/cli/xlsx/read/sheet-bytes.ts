/**
 * The cells of a large sheet's `<sheetData>` read straight from its bytes
 * (no text made of the whole part): rows and cells as Excel and plan-report
 * write them (`<row r="..." ...>`, `<c r="A1" s="1" t="...">` with
 * `<v>text</v>`, `<is><t>text</t></is>` or nothing), and cells after the
 * columns read passed over to their `</c>` whatever plain tags they hold (a
 * report's hidden code cells with their shared formulas). A value is kept as
 * its place; its text is cut from its own bytes when it is asked for.
 *
 * Anything else (a comment, CDATA, a namespace prefix, a formula or rich
 * text in a column read, an attribute written otherwise, an `&` in a
 * reference) makes the reading give up: the caller reads the sheet again as
 * text, tag by tag (sheet-cells.ts, which stays the oracle these cells are
 * tested against). Every `<` of the cells is read here as one of these tags,
 * so the rows and cells are also counted as limits.ts's regular expression
 * counts them.
 */
import { columnLetter } from '../../../core/layout/refs';
import { Kind } from './cell-store';
import type { PreparedCells } from './sheet-prepared';
import { beyondGrid, WorkbookError, type SheetContext } from './sheet-cells';
import { decodeText } from './xml-scan';

/** As sheet-cells.ts: row * COLS + column. */
const COLS = 32768;

/**
 * Where a reading puts the cells it reads: a CellStore, or (a reading in advance in a worker thread,
 * sheet-prepared.ts) a list of them. `style` is the cell's style index (its `s`).
 */
export interface CellSink {
  put(row: number, col: number, kind: Kind, start: number, end: number, style: number): void;
}

/** The sheet's bytes and where its text starts (after a byte order mark): places given out are from there. */
export interface SheetBytes {
  bytes: Buffer;
  base: number;
  /** The text at `start`..`end` (places from `base`), raw. */
  slice(start: number, end: number): string;
  /** That text decoded, as decodeText decodes it. */
  text(start: number, end: number): string;
  /** Its cells, read in advance in the worker thread that inflated it (sheet-prepared.ts). */
  prepared?: PreparedCells;
}

/** The bytes `s` at `i`. */
function bytesAt(b: Uint8Array, i: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** What a cell's `t` reads as, by code: 0 none (a number), 1 s, 2 str, 3 inlineStr, 4 b, 5 e, 6 d, 7 n; -1 anything else. */
function typeCode(b: Uint8Array, from: number, to: number): number {
  if (to - from === 1) {
    switch (b[from]) {
      case 115:
        return 1;
      case 98:
        return 4;
      case 101:
        return 5;
      case 100:
        return 6;
      case 110:
        return 7;
    }
    return -1;
  }
  if (to - from === 3 && b[from] === 115 && b[from + 1] === 116 && b[from + 2] === 114) return 2;
  if (to - from === 9 && bytesAt(b, from, 'inlineStr')) return 3;
  return -1;
}

/** A reference of 1-3 letters and 1-7 digits as row * COLS + column; -1 for anything else. */
function refIn(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let col = 0;
  for (; i < to && i - from < 3; i++) {
    const c = b[i] | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - from;
  let row = 0;
  for (; i < to; i++) {
    const c = b[i];
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  return letters > 0 && i === to && to - from - letters >= 1 && to - from - letters <= 7 ? row * COLS + col : -1;
}

/** 1-9 digits as a number; -1 for anything else. */
function digitsIn(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** A `<sheetData` start tag, with or without a namespace prefix. */
export const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s>/])/;

/**
 * Where a plain `<sheetData>` is in the bytes: `at`, the place of its name, when it is the first one and written
 * plain, and `last`, its last `</sheetData>` (searched from the part's end: it is near it; the first one after
 * the start is 92 MB on for 100,000 measures), with `first()`, its first one; undefined when it is not so.
 */
export function sheetDataAt(src: SheetBytes): { at: number; last: number; first(): number } | undefined {
  const b = src.bytes;
  const at = b.indexOf('sheetData', src.base, 'latin1');
  if (at < 1 || b[at - 1] !== 60 || b[at + 9] !== 62) return undefined;
  const start = SHEET_DATA.exec(b.toString('latin1', src.base, at + 10));
  if (!start || start.index !== at - 1 - src.base) return undefined;
  const last = b.lastIndexOf('</sheetData>', b.length, 'latin1');
  if (last < at) return undefined;
  return { at, last, first: () => b.indexOf('</sheetData>', at, 'latin1') };
}

/** Gave up: the sheet is read tag by tag instead. */
const GIVE_UP = -1;

export class SheetBytesReader {
  maxRow = 0;
  rows = 0;
  cells = 0;
  /** With `deferring`: the first column of a cell whose content was not plain, passed over. */
  firstUnplain = Infinity;
  private row = 0;
  private col = 0;
  // The cell being read.
  private ref = -1;
  private type = 0;
  private style = 0;
  private dateStyles: boolean[] | undefined;

  constructor(
    private readonly src: SheetBytes,
    private readonly sheetName: string,
    private readonly ctx: SheetContext,
    private readonly store: CellSink,
    private readonly maxCol = Infinity,
    /**
     * Cells whose content is not plain (a formula, rich text) are passed over, their first column kept in
     * `firstUnplain`, instead of giving up: the cells read are then those of any reading of fewer columns than it
     * (sheet-prepared.ts reads a sheet so before knowing how many columns its reader wants).
     */
    private readonly deferring = false,
  ) {}

  /**
   * The cells from `from` (after `<sheetData>`) to `end` (its `</sheetData>`),
   * places in the bytes: true when all were read; false when the sheet is not
   * of the plain form (what was put in the store is to be thrown away).
   */
  read(from: number, end: number): boolean {
    const b = this.src.bytes;
    let i = from;
    for (;;) {
      while (i < end && b[i] !== 60) i++;
      if (i >= end) return i === end;
      const c1 = b[i + 1];
      if (c1 === 99) i = this.cell(i + 2, end);
      else if (c1 === 114 && b[i + 2] === 111 && b[i + 3] === 119) i = this.startRow(i + 4, end);
      else if (c1 === 47 && bytesAt(b, i + 2, 'row>')) i += 6;
      else return false;
      if (i < 0) return false;
    }
  }

  /**
   * The attributes from `i` to the tag's end, ` name="value"` each: calls
   * `attribute` with their places; the place after the tag, negated and less
   * one when it closed itself, or GIVE_UP (a `<` in a value, a name with
   * more than `nameChars` allow, anything not of that form).
   */
  private attributes(i: number, end: number, cell: boolean): number {
    const b = this.src.bytes;
    for (;;) {
      const c = b[i];
      if (c === 62) return i + 1;
      if (c === 47) return b[i + 1] === 62 ? -(i + 2) - 1 : GIVE_UP;
      if (c !== 32 && (cell || (c !== 9 && c !== 10 && c !== 13))) return GIVE_UP;
      let j = ++i;
      if (cell) while (b[j] >= 97 && b[j] <= 122) j++;
      else while (isLetter(b[j]) || b[j] === 58 || b[j] === 95 || b[j] === 46 || b[j] === 45 || (b[j] >= 48 && b[j] <= 57)) j++;
      if (j === i || b[j] !== 61 || b[j + 1] !== 34) {
        if (!cell && j === i) continue;
        return GIVE_UP;
      }
      let e = j + 2;
      while (e < end && b[e] !== 34 && b[e] !== 60) e++;
      if (e >= end || b[e] !== 34) return GIVE_UP;
      if (!(cell ? this.cellAttribute(i, j, j + 2, e) : this.rowAttribute(i, j, j + 2, e))) return GIVE_UP;
      i = e + 1;
    }
  }

  /** A row's attribute: `r` read (a plain number), a namespace declaration a give-up, the others passed over. */
  private rowAttribute(ns: number, ne: number, vs: number, ve: number): boolean {
    const b = this.src.bytes;
    let colon = ns;
    while (colon < ne && b[colon] !== 58) colon++;
    if ((colon < ne ? colon : ne) - ns === 5 && bytesAt(b, ns, 'xmlns')) return false;
    const local = colon < ne ? colon + 1 : ns;
    if (ne - local !== 1 || b[local] !== 114) return true;
    const r = digitsIn(b, vs, ve);
    if (r < 0) return false;
    this.ref = r;
    return true;
  }

  private startRow(i: number, end: number): number {
    const c = this.src.bytes[i];
    if (c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13) return GIVE_UP;
    this.rows++;
    this.ref = -1;
    const after = this.attributes(i, end, false);
    if (after === GIVE_UP) return GIVE_UP;
    const r = this.ref;
    this.row = r > 0 ? r : this.row + 1;
    this.col = 0;
    if (this.row > this.maxRow) this.maxRow = beyondGrid(this.row, this.sheetName);
    return after < 0 ? -after - 1 : after;
  }

  /** A cell's attribute: `r`, `t` and `s` read (the last of each), `vm` a give-up (a picture), the others passed over. */
  private cellAttribute(ns: number, ne: number, vs: number, ve: number): boolean {
    const b = this.src.bytes;
    if (ne - ns === 1) {
      const c = b[ns];
      if (c === 114) return (this.ref = refIn(b, vs, ve)) >= 0;
      if (c === 116) return (this.type = typeCode(b, vs, ve)) >= 0;
      if (c === 115) return (this.style = digitsIn(b, vs, ve)) >= 0;
    } else if (ne - ns === 2 && b[ns] === 118 && b[ns + 1] === 109) return false;
    return true;
  }

  /** A `<c` at `i` - 2: its attributes, then its content; the place after its end. */
  private cell(i: number, end: number): number {
    const b = this.src.bytes;
    const c = b[i];
    if (c !== 32 && c !== 62 && c !== 47) return GIVE_UP;
    this.cells++;
    this.ref = -1;
    this.type = 0;
    this.style = 0;
    const after = this.attributes(i, end, true);
    if (after === GIVE_UP) return GIVE_UP;
    const ref = this.ref;
    let row: number;
    let col: number;
    if (ref >= 0) {
      row = Math.floor(ref / COLS);
      col = ref % COLS;
      this.row = row;
    } else {
      row = this.row || 1;
      col = this.col + 1;
    }
    this.col = col;
    if (row > this.maxRow) this.maxRow = beyondGrid(row, this.sheetName);
    if (after < 0) return -after - 1;
    if (col > this.maxCol) return this.passOver(after, end);
    return this.content(after, end, row, col);
  }

  /** A cell's content from `i`: plain, or (deferring) passed over; else GIVE_UP. */
  private content(i: number, end: number, row: number, col: number): number {
    const after = this.plainContent(i, end, row, col);
    if (after !== GIVE_UP || !this.deferring) return after;
    this.firstUnplain = Math.min(this.firstUnplain, col);
    return this.passOver(i, end);
  }

  /** A cell's content read at once from `i`: `<v>text</v></c>`, `<is><t>text</t></is></c>` or `</c>`; else GIVE_UP. */
  private plainContent(i: number, end: number, row: number, col: number): number {
    const b = this.src.bytes;
    let start: number;
    let tail: string;
    if (bytesAt(b, i, '<v>')) {
      start = i + 3;
      tail = '</v></c>';
    } else if (bytesAt(b, i, '<is><t>')) {
      start = i + 7;
      tail = '</t></is></c>';
    } else return bytesAt(b, i, '</c>') ? i + 4 : GIVE_UP;
    let lt = start;
    while (lt < end && b[lt] !== 60) lt++;
    if (lt >= end || !bytesAt(b, lt, tail)) return GIVE_UP;
    if (lt > start) this.put(row, col, start - this.src.base, lt - this.src.base);
    return lt + tail.length;
  }

  /**
   * A cell after the columns read, passed over from `i` to its `</c>`: plain
   * tags only (letters for a name, no prefix, no cell, row or `sheetData`).
   */
  private passOver(i: number, end: number): number {
    const b = this.src.bytes;
    for (;;) {
      while (i < end && b[i] !== 60) i++;
      if (i >= end) return GIVE_UP;
      const slash = b[i + 1] === 47 ? 1 : 0;
      const ns = i + 1 + slash;
      let ne = ns;
      while (isLetter(b[ne])) ne++;
      const n = ne - ns;
      if (n === 0 || (n === 3 && bytesAt(b, ns, 'row')) || (n === 9 && bytesAt(b, ns, 'sheetData'))) return GIVE_UP;
      if (n === 1 && b[ns] === 99) return slash && b[ne] === 62 ? ne + 1 : GIVE_UP;
      if (slash) {
        if (b[ne] !== 62) return GIVE_UP;
        i = ne + 1;
        continue;
      }
      const c = b[ne];
      if (c !== 32 && c !== 62 && c !== 47) return GIVE_UP;
      // To the tag's `>`, over quoted values (with no `<` in them).
      let q = 0;
      for (i = ne; i < end; i++) {
        const d = b[i];
        if (d === 60) return GIVE_UP;
        if (q) {
          if (d === q) q = 0;
        } else if (d === 34 || d === 39) q = d;
        else if (d === 62) break;
      }
      if (i >= end) return GIVE_UP;
      i++;
    }
  }

  /** A cell's value at `start`..`end` (places from `base`), read by its type as sheet-cells.ts's putValue reads it. */
  private put(row: number, col: number, start: number, end: number): void {
    let kind: Kind;
    switch (this.type) {
      case 1: {
        const value = decodeText(this.src.slice(start, end));
        const i = parseInt(value, 10);
        if (!(i >= 0 && i < this.ctx.strings().length))
          throw new WorkbookError(`cell ${columnLetter(col)}${row} of sheet "${this.sheetName}" names shared string ${value}, which is missing`);
        return this.store.put(row, col, Kind.Shared, i, i, this.style);
      }
      case 2:
        kind = Kind.Str;
        break;
      case 3:
        kind = Kind.Inline;
        break;
      case 4:
        kind = Kind.Bool;
        break;
      case 5:
        kind = Kind.Error;
        break;
      case 6:
        kind = Kind.IsoDate;
        break;
      default:
        kind = this.style && (this.dateStyles ??= this.ctx.dateStyles())[this.style] ? Kind.DateNumber : Kind.Number;
    }
    this.store.put(row, col, kind, start, end, this.style);
  }
}
