/** The values a data file may leave out, which every reader of it agrees on: the report date and the report locale. */
import { period, periodEnd } from './periods';
import type { Locale, ReportData } from './schema';

/** The report date: `report.date`, or the last day of the report period. */
export function reportDate(data: Pick<ReportData, 'report'>): string {
  return data.report.date ?? periodEnd(period(data.report.period));
}

export function reportLocale(data: Pick<ReportData, 'report'>, override?: Locale): Locale {
  return override ?? data.report.locale ?? 'en';
}
