/**
 * The report's native charts, bound to live ranges of the report: completion
 * rate by plan and by group, catalog products by category (on the Summary),
 * and each indicator's observations against its target (on the dashboard,
 * sheets/dashboard.ts).
 * The template decides which appear and their titles.
 */
import { localized, SUMMARY_BLOCKS, SUMMARY_CHARTS, type SummaryChart } from '../template';
import type { Context } from './context';
import type { Cell, Chart, ChartSeries, Sheet } from './model';
import { absRef, sheetPrefix } from './refs';
import type { SummaryBlocks } from './sheets/summary';
import { SERIES_COLORS } from './styles';

/** Summary charts stand side by side in a band of rows above the figures, so that they print on the first page. */
export const CHART_BAND_ROWS = 16;
/** Column spans (first, last+1) of 1, 2 or 3 charts across the Summary's columns A..J. */
const SPANS: Record<number, [number, number][]> = {
  1: [[1, 5]],
  2: [
    [1, 3],
    [3, 11],
  ],
  3: [
    [1, 3],
    [3, 7],
    [7, 11],
  ],
};

/** The summary charts the template asks for that the data can draw, with their titles. */
export function plannedSummaryCharts(ctx: Context): { kind: SummaryChart; title: string }[] {
  if (ctx.options.charts === false || !ctx.has.summary) return [];
  const summary = ctx.template.sections.find((s) => s.section === 'summary');
  const wanted = (summary?.section === 'summary' ? summary.charts : undefined) ?? SUMMARY_CHARTS;
  const blocks = (summary?.section === 'summary' ? summary.blocks : undefined) ?? SUMMARY_BLOCKS;
  const drawable: Record<SummaryChart, boolean> = {
    plans: ctx.has.measures && (ctx.data.plans ?? []).length > 0,
    groups: ctx.has.measures && (ctx.data.plans ?? []).some((p) => p.groups?.length),
    categories: ctx.has.catalog && (ctx.data.catalogs ?? []).length > 0,
  };
  return wanted
    .map((spec) => {
      const kind: SummaryChart = typeof spec === 'string' ? spec : spec.chart;
      return { kind, title: (typeof spec === 'string' ? undefined : localized(spec.title, ctx.locale)) ?? ctx.labels.charts[kind] };
    })
    .filter((c) => drawable[c.kind] && blocks.includes(c.kind))
    .slice(0, 3);
}

function rangeOf(sheet: string, col: number, first: number, last: number): string {
  return `${sheetPrefix(sheet)}${absRef(first, col)}:${absRef(last, col)}`;
}

function textOf(cell: Cell | undefined): string {
  const v = cell?.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return 'date' in v ? v.date : '';
  return String(v);
}

function numberOf(cell: Cell | undefined): number | null {
  return typeof cell?.v === 'number' ? cell.v : null;
}

/** A series over rows first..last of a sheet, with its cache read from the sheet's cells. */
function series(sheet: Sheet, name: string, catCol: number, valCol: number, first: number, last: number, index = 0): ChartSeries {
  const rows = sheet.rows.slice(first - 1, last);
  return {
    name,
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    categories: rangeOf(sheet.name, catCol, first, last),
    values: rangeOf(sheet.name, valCol, first, last),
    cache: { categories: rows.map((r) => textOf(r.cells[catCol - 1])), values: rows.map((r) => numberOf(r.cells[valCol - 1])) },
  };
}

/** The planned summary charts, placed in the band that starts at `bandTop`. */
export function summaryCharts(ctx: Context, sheet: Sheet, blocks: SummaryBlocks, bandTop: number): Chart[] {
  const planned = plannedSummaryCharts(ctx);
  const figureLabels = ctx.labels.figures;
  const charts: Chart[] = [];
  for (const [n, { kind, title }] of planned.entries()) {
    const [fromCol, toCol] = SPANS[planned.length][n];
    const place = { from: { row: bandTop, col: fromCol }, to: { row: bandTop + CHART_BAND_ROWS, col: toCol } };
    if (kind === 'plans' && blocks.plans) {
      charts.push({
        kind: 'bar',
        title,
        ...place,
        series: [series(sheet, figureLabels.completionRate, 1, 5, blocks.plans.first, blocks.plans.last)],
        percent: true,
        numFmt: '0%',
        dataLabels: true,
      });
    } else if (kind === 'groups' && blocks.groups) {
      charts.push({
        kind: 'bar',
        title,
        ...place,
        series: [series(sheet, figureLabels.completionRate, 2, 5, blocks.groups.first, blocks.groups.last)],
        percent: true,
        numFmt: '0%',
        dataLabels: true,
      });
    } else if (kind === 'categories' && blocks.categories) {
      const b = blocks.categories;
      const list = Array.from({ length: b.catalogs }, (_, i) => {
        return series(sheet, textOf(sheet.rows[b.header - 1].cells[2 + i]), 1, 3 + i, b.first, b.last, i);
      });
      charts.push({ kind: 'column', title, ...place, series: list, percent: false, numFmt: '#,##0', dataLabels: true });
    }
  }
  return charts;
}
