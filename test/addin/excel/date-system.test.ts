/**
 * The add-in in a workbook that counts dates from 1904 (Mac Excel's old
 * default, or "Use 1904 date system" ticked): Office.js gives and takes date
 * cells as serials of the workbook's own system, so the add-in asks the
 * workbook's DATE function which system it has, reads every date with it
 * (Check, Export, Charts) and writes dates in it.
 */
import ExcelJS from 'exceljs';
import { dateToSerial } from '../../../src/core/periods';
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { readWorkbookData } from '../../../src/addin/excel/workbook';
import { DAYS_1904 } from '../../../src/core/forms/values';
import type { ReportData } from '../../../src/core/schema';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import { FakeExcel } from '../fake-excel/host';
import { openXlsx } from '../fake-excel/open-xlsx';
import { model, seed } from '../support';

/** A seed with due dates, completion dates and a report date. */
const data: ReportData = seed('suzhou-2022-q3');
const reportDate = data.report.date!;
const firstDue = data.plans!.flatMap((p) => p.measures).find((m) => m.due)!;

/** The value Excel holds in a cell of the report (the fake host's state). */
function held(host: FakeExcel, sheet: string, row: number, col: number): unknown {
  return host.state.sheetByName(sheet)!.cell(row, col)?.value;
}

/** The row of a measure on the Measures sheet (its id in column B) and the column of its due date (header "Due"). */
function dueCell(host: FakeExcel): { row: number; col: number } {
  const sheet = host.state.sheetByName('Measures')!;
  let col = 0;
  for (let c = 1; c < 30 && !col; c++) if (/^due/i.test(String(sheet.cell(1, c)?.value ?? ''))) col = c;
  for (let r = 2; r < 500; r++) if (sheet.cell(r, 2)?.value === firstDue.id) return { row: r, col };
  throw new Error(`measure ${firstDue.id} not found`);
}

describe('a workbook in the 1904 date system', () => {
  it('Excel’s DATE counts in the workbook’s system (the fake host, as Excel)', async () => {
    for (const date1904 of [false, true]) {
      const host = new FakeExcel();
      host.state.date1904 = date1904;
      const got = await host.run(async (context) => {
        const r = context.workbook.functions.date(2000, 1, 1).load('value');
        await context.sync();
        return r.value;
      });
      expect(got).toBe(date1904 ? 35064 : 36526);
    }
  });

  it('gets a report whose dates Excel shows as the data has them, and reads it back the same', async () => {
    for (const date1904 of [false, true]) {
      const host = new FakeExcel(['My notes']);
      host.state.date1904 = date1904;
      await buildReportInWorkbook(host.run, model(data, 'en'));
      const shift = date1904 ? DAYS_1904 : 0;
      // Summary!B7 is the report date; the Measures sheet holds each due date.
      expect(held(host, 'Summary', 7, 2)).toBe(dateToSerial(reportDate) - shift);
      const due = dueCell(host);
      expect(due.col).toBeGreaterThan(0);
      expect(held(host, 'Measures', due.row, due.col)).toBe(dateToSerial(firstDue.due!) - shift);
      host.resetCounts();
      expect(await readWorkbookData(host.run)).toEqual(data);
      expect(host.syncs).toBe(3); // the date system is asked in the first sync, with the sheet names
    }
  });

  it('reads a report saved in the 1904 date system (as Mac Excel saves it) with its dates, not 1,462 days early', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes(model(data, 'en'))) as unknown as ArrayBuffer);
    wb.properties.date1904 = true;
    const host = await openXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(host.state.date1904).toBe(true);
    expect(held(host, 'Summary', 7, 2)).toBe(dateToSerial(reportDate) - DAYS_1904);
    expect(await readWorkbookData(host.run)).toEqual(data);
  });

  it('reads a date an official typed into a 1904 workbook as typed', async () => {
    const host = new FakeExcel(['My notes']);
    host.state.date1904 = true;
    await buildReportInWorkbook(host.run, model(data, 'en'));
    const due = dueCell(host);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Measures').getRange(`${String.fromCharCode(64 + due.col)}${due.row}`).values = [['2023-06-30']];
    });
    const back = await readWorkbookData(host.run);
    expect(back.plans!.flatMap((p) => p.measures).find((m) => m.id === firstDue.id)!.due).toBe('2023-06-30');
  });
});
