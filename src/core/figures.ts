/**
 * The figures of data-format.md, computed from validated data. These are the
 * values a spreadsheet engine must arrive at from the workbook's formulas; the
 * writers store them as the formulas' cached results.
 *
 * `null` is a figure that cannot be computed (shown blank in the workbook).
 */
import { reportDate } from './report-defaults';
import { monthIndex, nextPeriod, period, periodEnd, periodStart, yearEarlier, type Period } from './periods';
import {
  CATEGORIES,
  type CatalogEntry,
  type Category,
  type Indicator,
  type Measure,
  type Observation,
  type StreamableCatalog,
  type StreamableData,
  type StreamablePlan,
} from './schema';

export type Figure = number | null;

export interface MeasureCounts {
  measures: number;
  completed: number;
  cancelled: number;
  completionRate: Figure;
}

export interface PlanFigures extends MeasureCounts {
  overdue: number;
  /** Completed measures whose completion date falls within the reporting period. */
  completedInPeriod: number;
  /** Measures neither completed nor cancelled that are due within the next period. */
  dueNext: number;
  groups: MeasureCounts[];
}

export interface CatalogFigures {
  products: number;
  enterprises: number;
  /** Blank (null) when no entry has a `hospitals` value: the data says nothing about procurement. */
  adopted: Figure;
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
  /** Each catalog's entries by category (the Summary's categories block). */
  categories: Record<Category, number>[];
  /** Each catalog's distinct enterprise names, in lower case, with their entries (the `_figures` sheet lists them for the Enterprises figure). */
  enterprises: Map<string, number>[];
  indicators: IndicatorFigures[];
}

/** A figure that overflows (extreme but finite data: cumulative values of 1e308) is blank, like any that cannot be computed. */
const finite = (v: Figure): Figure => (v !== null && Number.isFinite(v) ? v : null);

function ratio(numerator: number, denominator: number): Figure {
  return denominator === 0 ? null : finite(numerator / denominator);
}

interface Tally {
  measures: number;
  completed: number;
  cancelled: number;
}

const zero = (): Tally => ({ measures: 0, completed: 0, cancelled: 0 });

function countOne(t: Tally, status: Measure['status']): void {
  t.measures++;
  if (status === 'completed') t.completed++;
  else if (status === 'cancelled') t.cancelled++;
}

function counts(t: Tally): MeasureCounts {
  return { ...t, completionRate: ratio(t.completed, t.measures - t.cancelled) };
}

/**
 * A plan's measures counted one at a time, in any order, keeping only counts:
 * what the figures need when the measures are read as a stream rather than
 * held (a large data file). The plan's groups and the report date may come
 * later in the file, so counts are kept by group name (ignoring case) and
 * open measures by due date, and resolved by figures().
 */
export class PlanTally {
  private readonly all = zero();
  private readonly byGroup = new Map<string, Tally>();
  /** Measures neither completed nor cancelled, by due date. */
  private readonly openByDue = new Map<string, number>();
  /** Completed measures, by completion date. */
  private readonly completedOn = new Map<string, number>();

  add(m: Measure): void {
    countOne(this.all, m.status);
    if (m.group !== undefined) {
      const key = m.group.toLowerCase();
      let t = this.byGroup.get(key);
      if (!t) this.byGroup.set(key, (t = zero()));
      countOne(t, m.status);
    }
    if (m.due !== undefined && m.status !== 'completed' && m.status !== 'cancelled') this.openByDue.set(m.due, (this.openByDue.get(m.due) ?? 0) + 1);
    if (m.status === 'completed' && m.completed !== undefined) this.completedOn.set(m.completed, (this.completedOn.get(m.completed) ?? 0) + 1);
  }

  get measures(): number {
    return this.all.measures;
  }

  /** The groups the measures name, in lower case. */
  groupsNamed(): IterableIterator<string> {
    return this.byGroup.keys();
  }

  /** `date`: the report date (overdue is due before it); `reportPeriod`: the period whose completions and next period's dues are counted. */
  figures(groups: string[] | undefined, date: string, reportPeriod: Period): PlanFigures {
    const window = periodWindow(reportPeriod);
    let overdue = 0;
    let dueNext = 0;
    for (const [due, n] of this.openByDue) {
      if (due < date) overdue += n;
      if (due > window.end && due <= window.nextEnd) dueNext += n;
    }
    let completedInPeriod = 0;
    for (const [on, n] of this.completedOn) if (on >= window.start && on <= window.end) completedInPeriod += n;
    return { ...counts(this.all), overdue, completedInPeriod, dueNext, groups: (groups ?? []).map((g) => counts(this.byGroup.get(g.toLowerCase()) ?? zero())) };
  }
}

