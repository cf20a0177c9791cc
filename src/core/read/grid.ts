/**
 * A workbook as readers see it: sheets of cell values, whatever program
 * produced them (the command line's readers, Office.js in the add-in).
 */

/** A cell's value: dates as Date (exceljs) or serial numbers (Office.js); formulas flagged. */
export type GridValue = string | number | boolean | Date | null | { formula: string };

export interface GridSheet {
  name: string;
  /** Rows with anything in them end at or before this row. */
  rowCount: number;
  /** 1-based row and column. */
  cell(row: number, col: number): GridValue;
}

export interface GridWorkbook {
  sheet(name: string): GridSheet | undefined;
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

/**
 * The rows of a record sheet (`_plan_report`, a form's record) as text: a
 * key in column A, then its value's chunks, each row read up to the first
 * blank cell after column B. `maxRows` and `maxColumns` bound the reading of
 * a workbook that came back from someone else.
 */
export function recordRows(sheet: GridSheet, maxRows = Infinity, maxColumns = Infinity): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, maxRows); r++) {
    const cells: (string | undefined)[] = [];
    for (let c = 1; c <= maxColumns; c++) {
      const v = sheet.cell(r, c);
      if (isBlank(v) && c > 2) break;
      cells.push(isBlank(v) ? undefined : String(v));
    }
    rows.push(cells);
  }
  return rows;
}
