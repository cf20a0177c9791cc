/**
 * The fields a ledger's columns can fill, for each kind of ledger, and the
 * column titles officials give them, in Chinese and English (the report's
 * own column titles among them, so a report's sheets read back).
 */
import { labelsFor } from '../i18n';
import { LOCALES } from '../schema';

export const LEDGER_KINDS = ['measures', 'catalog', 'indicators'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const FIELDS = {
  measures: ['id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note'],
  catalog: ['product', 'enterprise', 'category', 'registration', 'listed', 'hospitals'],
  indicators: ['id', 'name', 'region', 'unit', 'kind', 'baseline.period', 'baseline.value', 'target.period', 'target.value', 'period', 'value', 'growth'],
} as const;

export type MeasureField = (typeof FIELDS.measures)[number];
export type EntryField = (typeof FIELDS.catalog)[number];
export type IndicatorField = (typeof FIELDS.indicators)[number];
export type Field = MeasureField | EntryField | IndicatorField;

/** The field each kind of ledger cannot do without: a sheet whose columns lack it is no ledger of that kind. */
export const KEY_FIELD: Record<LedgerKind, Field> = { measures: 'title', catalog: 'product', indicators: 'name' };

/**
 * A column title and what it means. `weak`: a title that gives way to a
 * stronger one for the same field, and then means `fallback` (完成时间 is the
 * due date, unless a 完成时限 column gives that: then it is the completion
 * date). `labelled`: kept in the note with its title (配合单位：...).
 * `ignore`: a column known and left out (序号 of a catalog).
 */
export interface Synonym {
  field: Field | 'ignore';
  weak?: boolean;
  fallback?: Field;
  labelled?: boolean;
}

type Words = Record<string, Synonym | Field | 'ignore'>;

const MEASURES: Words = {
  序号: 'id',
  编号: 'id',
  任务编号: 'id',
  措施编号: 'id',
  no: 'id',
  '#': 'id',
  id: 'id',
  ref: 'id',
  number: 'id',
  itemno: 'id',
  任务: 'title',
  重点任务: 'title',
  工作任务: 'title',
  主要任务: 'title',
  具体任务: 'title',
  任务名称: 'title',
  任务内容: 'title',
  措施: 'title',
  具体措施: 'title',
  主要措施: 'title',
  政策措施: 'title',
  工作措施: 'title',
  任务举措: 'title',
  工作举措: 'title',
  举措: 'title',
  工作内容: 'title',
  重点工作: 'title',
  工作事项: 'title',
  事项: 'title',
  政策内容: 'title',
  task: 'title',
  keytask: 'title',
  measure: 'title',
  action: 'title',
  title: 'title',
  workitem: 'title',
  分类: 'group',
  类别: 'group',
  板块: 'group',
  领域: 'group',
  分组: 'group',
  任务类别: 'group',
  所属板块: 'group',
  group: 'group',
  section: 'group',
  area: 'group',
  pillar: 'group',
  category: 'group',
  牵头单位: 'lead',
  责任单位: 'lead',
  牵头部门: 'lead',
  责任部门: 'lead',
  牵头处室: 'lead',
  责任处室: 'lead',
  主责单位: 'lead',
  主责部门: 'lead',
  牵头责任单位: 'lead',
  负责单位: 'lead',
  承办单位: 'lead',
  责任主体: 'lead',
  lead: 'lead',
  leaddepartment: 'lead',
  leadunit: 'lead',
  leadagency: 'lead',
  owner: 'lead',
  responsible: 'lead',
  responsibledepartment: 'lead',
  responsibleunit: 'lead',
  配合单位: { field: 'note', labelled: true },
  配合部门: { field: 'note', labelled: true },
  协同单位: { field: 'note', labelled: true },
  协办单位: { field: 'note', labelled: true },
  参与单位: { field: 'note', labelled: true },
  supporting: { field: 'note', labelled: true },
  supportingdepartments: { field: 'note', labelled: true },
  partners: { field: 'note', labelled: true },
  完成时限: 'due',
  时间节点: 'due',
  时限: 'due',
  完成期限: 'due',
  时限要求: 'due',
  完成时限要求: 'due',
  计划完成时间: 'due',
  截止时间: 'due',
  截止日期: 'due',
  完成时间: { field: 'due', weak: true, fallback: 'completed' },
  due: 'due',
  duedate: 'due',
  deadline: 'due',
  targetdate: 'due',
  timelimit: 'due',
  timeline: 'due',
  完成情况: { field: 'status', weak: true, fallback: 'note' },
  状态: 'status',
  完成状态: 'status',
  推进状态: 'status',
  进展状态: 'status',
  任务状态: 'status',
  是否完成: 'status',
  status: 'status',
  state: 'status',
  completionstatus: 'status',
  实际完成时间: 'completed',
  实际完成日期: 'completed',
  完成日期: 'completed',
  办结时间: 'completed',
  办结日期: 'completed',
  completed: 'completed',
  completedon: 'completed',
  completiondate: 'completed',
  datecompleted: 'completed',
  actualcompletion: 'completed',
  进度: 'progress',
  完成进度: 'progress',
  完成比例: 'progress',
  完成率: 'progress',
  进度百分比: 'progress',
  推进进度: 'progress',
  progress: 'progress',
  percentcomplete: 'progress',
  '%complete': 'progress',
  进展情况: 'note',
  推进情况: 'note',
  工作进展: 'note',
  进展: 'note',
  工作进展情况: 'note',
  推进落实情况: 'note',
  落实情况: 'note',
  备注: 'note',
  说明: 'note',
  note: 'note',
  notes: 'note',
  remark: 'note',
  remarks: 'note',
  comment: 'note',
  comments: 'note',
  progressnote: 'note',
  progressupdate: 'note',
  update: 'note',
};

const CATALOG: Words = {
  序号: 'ignore',
  编号: 'ignore',
  no: 'ignore',
  '#': 'ignore',
  产品名称: 'product',
  产品: 'product',
  药品名称: 'product',
  器械名称: 'product',
  品种名称: 'product',
  通用名称: 'product',
  通用名: 'product',
  产品通用名: 'product',
  名称: { field: 'product', weak: true },
  product: 'product',
  productname: 'product',
  企业名称: 'enterprise',
  企业: 'enterprise',
  生产企业: 'enterprise',
  申报企业: 'enterprise',
  注册人: 'enterprise',
  注册人名称: 'enterprise',
  上市许可持有人: 'enterprise',
  持有人: 'enterprise',
  生产厂家: 'enterprise',
  厂家: 'enterprise',
  enterprise: 'enterprise',
  company: 'enterprise',
  manufacturer: 'enterprise',
  holder: 'enterprise',
  类别: 'category',
  产品类别: 'category',
  类型: 'category',
  分类: 'category',
  产品类型: 'category',
  category: 'category',
  type: 'category',
  注册证号: 'registration',
  注册证编号: 'registration',
  批准文号: 'registration',
  注册号: 'registration',
  备案号: 'registration',
  '注册证号/批准文号': 'registration',
  registration: 'registration',
  registrationno: 'registration',
  registrationnumber: 'registration',
  approvalnumber: 'registration',
  入选时间: 'listed',
  入选日期: 'listed',
  发布时间: 'listed',
  发布日期: 'listed',
  入库时间: 'listed',
  纳入时间: 'listed',
  listed: 'listed',
  listedon: 'listed',
  datelisted: 'listed',
  listingdate: 'listed',
  采购医院数: 'hospitals',
  采购医院数量: 'hospitals',
  采购医疗机构数: 'hospitals',
  采购医疗机构数量: 'hospitals',
  采购医院: 'hospitals',
  医院数: 'hospitals',
  进院数量: 'hospitals',
  hospitals: 'hospitals',
  hospitalsprocuring: 'hospitals',
  numberofhospitals: 'hospitals',
};

const INDICATORS: Words = {
  序号: 'ignore',
  no: 'ignore',
  '#': 'ignore',
  编号: 'id',
  指标编号: 'id',
  指标代码: 'id',
  代码: 'id',
  id: 'id',
  code: 'id',
  指标名称: 'name',
  指标: 'name',
  指标项: 'name',
  名称: { field: 'name', weak: true },
  indicator: 'name',
  indicatorname: 'name',
  metric: 'name',
  name: 'name',
  地区: 'region',
  区域: 'region',
  区县: 'region',
  地区名称: 'region',
  region: 'region',
  district: 'region',
  单位: 'unit',
  计量单位: 'unit',
  unit: 'unit',
  units: 'unit',
  类型: 'kind',
  指标类型: 'kind',
  指标性质: 'kind',
  kind: 'kind',
  type: 'kind',
  基期: 'baseline.period',
  基准期: 'baseline.period',
  基准年: 'baseline.period',
  基期年份: 'baseline.period',
  baseperiod: 'baseline.period',
  baselineperiod: 'baseline.period',
  baseyear: 'baseline.period',
  基期值: 'baseline.value',
  基准值: 'baseline.value',
  基数: 'baseline.value',
  基期数值: 'baseline.value',
  基期数: 'baseline.value',
  现状值: 'baseline.value',
  baseline: 'baseline.value',
  baselinevalue: 'baseline.value',
  basevalue: 'baseline.value',
  目标期: 'target.period',
  目标年份: 'target.period',
  目标年: 'target.period',
  targetperiod: 'target.period',
  targetyear: 'target.period',
  目标值: 'target.value',
  目标: 'target.value',
  规划目标: 'target.value',
  预期目标: 'target.value',
  target: 'target.value',
  targetvalue: 'target.value',
  goal: 'target.value',
  期间: 'period',
  年份: 'period',
  时间: 'period',
  统计期: 'period',
  统计期间: 'period',
  报告期: 'period',
  月份: 'period',
  季度: 'period',
  period: 'period',
  year: 'period',
  数值: 'value',
  实际值: 'value',
  完成值: 'value',
  本期值: 'value',
  指标值: 'value',
  当期值: 'value',
  数据: 'value',
  value: 'value',
  actual: 'value',
  actualvalue: 'value',
  增速: 'growth',
  同比增长: 'growth',
  同比增速: 'growth',
  增长率: 'growth',
  同比: 'growth',
  同比增长率: 'growth',
  growth: 'growth',
  growthrate: 'growth',
  yoy: 'growth',
  yoygrowth: 'growth',
};

/** A column title made comparable: width, case, spaces, signs and a bracketed remark removed (`牵头单位（盖章）` -> `牵头单位`). */
export function headerKey(text: string): string {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^()]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*※:.'"_\-–—、，,。]+/g, '');
  return t;
}

