/**
 * What to write instead of a value a data file holds in an official's words:
 * a status of 已完成 is refused (the format's word is `completed`), and the
 * message says so ("write completed instead"). The values are read by the one
 * reader of cell values (core/values), so a word, date or percentage that
 * import, collect and extract accept is the one validate suggests.
 */
import type { Said } from '../messages/said';
import type { Path } from '../rules';
import {
  parseCategoryWord,
  parseDateText,
  parseKindWord,
  parseNumber,
  parsePercent,
  parsePeriodText,
  parseStatusWord,
  parseWholeNumber,
  type Parsed,
} from '../values';

type Reader = (v: string | number) => Parsed<string | number | null> & { remark?: string; ongoing?: string };

/** The reader of each key whose values officials write in their own words. */
const READERS: Record<string, Reader> = {
  status: parseStatusWord,
  category: parseCategoryWord,
  kind: parseKindWord,
  due: (v) => parseDateText(v),
  completed: (v) => parseDateText(v, { noOngoing: true }),
  listed: (v) => parseDateText(v, { noOngoing: true }),
  date: (v) => parseDateText(v, { noOngoing: true }),
  issued: (v) => parseDateText(v, { noOngoing: true }),
  progress: (v) => parsePercent(v, { share: true }),
  growth: (v) => parsePercent(v),
  value: parseNumber,
  hospitals: parseWholeNumber,
  period: parsePeriodText,
};

/** The date keys in Chinese, for “完成时限” in 表示没有完成时限. */
const DATE_KEYS_ZH: Record<string, string> = { due: '完成时限', completed: '完成日期', listed: '入选日期', date: '报告日期', issued: '印发日期' };

/**
 * The value to write instead of `actual` at `path` (`write completed
 * instead`; 请写作 completed), when the values module reads it as one the
 * format allows; undefined when it does not, or when the value is no text
 * (a number is what it is).
 */
export function valueHint(path: Path, actual: unknown): Said | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string' || !(key in READERS)) return undefined;
  if (typeof actual !== 'string' || actual.trim() === '') return undefined;
  // A catalog's issue date may be a period (2024-Q3): a period is suggested before a date.
  const period = key === 'issued' && path[0] === 'catalogs' ? parsePeriodText(actual) : undefined;
  const read: ReturnType<Reader> = period?.ok && period.value !== null ? period : READERS[key](actual);
  if (!read.ok || read.remark !== undefined) return undefined;
  if (read.ongoing !== undefined)
    return {
      message: `leave out ${key} (${read.ongoing} means no ${key} date; say so in the note)`,
      zh: `请删去“${key}”（“${read.ongoing}”表示没有${DATE_KEYS_ZH[key] ?? '日期'}，请在备注中说明）`,
    };
  if (read.value === null || read.value === actual) return undefined;
  if (typeof read.value === 'number' && String(read.value) === actual.trim())
    return { message: `write ${read.value} without quotes (a number, not text)`, zh: `请写作 ${read.value}，不加引号（数字，而非文字）` };
  return { message: `write ${String(read.value)} instead`, zh: `请写作 ${String(read.value)}` };
}
