/** Indicators' value formats (shares as percentages, counts as whole numbers), sources and notes: the rule, the layout, forms. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../src/core/data-file/read';
import { InputError } from '../../src/core/errors';
import { buildForm } from '../../src/core/forms/build-form';
import { FORM_COLUMNS, selectForm } from '../../src/core/forms/form';
import { readCell } from '../../src/core/forms/values';
import { buildReport } from '../../src/core/layout/build';
import type { Cell, Sheet, Workbook } from '../../src/core/layout/model';
import { sheetRows } from '../../src/core/layout/rows';
import { STYLES } from '../../src/core/layout/styles';
import { readReportWorkbook } from '../../src/core/read/report-reader';
import { gridSheet, type GridValue, type GridWorkbook } from '../../src/core/read/grid';
import type { ReportData } from '../../src/core/schema';
import { numberFormatOf, VALUE_FORMAT_KEYS, valueFormatCode, valueFormatKey } from '../../src/core/value-format';
import { OPTIONS, quarterly, ROOT } from '../support/fixtures';

const seed = (name: string): ReportData => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), `${name}.yaml`);

describe('the value format rule', () => {
  it('prints shares as percentages, counts as whole numbers, amounts with thousands separators', () => {
    expect(numberFormatOf(valueFormatKey({ format: 'percent' }))).toBe('0.0%');
    expect(numberFormatOf(valueFormatKey({ format: 'percent', decimals: 0 }))).toBe('0%');
    expect(numberFormatOf(valueFormatKey({ format: 'integer' }))).toBe('#,##0');
    expect(numberFormatOf(valueFormatKey({ format: 'number', decimals: 0 }))).toBe('#,##0');
    expect(numberFormatOf(valueFormatKey({ format: 'number', decimals: 3 }))).toBe('#,##0.000');
    // No format: a number with 2 decimals, as before formats existed; decimals alone apply to it.
    expect(numberFormatOf(valueFormatKey({}))).toBe('#,##0.00');
    expect(numberFormatOf(valueFormatKey({ decimals: 1 }))).toBe('#,##0.0');
  });

  it('gives every format its own code and style in every role', () => {
    const codes = VALUE_FORMAT_KEYS.map(valueFormatCode);
    expect(new Set(codes).size).toBe(VALUE_FORMAT_KEYS.length);
    expect(codes).not.toContain(0);
    for (const key of VALUE_FORMAT_KEYS) {
      expect(STYLES[`value.${key}`].numFmt).toBe(numberFormatOf(key));
      expect(STYLES[`figure.${key}`].font?.bold).toBe(true);
      expect(STYLES[`input.${key}`].fill).toBe(STYLES.input.fill);
    }
  });

  it('is refused where it is wrong, each problem at its line and column', () => {
    const text = `format: plan-report/v1
report: { title: T, region: R, period: 2024-Q1 }
indicators:
  - { id: A, name: a, format: integer, decimals: 2, observations: [] }
  - { id: B, name: b, format: percentage, decimals: 5, observations: [] }
  - { id: C, name: c, decimals: 1.5, source: 3, note: [x], observations: [] }
`;
    let error: unknown;
    try {
      readData(text, 'data.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message.split('\n')).toEqual([
      'data.yaml:4:50: indicators[0].decimals: expected no decimals (or 0) for format integer; use format number for decimals, got 2',
      'data.yaml:5:31: indicators[1].format: expected one of percent | integer | number, got "percentage"',
      'data.yaml:5:53: indicators[1].decimals: expected a whole number of decimals from 0 to 4, got 5',
      'data.yaml:6:33: indicators[2].decimals: expected a whole number of decimals from 0 to 4, got 1.5',
      'data.yaml:6:46: indicators[2].source: expected text, got 3',
      'data.yaml:6:55: indicators[2].note: expected text, got a list',
    ]);
  });
});

const sheetOf = (wb: Workbook, key: Sheet['key']) => wb.sheets.find((s) => s.key === key)!;
const rowsOf = (s: Sheet) => [...sheetRows(s)];
/** The cells of the row whose first cell is `first`. */
const rowStarting = (s: Sheet, first: string): (Cell | undefined)[] => rowsOf(s).find((r) => r.cells[0]?.v === first)!.cells;

