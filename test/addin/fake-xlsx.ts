/**
 * The fake Excel host's workbook as an .xlsx file of its cells (values,
 * formulas without cached results, number formats) and names: what Excel
 * without dynamic arrays would save of it, for LibreOffice to recalculate.
 * An array formula entered in one cell stays a one-cell formula here, as it
 * does in such an Excel.
 */
import ExcelJS from 'exceljs';
import type { FakeExcel } from './fake-excel/host';
import { colLetters, MAX_COLS, quoteSheet } from './fake-excel/state';

export async function fakeWorkbookXlsx(host: FakeExcel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of host.state.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, cell] of s.cells) {
      const at = ws.getCell(Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1);
      if (cell.formula !== undefined) at.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
      else if (cell.error) at.value = { error: String(cell.value) } as ExcelJS.CellErrorValue;
      else if (cell.value !== null) at.value = cell.value;
      if (cell.numberFormat && cell.numberFormat !== 'General') at.numFmt = cell.numberFormat;
    }
  }
  for (const n of host.state.names) {
    if (!n.ref) continue;
    const sheet = host.state.sheetById(n.ref.sheetId)!;
    const { r1, c1 } = n.ref.rect;
    wb.definedNames.add(`${quoteSheet(sheet.name)}!$${colLetters(c1)}$${r1}`, n.name);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
