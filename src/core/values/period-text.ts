/**
 * Reporting periods as officials write them: a year (2022, 2022年, 2022年底),
 * a half (2022年上半年, 2022-H1, H1 2022), a quarter (2022年第三季度,
 * 2022年3季度, 2022-Q3, Q3 2022), a month (2022年6月, 2022-06, 2022/6, a
 * date cell: Excel turns a typed 2022-06 into a date), written as the data
 * format writes periods (2022, 2022-H1, 2022-Q3, 2022-06).
 */
import { isPeriod, parsePeriod } from '../periods';
import { isFormula, type GridValue } from '../read/grid';
import { ok, problem, type Parsed } from './problem';
import { isBlankMark, plain } from './text';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 上: 1, 下: 2 };
const pad = (n: number) => String(n).padStart(2, '0');

function periodOf(t: string): string | undefined {
  let m = /^(\d{4})(?:年|年度|年底|年末)?$/.exec(t);
  if (m) return m[1];
  m = /^(\d{4})年?(上|下)半年$/.exec(t) ?? /^(\d{4})-?h([12])$/.exec(t);
  if (m) return `${m[1]}-H${CN[m[2]] ?? m[2]}`;
  m = /^h([12])(\d{4})$/.exec(t);
  if (m) return `${m[2]}-H${m[1]}`;
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(t);
  if (m && t.includes('季')) return `${m[1]}-Q${CN[m[2]] ?? m[2]}`;
  m = /^(\d{4})-?q([1-4])$/.exec(t);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^q([1-4])(\d{4})$/.exec(t);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^(\d{4})(?:年|[-/.])(\d{1,2})月?份?$/.exec(t);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${m[1]}-${pad(+m[2])}`;
  return undefined;
}

/** A period as the data format writes it (`2022`, `2022-H1`, `2022-Q3`, `2022-06`), null for blank, or a problem. */
export function parsePeriodText(v: GridValue): Parsed<string | null> {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem('period', v, 'formula');
  if (v instanceof Date) return isNaN(v.getTime()) ? problem('period', v) : ok(v.toISOString().slice(0, 7));
  if (typeof v === 'number') {
    if (Number.isInteger(v) && isPeriod(v)) return ok(String(v));
    return problem('period', v);
  }
  if (typeof v !== 'string') return problem('period', v);
  const p = periodOf(plain(v).replace(/\s+/g, ''));
  return p && parsePeriod(p) ? ok(p) : problem('period', v);
}

/** The period a text names somewhere inside it (`2020年基数` -> 2020, `目标值（2025年）` -> 2025), with the text left without it. */
export function periodIn(text: string): { period: string; rest: string } | undefined {
  const t = plain(text).replace(/\s+/g, '');
  const m = /(\d{4})(?:年(?:第?[一二三四1-4]季度|[上下]半年|\d{1,2}月)?|-?q[1-4]|-?h[12])?/.exec(t);
  if (!m) return undefined;
  const period = periodOf(m[0]);
  if (!period) return undefined;
  const rest = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(/[()（）]/g, '');
  return { period, rest };
}
