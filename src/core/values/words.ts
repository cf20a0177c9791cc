/**
 * Words officials write for a measure's status, a product's category and an
 * indicator's kind, in Chinese and English, and the data's own tokens: each
 * read ignoring case, width and spaces. The report's own labels (i18n) are
 * always among them, so a report's words read back.
 */
import { labelsFor } from '../i18n';
import type { Labels } from '../i18n/labels';
import { isFormula, type GridValue } from '../read/grid';
import { CATEGORIES, INDICATOR_KINDS, LOCALES, STATUSES, type Category, type IndicatorKind, type Status } from '../schema';
import { VALUE_FORMATS, type ValueFormat } from '../value-format';
import { ok, problem, type Expected, type Parsed } from './problem';
import { compact, INVISIBLE, isBlankMark } from './text';

export const STATUS_WORDS: Record<Status, readonly string[]> = {
  'not-started': ['未启动', '尚未启动', '未开始', '尚未开始', '未开展', '尚未开展', '待启动', 'not started', 'not yet started', 'to do', 'planned', 'pending'],
  'in-progress': [
    '推进中',
    '正在推进',
    '进行中',
    '在推进',
    '持续推进',
    '序时推进',
    '按序时推进',
    '按计划推进',
    '正常推进',
    '有序推进',
    '实施中',
    '正在实施',
    '部分完成',
    'in progress',
    'ongoing',
    'underway',
    'on track',
    'started',
  ],
  completed: ['已完成', '完成', '全部完成', '已全部完成', '已办结', '办结', '已落实', 'completed', 'complete', 'done', 'finished'],
  delayed: ['滞后', '延期', '进度滞后', '滞后推进', '推进滞后', '逾期', '已逾期', '延迟', '暂缓', 'delayed', 'behind', 'behind schedule', 'overdue', 'late'],
  cancelled: ['取消', '已取消', '终止', '已终止', '停止', '不再推进', 'cancelled', 'canceled', 'dropped', 'withdrawn', 'stopped'],
};

export const CATEGORY_WORDS: Record<Category, readonly string[]> = {
  drug: ['药品', '药', '创新药', '化学药', '化药', '生物药', '生物制品', '中药', '中成药', '疫苗', 'drug', 'drugs', 'medicine', 'pharmaceutical'],
  device: ['医疗器械', '器械', '医疗设备', '设备', '医用设备', 'device', 'devices', 'medical device', 'equipment'],
  consumable: ['耗材', '医用耗材', '高值耗材', '低值耗材', '高值医用耗材', 'consumable', 'consumables'],
  diagnostic: ['诊断试剂', '体外诊断', '体外诊断试剂', 'ivd', 'diagnostic', 'diagnostics', 'in vitro diagnostic'],
  other: ['其他', '其它', 'other'],
};

export const KIND_WORDS: Record<IndicatorKind, readonly string[]> = {
  level: ['水平值', '水平', '当期值', '当期', 'level'],
  cumulative: ['累计值', '累计', 'cumulative', 'total to date'],
};

function table<T extends string>(values: readonly T[], words: Record<T, readonly string[]>, pick: (l: Labels) => Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(compact(v), v);
    for (const w of words[v]) map.set(compact(w), v);
    for (const locale of LOCALES) map.set(compact(pick(labelsFor(locale))[v]), v);
  }
  return map;
}

const STATUS_TABLE = table(STATUSES, STATUS_WORDS, (l) => l.statuses);
const CATEGORY_TABLE = table(CATEGORIES, CATEGORY_WORDS, (l) => l.categories);
const KIND_TABLE = table(INDICATOR_KINDS, KIND_WORDS, (l) => l.kinds);

export const FORMAT_WORDS: Record<ValueFormat, readonly string[]> = {
  percent: ['百分比', '百分数', '%', 'percent', 'percentage'],
  integer: ['整数', 'integer', 'whole number'],
  number: ['数值', '数字', 'number'],
};
const FORMAT_TABLE = table(VALUE_FORMATS, FORMAT_WORDS, (l) => l.formats);

function word<T extends string>(v: GridValue, map: Map<string, T>, expected: Expected): Parsed<T | null> {
  if (v === null || isBlankMark(v)) return ok(null);
  if (isFormula(v)) return problem(expected, v, 'formula');
  if (typeof v !== 'string') return problem(expected, v);
  const key = compact(v);
  const found = map.get(key);
  return found ? ok(found) : problem(expected, v);
}

/** Punctuation that may follow a status word at the start of a longer text (`已完成，第一批名单已发布`). */
const AFTER_WORD = /^[\s,.;:!?()（）、，。；：！？]/;

/** Words in the status table, longest first: for finding one at the start of a text. */
const STATUS_PREFIXES = [...STATUS_TABLE.keys()].filter((k) => /[\u0080-\uffff]/.test(k)).sort((a, b) => b.length - a.length);

export type StatusRead = Parsed<Status | null> & {
  /** Set when the status word began a longer text: the whole text, for the note. */
  remark?: string;
};

/**
 * A status word (`已完成`, `推进中`, `Delayed`, `in-progress`...), or a
 * text that begins with a Chinese status word and a sign
 * (`已完成，第一批名单已发布`: completed, with the text as a remark).
 * Blank and blank marks (`-`, `/`, `无`) are null.
 */
export function parseStatusWord(v: GridValue): StatusRead {
  const read = word(v, STATUS_TABLE, 'status');
  if (read.ok || typeof v !== 'string') return read;
  const text = v.replace(INVISIBLE, '').normalize('NFKC').trim();
  for (const w of STATUS_PREFIXES) {
    if (text.startsWith(w) && AFTER_WORD.test(text.slice(w.length))) return { ok: true, value: STATUS_TABLE.get(w)!, remark: v.trim() };
  }
  return read;
}

/** A product category: `药品`, `医疗器械`, `耗材`, `诊断试剂`, `其他`, their synonyms and the English words. Blank is null. */
export function parseCategoryWord(v: GridValue): Parsed<Category | null> {
  return word(v, CATEGORY_TABLE, 'category');
}

/** An indicator's kind: `水平值`/`level`, `累计值`/`cumulative`. Blank is null. */
export function parseKindWord(v: GridValue): Parsed<IndicatorKind | null> {
  return word(v, KIND_TABLE, 'kind');
}

/** The words a message lists as expected, in a language's own labels first. */
export function statusLabels(labels: Labels): string[] {
  return STATUSES.map((s) => labels.statuses[s]);
}

/** An indicator's value format: `百分比`/`percent`, `整数`/`integer`, `数值`/`number`. Blank is null. */
export function parseFormatWord(v: GridValue): Parsed<ValueFormat | null> {
  return word(v, FORMAT_TABLE, 'format');
}
