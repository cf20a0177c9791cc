/// <reference types="office-js" />
/**
 * The open workbook seen as the core's grid of cells (src/core/read/grid.ts),
 * so that the add-in reads reports with the very reader `plan-report extract`
 * uses. The report's sheets are loaded in one batch: their used ranges'
 * `values` and `formulas`. Dates come as serial numbers in the workbook's date
 * system (date-system.ts), which the grid carries to the reader.
 */
import { InputError } from '../../core/errors';
import { readReportRecord, REPORT_RECORD_SHEET } from '../../core/record/report-record';
import type { GridSheet, GridValue, GridWorkbook } from '../../core/read/grid';
import { askDateSystem } from './date-system';

/** A used range as Office.js gives it: where it starts, its values and its formulas. */
export interface LoadedRange {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
}

/**
 * A cell as the reader sees it. A formula's text starts with `=` and differs
 * from its value; text that merely starts with `=` (written as text) has the
 * same value and formula.
 */
export function gridValue(value: unknown, formula: unknown): GridValue {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return { formula: formula.slice(1) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export function officeGridSheet(name: string, range: LoadedRange | undefined): GridSheet {
  if (!range) return { name, rowCount: 0, cell: () => null };
  return {
    name,
    rowCount: range.rowIndex + range.values.length,
    cell(row, col) {
      const r = row - 1 - range.rowIndex;
      const c = col - 1 - range.columnIndex;
      if (r < 0 || c < 0 || r >= range.values.length) return null;
      return gridValue(range.values[r][c], range.formulas[r]?.[c]);
    },
  };
}

/** The open workbook has no report (no record sheet): a plain fact for the pane to say, not a problem at a cell. */
export class NoReportHere extends InputError {
  constructor(err: InputError) {
    super(err.problems);
    this.name = 'NoReportHere';
  }
}

export interface ReportGrid {
  grid: GridWorkbook;
  /** Every sheet name in the workbook, in order. */
  sheetNames: string[];
}

/**
 * Loads the report in the open workbook: the sheet names and its date system (sync 1), its record
 * sheet (sync 2), then every sheet that record names, in one batch (sync 3).
 * Throws NoReportHere (the reader's InputError) for a workbook without a report.
 */
export async function loadReportGrid(context: Excel.RequestContext, file: string): Promise<ReportGrid> {
  const sheets = context.workbook.worksheets.load('items/name');
  const date1904 = askDateSystem(context);
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const byName = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  const loaded = new Map<string, LoadedRange | undefined>();
  const load = (names: string[]) => {
    const ranges = names.map((name) => {
      const r = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      r.load('values,formulas,rowIndex,columnIndex');
      return { name, r };
    });
    return async () => {
      await context.sync();
      for (const { name, r } of ranges)
        loaded.set(
          name.toLowerCase(),
          r.isNullObject ? undefined : { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, formulas: r.formulas },
        );
    };
  };
  const grid: GridWorkbook = {
    date1904: date1904(),
    sheet(name) {
      const actual = byName.get(name.toLowerCase());
      return actual === undefined || !loaded.has(actual.toLowerCase()) ? undefined : officeGridSheet(actual, loaded.get(actual.toLowerCase()));
    },
  };
  const recordSheet = byName.get(REPORT_RECORD_SHEET.toLowerCase());
  if (recordSheet === undefined) {
    try {
      readReportRecord(grid, file); // throws: not a plan-report workbook
    } catch (err) {
      throw err instanceof InputError ? new NoReportHere(err) : err;
    }
    return { grid, sheetNames };
  }
  await load([recordSheet])();
  const wanted = Object.values(readReportRecord(grid, file).sheets)
    .map((s) => byName.get(s.name.toLowerCase()))
    .filter((n): n is string => n !== undefined);
  await load(wanted)();
  return { grid, sheetNames };
}
