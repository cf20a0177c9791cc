/**
 * The dashboard: per indicator, a small table (period, observed value,
 * target) and a line chart of it beside the table.
 *
 * The table's periods are constants: every period of the indicator's kind up
 * to the report period, and its target's (dashboard-periods.ts). Each row finds
 * its own observation by its code (the indicator's position x
 * OBSERVATION_CODE_BASE + the period's month index, observations.ts) in a
 * hidden column: a binary search while the Observations rows are in order, an
 * exact MATCH otherwise. So the chart shows exactly that indicator's
 * observations, in period order, whatever the order of the rows, including
 * rows typed later; the cost is one or two lookups per table row.
 */
import { monthIndex, parsePeriod } from '../../periods';
import type { Indicator } from '../../schema';
import { axisPeriods, type AxisPeriod } from '../dashboard-periods';
import type { Context } from '../context';
import type { Cell, Chart, ChartSeries, Row, Sheet } from '../model';
import { dashboardChoice } from '../dashboard-choice';
import { choiceListCells, selectorBlock } from './dashboard-selector';
import type { ObservationOrder } from '../observation-order';
import { absRef, columnLetter, sheetPrefix } from '../refs';
import { SERIES_COLORS, TAB_COLORS, valueStyle } from '../styles';
import { numberFormatOf, valueFormatKey, type ValueFormatKey } from '../../value-format';
import { printSetup } from './common';
import { Pager } from '../print/pager';
import { fitScale, rowHeight } from '../print/page';
import { blankPrintArea } from '../print/print-area';
import { OBSERVATION_CODE_BASE, observationCodeLetter } from './observations';
import { CHART_COLS, HEADING_HEIGHT, LIST_COL, NA, ROW_COL, TABLE_ROWS_MIN, TOTAL_COL } from './dashboard-grid';

/** What one indicator's block reads. */
export interface DashboardRefs {
  /** The observations' codes, from the first row to the last. */
  codes: string;
  /** TRUE while the codes ascend. */
  inOrder: string;
  /** A whole Observations column, for INDEX by sheet row. */
  column(f: 'value' | 'growth'): string;
}

export function dashboardRefs(ctx: Context, order: ObservationOrder): DashboardRefs {
  return {
    codes: order.range(observationCodeLetter(ctx)),
    inOrder: order.inOrder,
    column: (f) => {
      const c = ctx.col.observation(f);
      return `${sheetPrefix(c.sheet)}$${c.letter}:$${c.letter}`;
    },
  };
}

/** An indicator with observations that give a growth and never a value: it charts its growth. */
export function isGrowthOnly(ind: Indicator): boolean {
  return ind.observations.length > 0 && ind.observations.every((o) => o.value === undefined) && ind.observations.some((o) => o.growth !== undefined);
}

/** The formula of the sheet row of the observation with code `code` (0: none). */
function rowOfCode(refs: DashboardRefs, code: number): string {
  const { codes } = refs;
  const fast = `IFERROR(IF(INDEX(${codes},MATCH(${code},${codes},1))=${code},MATCH(${code},${codes},1)+1,0),0)`;
  const slow = `IFERROR(MATCH(${code},${codes},0)+1,0)`;
  return `IF(${refs.inOrder},${fast},${slow})`;
}

export interface DashboardBlock {
  rows: Row[];
  chart?: Chart;
}

/** An indicator on the dashboard: its 1-based position on the Indicators sheet and the sheet row of its first observation. */
export interface BlockIndicator {
  ind: Indicator;
  position: number;
  firstObsRow: number;
}

/**
 * One indicator's block, its first row at sheet row `top`: a heading, the
 * table and its chart beside it. Callable for any indicator (a chosen one).
 */
