/**
 * A validated data file, and the values every reader of it agrees on
 * (the report date's default, the report locale).
 */
import { period, periodEnd } from './periods';
import { checkRules } from './rules';
import { dataSchema, type Locale, type ReportData } from './schema';
import { readStructured, type Syntax } from './structured-text';

/** Reads and validates a data file's text; throws an InputError with every problem. */
export function readData(text: string, file: string, syntax?: Syntax): ReportData {
  return readStructured(text, file, dataSchema, checkRules, syntax);
}

/** The report date: `report.date`, or the last day of the report period. */
export function reportDate(data: ReportData): string {
  return data.report.date ?? periodEnd(period(data.report.period));
}

export function reportLocale(data: ReportData, override?: Locale): Locale {
  return override ?? data.report.locale ?? 'en';
}

export interface DataSummary {
  plans: number;
  measures: number;
  catalogs: number;
  entries: number;
  indicators: number;
  observations: number;
}

export function summarize(data: ReportData): DataSummary {
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