/** The first and last days of a reporting period, and the last day of the next one (ISO dates). */
export function periodWindow(p: Period): { start: string; end: string; nextEnd: string } {
  return { start: periodStart(p), end: periodEnd(p), nextEnd: periodEnd(nextPeriod(p)) };
}

export function planFigures(plan: StreamablePlan, date: string, reportPeriod: Period): PlanFigures {
  const tally = new PlanTally();
  for (const m of plan.measures) tally.add(m);
  return tally.figures(plan.groups, date, reportPeriod);
}

/** A catalog's entries counted one at a time (see PlanTally); distinct enterprises need their names. */
export class CatalogTally {
  private products = 0;
  private adopted = 0;
  /** Entries with a `hospitals` value: with none, Adopted and AdoptionRate are blank. */
  private withHospitals = 0;
  /** Entries by enterprise name as written, folded to lower case only when asked (one lowering a name, not an entry). */
  private readonly written = new Map<string, number>();
  private sealed = false;
  private readonly byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

  add(e: CatalogEntry): void {
    if (this.sealed) throw new Error('a sealed catalog tally cannot count more entries');
    this.products++;
    this.written.set(e.enterprise, (this.written.get(e.enterprise) ?? 0) + 1);
    if (e.hospitals !== undefined) this.withHospitals++;
    if ((e.hospitals ?? 0) >= 1) this.adopted++;
    this.byCategory[e.category]++;
  }

  get entries(): number {
    return this.products;
  }

  /** No more entries will come. */
  seal(): void {
    this.sealed = true;
  }

  /** The distinct enterprise names, in lower case, each with its number of entries. */
  names(): Map<string, number> {
    // In the order each name (ignoring case) first occurs, as counting by lower case would give.
    const names = new Map<string, number>();
    for (const [name, n] of this.written) {
      const key = name.toLowerCase();
      names.set(key, (names.get(key) ?? 0) + n);
    }
    return names;
  }

  figures(): CatalogFigures {
    const known = this.withHospitals > 0;
    return {
      products: this.products,
      enterprises: this.names().size,
      adopted: known ? this.adopted : null,
      adoptionRate: known ? ratio(this.adopted, this.products) : null,
    };
  }

  /** Entries by category. */
  categories(): Record<Category, number> {
    return { ...this.byCategory };
  }
}

export function catalogFigures(catalog: StreamableCatalog): CatalogFigures {
  const tally = new CatalogTally();
  for (const e of catalog.entries) tally.add(e);
  return tally.figures();
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
  const seen: Dated[] = ind.observations.map((obs) => ({ obs, period: period(obs.period) })).filter((d) => monthIndex(d.period) <= end);
  const latestOf = (list: Dated[]) =>
    list.reduce<Dated | undefined>((best, d) => (!best || monthIndex(d.period) > monthIndex(best.period) ? d : best), undefined);

  const latestAny = latestOf(seen);
  const latestValued = latestOf(seen.filter((d) => d.obs.value !== undefined));
  const kind = ind.kind ?? 'level';
  const base = ind.baseline?.value;

  let latest: Figure;
  // A cumulative total without any observation yet is blank (null), not its baseline: the data says nothing.
  if (kind === 'cumulative') latest = latestAny ? (base ?? 0) + seen.reduce((sum, d) => sum + (d.obs.value ?? 0), 0) : null;
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
    // Blank once the report period ends at or after the target period's end: no time is left to grow in.
    const targetEnd = ind.target && monthIndex(period(ind.target.period));
    if (ind.target && targetEnd !== undefined && targetEnd > end) requiredCagr = annualRate(latest, ind.target.value, (targetEnd - at) / 12);
  }

  return {
    latest: finite(latest),
    // A level's latest value, else (growth only) its latest observation: the period its Latest or Growth is of.
    latestPeriod: ((kind === 'level' ? latestValued : undefined) ?? latestAny)?.obs.period ?? null,
    growth: finite(growth),
    progress: finite(progress),
    cagr,
    requiredCagr,
  };
}

export function reportFigures(data: StreamableData): ReportFigures {
  const date = reportDate(data);
  const reportPeriod = period(data.report.period);
  const catalogs = (data.catalogs ?? []).map((c) => {
    const tally = new CatalogTally();
    for (const e of c.entries) tally.add(e);
    return tally;
  });
  return {
    plans: (data.plans ?? []).map((p) => planFigures(p, date, reportPeriod)),
    catalogs: catalogs.map((t) => t.figures()),
    categories: catalogs.map((t) => t.categories()),
    enterprises: catalogs.map((t) => t.names()),
    indicators: (data.indicators ?? []).map((i) => indicatorFigures(i, reportPeriod)),
  };
}
