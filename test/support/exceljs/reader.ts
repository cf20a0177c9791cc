/**
 * An exceljs workbook seen as the core's grid of cell values: the reference
 * reader the parts reader (src/cli/xlsx/read/parts-grid.ts) is tested against,
 * and the tests' way to read a workbook they changed with exceljs.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../../../src/core/errors';
import type { GridSheet, GridValue, GridWorkbook } from '../../../src/core/read/grid';
import { readReportRecord, type ReportRecord } from '../../../src/core/record/report-record';
import { checkedPackage, RETURN_LIMITS, type LoadLimits } from '../../../src/cli/xlsx/read/safe-load';
import { decodeXstring } from '../../../src/cli/xlsx/xstring';

function gridValue(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeXstring(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v)
    return { formula: String((v as ExcelJS.CellFormulaValue).formula ?? (v as ExcelJS.CellSharedFormulaValue).sharedFormula) };
  if ('richText' in v) return decodeXstring(v.richText.map((t) => t.text).join(''));
  if ('text' in v && 'hyperlink' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return String(v);
}

export function exceljsGrid(wb: ExcelJS.Workbook): GridWorkbook {
  return {
    sheet(name: string): GridSheet | undefined {
      const ws = wb.getWorksheet(name);
      if (!ws) return undefined;
      return { name: ws.name, rowCount: ws.rowCount, cell: (r, c) => gridValue(ws.getCell(r, c).value) };
    },
  };
}

/** The record of what made a plan-report workbook, read from an exceljs workbook. */
export function recordOf(wb: ExcelJS.Workbook, file: string): ReportRecord {
  return readReportRecord(exceljsGrid(wb), file);
}

/**
 * Loads an .xlsx file with exceljs after the same checks as the parts reader
 * (safe-load.ts), refusing what exceljs cannot read, with a message naming the file.
 */
export async function safeLoadWorkbook(file: string, limits: LoadLimits = RETURN_LIMITS, what = 'a workbook (.xlsx)'): Promise<ExcelJS.Workbook> {
  const buf = await checkedPackage(file, limits, what);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw InputError.one(file, `cannot be read as an .xlsx workbook (${(err as Error).message.split('\n')[0]})`);
  }
  if (!wb.worksheets.length) throw InputError.one(file, 'has no sheets; expected an .xlsx workbook');
  return wb;
}
