/**
 * The time axis of an indicator's chart on the dashboard: every period of the
 * indicator's kind from its first observation (or baseline) to the report
 * period, then its target's period. Constant rows, so that each row looks up
 * its own observation by code, whatever the order of the Observations rows.
 */
import { monthIndex, parsePeriod, type Period, type PeriodKind } from '../periods';
import type { Indicator } from '../schema';

/** At most this many periods on one chart's axis (the latest ones, the target's kept). */
export const MAX_AXIS_PERIODS = 60;

const STEP: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

export interface AxisPeriod {
  text: string;
  /** The month index of its end (periods.ts): its observation's code is the indicator's base + this. */
  month: number;
  /** The target's period. */
  target: boolean;
}

/** The period of a kind that ends in month index `m` (which must be a period end of that kind). */
function periodAt(kind: PeriodKind, m: number): string {
  const year = Math.floor((m - 1) / 12);
  const month = m - year * 12;
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}-H${month / 6}`;
    case 'quarter':
      return `${year}-Q${month / 3}`;
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}

/** The last period of a kind that ends by month index `m`. */
function lastEndBy(kind: PeriodKind, m: number): number {
  const step = STEP[kind];
  const year = Math.floor((m - 1) / 12);
  const month = m - year * 12;
  return year * 12 + Math.floor(month / step) * step;
}

/** Whether the indicator's chart has an axis (axisPeriods is not empty: it has an observation or a target), without making it. */
export function hasAxis(ind: Indicator): boolean {
  return ind.observations.some((o) => parsePeriod(o.period)) || (ind.target !== undefined && parsePeriod(ind.target.period) !== undefined);
}

/** The axis of an indicator's chart; empty when it has neither an observation nor a target. */
export function axisPeriods(ind: Indicator, reportPeriod: string): AxisPeriod[] {
  const observed = ind.observations.map((o) => parsePeriod(o.period)).filter((p): p is Period => !!p);
  const target = ind.target ? parsePeriod(ind.target.period) : undefined;
  const baseline = ind.baseline ? parsePeriod(ind.baseline.period) : undefined;
  const report = monthIndex(parsePeriod(reportPeriod)!);
  const kind = observed[0]?.kind ?? target?.kind ?? baseline?.kind;
  if (!kind || (!observed.length && !target)) return [];
  const starts = observed.length ? observed.map(monthIndex) : baseline ? [monthIndex(baseline)] : [];
  const end = lastEndBy(kind, report);
  const first = Math.min(...starts.map((m) => lastEndBy(kind, m)), end);
  const axis: AxisPeriod[] = [];
  for (let m = Math.max(first, end - STEP[kind] * (MAX_AXIS_PERIODS - 1)); m <= end; m += STEP[kind]) {
    axis.push({ text: periodAt(kind, m), month: m, target: false });
  }
  if (target) {
    const t = monthIndex(target);
    const at = axis.find((p) => p.month === t);
    if (at) at.target = true;
    else {
      axis.push({ text: target.text, month: t, target: true });
      axis.sort((a, b) => a.month - b.month);
    }
  }
  return axis;
}
