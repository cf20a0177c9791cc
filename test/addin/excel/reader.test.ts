/**
 * Reading the report in the open workbook, with the reader `plan-report
 * extract` uses: Export gives back the data file (a round trip), Check lists
 * every problem with its sheet and cell, a problem's cell can be selected,
 * and Charts puts the report's charts back.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import { readReportWorkbook } from '../../../src/core/read/report-reader';
import type { ReportData } from '../../../src/core/schema';
import { exceljsGrid } from '../../support/exceljs/reader';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import { gridValue } from '../../../src/addin/excel/read-grid';
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { checkWorkbook, dataFileName, dataFileText, insertCharts, readWorkbookData, selectCell, splitPlace } from '../../../src/addin/excel/workbook';
import { reportData } from '../../support/arbitrary-data';
import { FakeExcel } from '../fake-excel/host';
import { rectAddress } from '../fake-excel/state';
import { model, seed, SEEDS, seedText } from '../support';

async function workbookWith(data: ReportData, locale: 'en' | 'zh-CN' = data.report.locale ?? 'en'): Promise<FakeExcel> {
  const host = new FakeExcel(['My notes']);
  await buildReportInWorkbook(host.run, model(data, locale));
  return host;
}

/** Typing into a cell, as an official would. */
async function type(host: FakeExcel, sheet: string, cell: string, input: string | number): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[input]];
  });
}

