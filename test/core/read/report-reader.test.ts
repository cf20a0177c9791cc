/** Reading report workbooks back: the round trip data -> workbook -> data is the identity. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildReport } from '../../../src/core/layout/build';
import { readReportWorkbook } from '../../../src/core/read/report-reader';
import type { ReportData } from '../../../src/core/schema';
import { run } from '../../../src/cli/main';
import { exceljsGrid } from '../../support/exceljs/reader';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import { reportData } from '../../support/arbitrary-data';
import { streamedBytes } from '../../support/streamed-bytes';
import { loadWorkbookFile } from '../../../src/cli/xlsx/read/read-record';
import { OPTIONS, quarterly } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbookOf(data: ReportData): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsxBytes(buildReport(quarterly, data, data.report.locale ?? 'en', OPTIONS))) as unknown as ArrayBuffer);
  return wb;
}

describe('reading a report workbook back', () => {
  it('gives back the data it was made from, for random data sets', async () => {
    await fc.assert(
      fc.asyncProperty(reportData, async (data) => {
        const back = readReportWorkbook(exceljsGrid(await workbookOf(data)), 'x.xlsx');
        expect(back).toEqual(data);
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000); // 40 workbooks: seconds on an idle machine, a minute on a loaded one

  it('gives back the data through the parts reader from the streamed workbook, as extract reads it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(reportData, async (data) => {
        const file = path.join(dir, `streamed-${n++}.xlsx`);
        writeFileSync(file, await streamedBytes(buildReport(quarterly, data, data.report.locale ?? 'en', OPTIONS)));
        expect(readReportWorkbook(await loadWorkbookFile(file), file)).toEqual(data);
      }),
      { numRuns: 25, seed: 11 },
    );
  }, 120_000);

  it('keeps 32,767-character cells, newlines, emoji and formula-like text exactly', async () => {
    const long = '长'.repeat(16000) + 'x'.repeat(16767);
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: 'line one\nline two', region: '北京', period: '2024-Q2' },
      plans: [
        {
          id: 'P',
          title: '=HYPERLINK("http://x","y")',
          measures: [
            { id: 'a', title: long, status: 'delayed', note: ' leading and trailing spaces ' },
            { id: 'b', title: "+1 -2 @x 'abc", status: 'not-started', note: '🧬💊\r\nCRLF' },
          ],
        },
      ],
    };
    expect(long.length).toBe(32767);
    expect(readReportWorkbook(exceljsGrid(await workbookOf(data)), 'x.xlsx')).toEqual(data);
  });

  it('reads rows an official added or changed in Excel, in either language', async () => {
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q2', locale: 'zh-CN' },
      plans: [{ id: 'P', title: 'p', measures: [{ id: 'a', title: 'A', status: 'in-progress' }] }],
    };
    const wb = await workbookOf(data);
    const ws = wb.getWorksheet('措施')!;
    ws.getCell('G2').value = '已完成';
    ws.getCell('H2').value = new Date(Date.UTC(2024, 4, 31));
    ws.getRow(3).values = ['P', 'b', 'Added in Excel', null, null, null, 'Delayed', null, 0.5];
    const back = readReportWorkbook(exceljsGrid(wb), 'x.xlsx');
    expect(back.plans![0].measures).toEqual([
      { id: 'a', title: 'A', status: 'completed', completed: '2024-05-31' },
      { id: 'b', title: 'Added in Excel', status: 'delayed', progress: 0.5 },
    ]);
  });

  it('refuses formulas and wrong values, naming the sheet and cell of each', async () => {
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q2' },
      plans: [
        {
          id: 'P',
          title: 'p',
          measures: [
            { id: 'a', title: 'A', status: 'in-progress' },
            { id: 'b', title: 'B', status: 'completed' },
          ],
        },
      ],
    };
    const wb = await workbookOf(data);
    const ws = wb.getWorksheet('Measures')!;
    ws.getCell('C2').value = { formula: 'HYPERLINK("http://evil","x")' } as ExcelJS.CellFormulaValue;
    ws.getCell('G3').value = 'half done';
    ws.getCell('I3').value = 'half';
    ws.getCell('A4').value = 'NOPE';
    ws.getCell('B4').value = 'c';
    expect(() => readReportWorkbook(exceljsGrid(wb), 'back.xlsx')).toThrow(
      [
        'back.xlsx Measures!C2: plans[0].measures[0].title: holds a formula (=HYPERLINK("http://evil","x")); expected a value',
        'back.xlsx Measures!G3: plans[0].measures[1].status: "half done" is not a status; expected one of: 未启动, 推进中, 已完成, 滞后, 已取消 (or Not started, In progress, Completed, Delayed, Cancelled)',
        'back.xlsx Measures!I3: plans[0].measures[1].progress: "half" is not a percentage; expected a percentage such as 60% or 0.6',
        'back.xlsx Measures!A4: plan "NOPE" is not one of this report\'s plans; expected one of: P',
      ].join('\n'),
    );
  });

  it("reads values in officials' spellings as collect and import do: 已完成, 2022/6/28, 60%, full width, invisible characters", async () => {
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q2' },
      plans: [{ id: 'P', title: 'p', measures: [{ id: 'a', title: 'A', status: 'in-progress' }] }],
      catalogs: [{ id: 'C', title: 'c', entries: [{ product: 'X', enterprise: 'Y', category: 'drug' }] }],
      indicators: [{ id: 'I', name: 'i', observations: [{ period: '2024-Q2', value: 1 }] }],
    };
    const wb = await workbookOf(data);
    const measures = wb.getWorksheet('Measures')!;
    const fields = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const at = (ws: ExcelJS.Worksheet, label: RegExp) => fields(ws).findIndex((f) => label.test(f)) + 1;
    measures.getRow(2).getCell(at(measures, /^Status/)).value = '已完成\u200b';
    measures.getRow(2).getCell(at(measures, /^Completed/)).value = '2022/6/28';
    measures.getRow(2).getCell(at(measures, /^Progress/)).value = '６０％';
    const catalog = wb.getWorksheet('Catalog')!;
    catalog.getRow(2).getCell(at(catalog, /^Listed/)).value = '2022年6月28日';
    catalog.getRow(2).getCell(at(catalog, /^Hospitals/)).value = '1,234';
    const obs = wb.getWorksheet('Observations')!;
    obs.getRow(2).getCell(at(obs, /^Value/)).value = '１２３４．５';
    obs.getRow(2).getCell(at(obs, /^Growth/)).value = '13.7%';
    const back = readReportWorkbook(exceljsGrid(wb), 'back.xlsx');
    expect(back.plans![0].measures[0]).toEqual({ id: 'a', title: 'A', status: 'completed', completed: '2022-06-28', progress: 0.6 });
    expect(back.catalogs![0].entries[0]).toMatchObject({ listed: '2022-06-28', hospitals: 1234 });
    expect(back.indicators![0].observations[0]).toEqual({ period: '2024-Q2', value: 1234.5, growth: 0.137 });
    obs.getRow(2).getCell(at(obs, /^Value/)).value = '1234,5';
    expect(() => readReportWorkbook(exceljsGrid(wb), 'back.xlsx')).toThrow(
      /^back\.xlsx Observations!\w+: indicators\[0\]\.observations\[0\]\.value: "1234,5" has a comma that separates no thousands; expected a number with a decimal point \(write 1234\.5, or 12345 if the comma was a slip\)$/,
    );
  });

  it('refuses a workbook of another layout version, and one not made by plan-report', async () => {
    const wb = await workbookOf({ format: 'plan-report/v1', report: { title: 'T', region: 'R', period: '2024' } });
    wb.getWorksheet('_plan_report')!.getCell('B2').value = 'plan-report-workbook/v2';
    expect(() => readReportWorkbook(exceljsGrid(wb), 'old.xlsx')).toThrow(
      'old.xlsx _plan_report!B2: is a workbook of layout "plan-report-workbook/v2"; expected "plan-report-workbook/v1"',
    );
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1');
    expect(() => readReportWorkbook(exceljsGrid(other), 'other.xlsx')).toThrow(
      'other.xlsx: has no "_plan_report" sheet; expected a workbook made by plan-report',
    );
  });

  it('extract writes the data file of a generated workbook, which validates', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const xlsx = path.join(dir, 'b.xlsx');
    expect(await run(['generate', path.join(ROOT, 'seeds/beijing-2022-q3.yaml'), '--out', xlsx], io)).toBe(0);
    expect(await run(['extract', xlsx, '--out', path.join(dir, 'b.yaml')], io)).toBe(0);
    expect(await run(['validate', path.join(dir, 'b.yaml')], io)).toBe(0);
    expect(lines.at(-1)).toContain('1 plan (50 measures)');
    expect(await run(['extract', xlsx, '--out', xlsx], io)).toBe(1);
    expect(lines.at(-1)).toContain('is also an input');
  });

  it('extract with the default output refuses to replace a data file beside the workbook, unless --force', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const xlsx = path.join(dir, 'kept.xlsx');
    const yaml = path.join(dir, 'kept.yaml');
    expect(await run(['generate', path.join(ROOT, 'seeds/beijing-2022-q3.yaml'), '--out', xlsx], io)).toBe(0);
    writeFileSync(yaml, '# my notes\n');
    expect(await run(['extract', xlsx], io)).toBe(1);
    expect(lines.at(-1)).toBe(
      `${yaml}: exists already; nothing was written: expected a new file beside the workbook (name another with --out FILE, or replace this one, comments and all, with --force)`,
    );
    expect(readFileSync(yaml, 'utf8')).toBe('# my notes\n');
    expect(await run(['extract', xlsx, '--force'], io)).toBe(0);
    expect(readFileSync(yaml, 'utf8')).toMatch(/^format: plan-report\/v1/m);
  });
});
