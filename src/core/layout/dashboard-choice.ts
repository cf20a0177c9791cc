/**
 * Which indicators have a chart of their own on the Dashboard, and which one
 * its selector block shows first (issue 16).
 *
 * A thousand charts is no dashboard: at most `charts` indicators (the
 * template's dashboard section, DASHBOARD_CHARTS by default) get a block of
 * their own. They are chosen in this order: those the template names (in its
 * order), then those with a target, then the rest, each in the order of the
 * Indicators sheet; the blocks are laid out in the order of the Indicators
 * sheet. Only an indicator that can be drawn (an observation or a target)
 * takes a place. When some drawable indicator is left without a chart, the
 * Dashboard adds one selector block (sheets/dashboard-selector.ts) whose
 * dropdown shows any indicator; when every one fits, the Dashboard is as it
 * was before the bound.
 */
import type { Indicator } from '../schema';
import { DASHBOARD_CHARTS } from '../template';
import type { Template } from '../template';
import { hasAxis } from './dashboard-periods';

export interface DashboardChoice {
  /** The 0-based positions of the indicators with a block of their own, ascending. */
  charted: number[];
  /** The 0-based position of the indicator the selector shows first; undefined when every drawable indicator is charted. */
  initial?: number;
}

/** The dashboard section's bound and named indicators. */
export function dashboardSpec(template: Template): { charts: number; indicators: string[] } {
  const section = template.sections.find((s) => s.section === 'dashboard');
  if (section?.section !== 'dashboard') return { charts: DASHBOARD_CHARTS, indicators: [] };
  return { charts: section.charts ?? DASHBOARD_CHARTS, indicators: section.indicators ?? [] };
}

/** The indicators in the order they claim a chart: named, then with a target, then the rest. Ids the data lacks are skipped. */
export function chartOrder(indicators: Indicator[], named: string[]): number[] {
  const position = new Map(indicators.map((ind, i) => [ind.id.toLowerCase(), i]));
  const order: number[] = [];
  const taken = new Set<number>();
  const take = (i: number | undefined) => {
    if (i === undefined || taken.has(i)) return;
    taken.add(i);
    order.push(i);
  };
  for (const id of named) take(position.get(id.toLowerCase()));
  indicators.forEach((ind, i) => ind.target && take(i));
  indicators.forEach((_ind, i) => take(i));
  return order;
}

export function dashboardChoice(indicators: Indicator[], template: Template): DashboardChoice {
  const spec = dashboardSpec(template);
  const drawable = chartOrder(indicators, spec.indicators).filter((i) => hasAxis(indicators[i]));
  const charted = drawable.slice(0, spec.charts).sort((a, b) => a - b);
  const left = drawable.slice(spec.charts).sort((a, b) => a - b);
  if (!left.length) return { charted };
  // The first indicator left without a chart that has an observation to show, else the first left.
  return { charted, initial: left.find((i) => indicators[i].observations.length > 0) ?? left[0] };
}
