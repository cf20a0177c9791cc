/**
 * The Summary sheet: the report's date and period as cells that formulas read,
 * then the headline figures per plan, group, catalog and indicator. Plan,
 * group and catalog figures are computed here; indicator figures are shown
 * from the Indicators sheet, where they are computed.
 */
import { nameKey } from '../../rules';
import { localized, SUMMARY_BLOCKS, type SummaryBlock } from '../../template';
import type { Context } from '../context';
import { blankOnError, fullRange, reportPeriodFormulas } from '../formulas';
import type { Cell, Column, ConditionalFormat, DefinedName, Row, Sheet } from '../model';
import { columnLetter, sheetPrefix } from '../refs';
import { CATEGORIES } from '../../schema';
import { DATA_BAR_COLOR, TAB_COLORS, valueStyle, type StyleName } from '../styles';
import { valueFormatKey } from '../../value-format';
import { emptySheet, fitRowHeight, formula, printSetup, text } from './common';
import type { IndicatorsLayout } from './indicators';
import { CHART_BAND_ROWS, plannedSummaryCharts } from '../charts';
import type { EnterpriseCodes } from '../enterprise-codes';
import type { FigureCodes } from '../figure-codes';
import { dateStyle } from '../local-styles';
import { periodWords } from '../../i18n/wording';
import { Pager } from '../print/pager';
import { fitScale, rowHeight } from '../print/page';
import { liveHeadlines, sinceBlock } from './summary-since';
import { longestWord } from '../print/wrap-lines';

/** The report's own cells, read by formulas and by readers. */
export const SUMMARY_CELLS = { title: 'A1', region: 'B4', period: 'B5', periodEnd: 'B6', reportDate: 'B7' } as const;

/** 156 characters: the Summary prints at 94% of its size on a landscape A4 page. */
const WIDTHS = [18, 42, 12, 12, 12, 12, 12, 12, 12, 12];
/** The ID column (plans, catalogs, indicators) widens to its longest id, up to this many characters. */
const MAX_ID_WIDTH = 30;
/** Bold (an indicator's id) is this much wider than Calibri's regular letters. */
const BOLD = 1.06;
const HEADER_HEIGHT = 30;
/** A table that does not fit on the rest of a page starts on the next, unless this many of its rows fit. */
const MIN_ROWS_ON_PAGE = 3;
const TITLE_HEIGHT = 20;

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

/**
 * The Summary's rows as they are written, with the names, data bars and block
 * places they add, and the page breaks that keep each table whole on a page
 * or repeat its header row on the page it runs onto.
 */
export class SummaryOut {
  readonly rows: Row[] = [];
  readonly names: DefinedName[] = [];
  readonly formats: ConditionalFormat[] = [];
  readonly blocks: SummaryBlocks = {};
  /** The header row of the table being written, repeated at the top of a page it runs onto (none for a charted table). */
  private repeat?: (Cell | undefined)[];

  constructor(
    readonly sheetName: string,
    readonly pager: Pager,
    readonly columns: Column[],
  ) {}

  /** Adds a row; returns its number. */
  add(cells: (Cell | undefined)[], height?: number): number {
    return this.push(fitRowHeight({ cells, height }, this.columns));
  }

  /** Adds a row already fitted to its text; returns its number. */
  private push(row: Row): number {
    this.rows.push(row);
    this.pager.place(rowHeight(row));
    return this.rows.length;
  }

  skip(): void {
    this.add([]);
  }

