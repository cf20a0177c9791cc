/**
 * What a form is: its kind, its columns (which are locked, which are filled
 * in), and which items of a data file it asks about. Shared by the form
 * builder and the reader of returned forms.
 */
import { InputError } from '../errors';
import { said } from '../messages/said';
import { monthIndex, parsePeriod, period, type Period, type PeriodKind } from '../periods';
import type { Catalog, CatalogEntry, Indicator, Measure, Observation, Plan, ReportData } from '../schema';
import type { FormKind } from './labels';

export type { FormKind } from './labels';
export const FORM_KINDS: readonly FormKind[] = ['measures', 'indicators', 'catalog'];

/** How a column's cells are written and read. */
export type ColumnType = 'text' | 'wrap' | 'date' | 'status' | 'percent' | 'number' | 'category' | 'whole' | 'entryNo';

export interface FormColumn {
  field: string;
  type: ColumnType;
  /** Locked columns identify the row; the others are filled in. */
  locked: boolean;
  width: number;
}

const col = (field: string, type: ColumnType, locked: boolean, width: number): FormColumn => ({ field, type, locked, width });

export const FORM_COLUMNS: Record<FormKind, FormColumn[]> = {
  measures: [
    col('plan', 'text', true, 16),
    col('id', 'text', true, 10),
    col('title', 'wrap', true, 50),
    col('lead', 'wrap', true, 24),
    col('due', 'date', true, 12),
    col('status', 'status', false, 14),
    col('completed', 'date', false, 13),
    col('progress', 'percent', false, 10),
    col('note', 'wrap', false, 48),
  ],
  indicators: [
    col('id', 'text', true, 16),
    col('name', 'wrap', true, 36),
    col('region', 'wrap', true, 18),
    col('unit', 'text', true, 14),
    // The last figure reported before the period asked, beside the cell to fill.
    col('lastPeriod', 'text', true, 10),
    col('lastValue', 'number', true, 12),
    col('period', 'text', true, 10),
    col('value', 'number', false, 14),
    col('growth', 'percent', false, 14),
  ],
  catalog: [
    col('no', 'entryNo', true, 7),
    col('product', 'wrap', false, 36),
    col('enterprise', 'wrap', false, 36),
    col('category', 'category', false, 14),
    col('registration', 'text', false, 22),
    col('listed', 'date', false, 12),
    col('hospitals', 'whole', false, 12),
  ],
};

/**
 * The columns of forms made by earlier versions, still read back by
 * `collect`: a returned form is read by the fields its record names.
 */
const EARLIER_COLUMNS: Record<FormKind, FormColumn[][]> = {
  measures: [],
  indicators: [FORM_COLUMNS.indicators.filter((c) => c.field !== 'lastPeriod' && c.field !== 'lastValue')],
  catalog: [],
};

/** The columns of a form of `kind` whose record names `fields`: this version's, or an earlier one's; undefined when neither. */
export function columnsOf(kind: FormKind, fields: readonly string[]): FormColumn[] | undefined {
  return [FORM_COLUMNS[kind], ...EARLIER_COLUMNS[kind]].find((cs) => cs.length === fields.length && cs.every((c, i) => c.field === fields[i]));
}

/** The top of a form sheet: title, then region, period and scope rows (label in A, value in B), a hint, the header. */
export const HEAD = { title: 1, region: 2, period: 3, scope: 4, hint: 5, header: 7 } as const;

/** Blank rows for new entries under a catalog form's entries. */
export const NEW_ROWS = 100;

/** A cell's value in a form, as the data has it: text, ISO dates as text, numbers; null for blank. */
export type Scalar = string | number | null;

/** What a form asks about. */
export interface FormRequest {
  kind: FormKind;
  /** measures: one plan's measures (with `lead`, that plan's measures of that department). */
  plan?: string;
  /** measures: the measures this department leads, alone or jointly (the lead's whole text, or one of its departments: see `departments`). */
  lead?: string;
  /** indicators: the indicators of this region or district. */
  region?: string;
  /** catalog: the catalog. */
  catalog?: string;
  /** The reporting period; the data's by default. */
  period?: string;
}

