/**
 * A cell's problem in the words of the workbook: the title of its column as
 * the sheet shows it and, for a column with a drop-down list, the list's own
 * words (`状态“完成”不是下拉选项之一：未启动、推进中、已完成、滞后、已取消`).
 * Shared by the add-in's pane (taskpane/problem-text.ts) and the command
 * line's readers of workbooks (a returned form, a report).
 */
import { labelsFor } from '../i18n';
import { CATEGORIES, INDICATOR_KINDS, STATUSES, type Locale } from '../schema';
import { describeValueProblem } from '../values/messages';
import type { ValueProblem } from '../values/problem';
import type { Said } from './said';

/** The words of each drop-down list, in the workbook's language. */
const DROPDOWNS: Record<string, (locale: Locale) => string[]> = {
  status: (l) => STATUSES.map((s) => labelsFor(l).statuses[s]),
  category: (l) => CATEGORIES.map((c) => labelsFor(l).categories[c]),
  kind: (l) => INDICATOR_KINDS.map((k) => labelsFor(l).kinds[k]),
};

/** The drop-down words of a field's column, in the workbook's language; undefined when its column has no list. */
export function dropdownChoices(field: string | undefined, locale: Locale): string[] | undefined {
  return field !== undefined ? DROPDOWNS[field]?.(locale) : undefined;
}

/** A value found in a drop-down column that is none of its words. */
export const notInList = {
  en: (got: string, choices: string[]) => `"${got}" is not one of the drop-down choices: ${choices.join(', ')}`,
  'zh-CN': (got: string, choices: string[]) => `“${got}”不是下拉选项之一：${choices.join('、')}`,
};

/** A drop-down column left blank where a word is needed. */
export const blankInList = {
  en: (choices: string[]) => `blank; choose one of: ${choices.join(', ')}`,
  'zh-CN': (choices: string[]) => `为空；请从下拉选项中选择：${choices.join('、')}`,
};

/** Joins the column's title and the sentence: `Status: "done" is…`; `状态“完成”不是…`, `状态：应为…`. */
export function withTitle(title: string | undefined, text: string, locale: Locale): string {
  if (!title) return text;
  if (locale === 'en') return `${title}: ${text}`;
  return /^[“"为]/.test(text) ? `${title}${text}` : `${title}：${text}`;
}

/**
 * The problem of a cell read as its column's type, in both languages. The
 * English keeps the field's name first (`status: "done" is not a status…`);
 * the Chinese names the column by its title in the workbook (`title`, in
 * the workbook's language `book`) and, for a drop-down column, lists the
 * drop-down's words.
 */
export function cellProblem(field: string, title: string, p: ValueProblem, book: Locale): Said {
  const choices = p.hint === undefined ? dropdownChoices(field, book) : undefined;
  const zh = choices ? notInList['zh-CN'](p.got, choices) : describeValueProblem(p, 'zh-CN');
  return { message: `${field}: ${describeValueProblem(p, 'en')}`, zh: withTitle(title, zh, 'zh-CN') };
}

/**
 * The title of a report's column that a data path's value is read from, in
 * the report's language (`plans[0].measures[1].status` -> 状态); undefined for
 * a value with no column of its own (the Summary's cells).
 */
export function reportColumnTitle(path: readonly (string | number)[], locale: Locale): string | undefined {
  const l = labelsFor(locale);
  const names = path.filter((x): x is string => typeof x === 'string');
  const field = names[names.length - 1];
  const [list, sub] = names;
  const fields: Record<string, string> | undefined =
    list === 'plans' && sub === 'measures'
      ? l.measureFields
      : list === 'catalogs' && sub === 'entries'
        ? l.entryFields
        : list === 'indicators' && sub === 'observations'
          ? l.observationFields
          : list === 'indicators'
            ? l.indicatorFields
            : list === 'plans' || list === 'catalogs' || list === 'sources'
              ? l.sourceFields
              : undefined;
  return fields && names.length > 1 ? (fields as Record<string, string>)[field] : undefined;
}
