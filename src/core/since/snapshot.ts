/**
 * A report's headline figures at one point in time: what the Summary shows
 * per plan, group, catalog and indicator, under the names of its figures.
 * A report made `--since` an earlier one carries the earlier one's snapshot
 * (its previous values) and every snapshot before it (its trend) in its
 * record, so that the chain of quarterly workbooks an office keeps is its
 * own history.
 */
import { z } from 'zod';
import type { Figure, ReportFigures } from '../figures';
import { nameKey } from '../rules';
import type { StreamableData } from '../schema';

/** One headline figure: its workbook name, the item it belongs to, and which figure it is. */
export interface Headline {
  name: string;
  /** The plan, catalog or indicator id the figure belongs to. */
  owner: string;
  /** A group's figure: the group. */
  group?: string;
  figure: HeadlineFigure;
  value: Figure;
}

export type HeadlineFigure =
  | 'measures'
  | 'completed'
  | 'completionRate'
  | 'overdue'
  | 'completedInPeriod'
  | 'dueNext'
  | 'products'
  | 'enterprises'
  | 'adopted'
  | 'adoptionRate'
  | 'latest'
  | 'growth'
  | 'progress'
  | 'cagr'
  | 'requiredCagr';

/** Figures shown as rates (percentages); the others are counts or values. */
export const RATE_FIGURES: ReadonlySet<HeadlineFigure> = new Set(['completionRate', 'adoptionRate', 'growth', 'progress', 'cagr', 'requiredCagr']);

const NAME_SUFFIX: Record<HeadlineFigure, string> = {
  measures: 'Measures',
  completed: 'Completed',
  completionRate: 'CompletionRate',
  overdue: 'Overdue',
  completedInPeriod: 'CompletedInPeriod',
  dueNext: 'DueNext',
  products: 'Products',
  enterprises: 'Enterprises',
  adopted: 'Adopted',
  adoptionRate: 'AdoptionRate',
  latest: 'Latest',
  growth: 'Growth',
  progress: 'Progress',
  cagr: 'CAGR',
  requiredCagr: 'RequiredCAGR',
};

/** Which parts of the data a report shows figures of. */
export interface HeadlineParts {
  plans: boolean;
  groups: boolean;
  catalogs: boolean;
  indicators: boolean;
}

/** The item a figure belongs to as the Trend shows it: a plan id, `plan id · group`, a catalog id or an indicator id. */
export const headlineItem = (h: Pick<Headline, 'owner' | 'group'>): string => (h.group === undefined ? h.owner : `${h.owner} · ${h.group}`);

/** Every headline figure of a report, in the Summary's order, named as workbook.md names them. */
export function headlines(data: StreamableData, f: ReportFigures, parts: HeadlineParts): Headline[] {
  const out: Headline[] = [];
  const put = (prefix: string, owner: string, figure: HeadlineFigure, value: Figure, group?: string) =>
    out.push({
      name: `${prefix}_${NAME_SUFFIX[figure]}`,
      owner,
      figure,
      value,
      ...(group === undefined ? {} : { group }),
    });
  if (parts.plans)
    (data.plans ?? []).forEach((p, i) => {
      const pf = f.plans[i];
      const K = `Plan_${nameKey(p.id)}`;
      for (const fig of ['measures', 'completed', 'completionRate', 'overdue', 'completedInPeriod', 'dueNext'] as const) put(K, p.id, fig, pf[fig]);
    });
  if (parts.plans && parts.groups)
    (data.plans ?? []).forEach((p, i) =>
      (p.groups ?? []).forEach((g, n) => {
        const gf = f.plans[i].groups[n];
        for (const fig of ['measures', 'completed', 'completionRate'] as const) put(`Plan_${nameKey(p.id)}_Group${n + 1}`, p.id, fig, gf[fig], g);
      }),
    );
  if (parts.catalogs)
    (data.catalogs ?? []).forEach((c, i) => {
      const cf = f.catalogs[i];
      for (const fig of ['products', 'enterprises', 'adopted', 'adoptionRate'] as const) put(`Catalog_${nameKey(c.id)}`, c.id, fig, cf[fig]);
    });
  if (parts.indicators)
    (data.indicators ?? []).forEach((ind, i) => {
      const v = f.indicators[i];
      for (const fig of ['latest', 'growth', 'progress', 'cagr', 'requiredCagr'] as const) put(`Indicator_${nameKey(ind.id)}`, ind.id, fig, v[fig]);
    });
  return out;
}

/** A report's headline figures at its period. */
export interface Snapshot {
  period: string;
  /** Plan id -> title, for the trend's legend (titles can change; the id is the key). */
  plans: { id: string; title: string }[];
  /** Figure name -> value (null: blank). */
  figures: Record<string, number | null>;
}

export const snapshotSchema = z.object({
  period: z.string(),
  plans: z.array(z.object({ id: z.string(), title: z.string() })),
  figures: z.record(z.string(), z.number().nullable()),
});

export const historySchema = z.array(snapshotSchema, { error: 'expected a list of earlier reports' });

export function snapshotOf(data: StreamableData, f: ReportFigures, parts: HeadlineParts): Snapshot {
  return {
    period: String(data.report.period),
    plans: parts.plans ? (data.plans ?? []).map((p) => ({ id: p.id, title: p.title })) : [],
    figures: Object.fromEntries(headlines(data, f, parts).map((h) => [h.name, h.value])),
  };
}
