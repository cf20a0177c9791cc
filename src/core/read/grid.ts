/**
 * A workbook as readers see it: sheets of cell values, whatever program
 * produced them (the parts reader in the command line, Office.js in the
 * add-in, exceljs in tests).
 */

/** A cell's value: dates as Date (the parts reader, exceljs) or serial numbers (Office.js); formulas flagged. */
export type GridValue = string | number | boolean | Date | null | { formula: string };

export interface GridSheet {
  name: string;
  /** Rows with anything in them end at or before this row. */
  rowCount: number;
  /** 1-based row and column. */
  cell(row: number, col: number): GridValue;
  /** The cell holds a picture placed in it (Excel 365's Place in Cell), where the reader can tell. */
  picture?(row: number, col: number): boolean;
  /** The rows after `row` that may hold something, ascending, where the reader can tell (else every row to rowCount may). */
  rowsAfter?(row: number): number[];
}

export interface GridWorkbook {
  /**
   * A sheet by name. `columns`: the reader needs only the sheet's first
   * columns, so that a cell after them may read as blank (a reader that
   * reads cells as it is asked for them may ignore it).
   */
  sheet(name: string, columns?: number): GridSheet | undefined;
  /** The workbook counts date serial numbers from 1904 (not 1900), where the reader can tell. */
  date1904?: boolean;
}

/** A grid from plain row arrays (tests, Office.js `values`). */
export function gridSheet(name: string, rows: GridValue[][]): GridSheet {
  return { name, rowCount: rows.length, cell: (r, c) => rows[r - 1]?.[c - 1] ?? null };
}

export function isFormula(v: GridValue): v is { formula: string } {
  return v !== null && typeof v === 'object' && !(v instanceof Date) && 'formula' in v;
}

export function isBlank(v: GridValue): boolean {
  return v === null || v === '';
}
