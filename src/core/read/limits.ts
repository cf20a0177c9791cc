/**
 * The bounds within which workbooks that come from outside are read (the
 * command line's safe-load.ts, and the add-in's reading of a picked template
 * workbook): the file, its zip entries, what they unpack to, and the rows
 * and cells of its sheets.
 */

const MB = 1024 * 1024;

export interface LoadLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** Entries in the zip package (a workbook has a few dozen). */
  maxEntries: number;
  /** All entries unpacked, counted as they inflate (declared sizes may lie). */
  maxUnpackedBytes: number;
  /** An entry's unpacked size over its packed size, for entries above 1 MB unpacked. */
  maxRatio: number;
  /** Rows in all worksheets together. */
  maxRows: number;
  /** Cells in all worksheets together. */
  maxCells: number;
}

/** Returned forms: a form of a few thousand rows is far below these. */
export const RETURN_LIMITS: LoadLimits = {
  maxFileBytes: 20 * MB,
  maxEntries: 2000,
  maxUnpackedBytes: 200 * MB,
  maxRatio: 200,
  maxRows: 100_000,
  maxCells: 1_500_000,
};

/** Report workbooks (extract, `--template FILE.xlsx`): larger; a report of 100,000 measures is a quarter of the rows. */
export const WORKBOOK_LIMITS: LoadLimits = {
  maxFileBytes: 100 * MB,
  maxEntries: 5000,
  maxUnpackedBytes: 1024 * MB,
  maxRatio: 200,
  maxRows: 400_000,
  maxCells: 5_000_000,
};

/** A worksheet part (`xl/worksheets/sheet1.xml`). */
export const isSheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
// A row or cell element, with or without a namespace prefix (`<row `, `<x:c>`).
export const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
export const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;

/** A row or a cell element: group 1 is set for a row. */
const ROW_OR_CELL = /<(?:[A-Za-z_][\w.-]*:)?(?:(row)|c)[\s>/]/g;

/** The row and cell elements in `text`, counted in one pass (as ROW and CELL count them). */
export function countRowsAndCells(text: string, count: { rows: number; cells: number }): void {
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(text); m; m = ROW_OR_CELL.exec(text)) {
    if (m[1]) count.rows++;
    else count.cells++;
  }
}

export function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
