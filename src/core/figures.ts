/**
 * The figures of data-format.md, computed from validated data. These are the
 * values a spreadsheet engine must arrive at from the workbook's formulas; the
 * writers store them as the formulas' cached results.
 *
 * `null` is a figure that cannot be computed (shown blank in the workbook).
 */
import { reportDate } from './data';
import { monthIndex, period, yearEarlier, type Period } from './periods';
import type { Catalog, Indicator, Measure, Observation, Plan, ReportData } from './schema';

export type Figure = number | null;

export interface MeasureCounts {
  measures: number;
  completed: number;
  cancelled: number;
  completionRate: Figure;
}

export interface PlanFigures extends MeasureCounts {
  overdue: number;
  groups: MeasureCounts[];
}

export interface CatalogFigures {
  products: number;
  enterprises: number;
  adopted: number;
  adoptionRate: Figure;
}

export interface IndicatorFigures {
  latest: Figure;
  /** The period of the observation that gave Latest (level), or of the latest one counted (cumulative). */
  latestPeriod: string | null;
  growth: Figure;
  progress: Figure;
  cagr: Figure;
  requiredCagr: Figure;
}

export interface ReportFigures {
  plans: PlanFigures[];
  catalogs: CatalogFigures[];
  indicators: IndicatorFigures[];
}

/** Text equality as a spreadsheet compares it: ignoring case. */
export function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function ratio(numerator: number, denominator: number): Figure {
  return denominator === 0 ? null : numerator / denominator;
}

function counts(measures: Measure[]): MeasureCounts {
  let completed = 0;
  let cancelled = 0;
  for (const m of measures) {
    if (m.status === 'completed') completed++;
    else if (m.status === 'cancelled') cancelled++;
  }
  return { measures: measures.length, completed, cancelled, completionRate: ratio(completed, measures.length - cancelled) };
}

export function planFigures(plan: Plan, date: string): PlanFigures {
  const overdue = plan.measures.filter(
    (m) => m.due !== undefined && m.due < date && m.status !== 'completed' && m.status !== 'cancelled',
  ).length;
  const groups = (plan.groups ?? []).map((g) => counts(plan.measures.filter((m) => m.group !== undefined && sameText(m.group, g))));
  return { ...counts(plan.measures), overdue, groups };
}

export function catalogFigures(catalog: Catalog): CatalogFigures {
  const products = catalog.entries.length;
  const enterprises = new Set(catalog.entries.map((e) => e.enterprise.toLowerCase())).size;
  const adopted = catalog.entries.filter((e) => (e.hospitals ?? 0) >= 1).length;
  return { products, enterprises, adopted, adoptionRate: ratio(adopted, products) };
}

/** `base ^ (1 / years) - 1`, or null for a negative base, a zero base of a ratio, or a span that is not positive. */
function annualRate(from: number, to: number, years: number): Figure {
  if (!(years > 0) || from === 0) return null;
  const r = to / from;
  if (r < 0) return null;
  const value = Math.pow(r, 1 / years) - 1;
  return Number.isFinite(value) ? value : null;
}

interface Dated {
  obs: Observation;
  period: Period;
}

export function indicatorFigures(ind: Indicator, reportPeriod: Period): IndicatorFigures {
  const end = monthIndex(reportPeriod);
  const seen: Dated[] = ind.observations
    .map((obs) => ({ obs, period: period(obs.period) }))
    .filter((d) => monthIndex(d.period) <= end);
  const latestOf = (list: Dated[]) =>
    list.reduce<Dated | undefined>((best, d) => (!best || monthIndex(d.period) > monthIndex(best.period) ? d : best), undefined);

  const latestAny = latestOf(seen);
  const latestValued = latestOf(seen.filter((d) => d.obs.value !== undefined));
  const kind = ind.kind ?? 'level';
  const base = ind.baseline?.value;

  let latest: Figure;
  if (kind === 'cumulative') latest = (base ?? 0) + seen.reduce((sum, d) => sum + (d.obs.value ?? 0), 0);
  else latest = latestValued?.obs.value ?? null;

  let growth: Figure = null;
  if (latestAny) {
    if (latestAny.obs.growth !== undefined) growth = latestAny.obs.growth;
    else if (latestAny.obs.value !== undefined) {
      const earlier = yearEarlier(latestAny.period);
      const prior = seen.find((d) => monthIndex(d.period) === monthIndex(earlier));
      if (prior?.obs.value !== undefined && prior.obs.value !== 0) growth = latestAny.obs.value / prior.obs.value - 1;
    }
  }

  let progress: Figure = null;
  if (latest !== null && ind.target) progress = ratio(latest - (base ?? 0), ind.target.value - (base ?? 0));

  let cagr: Figure = null;
  let requiredCagr: Figure = null;
  if (kind === 'level' && latest !== null && latestValued) {
    const at = monthIndex(latestValued.period);
    if (ind.baseline) cagr = annualRate(ind.baseline.value, latest, (at - monthIndex(period(ind.baseline.period))) / 12);
    if (ind.target) requiredCagr = annualRate(latest, ind.target.value, (monthIndex(period(ind.target.period)) - at) / 12);
  }

  return {
    latest,
    latestPeriod: (kind === 'level' ? latestValued : latestAny)?.obs.period ?? null,
    growth,
    progress,
    cagr,
    requiredCagr,
  };
}

export function reportFigures(data: ReportData): ReportFigures {
  const date = reportDate(data);
  const reportPeriod = period(data.report.period);
  return {
    plans: (data.plans ?? []).map((p) => planFigures(p, date)),
    catalogs: (data.catalogs ?? []).map(catalogFigures),
    indicators: (data.indicators ?? []).map((i) => indicatorFigures(i, reportPeriod)),
  };
}