  /**
   * Adds a table row made for its row number; returns the number. A row that
   * does not fit on the page starts the next, under the table's header row.
   */
  item(make: (r: number) => (Cell | undefined)[]): number {
    // Made and fitted once, and again only when a repeated header row moves it down (a thousand indicators' rows).
    let row = fitRowHeight({ cells: make(this.next), height: undefined }, this.columns);
    if (!this.pager.fits(rowHeight(row))) {
      this.pager.breakBefore(this.next);
      if (this.repeat) {
        this.add(this.repeat, Math.max(HEADER_HEIGHT, fitRowHeight({ cells: this.repeat }, this.columns).height ?? 0));
        row = fitRowHeight({ cells: make(this.next), height: undefined }, this.columns);
      }
    }
    return this.push(row);
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

  /**
   * A block's title row and header row, after a blank row. A table of `items`
   * rows that does not fit on the rest of the page starts on the next when it
   * fits there, or when too few of its rows would be left on this one. A table
   * bound to a chart does not repeat its header row (the chart reads its rows).
   */
  block(title: string, headers: string[], items: number, charted = false): void {
    this.skip();
    const head = TITLE_HEIGHT + HEADER_HEIGHT;
    const whole = head + items * rowHeight(undefined);
    if (!this.pager.fits(whole) && (this.pager.fitsOnePage(whole) || !this.pager.fits(head + MIN_ROWS_ON_PAGE * rowHeight(undefined)))) {
      this.pager.breakBefore(this.next);
    }
    this.add([{ v: title, s: 'sectionTitle' }, ...headers.slice(1).map(() => ({ v: null, s: 'sectionTitle' as StyleName }))], TITLE_HEIGHT);
    const header = headers.map((h) => ({ v: h || null, s: 'header' as StyleName }));
    // As tall as its longest title wrapped ("CAGR needed for target" takes three lines).
    this.add(header, Math.max(HEADER_HEIGHT, fitRowHeight({ cells: header }, this.columns).height ?? 0));
    this.repeat = charted ? undefined : header;
  }
}

export function summarySheet(
  ctx: Context,
  indicators: IndicatorsLayout | undefined,
  codes: FigureCodes | undefined,
  enterprises: EnterpriseCodes | undefined,
): SummaryLayout {
  const sheet = emptySheet(ctx, 'summary');
  sheet.print = printSetup(ctx, sheet.name);
  const columns = summaryColumns(ctx);
  const out = new SummaryOut(sheet.name, new Pager(sheet.print, fitScale(sheet.print, columns)), columns);
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
  sheet.columns = columns;
  sheet.conditionalFormats = out.formats;
  if (out.pager.breaks.length) sheet.print.rowBreaks = out.pager.breaks;
  sheet.tabColor = TAB_COLORS.summary;
  return { sheet, names: out.names, blocks: out.blocks, chartBand };
}

/** The Summary's columns: the first as wide as the longest plan, catalog or indicator id it lists (18 to 30 characters), so none is cut. */
function summaryColumns(ctx: Context): Column[] {
  const { plans = [], catalogs = [], indicators = [] } = ctx.data;
  const ids = [...plans, ...catalogs, ...indicators].map((item) => item.id);
  const longest = Math.max(0, ...ids.map((id) => Math.ceil(longestWord(id) * BOLD)));
  const first = Math.min(MAX_ID_WIDTH, Math.max(WIDTHS[0], longest));
  return WIDTHS.map((width, i) => ({ width: i === 0 ? first : width }));
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
    // As the locale writes it (2022年第三季度): an official may type either form, and the formulas read both (a
    // Chinese workbook's) or the data's form (an English one's).
    { v: periodWords(report.period, ctx.locale), s: 'period' },
  ]);
  const end = reportPeriodFormulas(ctx.locale).end('$B$5');
  out.add([{ v: labels.periodEnd, s: 'label' }, formula(end, { date: ctx.periodEnd }, dateStyle(ctx.locale, 'keyDate'))]);
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

/** Whether a block's rows are bound to a Summary chart. */
function charted(ctx: Context, block: 'plans' | 'groups'): boolean {
  return plannedSummaryCharts(ctx).some((c) => c.kind === block);
}

