/**
 * The Office.js writer against the fake Excel host: it writes the same
 * workbook as the exceljs writer (sheets, values, formulas, formats, merges,
 * widths, validations, conditional formats, freeze, filter, print, names),
 * keeps text as text, and writes charts bound to the report's ranges.
 */
import fc from 'fast-check';
import { materialize } from '../../../src/core/layout/rows';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import type { Workbook } from '../../../src/core/layout/model';
import type { Locale, ReportData } from '../../../src/core/schema';
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { asText, headerFooterParts, styleAreas } from '../../../src/addin/excel/write-model';
import { reportData } from '../../support/arbitrary-data';
import { describeExcelJs, describeFake } from '../compare';
import { FakeExcel } from '../fake-excel/host';
import { rectAddress } from '../fake-excel/state';
import { model, seed, SEEDS } from '../support';
import { sinceModel } from '../../support/since';
import { buildReport } from '../../../src/core/layout/build';
import { OPTIONS, template } from '../../support/fixtures';

async function bothWriters(
  m: Workbook,
): Promise<{ fake: ReturnType<typeof describeFake>; excel: Awaited<ReturnType<typeof describeExcelJs>>; host: FakeExcel }> {
  const host = new FakeExcel();
  await buildReportInWorkbook(host.run, m);
  const names = m.sheets.map((s) => s.name);
  return { fake: describeFake(host, names), excel: await describeExcelJs(await xlsxBytes(m)), host };
}

function expectSame(fake: ReturnType<typeof describeFake>, excel: Awaited<ReturnType<typeof describeExcelJs>>): void {
  expect(fake.sheets.map((s) => [s.name, s.state])).toEqual(excel.sheets.map((s) => [s.name, s.state]));
  fake.sheets.forEach((s, i) => {
    const x = excel.sheets[i];
    // Sheet by sheet and part by part, so that a difference says where it is.
    for (const key of Object.keys({ ...s, ...x }) as (keyof typeof s)[]) expect({ sheet: s.name, [key]: s[key] }).toEqual({ sheet: s.name, [key]: x[key] });
  });
  expect(fake.names).toEqual(excel.names);
}

describe('the Office.js writer writes what the exceljs writer writes', () => {
  for (const name of SEEDS) {
    for (const locale of ['en', 'zh-CN'] as Locale[]) {
      it(`${name} (${locale})`, async () => {
        const { fake, excel } = await bothWriters(model(seed(name), locale));
        expectSame(fake, excel);
      });
    }
  }

  it('the measures-only template', async () => {
    const { fake, excel } = await bothWriters(model(seed('beijing-2022-q3'), 'en', 'measures-only'));
    expectSame(fake, excel);
  });

  it('a report made --since a previous one: Changes, Trend and the Summary comparison (issue 13)', async () => {
    for (const [name, locale] of [
      ['suzhou-2022-q3', 'zh-CN'],
      ['shanghai-2025-q3', 'en'],
    ] as const) {
      const m = await sinceModel(seed(name), locale);
      expect(m.sheets.map((s) => s.key)).toEqual(expect.arrayContaining(['changes', 'trend']));
      const { fake, excel } = await bothWriters(m);
      expectSame(fake, excel);
    }
  });

  it('a Dashboard with a selector: a dropdown of a range, its formats and its chart (issue 16)', async () => {
    const data = seed('shanghai-2025-q3');
    const t = template('quarterly');
    const bounded = { ...t, sections: t.sections.map((s) => (s.section === 'dashboard' ? { ...s, charts: 2 } : s)) };
    for (const locale of ['en', 'zh-CN'] as Locale[]) {
      const m = buildReport(bounded, data, locale, OPTIONS);
      const dashboard = m.sheets.find((s) => s.key === 'dashboard')!;
      expect(dashboard.validations.map((v) => v.rule)).toEqual([{ type: 'listRange', source: '$P$1:$P$8' }]);
      const { fake, excel, host } = await bothWriters(m);
      expectSame(fake, excel);
      const charts = host.sheet(dashboard.name).charts;
      expect(charts.map((c) => c.title.text)).toEqual(dashboard.charts!.map((c) => c.title));
      expect(charts[0].series.map((s) => [s.lineStyle, s.markerStyle])).toEqual([
        ['Continuous', 'Circle'],
        ['Dash', 'None'],
      ]);
    }
  });

  it('random data sets, with the text that breaks naive spreadsheets', async () => {
    await fc.assert(
      fc.asyncProperty(reportData, fc.constantFrom<Locale>('en', 'zh-CN'), async (data: ReportData, locale) => {
        const { fake, excel } = await bothWriters(model(data, locale));
        expectSame(fake, excel);
      }),
      { numRuns: 12, seed: 20260101 },
    );
  });
});

