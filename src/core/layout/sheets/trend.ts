/**
 * The Trend sheet (趋势; not "History", which Excel reserves) of a report made
 * `--since` a previous one: the headline figures of every report in the
 * chain, oldest first, carried in the record from report to report; the
 * last row (or column) is this report's own figures, live (formulas on their
 * names). A line chart draws each plan's completion rate by period.
 *
 * Its periods are shown as the locale writes them (2022年第三季度): the chain
 * itself is carried in the record, so no formula or reader reads them here.
 */
import type { Context, Since } from '../context';
import type { Cell, Chart, Row, Sheet } from '../model';
import { absRef, columnLetter, sheetPrefix } from '../refs';
import { headlineItem, RATE_FIGURES, type Headline, type HeadlineFigure, type Snapshot } from '../../since/snapshot';
import { SERIES_COLORS, TAB_COLORS, type StyleName } from '../styles';
import { printSetup } from './common';
import { SummaryOut } from './summary';
import { Pager } from '../print/pager';
import { fitScale } from '../print/page';
import { periodWords } from '../../i18n/wording';
import { nameKey } from '../../rules';
import { CHART_BAND_ROWS } from '../charts';

/** The row of the completion rates' header; periods follow. */
const RATES_HEADER = 4;
/** The figures' columns, one a period: wide enough for a period in words (2022年第三季度) on one line. */
const PERIOD_WIDTH = { en: 14, 'zh-CN': 17 } as const;

const figureStyle = (f: HeadlineFigure | undefined): StyleName => (f && RATE_FIGURES.has(f) ? 'figurePercent' : f === 'latest' ? 'figureNumber' : 'figureInt');

/** Each plan of the chain, by id (ignoring case), with its latest title: this report's plans first, then plans only earlier reports had. */
function plansOfChain(current: { id: string; title: string }[], chain: Snapshot[]): { id: string; title: string }[] {
  const seen = new Map<string, { id: string; title: string }>();
  for (const p of current) seen.set(p.id.toLowerCase(), p);
  for (const s of [...chain].reverse()) for (const p of s.plans) if (!seen.has(p.id.toLowerCase())) seen.set(p.id.toLowerCase(), p);
  return [...seen.values()];
}

/** `name`: the sheet's name, `Trend` in the locale unless a template's sheet has it. */
export function trendSheet(ctx: Context, since: Since, current: Headline[], name: string): Sheet {
  const l = ctx.labels.since;
  const chain = [...since.previous.history, since.previous.snapshot];
  const live = new Map(current.map((h) => [h.name, h]));
  const plans = plansOfChain(ctx.has.measures ? (ctx.data.plans ?? []).map((p) => ({ id: p.id, title: p.title })) : [], chain);
  const rateName = (id: string) => `Plan_${nameKey(id)}_CompletionRate`;
  const periods = [...chain.map((s) => s.period), String(ctx.data.report.period)].map((p) => periodWords(p, ctx.locale));

  const width = Math.max(7, periods.length + 2, plans.length + 1);
  const columns = [{ width: 36 }, { width: 22 }, ...Array.from({ length: width - 2 }, () => ({ width: PERIOD_WIDTH[ctx.locale] }))];
  const print = printSetup(ctx, name);
  // Laid out as the Summary is (SummaryOut): each row as tall as its text wrapped (a long item's label), and the table
  // of every figure, a row per figure of every plan, group, catalog and indicator, under its header row again on each
  // page it runs onto.
  const out = new SummaryOut(name, new Pager(print, fitScale(print, columns)), columns);
  out.add([{ v: l.trendTitle, s: 'title' }], 30);
  out.add([{ v: l.trendIntro, s: 'subtitle' }]);
  out.add([{ v: l.ratesByPeriod, s: 'sectionTitle' }]);
  out.add([{ v: l.period, s: 'header' }, ...plans.map((p) => ({ v: p.id, s: 'header' as const }))], 30);
  // A row a period: earlier reports' carried values (a plan an earlier report did not have is blank there), then this
  // report's, live.
  const rate = (k: number, id: string): Cell => {
    if (k < chain.length) return { v: chain[k].figures[rateName(id)] ?? null, s: 'figurePercent' };
    const h = live.get(rateName(id));
    return h ? { f: h.name, v: h.value, s: 'figurePercent' } : { v: null, s: 'figurePercent' };
  };
  periods.forEach((p, k) => out.add([{ v: p, s: 'period' }, ...plans.map((plan) => rate(k, plan.id))]));
  const first = RATES_HEADER + 1;
  const last = out.rows.length;
  const charts: Chart[] = [];
  if (ctx.options.charts !== false && plans.length) {
    // The chart in a band of rows of its own, after a blank one.
    const top = last + 2;
    charts.push(ratesChart(l.chartTitle, name, plans, out.rows, { first, last, top }, periods));
    while (out.next <= top + CHART_BAND_ROWS) out.skip();
  }
  allFigures(out, chain, current, periods, ctx.labels);
  return {
    key: 'trend',
    name,
    state: 'visible',
    columns,
    rows: out.rows,
    merges: [`A1:${columnLetter(width)}1`, `A2:${columnLetter(width)}2`],
    validations: [],
    conditionalFormats: [],
    charts,
    print: out.pager.breaks.length ? { ...print, rowBreaks: out.pager.breaks } : print,
    tabColor: TAB_COLORS.summary,
  };
}

