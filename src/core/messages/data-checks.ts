/**
 * The data file's fixed sentences (schema.ts), in both languages: a zod
 * issue carries only the English one, and the registry (said.ts) says it in
 * Chinese. A data file is written in the format's words (`completed`, not
 * 已完成), so the Chinese names those words, each with the word the
 * workbook's dropdown shows beside it.
 */
import { zhCN } from '../i18n/zh-CN';
import { said, type Said } from './said';

const MAX_TEXT = 32767;
const FIRST_DATE = '1900-03-01';

export const DATA_CHECKS = {
  text: said('expected text', '应为文字'),
  textTooLong: said(`expected at most ${MAX_TEXT} characters (the limit of one spreadsheet cell)`, `应不超过 ${MAX_TEXT} 个字符（一个单元格最多容纳的字数）`),
  nonEmpty: said('expected non-empty text', '应填写内容，不能为空'),
  idText: said('expected an id (text)', '应为编号（文字）'),
  idPattern: said('expected an id of 1-40 characters A-Z a-z 0-9 . _ -', '应为 1 至 40 个字符的编号，只可使用 A-Z、a-z、0-9 及 . _ -'),
  date: said('expected a date written YYYY-MM-DD', '应为日期，写作 YYYY-MM-DD（如 2022-06-30）'),
  firstDate: said(`expected a date from ${FIRST_DATE} on (Excel shows earlier dates wrongly)`, `应为 ${FIRST_DATE} 及以后的日期（更早的日期 Excel 显示有误）`),
  period: said('expected a period (2024, 2024-H1, 2024-Q3 or 2024-07)', '应为期间，如 2024、2024-H1、2024-Q3 或 2024-07'),
  dateOrPeriod: said('expected a date (YYYY-MM-DD) or a period (2024, 2024-Q3, 2024-07)', '应为日期（YYYY-MM-DD）或期间（如 2024、2024-Q3、2024-07）'),
  periodEnd: said(
    `expected a period that ends on ${FIRST_DATE} or later (Excel shows earlier dates wrongly)`,
    `应为 ${FIRST_DATE} 及以后结束的期间（更早的日期 Excel 显示有误）`,
  ),
  number: said('expected a finite number', '应为数字'),
  share: said('expected a number from 0 to 1', '应为 0 至 1 之间的数（0.6 即 60%）'),
  wholeNumber: said('expected a whole number >= 0', '应为不小于 0 的整数'),
  valueOrGrowth: said('expected a value, a growth, or both', '应填写数值或同比增长，或两项都填'),
  integerDecimals: said(
    'expected no decimals (or 0) for format integer; use format number for decimals',
    '数值格式为 integer（整数）时不应设小数位数（或设为 0）；需要小数请将格式写作 number',
  ),
  mapping: said('expected a mapping of keys to values', '应为若干“键: 值”组成的一组内容'),
  plans: said('expected a list of plans', '应为方案的列表'),
  measures: said('expected a list of measures', '应为措施的列表'),
  groups: said('expected a list of group names', '应为分组名称的列表'),
  catalogs: said('expected a list of catalogs', '应为目录的列表'),
  entries: said('expected a list of catalog entries', '应为目录产品的列表'),
  indicators: said('expected a list of indicators', '应为指标的列表'),
  observations: said('expected a list of observations', '应为观测值的列表'),
} satisfies Record<string, Said>;

/** The Chinese words the workbook shows for the format's words (its dropdowns and labels). */
const WORDS: Record<string, string> = {
  ...zhCN.statuses,
  ...zhCN.categories,
  ...zhCN.kinds,
  ...zhCN.formats,
  en: '英文',
  'zh-CN': '中文',
};

/** `expected one of a | b`: each word with the workbook's Chinese for it, `a（甲）、b（乙）`. */
export function expectedOneOf(values: readonly string[]): Said {
  const zh = values.map((v) => (WORDS[v] ? `${v}（${WORDS[v]}）` : v)).join('、');
  return said(`expected one of ${values.join(' | ')}`, `应为以下之一：${zh}`);
}

/** `expected exactly "plan-report/v1"`. */
export function expectedExactly(text: string): Said {
  return said(`expected exactly "${text}"`, `应为“${text}”`);
}

/** A strict mapping's unknown key: `unknown key; expected one of: id, title` (the key named where it is found). */
export function unknownKey(allowed: readonly string[]): Said {
  return said(`unknown key; expected one of: ${allowed.join(', ')}`, `无法识别的键；应为以下之一：${allowed.join('、')}`);
}
