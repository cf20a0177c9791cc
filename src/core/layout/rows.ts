/** Reading a sheet's rows, whatever holds them. Writers use these, not `sheet.rows` directly. */
import type { Row, Sheet } from './model';

/**
 * Every row of a sheet from row 1: its `rows`, then its `body`, produced as they are read. A plain iterator, not a
 * generator delegating to the body's: the writer goes through 40,000 to a million rows here.
 */
export function sheetRows(sheet: Sheet): Iterable<Row> {
  const body = sheet.body;
  if (!body) return sheet.rows;
  return { [Symbol.iterator]: () => new SheetRows(sheet.rows, body) };
}

class SheetRows implements Iterator<Row> {
  private at = 0;
  private body?: Iterator<Row>;

  constructor(
    private readonly rows: readonly Row[],
    private readonly source: Iterable<Row>,
  ) {}

  next(): IteratorResult<Row> {
    if (this.at < this.rows.length) return { value: this.rows[this.at++], done: false };
    this.body ??= this.source[Symbol.iterator]();
    return this.body.next();
  }

  /** Left before the end: the body's rows are let go of (a data file read again is closed). */
  return(): IteratorResult<Row> {
    this.body?.return?.();
    this.at = this.rows.length;
    this.body = EMPTY;
    return { value: undefined, done: true };
  }
}

const EMPTY: Iterator<Row> = { next: () => ({ value: undefined, done: true }) };

/** The sheet with every row in `rows`: for writers that send a sheet's cells as one block (Office.js). */
export function materialize(sheet: Sheet): Sheet {
  return sheet.body ? { ...sheet, rows: [...sheetRows(sheet)], body: undefined } : sheet;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length + (sheet.body?.length ?? 0);
}
