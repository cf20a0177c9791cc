/**
 * What a sheet prints. A data table prints the rows under its header, the
 * header repeated at the top of each page (`repeatRows`): while those rows are
 * blank, the sheet prints no page at all (Excel leaves out a page with only
 * blank cells when it prints a workbook, LibreOffice with its default "suppress
 * output of empty pages"), yet stays in the workbook for a first row to be
 * typed, which then prints. A sheet with nothing to show prints one blank cell,
 * that is, nothing.
 */
import type { Sheet } from '../model';
import { columnLetter } from '../refs';

/** The rows a data table can hold (its own and the room below them), from the first under its header, over its visible columns. */
export function tablePrintArea(sheet: Sheet, lastRow: number): string | undefined {
  const first = sheet.table?.firstRow ?? 2;
  let last = sheet.columns.length;
  while (last > 0 && sheet.columns[last - 1].hidden) last--;
  if (!last) return undefined;
  return `A${first}:${columnLetter(last)}${Math.max(first, lastRow)}`;
}

/** A blank, unformatted cell right of everything the sheet holds: printing it prints nothing. */
export function blankPrintArea(sheet: Sheet): string {
  const used = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.cells.length));
  const cell = `${columnLetter(used + 1)}1`;
  return `${cell}:${cell}`;
}
