/**
 * The Summary sheet: the report's date and period as cells that formulas read,
 * then the headline figures per plan, group, catalog and indicator. Plan,
 * group and catalog figures are computed here; indicator figures are shown
 * from the Indicators sheet, where they are computed.
 */
import { nameKey } from '../../rules';
import { localized, SUMMARY_BLOCKS, type SummaryBlock } from '../../template';
import type { Context } from '../context';
import { blankOnError, fullRange, monthIndexOf } from '../formulas';
import type { Cell, ConditionalFormat, DefinedName, Row, Sheet } from '../model';
import { columnLetter, sheetPrefix } from '../refs';
import { CATEGORIES } from '../../schema';
import { DATA_BAR_COLOR, TAB_COLORS, type StyleName } from '../styles';
import { emptySheet, formula, printSetup, text } from './common';
import type { IndicatorsLayout } from './indicators';
import { CHART_BAND_ROWS, plannedSummaryCharts } from '../charts';
import type { EnterpriseCodes } from '../enterprise-codes';
import type { FigureCodes } from '../figure-codes';
import { dateStyle } from '../local-styles';
import { periodWords } from '../../i18n/wording';
import { liveHeadlines, sinceBlock } from './summary-since';

/** The report's own cells, read by formulas and by readers. */
export const SUMMARY_CELLS = { title: 'A1', region: 'B4', period: 'B5', periodEnd: 'B6', reportDate: 'B7' } as const;

const WIDTHS = [20, 50, 14, 14, 14, 14, 14, 14, 14, 14];

/** Where each block's item rows are, for the charts drawn from them. */
export interface SummaryBlocks {
  plans?: { first: number; last: number };
  groups?: { first: number; last: number };
  /** Rows: categories; columns C.. : one per catalog. */
  categories?: { header: number; first: number; last: number; catalogs: number };
}

export interface SummaryLayout {
  sheet: Sheet;
  names: DefinedName[];
  blocks: SummaryBlocks;
  /** The first row of the band kept free for charts (when there are any). */
  chartBand?: number;
}

/** The Summary's rows as they are written, with the names, data bars and block places they add. */
export class SummaryOut {
  readonly rows: Row[] = [];
  readonly names: DefinedName[] = [];
  readonly formats: ConditionalFormat[] = [];
  readonly blocks: SummaryBlocks = {};

  constructor(readonly sheetName: string) {}

  /** Adds a row; returns its number. */
  add(cells: (Cell | undefined)[], height?: number): number {
    this.rows.push({ cells, height });
    return this.rows.length;
  }

  skip(): void {
    this.rows.push({ cells: [] });
  }

  /** The number the next row will have. */
  get next(): number {
    return this.rows.length + 1;
  }

  name(name: string, row: number, col: string): void {
    this.names.push({ name, sheet: this.sheetName, cell: `${col}${row}` });
  }

  /** A data bar over a column's rows from..to (none when there are none). */
  bar(col: string, from: number, to: number): void {
    if (to >= from) this.formats.push({ range: `${col}${from}:${col}${to}`, type: 'dataBar', color: DATA_BAR_COLOR, min: 0, max: 1 });
  }

  /** A block's title row and header row, after a blank row. */
  block(title: string, headers: string[]): void {
    this.skip();
    this.add([{ v: title, s: 'sectionTitle' }, ...headers.slice(1).map(() => ({ v: null, s: 'sectionTitle' as StyleName }))]);
    this.add(
      headers.map((h) => ({ v: h || null, s: 'header' as StyleName })),
      30,
    );
  }
}

