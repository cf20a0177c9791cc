/**
 * The styles that differ by locale: dates show as 2022-09-20 in English and
 * as 2022年9月20日 in zh-CN, through the cell's number format (the values
 * stay dates, so sorting, filters and formulas are unchanged).
 */
import type { Locale } from '../schema';
import type { StyleName } from './styles';

const DATE_STYLES = { date: 'dateZh', keyDate: 'keyDateZh', inputDate: 'inputDateZh', lockedDate: 'lockedDateZh' } as const;

export type DateStyle = keyof typeof DATE_STYLES;

/** The date style `s` as the locale writes dates. */
export function dateStyle(locale: Locale, s: DateStyle): StyleName {
  return locale === 'zh-CN' ? DATE_STYLES[s] : s;
}
