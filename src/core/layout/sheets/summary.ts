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

/** The report's own cells, read by formulas and by readers. */
export const SUMMARY_CELLS = { title: 'A1', region: 'B4', period: 'B5', periodEnd: 'B6', reportDate: 'B7' } as const;

const WIDTHS = [20, 50, 14, 14, 14, 14, 14, 14, 14, 14];

class Rows {
  readonly rows: Row[] = [];
  add(cells: (Cell | undefined)[], height?: number): number {
    this.rows.push({ cells, height });
    return this.rows.length;
  }
  skip(): void {
    this.rows.push({ cells: [] });
  }
}

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

export function summarySheet(
  ctx: Context,
  indicators: IndicatorsLayout | undefined,
  codes: FigureCodes | undefined,
  enterprises: EnterpriseCodes | undefined,
): SummaryLayout {
  const L = ctx.labels;
  const S = L.summary;
  const F = L.figures;
  const sheet = emptySheet(ctx, 'summary');
  const names: DefinedName[] = [];
  const ranges: SummaryBlocks = {};
  const formats: ConditionalFormat[] = [];
  const out = new Rows();
  const name = (n: string, row: number, col: string) => names.push({ name: n, sheet: sheet.name, cell: `${col}${row}` });
  const bar = (col: string, from: number, to: number) => {
    if (to >= from) formats.push({ range: `${col}${from}:${col}${to}`, type: 'dataBar', color: DATA_BAR_COLOR, min: 0, max: 1 });
  };

  const { report } = ctx.data;
  const subtitle = [localized(ctx.template.title, ctx.locale), report.region, report.period].filter(Boolean).join(' · ');
  out.add([{ v: report.title, s: 'title' }], 30);
  out.add([{ v: subtitle, s: 'subtitle' }]);
  out.skip();
  out.add([{ v: S.region, s: 'label' }, text(report.region)]);
  out.add([
    { v: S.period, s: 'label' },
    { v: report.period, s: 'period' },
  ]);
  const pmi = monthIndexOf('$B$5');
  out.add([{ v: S.periodEnd, s: 'label' }, formula(`DATE(INT((${pmi}-1)/12),MOD(${pmi}-1,12)+2,0)`, { date: ctx.periodEnd }, 'keyDate')]);
  out.add([
    { v: S.reportDate, s: 'label' },
    { v: { date: ctx.date }, s: 'keyDate' },
  ]);
  names.push(
    { name: 'Report_Period', sheet: sheet.name, cell: SUMMARY_CELLS.period },
    { name: 'Report_Period_End', sheet: sheet.name, cell: SUMMARY_CELLS.periodEnd },
    { name: 'Report_Date', sheet: sheet.name, cell: SUMMARY_CELLS.reportDate },
  );
  sheet.merges.push('A1:J1', 'A2:J2');

  let chartBand: number | undefined;
  if (plannedSummaryCharts(ctx).length) {
    out.skip();
    chartBand = out.rows.length + 1;
    for (let i = 0; i < CHART_BAND_ROWS; i++) out.skip();
  }

  const block = (title: string, headers: string[]) => {
    out.skip();
    out.add([{ v: title, s: 'sectionTitle' }, ...headers.slice(1).map(() => ({ v: null, s: 'sectionTitle' as StyleName }))]);
    out.add(
      headers.map((h) => ({ v: h || null, s: 'header' as StyleName })),
      30,
    );
  };

  const plans = ctx.data.plans ?? [];
  const pct = (v: number | null): Cell['v'] => v;

  const summary = ctx.template.sections.find((sec) => sec.section === 'summary');
  const blocks: readonly SummaryBlock[] = (summary?.section === 'summary' ? summary.blocks : undefined) ?? SUMMARY_BLOCKS;

  for (const b of blocks) {
    if (b === 'plans' && codes) {
      block(S.plans, [S.planId, S.planTitle, F.measures, F.completed, F.completionRate, F.overdue]);
      const first = out.rows.length + 1;
      plans.forEach((plan, i) => {
        const r = out.rows.length + 1;
        const fig = ctx.figures.plans[i];
        out.add([
          text(plan.id, 'label'),
          text(plan.title, 'wrap'),
          formula(`SUM(${codes.planCounts(i)})`, fig.measures, 'figureInt'),
          formula(codes.planCount(i, 'completed'), fig.completed, 'figureInt'),
          formula(blankOnError(`$D$${r}/($C$${r}-${codes.planCount(i, 'cancelled')})`), pct(fig.completionRate), 'figurePercent'),
          formula(codes.planCount(i, 'overdue'), fig.overdue, 'figureInt'),
        ]);
        const K = nameKey(plan.id);
        name(`Plan_${K}_Measures`, r, 'C');
        name(`Plan_${K}_Completed`, r, 'D');
        name(`Plan_${K}_CompletionRate`, r, 'E');
        name(`Plan_${K}_Overdue`, r, 'F');
      });
      bar('E', first, out.rows.length);
      if (plans.length) ranges.plans = { first, last: out.rows.length };
    }

    if (b === 'groups' && codes?.groups) {
      block(S.groups, [S.planId, S.group, F.measures, F.completed, F.completionRate]);
      const first = out.rows.length + 1;
      let slot = 0;
      plans.forEach((plan, i) => {
        (plan.groups ?? []).forEach((group, g) => {
          const r = out.rows.length + 1;
          const fig = ctx.figures.plans[i].groups[g];
          const j = slot++;
          out.add([
            text(plan.id, 'label'),
            text(group, 'wrap'),
            formula(`SUM(${codes.groupCounts(j)})`, fig.measures, 'figureInt'),
            formula(codes.groupCount(j, 'completed'), fig.completed, 'figureInt'),
            formula(blankOnError(`$D$${r}/($C$${r}-${codes.groupCount(j, 'cancelled')})`), pct(fig.completionRate), 'figurePercent'),
          ]);
          const K = `Plan_${nameKey(plan.id)}_Group${g + 1}`;
          name(`${K}_Measures`, r, 'C');
          name(`${K}_Completed`, r, 'D');
          name(`${K}_CompletionRate`, r, 'E');
        });
      });
      bar('E', first, out.rows.length);
      if (out.rows.length >= first) ranges.groups = { first, last: out.rows.length };
    }

    if (b === 'categories' && ctx.has.catalog && (ctx.data.catalogs ?? []).length) {
      const catalogs = ctx.data.catalogs ?? [];
      const c = (f: Parameters<Context['col']['entry']>[0]) => fullRange(ctx.col.entry(f));
      block(S.categories, [S.category, '', ...catalogs.map((x) => x.id)]);
      const header = out.rows.length;
      const first = header + 1;
      for (const cat of CATEGORIES) {
        const r = out.rows.length + 1;
        out.add([
          text(L.categories[cat], 'label'),
          undefined,
          ...catalogs.map((_catalog, i) =>
            formula(`COUNTIFS(${c('catalog')},${columnLetter(3 + i)}$${header},${c('category')},$A${r})`, ctx.figures.categories[i][cat], 'figureInt'),
          ),
        ]);
      }
      ranges.categories = { header, first, last: out.rows.length, catalogs: catalogs.length };
    }

    if (b === 'catalogs' && ctx.has.catalog && (ctx.data.catalogs ?? []).length) {
      const catalogs = ctx.data.catalogs ?? [];
      block(S.catalogs, [S.catalogId, S.catalogTitle, F.products, F.enterprises, F.adopted, F.adoptionRate]);
      const c = (f: Parameters<Context['col']['entry']>[0]) => fullRange(ctx.col.entry(f));
      const first = out.rows.length + 1;
      catalogs.forEach((catalog, i) => {
        const r = out.rows.length + 1;
        const id = `$A$${r}`;
        const fig = ctx.figures.catalogs[i];
        out.add([
          text(catalog.id, 'label'),
          text(catalog.title, 'wrap'),
          formula(`COUNTIFS(${c('catalog')},${id})`, fig.products, 'figureInt'),
          // Distinct enterprises: the catalog's known pairs with a row, plus names new since generation (enterprise-codes.ts).
          formula(enterprises!.enterprises(i, id), fig.enterprises, 'figureInt'),
          formula(`COUNTIFS(${c('catalog')},${id},${c('hospitals')},">=1")`, fig.adopted, 'figureInt'),
          formula(blankOnError(`$E$${r}/$C$${r}`), pct(fig.adoptionRate), 'figurePercent'),
        ]);
        const K = nameKey(catalog.id);
        name(`Catalog_${K}_Products`, r, 'C');
        name(`Catalog_${K}_Enterprises`, r, 'D');
        name(`Catalog_${K}_Adopted`, r, 'E');
        name(`Catalog_${K}_AdoptionRate`, r, 'F');
      });
      bar('F', first, out.rows.length);
    }

    if (b === 'indicators' && ctx.has.indicators && indicators && (ctx.data.indicators ?? []).length) {
      const list = ctx.data.indicators ?? [];
      block(S.indicators, [
        S.indicatorId,
        S.indicatorName,
        S.unit,
        F.latestPeriod,
        F.latest,
        L.indicatorFields.targetValue,
        F.growth,
        F.progress,
        F.cagr,
        F.requiredCagr,
      ]);
      const src = sheetPrefix(ctx.sheetName.indicators);
      const own = (f: Parameters<typeof ctx.indicators.letter>[0], row: number) => `${src}$${ctx.indicators.letter(f)}$${row}`;
      const fig = (f: Parameters<IndicatorsLayout['figureLetter']>[0], row: number) => `${src}$${indicators.figureLetter(f)}$${row}`;
      const first = out.rows.length + 1;
      list.forEach((ind, i) => {
        const row = i + 2;
        const v = ctx.figures.indicators[i];
        // A reference to a blank cell reads as 0; blanks must stay blank.
        const ref = (expr: string) => `IF(${expr}="","",${expr})`;
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
      bar('H', first, out.rows.length);
    }
  }

  sheet.rows = out.rows;
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.conditionalFormats = formats;
  sheet.print = printSetup(ctx, sheet.name);
  sheet.tabColor = TAB_COLORS.summary;
  return { sheet, names, blocks: ranges, chartBand };
}
