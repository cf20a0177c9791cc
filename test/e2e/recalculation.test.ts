/**
 * End to end: generated workbooks recalculated by LibreOffice Calc (headless,
 * full recalculation forced on load) hold, under every name, the figure the
 * core computes; and when rows are edited or appended in the workbook the
 * figures move as they should, with no formula edited.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readData } from '../../src/core/data-file/read';
import { planFigures, reportFigures } from '../../src/core/figures';
import { period, periodEnd } from '../../src/core/periods';
import { reportDate } from '../../src/core/report-defaults';
import { buildReport } from '../../src/core/layout/build';
import { labelsFor } from '../../src/core/i18n';
import type { Locale, ReportData } from '../../src/core/schema';
import type { Template } from '../../src/core/template';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';
import { recordOf } from '../support/exceljs/reader';
import { reportData } from '../support/arbitrary-data';
import { recalculate } from '../support/libreoffice';
import { expectedFigures, figureDifferences, readNamedCells } from '../support/named-figures';
import { OPTIONS, quarterly, template } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const seed = (name: string): ReportData => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

interface Case {
  label: string;
  data: ReportData;
  template: Template;
  locale: Locale;
  file?: string;
  recalculated?: string;
}

const measuresOnly = template('measures-only');
const SEEDS = ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1'];

const cases: Case[] = [
  ...SEEDS.flatMap((s) => (['en', 'zh-CN'] as const).map((locale) => ({ label: `seed ${s} (${locale})`, data: seed(s), template: quarterly, locale }))),
  { label: 'seed beijing-2022-q3 (measures-only)', data: seed('beijing-2022-q3'), template: measuresOnly, locale: 'en' },
  ...fc.sample(reportData, { numRuns: 30, seed: 20261123 }).map((data, i) => ({
    label: `random data set ${i}`,
    data,
    template: i % 5 === 4 ? measuresOnly : quarterly,
    locale: data.report.locale ?? (i % 2 ? 'zh-CN' : 'en'),
  })),
];

const partsOf = (t: Template) => ({
  plans: t.sections.some((s) => s.section === 'measures'),
  catalogs: t.sections.some((s) => s.section === 'catalog'),
  indicators: t.sections.some((s) => s.section === 'indicators'),
});

/** Edits a workbook the way an official would in Excel, through exceljs. */
async function edit(
  file: string,
  out: string,
  change: (wb: ExcelJS.Workbook, column: (sheet: string, field: string) => { ws: ExcelJS.Worksheet; col: number }) => void,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const meta = recordOf(wb, file);
  change(wb, (sheet, field) => {
    const s = meta.sheets[sheet];
    return { ws: wb.getWorksheet(s.name)!, col: s.fields.indexOf(field) + 1 };
  });
  await wb.xlsx.writeFile(out);
}

function appendRow(
  wb: ExcelJS.Workbook,
  column: (sheet: string, field: string) => { ws: ExcelJS.Worksheet; col: number },
  sheet: string,
  values: Record<string, ExcelJS.CellValue>,
) {
  // The first row after the table's last filled row, as an official appends one
  // (the rows below hold hidden helper formulas, so actualRowCount is not the end).
  const { ws } = column(sheet, Object.keys(values)[0]);
  const fields = Object.keys(values).map((f) => column(sheet, f).col);
  let row = ws.rowCount + 1;
  while (row > 2 && fields.every((c) => ws.getCell(row - 1, c).value === null)) row--;
  for (const [field, v] of Object.entries(values)) ws.getCell(row, column(sheet, field).col).value = v;
}

/**
 * Periods an official may type on a Chinese report's Summary (B5, which the report writes as 2022年第三季度), and the
 * period each means: its formulas read words and the data's form alike.
 */
const TYPED_PERIODS: [typed: string, means: string][] = [
  ['2022年第二季度', '2022-Q2'],
  ['2022年2季度', '2022-Q2'],
  ['2022年四季度', '2022-Q4'],
  ['2022年上半年', '2022-H1'],
  ['2022年下半年', '2022-H2'],
  ['2022年6月', '2022-06'],
  ['2022年10月', '2022-10'],
  ['2021年', '2021'],
  ['2022-Q2', '2022-Q2'],
];

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-e2e-'));
const edited: Record<string, { file: string; recalculated?: string }> = {};

