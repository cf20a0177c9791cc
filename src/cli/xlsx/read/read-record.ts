/** Reading a report workbook, and the record of what made it (its very hidden record sheet), from its file, with clear refusals. */
import { readReportRecord, type ReportRecord } from '../../../core/record/report-record';
import { safeLoadGrid, WORKBOOK_LIMITS } from './safe-load';
import type { PartsWorkbook } from './parts-grid';

/**
 * A report workbook's cell values, read from its XML parts within the
 * limits for report workbooks, refusing what is missing, not a workbook,
 * damaged, too large, or a zip bomb, within bounded time and memory (safe-load.ts).
 * `onInflating`: told once its large parts are inflating off the main thread.
 */
export function loadWorkbookFile(file: string, onInflating?: () => void): Promise<PartsWorkbook> {
  return safeLoadGrid(file, WORKBOOK_LIMITS, undefined, onInflating);
}

/** The record of what made a plan-report workbook; refuses other workbooks, other versions and a damaged record. */
export async function readWorkbookRecord(file: string): Promise<ReportRecord> {
  return readReportRecord(await loadWorkbookFile(file), file);
}
