/** Reading a sheet's rows, whatever holds them. Writers use these, not `sheet.rows` directly. */
import type { Row, Sheet } from './model';

/** Every row of a sheet from row 1: its `rows`, then its `body`, produced as they are read. */
export function* sheetRows(sheet: Sheet): Generator<Row> {
  yield* sheet.rows;
  if (sheet.body) yield* sheet.body;
}

/** The sheet with every row in `rows`: for writers that send a sheet's cells as one block (Office.js). */
export function materialize(sheet: Sheet): Sheet {
  return sheet.body ? { ...sheet, rows: [...sheetRows(sheet)], body: undefined } : sheet;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length + (sheet.body?.length ?? 0);
}