describe('the report prints each indicator in its format', () => {
  const data = seed('shanghai-2025-q3');
  const wb = buildReport(quarterly, data, 'en', OPTIONS);

  it('on the Indicators sheet: format and decimals as set, baseline, target and Latest in the format', () => {
    const s = sheetOf(wb, 'indicators');
    const header = rowsOf(s)[0].cells.map((c) => c?.v);
    const at = (name: string) => header.indexOf(name);
    const share = rowStarting(s, 'YRD-OUTPUT-SHARE');
    expect([share[at('Format')]?.v, share[at('Decimals')]?.v]).toEqual(['Percentage', 0]);
    expect(share[at('Latest')]).toMatchObject({ v: 0.3, s: 'figure.percent0' });
    const goal = rowStarting(s, 'SH-C3-REG');
    expect(goal[at('Target')]).toMatchObject({ v: 500, s: 'value.integer' });
    expect(goal[at('Baseline')]).toMatchObject({ v: 0, s: 'value.integer' });
    expect(goal[at('Source')]?.v).toMatch(/^Sina Finance/);
    expect(goal[at('Note')]?.v).toMatch(/over 500/);
    // The hidden code the Observations sheet's formats read, cached from the data.
    const code = share[share.length - 1]!;
    expect(code.v).toBe(valueFormatCode('percent0'));
    expect(code.f).toContain('"Percentage"');
    expect(s.columns[s.columns.length - 1].hidden).toBe(true);
  });

  it('on the Summary and the Dashboard: tables, axes and labels', () => {
    const summary = sheetOf(wb, 'summary');
    const share = rowStarting(summary, 'YRD-OUTPUT-SHARE');
    expect(share.filter((c) => c?.v === 0.3).map((c) => c!.s)).toEqual(['figure.percent0']);
    const goal = rowStarting(summary, 'SH-C3-REG');
    expect(goal.filter((c) => c?.v === 500).map((c) => c!.s)).toEqual(['figure.integer']);
    const dashboard = sheetOf(wb, 'dashboard');
    const chart = (title: string) => dashboard.charts!.find((c) => c.title === title)!;
    expect(chart('Biomedical output value, share of national total').numFmt).toBe('0%');
    expect(chart('New domestic Class III medical device registrations approved').numFmt).toBe('#,##0');
    const valueCells = rowsOf(dashboard)
      .flatMap((r) => r.cells.slice(1, 3))
      .filter((c) => typeof c?.v === 'number');
    expect(valueCells.find((c) => c!.v === 0.3)!.s).toBe('value.percent0');
    expect(valueCells.find((c) => c!.v === 500)!.s).toBe('value.integer');
  });

  it('a growth-only indicator charts its growth as a percentage', () => {
    const nanjing = buildReport(quarterly, seed('nanjing-2025-q1'), 'en', OPTIONS);
    const chart = sheetOf(nanjing, 'dashboard').charts!.find((c) => c.title === 'Pharmaceutical manufacturing growth')!;
    expect(chart.numFmt).toBe('0.0%');
    const revenue = sheetOf(nanjing, 'dashboard').charts!.find((c) => c.title === 'Biopharmaceutical industry revenue')!;
    expect(revenue.numFmt).toBe('#,##0');
  });

  it("on Observations: each row in its indicator's format, and formats by the row's indicator for rows typed later", () => {
    const s = sheetOf(wb, 'observations');
    expect(rowStarting(s, 'YRD-OUTPUT-SHARE')[2]).toMatchObject({ v: 0.3, s: 'value.percent0' });
    expect(rowStarting(s, 'YRD-ALLIANCE')[2]).toMatchObject({ v: 6, s: 'value.integer' });
    const formats = s.conditionalFormats.filter((cf) => cf.type === 'expression');
    expect(formats.map((cf) => cf.type === 'expression' && cf.style)).toEqual(VALUE_FORMAT_KEYS.map((k) => `value.${k}`));
    const indicators = sheetOf(wb, 'indicators');
    const codeLetter = String.fromCharCode(64 + indicators.columns.length);
    for (const [cf, key] of formats.map((cf, i) => [cf, VALUE_FORMAT_KEYS[i]] as const)) {
      // The value column, data and room rows; the code of the row's indicator, by its position from the row's hidden code.
      expect(cf.range).toMatch(/^C2:C\d+$/);
      expect(cf.type === 'expression' && cf.formula).toBe(`INDEX('Indicators'!$${codeLetter}:$${codeLetter},INT($E2/100000)+1)=${valueFormatCode(key)}`);
    }
  });
});

