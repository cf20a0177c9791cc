/** Reading what made a report workbook (its very hidden record sheet) from its file, with clear refusals. */
import type { Meta } from '../../../core/layout/meta';
import { readMeta } from '../../../core/read/report-reader';
import { safeLoadGrid, WORKBOOK_LIMITS } from './safe-load';
import type { PartsWorkbook } from './parts-grid';

/**
 * A report workbook's cell values, read from its XML parts within the
 * limits for report workbooks, refusing what is missing, not a workbook,
 * damaged, too large, or a zip bomb, within bounded time and memory (safe-load.ts).
 */
export function loadWorkbookFile(file: string): Promise<PartsWorkbook> {
  return safeLoadGrid(file, WORKBOOK_LIMITS);
}

/** The record of what made a plan-report workbook; refuses other workbooks and other versions. */
export async function readWorkbookMeta(file: string): Promise<Meta> {
  return readMeta(await loadWorkbookFile(file), file);
}