const overdueData: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'Overdue', region: 'Test', period: '2024-Q2', date: '2024-04-30' },
  plans: [
    {
      id: 'OD',
      title: 'Overdue test',
      measures: [
        { id: 'a', title: 'due in May', status: 'in-progress', due: '2024-05-15' },
        { id: 'b', title: 'due in June', status: 'delayed', due: '2024-06-10' },
        { id: 'c', title: 'done', status: 'completed', due: '2024-05-01' },
        { id: 'd', title: 'due in March', status: 'not-started', due: '2024-03-01' },
      ],
    },
  ],
};

beforeAll(async () => {
  for (const [i, c] of cases.entries()) {
    c.file = path.join(dir, `case-${i}.xlsx`);
    await streamWorkbook(buildReport(c.template, c.data, c.locale, OPTIONS), c.file);
  }
  const en = labelsFor('en');
  const beijing = cases[0].file!;
  edited.beijing = { file: path.join(dir, 'edited-beijing.xlsx') };
  await edit(beijing, edited.beijing.file, (wb, column) => {
    const { ws, col } = column('measures', 'status');
    const group = column('measures', 'group').col;
    for (let r = 2; r <= ws.actualRowCount; r++) {
      if (ws.getCell(r, col).value === en.statuses['in-progress'] && ws.getCell(r, group).value === 'Municipal powers') {
        ws.getCell(r, col).value = en.statuses.completed;
        break;
      }
    }
    appendRow(wb, column, 'measures', { plan: 'BJ-OPEN-2022', id: 'BJ-51', title: 'Appended in Excel', group: 'municipal POWERS', status: 'completed' });
  });

  const suzhou = cases[2].file!;
  edited.suzhou = { file: path.join(dir, 'edited-suzhou.xlsx') };
  await edit(suzhou, edited.suzhou.file, (wb, column) => {
    // The catalog's first hospitals value: Adopted and AdoptionRate, blank until now, appear.
    appendRow(wb, column, 'catalog', { catalog: 'SZ-IFH-2021-1', product: 'New product', enterprise: 'New Co', category: 'Drug', hospitals: 2 });
    // The same new enterprise again, and a known one, in other cases: neither is a new enterprise.
    appendRow(wb, column, 'catalog', { catalog: 'SZ-IFH-2021-1', product: 'Second new product', enterprise: 'new co', category: 'Drug' });
    appendRow(wb, column, 'catalog', {
      catalog: 'SZ-IFH-2021-1',
      product: 'Third new product',
      enterprise: 'enterprise 02 (NOT named in the source)',
      category: 'Drug',
    });
    // The only product of enterprise 18 now listed under enterprise 01: one enterprise fewer.
    const { ws, col } = column('catalog', 'enterprise');
    for (let r = 2; r <= ws.actualRowCount; r++) {
      if (ws.getCell(r, col).value === 'Enterprise 18 (not named in the source)') ws.getCell(r, col).value = 'ENTERPRISE 01 (NOT NAMED IN THE SOURCE)';
    }
    appendRow(wb, column, 'observations', { indicator: 'SND-REV', period: '2021', value: 300 });
  });

  // An observation appended below the last indicator's keeps the rows in order.
  edited.suzhouInOrder = { file: path.join(dir, 'edited-suzhou-in-order.xlsx') };
  await edit(suzhou, edited.suzhouInOrder.file, (wb, column) => {
    appendRow(wb, column, 'observations', { indicator: 'SND-ENT', period: '2021', value: 600 });
  });

  const od = path.join(dir, 'overdue.xlsx');
  await streamWorkbook(buildReport(quarterly, overdueData, 'en', OPTIONS), od);
  edited.overdue = { file: path.join(dir, 'edited-overdue.xlsx') };
  await edit(od, edited.overdue.file, (wb) => {
    const cell = wb.getWorksheet('Summary')!.getCell('B7');
    cell.value = new Date(Date.UTC(2024, 5, 30));
  });

  // Another reporting period typed in: the period's first day and the next period's last day follow it.
  edited.period = { file: path.join(dir, 'edited-period.xlsx') };
  await edit(cases[0].file!, edited.period.file, (wb) => {
    wb.getWorksheet('Summary')!.getCell('B5').value = '2022-Q2';
  });

  // The same, on the Chinese report, in each way an official may write a period.
  const zh = cases.find((c) => c.label === 'seed beijing-2022-q3 (zh-CN)')!.file!;
  for (const [k, [typed]] of TYPED_PERIODS.entries()) {
    edited[`typed${k}`] = { file: path.join(dir, `edited-typed-${k}.xlsx`) };
    await edit(zh, edited[`typed${k}`].file, (wb) => {
      wb.getWorksheet('概览')!.getCell('B5').value = typed;
    });
  }

  const inputs = [...cases.map((c) => c.file!), od, ...Object.values(edited).map((e) => e.file)];
  const outputs = await recalculate(inputs, path.join(dir, 'recalculated'), { timeoutMs: 240_000 });
  cases.forEach((c, i) => (c.recalculated = outputs[i]));
  Object.values(edited).forEach((e, i) => (e.recalculated = outputs[cases.length + 1 + i]));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice recalculation agrees with the core under every name', () => {
  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const expected = expectedFigures(c.data, partsOf(c.template));
    const cached = await readNamedCells(c.file!);
    const recalculated = await readNamedCells(c.recalculated!);
    expect({ cached: figureDifferences(cached, expected) }).toEqual({ cached: [] });
    expect({ recalculated: figureDifferences(recalculated, expected) }).toEqual({ recalculated: [] });
    const extra = [...recalculated.keys()].filter((n) => !expected.has(n) && !['Report_Period', 'Report_Period_End'].includes(n));
    expect(extra).toEqual([]);
  });

  it('checks a meaningful number of figures', () => {
    const total = cases.reduce((n, c) => n + expectedFigures(c.data, partsOf(c.template)).size, 0);
    expect(total).toBeGreaterThan(300);
  });
});

