/** An exceljs workbook seen as the core's grid of cell values. */
import type ExcelJS from 'exceljs';
import type { GridSheet, GridValue, GridWorkbook } from '../../../core/read/grid';
import { decodeXstring } from '../xstring';

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
