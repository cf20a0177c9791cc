/**
 * Periods, dates and times as each locale writes them in running text
 * (titles, page headers, the About and Instructions sheets). Cells that hold
 * a period or a date as data keep it as data: a period stays `2022-Q3`
 * (formulas and readers parse it), a date stays a date with a number format.
 */
import { parsePeriod } from '../periods';
import type { Locale } from '../schema';

const QUARTERS = ['一', '二', '三', '四'];

/** `2022-Q3` as the locale writes it: 2022年第三季度, 2022年上半年, 2022年7月, 2022年; English keeps the data's form. */
export function periodWords(p: string, locale: Locale): string {
  const parsed = parsePeriod(p);
  if (locale !== 'zh-CN' || !parsed) return p;
  const { year, kind, endMonth } = parsed;
  if (kind === 'quarter') return `${year}年第${QUARTERS[endMonth / 3 - 1]}季度`;
  if (kind === 'half') return `${year}年${endMonth === 6 ? '上' : '下'}半年`;
  if (kind === 'month') return `${year}年${endMonth}月`;
  return `${year}年`;
}

/** `2022-09-20` as the locale writes a date: 2022年9月20日 in zh-CN. */
export function dateWords(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (locale !== 'zh-CN' || !m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO timestamp as local time with its zone: `2026-01-01 08:00 (UTC+08:00)`,
 * `2026年1月1日 08:00（UTC+08:00）`. `offsetMinutes` east of UTC defaults to
 * the zone of the machine (or of the browser, in the add-in) at that time.
 */
export function localTimeWords(iso: string, locale: Locale, offsetMinutes?: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const offset = offsetMinutes ?? -new Date(t).getTimezoneOffset();
  const local = new Date(t + offset * 60_000);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return locale === 'zh-CN' ? `${dateWords(day, locale)} ${time}（${zone}）` : `${day} ${time} (${zone})`;
}
