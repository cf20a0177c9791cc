/** Reading what made a workbook (its very hidden record sheet) back, with clear refusals. */
import type ExcelJS from 'exceljs';
import type { Meta } from '../../../core/layout/meta';
import { readMeta } from '../../../core/read/report-reader';
import { exceljsGrid } from './exceljs-grid';
import { safeLoadWorkbook, WORKBOOK_LIMITS } from './safe-load';

export const MAX_WORKBOOK_BYTES = WORKBOOK_LIMITS.maxFileBytes;

/**
 * Loads an .xlsx file with exceljs, refusing what is missing, not a workbook,
 * damaged, too large, or a zip bomb, within bounded time and memory (safe-load.ts).
 */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return safeLoadWorkbook(file, WORKBOOK_LIMITS);
}

/** The record of what made a plan-report workbook; refuses other workbooks and other versions. */
export function metaOf(wb: ExcelJS.Workbook, file: string): Meta {
  return readMeta(exceljsGrid(wb), file);
}

export async function readWorkbookMeta(file: string): Promise<Meta> {
  return metaOf(await loadWorkbookFile(file), file);
}
