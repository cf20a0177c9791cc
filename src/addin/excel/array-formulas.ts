/// <reference types="office-js" />
/**
 * The report's array formulas (the FREQUENCY counts of the `_figures` sheet)
 * on any Excel. The writer enters an array formula in its first cell and
 * leaves the rest of its range empty: Excel with dynamic arrays (Microsoft
 * 365, Excel 2021 and later, Excel on the web) spills it there. Excel without
 * them (2016 and 2019, bought once, even when updated to newer API sets)
 * would compute the first cell only, and Office.js cannot enter a legacy
 * Ctrl+Shift+Enter array formula there (`Range.formulaArray` is
 * ExcelApiDesktop 1.1, Microsoft 365 only). So the writer first asks Excel:
 * it enters `={1;2}` in the first two cells of the array's range and reads
 * them back; where the 2 did not spill, each cell of every array formula gets
 * a formula of its own that counts what FREQUENCY counts there.
 */
import type { Cell, Sheet } from '../../core/layout/model';
import { cellRef, columnLetter, parseCellRef } from '../../core/layout/refs';

/** `IFERROR(FREQUENCY(data,$B$2:$B$9),0)`, the only array formula the layout model has. */
const FREQUENCY = /^IFERROR\(FREQUENCY\((.+),\$([A-Z]{1,3})\$(\d+):\$\2\$(\d+)\),0\)$/;

/**
 * The formula of the `k`-th cell (from 0) of a FREQUENCY array formula's
 * range, on its own: the data values above the previous bin, up to this bin
 * (FREQUENCY's count, for bins in ascending order, as the model's are).
 */
export function frequencyCell(formula: string, k: number): string {
  const m = FREQUENCY.exec(formula);
  if (!m) throw new Error(`this array formula cannot be written on an Excel without dynamic arrays: =${formula}`);
  const [, data, col, first, last] = m;
  if (k < 0 || Number(first) + k > Number(last)) throw new Error(`cell ${k + 1} is outside the bins of =${formula}`);
  const bin = (i: number) => `$${col}$${Number(first) + i}`;
  return k === 0 ? `COUNTIF(${data},"<="&${bin(0)})` : `COUNTIFS(${data},">"&${bin(k - 1)},${data},"<="&${bin(k)})`;
}

/** An array formula's A1 range, `C2:C9`, as its first cell and its number of rows (one column). */
function arrayCells(range: string): { row: number; col: number; rows: number } {
  const [a, b = a] = range.split(':');
  const first = parseCellRef(a);
  const last = parseCellRef(b);
  if (first.col !== last.col || last.row < first.row) throw new Error(`an array formula over ${range} is not one column`);
  return { ...first, rows: last.row - first.row + 1 };
}

/** The sheet with every array formula written cell by cell: each cell counts on its own, with the cached value and style it had. */
export function withoutArrayFormulas(sheet: Sheet): Sheet {
  if (!sheet.rows.some((r) => r.cells.some((c) => c?.array))) return sheet;
  const rows = sheet.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  sheet.rows.forEach((r, i) =>
    r.cells.forEach((cell, j) => {
      if (!cell?.array || cell.f === undefined) return;
      const { row, col, rows: n } = arrayCells(cell.array);
      if (row !== i + 1 || col !== j + 1) throw new Error(`the array formula at ${cellRef(i + 1, j + 1)} does not start its range ${cell.array}`);
      for (let k = 0; k < n; k++) {
        const { array: _array, spilled: _spilled, ...rest }: Cell = rows[i + k]?.cells[j] ?? { v: null };
        (rows[i + k] ??= { cells: [] }).cells[j] = { ...rest, f: frequencyCell(cell.f, k) };
      }
    }),
  );
  return { ...sheet, rows };
}

/** The first array formula spanning more than one cell: its sheet's index and range. */
function firstArray(sheets: Sheet[]): { index: number; range: string } | undefined {
  for (const [index, s] of sheets.entries())
    for (const r of s.rows) for (const c of r.cells) if (c?.array && arrayCells(c.array).rows > 1) return { index, range: c.array };
  return undefined;
}

/**
 * Queues the probe on the report's new sheets (before their cells are
 * written: the cells' write replaces it). After the sync, the function
 * returned gives each sheet as it is to be written: as it is where Excel
 * spills, without array formulas where it does not.
 */
export function probeDynamicArrays(added: { sheet: Sheet; ws: Excel.Worksheet }[]): (sheet: Sheet) => Sheet {
  const at = firstArray(added.map((a) => a.sheet));
  if (!at) return (sheet) => sheet;
  const { row, col } = arrayCells(at.range);
  const ws = added[at.index].ws;
  ws.getRange(cellRef(row, col)).formulas = [['={1;2}']];
  const probe = ws.getRange(`${cellRef(row, col)}:${columnLetter(col)}${row + 1}`).load('values');
  return (sheet) => (probe.values[1]?.[0] === 2 ? sheet : withoutArrayFormulas(sheet));
}
