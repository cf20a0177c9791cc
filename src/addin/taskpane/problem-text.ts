/**
 * A problem of the report in the open workbook, said in the pane's language
 * and in the words of the sheet: its cell, the title of its column as the
 * sheet shows it, the value found there and what to write instead
 * (`措施!G3：状态“完成”不是下拉选项之一：未启动、推进中、已完成、滞后、已取消`),
 * never a data path (`plans[0].measures[1].status`), which stays in the
 * problem's details. A value's problem is worded from the value itself by
 * the core's one reader of cell values; the data checks' messages (English)
 * are matched here and said again in the words of a cell; anything else is
 * said as the core says it in the pane's language (core/messages/said.ts).
 */
import type { Located } from '../../core/errors';
import { blankInList, dropdownChoices, notInList, withTitle } from '../../core/messages/cell-words';
import type { GridValue } from '../../core/read/grid';
import type { Locale } from '../../core/schema';
import { describeValueProblem, parseDateText, parseNumber, parsePercent, parsePeriodText, parseWholeNumber, shown, type Parsed } from '../../core/values';
import type { ProblemCells } from '../excel/workbook';
import type { UiLocale } from './i18n';
import { inLocale } from '../../core/messages/said';

export interface ShownProblem {
  /** `措施!G3`, when the problem has a cell. */
  where?: string;
  /** What is wrong and what to write, with the column's title first. */
  text: string;
}

/** The last name in a data path: `plans[0].measures[3].status` -> `status`. */
export function fieldOf(path: string | undefined): string | undefined {
  const m = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path ?? '');
  return m?.[1];
}

/** The core's reader of each field's cell value, to say what is wrong with a value and what to write. */
const READERS: Record<string, (v: GridValue) => Parsed<unknown>> = {
  due: parseDateText,
  completed: parseDateText,
  listed: parseDateText,
  progress: (v) => parsePercent(v, { share: true }),
  growth: (v) => parsePercent(v),
  hospitals: parseWholeNumber,
  value: parseNumber,
  period: parsePeriodText,
};

/** The pane's own sentences, in each language. `attach`: in Chinese the sentence reads on from the column's title (状态“完成”不是…). */
const SAY = {
  en: {
    notInList: notInList.en,
    blankInList: blankInList.en,
    formula: (f: string) => `a formula (${f}); expected a value typed in (copy the column and paste it as values)`,
    notNumber: (got: string) => `"${got}" is not a number; expected a number such as 1234.5`,
    notDate: (got: string) => `"${got}" is not a date; expected a date such as 2022-06-30`,
    blank: 'blank; expected text',
    tooLong: 'too long: a cell holds at most 32,767 characters',
    id: 'not an id; expected 1-40 letters A-Z a-z, digits 0-9 and . _ -',
    date: 'expected a date such as 2022-06-30',
    earlyDate: 'a date before 1 March 1900, which Excel shows wrongly; expected a later date',
    period: 'expected a period such as 2024, 2024-H1, 2024-Q3 or 2024-07',
    dateOrPeriod: 'expected a date (2024-06-30) or a period (2024, 2024-Q3)',
    number: 'expected a number',
    share: 'expected a share from 0% to 100%',
    whole: 'expected a whole number of 0 or more',
    valueOrGrowth: 'this row has neither a value nor a growth; expected one of them, or both',
    duplicateId: (id: string) => `"${id}" is the id of another row too; expected an id of its own (ids ignore case)`,
    collidingId: (id: string, other: string) => `"${id}" and "${other}" give the same workbook name; expected ids that differ in a letter or digit`,
    duplicateGroup: (g: string) => `the group "${g}" is listed twice (group names ignore case)`,
    unknownGroup: (g: string, groups: string) => `the group "${g}" is not one of the plan's groups: ${groups}`,
    longGroup: "the group name is too long for the report's counts; expected a shorter name",
    periodKind: (p: string) => `"${p}" is another kind of period than this indicator's first one; expected all years, halves, quarters or months`,
    duplicatePeriod: (p: string) => `the period "${p}" is given twice for this indicator; expected each period once`,
    owner: (what: string, id: string, ids: string) => `"${id}" is not one of this report's ${what}s; expected one of: ${ids}`,
    noSheet: (sheet: string) => `The report's sheet "${sheet}" is missing: was it renamed or deleted? Give it its name back.`,
  },
  'zh-CN': {
    notInList: notInList['zh-CN'],
    blankInList: blankInList['zh-CN'],
    formula: (f: string) => `为公式（${f}）；应直接填写数值（可复制该列后“选择性粘贴”为数值）`,
    notNumber: (got: string) => `“${got}”不是数字；应为数字，如 1234.5`,
    notDate: (got: string) => `“${got}”不是可识别的日期；应写作 2022-06-30`,
    blank: '为空；应填写内容',
    tooLong: '内容过长：一个单元格最多 32767 个字符',
    id: '不能用作编号；编号应由1至40个字母、数字或 . _ - 组成',
    date: '应为日期，如 2022-06-30',
    earlyDate: '早于1900年3月1日，Excel 无法正确显示；应为更晚的日期',
    period: '应为期间，如 2024、2024-H1、2024-Q3 或 2024-07',
    dateOrPeriod: '应为日期（如 2024-06-30）或期间（如 2024、2024-Q3）',
    number: '应为数字',
    share: '应在 0% 至 100% 之间',
    whole: '应为 0 或更大的整数',
    valueOrGrowth: '该行既无数值也无增速；应至少填写其一',
    duplicateId: (id: string) => `“${id}”与另一行的编号重复；编号应各不相同（不区分大小写）`,
    collidingId: (id: string, other: string) => `“${id}”与“${other}”在工作簿名称中相同；编号应至少有一个字母或数字不同`,
    duplicateGroup: (g: string) => `分组“${g}”重复列出（不区分大小写）`,
    unknownGroup: (g: string, groups: string) => `“${g}”不是该方案的分组之一：${groups}`,
    longGroup: '分组名称过长，报告无法按其统计；请缩短',
    periodKind: (p: string) => `“${p}”与该指标首个期间的类型不同；同一指标的期间应同为年、半年、季度或月`,
    duplicatePeriod: (p: string) => `该指标的期间“${p}”重复；每个期间只应填写一次`,
    owner: (what: string, id: string, ids: string) =>
      `“${id}”不是本报告的${{ plan: '方案', catalog: '目录', indicator: '指标' }[what] ?? what}之一；应为以下之一：${ids}`,
    noSheet: (sheet: string) => `找不到报告的工作表“${sheet}”：是否被重命名或删除了？请恢复其名称。`,
  },
};

