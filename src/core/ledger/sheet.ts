/** A ledger's sheet: a grid of cell values with a known width, from a workbook's sheet or a CSV file's rows. */
import type { GridSheet, GridValue } from '../read/grid';
import { cellText } from '../values';

export interface LedgerSheet {
  name: string;
  /** A CSV file's one sheet: its cells are named without a sheet (`F7`). */
  bare?: boolean;
  rowCount: number;
  /** Columns with anything in them end at or before this column. */
  colCount: number;
  /** 1-based row and column; a cell covered by a merge reads as the merge's first cell. */
  cell(row: number, col: number): GridValue;
}

/** Columns read at most: a ledger has a dozen or two. */
export const MAX_COLUMNS = 200;
/** Rows scanned for the sheet's width. */
const WIDTH_ROWS = 200;

function widthOf(grid: GridSheet): number {
  let colCount = 0;
  for (let r = 1; r <= Math.min(grid.rowCount, WIDTH_ROWS); r++) {
    for (let c = MAX_COLUMNS; c > colCount; c--) {
      if (cellText(grid.cell(r, c)) !== null) {
        colCount = c;
        break;
      }
    }
  }
  return colCount;
}

/** A workbook's sheet, its width found from its first rows. */
export function ledgerSheet(grid: GridSheet): LedgerSheet {
  return { name: grid.name, rowCount: grid.rowCount, colCount: widthOf(grid), cell: (r, c) => grid.cell(r, c) };
}

/** A workbook's sheet read only when first looked into (a workbook's other sheets stay unread when one is asked for). */
export function lazyLedgerSheet(name: string, load: () => GridSheet): LedgerSheet {
  let grid: GridSheet | undefined;
  let width: number | undefined;
  const sheet = () => (grid ??= load());
  return {
    name,
    get rowCount() {
      return sheet().rowCount;
    },
    get colCount() {
      return (width ??= widthOf(sheet()));
    },
    cell: (r, c) => sheet().cell(r, c),
  };
}

/** Rows of text (a CSV file's records). */
export function rowsSheet(name: string, rows: string[][]): LedgerSheet {
  const colCount = Math.min(
    MAX_COLUMNS,
    rows.reduce((n, r) => Math.max(n, r.length), 0),
  );
  return { name, bare: true, rowCount: rows.length, colCount, cell: (r, c) => rows[r - 1]?.[c - 1] ?? null };
}

/** A cell's name as the user finds it: `台账!F7`, or `F7` in a CSV file. */
export function cellName(sheet: LedgerSheet, row: number, col: number): string {
  const ref = `${columnLetter(col)}${row}`;
  if (sheet.bare) return ref;
  return /^[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*$/.test(sheet.name) ? `${sheet.name}!${ref}` : `'${sheet.name.replace(/'/g, "''")}'!${ref}`;
}

/** `A`, `Z`, `AA`... for a 1-based column. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The texts of a row, one per column (null when blank), up to the sheet's width. */
export function rowTexts(sheet: LedgerSheet, row: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (let c = 1; c <= sheet.colCount; c++) out.push(cellText(sheet.cell(row, c)));
  return out;
}
