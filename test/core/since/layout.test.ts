/** The layout of a report made --since: its sheets' places, a template's titles, and the Summary without --since unchanged. */
import { buildReport } from '../../../src/core/layout/build';
import { readTemplate } from '../../../src/core/template';
import { OPTIONS, quarterly } from '../../support/fixtures';
import { sinceModel } from '../../support/since';
import { model, seed } from '../../addin/support';

describe('a report made --since', () => {
  it('adds Changes and Trend after the template sheets, before the hidden ones, and records them', async () => {
    const m = await sinceModel(seed('suzhou-2022-q3'));
    expect(m.sheets.map((s) => s.key).slice(-4)).toEqual(['changes', 'trend', 'calc', 'meta']);
    const record = m.sheets.at(-1)!.rows.map((r) => r.cells[0]?.v);
    expect(record).toContain('history');
  });

  it('keeps the Summary of a report without --since as it was: the comparison is a block of its own after the others', async () => {
    const plain = model(seed('suzhou-2022-q3'));
    const since = await sinceModel(seed('suzhou-2022-q3'));
    const rows = (w: typeof plain) => w.sheets[0].rows;
    expect(rows(since).slice(0, rows(plain).length)).toEqual(rows(plain));
    expect(rows(since).length).toBeGreaterThan(rows(plain).length + 10);
    expect(since.names).toEqual(plain.names);
  });

  it("gives its sheets another name when a template's sheet has theirs", async () => {
    const t = readTemplate(
      [
        'template: plan-report-template/v1',
        'name: odd',
        'sections:',
        '  - section: summary',
        '  - { section: measures, title: Changes }',
        '  - { section: about, title: trend }',
      ].join('\n'),
      'odd.yaml',
    );
    const names = (await sinceModel(seed('beijing-2022-q3'), 'en', t)).sheets.map((s) => s.name);
    expect(names).toEqual(['Summary', 'Changes', 'trend', 'Changes (2)', 'Trend (2)', '_figures', '_plan_report']);
    expect(buildReport(quarterly, seed('beijing-2022-q3'), 'en', OPTIONS).sheets.some((s) => s.key === 'changes')).toBe(false);
  });

  it("shows the Trend's periods as the locale writes them, and wraps a long item on a taller row", async () => {
    const trendOf = async (locale: 'en' | 'zh-CN') => (await sinceModel(seed('beijing-2022-q3'), locale)).sheets.find((s) => s.key === 'trend')!;
    const periodsOf = (t: Awaited<ReturnType<typeof trendOf>>) => [t.rows[4].cells[0]?.v, t.rows[5].cells[0]?.v];
    const en = await trendOf('en');
    const zh = await trendOf('zh-CN');
    expect(periodsOf(en)).toEqual(['2021-Q3', '2022-Q3']);
    expect(periodsOf(zh)).toEqual(['2021年第三季度', '2022年第三季度']);
    expect(zh.charts?.[0].series[0].cache?.categories).toEqual(['2021年第三季度', '2022年第三季度']);
    const header = zh.rows.find((r) => r.cells[1]?.v === '指标项')!;
    expect(header.cells.slice(2).map((c) => c?.v)).toEqual(['2021年第三季度', '2022年第三季度']);
    // "BJ-OPEN-2022 · Requires national authorization" is longer than its column: it wraps, on a row of two lines.
    const group = zh.rows.find((r) => String(r.cells[0]?.v).includes('Requires national authorization'))!;
    expect(group.cells[0]?.s).toBe('wrap');
    expect(group.height).toBeGreaterThan(15);
  });

  it("writes an indicator's changed observations in its own format, their periods as the locale writes them", async () => {
    const data = seed('suzhou-2022-q3');
    const changesOf = async (locale: 'en' | 'zh-CN') => (await sinceModel(data, locale)).sheets.find((s) => s.key === 'changes')!;
    for (const locale of ['en', 'zh-CN'] as const) {
      const rows = (await changesOf(locale)).rows.filter((r) => r.cells[1]?.v === 'SND-ENT' || r.cells[1]?.v === 'SND-REV');
      // yearBefore drops the last observation of the first indicator: it comes back as a new one.
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.cells[2]?.v).toBe(locale === 'zh-CN' ? '2020年' : '2020');
        // SND-REV: a number with no decimals; SND-ENT: a whole number. Neither is the generic 0.00.
        expect(r.cells[6]?.s).toMatch(/^value\./);
      }
    }
  });

  it("puts a group's figures under its plan's id on the Summary, the group named beside the figure", async () => {
    const summary = (await sinceModel(seed('beijing-2022-q3'), 'zh-CN')).sheets[0];
    const row = summary.rows.find((r) => r.cells[1]?.v === 'Municipal powers · 已完成')!;
    expect(row.cells[0]?.v).toBe('BJ-OPEN-2022');
    expect(row.cells[3]?.f).toBe('Plan_BJ_OPEN_2022_Group2_Completed');
  });

  it("repeats the header row of the Trend's table of every figure on each page it runs onto", async () => {
    const data = seed('suzhou-2022-q3');
    // 200 indicators: 1,000 figure rows, some twenty pages.
    const first = data.indicators![0];
    data.indicators = Array.from({ length: 200 }, (_, i) => ({ ...first, id: `IND-${i}` }));
    const trend = (await sinceModel(data, 'zh-CN')).sheets.find((s) => s.key === 'trend')!;
    const breaks = trend.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(10);
    const header = trend.rows.findIndex((r) => r.cells[1]?.v === '指标项');
    for (const b of breaks.filter((b) => b > header + 1)) {
      // The row after each break (rows[b] is row b + 1) is the table's header row again.
      expect(trend.rows[b].cells.map((c) => c?.v)).toEqual(trend.rows[header].cells.map((c) => c?.v));
    }
  });
});
