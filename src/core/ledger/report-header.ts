/**
 * The data file's report header (title, region, period) for an imported
 * ledger: from the options, else from the ledger's title row when it says
 * them (海淀区2022年第三季度重点任务推进台账: region 海淀区, period 2022-Q3).
 * A bare year in a title (2022年重点任务台账) is the plan's year, not the
 * reporting period, and is not taken.
 */
import { isPeriod } from '../periods';
import type { ReportData } from '../schema';
import { parsePeriodText, periodIn } from '../values';
import type { LedgerProblem } from './issues';

export interface ReportOptions {
  region?: string;
  period?: string;
  title?: string;
}

export type Source = 'option' | 'title';

export interface ReportRead {
  report: Partial<ReportData['report']>;
  from: Partial<Record<'region' | 'period' | 'title', Source>>;
  problems: LedgerProblem[];
}

/** A reporting period in a title: a quarter, half or month (2022年第三季度, 2022年上半年, 2022年9月), or a year said to be one (2022年度). */
export function titlePeriod(title: string): string | undefined {
  const found = periodIn(title);
  if (!found) return undefined;
  if (found.period.length > 4) return found.period;
  return /\d{4}\s*(年度|年全年)/.test(title.normalize('NFKC')) ? found.period : undefined;
}

/** A place that begins a title, before its year: 海淀区, 北京市海淀区, 苏州工业园区. */
export function titleRegion(title: string): string | undefined {
  const before = /^(.*?)\d{4}/.exec(title.normalize('NFKC').trim())?.[1].trim();
  return before && /^[\u4e00-\u9fff]{2,15}(?:省|市|区|县|州|盟|旗)$/.test(before) ? before : undefined;
}

export function readReportHeader(titles: string[], opts: ReportOptions): ReportRead {
  const out: ReportRead = { report: {}, from: {}, problems: [] };
  const first = titles[0];
  const region = opts.region ?? titles.map(titleRegion).find((r) => r !== undefined);
  // --period may be written as officials write it (2022年第三季度) or as the data format does (2022-Q3).
  const given = opts.period !== undefined ? parsePeriodText(opts.period) : undefined;
  const period = given ? (given.ok && given.value !== null ? given.value : opts.period) : titles.map(titlePeriod).find((p) => p !== undefined);
  const title = opts.title ?? first;
  if (title !== undefined) {
    out.report.title = title;
    out.from.title = opts.title !== undefined ? 'option' : 'title';
  } else out.problems.push({ issue: { code: 'report', field: 'title' } });
  if (region !== undefined) {
    out.report.region = region;
    out.from.region = opts.region !== undefined ? 'option' : 'title';
  } else out.problems.push({ issue: { code: 'report', field: 'region' } });
  if (period !== undefined && isPeriod(period)) {
    out.report.period = period;
    out.from.period = opts.period !== undefined ? 'option' : 'title';
  } else if (period !== undefined) out.problems.push({ issue: { code: 'bad-period', text: period } });
  else out.problems.push({ issue: { code: 'report', field: 'period' } });
  return out;
}
