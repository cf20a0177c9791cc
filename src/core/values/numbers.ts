/** Numbers, shares and counts as typed: `1,234.5`, `６０％`, `0.6`, `3家`; never `1234,5` (a decimal comma, or a slip?). */
import { isFormula, type GridValue } from '../read/grid';
import { ok, problem, type Parsed } from './problem';
import { isBlankMark, plain } from './text';

/** n / 100 as its decimal reads (13.7 -> 0.137, where 13.7 / 100 gives 0.13699999999999998). */
function hundredth(n: number): number {
  const s = String(n);
  return s.includes('e') ? n / 100 : Number(`${s}e-2`);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/;

/** Commas that separate thousands: `1,234`, `12,345,678.5`; any other comma (`1234,5`, `1,5`) may be a decimal comma. */
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?%?$/;

/**
 * A number typed as text (full width, invisible characters and spaces
 * ignored), with commas only as thousands separators; `%` at the end when
 * `percent` (the number returned as written, not divided). 'comma' for a
 * comma that separates no thousands (`1234,5`), which is refused rather than
 * read as 12345 or guessed as 1234.5.
 */
function numberText(s: string): { n: number; percent: boolean } | 'comma' | undefined {
  let t = plain(s).replace(/\s/g, '');
  if (t.includes(',')) {
    if (!THOUSANDS.test(t)) return /\d,\d/.test(t) ? 'comma' : undefined;
    t = t.replace(/,/g, '');
  }
  const percent = t.endsWith('%');
  if (percent) t = t.slice(0, -1);
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? { n: n + 0, percent } : undefined;
}

/** A finite number (`1,234.5`, `-3`, a number cell). Blank and blank marks (`-`, `/`, `无`) are null. */
export function parseNumber(v: GridValue): Parsed<number | null> {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem('number', v, 'formula');
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v + 0) : problem('number', v);
  if (typeof v !== 'string') return problem('number', v);
  const t = numberText(v);
  if (t === 'comma') return problem('number', v, 'decimal-comma');
  return t && !t.percent ? ok(t.n) : problem('number', v);
}

export interface PercentOptions {
  /** The column's title says its numbers are percentages (`增速（%）`): 13.7 reads as 0.137 (a share of 1 or less is kept as it is). */
  percentColumn?: boolean;
  /** A share of a whole: from 0 to 1 (a measure's progress). */
  share?: boolean;
}

/**
 * A share or a rate as a fraction: `60%` and `0.6` read 0.6 (`60` too,
 * in a column whose title says %). Blank and blank marks are null.
 */
export function parsePercent(v: GridValue, opts: PercentOptions = {}): Parsed<number | null> {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem('percent', v, 'formula');
  let n: number;
  let signed = false;
  if (typeof v === 'number' && Number.isFinite(v)) n = v;
  else if (typeof v === 'string') {
    const t = numberText(v);
    if (t === 'comma') return problem('percent', v, 'decimal-comma');
    if (!t) return problem('percent', v);
    n = t.n;
    signed = t.percent;
  } else return problem('percent', v);
  // In a % column a share of 1 or less is taken as already a fraction (a cell formatted as a percentage holds 0.6 for 60%).
  if (signed || (opts.percentColumn && (!opts.share || n > 1))) n = hundredth(n);
  n += 0;
  if (opts.share) {
    if (n < 0) return problem('percent', v, 'negative');
    if (n > 1) return problem('percent', v, !signed && n <= 100 ? 'percent-sign' : 'over-100');
  }
  return ok(n);
}

/** A count: a whole number of 0 or more (`3`, `3家`, `3个`, `3所`). Blank and blank marks are null. */
export function parseWholeNumber(v: GridValue): Parsed<number | null> {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem('whole', v, 'formula');
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const t = numberText(plain(v).replace(/[家个所]$/, ''));
    if (t === 'comma') return problem('whole', v, 'decimal-comma');
    n = t && !t.percent ? t.n : undefined;
  }
  if (n === undefined || !Number.isInteger(n)) return problem('whole', v);
  if (n < 0) return problem('whole', v, 'negative');
  return ok(n + 0);
}
