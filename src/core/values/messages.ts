/**
 * A value problem as a sentence in the user's language: what was found, and
 * what to write instead. The words listed are the report's own (i18n), so a
 * message names what the user sees in the workbook.
 */
import { labelsFor } from '../i18n';
import { CATEGORIES, type Locale } from '../schema';
import type { ValueProblem } from './problem';
import { statusLabels } from './words';

type Say = (got: string, p: ValueProblem) => string;

/** A comma that separates no thousands: which number was meant cannot be told. */
const COMMA: Record<Locale, (g: string) => string> = {
  en: (g) => {
    const [a, b] = [g.replace(/[,，]/, '.'), g.replace(/[,，]/g, '')];
    return `"${g}" has a comma that separates no thousands; expected a number with a decimal point (write ${a}, or ${b} if the comma was a slip)`;
  },
  'zh-CN': (g) => {
    const [a, b] = [g.replace(/[,，]/, '.'), g.replace(/[,，]/g, '')];
    return `“${g}”中的逗号不是千位分隔符，无法判断所指数值；小数请用小数点（写作 ${a}；如逗号为误录入，写作 ${b}）`;
  },
};

const en: Record<ValueProblem['expected'], Say> = {
  value: (g) => `"${g}" is not a value; expected a value typed in`,
  text: (g) => `"${g}" is not text; expected text`,
  id: (g) => `"${g}" is not an id; expected 1-40 letters A-Z a-z, digits 0-9 and . _ - (or a blank cell, for an id made from the row)`,
  status: (g) => `"${g}" is not a status; expected one of: ${statusLabels(labelsFor('zh-CN')).join(', ')} (or ${statusLabels(labelsFor('en')).join(', ')})`,
  category: (g) =>
    `"${g}" is not a product category; expected one of: ${CATEGORIES.map((c) => labelsFor('zh-CN').categories[c]).join(', ')} (or ${CATEGORIES.join(', ')})`,
  kind: (g) => `"${g}" is not a kind of indicator; expected 水平值 or 累计值 (level or cumulative)`,
  format: (g) => `"${g}" is not a value format; expected 百分比, 整数 or 数值 (percent, integer or number)`,
  date: (g, p) =>
    p.hint === 'no-year'
      ? `"${g}" has no year; expected a date with its year, such as 2022年6月底 or 2022-06-30`
      : p.hint === 'no-such-date'
        ? `"${g}" is no day of the calendar; expected a real date`
        : p.hint === 'date-only'
          ? `"${g}" is not a date; expected a date such as 2022-06-30, 2022/6/30 or 2022年6月30日 (or a blank cell)`
          : `"${g}" is not a date; expected a date such as 2022-06-30, 2022/6/30, 2022年6月30日, 2022年6月, 2022年底 or 2022年第三季度 (or 长期 for none)`,
  period: (g) => `"${g}" is not a period; expected a year, half, quarter or month such as 2022, 2022年上半年, 2022年第三季度, 2022年6月 or 2022-Q3`,
  number: (g) => `"${g}" is not a number; expected a number such as 1234.5`,
  percent: (g, p) =>
    p.hint === 'over-100'
      ? `"${g}" is over 100%; expected a share from 0% to 100%`
      : p.hint === 'percent-sign'
        ? `"${g}" is over 1; expected a share from 0 to 1 (write ${g}% for ${g} percent)`
        : p.hint === 'negative'
          ? `"${g}" is negative; expected a share from 0% to 100%`
          : `"${g}" is not a percentage; expected a percentage such as 60% or 0.6`,
  whole: (g, p) => (p.hint === 'negative' ? `"${g}" is negative; expected a count of 0 or more` : `"${g}" is not a whole number; expected a count such as 3`),
};

const zh: Record<ValueProblem['expected'], Say> = {
  value: (g) => `“${g}”不是数值；应为直接录入的值`,
  text: (g) => `“${g}”不是文字；应为文字`,
  id: (g) => `“${g}”不能用作编号；编号应由1至40个字母、数字或 . _ - 组成（留空则按行自动编号）`,
  status: (g) => `“${g}”不是可识别的完成情况；应为以下之一：${statusLabels(labelsFor('zh-CN')).join('、')}`,
  category: (g) => `“${g}”不是可识别的产品类别；应为以下之一：${CATEGORIES.map((c) => labelsFor('zh-CN').categories[c]).join('、')}`,
  kind: (g) => `“${g}”不是可识别的指标类型；应为“水平值”或“累计值”`,
  format: (g) => `“${g}”不是可识别的数值格式；应为“百分比”“整数”或“数值”`,
  date: (g, p) =>
    p.hint === 'no-year'
      ? `“${g}”缺少年份；应写明年份，如 2022年6月底 或 2022-06-30`
      : p.hint === 'no-such-date'
        ? `“${g}”不是日历上存在的日期；请核对年、月、日`
        : p.hint === 'date-only'
          ? `“${g}”不是可识别的日期；应写作 2022-06-30、2022/6/30 或 2022年6月30日（没有日期请留空）`
          : `“${g}”不是可识别的日期；应写作 2022-06-30、2022/6/30、2022年6月30日、2022年6月、2022年底 或 2022年第三季度（无固定时限的写“长期”）`,
  period: (g) => `“${g}”不是可识别的期间；应为年、半年、季度或月，如 2022年、2022年上半年、2022年第三季度、2022年6月`,
  number: (g) => `“${g}”不是数字；应为数字，如 1234.5`,
  percent: (g, p) =>
    p.hint === 'over-100'
      ? `“${g}”超过100%；应在 0% 至 100% 之间`
      : p.hint === 'percent-sign'
        ? `“${g}”大于1；应在 0 至 1 之间（表示百分之${g}请写 ${g}%）`
        : p.hint === 'negative'
          ? `“${g}”为负数；应在 0% 至 100% 之间`
          : `“${g}”不是百分比；应写作 60% 或 0.6`,
  whole: (g, p) => (p.hint === 'negative' ? `“${g}”为负数；应为 0 或正整数` : `“${g}”不是整数；应为 0 或正整数，如 3`),
};

const FORMULA: Record<Locale, (g: string) => string> = {
  en: (g) => `holds a formula (${g}); expected a value typed in (formulas are not read: copy the column and paste it as values)`,
  'zh-CN': (g) => `为公式（${g}）；应为直接录入的值（公式不会被读取，请复制该列后“选择性粘贴—数值”）`,
};

/** The problem as one sentence in `locale`. */
export function describeValueProblem(p: ValueProblem, locale: Locale): string {
  if (p.hint === 'formula') return FORMULA[locale](p.got);
  if (p.hint === 'decimal-comma') return COMMA[locale](p.got);
  return (locale === 'zh-CN' ? zh : en)[p.expected](p.got, p);
}
