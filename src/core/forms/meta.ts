/**
 * What made a form, recorded in a very hidden sheet of key/value rows (like a
 * report's `_plan_report`): the form format, the data format, the form's kind,
 * region, period and scope, every row as it was sent, and a digest of the
 * locked content, so that the collector can refuse a form for another period,
 * plan or format version, or one whose locked cells were changed.
 */
import { FORMAT, LOCALES, type Locale } from '../schema';
import { sha256Hex } from './digest';
import { FORM_COLUMNS, FORM_KINDS, HEAD, type FormContent, type FormKind, type FormScope, type Scalar } from './form';

export const FORM_META_SHEET = '_plan_report_form';
export const FORM_FORMAT = 'plan-report-form/v1';
const CHUNK = 30000;

export interface FormMeta extends FormScope {
  /** `plan-report-form/v1`. */
  form: string;
  /** The data format, `plan-report/v1`. */
  format: string;
  /** The region of the data file the form was made from. */
  region: string;
  locale: Locale;
  generator: string;
  generated: string;
  /** The form sheet's name. */
  sheet: string;
  /** The values of the block at the top of the form (region, period, scope), as shown in column B. */
  head: Scalar[];
  /** The field of each column, from column A. */
  fields: string[];
  headerRow: number;
  /** Every row as it was sent, aligned with `fields`. */
  rows: Scalar[][];
  newRows: number;
  /** SHA-256 of the locked content (lockedContent). */
  digest: string;
}

/** The keys of the record, in order; a key's row is its index + 1. */
export const META_KEYS = [
  'form',
  'format',
  'kind',
  'region',
  'period',
  'plan',
  'lead',
  'department',
  'catalog',
  'locale',
  'generator',
  'generated',
  'sheet',
  'head',
  'fields',
  'headerRow',
  'newRows',
  'rows',
  'digest',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** The cell of a key's value in the record sheet (`_plan_report_form!B5`). */
export function metaCell(key: MetaKey): string {
  return `${FORM_META_SHEET}!B${META_KEYS.indexOf(key) + 1}`;
}

/** Line ends as every program keeps them: some save a cell's CR LF as LF. */
export const lineEnds = (v: Scalar): Scalar => (typeof v === 'string' && v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v);

/** The locked content of a form: what a department cannot change (line ends aside). Its digest is recorded in the form. */
export function lockedContent(
  m: Pick<FormMeta, 'form' | 'kind' | 'region' | 'period' | 'plan' | 'lead' | 'department' | 'catalog' | 'sheet' | 'head' | 'fields' | 'headerRow' | 'newRows'>,
  rows: Scalar[][],
): string {
  const locked = FORM_COLUMNS[m.kind].map((c, i) => (c.locked ? i : -1)).filter((i) => i >= 0);
  return JSON.stringify([
    m.form,
    m.kind,
    m.region,
    m.period,
    m.plan ?? null,
    m.lead ?? null,
    m.department ?? null,
    m.catalog ?? null,
    m.sheet,
    m.head.map(lineEnds),
    m.fields,
    m.headerRow,
    m.newRows,
    rows.map((r) => locked.map((i) => lineEnds(r[i] ?? null))),
  ]);
}

export function digestOf(m: Parameters<typeof lockedContent>[0], rows: Scalar[][]): string {
  return sha256Hex(lockedContent(m, rows));
}

export function makeMeta(
  content: FormContent,
  info: { region: string; locale: Locale; generator: string; generated: string; sheet: string; head: Scalar[] },
): FormMeta {
  const s = content.scope;
  const base = {
    form: FORM_FORMAT,
    format: FORMAT,
    kind: s.kind,
    region: info.region,
    period: s.period,
    plan: s.plan,
    lead: s.lead,
    department: s.department,
    catalog: s.catalog,
    locale: info.locale,
    generator: info.generator,
    generated: info.generated,
    sheet: info.sheet,
    head: info.head,
    fields: FORM_COLUMNS[s.kind].map((c) => c.field),
    headerRow: HEAD.header,
    rows: content.rows,
    newRows: content.newRows,
  };
  return { ...base, digest: digestOf(base, content.rows) };
}

/** The record's rows: the key in A, the value in B and on (long values in chunks of 30,000 characters). */
export function metaRows(meta: FormMeta): string[][] {
  const value = (k: MetaKey): string => {
    const v = meta[k as keyof FormMeta];
    if (k === 'head' || k === 'fields' || k === 'rows') return JSON.stringify(v);
    return v === undefined ? '' : String(v);
  };
  return META_KEYS.map((k) => {
    const v = value(k);
    const cells: string[] = [k];
    for (let i = 0; i < v.length || i === 0; i += CHUNK) cells.push(v.slice(i, i + CHUNK));
    return cells;
  });
}

export class MetaError extends Error {
  constructor(
    readonly key: MetaKey | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the record back from its rows (each: key, then the value in chunks). Throws a MetaError naming the key at fault. */
export function parseFormMeta(rows: (string | undefined)[][]): FormMeta {
  const kv = new Map<string, string>();
  for (const r of rows)
    if (r[0])
      kv.set(
        r[0],
        r
          .slice(1)
          .map((c) => c ?? '')
          .join(''),
      );
  const get = (k: MetaKey): string => {
    const v = kv.get(k);
    if (v === undefined) throw new MetaError(undefined, `the form's record lacks "${k}"`);
    return v;
  };
  const opt = (k: MetaKey): string | undefined => get(k) || undefined;
  const json = <T>(k: MetaKey, check: (v: unknown) => boolean): T => {
    let v: unknown;
    try {
      v = JSON.parse(get(k));
    } catch {
      throw new MetaError(k, `the form's record of "${k}" is damaged`);
    }
    if (!check(v)) throw new MetaError(k, `the form's record of "${k}" is damaged`);
    return v as T;
  };
  const int = (k: MetaKey): number => {
    const n = Number(get(k));
    if (!Number.isInteger(n) || n < 0) throw new MetaError(k, `the form's record of "${k}" is damaged`);
    return n;
  };
  const form = get('form');
  const format = get('format');
  // The version is checked first: a later version may record other keys.
  if (form !== FORM_FORMAT || format !== FORMAT) return { form, format } as FormMeta;
  const kind = get('kind') as FormKind;
  if (!FORM_KINDS.includes(kind)) throw new MetaError('kind', `the form's record names an unknown kind of form "${kind}"`);
  const locale = get('locale') as Locale;
  const isScalar = (x: unknown) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
  const width = FORM_COLUMNS[kind].length;
  return {
    form,
    format,
    kind,
    region: get('region'),
    period: get('period'),
    plan: opt('plan'),
    lead: opt('lead'),
    department: opt('department'),
    catalog: opt('catalog'),
    locale: LOCALES.includes(locale) ? locale : 'en',
    generator: get('generator'),
    generated: get('generated'),
    sheet: get('sheet'),
    head: json('head', (v) => Array.isArray(v) && v.every(isScalar)),
    fields: json('fields', (v) => Array.isArray(v) && v.length === width && v.every((x, i) => x === FORM_COLUMNS[kind][i].field)),
    headerRow: int('headerRow'),
    newRows: int('newRows'),
    rows: json('rows', (v) => Array.isArray(v) && v.every((r) => Array.isArray(r) && r.length === width && r.every(isScalar))),
    digest: get('digest'),
  };
}