describe('figures follow edits made in the workbook', () => {
  it('a status changed to Completed and a measure row appended move the plan and group figures', async () => {
    const f = await readNamedCells(edited.beijing.recalculated!);
    const v = (n: string) => f.get(n)?.value;
    expect(v('Plan_BJ_OPEN_2022_Measures')).toBe(51);
    expect(v('Plan_BJ_OPEN_2022_Completed')).toBe(40);
    expect(v('Plan_BJ_OPEN_2022_CompletionRate')).toBeCloseTo(40 / 51, 12);
    expect(v('Plan_BJ_OPEN_2022_Group1_Measures')).toBe(13);
    expect(v('Plan_BJ_OPEN_2022_Group1_Completed')).toBe(6);
    expect(v('Plan_BJ_OPEN_2022_Group2_Measures')).toBe(38);
    expect(v('Plan_BJ_OPEN_2022_Group2_Completed')).toBe(34);
    expect(v('Plan_BJ_OPEN_2022_Group2_CompletionRate')).toBeCloseTo(34 / 38, 12);
  });

  it('another reporting period typed on the Summary moves the figures of the period', async () => {
    const data = seed('beijing-2022-q3');
    const f = await readNamedCells(edited.period.recalculated!);
    const want = planFigures(data.plans![0], reportDate(data), period('2022-Q2'));
    const before = reportFigures(data).plans[0];
    // The seed's measures have completion dates in Q2 and none in Q3: the edit must change the figure.
    expect(want.completedInPeriod).not.toBe(before.completedInPeriod);
    expect(f.get('Plan_BJ_OPEN_2022_CompletedInPeriod')?.value).toBe(want.completedInPeriod);
    expect(f.get('Plan_BJ_OPEN_2022_DueNext')?.value).toBe(want.dueNext);
  });

  it.each(TYPED_PERIODS.map(([typed, means], k) => [typed, means, k] as const))(
    'a Chinese report reads the period typed as %s (%s): its last day and the figures of the period follow',
    async (_typed, means, k) => {
      const data = seed('beijing-2022-q3');
      const f = await readNamedCells(edited[`typed${k}`].recalculated!);
      const want = planFigures(data.plans![0], reportDate(data), period(means));
      const end = periodEnd(period(means));
      expect(f.get('Report_Period_End')?.value).toBe(Math.round(Date.parse(end) / 86400000 + 25569));
      expect(f.get('Plan_BJ_OPEN_2022_CompletedInPeriod')?.value).toBe(want.completedInPeriod);
      expect(f.get('Plan_BJ_OPEN_2022_DueNext')?.value).toBe(want.dueNext);
    },
  );

  it('a Chinese report writes its period in words, and reads it back as the data writes it', async () => {
    const zh = cases.find((c) => c.label === 'seed beijing-2022-q3 (zh-CN)')!;
    const f = await readNamedCells(zh.file!);
    expect(f.get('Report_Period')?.value).toBe('2022年第三季度');
    expect((await readNamedCells(cases[0].file!)).get('Report_Period')?.value).toBe('2022-Q3');
  });

  it('appended and edited catalog entries and an appended observation move the catalog and indicator figures', async () => {
    const f = await readNamedCells(edited.suzhou.recalculated!);
    const v = (n: string) => f.get(n)?.value as number;
    expect(v('Catalog_SZ_IFH_2021_1_Products')).toBe(28);
    // 18 + New Co - enterprise 18 (its one product moved to enterprise 01).
    expect(v('Catalog_SZ_IFH_2021_1_Enterprises')).toBe(18);
    expect(v('Catalog_SZ_IFH_2021_1_Adopted')).toBe(1);
    expect(v('Catalog_SZ_IFH_2021_1_AdoptionRate')).toBeCloseTo(1 / 28, 12);
    expect(v('Indicator_SND_REV_Latest')).toBe(300);
    expect(v('Indicator_SND_REV_Progress')).toBeCloseTo(100 / 600, 12);
    expect(v('Indicator_SND_REV_CAGR')).toBeCloseTo(0.5, 12);
    expect(v('Indicator_SND_REV_RequiredCAGR')).toBeCloseTo(Math.sqrt(800 / 300) - 1, 12);
  });

  it('the indicator figures use binary searches while the observations are in order, one pass per figure once they are not', async () => {
    const outOfOrder = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const v = wb.getWorksheet('_figures')!.getCell('M2').value as { result?: unknown } | null;
      // exceljs reads LibreOffice's cached 0 (`<v>0</v>`) as no result.
      return v && typeof v === 'object' ? (v.result ?? 0) : v;
    };
    expect(await outOfOrder(cases[2].recalculated!)).toBe(0);
    expect(await outOfOrder(edited.suzhouInOrder.recalculated!)).toBe(0);
    expect(await outOfOrder(edited.suzhou.recalculated!)).toBe(1);
    const f = await readNamedCells(edited.suzhouInOrder.recalculated!);
    const v = (n: string) => f.get(n)?.value as number;
    expect(v('Indicator_SND_ENT_Latest')).toBe(600);
    expect(v('Indicator_SND_ENT_Growth')).toBeCloseTo(0.5, 12);
    expect(v('Indicator_SND_ENT_Progress')).toBeCloseTo(1 / 3, 12);
    expect(v('Indicator_SND_ENT_CAGR')).toBeCloseTo(0.5, 12);
    expect(v('Indicator_SND_REV_Latest')).toBe(200);
  });

  it('a later report date counts more measures overdue', async () => {
    const before = await readNamedCells(cases.length ? path.join(dir, 'recalculated', 'overdue.xlsx') : '');
    expect(before.get('Plan_OD_Overdue')?.value).toBe(1);
    const after = await readNamedCells(edited.overdue.recalculated!);
    expect(after.get('Report_Date')?.value).toBe(45473); // 2024-06-30
    expect(after.get('Plan_OD_Overdue')?.value).toBe(3);
  });
});
