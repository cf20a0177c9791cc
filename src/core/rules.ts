/**
 * Rules that relate items of a structurally valid data file to each other.
 * Workbook names and spreadsheet lookups ignore case, so uniqueness does too.
 */
import { pathWordsZh } from './messages/place';
import { parsePeriod } from './periods';
import type { ReportData } from './schema';

export type Path = (string | number)[];

export interface Problem {
  path: Path;
  message: string;
  /** The message in Chinese (messages/said.ts). */
  zh?: string;
}

/** `<K>` of workbook.md: the id with every character but A-Z a-z 0-9 replaced by `_`. */
export function nameKey(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

interface Keyed {
  id: string;
}

/**
 * The rules also run on data that failed the schema elsewhere, so that all
 * problems come at once: they read only what has the expected shape.
 */
function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** Reports a repeated id, and ids whose name keys collide, in one list of items. */
/** What each list's items are called in Chinese. */
const WHAT_ZH: Record<string, string> = { plan: '方案', measure: '措施', catalog: '目录', indicator: '指标' };

/** A data path in Chinese words. */
const pathZh = (path: Path) => pathWordsZh(formatPath(path));

function uniqueIds(items: Keyed[], at: (i: number) => Path, what: string, problems: Problem[], withKeys: boolean): void {
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item?.id !== 'string') return;
    const idKey = item.id.toLowerCase();
    const firstId = seenIds.get(idKey);
    if (firstId !== undefined) {
      const same = items[firstId].id === item.id;
      problems.push({
        path: [...at(i), 'id'],
        message: `duplicate ${what} id "${item.id}": already used by ${formatPath(at(firstId))}${same ? '' : ` ("${items[firstId].id}"; ids ignore case)`}; expected a unique id`,
        zh:
          `${WHAT_ZH[what]}编号“${item.id}”重复：${pathZh(at(firstId))}已使用` + `${same ? '' : `“${items[firstId].id}”（编号不区分大小写）`}；编号应各不相同`,
      });
      return;
    }
    seenIds.set(idKey, i);
    if (!withKeys) return;
    const key = nameKey(item.id).toLowerCase();
    const firstKey = seenKeys.get(key);
    if (firstKey !== undefined) {
      problems.push({
        path: [...at(i), 'id'],
        message:
          `${what} id "${item.id}" collides with "${items[firstKey].id}" (${formatPath(at(firstKey))}) in workbook names: ` +
          `both become "${nameKey(item.id)}"; expected ids that differ in a letter or digit`,
        zh:
          `${WHAT_ZH[what]}编号“${item.id}”与${pathZh(at(firstKey))}的“${items[firstKey].id}”在工作簿名称中相同：` +
          `都成为“${nameKey(item.id)}”；编号应至少有一个字母或数字不同`,
      });
      return;
    }
    seenKeys.set(key, i);
  });
}

/** The longest text Excel's criteria (COUNTIFS, MATCH) can take. */
export const MAX_CRITERIA = 255;

/** The length of a group's key as the workbook matches it: `<plan id>|<group>`, * ? ~ escaped with one more character (layout/figure-codes.ts). */
function criteriaLength(planId: unknown, group: string): number {
  const key = `${typeof planId === 'string' ? planId : ''}|${group}`;
  return key.length + (key.match(/[~*?\u0001]/g)?.length ?? 0); // eslint-disable-line no-control-regex -- U+0001 is the escape character of the codes
}

/** A period's kind (periods.ts) in Chinese. */
const PERIOD_KIND_ZH: Record<string, string> = { year: '年度', half: '半年', quarter: '季度', month: '月份' };

export function checkRules(data: ReportData): Problem[] {
  const problems: Problem[] = [];
  const plans = list<NonNullable<ReportData['plans']>[number]>(data?.plans);
  uniqueIds(plans, (i) => ['plans', i], 'plan', problems, true);
  plans.forEach((plan, p) => {
    const measures = list<NonNullable<typeof plan>['measures'][number]>(plan?.measures);
    uniqueIds(measures, (i) => ['plans', p, 'measures', i], 'measure', problems, false);
    if (!Array.isArray(plan?.groups)) return;
    const groups = new Map<string, number>();
    plan.groups.forEach((g, i) => {
      if (typeof g !== 'string') return;
      const long = criteriaLength(plan.id, g);
      if (long > MAX_CRITERIA) {
        problems.push({
          path: ['plans', p, 'groups', i],
          message:
            `group "${g.length > 40 ? `${g.slice(0, 40)}…` : g}" is too long for spreadsheet criteria: ` +
            `the workbook matches "<plan id>|<group>", here ${long} characters (* ? ~ count twice); expected at most ${MAX_CRITERIA}`,
          zh:
            `分组“${g.length > 40 ? `${g.slice(0, 40)}…` : g}”过长，超出电子表格条件的长度：工作簿按“方案编号|分组”匹配，` +
            `此处为 ${long} 个字符（* ? ~ 各计两个）；应不超过 ${MAX_CRITERIA} 个字符`,
        });
      }
      const first = groups.get(g.toLowerCase());
      if (first !== undefined) {
        problems.push({
          path: ['plans', p, 'groups', i],
          message: `duplicate group "${g}": already listed as groups[${first}] (group names ignore case); expected each group once`,
          zh: `分组“${g}”重复：已列为第${first + 1}个分组（分组名称不区分大小写）；每个分组应只列一次`,
        });
      } else groups.set(g.toLowerCase(), i);
    });
    measures.forEach((m, i) => {
      if (typeof m?.group === 'string' && !groups.has(m.group.toLowerCase())) {
        problems.push({
          path: ['plans', p, 'measures', i, 'group'],
          message: `group "${m.group}" is not in the plan's groups; expected one of: ${plan.groups!.map((g) => `"${g}"`).join(', ')}`,
          zh: `分组“${m.group}”不在本方案的分组中；应为以下之一：${plan.groups!.map((g) => `“${g}”`).join('、')}`,
        });
      }
    });
  });

  uniqueIds(list(data?.catalogs), (i) => ['catalogs', i], 'catalog', problems, true);

  const indicators = list<NonNullable<ReportData['indicators']>[number]>(data?.indicators);
  uniqueIds(indicators, (i) => ['indicators', i], 'indicator', problems, true);
  indicators.forEach((ind, n) => {
    const seen = new Map<string, number>();
    let kind: string | undefined;
    list<{ period?: unknown }>(ind?.observations).forEach((o, i) => {
      const p = typeof o?.period === 'string' || typeof o?.period === 'number' ? parsePeriod(o.period) : undefined;
      if (!p) return;
      const at: Path = ['indicators', n, 'observations', i, 'period'];
      if (kind === undefined) kind = p.kind;
      else if (p.kind !== kind) {
        problems.push({
          path: at,
          message: `period "${o.period}" is a ${p.kind}, but this indicator's first observation is a ${kind}; expected all observations of one kind of period`,
          zh: `期间“${o.period}”为${PERIOD_KIND_ZH[p.kind] ?? p.kind}，但本指标第一条观测值为${PERIOD_KIND_ZH[kind] ?? kind}；同一指标的观测值应为同一种期间`,
        });
        return;
      }
      const first = seen.get(p.text);
      if (first !== undefined) {
        problems.push({
          path: at,
          message: `duplicate period "${o.period}": already given by observations[${first}]; expected unique periods`,
          zh: `期间“${o.period}”重复：第${first + 1}条观测值已填此期间；各期间应各不相同`,
        });
      } else seen.set(p.text, i);
    });
  });
  return problems;
}
