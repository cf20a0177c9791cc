/**
 * Dates as officials write them: 2022-06-28, 2022/6/28, 2022.6.28,
 * 2022年6月28日, 20220628; a month (2022年6月, 2022-06, 2022年6月底: its last
 * day; 上旬/中旬/下旬: the 10th, 20th, last day); a year (2022年底, 2022年末,
 * 2022年, 2022: 12-31); a half (2022年上半年: 06-30); a quarter
 * (2022年第三季度, 2022年3季度, 2022-Q3: its last day); a range (2022-2025年,
 * 2022年6月至12月: its end); English (June 2022, 30 June 2022, end of 2022,
 * Q3 2022); a date cell or a spreadsheet date serial. Words for "no date"
 * (长期, 持续推进, ongoing) read as no date, with the words kept.
 */
import { daysInMonth, isIsoDate, serialToDate } from '../periods';
import { isFormula, type GridValue } from '../read/grid';
import { ok, problem, type Parsed } from './problem';
import { compact, isBlankMark, plain } from './text';

/** Words for a task that runs on, with no due date. */
export const ONGOING_WORDS: readonly string[] = [
  '长期',
  '长期推进',
  '长期坚持',
  '长期任务',
  '持续',
  '持续推进',
  '持续开展',
  '持续实施',
  '常态化',
  '常态化推进',
  '每年',
  '每年度',
  '逐年推进',
  'ongoing',
  'long-term',
  'long term',
  'continuous',
  'continuing',
  'every year',
  'annual',
];
const ONGOING = new Set(ONGOING_WORDS.map(compact));

export type DateRead = Parsed<string | null> & {
  /** Set when the cell said the task runs on (`长期`): the text as written. */
  ongoing?: string;
};

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | 'bad' {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'bad';
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : 'bad';
}

const monthEnd = (y: number, m: number) => ymd(y, m, m >= 1 && m <= 12 ? daysInMonth(y, m) : 1);

/** 1..12 for a month's English name or its first three letters (and `sept`). */
function monthOf(name: string): number | undefined {
  const i = MONTHS.findIndex((full) => name === full || name === full.slice(0, 3) || (name === 'sept' && full === 'september'));
  return i >= 0 ? i + 1 : undefined;
}

/** Chinese and numeric spellings, on text without spaces. */
function chineseDate(t: string): string | 'bad' | undefined {
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})[-/.年](\d{1,2})(?:月份?)?(上旬|中旬|下旬|中|底前|末前|底|末)?$/.exec(t);
  if (m) {
    const [y, mo] = [+m[1], +m[2]];
    if (m[3] === '上旬') return ymd(y, mo, 10);
    if (m[3] === '中旬' || m[3] === '中') return ymd(y, mo, 20);
    return monthEnd(y, mo);
  }
  m = /^(\d{4})年?(底前|末前|年底前|年末前|底|末|年底|年末|内|年内|全年)?$/.exec(t);
  if (m) return ymd(+m[1], 12, 31);
  m = /^(\d{4})年?(上半年|年中|下半年|-?h[12])(?:底|末)?$/.exec(t);
  if (m) return /上半年|年中|h1/.test(m[2]) ? ymd(+m[1], 6, 30) : ymd(+m[1], 12, 31);
  m = /^(\d{4})年?第?([一二三四1-4])季度?(?:末|底)?$/.exec(t);
  if (m && /季/.test(t)) return monthEnd(+m[1], (CN_DIGIT[m[2]] ?? +m[2]) * 3);
  m = /^(\d{4})-?q([1-4])$/.exec(t);
  if (m) return monthEnd(+m[1], +m[2] * 3);
  m = /^q([1-4])-?(\d{4})$/.exec(t);
  if (m) return monthEnd(+m[2], +m[1] * 3);
  return undefined;
}

