/**
 * The print setup finished once a sheet's columns are final: a data table's
 * wrapping columns narrowed to print at a readable size, and its print area
 * over the columns that show.
 */
import type { Sheet } from '../model';
import { fitColumnsToPage } from './fit-columns';
import { tablePrintArea } from './print-area';
import { fitRowHeight } from '../sheets/common';

const HEADER_HEIGHT = 30;

/** Finishes a sheet's print setup (before its rows' heights are fitted to their wrapped text). */
export function planPrint(sheet: Sheet): void {
  if (!sheet.print || !sheet.table) return;
  fitColumnsToPage(sheet);
  // The header row grows with its titles wrapped in the columns as they now are (30 pt at least).
  const header = sheet.rows[0];
  if (header) header.height = Math.max(HEADER_HEIGHT, fitRowHeight({ cells: header.cells }, sheet.columns).height ?? 0);
  const last = /(\d+)$/.exec(sheet.print.area ?? '')?.[1];
  if (last) sheet.print.area = tablePrintArea(sheet, Number(last));
}
