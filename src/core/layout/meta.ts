/**
 * What made a workbook, recorded in a very hidden sheet of key/value rows so
 * that readers (extract, the add-in's check and export, `--template FILE.xlsx`)
 * can check it: format versions, the template itself, the generator, the
 * report period and locale, the sheets' names and columns, and the parts of
 * the data that no visible sheet holds.
 */
import type { Locale, ReportData } from '../schema';
import { FORMAT } from '../schema';
import type { Template } from '../template';
import type { Context } from './context';
import type { Cell, Sheet } from './model';

export const META_SHEET = '_plan_report';
export const WORKBOOK_FORMAT = 'plan-report-workbook/v1';
const CHUNK = 30000;

/** The parts of the data not held in the data sheets' rows. */
export interface Skeleton {
  report: ReportData['report'];
  plans: Omit<NonNullable<ReportData['plans']>[number], 'measures'>[];
  catalogs: Omit<NonNullable<ReportData['catalogs']>[number], 'entries'>[];
  /** Which kinds of data the report's template carries. */
  kinds: { plans: boolean; catalogs: boolean; indicators: boolean };
  /** Which of the optional top-level lists the data file had (a reader gives them back even when empty). */
  present: { plans: boolean; catalogs: boolean; indicators: boolean };
}

export interface Meta {
  format: string;
  workbook: string;
  template: Template;
  generator: string;
  period: string;
  locale: Locale;
  generated: string;
  skeleton: Skeleton;
  /** Sheet key -> its name and the field of each column. */
  sheets: Record<string, { name: string; fields: string[] }>;
}

export function skeletonOf(ctx: Context): Skeleton {
  const { data } = ctx;
  return {
    report: data.report,
    plans: ctx.has.measures ? (data.plans ?? []).map(({ measures: _m, ...rest }) => rest) : [],
    catalogs: ctx.has.catalog ? (data.catalogs ?? []).map(({ entries: _e, ...rest }) => rest) : [],
    kinds: { plans: ctx.has.measures, catalogs: ctx.has.catalog, indicators: ctx.has.indicators },
    present: { plans: data.plans !== undefined, catalogs: data.catalogs !== undefined, indicators: data.indicators !== undefined },
  };
}

function row(key: string, value: string): { cells: Cell[] } {
  const cells: Cell[] = [{ v: key }];
  for (let i = 0; i < value.length || i === 0; i += CHUNK) cells.push({ v: value.slice(i, i + CHUNK) });
  return { cells };
}

export function metaSheet(ctx: Context, sheets: Sheet[]): Sheet {
  const meta: Record<string, string> = {
    format: FORMAT,
    workbook: WORKBOOK_FORMAT,
    template: JSON.stringify(ctx.template),
    generator: ctx.options.generator,
    period: ctx.data.report.period,
    locale: ctx.locale,
    generated: ctx.options.generatedAt,
    skeleton: JSON.stringify(skeletonOf(ctx)),
    sheets: JSON.stringify(Object.fromEntries(sheets.map((s) => [s.key, { name: s.name, fields: s.table?.fields ?? [] }]))),
  };
  return {
    key: 'meta',
    name: META_SHEET,
    state: 'veryHidden',
    columns: [{ width: 16 }, { width: 80 }],
    rows: Object.entries(meta).map(([k, v]) => row(k, v)),
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** Reads the meta sheet's rows back (each row: key, then the value in chunks). Throws on a malformed sheet. */
export function parseMeta(rows: (string | undefined)[][]): Meta {
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
  const get = (k: string) => {
    const v = kv.get(k);
    if (v === undefined) throw new Error(`the record of what made this workbook lacks "${k}"`);
    return v;
  };
  return {
    format: get('format'),
    workbook: get('workbook'),
    template: JSON.parse(get('template')) as Template,
    generator: get('generator'),
    period: get('period'),
    locale: get('locale') as Locale,
    generated: get('generated'),
    skeleton: JSON.parse(get('skeleton')) as Skeleton,
    sheets: JSON.parse(get('sheets')) as Meta['sheets'],
  };
}