/** English spellings, on plain text (spaces kept). */
function englishDate(t: string): string | 'bad' | undefined {
  let m = /^(?:by )?(?:the )?(?:end(?: of|-)|year-end) ?(\d{4})$/.exec(t);
  if (m) return ymd(+m[1], 12, 31);
  m = /^(?:mid-?|middle of )(\d{4})$/.exec(t);
  if (m) return ymd(+m[1], 6, 30);
  m = /^q([1-4]) ?(\d{4})$/.exec(t);
  if (m) return monthEnd(+m[2], +m[1] * 3);
  m = /^h([12]) ?(\d{4})$/.exec(t);
  if (m) return monthEnd(+m[2], +m[1] * 6);
  m = /^(?:end of )?([a-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m && monthOf(m[1])) return monthEnd(+m[2], monthOf(m[1])!);
  m = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m && monthOf(m[2])) return ymd(+m[3], monthOf(m[2])!, +m[1]);
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && monthOf(m[1])) return ymd(+m[3], monthOf(m[1])!, +m[2]);
  return undefined;
}

/** A range's end (`2022-2025年` -> `2025年`, `2022年6月至12月` -> `2022年12月`), or undefined when the text is no range. */
/** A range's two ends: split at 至, 到, ~ or a dash; at a hyphen only after 年, 月 or 日 or before a year or a month, so that 2022-06-28 is no range. (No look-behind: older Office webviews lack it.) */
const RANGE = /^(.+?)(?:至|到|~|—+|–|([年月日])-|-(?=\d{4}年|\d{1,2}月))(.+)$/;

function rangeEnd(t: string): string | undefined {
  const m = RANGE.exec(t);
  if (!m) return undefined;
  const first = m[1] + (m[2] ?? '');
  const last = m[3];
  const year = /^(\d{4})/.exec(first)?.[1];
  if (!year) return undefined;
  if (/^\d{4}/.test(last)) return last;
  if (/^\d{1,2}月/.test(last)) return `${year}年${last}`;
  return undefined;
}

function fromText(raw: string): DateRead {
  const t = plain(raw);
  if (ONGOING.has(compact(raw))) return { ok: true, value: null, ongoing: raw.trim() };
  const tc = t.replace(/\s+/g, '');
  let iso = chineseDate(tc) ?? englishDate(t);
  if (iso === undefined) {
    const end = rangeEnd(tc);
    if (end !== undefined) iso = chineseDate(end);
  }
  if (iso === 'bad') return problem('date', raw, 'no-such-date');
  if (iso !== undefined) return ok(iso);
  if (!/\d{4}/.test(tc) && /\d|[月日底末季旬]/.test(tc)) return problem('date', raw, 'no-year');
  return problem('date', raw);
}

/** The largest spreadsheet date serial (9999-12-31). */
export const MAX_SERIAL = 2958465;

/** The days from 1900-01-00 to 1904-01-01: a serial of the 1904 date system is this many days later in the 1900 system. */
export const DAYS_1904 = 1462;

export interface DateOptions {
  /** The workbook counts date serials from 1904 (Mac Excel's old date system). */
  date1904?: boolean;
  /**
   * Every number is a date serial (a column of date cells, read through
   * Office.js, which gives dates as serials): 2022 is not read as the end of
   * the year 2022.
   */
  serials?: boolean;
  /** Words for "no date" (`长期`) are refused, not read as no date (a completion date, a listing date). */
  noOngoing?: boolean;
}

/** A date as YYYY-MM-DD, null for blank or an ongoing word (see `ongoing`), or a problem. */
export function parseDateText(v: GridValue, opts: DateOptions = {}): DateRead {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem('date', v, 'formula');
  if (v instanceof Date) return isNaN(v.getTime()) ? problem('date', v) : ok(v.toISOString().slice(0, 10));
  if (typeof v === 'number') {
    if (!opts.serials && Number.isInteger(v) && v >= 1900 && v <= 2100) return ok(`${v}-12-31`);
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return fromText(String(v));
    const shift = opts.date1904 ? DAYS_1904 : 0;
    if (v >= 1 && v + shift <= MAX_SERIAL) return ok(serialToDate(Math.floor(v) + shift));
    return problem('date', v);
  }
  if (typeof v === 'boolean') return problem('date', v);
  const read = fromText(v);
  if (opts.noOngoing && ((read.ok && read.ongoing !== undefined) || (!read.ok && !read.problem.hint))) return problem('date', v, 'date-only');
  return read;
}
