/**
 * What reading one cell gives: a value, or a problem saying what was found
 * and what was expected. Problems carry no sentence, only their kind, so that
 * each command words them in the user's language (messages.ts).
 */
import type { GridValue } from '../read/grid';
import { visible } from './text';

/** What a cell was expected to hold. */
export type Expected = 'value' | 'text' | 'id' | 'status' | 'category' | 'kind' | 'format' | 'date' | 'period' | 'number' | 'percent' | 'whole';

/** A detail that helps to put the value right. */
export type Hint =
  /** A formula where a typed value was expected. */
  | 'formula'
  /** A date without its year (`6月底`). */
  | 'no-year'
  /** A date that is no day of the calendar (`2022-02-30`). */
  | 'no-such-date'
  /** A share over 100% where at most 100% is allowed. */
  | 'over-100'
  /** A whole number over 1 in a share without a % sign (60 for 60%). */
  | 'percent-sign'
  /** A negative number where 0 or more was expected. */
  | 'negative'
  /** A comma that is no thousands separator (`1234,5`): perhaps a decimal comma. */
  | 'decimal-comma'
  /** Not a date where only a date or a blank cell is read (no `长期`: a completion or listing date). */
  | 'date-only';

export interface ValueProblem {
  expected: Expected;
  /** The value as found, for messages (which quote it): text on one line and cut, invisible characters spelled out (`<U+200B>`), dates as YYYY-MM-DD, a formula with its `=`. */
  got: string;
  hint?: Hint;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function problem(expected: Expected, v: GridValue, hint?: Hint): { ok: false; problem: ValueProblem } {
  return { ok: false, problem: hint ? { expected, got: shown(v), hint } : { expected, got: shown(v) } };
}

/** A cell's value as a message shows it. */
export function shown(v: GridValue): string {
  if (v === null) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? 'an invalid date' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') return `=${v.formula.length > 40 ? `${v.formula.slice(0, 37)}...` : v.formula}`;
  if (typeof v === 'string') {
    const chars = Array.from(v.replace(/\r\n|\r|\n/g, ' '));
    return visible(chars.length > 40 ? `${chars.slice(0, 37).join('')}...` : chars.join(''));
  }
  return String(v);
}
