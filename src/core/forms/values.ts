/**
 * Reading one cell of a returned form: what a department typed, in Excel,
 * WPS or LibreOffice, in either language, turned into the data's value, or a
 * message saying what was expected. A formula is never a value.
 */
import { labelsFor } from '../i18n';
import type { Labels } from '../i18n/labels';
import { isIsoDate, serialToDate } from '../periods';
import { CATEGORIES, LOCALES, STATUSES, type Category, type Locale, type Status } from '../schema';
import { isBlank, isFormula, type GridValue } from '../read/grid';
import type { ColumnType, Scalar } from './form';

export type Read = { value: Scalar } | { problem: string };

/** Words of every language (and the data's own tokens) for each value of a list, ignoring case. */
function wordsOf<T extends string>(values: readonly T[], pick: (l: Labels) => Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(v.toLowerCase(), v);
    for (const locale of LOCALES) map.set(pick(labelsFor(locale))[v].trim().toLowerCase(), v);
  }
  return map;
}
const STATUS_WORDS = wordsOf<Status>(STATUSES, (l) => l.statuses);
const CATEGORY_WORDS = wordsOf<Category>(CATEGORIES, (l) => l.categories);

const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');

export function show(v: GridValue): string {
  if (v instanceof Date) return isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return String(v);
}

function isoOf(d: Date): string | undefined {
  return isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** A date typed as text: 2024-06-30, 2024/6/30, 2024.6.30 or 2024年6月30日. */
function dateText(s: string): string | undefined {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A number typed as text: `1,234.5`, ` 7 `, `13.7%` (a percentage, when allowed). */
function numberText(s: string, percent: boolean): number | undefined {
  let t = s.trim().replace(/,/g, '');
  let scale = 1;
  if (percent && /%$/.test(t)) {
    t = t.slice(0, -1).trim();
    scale = 100;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t) / scale;
  return Number.isFinite(n) ? n + 0 : undefined;
}

/** Text as a data file keeps it: a date typed in a text column becomes YYYY-MM-DD, a number its shortest form. */
export function textOf(v: GridValue): string | null {
  if (isBlank(v) || isFormula(v)) return null;
  if (v instanceof Date) return isoOf(v) ?? null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The days from 1900-01-00 to 1904-01-01: a serial of the 1904 date system is this many days later in the 1900 system. */
export const DAYS_1904 = 1462;

/** The ISO date of a serial number in the workbook's date system. */
export function serialDate(serial: number, date1904: boolean): string {
  return serialToDate(date1904 ? serial + DAYS_1904 : serial);
}

/**
 * A locked cell as the digest sees it: text as text, dates as YYYY-MM-DD,
 * numbers as numbers, blank as null (what a re-save by another program keeps).
 */
export function lockedValue(type: ColumnType, v: GridValue, date1904 = false): Scalar {
  if (isBlank(v)) return null;
  if (isFormula(v)) return `=${v.formula}`;
  if (type === 'date') {
    if (v instanceof Date) return isoOf(v) ?? null;
    if (typeof v === 'number') return serialDate(v, date1904);
    return String(v).trim();
  }
  // Locked numbers (entry numbers, an indicator's last value) compare as numbers, whatever text a program saved them as.
  if (type === 'entryNo' || type === 'number') return typeof v === 'number' ? v : (numberText(String(v), false) ?? String(v));
  return textOf(v);
}

/**
 * A fillable cell's value, or what was wrong with it. `field` names the
 * column in messages; `locale` gives the words listed as expected;
 * `date1904`, the workbook's date system, turns serial numbers into dates.
 */
export function readCell(type: ColumnType, field: string, v: GridValue, locale: Locale, date1904 = false): Read {
  if (isFormula(v))
    return {
      problem: `${field} holds a formula (=${v.formula.slice(0, 40)}${v.formula.length > 40 ? '...' : ''}); expected a value, typed in (formulas are never read)`,
    };
  if (isBlank(v)) return { value: null };
  const labels = labelsFor(locale);
  switch (type) {
    case 'text':
    case 'wrap':
      return { value: textOf(v) };
    case 'status':
    case 'category': {
      const words = type === 'status' ? STATUS_WORDS : CATEGORY_WORDS;
      const found = typeof v === 'string' ? words.get(v.trim().toLowerCase()) : undefined;
      if (found) return { value: found };
      const allowed = type === 'status' ? STATUSES.map((s) => labels.statuses[s]) : CATEGORIES.map((c) => labels.categories[c]);
      return { problem: `${field} ${show(v)} is not one of ${quoted(allowed)}` };
    }
    case 'date': {
      if (v instanceof Date) {
        const iso = isoOf(v);
        if (iso) return { value: iso };
      } else if (typeof v === 'number' && v >= 1 && v < 2958466 - (date1904 ? DAYS_1904 : 0)) return { value: serialDate(v, date1904) };
      else if (typeof v === 'string') {
        const iso = dateText(v);
        if (iso) return { value: iso };
      }
      return { problem: `${field} ${show(v)} is not a date; expected a date such as 2024-06-30` };
    }
    case 'percent': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(v, true) : undefined;
      if (n === undefined || !Number.isFinite(n)) return { problem: `${field} ${show(v)} is not a number; expected a percentage such as 60%` };
      if (field === 'progress' && (n < 0 || n > 1)) {
        return {
          problem: `${field} ${show(v)} is not from 0% to 100%; expected a percentage from 0% to 100%${n > 1 && n <= 100 ? ` (type ${n}% for ${n} percent)` : ''}`,
        };
      }
      return { value: n + 0 };
    }
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(v, false) : undefined;
      if (n === undefined || !Number.isFinite(n)) return { problem: `${field} ${show(v)} is not a number; expected a number such as 1234.5` };
      return { value: n + 0 };
    }
    case 'whole': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(v, false) : undefined;
      if (n === undefined || !Number.isInteger(n) || n < 0)
        return { problem: `${field} ${show(v)} is not a whole number of 0 or more; expected a count such as 3` };
      return { value: n };
    }
    case 'entryNo':
      return { value: lockedValue(type, v) };
  }
}

/**
 * Equal as spreadsheet programs keep them: numbers to 15 significant digits
 * (what LibreOffice writes), text exactly but for line ends (some programs
 * save a cell's CR LF as LF).
 */
export function sameValue(a: Scalar | undefined, b: Scalar | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === 'number' && typeof y === 'number') return x === y || Number(x.toPrecision(15)) === Number(y.toPrecision(15));
  if (typeof x === 'string' && typeof y === 'string' && x !== y) return x.replace(/\r\n?/g, '\n') === y.replace(/\r\n?/g, '\n');
  return x === y;
}