export function summarySheet(
  ctx: Context,
  indicators: IndicatorsLayout | undefined,
  codes: FigureCodes | undefined,
  enterprises: EnterpriseCodes | undefined,
): SummaryLayout {
  const sheet = emptySheet(ctx, 'summary');
  const out = new SummaryOut(sheet.name);
  reportRows(ctx, out);
  sheet.merges.push('A1:J1', 'A2:J2');
  const chartBand = chartBandRows(ctx, out);

  const summary = ctx.template.sections.find((sec) => sec.section === 'summary');
  const blocks: readonly SummaryBlock[] = (summary?.section === 'summary' ? summary.blocks : undefined) ?? SUMMARY_BLOCKS;
  const hasCatalogs = ctx.has.catalog && (ctx.data.catalogs ?? []).length > 0;
  for (const block of blocks) {
    if (block === 'plans' && codes) plansBlock(ctx, out, codes);
    if (block === 'groups' && codes?.groups) groupsBlock(ctx, out, codes);
    if (block === 'categories' && hasCatalogs) categoriesBlock(ctx, out);
    if (block === 'catalogs' && hasCatalogs) catalogsBlock(ctx, out, enterprises!);
    if (block === 'indicators' && ctx.has.indicators && indicators && (ctx.data.indicators ?? []).length) indicatorsBlock(ctx, out, indicators);
  }
  // Issue 13: the comparison with the previous report (generate --since), a block of its own (summary-since.ts).
  if (ctx.since) sinceBlock(ctx, out, liveHeadlines(ctx, [...out.names, ...(indicators?.names ?? [])]));

  sheet.rows = out.rows;
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.conditionalFormats = out.formats;
  sheet.print = printSetup(ctx, sheet.name);
  sheet.tabColor = TAB_COLORS.summary;
  return { sheet, names: out.names, blocks: out.blocks, chartBand };
}

/** The title, subtitle and the report's own cells (region, period, its end, the report date), named for formulas. */
function reportRows(ctx: Context, out: SummaryOut): void {
  const labels = ctx.labels.summary;
  const { report } = ctx.data;
  const subtitle = [localized(ctx.template.title, ctx.locale), report.region, periodWords(report.period, ctx.locale)].filter(Boolean).join(' · ');
  out.add([{ v: report.title, s: 'title' }], 30);
  out.add([{ v: subtitle, s: 'subtitle' }]);
  out.skip();
  out.add([{ v: labels.region, s: 'label' }, text(report.region)]);
  out.add([
    { v: labels.period, s: 'label' },
    { v: report.period, s: 'period' },
  ]);
  const pmi = monthIndexOf('$B$5');
  out.add([
    { v: labels.periodEnd, s: 'label' },
    formula(`DATE(INT((${pmi}-1)/12),MOD(${pmi}-1,12)+2,0)`, { date: ctx.periodEnd }, dateStyle(ctx.locale, 'keyDate')),
  ]);
  out.add([
    { v: labels.reportDate, s: 'label' },
    { v: { date: ctx.date }, s: dateStyle(ctx.locale, 'keyDate') },
  ]);
  out.names.push(
    { name: 'Report_Period', sheet: out.sheetName, cell: SUMMARY_CELLS.period },
    { name: 'Report_Period_End', sheet: out.sheetName, cell: SUMMARY_CELLS.periodEnd },
    { name: 'Report_Date', sheet: out.sheetName, cell: SUMMARY_CELLS.reportDate },
  );
}

/** The rows kept free for the charts, when there are any: the first of them. */
function chartBandRows(ctx: Context, out: SummaryOut): number | undefined {
  if (!plannedSummaryCharts(ctx).length) return undefined;
  out.skip();
  const first = out.next;
  for (let i = 0; i < CHART_BAND_ROWS; i++) out.skip();
  return first;
}