/** The line chart of each plan's completion rate (rows first..last, a column a plan) by period, its top at row `top`. */
function ratesChart(
  title: string,
  sheet: string,
  plans: { id: string }[],
  rows: Row[],
  at: { first: number; last: number; top: number },
  periods: string[],
): Chart {
  const { first, last, top } = at;
  const value = (r: number, c: number) => rows[r - 1].cells[c - 1]?.v;
  return {
    kind: 'line',
    title,
    from: { row: top, col: 1 },
    to: { row: top + CHART_BAND_ROWS, col: Math.max(7, Math.min(12, plans.length + 2)) },
    series: plans.map((p, i) => ({
      name: p.id,
      color: SERIES_COLORS[i % SERIES_COLORS.length],
      categories: `${sheetPrefix(sheet)}${absRef(first, 1)}:${absRef(last, 1)}`,
      values: `${sheetPrefix(sheet)}${absRef(first, i + 2)}:${absRef(last, i + 2)}`,
      cache: {
        categories: periods,
        values: Array.from({ length: last - first + 1 }, (_, k) => {
          const v = value(first + k, i + 2);
          return typeof v === 'number' ? v : null;
        }),
      },
    })),
    percent: true,
    numFmt: '0%',
    dataLabels: false,
    lineStyles: plans.map(() => 'solid' as const),
    blanks: 'gap',
  };
}

/** Every headline figure (rows) by period (columns): earlier reports' carried values, then this report's, live. */
function allFigures(out: SummaryOut, chain: Snapshot[], current: Headline[], periods: string[], labels: Context['labels']): void {
  const l = labels.since;
  const known = new Set(current.map((h) => h.name));
  const carried = chain.flatMap((s) => Object.keys(s.figures)).filter((n, i, all) => !known.has(n) && all.indexOf(n) === i);
  const lines: { name: string; item: string; figure?: HeadlineFigure; live?: Headline }[] = [
    ...current.map((h) => ({ name: h.name, item: headlineItem(h), figure: h.figure, live: h })),
    ...carried.map((n) => ({ name: n, item: n })),
  ];
  out.block(l.allFigures, [l.owner, l.figure, ...periods], lines.length);
  for (const line of lines) {
    const style = figureStyle(line.figure);
    out.item(() => [
      { v: line.item, s: 'wrap' },
      { v: line.figure ? labels.figures[line.figure] : null, s: 'text' },
      ...chain.map((s): Cell => ({ v: s.figures[line.name] ?? null, s: style })),
      line.live ? { f: line.name, v: line.live.value, s: style } : { v: null, s: style },
    ]);
  }
}