/** Who and what a form is for, as recorded in it. */
export interface FormScope {
  kind: FormKind;
  period: string;
  plan?: string;
  lead?: string;
  department?: string;
  catalog?: string;
}

export interface FormContent {
  scope: FormScope;
  /** One row of values per item, aligned with FORM_COLUMNS[kind]. */
  rows: Scalar[][];
  /** Blank rows for new entries (catalog forms). */
  newRows: number;
}

/** A lead's key: trimmed, spaces as one, lower case. Found once a text (a few hundred leads over tens of thousands of measures). */
const norm = (s: string): string => {
  let key = NORMS.get(s);
  if (key === undefined) {
    if (NORMS.size >= NORMS_KEPT) NORMS.clear();
    NORMS.set(s, (key = s.trim().replace(/\s+/g, ' ').toLowerCase()));
  }
  return key;
};
const NORMS = new Map<string, string>();
const NORMS_KEPT = 10_000;

/** Signs between the departments of a joint lead: `A、B`, `A; B`, `A；B`, `A，B`, `A, B`, or one a line. */
const LEAD_SEPARATORS = /[、;；,，\n]+/;
/** A remark on a department's part after its name: `市科委（牵头）`, `Health Commission (joint)`; not `(office 2)`, which names another. */
const LEAD_REMARK = /\s*[（(]\s*(?:共同牵头|牵头|主责|负责|配合|协办|联合|joint[^（）()]*|co-?lead[^（）()]*|lead[^（）()]*)\s*[)）]\s*$/i;

/**
 * The departments a lead names, each once, in order: `市科委（牵头）、市卫健委`
 * gives 市科委 and 市卫健委. A lead of one department gives that department.
 */
export function departments(lead: string | undefined): string[] {
  if (lead === undefined) return [];
  // A data file names a few hundred leads over tens of thousands of measures, and `form --all` asks about each
  // measure's lead several times: each lead's departments are found once (a copy is returned: callers may change it).
  let found = DEPARTMENTS.get(lead);
  if (!found) {
    if (DEPARTMENTS.size >= DEPARTMENTS_KEPT) DEPARTMENTS.clear();
    DEPARTMENTS.set(lead, (found = splitLead(lead)));
  }
  return [...found];
}

const DEPARTMENTS = new Map<string, string[]>();
const DEPARTMENTS_KEPT = 10_000;

function splitLead(lead: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of lead.split(LEAD_SEPARATORS)) {
    const name = (part.replace(LEAD_REMARK, '').trim() || part.trim()).replace(/\s+/g, ' ');
    if (name && !seen.has(norm(name))) {
      seen.add(norm(name));
      out.push(name);
    }
  }
  return out;
}

/** Whether a measure's lead names a department: the whole text, or one of its departments (ignoring case and spaces). */
export function leadMatches(lead: string | undefined, department: string): boolean {
  if (lead === undefined) return false;
  const d = norm(department);
  return norm(lead) === d || departments(lead).some((part) => norm(part) === d);
}

const PERIOD_MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