type Say = (typeof SAY)['en'];

/** The data checks' messages (core/schema.ts, core/rules.ts, the report reader), matched and said again. */
function fromMessage(message: string, S: Say): string | undefined {
  const fixed: Record<string, string> = {
    'expected text': S.blank,
    'expected non-empty text': S.blank,
    'expected an id (text)': S.id,
    'expected a date written YYYY-MM-DD': S.date,
    'expected a finite number': S.number,
    'expected a number from 0 to 1': S.share,
    'expected a whole number >= 0': S.whole,
    'expected a value, a growth, or both': S.valueOrGrowth,
    'expected a period (2024, 2024-H1, 2024-Q3 or 2024-07)': S.period,
    'expected a date (YYYY-MM-DD) or a period (2024, 2024-Q3, 2024-07)': S.dateOrPeriod,
  };
  if (fixed[message]) return fixed[message];
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^expected at most \d+ characters/, () => S.tooLong],
    [/^expected an id of 1-40/, () => S.id],
    [/^expected a date from \S+ on/, () => S.earlyDate],
    [/^holds a formula \((=.*)\); expected a value$/, (f) => S.formula(f)],
    [/^holds "(.*)"; expected a number$/, (g) => S.notNumber(g)],
    [/^holds "(.*)"; expected a date$/, (g) => S.notDate(g)],
    [/^duplicate \w+ id "(.*)": already used by/, (id) => S.duplicateId(id)],
    [/^\w+ id "(.*)" collides with "(.*?)" \(/, (id, other) => S.collidingId(id, other)],
    [/^duplicate group "(.*)": already listed/, (g) => S.duplicateGroup(g)],
    [/^group "(.*)" is not in the plan's groups; expected one of: (.*)$/, (g, gs) => S.unknownGroup(g, gs)],
    [/^group ".*" is too long for spreadsheet criteria/, () => S.longGroup],
    [/^period "(.*)" is a \w+, but this indicator's first observation/, (p) => S.periodKind(p)],
    [/^duplicate period "(.*)": already given/, (p) => S.duplicatePeriod(p)],
    [/^(plan|catalog|indicator) "(.*)" is not one of this report's \w+; expected one of: (.*)$/, (what, id, ids) => S.owner(what, id, ids)],
    [/^has no sheet "(.*)"; expected the \w+ sheet/, (sheet) => S.noSheet(sheet)],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(message);
    if (m) return say(...m.slice(1));
  }
  return undefined;
}

/** A data check's message (English, from the core) in the pane's language, when it is one the pane knows. */
export function dataCheckText(message: string, ui: UiLocale): string | undefined {
  // A data file's reader adds the value it found: `expected a period (...), got "2024-Q5"`.
  const got = /^(.*), got (.+)$/s.exec(message);
  const said = fromMessage(got ? got[1] : message, SAY[ui]);
  if (said === undefined || !got) return said;
  const value = got[2].replace(/^"(.*)"$/s, '$1');
  return ui === 'en' ? `${said} (found "${value}")` : `${said}（现为“${value}”）`;
}

/** What is wrong, from the cell's value when it says more than the message. */
function fromValue(field: string | undefined, value: GridValue, locale: Locale, ui: UiLocale, S: Say): string | undefined {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return S.formula(shown(value));
  const choices = dropdownChoices(field, locale);
  if (choices) return value === null || String(value).trim() === '' ? S.blankInList(choices) : S.notInList(shown(value), choices);
  const read = field !== undefined ? READERS[field] : undefined;
  if (!read || value === null) return undefined;
  const got = read(value);
  return got.ok ? undefined : describeValueProblem(got.problem, ui);
}

/** A problem of the report as the pane shows it. */
export function showProblem(p: Located, cells: ProblemCells | undefined, ui: UiLocale): ShownProblem {
  const S = SAY[ui];
  const field = fieldOf(p.path);
  const value = p.cell && cells ? cells.value(p.cell) : null;
  const title = p.cell && cells ? cells.title(p.cell) : undefined;
  // The pane's words for a cell first.
  const own = (p.cell && cells ? fromValue(field, value, cells.locale, ui, S) : undefined) ?? fromMessage(p.message, S);
  if (own !== undefined) return { where: p.cell, text: withTitle(title, own, ui) };
  // Else the core's own sentence in the pane's language (Chinese: Located.zh, or registered), which may name the column itself.
  const core = inLocale(p, ui === 'en' ? 'en' : 'zh-CN');
  const named = title !== undefined && (core.startsWith(title) || core.startsWith(`“${title}”`));
  return { where: p.cell, text: named ? core : withTitle(title, core, ui) };
}
