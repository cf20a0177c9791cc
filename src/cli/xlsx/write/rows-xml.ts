/**
 * A worksheet's `<row>` elements, written as UTF-8 bytes (xml-bytes.ts): the
 * cells of a large sheet go straight into bytes, with no string made for a
 * cell or a row. The common cells (inline text, numbers, dates, blanks with a
 * style, the later cells of a shared formula) are written here; any other
 * goes through cellXml, so that every cell is written exactly as cellXml
 * writes it (a property test compares the two).
 */
import type { Cell, Sheet } from '../../../core/layout/model';
import { columnLetter } from '../../../core/layout/refs';
import { sheetRows } from '../../../core/layout/rows';
import { dateToSerial } from '../../../core/periods';
import type { StyleTable } from './styles-xml';
import { XmlBytes } from './xml-bytes';
import { cellXml, keepsSpace } from './xml';

/** Room for a cell's markup around its text: tags, reference, style, shared group, a number. */
const CELL_ROOM = 160;

/** The cells a merge covers, by row and column (1-based), with the xf of the merge's first cell. */
export type Covered = Map<number, Map<number, number | undefined>>;

/** Writes the start of a `<c>` element up to its open attribute: `<c r="B7" s="3`. `r` is the row's number as text. */
function cellStart(out: XmlBytes, letter: string, r: string, xf: number | undefined): void {
  out.room(CELL_ROOM);
  out.ascii('<c r="');
  out.ascii(letter);
  out.ascii(r);
  if (xf) {
    out.ascii('" s="');
    out.number(xf);
  }
}

/** A later cell of a shared formula whose cached value is a number or blank; false for any other (cellXml writes it). */
function sharedFollower(out: XmlBytes, letter: string, r: string, v: Cell['v'], xf: number | undefined, si: number): boolean {
  if (typeof v === 'number') {
    cellStart(out, letter, r, xf);
    out.ascii('"><f t="shared" si="');
    out.number(si);
    out.ascii('"/><v>');
    out.number(v);
    out.ascii('</v></c>');
    return true;
  }
  if (v !== null && v !== '') return false;
  cellStart(out, letter, r, xf);
  out.ascii('" t="str"><f t="shared" si="');
  out.number(si);
  out.ascii('"/><v></v></c>');
  return true;
}

