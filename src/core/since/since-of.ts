/** What a report made `--since` a previous one knows of it: the changes, from the previous report's data to this one's. */
import type { BuildOptions, Context, Since } from '../layout/context';
import { mapRows } from '../row-source';
import type { ReportData } from '../schema';
import { reportDate } from '../report-defaults';
import { reportChanges, type ReportItems } from './match';

/** The items of data held in memory (the previous report, as read back). */
export function itemsOf(data: ReportData): ReportItems {
  return {
    date: reportDate(data),
    measures: (data.plans ?? []).flatMap((p) => p.measures.map((measure) => ({ plan: p.id, measure }))),
    entries: (data.catalogs ?? []).flatMap((c) => c.entries.map((entry) => ({ catalog: c.id, entry }))),
    indicators: data.indicators ?? [],
  };
}

/** The items of the report being built, its rows read in order (held or streamed). */
function contextItems(ctx: Context): ReportItems {
  const plans = ctx.data.plans ?? [];
  const catalogs = ctx.data.catalogs ?? [];
  return {
    date: ctx.date,
    measures: ctx.has.measures ? mapRows(ctx.rows.measures, ([p, measure]) => ({ plan: plans[p].id, measure })) : [],
    entries: ctx.has.catalog ? mapRows(ctx.rows.entries, ([c, entry]) => ({ catalog: catalogs[c].id, entry })) : [],
    indicators: ctx.has.indicators ? (ctx.data.indicators ?? []) : [],
  };
}

/** The previous report's items, limited to the kinds this report shows (a part neither shows cannot change). */
function previousItems(ctx: Context, data: ReportData): ReportItems {
  const all = itemsOf(data);
  return {
    date: all.date,
    measures: ctx.has.measures ? all.measures : [],
    entries: ctx.has.catalog ? all.entries : [],
    indicators: ctx.has.indicators ? all.indicators : [],
  };
}

export function sinceOf(ctx: Context, options: BuildOptions): Since | undefined {
  const previous = options.previous;
  if (!previous) return undefined;
  const changes = reportChanges(previousItems(ctx, previous.data), contextItems(ctx));
  // Its items compared, the sheets need only its report (its period), its figures and its history: not its measures.
  return { previous: { ...previous, data: { format: previous.data.format, report: previous.data.report } }, changes };
}
