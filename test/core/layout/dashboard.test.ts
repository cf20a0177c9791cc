/**
 * The Dashboard at any size (issue 16): which indicators have a chart of their
 * own (the template's, then those with a target, then the rest, up to the
 * bound), the selector block when some are left without one, and the
 * template's dashboard keys, checked with located messages.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { InputError } from '../../../src/core/errors';
import { buildReport } from '../../../src/core/layout/build';
import { chartOrder, dashboardChoice } from '../../../src/core/layout/dashboard-choice';
import { axisPeriods, hasAxis } from '../../../src/core/layout/dashboard-periods';
import type { Sheet } from '../../../src/core/layout/model';
import type { Indicator, ReportData } from '../../../src/core/schema';
import { DASHBOARD_CHARTS, readTemplate, type Template } from '../../../src/core/template';
import { reportData } from '../../support/arbitrary-data';
import { OPTIONS, quarterly } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

/** `n` indicators observed for two quarters; those at positions in `targets` have a target. */
function indicators(n: number, targets: number[] = []): Indicator[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `IND-${i + 1}`,
    name: `Indicator ${(i % 7) + 1}`,
    region: 'Test',
    kind: 'level',
    observations: [
      { period: '2025-Q2', value: i },
      { period: '2025-Q3', value: i + 1 },
    ],
    ...(targets.includes(i) ? { target: { period: '2027', value: 100 } } : {}),
  })) as Indicator[];
}

const base = seed('nanjing-2025-q1') as ReportData;
const withIndicators = (list: Indicator[]): ReportData => ({ ...base, report: { ...base.report, period: '2025-Q3' }, indicators: list });
const dashboardTemplate = (keys: { charts?: number; indicators?: string[] }): Template => ({
  ...quarterly,
  sections: quarterly.sections.map((s) => (s.section === 'dashboard' ? { ...s, ...keys } : s)),
});
const dashboard = (data: ReportData, t: Template = quarterly, locale: 'en' | 'zh-CN' = 'en'): Sheet =>
  buildReport(t, data, locale, OPTIONS).sheets.find((s) => s.key === 'dashboard')!;

