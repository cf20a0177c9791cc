/**
 * Rows that can be counted without reading them and gone through in order, as
 * many times as needed: a list in memory (an array is a row source), or rows
 * produced again on each pass (a large data file's measures, read again from
 * the file; a data sheet's rows, built as the workbook is written). A row
 * source has no rows by index and no array methods, so the compiler checks
 * that no code needs rows that may not be in memory.
 */
export interface RowSource<T> {
  readonly length: number;
  [Symbol.iterator](): Iterator<T>;
}

/** `length` rows, produced by `produce` anew on each pass. */
export function rowSource<T>(length: number, produce: () => Iterable<T>): RowSource<T> {
  return new RowsOnDemand(length, produce);
}

/** Each row of `rows` passed through `fn`, on each pass. */
export function mapRows<T, U>(rows: RowSource<T>, fn: (row: T) => U): RowSource<U> {
  return rowSource(rows.length, function* () {
    for (const row of rows) yield fn(row);
  });
}

class RowsOnDemand<T> implements RowSource<T> {
  constructor(
    readonly length: number,
    private readonly produce: () => Iterable<T>,
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.produce()[Symbol.iterator]();
  }

  /** Written as JSON, the rows would be lost without a word: refused, loudly. */
  toJSON(): never {
    throw new Error(`JSON: these ${this.length} rows are read on demand, not held in memory; go through them in order (for...of)`);
  }
}