/** A cell without a formula holding text, a number or a date; false for any other (cellXml writes it). */
function valueCell(out: XmlBytes, letter: string, r: string, v: Cell['v'], xf: number | undefined): boolean {
  if (typeof v === 'string') {
    cellStart(out, letter, r, xf);
    out.ascii(keepsSpace(v) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
    out.text(v);
    out.room(16);
    out.ascii('</t></is></c>');
    return true;
  }
  const n = typeof v === 'number' ? v : v !== null && typeof v === 'object' && 'date' in v ? dateToSerial(v.date) : undefined;
  if (n === undefined) return false;
  cellStart(out, letter, r, xf);
  out.ascii('"><v>');
  out.number(n);
  out.ascii('</v></c>');
  return true;
}

/**
 * A cell with a formula of its own (not shared, not an array) whose cached value is a number, text or blank; false for
 * any other (cellXml writes it). The Summary's and Dashboard's formulas: 2.5 MB of the 1k x 40 indicators report.
 */
function formulaCell(out: XmlBytes, letter: string, r: string, f: string, v: Cell['v'], xf: number | undefined): boolean {
  const number = typeof v === 'number';
  if (!number && v !== null && typeof v !== 'string') return false;
  cellStart(out, letter, r, xf);
  out.ascii(number ? '"><f>' : '" t="str"><f>');
  out.text(f);
  out.room(CELL_ROOM);
  out.ascii('</f><v>');
  if (number) out.number(v);
  else if (v) out.text(v);
  out.room(16);
  out.ascii('</v></c>');
  return true;
}

/**
 * Writes one cell as cellXml(ref, cell, xf, si) would. `v` is its value, a number the file format cannot hold
 * (Infinity, NaN) blank; `follows`, whether it is a later cell of a shared formula, written without reading its
 * formula (layout/formulas.ts, rowCell).
 */
function writeCell(out: XmlBytes, letter: string, r: string, cell: Cell, v: Cell['v'], xf: number | undefined, si: number | undefined): void {
  const follows = si !== undefined && cell.sharedFrom !== undefined && !cell.shares && !cell.array;
  if (follows) {
    if (sharedFollower(out, letter, r, v, xf, si)) return;
  } else if (cell.f === undefined) {
    if (v !== null && valueCell(out, letter, r, v, xf)) return;
  } else if (si === undefined && !cell.array && formulaCell(out, letter, r, cell.f, v, xf)) return;
  out.utf8(cellXml(letter + r, cell, xf, si));
}

/** Whether cellXml writes nothing for a cell: no formula, blank, no style. */
function writesNothing(cell: Cell, v: Cell['v'], xf: number | undefined, si: number | undefined): boolean {
  if (v !== null || xf) return false;
  return !(si !== undefined && cell.sharedFrom !== undefined && !cell.shares && !cell.array) && cell.f === undefined;
}

/** Writes a `<row>` start tag. */
function rowStart(out: XmlBytes, r: string, height: number | undefined): void {
  out.room(CELL_ROOM);
  out.ascii('<row r="');
  out.ascii(r);
  if (height === undefined) return out.ascii('">');
  out.ascii('" ht="');
  out.number(height);
  out.ascii('" customHeight="1">');
}

/**
 * The `<row>` elements of a sheet in chunks of bytes; `onRows` is told the rows written before each chunk. A row with
 * nothing to write and no height is left out. Shared formulas are numbered (`si`) in the order their first cells come.
 * `out`, when given, is written into (a whole one: nothing is yielded).
 */
export function* rowsXml(sheet: Sheet, styles: StyleTable, covered: Covered, onRows?: (rows: number) => void, out = new XmlBytes()): Generator<Uint8Array> {
  /** Shared formulas: the master cell's address -> its group number (`si`). */
  const shared = new Map<string, number>();
  // Column letters made once a column, not once a cell (a sheet of 40,000 rows asks for each 40,000 times).
  const letters: string[] = [];
  // The xf of each column's last style: a style's xf is looked up by name once a run of equal styles, not once a cell.
  const lastStyle: (string | undefined)[] = [];
  const lastXf: (number | undefined)[] = [];
  let r = 0;
  for (const row of sheetRows(sheet)) {
    r++;
    // The row's number as text, made once for its cells.
    const at = String(r);
    const extra = covered.get(r);
    let width = row.cells.length;
    if (extra) for (const c of extra.keys()) width = Math.max(width, c);
    let open = false;
    for (let c = 0; c < width; c++) {
      const cell = row.cells[c] ?? (extra?.has(c + 1) ? { v: null } : undefined);
      if (!cell) continue;
      const letter = (letters[c] ??= columnLetter(c + 1));
      let xf: number | undefined;
      if (!row.cells[c]) xf = extra!.get(c + 1);
      else if (cell.locked === false) xf = styles.unlocked[cell.s ?? 'default'];
      else if (cell.s !== undefined && cell.s === lastStyle[c]) xf = lastXf[c];
      else if (cell.s) {
        xf = lastXf[c] = styles.xf[cell.s];
        lastStyle[c] = cell.s;
      }
      let si: number | undefined;
      if (cell.shares) shared.set(letter + at, (si = shared.size));
      else if (cell.sharedFrom) si = shared.get(cell.sharedFrom);
      // A number the file format cannot hold (Infinity, NaN) is never written: the cell is blank.
      const v = typeof cell.v === 'number' && !Number.isFinite(cell.v) ? null : cell.v;
      if (writesNothing(cell, v, xf, si)) continue;
      if (!open) rowStart(out, at, row.height);
      open = true;
      writeCell(out, letter, at, cell, v, xf, si);
    }
    if (!open && row.height === undefined) continue;
    if (!open) rowStart(out, at, row.height);
    out.room(8);
    out.ascii('</row>');
    const done = out.take();
    if (done.length) {
      onRows?.(r);
      yield* done;
    }
  }
  onRows?.(r);
  yield* out.take(true);
}
