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

/**
 * The row and cell elements in the bytes at `start`..`end` of `bytes`, read
 * as Latin-1 (one character a byte), counted in one pass over the bytes as
 * ROW_OR_CELL counts them in that text, without making the text. It uses
 * nothing outside itself: its source is also run in a worker thread
 * (src/cli/xlsx/read/sheet-worker.ts).
 */
export function countRowsAndCellsIn(bytes: Uint8Array, start: number, end: number, count: { rows: number; cells: number }): void {
  // A-Z, a-z, _
  const nameStart = (b: number) => (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b === 95;
  // \w . - (ASCII)
  const nameByte = (b: number) => (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 95 || b === 46 || b === 45;
  // What ends a row's or a cell's name in ROW_OR_CELL over the bytes read as Latin-1: `\s` (with U+00A0), `>` or `/`.
  const nameEnd = (b: number) => b === 32 || b === 62 || b === 47 || (b >= 9 && b <= 13) || b === 0xa0;
  let rows = 0;
  let cells = 0;
  for (let i = start; i < end;) {
    if (bytes[i++] !== 60) continue;
    // After a `<`: `c` or `row` and what ends a name (most are an end tag, or another name); else a prefix `name:`
    // and then `c` or `row`. Reading goes on after the `<`: one inside what was read may start an element, as the
    // regular expression would try it.
    let j = i;
    if (j >= end) break;
    let b = bytes[j];
    if (b === 47) continue;
    if (b === 99) {
      if (j + 1 < end && nameEnd(bytes[j + 1])) {
        cells++;
        i = j + 2;
        continue;
      }
    } else if (b === 114 && j + 3 < end && bytes[j + 1] === 111 && bytes[j + 2] === 119 && nameEnd(bytes[j + 3])) {
      rows++;
      i = j + 4;
      continue;
    }
    if (!nameStart(b)) continue;
    let k = j + 1;
    while (k < end && nameByte(bytes[k])) k++;
    if (k >= end || bytes[k] !== 58) continue;
    j = k + 1;
    b = j < end ? bytes[j] : -1;
    if (b === 99) {
      if (j + 1 < end && nameEnd(bytes[j + 1])) {
        cells++;
        i = j + 2;
      }
    } else if (b === 114 && j + 3 < end && bytes[j + 1] === 111 && bytes[j + 2] === 119 && nameEnd(bytes[j + 3])) {
      rows++;
      i = j + 4;
    }
  }
  count.rows += rows;
  count.cells += cells;
}
