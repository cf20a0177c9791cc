/**
 * A large sheet's cells read in advance, in the worker thread that inflates
 * it (sheet-worker.ts), while the main thread does other work: `generate
 * --since` checks its data file meanwhile, then reads the previous report's
 * Measures sheet (92 MB for 100,000 measures) without parsing it again.
 *
 * The worker does not know how many columns the reader will ask for (that
 * is in the report's record, read later), so it reads every cell
 * (sheet-bytes.ts, deferring): a cell whose content is not plain (a formula,
 * rich text) is passed over and its column kept, as a reading of fewer
 * columns passes over the cells after them. Its cells are a list in the
 * order read, with each one's style and, for a shared string, its index
 * unchecked (the worker has neither the styles nor the shared strings). The
 * main thread replays the list into a CellStore, keeping the cells of the
 * columns read, finding dates by their style and checking the shared
 * strings: the same cells, in the same order, as its own reading of those
 * columns would put. Where that could differ (a cell not plain among the
 * columns read, a shared string that is missing) nothing is replayed and the
 * sheet is read as before, giving the same cells or the same refusal.
 */
import { CellStore, Kind } from './cell-store';
import { sheetDataAt, SheetBytesReader, type CellSink, type SheetBytes } from './sheet-bytes';
import type { SheetContext } from './sheet-cells';

/** A sheet's cells as read in advance: in typed arrays, moved (not copied) from the worker thread. */
export interface PreparedCells {
  /** The place of `<sheetData>`'s name, and of the `</sheetData>` the cells were read to (sheet-bytes.ts, sheetDataAt). */
  at: number;
  end: number;
  /** The last row met (a cell's or a row's), as SheetBytesReader.maxRow. */
  maxRow: number;
  /** The first column of a cell not plain: the cells are those of a reading of fewer columns than it only. */
  firstUnplain: number;
  /** The row and cell elements from `<sheetData>` to `end`, counted as limits.ts's countRowsAndCellsIn counts them. */
  rowsRead: number;
  cellsRead: number;
  count: number;
  rows: Int32Array;
  cols: Int32Array;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  styles: Int32Array;
}

/** The typed arrays of prepared cells: what a worker moves to the main thread. */
export const preparedBuffers = (p: PreparedCells): ArrayBuffer[] => [p.rows, p.cols, p.kinds, p.starts, p.ends, p.styles].map((a) => a.buffer as ArrayBuffer);

/** More cells than a list may hold (prepareCells' `maxCells`). */
class TooManyCells extends Error {}

/** The cells as read, in order, at most `most` of them. */
class CellList implements CellSink {
  count = 0;
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  kinds = new Uint8Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  styles = new Int32Array(1024);

  constructor(private readonly most: number) {}

  put(row: number, col: number, kind: Kind, start: number, end: number, style: number): void {
    if (this.count >= this.most) throw new TooManyCells();
    const k = this.count++;
    if (k === this.rows.length) this.grow();
    this.rows[k] = row;
    this.cols[k] = col;
    this.kinds[k] = kind;
    this.starts[k] = start;
    this.ends[k] = end;
    this.styles[k] = style;
  }

  private grow(): void {
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    [this.rows, this.cols, this.starts, this.ends, this.styles] = [this.rows, this.cols, this.starts, this.ends, this.styles].map(more);
    this.kinds = more(this.kinds);
  }
}

/**
 * The worker's reading context: no styles (a number's style is kept instead) and shared strings of any index (kept
 * unchecked, checked on replay).
 */
const WORKER_CONTEXT: SheetContext = {
  strings: () => ({ length: 2 ** 31 }) as string[],
  dateStyles: () => [],
  date1904: false,
  maxCells: Infinity,
};

/**
 * Reads a sheet's cells in advance (in a worker thread); undefined where the main thread's reading would give up or
 * refuse, or the sheet has more than `maxCells` cells (it is then refused for its size, not read).
 */
export function prepareCells(src: SheetBytes, maxCells = Infinity): PreparedCells | undefined {
  const found = sheetDataAt(src);
  if (!found) return undefined;
  let tooMany = false;
  const readTo = (end: number): PreparedCells | undefined => {
    const list = new CellList(maxCells);
    const reader = new SheetBytesReader(src, '', WORKER_CONTEXT, list, Infinity, true);
    try {
      if (!reader.read(found.at + 10, end)) return undefined;
    } catch (err) {
      tooMany = err instanceof TooManyCells;
      return undefined;
    }
    const { count, rows, cols, kinds, starts, ends, styles } = list;
    const cut = <T extends Int32Array | Uint8Array>(a: T): T => a.slice(0, count) as T;
    return {
      at: found.at,
      end,
      maxRow: reader.maxRow,
      firstUnplain: reader.firstUnplain,
      rowsRead: reader.rows,
      cellsRead: reader.cells,
      count,
      rows: cut(rows),
      cols: cut(cols),
      kinds: cut(kinds),
      starts: cut(starts),
      ends: cut(ends),
      styles: cut(styles),
    };
  };
  const first = found.first();
  return readTo(found.last) ?? (first !== found.last && !tooMany ? readTo(first) : undefined);
}

/**
 * The cells of the first `columns` columns as the main thread's own reading puts them (PartsSheet), from cells read
 * in advance; undefined where they could differ (then the sheet is read again, as it was).
 */
export function replayPrepared(p: PreparedCells, src: SheetBytes, ctx: SheetContext, columns: number): { store: CellStore; maxRow: number } | undefined {
  if (p.firstUnplain <= columns) return undefined;
  const store = new CellStore(src.slice, ctx.date1904, ctx.strings, src.text);
  let dates: boolean[] | undefined;
  let strings: number | undefined;
  for (let k = 0; k < p.count; k++) {
    const col = p.cols[k];
    if (col > columns) continue;
    let kind = p.kinds[k] as Kind;
    const style = p.styles[k];
    if (kind === Kind.Number && style && (dates ??= ctx.dateStyles())[style]) kind = Kind.DateNumber;
    else if (kind === Kind.Shared && !(p.starts[k] < (strings ??= ctx.strings().length))) return undefined;
    store.put(p.rows[k], col, kind, p.starts[k], p.ends[k]);
  }
  return { store, maxRow: p.maxRow };
}