function periodText(kind: PeriodKind, year: number, endMonth: number): string {
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}-H${endMonth / 6}`;
    case 'quarter':
      return `${year}-Q${endMonth / 3}`;
    case 'month':
      return `${year}-${String(endMonth).padStart(2, '0')}`;
  }
}

/**
 * The period an indicator's row asks about: the form's period when the
 * indicator's observations are of that kind (or it has none), else the latest
 * whole period of the indicator's kind that ends by the form period's end
 * (a yearly indicator in 2024-Q3 asks for 2023).
 */
export function indicatorPeriod(indicator: Indicator, formPeriod: Period): string {
  const first = indicator.observations[0];
  const kind = first ? (parsePeriod(first.period)?.kind ?? formPeriod.kind) : formPeriod.kind;
  if (kind === formPeriod.kind) return formPeriod.text;
  const months = PERIOD_MONTHS[kind];
  let year = formPeriod.year;
  let end = Math.floor(formPeriod.endMonth / months) * months;
  if (end === 0) {
    year -= 1;
    end = 12;
  }
  return periodText(kind, year, end);
}

function measureRow(plan: Plan, m: Measure): Scalar[] {
  return [plan.id, m.id, m.title, m.lead ?? null, m.due ?? null, m.status, m.completed ?? null, m.progress ?? null, m.note ?? null];
}

/** The latest observation with a value before period `at`, if any. */
export function lastObservation(ind: Indicator, at: string): Observation | undefined {
  const before = monthIndex(period(at));
  let last: Observation | undefined;
  let lastAt = -Infinity;
  for (const o of ind.observations) {
    const p = parsePeriod(o.period);
    if (!p || o.value === undefined) continue;
    const m = monthIndex(p);
    if (m < before && m > lastAt) [last, lastAt] = [o, m];
  }
  return last;
}

function indicatorRow(ind: Indicator, at: string): Scalar[] {
  const o = ind.observations.find((x) => parsePeriod(x.period)?.text === at);
  const last = lastObservation(ind, at);
  const lastPeriod = last ? parsePeriod(last.period)!.text : null;
  return [ind.id, ind.name, ind.region ?? null, ind.unit ?? null, lastPeriod, last?.value ?? null, at, o?.value ?? null, o?.growth ?? null];
}

function entryRow(e: CatalogEntry, i: number): Scalar[] {
  return [i + 1, e.product, e.enterprise, e.category, e.registration ?? null, e.listed ?? null, e.hospitals ?? null];
}

const list = (xs: string[]) => (xs.length ? xs.map((x) => `"${x}"`).join(', ') : '(none)');

/** The measures of each lead department (by the lead's whole text and by each of its departments, normalized), in the data's order. */
export type LeadIndex = Map<string, { plan: Plan; measure: Measure }[]>;

/** Made once for the many forms of `--all`, each of which asks for one department's measures (a joint measure is on each). */
export function leadIndex(data: ReportData): LeadIndex {
  const index: LeadIndex = new Map();
  // Each lead's keys found once: a data file names a few hundred leads over tens of thousands of measures.
  const keysOf = new Map<string, string[]>();
  for (const plan of data.plans ?? [])
    for (const measure of plan.measures) {
      if (measure.lead === undefined) continue;
      let keys = keysOf.get(measure.lead);
      if (!keys) keysOf.set(measure.lead, (keys = [...new Set([norm(measure.lead), ...departments(measure.lead).map(norm)])]));
      for (const key of keys) {
        const group = index.get(key);
        if (group) group.push({ plan, measure });
        else index.set(key, [{ plan, measure }]);
      }
    }
  return index;
}

/**
 * The rows of a form. Throws an InputError (naming `file`, the data file)
 * when the request names nothing there. `leads` is the data's leadIndex, for
 * many requests of one lead each (`exactLead`) against the same data.
 */
export function selectForm(data: ReportData, req: FormRequest, file: string, leads?: LeadIndex): FormContent {
  const periodArg = req.period ?? data.report.period;
  const p = parsePeriod(periodArg);
  if (!p)
    throw InputError.one(file, `--period "${periodArg}" is not a period; expected 2024, 2024-H1, 2024-Q3 or 2024-07`, {
      zh: `--period “${periodArg}”不是可识别的期间；应写作 2024、2024-H1、2024-Q3 或 2024-07`,
    });
  const scope: FormScope = { kind: req.kind, period: p.text };
  const plans = data.plans ?? [];
  switch (req.kind) {
    case 'measures': {
      let chosen: Plan[] = plans;
      if (req.plan !== undefined) {
        const plan = plans.find((x) => x.id === req.plan);
        if (!plan) throw noPlan(file, req.plan, plans);
        chosen = [plan];
        scope.plan = plan.id;
      } else if (req.lead === undefined) {
        if (plans.length !== 1) {
          throw InputError.one(file, `has ${plans.length} plans; expected --plan (one of: ${list(plans.map((x) => x.id))}), --lead DEPARTMENT or --all`, {
            zh: `有 ${plans.length} 个方案；请用 --plan 指定其一（${listZh(plans.map((x) => x.id))}），或用 --lead 指定牵头单位，或用 --all`,
          });
        }
        scope.plan = plans[0].id;
      }
      const rows: Scalar[][] = [];
      if (leads && req.lead !== undefined) {
        const only = req.plan !== undefined ? chosen[0] : undefined;
        for (const { plan, measure } of leads.get(norm(req.lead)) ?? []) if (!only || plan === only) rows.push(measureRow(plan, measure));
      } else {
        for (const plan of chosen) {
          for (const m of plan.measures) if (req.lead === undefined || leadMatches(m.lead, req.lead)) rows.push(measureRow(plan, m));
        }
      }
      if (req.lead !== undefined) {
        scope.lead = req.lead.trim();
        if (!rows.length) {
          const leads = [...new Set(chosen.flatMap((x) => x.measures.flatMap((m) => departments(m.lead))))];
          throw InputError.one(
            file,
            `has no measures led by "${req.lead}"${scope.plan ? ` in plan ${scope.plan}` : ''}; expected one of the lead departments: ${list(leads)}`,
            { zh: `${scope.plan ? `方案 ${scope.plan} 中` : ''}没有由“${req.lead}”牵头的措施；应为以下牵头单位之一：${listZh(leads)}` },
          );
        }
      }
      return { scope, rows, newRows: 0 };
    }
    case 'indicators': {
      let chosen = data.indicators ?? [];
      if (req.region !== undefined) {
        chosen = chosen.filter((i) => i.region !== undefined && norm(i.region) === norm(req.region!));
        scope.department = req.region.trim();
        if (!chosen.length) {
          const regions = [...new Set((data.indicators ?? []).map((i) => i.region).filter((r): r is string => r !== undefined))];
          throw InputError.one(file, `has no indicators of region "${req.region}"; expected one of: ${list(regions)}`, {
            zh: `没有地区“${req.region}”的指标；应为以下地区之一：${listZh(regions)}`,
          });
        }
      }
      if (!chosen.length) throw InputError.one(file, NO_INDICATORS.message, { zh: NO_INDICATORS.zh });
      return { scope, rows: chosen.map((i) => indicatorRow(i, indicatorPeriod(i, p))), newRows: 0 };
    }
    case 'catalog':
      return catalogForm(data, req, file, scope);
  }
}

/** A catalog form: the catalog asked for, or the only one. */
function catalogForm(data: ReportData, req: FormRequest, file: string, scope: FormScope): FormContent {
  const catalogs = data.catalogs ?? [];
  let catalog: Catalog | undefined;
  if (req.catalog !== undefined) {
    catalog = catalogs.find((c) => c.id === req.catalog);
    if (!catalog)
      throw InputError.one(file, `has no catalog "${req.catalog}"; expected one of: ${list(catalogs.map((c) => c.id))}`, {
        zh: `没有目录“${req.catalog}”；应为以下之一：${listZh(catalogs.map((c) => c.id))}`,
      });
  } else if (catalogs.length === 1) catalog = catalogs[0];
  else if (!catalogs.length) throw InputError.one(file, NO_CATALOGS.message, { zh: NO_CATALOGS.zh });
  else
    throw InputError.one(file, `has ${catalogs.length} catalogs; expected --catalog (one of: ${list(catalogs.map((c) => c.id))}) or --all`, {
      zh: `有 ${catalogs.length} 个目录；请用 --catalog 指定其一（${listZh(catalogs.map((c) => c.id))}），或用 --all`,
    });
  scope.catalog = catalog.id;
  return { scope, rows: catalog.entries.map(entryRow), newRows: NEW_ROWS };
}

/** Said when a catalog form is asked of data without catalogs. */
const NO_CATALOGS = said(
  'has no catalogs, so there is no catalog form to make; expected a data file with a catalogs list (data-format.md), or another --kind (measures, indicators)',
  '没有目录（catalogs），无从制作目录表单；应为含目录的数据文件（见 data-format.md），或改用其他 --kind（measures、indicators）',
);

const NO_INDICATORS = said('has no indicators; expected a data file with indicators for an indicators form', '没有指标；制作指标表单应使用含指标的数据文件');

/** Ids or names listed in a Chinese sentence. */
const listZh = (xs: string[]) => (xs.length ? xs.join('、') : '无');

function noPlan(file: string, id: string, plans: Plan[]): InputError {
  return InputError.one(file, `has no plan "${id}"; expected one of: ${list(plans.map((x) => x.id))}`, {
    zh: `没有方案“${id}”；应为以下之一：${listZh(plans.map((x) => x.id))}`,
  });
}

/**
 * The requests of `--all`: one measures form per lead department (a joint
 * lead, `A、B` or `A; B`, puts its measure on the form of each), one
 * indicators form per region, one catalog form per catalog. `left` counts the
 * items no form covers (measures without a lead, indicators without a
 * region). Throws an InputError saying why when there is no form to make.
 */
export function allForms(data: ReportData, req: FormRequest, file: string): { requests: FormRequest[]; left: number } {
  const seen = new Map<string, string>();
  let left = 0;
  const add = (key: string | undefined) => {
    if (key === undefined || !key.trim()) left++;
    else if (!seen.has(norm(key))) seen.set(norm(key), key.trim());
  };
  switch (req.kind) {
    case 'measures': {
      let plans = data.plans ?? [];
      if (req.plan !== undefined) {
        plans = plans.filter((p) => p.id === req.plan);
        if (!plans.length) throw noPlan(file, req.plan, data.plans ?? []);
      }
      // A lead seen before adds no department (a few hundred leads over tens of thousands of measures).
      const leads = new Set<string>();
      for (const p of plans)
        for (const m of p.measures) {
          if (m.lead !== undefined && leads.has(m.lead)) continue;
          const ds = departments(m.lead);
          if (ds.length) leads.add(m.lead!);
          if (!ds.length) add(undefined);
          for (const d of ds) add(d);
        }
      if (!seen.size) {
        const ids = plans.filter((p) => p.measures.length).map((p) => p.id);
        if (!ids.length)
          throw InputError.one(
            file,
            `has no measures${req.plan !== undefined ? ` in plan ${req.plan}` : ''}; expected plans with measures for a measures form`,
            { zh: `${req.plan !== undefined ? `方案 ${req.plan} 中` : ''}没有措施；制作措施表单应使用含措施的方案` },
          );
        throw InputError.one(
          file,
          `none of its ${left} measure${left === 1 ? '' : 's'}${req.plan !== undefined ? ` in plan ${req.plan}` : ''} names a lead department, so --all has no department to make a form for; make one form per plan with --plan ID, without --all (${list(ids)})`,
          {
            zh: `${req.plan !== undefined ? `方案 ${req.plan} 的 ` : ''}${left} 项措施均未填写牵头单位，--all 无从按单位制作表单；请不用 --all，改用 --plan 逐个方案制作（${listZh(ids)}）`,
          },
        );
      }
      return { requests: [...seen.values()].map((lead) => ({ ...req, lead })), left };
    }
    case 'indicators':
      for (const i of data.indicators ?? []) add(i.region);
      if (!seen.size) return { requests: data.indicators?.length ? [{ ...req }] : [], left: 0 };
      return { requests: [...seen.values()].map((region) => ({ ...req, region })), left };
    case 'catalog':
      if (!data.catalogs?.length) throw InputError.one(file, NO_CATALOGS.message, { zh: NO_CATALOGS.zh });
      return { requests: data.catalogs.map((c) => ({ ...req, catalog: c.id })), left: 0 };
  }
}