/** The report's own column titles (both languages), so that a report's sheets import. */
function reportTitles(kind: LedgerKind): Words {
  const words: Words = {};
  for (const locale of LOCALES) {
    const L = labelsFor(locale);
    if (kind === 'measures') {
      for (const f of FIELDS.measures) words[headerKey(L.measureFields[f])] ??= f;
    } else if (kind === 'catalog') {
      for (const f of FIELDS.catalog) words[headerKey(L.entryFields[f])] ??= f;
    } else {
      const I = L.indicatorFields;
      const O = L.observationFields;
      const pairs: [string, IndicatorField][] = [
        [I.id, 'id'],
        [I.name, 'name'],
        [I.region, 'region'],
        [I.unit, 'unit'],
        [I.kind, 'kind'],
        [I.baselinePeriod, 'baseline.period'],
        [I.baselineValue, 'baseline.value'],
        [I.targetPeriod, 'target.period'],
        [I.targetValue, 'target.value'],
        [O.period, 'period'],
        [O.value, 'value'],
        [O.growth, 'growth'],
      ];
      for (const [title, f] of pairs) words[headerKey(title)] ??= f;
    }
  }
  return words;
}

function table(words: Words, kind: LedgerKind): Map<string, Synonym> {
  const map = new Map<string, Synonym>();
  for (const [w, s] of Object.entries({ ...reportTitles(kind), ...words })) map.set(headerKey(w), typeof s === 'string' ? { field: s } : s);
  return map;
}