/** Per plan: its measures, completed, completion rate and overdue, and the figures of the period, counted from the figure codes. */
function plansBlock(ctx: Context, out: SummaryOut, codes: FigureCodes): void {
  const labels = ctx.labels.summary;
  const figures = ctx.labels.figures;
  const plans = ctx.data.plans ?? [];
  out.block(labels.plans, [
    labels.planId,
    labels.planTitle,
    figures.measures,
    figures.completed,
    figures.completionRate,
    figures.overdue,
    figures.completedInPeriod,
    figures.dueNext,
  ]);
  const first = out.next;
  plans.forEach((plan, i) => {
    const r = out.next;
    const fig = ctx.figures.plans[i];
    out.add([
      text(plan.id, 'label'),
      text(plan.title, 'wrap'),
      formula(`SUM(${codes.planCounts(i)})`, fig.measures, 'figureInt'),
      formula(codes.planCount(i, 'completed'), fig.completed, 'figureInt'),
      formula(blankOnError(`$D$${r}/($C$${r}-${codes.planCount(i, 'cancelled')})`), fig.completionRate, 'figurePercent'),
      formula(codes.planCount(i, 'overdue'), fig.overdue, 'figureInt'),
      formula(codes.periodCount(i, 'completedInPeriod'), fig.completedInPeriod, 'figureInt'),
      formula(codes.periodCount(i, 'dueNext'), fig.dueNext, 'figureInt'),
    ]);
    const key = nameKey(plan.id);
    out.name(`Plan_${key}_Measures`, r, 'C');
    out.name(`Plan_${key}_Completed`, r, 'D');
    out.name(`Plan_${key}_CompletionRate`, r, 'E');
    out.name(`Plan_${key}_Overdue`, r, 'F');
    out.name(`Plan_${key}_CompletedInPeriod`, r, 'G');
    out.name(`Plan_${key}_DueNext`, r, 'H');
  });
  out.bar('E', first, out.rows.length);
  if (plans.length) out.blocks.plans = { first, last: out.rows.length };
}

/** Per group of each plan: its measures, completed and completion rate. */
function groupsBlock(ctx: Context, out: SummaryOut, codes: FigureCodes): void {
  const labels = ctx.labels.summary;
  const figures = ctx.labels.figures;
  out.block(labels.groups, [labels.planId, labels.group, figures.measures, figures.completed, figures.completionRate]);
  const first = out.next;
  let slot = 0;
  (ctx.data.plans ?? []).forEach((plan, i) => {
    (plan.groups ?? []).forEach((group, g) => {
      const r = out.next;
      const fig = ctx.figures.plans[i].groups[g];
      const j = slot++;
      out.add([
        text(plan.id, 'label'),
        text(group, 'wrap'),
        formula(`SUM(${codes.groupCounts(j)})`, fig.measures, 'figureInt'),
        formula(codes.groupCount(j, 'completed'), fig.completed, 'figureInt'),
        formula(blankOnError(`$D$${r}/($C$${r}-${codes.groupCount(j, 'cancelled')})`), fig.completionRate, 'figurePercent'),
      ]);
      const prefix = `Plan_${nameKey(plan.id)}_Group${g + 1}`;
      out.name(`${prefix}_Measures`, r, 'C');
      out.name(`${prefix}_Completed`, r, 'D');
      out.name(`${prefix}_CompletionRate`, r, 'E');
    });
  });
  out.bar('E', first, out.rows.length);
  if (out.rows.length >= first) out.blocks.groups = { first, last: out.rows.length };
}

/** A catalog column as a whole-column range of the Catalog sheet. */
const entryRange = (ctx: Context, field: Parameters<Context['col']['entry']>[0]) => fullRange(ctx.col.entry(field));

/** Entries per category (rows) and catalog (columns C..). */
function categoriesBlock(ctx: Context, out: SummaryOut): void {
  const labels = ctx.labels.summary;
  const catalogs = ctx.data.catalogs ?? [];
  out.block(labels.categories, [labels.category, '', ...catalogs.map((x) => x.id)]);
  const catalogColumn = entryRange(ctx, 'catalog');
  const categoryColumn = entryRange(ctx, 'category');
  const header = out.rows.length;
  const first = header + 1;
  for (const cat of CATEGORIES) {
    const r = out.next;
    out.add([
      text(ctx.labels.categories[cat], 'label'),
      undefined,
      ...catalogs.map((_catalog, i) =>
        formula(`COUNTIFS(${catalogColumn},${columnLetter(3 + i)}$${header},${categoryColumn},$A${r})`, ctx.figures.categories[i][cat], 'figureInt'),
      ),
    ]);
  }
  out.blocks.categories = { header, first, last: out.rows.length, catalogs: catalogs.length };
}

