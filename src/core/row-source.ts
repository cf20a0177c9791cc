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
  /**
   * The first rows, when they are known without a pass (a large data file's
   * first rows, kept by the pass that checked them): for what looks at a
   * sample of the rows, such as the print plan's column widths.
   */
  readonly head?: readonly T[];
  [Symbol.iterator](): Iterator<T>;
}

/** How many first rows a row source keeps in `head`. */
export const HEAD_ROWS = 50;

/** `length` rows, produced by `produce` anew on each pass; `head`, its first rows if known. */
export function rowSource<T>(length: number, produce: () => Iterable<T>, head?: readonly T[]): RowSource<T> {
  return new RowsOnDemand(length, produce, head);
}

/** Up to `n` first rows, without a pass: from a list in memory, or the source's `head`; undefined when only a pass would tell. */
export function headOf<T>(rows: RowSource<T>, n = HEAD_ROWS): readonly T[] | undefined {
  if (Array.isArray(rows)) return (rows as T[]).slice(0, n);
  return rows.head?.slice(0, n);
}

/** Each row of `rows` passed through `fn`, on each pass. */
export function mapRows<T, U>(rows: RowSource<T>, fn: (row: T) => U): RowSource<U> {
  return rowSource(
    rows.length,
    function* () {
      for (const row of rows) yield fn(row);
    },
    headOf(rows)?.map(fn),
  );
}

class RowsOnDemand<T> implements RowSource<T> {
  constructor(
    readonly length: number,
    private readonly produce: () => Iterable<T>,
    readonly head?: readonly T[],
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.produce()[Symbol.iterator]();
  }

  /** Written as JSON, the rows would be lost without a word: refused, loudly. */
  toJSON(): never {
    throw new Error(`JSON: these ${this.length} rows are read on demand, not held in memory; go through them in order (for...of)`);
  }
}
