/** Reading what made a workbook (its very hidden record sheet) back, with clear refusals. */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import type { Meta } from '../../core/layout/meta';
import { readMeta } from '../../core/read/report-reader';
import { exceljsGrid } from './grid';

export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/** Loads an .xlsx file with exceljs, refusing what is missing, not a workbook, or too large. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw InputError.one(file, 'no such file; expected a workbook (.xlsx)');
  }
  if (stat.isDirectory()) throw InputError.one(file, 'is a directory; expected a workbook (.xlsx)');
  if (stat.size > MAX_WORKBOOK_BYTES) throw InputError.one(file, `is ${(stat.size / 1048576).toFixed(1)} MB; expected a workbook of at most ${MAX_WORKBOOK_BYTES / 1048576} MB`);
  const buf = await fs.readFile(file);
  if (buf.subarray(0, 4).toString('binary') !== 'PK\u0003\u0004') throw InputError.one(file, 'is not an .xlsx workbook (not a zip package)');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw InputError.one(file, `cannot be read as an .xlsx workbook (${(err as Error).message.split('\n')[0]})`);
  }
  return wb;
}

/** The record of what made a plan-report workbook; refuses other workbooks and other versions. */
export function metaOf(wb: ExcelJS.Workbook, file: string): Meta {
  return readMeta(exceljsGrid(wb), file);
}

export async function readWorkbookMeta(file: string): Promise<Meta> {
  return metaOf(await loadWorkbookFile(file), file);
}