describe('which indicators the Dashboard charts', () => {
  it('takes the named ones first (ignoring case, skipping ids the data lacks), then those with a target, then the rest', () => {
    const list = indicators(6, [4, 1]);
    expect(chartOrder(list, ['ind-6', 'NOPE', 'IND-3', 'IND-6'])).toEqual([5, 2, 1, 4, 0, 3]);
  });

  it('charts every indicator when all fit under the bound, with no selector', () => {
    expect(dashboardChoice(indicators(5), quarterly)).toEqual({ charted: [0, 1, 2, 3, 4] });
    const sheet = dashboard(withIndicators(indicators(DASHBOARD_CHARTS)));
    expect(sheet.charts).toHaveLength(DASHBOARD_CHARTS);
    expect(sheet.validations).toEqual([]);
  });

  it('keeps a seed whose indicators all fit as it was: a block per drawable indicator, no dropdown', () => {
    const sheet = dashboard(seed('shanghai-2025-q3'), quarterly, 'zh-CN');
    expect(sheet.charts!.map((c) => c.title)).toEqual(seed('shanghai-2025-q3').indicators!.map((i) => i.name));
    expect(sheet.validations).toEqual([]);
  });

  it('charts at most the bound, in the order of the Indicators sheet, and starts the selector on the first left out', () => {
    const list = indicators(40, [30, 35]);
    const t = dashboardTemplate({ charts: 4, indicators: ['IND-20'] });
    expect(dashboardChoice(list, t)).toEqual({ charted: [0, 19, 30, 35], initial: 1 });
    const sheet = dashboard(withIndicators(list), t);
    expect(sheet.charts!.map((c) => c.title)).toEqual(['The indicator chosen above', 'Indicator 1', 'Indicator 6', 'Indicator 3', 'Indicator 1']);
    // An indicator with nothing to draw takes no chart, and the selector starts on one with observations.
    const none = { ...list[0], id: 'EMPTY', observations: [] } as Indicator;
    expect(dashboardChoice([...list.slice(0, 2), none, ...list.slice(2)], dashboardTemplate({ charts: 2 }))).toEqual({
      charted: [31, 36],
      initial: 0,
    });
  });

  it('counts an indicator drawable exactly when its chart has an axis', () => {
    fc.assert(
      fc.property(reportData, (data) => {
        for (const ind of data.indicators ?? []) {
          expect(hasAxis(ind)).toBe(axisPeriods(ind, data.report.period).length > 0);
          expect(hasAxis({ ...ind, observations: [] })).toBe(axisPeriods({ ...ind, observations: [] }, data.report.period).length > 0);
        }
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('bounds the charts of a thousand indicators by default', () => {
    const sheet = dashboard(withIndicators(indicators(1000, [500])));
    expect(sheet.charts).toHaveLength(DASHBOARD_CHARTS + 1);
  });
});

describe('the selector block', () => {
  const list = indicators(30, [3]);
  const t = dashboardTemplate({ charts: 2 });

  it('has a dropdown of every indicator by name and id, its note, and a table computed from the Observations codes', () => {
    for (const [locale, note, label] of [
      ['en', '← Choose an indicator from the list in the yellow cell', 'Indicator'],
      ['zh-CN', '← 请在黄色单元格的下拉列表中选择指标', '指标'],
    ] as const) {
      const sheet = dashboard(withIndicators(list), t, locale);
      const row = sheet.rows.findIndex((r) => r.cells[0]?.v === label && r.cells[1]?.s === 'choice') + 1;
      expect(row).toBe(5);
      const cells = sheet.rows[row - 1].cells;
      expect(cells[1]).toEqual({ v: 'Indicator 2 (IND-2)', s: 'choice' });
      expect(cells[7]).toEqual({ v: note, s: 'muted' });
      expect(cells[13]).toMatchObject({ f: 'IFERROR(MATCH($B$5,$P$1:$P$30,0),0)', v: 2 });
      expect(sheet.validations).toEqual([{ range: 'B5', rule: { type: 'listRange', source: '$P$1:$P$30' }, prompt: expect.any(Object) }]);
      expect(sheet.rows[29].cells[15]).toMatchObject({ v: 'Indicator 2 (IND-30)' });
      expect(sheet.columns.slice(13).map((c) => c.hidden)).toEqual([true, true, true]);
      // The dropdown's list runs below the blocks: the sheet prints the blocks only.
      expect(sheet.print!.area).toMatch(/^A1:M\d+$/);
    }
  });

  it('caches the first indicator left out: its observations, its code and row, the rows after them #N/A', () => {
    const sheet = dashboard(withIndicators(list), t);
    // Charted: IND-4 (a target) and IND-1; the selector starts on IND-2, whose observations are Observations rows 4 and 5.
    const table = sheet.rows.slice(6, 8);
    expect(table.map((r) => [r.cells[0]?.v, r.cells[1]?.v, r.cells[2]?.v, r.cells[13]?.v, r.cells[14]?.v])).toEqual([
      ['2025-Q2', 1, { error: '#N/A' }, 2 * 100000 + 2025 * 12 + 6, 4],
      ['2025-Q3', 2, { error: '#N/A' }, 2 * 100000 + 2025 * 12 + 9, 5],
    ]);
    const codes = "'Observations'!$E$2:INDEX('Observations'!$E:$E,'_figures'!$L$2)";
    expect(sheet.rows[7].cells[13]!.f).toBe(`IF(2>$N$6,NA(),IF(('_figures'!$M$2=0),INDEX(${codes},$O$6+2),SMALL(${codes},$O$6+2)))`);
    expect(sheet.rows[5].cells.slice(13, 15).map((c) => c?.v)).toEqual([2, 2]);
  });
});

describe('the template dashboard keys', () => {
  const head = 'template: plan-report-template/v1\nname: t\nsections:\n  - section: summary\n  - section: indicators\n';
  const messages = (text: string) => {
    try {
      readTemplate(text, 'tpl.yaml');
    } catch (e) {
      if (e instanceof InputError) return e.message.split('\n');
      throw e;
    }
    throw new Error('expected an InputError');
  };

  it('reads indicators and charts', () => {
    const t = readTemplate(`${head}  - section: dashboard\n    charts: 3\n    indicators: [A-1, B.2]\n`, 'tpl.yaml');
    expect(t.sections[2]).toEqual({ section: 'dashboard', charts: 3, indicators: ['A-1', 'B.2'] });
  });

  it('refuses an indicator named twice, an id that cannot be one, and a bound out of range, each at its place', () => {
    expect(messages(`${head}  - section: dashboard\n    charts: 201\n    indicators: [A-1, 'x y', a-1]\n`)).toEqual([
      'tpl.yaml:7:13: sections[2].charts: expected a whole number of charts from 0 to 200, got 201',
      'tpl.yaml:8:23: sections[2].indicators[1]: expected an indicator id of 1-40 characters A-Z a-z 0-9 . _ -, got "x y"',
      'tpl.yaml:8:30: sections[2].indicators[2]: indicator "a-1" appears twice (also indicators[0]); expected each indicator once',
    ]);
    expect(messages(`${head}  - section: dashboard\n    charts: 2.5\n`)[0]).toBe(
      'tpl.yaml:7:13: sections[2].charts: expected a whole number of charts from 0 to 200, got 2.5',
    );
  });
});