export function indicatorBlock(ctx: Context, refs: DashboardRefs, at: BlockIndicator, top: number): DashboardBlock {
  const { ind, position } = at;
  const labels = ctx.labels.charts;
  const axis = axisPeriods(ind, ctx.data.report.period);
  if (!axis.length) return { rows: [] };
  const growth = isGrowthOnly(ind);
  // A growth-only indicator charts its growth, a rate; the others print as the indicator says.
  const format = growth ? 'percent1' : valueFormatKey(ind);
  const heading = ind.unit && !growth ? `${ind.name} (${ind.unit})` : ind.name;
  const valueName = growth ? ctx.labels.figures.growth : labels.value;
  const rows: Row[] = [
    { cells: [heading, null, null].map((v) => ({ v, s: 'sectionTitle' as const })), height: HEADING_HEIGHT },
    { cells: [labels.period, valueName, labels.target].map((v) => ({ v, s: 'header' as const })) },
  ];
  const first = top + rows.length;
  const cached = cachedValues(ind, axis, ctx.data.report.period, growth);
  const lookups = new Map(ind.observations.map((o, k) => [monthIndex(parsePeriod(o.period)!), at.firstObsRow + k]));
  const reportEnd = monthIndex(parsePeriod(ctx.data.report.period)!);
  axis.forEach((p, k) => {
    const r = first + k;
    const shown = p.month <= reportEnd;
    const code = position * OBSERVATION_CODE_BASE + p.month;
    const cells: (Cell | undefined)[] = [
      { v: p.text, s: 'period' },
      // Blank cells, not #N/A, where nothing can be: LibreOffice draws an error as 0, both engines leave a gap for a blank.
      shown ? { f: valueFormula(refs, at, growth, r), v: cached[k] ?? NA, s: valueStyle('value', format) } : undefined,
      p.target ? targetCell(ctx, position, format) : undefined,
    ];
    cells[ROW_COL - 1] = { f: shown ? rowOfCode(refs, code) : '0', v: shown ? (lookups.get(p.month) ?? 0) : 0, s: 'integer' };
    if (ind.kind === 'cumulative' && !growth) cells[TOTAL_COL - 1] = { f: totalFormula(ctx, refs, at, r, k === 0), v: runningTotal(ind, p.month), s: 'number' };
    rows.push({ cells });
  });
  const last = first + axis.length - 1;
  const series = [
    dashSeries(ctx, valueName, 2, first, last, axis, cached, 0),
    ...(ind.target
      ? [
          dashSeries(
            ctx,
            labels.target,
            3,
            first,
            last,
            axis,
            axis.map((p) => (p.target ? ind.target!.value : null)),
            1,
          ),
        ]
      : []),
  ];
  const chart: Chart = {
    kind: 'line',
    title: ind.name,
    // Under the heading, which runs on over the chart's columns: the chart never covers it.
    from: { row: top + 1, col: CHART_COLS[0] },
    to: { row: top + 1 + Math.max(TABLE_ROWS_MIN, rows.length - 1), col: CHART_COLS[1] },
    series,
    percent: false,
    numFmt: numberFormatOf(format),
    dataLabels: false,
    lineStyles: ['solid', 'point'],
    // A period without an observation is skipped, the line drawn on to the next observation.
    blanks: 'span',
  };
  return { rows, chart };
}

const obsRowRef = (r: number) => `$${columnLetter(ROW_COL)}${r}`;

/** The observed value (or growth) of the row's period: #N/A without one, which a line chart leaves as a gap. */
function valueFormula(refs: DashboardRefs, at: BlockIndicator, growth: boolean, r: number): string {
  const row = obsRowRef(r);
  if (at.ind.kind === 'cumulative' && !growth) return `IF(${row}=0,NA(),$${columnLetter(TOTAL_COL)}${r})`;
  const value = refs.column(growth ? 'growth' : 'value');
  return `IF(${row}=0,NA(),IF(INDEX(${value},${row})="",NA(),INDEX(${value},${row})))`;
}

/** A cumulative indicator's running total: its baseline plus every observation up to the row's period. */
function totalFormula(ctx: Context, refs: DashboardRefs, at: BlockIndicator, r: number, firstRow: boolean): string {
  const before = firstRow ? `N(${indicatorCell(ctx, at.position, 'baselineValue')})` : `$${columnLetter(TOTAL_COL)}${r - 1}`;
  const row = obsRowRef(r);
  return `${before}+IF(${row}=0,0,N(INDEX(${refs.column('value')},${row})))`;
}

function runningTotal(ind: Indicator, upTo: number): number {
  return ind.observations.reduce((sum, o) => sum + (monthIndex(parsePeriod(o.period)!) <= upTo ? (o.value ?? 0) : 0), ind.baseline?.value ?? 0);
}

/** The values the table's formulas give for the data: null where they give #N/A. */
function cachedValues(ind: Indicator, axis: AxisPeriod[], reportPeriod: string, growth: boolean): (number | null)[] {
  const end = monthIndex(parsePeriod(reportPeriod)!);
  const byMonth = new Map(ind.observations.map((o) => [monthIndex(parsePeriod(o.period)!), o]));
  return axis.map((p) => {
    const o = p.month <= end ? byMonth.get(p.month) : undefined;
    if (!o) return null;
    if (growth) return o.growth ?? null;
    if (ind.kind === 'cumulative') return runningTotal(ind, p.month);
    return o.value ?? null;
  });
}

function indicatorCell(ctx: Context, position: number, field: 'targetValue' | 'baselineValue'): string {
  return `${sheetPrefix(ctx.sheetName.indicators)}${absRef(position + 1, ctx.indicators.index(field))}`;
}

/** The target, on its period's row only: one marked, labelled point. */
function targetCell(ctx: Context, position: number, format: ValueFormatKey): Cell {
  const ref = indicatorCell(ctx, position, 'targetValue');
  return { f: `IF(${ref}="",NA(),${ref})`, v: ctx.data.indicators![position - 1].target?.value ?? NA, s: valueStyle('value', format) };
}

