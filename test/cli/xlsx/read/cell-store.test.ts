/**
 * CellStore keeps a row read in one run (its cells in column order, as Excel
 * writes them) as typed arrays, and any other row as a list by column: both
 * must give each cell's last value, whatever the order cells come in.
 */
import fc from 'fast-check';
import { CellStore, Kind } from '../../../../src/cli/xlsx/read/cell-store';

/** The text of the sheet: the place of cell number n is n..n+1, its value the number n. */
const slice = (start: number) => String(start);

type Put = { row: number; col: number; held: boolean };

/** Whole rows in column order (most sheets), mixed with cells anywhere: again, out of order, in rows met before. */
const puts = fc
  .array(
    fc.oneof(
      fc
        .record({ row: fc.integer({ min: 1, max: 8 }), from: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 6 }) })
        .map(({ row, from, n }) => Array.from({ length: n }, (_, i) => ({ row, col: from + i * 2, held: false }))),
      fc.array(fc.record({ row: fc.integer({ min: 1, max: 8 }), col: fc.integer({ min: 1, max: 16 }), held: fc.boolean() }), { maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((runs) => runs.flat());

function stored(list: Put[]): { store: CellStore; expected: Map<string, number | { formula: string }> } {
  const store = new CellStore(slice, false, () => []);
  const expected = new Map<string, number | { formula: string }>();
  list.forEach((p, n) => {
    if (p.held) store.hold(p.row, p.col, { formula: `F${n}` });
    else store.put(p.row, p.col, Kind.Number, n, n + 1);
    expected.set(`${p.row},${p.col}`, p.held ? { formula: `F${n}` } : n);
  });
  return { store, expected };
}

describe('CellStore', () => {
  it('gives every cell its last value, and the rows that hold cells, in any order of reading', () => {
    fc.assert(
      fc.property(puts, fc.boolean(), (list, columnsFirst) => {
        const { store, expected } = stored(list);
        const cells: [number, number][] = [];
        for (let row = 0; row <= 9; row++) for (let col = 0; col <= 17; col++) cells.push([row, col]);
        // Looked up row by row (as readers do) or column by column (each lookup another row).
        if (columnsFirst) cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        for (const [row, col] of cells) {
          const want = expected.get(`${row},${col}`);
          expect(store.get(row, col)).toEqual(want ?? null);
          expect(store.has(row, col)).toBe(want !== undefined);
        }
        expect([...store.rowNumbers()].sort((a, b) => a - b)).toEqual([...new Set(list.map((p) => p.row))].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a row of cells in order, a row met again and a cell read twice', () => {
    const { store } = stored([
      { row: 2, col: 1, held: false },
      { row: 2, col: 3, held: false },
      { row: 3, col: 1, held: false },
      { row: 2, col: 4, held: false },
      { row: 3, col: 1, held: true },
      { row: 3, col: 2, held: false },
    ]);
    expect([1, 2, 3, 4].map((c) => store.get(2, c))).toEqual([0, null, 1, 3]);
    expect([1, 2, 3].map((c) => store.get(3, c))).toEqual([{ formula: 'F4' }, 5, null]);
  });
});
