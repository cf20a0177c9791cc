/**
 * Where a problem is, in the words of the user's language: the file and its
 * line and column, or the workbook's sheet and cell; and, in Chinese, what a
 * data path points at (`plans[0].measures[1].status` is 第1个方案第2项措施的
 * “状态”), so that a Chinese message holds no data path unless asked for
 * (`--verbose`).
 */
import { labelsFor } from '../i18n';

/** `plan.yaml:14:17` / `form.xlsx 措施!G3`; in Chinese `plan.yaml 第14行第17列`. */
export function placeWords(p: { file: string; line?: number; column?: number; cell?: string }, zh: boolean): string {
  let where = p.file;
  if (p.line !== undefined) where += zh ? ` 第${p.line}行第${p.column ?? 1}列` : `:${p.line}:${p.column ?? 1}`;
  if (p.cell !== undefined) where += ` ${p.cell}`;
  return where;
}

/** What each list in a data file holds, and how a Chinese sentence counts it: 第2项措施. */
const LISTS: Record<string, [string, string]> = {
  plans: ['个', '方案'],
  measures: ['项', '措施'],
  groups: ['个', '分组'],
  catalogs: ['个', '目录'],
  entries: ['项', '目录产品'],
  indicators: ['个', '指标'],
  observations: ['条', '观测值'],
  // A template's lists (template/schema.ts).
  sections: ['个', '工作表'],
  columns: ['', '列'],
  observationColumns: ['个', '指标数据列'],
  blocks: ['个', '概览板块'],
  charts: ['个', '图表'],
};

/** A template's keys (template/schema.ts); none of them is a data file's key. */
const TEMPLATE_KEYS: Record<string, string> = {
  template: '模板格式',
  description: '说明',
  section: '类型',
  observationsTitle: '指标数据表标题',
  field: '字段',
  width: '列宽',
  hidden: '隐藏',
  chart: '图表',
};

/** The fields' names as the report's columns title them, in Chinese, by the list they are in; the rest by their own words. */
function fieldWords(): { own: Record<string, string>; within: Record<string, Record<string, string>> } {
  const l = labelsFor('zh-CN');
  const own: Record<string, string> = {
    title: '标题',
    region: '地区',
    issued: '印发日期',
    source: l.sourceFields.source,
    format: '格式',
    period: '期间',
    date: '报告日期',
    locale: '语言',
    baseline: '基期',
    target: '目标',
    report: '报告信息',
    ...TEMPLATE_KEYS,
  };
  return { own, within: { measures: l.measureFields, entries: l.entryFields, indicators: l.indicatorFields, observations: l.observationFields } };
}

/** The top-level keys of a data file and of a template, said alone (`format` is not an indicator's 数值格式 there). */
const TOP_KEYS: Record<string, string> = {
  format: '格式',
  report: '报告信息',
  name: '模板名称',
  template: '模板格式',
  description: '说明',
  sections: '工作表设置',
};

let WORDS: ReturnType<typeof fieldWords> | undefined;

/** A data path in Chinese words: `plans[0].measures[1].status` -> 第1个方案第2项措施的“状态”. */
export function pathWordsZh(path: string): string {
  const words = (WORDS ??= fieldWords());
  if (path === '(top level)') return '文件最外层';
  if (TOP_KEYS[path]) return `“${TOP_KEYS[path]}”`;
  const parts: string[] = [];
  // A key is said as the column that holds it is titled: a measure's title is 措施, an indicator's name 指标.
  let within: string | undefined;
  const field = (name: string) => (within && words.within[within]?.[name]) ?? words.own[name] ?? name;
  const re = /([A-Za-z_]+)(?:\[(\d+)\])?/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    const [, name, index] = m;
    const list = LISTS[name];
    // The report's own keys read as the report's: 报告的“期间”, not “报告信息”的“期间”.
    if (name === 'report' && index === undefined && parts.length === 0 && m.index + name.length < path.length) parts.push('报告');
    else if (list && index !== undefined) {
      parts.push(`第${Number(index) + 1}${list[0]}${list[1]}`);
      within = name;
    } else if (index !== undefined) parts.push(`“${field(name)}”第${Number(index) + 1}项`);
    else parts.push(`“${list ? list[1] : field(name)}”`);
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('')}的${parts[parts.length - 1]}`;
}
