/**
 * Reading one cell of a returned form: what a department typed, in Excel,
 * WPS or LibreOffice, in either language, turned into the data's value, or a
 * message saying what was expected. A formula is never a value.
 */
import { serialToDate } from '../periods';
import type { Locale } from '../schema';
import { isBlank, isFormula, type GridValue } from '../read/grid';
import {
  DAYS_1904,
  describeValueProblem,
  MAX_SERIAL,
  parseCategoryWord,
  parseDateText,
  parseNumber,
  parsePercent,
  parseStatusWord,
  parseWholeNumber,
  problem,
  visible,
  type Parsed,
} from '../values';
import { cellProblem } from '../messages/cell-words';
import type { Said } from '../messages/said';
import type { ColumnType, FormKind, Scalar } from './form';
import { columnTitle } from './column-titles';

export { DAYS_1904 } from '../values';

export type Read = { value: Scalar } | { problem: string };

export function show(v: GridValue): string {
  if (v instanceof Date) return isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return visible(JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v));
  return String(v);
}

function isoOf(d: Date): string | undefined {
  return isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** A number typed as text in an entry number cell: `12`, ` 12 `. */
function entryNumber(s: string): number | undefined {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Text as a data file keeps it: a date typed in a text column becomes YYYY-MM-DD, a number its shortest form. */
export function textOf(v: GridValue): string | null {
  if (isBlank(v) || isFormula(v)) return null;
  if (v instanceof Date) return isoOf(v) ?? null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * The ISO date of a serial number in the workbook's date system; a number no
 * date has (below 1, past 9999-12-31, not finite: a damaged or hand-typed
 * cell) is given back as its text, which no locked date equals.
 */
export function serialDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + DAYS_1904 : serial;
  return days >= 1 && Math.round(days) <= MAX_SERIAL ? serialToDate(days) : String(serial);
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
  if (type === 'entryNo') return typeof v === 'number' ? v : (entryNumber(String(v)) ?? String(v));
  if (type === 'number') {
    if (typeof v === 'number') return v;
    const read = parseNumber(v);
    return read.ok && read.value !== null ? read.value : String(v);
  }
  return textOf(v);
}

/** A fillable cell read by the one reader of cell values (core/values), as its column's type. */
function parsed(type: ColumnType, field: string, v: GridValue, date1904: boolean): Parsed<Scalar> {
  if (isFormula(v)) return problem('value', v, 'formula');
  switch (type) {
    case 'text':
    case 'wrap':
      return { ok: true, value: textOf(v) };
    case 'status': {
      const read = parseStatusWord(v);
      // A status word that begins a longer text (`已完成，...`) is for a ledger, whose text goes to the note; a form has its own note column.
      return read.ok && read.remark !== undefined ? problem('status', v) : read;
    }
    case 'category':
      return parseCategoryWord(v);
    case 'date':
      // Numbers are date serials: a date cell read through Office.js is one.
      return parseDateText(v, { date1904, serials: true, noOngoing: true });
    case 'percent':
      return parsePercent(v, { share: field === 'progress' });
    case 'number': {
      // A share typed as 30% is 0.3, as a cell formatted as a percentage holds it: 30% and 0.3 mean the same.
      const share = parsePercent(v);
      return share.ok ? share : parseNumber(v);
    }
    case 'whole':
      return parseWholeNumber(v);
    case 'entryNo':
      return { ok: true, value: lockedValue(type, v) };
  }
}

/**
 * A fillable cell's value, or what was wrong with it. `field` names the
 * column in messages; `locale` is the messages' language; `date1904`, the
 * workbook's date system, turns serial numbers into dates. Text, numbers,
 * dates, percentages and words are read as everywhere else (core/values):
 * full width and invisible characters ignored, officials' spellings
 * (`2022/6/28`, `2022年6月28日`, `60%`, `已完成`) accepted.
 */
export function readCell(type: ColumnType, field: string, v: GridValue, locale: Locale = 'en', date1904 = false): Read {
  if (isBlank(v) && !isFormula(v)) return { value: null };
  const read = parsed(type, field, v, date1904);
  if (read.ok) return { value: read.value };
  return { problem: `${field}: ${describeValueProblem(read.problem, locale)}` };
}

/**
 * A returned form's fillable cell: its value, or what was wrong with it in
 * both languages, the Chinese naming the column by its title in the form
 * (`form`: the form's kind and language) and a drop-down's own words.
 */
export function readFormCell(
  type: ColumnType,
  field: string,
  v: GridValue,
  form: { kind: FormKind; locale: Locale },
  date1904 = false,
): { value: Scalar } | { problem: Said } {
  if (isBlank(v) && !isFormula(v)) return { value: null };
  const read = parsed(type, field, v, date1904);
  if (read.ok) return { value: read.value };
  return { problem: cellProblem(field, columnTitle(form.kind, field, form.locale), read.problem, form.locale) };
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