/** Per catalog: its products, enterprises, adopted products and adoption rate. */
function catalogsBlock(ctx: Context, out: SummaryOut, enterprises: EnterpriseCodes): void {
  const labels = ctx.labels.summary;
  const figures = ctx.labels.figures;
  out.block(labels.catalogs, [labels.catalogId, labels.catalogTitle, figures.products, figures.enterprises, figures.adopted, figures.adoptionRate]);
  const catalogColumn = entryRange(ctx, 'catalog');
  const hospitalsColumn = entryRange(ctx, 'hospitals');
  const first = out.next;
  (ctx.data.catalogs ?? []).forEach((catalog, i) => {
    const r = out.next;
    const id = `$A$${r}`;
    const fig = ctx.figures.catalogs[i];
    out.add([
      text(catalog.id, 'label'),
      text(catalog.title, 'wrap'),
      formula(`COUNTIFS(${catalogColumn},${id})`, fig.products, 'figureInt'),
      // Distinct enterprises: the catalog's known pairs with a row, plus names new since generation (enterprise-codes.ts).
      formula(enterprises.enterprises(i, id), fig.enterprises, 'figureInt'),
      // Blank while no entry of the catalog has a hospitals value (">=0" counts numbers only): the data says nothing yet.
      formula(
        `IF(COUNTIFS(${catalogColumn},${id},${hospitalsColumn},">=0")=0,"",COUNTIFS(${catalogColumn},${id},${hospitalsColumn},">=1"))`,
        fig.adopted,
        'figureInt',
      ),
      formula(blankOnError(`$E$${r}/$C$${r}`), fig.adoptionRate, 'figurePercent'),
    ]);
    const key = nameKey(catalog.id);
    out.name(`Catalog_${key}_Products`, r, 'C');
    out.name(`Catalog_${key}_Enterprises`, r, 'D');
    out.name(`Catalog_${key}_Adopted`, r, 'E');
    out.name(`Catalog_${key}_AdoptionRate`, r, 'F');
  });
  out.bar('F', first, out.rows.length);
}

/** Per indicator: its figures, shown from the Indicators sheet where they are computed. */
function indicatorsBlock(ctx: Context, out: SummaryOut, indicators: IndicatorsLayout): void {
  const labels = ctx.labels.summary;
  const figures = ctx.labels.figures;
  out.block(labels.indicators, [
    labels.indicatorId,
    labels.indicatorName,
    labels.unit,
    figures.latestPeriod,
    figures.latest,
    ctx.labels.indicatorFields.targetValue,
    figures.growth,
    figures.progress,
    figures.cagr,
    figures.requiredCagr,
  ]);
  const src = sheetPrefix(ctx.sheetName.indicators);
  const own = (f: Parameters<typeof ctx.indicators.letter>[0], row: number) => `${src}$${ctx.indicators.letter(f)}$${row}`;
  const fig = (f: Parameters<IndicatorsLayout['figureLetter']>[0], row: number) => `${src}$${indicators.figureLetter(f)}$${row}`;
  // A reference to a blank cell reads as 0; blanks must stay blank.
  const ref = (expr: string) => `IF(${expr}="","",${expr})`;
  const first = out.next;
  (ctx.data.indicators ?? []).forEach((ind, i) => {
    const row = i + 2;
    const v = ctx.figures.indicators[i];
    out.add([
      text(ind.id, 'label'),
      formula(ref(own('name', row)), ind.name, 'wrap'),
      formula(ref(own('unit', row)), ind.unit ?? null),
      formula(ref(fig('latestPeriod', row)), v.latestPeriod, 'period'),
      formula(ref(fig('latest', row)), v.latest, 'figureNumber'),
      formula(ref(own('targetValue', row)), ind.target?.value ?? null, 'figureNumber'),
      formula(ref(fig('growth', row)), v.growth, 'figurePercent'),
      formula(ref(fig('progress', row)), v.progress, 'figurePercent'),
      formula(ref(fig('cagr', row)), v.cagr, 'figurePercent'),
      formula(ref(fig('requiredCagr', row)), v.requiredCagr, 'figurePercent'),
    ]);
  });
  out.bar('H', first, out.rows.length);
}
