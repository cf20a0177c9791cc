/**
 * An .xlsx file opened in the fake Excel host, as Excel opens an attachment:
 * its sheets in order with their visibility, each cell's value or formula,
 * its workbook names and its date system. Read with exceljs (the tests' reference reader).
 */
import ExcelJS from 'exceljs';
import { DAYS_1904 } from '../../../src/core/forms/values';
import { dateToSerial } from '../../../src/core/periods';
import { FakeExcel } from './host';

const VISIBILITY: Record<string, string> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

export async function openXlsx(bytes: Buffer): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const names = wb.worksheets.map((s) => s.name);
  const host = new FakeExcel([names[0]]);
  // A workbook saved in the 1904 date system opens in it: its dates are serials counted from 1904.
  host.state.date1904 = wb.properties.date1904 === true;
  const shift = host.state.date1904 ? DAYS_1904 : 0;
  await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // Every sheet first, so that a formula may refer to a sheet after its own.
    const added = wb.worksheets.map((s, i) => (i === 0 ? sheets.getItem(s.name) : sheets.add(s.name)));
    wb.worksheets.forEach((s, i) => {
      const ws = added[i];
      s.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const v = cell.value as ExcelJS.CellValue;
          const range = ws.getRange(cell.address);
          if (cell.type === ExcelJS.ValueType.Formula) range.formulas = [[`=${cell.formula}`]];
          else if (v instanceof Date) {
            range.numberFormat = [[cell.numFmt ?? 'yyyy-mm-dd']];
            range.values = [[dateToSerial(v.toISOString()) - shift]];
          } else if (v !== null && v !== undefined) {
            if (typeof v === 'string') range.numberFormat = [['@']];
            range.values = [[v as string | number | boolean]];
          }
        }),
      );
    });
    await context.sync();
    for (const n of wb.definedNames.model) {
      for (const ref of n.ranges) {
        const at = ref.lastIndexOf('!');
        const sheet = ref.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'");
        context.workbook.names.add(n.name, sheets.getItem(sheet).getRange(ref.slice(at + 1).replace(/\$/g, '')));
      }
    }
    wb.worksheets.forEach((s) => {
      if (s.state !== 'visible') sheets.getItem(s.name).visibility = VISIBILITY[s.state] as Excel.SheetVisibility;
    });
    await context.sync();
  });
  host.resetCounts();
  return host;
}