describe('indicator sources', () => {
  const data = seed('shanghai-2025-q3');

  it('are listed on the Sources sheet after plans and catalogs, live from the Indicators sheet', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const s = sheetOf(buildReport(quarterly, data, locale, OPTIONS), 'sources');
      const rows = rowsOf(s).slice(1);
      const kind = locale === 'en' ? 'Indicator' : '指标';
      const indicatorRows = rows.filter((r) => r.cells[0]?.v === kind);
      expect(indicatorRows.map((r) => r.cells[1]?.v)).toEqual(data.indicators!.map((i) => i.id));
      expect(indicatorRows.map((r) => r.cells[5]?.v)).toEqual(data.indicators!.map((i) => i.source ?? null));
      expect(indicatorRows[0].cells[5]?.f).toMatch(/^IF\('(Indicators|指标)'!\$[A-Z]+\$2="","",'(Indicators|指标)'!\$[A-Z]+\$2\)$/);
      expect(rows[0].cells[0]?.v).toBe(locale === 'en' ? 'Plan' : '方案');
    }
  });

  it('round trip with formats and notes, and a value typed over an indicator row on Sources is refused at its cell', () => {
    const wb = buildReport(quarterly, data, 'en', OPTIONS);
    const grid = modelGrid(wb);
    expect(readReportWorkbook(grid, 'r.xlsx')).toEqual(data);
    const sources = wb.sheets.find((s) => s.key === 'sources')!;
    const r = rowsOf(sources).findIndex((row) => row.cells[1]?.v === 'SH-LEAD-ENT') + 1;
    const edited: GridWorkbook = {
      sheet: (name) => {
        const g = grid.sheet(name);
        if (!g || name !== sources.name) return g;
        return { ...g, cell: (row, col) => (row === r && col === 6 ? 'my own source' : g.cell(row, col)) };
      },
    };
    expect(() => readReportWorkbook(edited, 'r.xlsx')).toThrow(`r.xlsx Sources!F${r}: holds "my own source" in an indicator's row`);
  });
});

/** The model's cells as a reader sees a written file: values, and formulas as formulas. */
function modelGrid(wb: Workbook): GridWorkbook {
  const sheets = new Map(
    wb.sheets.map((s) => [
      s.name,
      gridSheet(
        s.name,
        rowsOf(s).map((r) =>
          r.cells.map((c): GridValue => {
            if (!c) return null;
            if (c.f !== undefined) return { formula: c.f };
            if (c.v !== null && typeof c.v === 'object') return 'date' in c.v ? new Date(`${c.v.date}T00:00:00Z`) : null;
            return c.v;
          }),
        ),
      ),
    ]),
  );
  return { sheet: (name) => sheets.get(name) };
}

describe('indicator forms', () => {
  it('read a share typed as 30% or 0.3 as the same value, in half- and full-width forms', () => {
    const read = (v: GridValue) => readCell('number', 'value', v, 'en');
    expect(read('30%')).toEqual({ value: 0.3 });
    expect(read(0.3)).toEqual({ value: 0.3 });
    expect(read('0.3')).toEqual({ value: 0.3 });
    expect(read('３０％')).toEqual({ value: 0.3 });
    expect(read('13.7%')).toEqual({ value: 0.137 });
    expect(read('1,234.5')).toEqual({ value: 1234.5 });
    expect(read('30%%')).toEqual({ problem: expect.stringContaining('is not a number') });
  });

  it("show each indicator's value in its format", () => {
    const data = seed('shanghai-2025-q3');
    const content = selectForm(data, { kind: 'indicators', region: 'Yangtze River Delta', period: '2023-Q4' }, 'sh.yaml');
    const { workbook } = buildForm(content, data, 'en', OPTIONS);
    const sheet = workbook.sheets[0].key === 'indicators' ? workbook.sheets[0] : workbook.sheets.find((s) => s.key === 'indicators')!;
    const valueOf = (id: string) => rowStarting(sheet, id)[FORM_COLUMNS.indicators.findIndex((c) => c.field === 'value')];
    expect(valueOf('YRD-OUTPUT-SHARE')).toMatchObject({ v: 0.3, s: 'input.percent0', locked: false });
    expect(valueOf('YRD-ALLIANCE')).toMatchObject({ v: 38, s: 'input.integer', locked: false });
  });
});
