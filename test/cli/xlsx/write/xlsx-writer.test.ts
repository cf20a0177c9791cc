/** The streaming writer: the written file, read back with exceljs, holds what the layout model says. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readData } from '../../../../src/core/data-file/read';
import { buildReport } from '../../../../src/core/layout/build';
import type { ReportData } from '../../../../src/core/schema';
import { recordOf } from '../../../support/exceljs/reader';
import { streamWorkbook } from '../../../../src/cli/xlsx/write/write-stream';
import { expectedFigures, figureDifferences, namedCells } from '../../../support/named-figures';
import { OPTIONS, quarterly } from '../../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);
const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(data: ReportData, locale: 'en' | 'zh-CN' = 'en'): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await streamWorkbook(buildReport(quarterly, data, locale, OPTIONS), file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('exceljs writer', () => {
  it('writes every named figure as a formula with the core value cached', async () => {
    for (const name of ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1']) {
      const data = seed(name);
      const wb = await roundTrip(data);
      const cells = namedCells(wb);
      expect(figureDifferences(cells, expectedFigures(data))).toEqual([]);
      for (const [n, c] of cells) {
        if (n !== 'Report_Date' && n !== 'Report_Period') expect({ n, formula: typeof c.formula }).toEqual({ n, formula: 'string' });
      }
    }
  });

  it('writes the report date as a date cell that the figures read', async () => {
    const wb = await roundTrip(seed('beijing-2022-q3'));
    const date = wb.getWorksheet('Summary')!.getCell('B7');
    expect(date.value).toEqual(new Date(Date.UTC(2022, 8, 20)));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    // Overdue counts the rows whose code says overdue: due before Report_Date and still open.
    const overdue = namedCells(wb).get('Plan_BJ_OPEN_2022_Overdue')!;
    expect(overdue.formula).toBe("'_figures'!$C$3");
    expect(String(wb.getWorksheet('Measures')!.getCell('K2').formula)).toContain('<Report_Date');
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const tricky = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2', '@SUM(A1)', "'abc", '=1+1', '0012'];
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: '=TITLE()', region: '+region', period: '2024-Q1' },
      plans: [{ id: 'P', title: '@plan', measures: tricky.map((t, i) => ({ id: `m${i}`, title: t, note: t, status: 'in-progress' as const })) }],
    };
    const wb = await roundTrip(data);
    const ws = wb.getWorksheet('Measures')!;
    const meta = recordOf(wb, 'x').sheets.measures.fields;
    tricky.forEach((t, i) => {
      for (const field of ['title', 'note']) {
        const cell = ws.getCell(i + 2, meta.indexOf(field) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(t);
        expect(cell.formula).toBeFalsy();
      }
    });
    expect(wb.getWorksheet('Summary')!.getCell('A1').value).toBe('=TITLE()');
    expect(wb.getWorksheet('Summary')!.getCell('B4').value).toBe('+region');
  });

  it('keeps Chinese text and dates exactly, and localizes the labels', async () => {
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: '生物医药产业季度报告', region: '北京市', period: '2022-Q3', locale: 'zh-CN' },
      plans: [
        {
          id: 'BJ',
          title: '北京方案',
          groups: ['需国家授权'],
          measures: [{ id: 'a', title: '研发用物品进口“白名单” 🧬', group: '需国家授权', status: 'completed', completed: '2022-06-28' }],
        },
      ],
    };
    const wb = await roundTrip(data, 'zh-CN');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '措施', '产品目录', '指标', '指标数据', '指标看板', '来源', '说明', '_figures', '_plan_report']);
    const ws = wb.getWorksheet('措施')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '方案',
      '编号',
      '措施',
      '类别',
      '牵头单位',
      '完成时限',
      '状态',
      '完成日期',
      '完成进度',
      '备注',
      '方案统计码',
      '分组统计码',
      '本期统计码',
    ]);
    expect(ws.getCell('C2').value).toBe('研发用物品进口“白名单” 🧬');
    expect(ws.getCell('G2').value).toBe('已完成');
    expect(ws.getCell('H2').value).toEqual(new Date(Date.UTC(2022, 5, 28)));
    expect(ws.getCell('H2').numFmt).toBe('yyyy"年"m"月"d"日"'); // 2022年6月28日: still a date
  });

  it('writes validations, conditional formats, filters, frozen header and print setup', async () => {
    const wb = await roundTrip(seed('beijing-2022-q3'));
    const ws = wb.getWorksheet('Measures')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:J51');
    const status = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model['G2'];
    expect(status).toMatchObject({ type: 'list', formulae: ['"Not started,In progress,Completed,Delayed,Cancelled"'] });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.headerFooter.oddFooter).toContain('&P');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    const rules = cf.flatMap((c) => c.rules.map((r) => ({ ref: c.ref, type: r.type, formula: r.formulae?.[0] })));
    expect(rules).toEqual(
      expect.arrayContaining([
        { ref: 'A2:J1051', type: 'expression', formula: 'AND(ISNUMBER($F2),$F2<Report_Date,$G2<>"Completed",$G2<>"Cancelled")' },
        { ref: 'G2:G1051', type: 'expression', formula: '$G2="Completed"' },
        expect.objectContaining({ ref: 'I2:I1051', type: 'dataBar' }),
      ]),
    );
  });

  it('records what made it in a very hidden sheet that readers check', async () => {
    const wb = await roundTrip(seed('suzhou-2022-q3'));
    expect(wb.getWorksheet('_plan_report')!.state).toBe('veryHidden');
    const meta = recordOf(wb, 'x.xlsx');
    expect(meta).toMatchObject({
      format: 'plan-report/v1',
      workbook: 'plan-report-workbook/v1',
      generator: 'plan-report test',
      period: '2022-Q3',
      locale: 'en',
    });
    expect(meta.template.name).toBe('quarterly');
    expect(meta.sheets.catalog.fields).toEqual(['catalog', 'product', 'enterprise', 'category', 'registration', 'listed', 'hospitals']);
    wb.getWorksheet('_plan_report')!.getCell('B1').value = 'plan-report/v9';
    expect(() => recordOf(wb, 'x.xlsx')).toThrow('x.xlsx _plan_report!B1: is of data format "plan-report/v9"; expected "plan-report/v1"');
  });
});
