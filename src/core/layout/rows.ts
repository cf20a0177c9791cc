/** Reading a sheet's rows, whatever holds them. Writers use these, not `sheet.rows` directly. */
import type { Row, Sheet } from './model';

export function sheetRows(sheet: Sheet): Iterable<Row> {
  return sheet.rows;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}