describe('text stays text', () => {
  it('quotes exactly what Excel would not keep as typed', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+1', '-2', '@x', "'abc", '01', '2020-01-01', 'TRUE', 'false', '#N/A', '１２', '50%', 'Plan 2'])
      expect(asText(t)).toBe(`'${t}`);
    for (const t of ['Completed', '医药', 'a*b', 'x"y', 'Municipal powers', '']) expect(asText(t)).toBe(t);
  });

  it('writes formula-like, numeric and date-like text as text, never as a formula', async () => {
    const tricky = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2', '+1', '@SUM(A1)', "'abc", '=1+1', '0012', '2020-01-01', 'TRUE', '#N/A', '１２'];
    const data: ReportData = {
      format: 'plan-report/v1',
      report: { title: '=TITLE()', region: '+region', period: '2024-Q1' },
      plans: [{ id: 'P', title: '@plan', measures: tricky.map((t, i) => ({ id: `m${i}`, title: t, note: t, status: 'in-progress' as const })) }],
    };
    const host = new FakeExcel();
    await buildReportInWorkbook(host.run, model(data));
    const measures = host.sheet('Measures');
    tricky.forEach((t, i) => {
      for (const col of [3, 10]) {
        const cell = measures.cell(i + 2, col)!;
        expect({ t, value: cell.value, formula: cell.formula, error: cell.error }).toEqual({ t, value: t, formula: undefined, error: undefined });
      }
    });
    const summary = host.sheet('Summary');
    expect(summary.cell(1, 1)).toMatchObject({ value: '=TITLE()', formula: undefined });
    expect(summary.cell(4, 2)).toMatchObject({ value: '+region', formula: undefined });
  });
});

