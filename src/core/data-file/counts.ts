/** What a data file holds, counted: the summary validate, generate and the add-in print. */
import type { StreamableData } from '../schema';

export interface DataSummary {
  plans: number;
  measures: number;
  catalogs: number;
  entries: number;
  indicators: number;
  observations: number;
}

export function summarize(data: StreamableData): DataSummary {
  const plans = data.plans ?? [];
  const catalogs = data.catalogs ?? [];
  const indicators = data.indicators ?? [];
  return {
    plans: plans.length,
    measures: plans.reduce((n, p) => n + p.measures.length, 0),
    catalogs: catalogs.length,
    entries: catalogs.reduce((n, c) => n + c.entries.length, 0),
    indicators: indicators.length,
    observations: indicators.reduce((n, i) => n + i.observations.length, 0),
  };
}
