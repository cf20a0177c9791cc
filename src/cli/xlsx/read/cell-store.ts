/**
 * A sheet's cells as read (sheet-cells.ts), held without an object a cell:
 * each cell is its kind (how its text reads: a number, a date, text...) and
 * the place of its value's text in the sheet, in typed arrays; its value is
 * made when it is asked for. A cell whose value cannot be told by a place (a
 * formula, a shared string, text in pieces) holds its value.
 */
import type { GridValue } from '../../../core/read/grid';
import { decodeText } from './xml-scan';
import { decodeXstring } from '../xstring';

/** How a cell's text reads. */
export const Kind = {
  /** Its value is held. */
  Held: 0,
  Number: 1,
  /** A number in a date format: a date serial. */
  DateNumber: 2,
  /** An inline string (`t="inlineStr"`). */
  Inline: 3,
  /** A formula's text result (`t="str"`). */
  Str: 4,
  Bool: 5,
  /** An error value (`#N/A`), as text. */
  Error: 6,
  /** An ISO date (`t="d"`). */
  IsoDate: 7,
  /** A shared string, by its index (the place's start). */
  Shared: 8,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** exceljs's second decoding of a formula's text result (`t="str"`). */
const xmlDecodeAgain = (s: string) => s.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);

/** A cell's value from its (decoded) text, by its kind. */
export function valueOf(kind: Kind, value: string, date1904: boolean): GridValue {
  switch (kind) {
    case Kind.Str:
      return decodeXstring(xmlDecodeAgain(value));
    case Kind.Inline:
      return decodeXstring(value);
    case Kind.Bool:
      return parseInt(value, 10) !== 0;
    case Kind.Error:
      return value;
    case Kind.IsoDate: {
      const d = new Date(value.trim());
      return isNaN(d.getTime()) ? decodeXstring(value) : d;
    }
    case Kind.DateNumber:
      return new Date(Math.round((parseFloat(value) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
    default:
      return parseFloat(value);
  }
}

/**
 * Where a sheet's cells are, without an object a row for most rows: a row
 * whose cells come in one run in column order (as Excel and plan-report write
 * them) is its first cell's index, its cells' columns and rows in typed
 * arrays; a row met again later, or with its cells out of order, is a list of
 * its cells by column, as every row once was. 100,000 rows kept as 100,000
 * arrays through the reading were copied by each young collection.
 */
export class CellStore {
  /** Rows read in one run: row -> its first cell's index (its cells follow while `rowOf` is the row). */
  private readonly runs = new Map<number, number>();
  /** Rows read otherwise: row -> column -> the cell's index. */
  private readonly scattered = new Map<number, number[]>();
  private kinds = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  /** Each cell's column and row. */
  private cols = new Int32Array(1024);
  private rowOf = new Int32Array(1024);
  private readonly held = new Map<number, GridValue>();
  private count = 0;
  /** The row whose run is open (the last one begun, until another begins), and the column of its last cell. */
  private openRow = -1;
  private openCol = -1;
  /** The row last looked up (a reader asks for a row's cells in turn): its run's first cell and end, or its list. */
  private lastRow = -1;
  private lastFirst = -1;
  private lastEnd = -1;
  private lastCells: number[] | undefined;

  constructor(
    /** The text of the sheet's cells at a place (raw: entities not decoded). */
    slice: (start: number, end: number) => string,
    private readonly date1904: boolean,
    private readonly strings: () => string[],
    /** The text at a place decoded (as decodeText decodes it), when the sheet has a quicker way than slice then decodeText. */
    private readonly text: (start: number, end: number) => string = (start, end) => decodeText(slice(start, end)),
  ) {}

  /** A cell whose value is the text at `start`..`end` read as `kind`. */
  put(row: number, col: number, kind: Kind, start: number, end: number): void {
    const k = this.index(row, col);
    this.kinds[k] = kind;
    this.starts[k] = start;
    this.ends[k] = end;
  }

  /** A cell with its value. */
  hold(row: number, col: number, value: GridValue): void {
    const k = this.index(row, col);
    this.kinds[k] = Kind.Held;
    this.held.set(k, value);
  }

  has(row: number, col: number): boolean {
    return this.find(row, col) !== undefined;
  }

  /** The rows that hold a cell, in no order. */
  *rowNumbers(): IterableIterator<number> {
    yield* this.runs.keys();
    yield* this.scattered.keys();
  }

  get(row: number, col: number): GridValue {
    const k = this.find(row, col);
    if (k === undefined) return null;
    const kind = this.kinds[k] as Kind;
    if (kind === Kind.Held) return this.held.get(k) ?? null;
    if (kind === Kind.Shared) return this.strings()[this.starts[k]];
    return valueOf(kind, this.text(this.starts[k], this.ends[k]), this.date1904);
  }

  /**
   * The index of the cell at `row`, `col`, if it was read: in a run, searched by halves (its columns increase), so that
   * a reader going along a row of 16,384 cells does not walk the run from its start at every cell.
   */
  private find(row: number, col: number): number | undefined {
    if (row !== this.lastRow) {
      this.lastRow = row;
      this.lastFirst = this.runs.get(row) ?? -1;
      this.lastEnd = this.lastFirst < 0 ? -1 : this.runEnd(this.lastFirst, row);
      this.lastCells = this.lastFirst < 0 ? this.scattered.get(row) : undefined;
    }
    if (this.lastFirst < 0) return this.lastCells?.[col];
    let lo = this.lastFirst;
    let hi = this.lastEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cols[mid] < col) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.lastEnd && this.cols[lo] === col ? lo : undefined;
  }

  /**
   * The index after a run's last cell. A row in `runs` has no cell after its run (a row met again is scattered), so its
   * cells are those from `first` while the row is its own: found by doubling the step, then by halves.
   */
  private runEnd(first: number, row: number): number {
    let lo = first;
    let step = 1;
    while (lo + step < this.count && this.rowOf[lo + step] === row) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(lo + step, this.count);
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.rowOf[mid] === row) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /** The cell's index: its own when the cell was read before (the later one stands), else a new one. */
  private index(row: number, col: number): number {
    this.lastRow = -1;
    if (row === this.openRow && col > this.openCol) {
      this.openCol = col;
      return this.add(row, col);
    }
    const first = this.runs.get(row);
    let cells = this.scattered.get(row);
    if (first === undefined && !cells) {
      this.runs.set(row, this.count);
      this.openRow = row;
      this.openCol = col;
      return this.add(row, col);
    }
    if (!cells) cells = this.scatter(row, first!);
    const had = cells[col];
    if (had !== undefined) {
      this.held.delete(had);
      return had;
    }
    // A cell added out of its run ends the open run: that row's next cell would no longer follow its run.
    this.openRow = -1;
    return (cells[col] = this.add(row, col));
  }

  /** A row's run made a list by column: the row was met again, or a cell came out of order. */
  private scatter(row: number, first: number): number[] {
    const cells: number[] = [];
    for (let k = first; k < this.count && this.rowOf[k] === row; k++) cells[this.cols[k]] = k;
    this.runs.delete(row);
    this.scattered.set(row, cells);
    if (row === this.openRow) this.openRow = -1;
    return cells;
  }

  private add(row: number, col: number): number {
    const k = this.count++;
    if (k === this.kinds.length) this.grow();
    this.cols[k] = col;
    this.rowOf[k] = row;
    return k;
  }

  private grow(): void {
    const n = this.kinds.length * 2;
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    const starts = new Int32Array(n);
    starts.set(this.starts);
    const ends = new Int32Array(n);
    ends.set(this.ends);
    const cols = new Int32Array(n);
    cols.set(this.cols);
    const rowOf = new Int32Array(n);
    rowOf.set(this.rowOf);
    [this.kinds, this.starts, this.ends, this.cols, this.rowOf] = [kinds, starts, ends, cols, rowOf];
  }
}
