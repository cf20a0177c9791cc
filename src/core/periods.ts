/**
 * Reporting periods: `2024` (year), `2024-H1` (half), `2024-Q3` (quarter),
 * `2024-07` (month). A period ends on its last day; periods are ordered by
 * their end date. See data-format.md, "Periods".
 */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  /** The period as written in a data file, normalised (`2020`, `2024-Q3`). */
  text: string;
  kind: PeriodKind;
  year: number;
  /** 1..12: the calendar month the period ends in. */
  endMonth: number;
}

const PERIOD_RE = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

/**
 * Periods parsed so far, by their text: a data file has few distinct periods (40 quarters) but parses them once per
 * observation in each of several places (the schema, the rules, the figures, every sheet). Frozen, as they are shared.
 * Bounded: cleared when full, so that a file of many distinct texts costs no more than parsing each.
 */
const PARSED = new Map<string, Period | undefined>();
const MAX_PARSED = 4096;

/** Parses a period; returns undefined when the text is not one. */
export function parsePeriod(input: string | number): Period | undefined {
  const text = typeof input === 'number' ? String(input) : input;
  const known = PARSED.get(text);
  if (known !== undefined || PARSED.has(text)) return known;
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  const p = readPeriod(text);
  PARSED.set(text, p && Object.freeze(p));
  return p;
}

function readPeriod(text: string): Period | undefined {
  const m = PERIOD_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { text, kind: 'half', year, endMonth: Number(m[2]) * 6 };
  if (m[3]) return { text, kind: 'quarter', year, endMonth: Number(m[3]) * 3 };
  if (m[4]) return { text, kind: 'month', year, endMonth: Number(m[4]) };
  return { text, kind: 'year', year, endMonth: 12 };
}

export function isPeriod(input: unknown): boolean {
  return (typeof input === 'string' || typeof input === 'number') && parsePeriod(input) !== undefined;
}

/** Parses a period that is known to be valid (validated data). */
export function period(input: string | number): Period {
  const p = parsePeriod(input);
  if (!p) throw new Error(`not a period: ${String(input)}`);
  return p;
}

/** Months since year 0 of the period's end month: the order key of periods. */
export function monthIndex(p: Period): number {
  return p.year * 12 + p.endMonth;
}

/** The distance in years between two periods' end months (may be negative). */
export function yearsBetween(from: Period, to: Period): number {
  return (monthIndex(to) - monthIndex(from)) / 12;
}

/** The last day of the period, as an ISO date `YYYY-MM-DD`. */
export function periodEnd(p: Period): string {
  const last = daysInMonth(p.year, p.endMonth);
  return `${String(p.year).padStart(4, '0')}-${String(p.endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The number of months a period of this kind spans. */
export function periodMonths(p: Period): number {
  return p.kind === 'year' ? 12 : p.kind === 'half' ? 6 : p.kind === 'quarter' ? 3 : 1;
}

/** The first day of the period, as an ISO date. */
export function periodStart(p: Period): string {
  const first = monthIndex(p) - periodMonths(p) + 1;
  const year = Math.floor((first - 1) / 12);
  const month = first - year * 12;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The period of the same kind that follows (`2024-Q4` -> `2025-Q1`, `2024-12` -> `2025-01`). */
export function nextPeriod(p: Period): Period {
  const end = monthIndex(p) + periodMonths(p);
  const year = Math.floor((end - 1) / 12);
  const endMonth = end - year * 12;
  const suffix =
    p.kind === 'year' ? '' : p.kind === 'half' ? `-H${endMonth / 6}` : p.kind === 'quarter' ? `-Q${endMonth / 3}` : `-${String(endMonth).padStart(2, '0')}`;
  return { text: `${year}${suffix}`, kind: p.kind, year, endMonth };
}

/** The period of the same kind one year earlier (`2025-Q1` -> `2024-Q1`). */
export function yearEarlier(p: Period): Period {
  const year = p.year - 1;
  const suffix = p.text.length > 4 ? p.text.slice(4) : '';
  return { ...p, year, text: `${year}${suffix}` };
}

export function comparePeriods(a: Period, b: Period): number {
  return monthIndex(a) - monthIndex(b);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (as Date.UTC counts them). */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: unknown): text is string {
  // As /^(\d{4})-(\d{2})-(\d{2})$/ reads it, by character codes, with no match array made: a catalog's 100,000
  // entries each have a date.
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return false;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else d = d * 10 + c;
  }
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by
 * arithmetic (H. Hinnant's days_from_civil): no Date object, which cost
 * seconds over the two million dates of a million measures.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** The serial number of 1970-01-01 in the 1900 date system. */
const SERIAL_1970 = 25569;

/** The spreadsheet serial number of an ISO date (1900 date system). */
export function dateToSerial(iso: string): number {
  const c = (i: number) => iso.charCodeAt(i) - 48;
  const y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const m = c(5) * 10 + c(6);
  const d = c(8) * 10 + c(9);
  return daysFromCivil(y, m, d) + SERIAL_1970;
}

/** The ISO date of a spreadsheet serial number (whole days). */
export function serialToDate(serial: number): string {
  const dt = new Date(EXCEL_EPOCH_MS + Math.round(serial) * DAY_MS);
  return dt.toISOString().slice(0, 10);
}

/** A Date at UTC midnight for an ISO date: what exceljs expects for a date cell. */
export function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