describe('charts', () => {
  /** A hand-made model: a sheet of figures and three charts over it. */
  function chartModel(): Workbook {
    const m = model(seed('beijing-2022-q3'), 'en', 'measures-only');
    const summary = m.sheets[0];
    const at = (name: string) => `'${summary.name}'!${name}`;
    summary.charts = [
      {
        kind: 'bar',
        title: 'Completion rate by plan',
        from: { row: 3, col: 1 },
        to: { row: 19, col: 3 },
        percent: true,
        numFmt: '0%',
        dataLabels: true,
        series: [
          { name: 'Completion rate', color: '2E86AB', categories: at('$A$28:$A$28'), values: at('$E$28:$E$28'), cache: { categories: ['BJ'], values: [0.76] } },
        ],
      },
      {
        kind: 'column',
        title: 'Products by category',
        from: { row: 3, col: 3 },
        to: { row: 19, col: 7 },
        percent: false,
        numFmt: '#,##0',
        dataLabels: true,
        series: [
          { name: 'A', color: '2E86AB', categories: at('$B$32:$B$33'), values: at('$C$32:$C$33'), cache: { categories: [], values: [] } },
          { name: 'B', color: 'E07A1F', categories: at('$B$32:$B$33'), values: at('$D$32:$D$33'), cache: { categories: [], values: [] } },
        ],
      },
      {
        kind: 'line',
        title: 'Revenue',
        from: { row: 3, col: 7 },
        to: { row: 19, col: 11 },
        percent: false,
        numFmt: '#,##0.##',
        dataLabels: false,
        lineStyles: ['solid', 'point'],
        series: [
          { name: 'Value', color: '2E86AB', categories: at('$B$32:$B$33'), values: at('$C$32:$C$33'), cache: { categories: [], values: [] } },
          { name: 'Target', color: 'E07A1F', categories: at('$B$32:$B$33'), values: at('$D$32:$D$33'), cache: { categories: [], values: [] } },
        ],
      },
    ];
    return m;
  }

  it('writes native charts bound to the ranges of the model, placed and styled', async () => {
    const host = new FakeExcel();
    const m = chartModel();
    await buildReportInWorkbook(host.run, m);
    const summary = host.sheet(m.sheets[0].name);
    const addr = (r?: { sheetId: string; rect: import('../fake-excel/state').Rect }) =>
      r ? `${host.state.sheetById(r.sheetId)!.name}!${rectAddress(r.rect)}` : undefined;
    const charts = summary.charts.map((c) => ({
      type: c.type,
      title: c.title,
      at: [rectAddress(c.start!), rectAddress(c.end!)],
      series: c.series.map((s) => ({
        name: s.name,
        values: addr(s.values),
        x: addr(s.xValues),
        line: s.lineStyle,
        marker: s.markerStyle,
        ...(s.hasDataLabels ? { point: [s.markerSize, s.markerColor] } : {}),
      })),
      axis: c.valueAxis,
      labels: c.dataLabels,
      legend: c.legend.visible,
      reversed: c.categoryAxis.reversePlotOrder,
    }));
    expect(charts).toEqual([
      {
        type: 'BarClustered',
        title: { text: 'Completion rate by plan', visible: true },
        at: ['A3', 'B18'],
        series: [{ name: 'Completion rate', values: 'Summary!E28', x: 'Summary!A28' }],
        axis: { minimum: 0, maximum: 1, numberFormat: '0%' },
        labels: { showValue: true, numberFormat: '0%' },
        legend: false,
        reversed: true,
      },
      {
        type: 'ColumnClustered',
        title: { text: 'Products by category', visible: true },
        at: ['C3', 'F18'],
        series: [
          { name: 'A', values: 'Summary!C32:C33', x: 'Summary!B32:B33' },
          { name: 'B', values: 'Summary!D32:D33', x: 'Summary!B32:B33' },
        ],
        axis: { numberFormat: '#,##0' },
        labels: { showValue: true, numberFormat: '#,##0' },
        legend: true,
      },
      {
        type: 'LineMarkers',
        title: { text: 'Revenue', visible: true },
        at: ['G3', 'J18'],
        series: [
          { name: 'Value', values: 'Summary!C32:C33', x: 'Summary!B32:B33', line: 'Continuous', marker: 'Circle' },
          { name: 'Target', values: 'Summary!D32:D33', x: 'Summary!B32:B33', line: 'None', marker: 'Diamond', point: [10, '#E07A1F'] },
        ],
        axis: { numberFormat: '#,##0.##' },
        labels: {},
        legend: true,
      },
    ]);
  });

  it('writes the charts the core puts in the model (Summary and dashboard), when it does', async () => {
    const m = model(seed('suzhou-2022-q3'));
    const host = new FakeExcel();
    await buildReportInWorkbook(host.run, m);
    for (const sheet of m.sheets) {
      const written = host.sheet(sheet.name).charts;
      expect({ sheet: sheet.name, charts: written.map((c) => c.title.text) }).toEqual({
        sheet: sheet.name,
        charts: (sheet.charts ?? []).filter((c) => c.series.length).map((c) => c.title),
      });
      written.forEach((c, i) => expect(c.series.map((s) => s.name)).toEqual(sheet.charts![i].series.map((s) => s.name)));
    }
  });
});

describe('pieces of the writer', () => {
  it('splits header and footer codes into the parts Office.js sets', () => {
    expect(headerFooterParts('&LTitle && more&RBeijing 2022-Q3')).toEqual({ left: 'Title && more', center: '', right: 'Beijing 2022-Q3' });
    expect(headerFooterParts('&LMeasures&RPage &P of &N')).toEqual({ left: 'Measures', center: '', right: 'Page &P of &N' });
    expect(headerFooterParts('plain')).toEqual({ left: '', center: 'plain', right: '' });
  });

  it('groups each style into few rectangles: columns of a data sheet are one area each', () => {
    const m = model(seed('beijing-2022-q3'));
    const areas = styleAreas(materialize(m.sheets.find((s) => s.key === 'measures')!));
    expect(areas.get('header')).toEqual(['A1:M1']); // the ten fields and the three hidden code columns
    expect(areas.get('freeWrap')).toContain('J2:J51'); // the note column, in the Text format
    const total = [...areas.values()].reduce((n, a) => n + a.length, 0);
    expect(total).toBeLessThan(40);
  });
});
