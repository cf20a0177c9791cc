/**
 * Builds a report's layout model from (template, data, locale): pure, no I/O.
 */
import type { DataRows } from '../data-rows';
import type { Locale, StreamableData } from '../schema';
import type { Template } from '../template';
import { makeContext, type BuildOptions } from './context';
import { REPORT_RECORD_SHEET, reportRecordSheet } from '../record/report-record';
import type { DefinedName, Sheet, Workbook } from './model';
import { summaryCharts } from './charts';
import { dashboardSheet } from './sheets/dashboard';
import { aboutSheet } from './sheets/about';
import { calcSheet } from './sheets/calc';
import { enterpriseCodes } from './enterprise-codes';
import { CALC_SHEET, figureCodes } from './figure-codes';
import { observationOrder } from './observation-order';
import { fitRowHeights, flat } from './sheets/common';
import { planPrint } from './print/plan';
import { catalogSheet } from './sheets/catalog';
import { indicatorsSheet } from './sheets/indicators';
import { measuresSheet } from './sheets/measures';
import { observationsSheet } from './sheets/observations';
import { sourcesSheet } from './sheets/sources';
import { summarySheet } from './sheets/summary';
import { changesSheet } from './sheets/changes';
import { liveHeadlines } from './sheets/summary-since';
import { trendSheet } from './sheets/trend';
import { sinceOf } from '../since/since-of';

export type { BuildOptions } from './context';

/** `rows`: where the measures and catalog entries come from when the data is read as a stream (a large JSON file); else the data's own lists. */
export function buildReport(template: Template, data: StreamableData, locale: Locale, options: BuildOptions, rows?: DataRows): Workbook {
  const ctx = makeContext(template, data, locale, options, rows);
  ctx.since = sinceOf(ctx, options);
  const order = ctx.has.indicators ? observationOrder(ctx) : undefined;
  const indicators = order ? indicatorsSheet(ctx, order) : undefined;
  const codes = figureCodes(ctx);
  const enterprises = enterpriseCodes(ctx);
  const summary = summarySheet(ctx, indicators, codes, enterprises);
  const charts = options.charts !== false;
  if (summary.chartBand) summary.sheet.charts = summaryCharts(ctx, summary.sheet, summary.blocks, summary.chartBand);
  const sheets: Sheet[] = [];
  const names: DefinedName[] = [...summary.names];
  for (const section of template.sections) {
    switch (section.section) {
      case 'summary':
        sheets.push(summary.sheet);
        break;
      case 'measures':
        sheets.push(measuresSheet(ctx, codes));
        break;
      case 'catalog':
        sheets.push(catalogSheet(ctx, enterprises));
        break;
      case 'indicators':
        sheets.push(indicators!.sheet, observationsSheet(ctx, indicators!.valueFormatLetter));
        names.push(...indicators!.names);
        break;
      case 'dashboard': {
        const dashboard = dashboardSheet(ctx, order ?? observationOrder(ctx), indicators?.valueFormatLetter ?? 'A');
        if (!charts) dashboard.charts = [];
        sheets.push(dashboard);
        break;
      }
      case 'sources':
        sheets.push(sourcesSheet(ctx));
        break;
      case 'about':
        sheets.push(aboutSheet(ctx));
        break;
    }
  }
  // Issue 13: a report made since a previous one adds its Changes and Trend sheets after the template's.
  if (ctx.since) {
    const taken = new Set([...sheets.map((s) => s.name.toLowerCase()), CALC_SHEET, REPORT_RECORD_SHEET]);
    const free = (name: string) => {
      let n = name;
      for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name} (${i})`;
      taken.add(n.toLowerCase());
      return n;
    };
    const changes = changesSheet(ctx, ctx.since, free(ctx.labels.since.changesSheet));
    sheets.push(changes, trendSheet(ctx, ctx.since, liveHeadlines(ctx, names), free(ctx.labels.since.trendSheet)));
  }
  sheets.forEach(planPrint);
  sheets.forEach(fitRowHeights);
  if (codes || enterprises || order) sheets.push(calcSheet(ctx, codes, summary.blocks.groups?.first, enterprises, order));
  sheets.push(reportRecordSheet(ctx, sheets));
  // The formulas the builders joined with template literals, held flat until the workbook is written (common.ts, flat);
  // not a shared formula's later cells, whose formulas are written out only when read (common.ts, sharedRowCell).
  for (const sheet of sheets)
    for (const row of sheet.rows) for (const cell of row.cells) if (cell && cell.sharedFrom === undefined && cell.f !== undefined) flat(cell.f);
  return {
    sheets,
    names,
    properties: {
      title: data.report.title,
      subject: `${data.report.region} ${data.report.period}`,
      creator: options.generator,
      description: template.description ?? '',
      keywords: 'plan-report',
    },
  };
}
