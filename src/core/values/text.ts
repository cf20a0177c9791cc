/** A cell's text, and text made plain for recognizing words, numbers and dates in it. */
import { isBlank, isFormula, type GridValue } from '../read/grid';

/**
 * Text as typed, made comparable: full-width digits, letters and signs
 * turned into their ASCII forms (NFKC: `２０２２年６月` -> `2022年6月`,
 * `６０％` -> `60%`), spaces of every width removed at the ends and run
 * together inside, lower case.
 */
export function plain(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `plain` without any spaces: for words, where `已 完成` and `in progress` / `inprogress` compare alike. */
export function compact(s: string): string {
  return plain(s).replace(/[\s_-]+/g, '');
}

function isoOf(d: Date): string | undefined {
  return isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/**
 * A cell's text as a data file keeps it (a title, a lead, a note): trimmed;
 * a number in its shortest form, a date as YYYY-MM-DD, a truth value as
 * TRUE or FALSE; blank, a blank-looking text and a formula as null.
 */
export function cellText(v: GridValue): string | null {
  if (isBlank(v) || isFormula(v)) return null;
  if (v instanceof Date) return isoOf(v) ?? null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** What officials write in a cell that has nothing to say: a dash, a slash, 无, 暂无, N/A. */
const BLANK_MARKS = new Set(['-', '--', '—', '——', '/', '无', '暂无', 'n/a', 'na', 'none']);

/** Blank, spaces only, or a blank mark (see BLANK_MARKS). */
export function isBlankMark(v: GridValue): boolean {
  return v === null || (typeof v === 'string' && (v.trim() === '' || BLANK_MARKS.has(plain(v))));
}