function dashSeries(
  ctx: Context,
  name: string,
  col: number,
  first: number,
  last: number,
  axis: AxisPeriod[],
  values: (number | null)[],
  index: number,
): ChartSeries {
  const sheet = ctx.sheetName.dashboard;
  const range = (c: number) => `${sheetPrefix(sheet)}${absRef(first, c)}:${absRef(last, c)}`;
  return {
    name,
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    categories: range(1),
    values: range(col),
    cache: { categories: axis.map((p) => p.text), values },
  };
}

/**
 * The dashboard: a title, then the selector block when some indicator has no
 * chart of its own (dashboard-choice.ts), then one block per charted indicator.
 * `valueFormatLetter`: the Indicators sheet's column of value format codes (the selector's formats).
 */
export function dashboardSheet(ctx: Context, order: ObservationOrder, valueFormatLetter: string): Sheet {
  const chartLabels = ctx.labels.charts;
  const sheet: Sheet = {
    key: 'dashboard',
    name: ctx.sheetName.dashboard,
    state: 'visible',
    columns: [{ width: 12 }, { width: 14 }, { width: 14 }, { width: 3 }, ...Array.from({ length: 9 }, () => ({ width: 11 }))],
    rows: [{ cells: [{ v: chartLabels.dashboardTitle, s: 'title' }], height: 30 }, { cells: [{ v: chartLabels.dashboardIntro, s: 'subtitle' }] }],
    merges: ['A1:M1', 'A2:M2'],
    validations: [],
    conditionalFormats: [],
    charts: [],
    tabColor: TAB_COLORS.summary,
  };
  sheet.print = printSetup(ctx, sheet.name);
  // Each block (its heading, table and chart) on one page: a block that does not fit on the rest of a page starts the next.
  const pager = new Pager(sheet.print, fitScale(sheet.print, sheet.columns));
  sheet.rows.forEach((r) => pager.place(rowHeight(r)));
  const place = (top: number, rows: Row[], chart: Chart) => {
    const height = rowHeight(undefined) * (chart.to.row - top) + HEADING_HEIGHT;
    pager.place(rowHeight(undefined));
    if (!pager.fits(height)) pager.breakBefore(top);
    pager.place(height);
    sheet.rows.push({ cells: [] }, ...rows);
    while (sheet.rows.length < chart.to.row - 1) sheet.rows.push({ cells: [] });
    sheet.charts!.push(chart);
  };
  const indicators = ctx.data.indicators ?? [];
  const choice = dashboardChoice(indicators, ctx.template);
  if (choice.initial !== undefined) {
    const top = sheet.rows.length + 2;
    const block = selectorBlock(ctx, { order, valueFormatLetter, initial: choice.initial }, top);
    place(top, block.rows, block.chart);
    sheet.merges.push(...block.merges);
    sheet.validations.push(...block.validations);
    sheet.conditionalFormats.push(...block.conditionalFormats);
  }
  const refs = dashboardRefs(ctx, order);
  const firstObsRow: number[] = [];
  indicators.reduce((row, ind, i) => ((firstObsRow[i] = row), row + ind.observations.length), 2);
  for (const i of choice.charted) {
    const top = sheet.rows.length + 2;
    const block = indicatorBlock(ctx, refs, { ind: indicators[i], position: i + 1, firstObsRow: firstObsRow[i] }, top);
    if (block.chart) place(top, block.rows, block.chart);
  }
  if (!sheet.charts!.length) sheet.rows.push({ cells: [] }, { cells: [{ v: ctx.labels.summary.none, s: 'muted' }] });
  const blocksEnd = sheet.rows.length;
  // The hidden helper columns, where used: each row's Observations row, a cumulative indicator's running total, the selector's.
  const uses = (col: number) => sheet.rows.some((r) => r.cells[col - 1]);
  if (choice.initial !== undefined) {
    const list = choiceListCells(ctx);
    list.forEach((cell, i) => {
      while (sheet.rows.length <= i) sheet.rows.push({ cells: [] });
      sheet.rows[i].cells[LIST_COL - 1] = cell;
    });
    sheet.columns.push({ width: 8, hidden: true }, { width: 12, hidden: true }, { width: 40, hidden: true });
    // The list runs below the blocks: the sheet prints the blocks only.
    sheet.print.area = `A1:M${blocksEnd}`;
  } else if (uses(TOTAL_COL)) sheet.columns.push({ width: 8, hidden: true }, { width: 12, hidden: true });
  else if (uses(ROW_COL)) sheet.columns.push({ width: 8, hidden: true });
  // Without a chart the dashboard says so on screen, and prints no page.
  if (!sheet.charts!.length) sheet.print.area = blankPrintArea(sheet);
  else if (pager.breaks.length) sheet.print.rowBreaks = pager.breaks;
  // The #N/A that keep gaps in the lines are not figures: they are shown in the background colour (first, so that they win).
  const last = blocksEnd;
  if (last > 2) sheet.conditionalFormats.unshift({ range: `B3:C${last}`, type: 'expression', formula: 'ISNA(B3)', style: 'chartGap' });
  return sheet;
}
