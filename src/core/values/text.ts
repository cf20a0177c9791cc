/** A cell's text, and text made plain for recognizing words, numbers and dates in it. */
import { isBlank, isFormula, type GridValue } from '../read/grid';

/**
 * Characters that show as nothing (or nearly) and come with pasted text: the
 * zero-width space, non-joiner and joiner, the word joiner, the byte order
 * mark, the soft hyphen, the Mongolian vowel separator and the marks and
 * controls of text direction. `已完成\u200b` looks like `已完成` on screen.
 */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Control characters other than tab and line ends, shown like the invisible ones in messages. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text with its invisible and control characters spelled out (`已完成<U+200B>`), for messages that quote it. */
export function visible(s: string): string {
  const code = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
  return s.replace(INVISIBLE, code).replace(CONTROL, code);
}

/**
 * Text as typed, made comparable: invisible characters dropped (see
 * INVISIBLE), full-width digits, letters and signs turned into their ASCII
 * forms (NFKC: `２０２２年６月` -> `2022年6月`, `６０％` -> `60%`,
 * `Ｃｏｍｐｌｅｔｅｄ` -> `Completed`), spaces of every width removed at the
 * ends and run together inside, lower case.
 */
export function plain(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
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
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  const p = plain(v);
  return p === '' || BLANK_MARKS.has(p);
}
