/**
 * Reading one cell's value as officials write it: status words, dates,
 * periods, numbers, percentages, categories and kinds, in Chinese and
 * English. Each reader takes a cell's value (text, number, Date, formula or
 * blank) and gives the data's value (null for blank) or a problem saying
 * what was found and what was expected; describeValueProblem words it.
 * Pure: no file, no workbook library, usable by the add-in.
 */
export { ok, problem, shown, type Expected, type Hint, type Parsed, type ValueProblem } from './problem';
export { cellText, compact, INVISIBLE, isBlankMark, plain, visible } from './text';
export {
  parseStatusWord,
  parseCategoryWord,
  parseKindWord,
  parseFormatWord,
  statusLabels,
  STATUS_WORDS,
  CATEGORY_WORDS,
  KIND_WORDS,
  FORMAT_WORDS,
  type StatusRead,
} from './words';
export { DAYS_1904, MAX_SERIAL, parseDateText, ONGOING_WORDS, type DateOptions, type DateRead } from './date-text';
export { parsePeriodText, periodIn } from './period-text';
export { parseNumber, parsePercent, parseWholeNumber, type PercentOptions } from './numbers';
export { describeValueProblem } from './messages';