/** Per plan: its measures, completed, completion rate and overdue, and the figures of the period, counted from the figure codes. */
function plansBlock(ctx: Context, out: SummaryOut, codes: FigureCodes): void {
  const labels = ctx.labels.summary;
  const figures = ctx.labels.figures;
  const plans = ctx.data.plans ?? [];
  out.block(
    labels.plans,
    [labels.planId, labels.planTitle, figures.measures, figures.completed, figures.completionRate, figures.overdue, figures.completedInPeriod, figures.dueNext],
    plans.length,
    charted(ctx, 'plans'),
  );
  const first = out.next;
  plans.forEach((plan, i) => {
    const fig = ctx.figures.plans[i];
    const r = out.item((r) => [
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
  const count = (ctx.data.plans ?? []).reduce((n, p) => n + (p.groups ?? []).length, 0);
  out.block(labels.groups, [labels.planId, labels.group, figures.measures, figures.completed, figures.completionRate], count, charted(ctx, 'groups'));
  const first = out.next;
  let slot = 0;
  (ctx.data.plans ?? []).forEach((plan, i) => {
    (plan.groups ?? []).forEach((group, g) => {
      const fig = ctx.figures.plans[i].groups[g];
      const j = slot++;
      const r = out.item((r) => [
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
  // Its formulas read the catalogs from its header row: a repeated header would be read as categories.
  out.block(labels.categories, [labels.category, '', ...catalogs.map((x) => x.id)], CATEGORIES.length, true);
  const catalogColumn = entryRange(ctx, 'catalog');
  const categoryColumn = entryRange(ctx, 'category');
  const header = out.rows.length;
  const first = header + 1;
  for (const cat of CATEGORIES) {
    out.item((r) => [
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
  out.block(
    labels.catalogs,
    [labels.catalogId, labels.catalogTitle, figures.products, figures.enterprises, figures.adopted, figures.adoptionRate],
    (ctx.data.catalogs ?? []).length,
  );
  const catalogColumn = entryRange(ctx, 'catalog');
  const hospitalsColumn = entryRange(ctx, 'hospitals');
  const first = out.next;
  (ctx.data.catalogs ?? []).forEach((catalog, i) => {
    const fig = ctx.figures.catalogs[i];
    const id = (r: number) => `$A$${r}`;
    const r = out.item((r) => [
      text(catalog.id, 'label'),
      text(catalog.title, 'wrap'),
      formula(`COUNTIFS(${catalogColumn},${id(r)})`, fig.products, 'figureInt'),
      // Distinct enterprises: the catalog's known pairs with a row, plus names new since generation (enterprise-codes.ts).
      formula(enterprises.enterprises(i, id(r)), fig.enterprises, 'figureInt'),
      // Blank while no entry of the catalog has a hospitals value (">=0" counts numbers only): the data says nothing yet.
      formula(
        `IF(COUNTIFS(${catalogColumn},${id(r)},${hospitalsColumn},">=0")=0,"",COUNTIFS(${catalogColumn},${id(r)},${hospitalsColumn},">=1"))`,
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
  out.block(
    labels.indicators,
    [
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
    ],
    (ctx.data.indicators ?? []).length,
  );
  const src = sheetPrefix(ctx.sheetName.indicators);
  const own = (f: Parameters<typeof ctx.indicators.letter>[0], row: number) => `${src}$${ctx.indicators.letter(f)}$${row}`;
  const fig = (f: Parameters<IndicatorsLayout['figureLetter']>[0], row: number) => `${src}$${indicators.figureLetter(f)}$${row}`;
  // A reference to a blank cell reads as 0; blanks must stay blank.
  const ref = (expr: string) => `IF(${expr}="","",${expr})`;
  const first = out.next;
  (ctx.data.indicators ?? []).forEach((ind, i) => {
    const row = i + 2;
    const v = ctx.figures.indicators[i];
    const valueStyleOf = valueStyle('figure', valueFormatKey(ind));
    out.item(() => [
      text(ind.id, 'label'),
      formula(ref(own('name', row)), ind.name, 'wrap'),
      formula(ref(own('unit', row)), ind.unit ?? null, 'wrap'),
      formula(ref(fig('latestPeriod', row)), v.latestPeriod, 'periodColumn'),
      formula(ref(fig('latest', row)), v.latest, valueStyleOf),
      formula(ref(own('targetValue', row)), ind.target?.value ?? null, valueStyleOf),
      formula(ref(fig('growth', row)), v.growth, 'figurePercent'),
      formula(ref(fig('progress', row)), v.progress, 'figurePercent'),
      formula(ref(fig('cagr', row)), v.cagr, 'figurePercent'),
      formula(ref(fig('requiredCagr', row)), v.requiredCagr, 'figurePercent'),
    ]);
  });
  out.bar('H', first, out.rows.length);
}