describe('Export data', () => {
  it('gives back the data file a seed report was built from, as extract does', async () => {
    for (const name of SEEDS) {
      const data = seed(name);
      const host = await workbookWith(data);
      host.resetCounts();
      const back = await readWorkbookData(host.run);
      expect(host.syncs).toBe(3);
      expect(back).toEqual(data);
      const viaExtract = readReportWorkbook(exceljsGrid(await loadExcelJs(data)), 'x.xlsx');
      expect(back).toEqual(viaExtract);
      // The exported file reads back as the same data.
      expect(readData(dataFileText(back), dataFileName(back))).toEqual(readData(seedText(name), `${name}.yaml`));
    }
  });

  it('round-trips random data sets (Chinese, emoji, formula-like text, dates)', async () => {
    await fc.assert(
      fc.asyncProperty(reportData, async (data) => {
        const host = await workbookWith(data);
        expect(await readWorkbookData(host.run)).toEqual(data);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('names the file after region and period', () => {
    expect(dataFileName(seed('beijing-2022-q3'))).toBe('Beijing-2022-Q3.yaml');
    expect(dataFileName({ ...seed('nanjing-2025-q1'), report: { ...seed('nanjing-2025-q1').report, region: 'Nanjing / Jiangbei' } })).toBe(
      'Nanjing-Jiangbei-2025-Q1.yaml',
    );
  });

  it('reads what an official changed in Excel', async () => {
    const data = seed('beijing-2022-q3');
    const host = await workbookWith(data);
    await type(host, 'Measures', 'G2', 'Delayed');
    await type(host, 'Measures', 'A52', 'BJ-OPEN-2022');
    await type(host, 'Measures', 'B52', 'BJ-new');
    await type(host, 'Measures', 'C52', 'A measure added in Excel');
    await type(host, 'Measures', 'G52', 'In progress');
    await type(host, 'Measures', 'F52', '2023-06-30');
    const back = await readWorkbookData(host.run);
    expect(back.plans![0].measures[0].status).toBe('delayed');
    expect(back.plans![0].measures.at(-1)).toEqual({ id: 'BJ-new', title: 'A measure added in Excel', due: '2023-06-30', status: 'in-progress' });
  });
});

async function loadExcelJs(data: ReportData): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsxBytes(model(data, data.report.locale ?? 'en'))) as unknown as ArrayBuffer);
  return wb;
}

describe('Check workbook', () => {
  it('finds no problem in a report as built', async () => {
    const host = await workbookWith(seed('suzhou-2022-q3'));
    expect(await checkWorkbook(host.run)).toEqual({ ok: true, data: seed('suzhou-2022-q3') });
  });

  it('lists every problem with its sheet and cell: a bad status, a formula where a value belongs, a bad date', async () => {
    const host = await workbookWith(seed('beijing-2022-q3'));
    await type(host, 'Measures', 'G5', 'half done');
    await type(host, 'Measures', 'C3', '=1+1');
    await type(host, 'Measures', 'H7', 'soon');
    const result = await checkWorkbook(host.run);
    expect(result.ok).toBe(false);
    const problems = !result.ok && 'problems' in result ? result.problems : [];
    expect(problems.map((p) => p.cell).sort()).toEqual(['Measures!C3', 'Measures!G5', 'Measures!H7']);
    expect(problems.find((p) => p.cell === 'Measures!G5')!.message).toContain('"half done" is not a status; expected one of:');
    expect(problems.find((p) => p.cell === 'Measures!C3')!.message).toContain('holds a formula (=1+1); expected a value');
    expect(problems.find((p) => p.cell === 'Measures!H7')!.message).toContain('expected a date');
  });

  it('locates what the schema refuses at the cell it came from', async () => {
    const host = await workbookWith(seed('beijing-2022-q3'));
    await type(host, 'Measures', 'B3', 'BJ-1');
    await type(host, 'Measures', 'B4', 'BJ-1');
    const result = await checkWorkbook(host.run);
    expect(!result.ok && 'problems' in result ? result.problems.map((p) => p.cell) : []).toContain('Measures!B4');
  });

  it('says a workbook without a report is not one, and selects nothing it cannot', async () => {
    const host = new FakeExcel(['Budget']);
    const result = await checkWorkbook(host.run);
    expect(result).toEqual({ ok: false, noReport: true });
  });

  it('selects the cell of a problem', async () => {
    const host = await workbookWith(seed('beijing-2022-q3'));
    await selectCell(host.run, 'Measures!G5');
    const sel = host.state.selection!;
    expect([host.state.sheetById(sel.sheetId)!.name, rectAddress(sel.rect)]).toEqual(['Measures', 'G5']);
    expect(host.state.activeSheetId).toBe(sel.sheetId);
    expect(splitPlace('My!sheet!B2')).toEqual({ sheet: 'My!sheet', cell: 'B2' });
  });
});

describe('reading cells', () => {
  it('tells formulas from text that starts with "="', () => {
    expect(gridValue(3, '=1+2')).toEqual({ formula: '1+2' });
    expect(gridValue('=x', '=x')).toBe('=x');
    expect(gridValue('', '')).toBeNull();
    expect(gridValue(44824, 44824)).toBe(44824);
  });
});

describe('Charts', () => {
  it('puts the report charts back, replacing those there', async () => {
    const data = seed('suzhou-2022-q3');
    const m = model(data);
    const host = await workbookWith(data);
    const expected = m.sheets.filter((s) => s.charts?.length).map((s) => [s.name, s.charts!.filter((c) => c.series.length).map((c) => c.title)]);
    const titles = () => host.state.sheets.filter((s) => s.charts.length).map((s) => [s.name, s.charts.map((c) => c.title.text)]);
    expect(titles()).toEqual(expected);
    // Deleted by hand, then inserted again: no duplicates either way.
    await host.run(async (context) => {
      for (const [name] of expected) {
        const charts = context.workbook.worksheets.getItem(name as string).charts.load('items/id');
        await context.sync();
        charts.items.forEach((c) => c.delete());
      }
    });
    expect(titles()).toEqual([]);
    const n = await insertCharts(host.run, 'plan-report test');
    expect(titles()).toEqual(expected);
    await insertCharts(host.run, 'plan-report test');
    expect(titles()).toEqual(expected);
    expect(n).toBe(expected.reduce((k, [, t]) => k + t.length, 0));
  });

  it('keeps the charts there when inserting fails', async () => {
    const data = seed('suzhou-2022-q3');
    const host = await workbookWith(data);
    if (!host.state.sheets.some((s) => s.charts.length)) return; // the core draws no charts yet
    const before = host.snapshot();
    host.failNext({ opName: /ChartSeries.setXAxisValues/ });
    await expect(insertCharts(host.run, 'plan-report test')).rejects.toThrow('injected failure');
    expect(host.snapshot()).toEqual(before);
  });
});