export const SYNONYMS: Record<LedgerKind, Map<string, Synonym>> = {
  measures: table(MEASURES, 'measures'),
  catalog: table(CATALOG, 'catalog'),
  indicators: table(INDICATORS, 'indicators'),
};

/** Titles this long or longer are never matched by a word inside them (a title row, a sentence). */
const MAX_TITLE = 24;

export interface HeaderMatch extends Synonym {
  /** 2: the title is the word; 1: the word is in the title (`2022年三季度进展情况`). */
  exact: boolean;
  /** The word's length: a longer word inside a title wins. */
  length: number;
}

/** What a column title means in a kind of ledger, or undefined. */
export function matchHeader(text: string, kind: LedgerKind): HeaderMatch | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  const words = SYNONYMS[kind];
  const exact = words.get(key);
  if (exact) return { ...exact, exact: true, length: key.length };
  if (key.length >= MAX_TITLE) return undefined;
  let best: HeaderMatch | undefined;
  for (const [w, s] of words) {
    // Words of one or two letters (`no`, `id`) match only whole titles.
    if (w.length < 2 || (/^[a-z#%]+$/.test(w) && w.length < 4)) continue;
    if (key.includes(w) && (!best || w.length > best.length)) best = { ...s, exact: false, length: w.length };
  }
  return best;
}

/** A field's name as --map accepts it: the field itself, or the report's column title in either language. */
export function fieldNamed(name: string, kind: LedgerKind): Field | 'ignore' | undefined {
  const key = headerKey(name);
  if (['-', 'ignore', 'skip', '忽略', '不导入'].includes(name.trim()) || key === 'ignore' || key === 'skip') return 'ignore';
  const fields = FIELDS[kind] as readonly Field[];
  const direct = fields.find((f) => f.toLowerCase() === name.trim().toLowerCase());
  if (direct) return direct;
  const own = reportTitles(kind)[key];
  return typeof own === 'string' && own !== 'ignore' ? own : undefined;
}
