/**
 * The record of what made a form, in its very hidden sheet
 * `_plan_report_form` (record-sheet.ts, like a report's `_plan_report`): the
 * form format, the data format, the form's kind, region, period and scope,
 * every row as it was sent, and a digest of the locked content, so that the
 * collector can refuse a form for another period, plan or format version, or
 * one whose locked cells were changed. From v2, the form's id in the register
 * of sent forms and a seal (HMAC-SHA256 of the whole record under the
 * register's key, forms/register.ts), so that an edited or forged record is
 * refused.
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { both, said } from '../messages/said';
import { digestOf, type Sha256Hex } from '../forms/locked-content';
import { columnsOf, FORM_COLUMNS, FORM_KINDS, HEAD, type FormContent, type FormScope, type Scalar } from '../forms/form';
import type { FormKind } from '../forms/labels';
import type { Sheet, SheetProtection } from '../layout/model';
import type { GridWorkbook } from '../read/grid';
import { REPORT_RECORD_SHEET } from './report-record';
import { FORMAT, LOCALES, type Locale } from '../schema';
import {
  decodeRecord,
  RecordError,
  recordCell,
  recordError,
  recordRows,
  recordSheet,
  recordText,
  recordTexts,
  sheetRecordRows,
  type RecordLayout,
} from './record-sheet';

export const FORM_RECORD_SHEET = '_plan_report_form';
export const FORM_FORMAT = 'plan-report-form/v2';

export interface FormRecord extends FormScope {
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
  /** SHA-256 of the locked content (lockedContent, forms/locked-content.ts). */
  digest: string;
  /** The form's id in the register of sent forms (32 hex digits). */
  id: string;
  /** HMAC-SHA256 of the record (sealText) under the register's key. */
  seal: string;
}

/** The keys of the record, in order; a key's row is its index + 1. */
export const FORM_RECORD_KEYS = [
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
  'id',
  'seal',
] as const;
export type FormRecordKey = (typeof FORM_RECORD_KEYS)[number];

const FORM_RECORD: RecordLayout<FormRecordKey> = {
  sheet: FORM_RECORD_SHEET,
  keys: FORM_RECORD_KEYS,
  json: ['head', 'fields', 'rows'],
  what: "the form's record",
  expected: 'expected a form made by `plan-report form`, unaltered',
  whatZh: '表单的隐藏记录',
  expectedZh: '应为由“plan-report form”制作且未经改动的表单',
};

/** The cell of a key's value in the record sheet (`_plan_report_form!B5`). */
export function formRecordCell(key: FormRecordKey): string {
  return recordCell(FORM_RECORD, key);
}

/** A form's id and the function that seals its record (forms/register.ts); blank when the form is not registered (tests). */
export interface FormSeal {
  id: string;
  seal: (record: FormRecord) => string;
}

export function makeFormRecord(
  content: FormContent,
  info: Pick<FormRecord, 'region' | 'locale' | 'generator' | 'generated' | 'sheet' | 'head'> & { headerRow?: number; seal?: FormSeal; sha256?: Sha256Hex },
): FormRecord {
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
    headerRow: info.headerRow ?? HEAD.header,
    rows: content.rows,
    newRows: content.newRows,
  };
  const record = { ...base, digest: digestOf(base, content.rows, info.sha256), id: info.seal?.id ?? '', seal: '' };
  const t = texts(record);
  TEXTS.set(record, t);
  const sealed = { ...record, seal: info.seal?.seal(record) ?? '' };
  TEXTS.set(sealed, { ...t, seal: sealed.seal });
  return sealed;
}

/**
 * The texts of the records makeFormRecord made, made once: its seal and its sheet both need them, and the rows' JSON
 * is most of a form's record (`form --all` makes a thousand). Nothing changes a record once made (a reader's record
 * is a new one, never kept here).
 */
const TEXTS = new WeakMap<FormRecord, Record<FormRecordKey, string>>();

/** What a record's seal covers: every key's text but the seal's own. */
export function sealText(record: FormRecord): string {
  const t = textsOf(record);
  return JSON.stringify(FORM_RECORD_KEYS.filter((k) => k !== 'seal').map((k) => [k, t[k]]));
}

/** A record's texts: kept ones when makeFormRecord made it. */
const textsOf = (record: FormRecord): Record<FormRecordKey, string> => TEXTS.get(record) ?? texts(record);

/** Each key's value as the record holds it: text, with the head, fields and rows as JSON. */
function texts(record: FormRecord): Record<FormRecordKey, string> {
  const value = (k: FormRecordKey): string => {
    const v = record[k];
    if (k === 'head' || k === 'fields' || k === 'rows') return JSON.stringify(v);
    return v === undefined ? '' : String(v);
  };
  return Object.fromEntries(FORM_RECORD_KEYS.map((k) => [k, value(k)])) as Record<FormRecordKey, string>;
}

/** The record's rows: the key in A, the value in B and on (long values in chunks of 30,000 characters). */
export function formRecordRows(record: FormRecord): string[][] {
  return recordRows(FORM_RECORD, textsOf(record));
}

/** The record's very hidden sheet, protected like the form. */
export function formRecordSheet(record: FormRecord, protection: SheetProtection): Sheet {
  return recordSheet(FORM_RECORD, textsOf(record), protection);
}

const text = () => z.string({ error: 'expected text' });
/** Blank is no value (a scope the form does not have). */
const optionalText = () => text().transform((s) => s || undefined);
/** A count written as text; blank read as 0, as Number() reads it. */
const count = () =>
  text()
    .transform(Number)
    .pipe(z.int({ error: 'expected a whole number' }).min(0, { error: 'expected a whole number >= 0' }));
const scalar = z.union([z.string(), z.number().finite(), z.null()], { error: 'expected text, a number or null' });

/** The record's schema for a kind of form: the fields and the width of every row are the kind's. */
function schemaFor(kind: FormKind) {
  const fields = FORM_COLUMNS[kind].map((c) => c.field);
  return (
    z
      .object({
        form: text(),
        format: text(),
        kind: z.literal(kind),
        region: text(),
        period: text(),
        plan: optionalText(),
        lead: optionalText(),
        department: optionalText(),
        catalog: optionalText(),
        // An unknown language reads as English: the form can still be collected.
        locale: z.enum(LOCALES).catch('en'),
        generator: text(),
        generated: text(),
        sheet: text(),
        head: z.array(scalar, { error: 'expected a list of values' }),
        // This version's fields, or an earlier version's (a form sent before an update is still collected).
        fields: z.array(text()).refine((v) => columnsOf(kind, v) !== undefined, {
          error: `expected the fields ${fields.join(', ')}`,
        }),
        headerRow: count(),
        newRows: count(),
        rows: z.array(z.array(scalar), { error: 'expected a list of rows' }),
        digest: text(),
        id: text(),
        seal: text(),
      })
      // Each row has a value per field (checked once the fields are known to be a form's).
      .superRefine((r, ctx) => {
        if (!columnsOf(kind, r.fields)) return;
        r.rows.forEach((row, i) => {
          if (row.length !== r.fields.length) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `expected a row of ${r.fields.length} values` });
        });
      })
  );
}

/** Made once per kind: a zod schema is compiled when first used. */
const SCHEMAS = new Map(FORM_KINDS.map((kind) => [kind, schemaFor(kind)]));

/**
 * Reads the record back from its rows (each: key, then the value in chunks),
 * refusing another version first (a later one may record other keys), then
 * anything the record should not hold. Throws a RecordError naming the cell
 * at fault.
 */
export function parseFormRecord(rows: (string | undefined)[][]): FormRecord {
  const values = recordTexts(rows);
  const form = recordText(FORM_RECORD, values, 'form');
  if (form !== FORM_FORMAT) {
    throw RecordError.at(
      formRecordCell('form'),
      both(
        `is a form of format "${form}"; expected "${FORM_FORMAT}" (make the form again with this version of plan-report)`,
        `表单格式为“${form}”；应为“${FORM_FORMAT}”（请用本版 plan-report 重新制作表单）`,
      ),
    );
  }
  const format = recordText(FORM_RECORD, values, 'format');
  if (format !== FORMAT)
    throw RecordError.at(
      formRecordCell('format'),
      both(`is a form for data format "${format}"; expected "${FORMAT}"`, `表单对应的数据格式为“${format}”；应为“${FORMAT}”`),
    );
  const kind = recordText(FORM_RECORD, values, 'kind') as FormKind;
  if (!FORM_KINDS.includes(kind)) {
    throw RecordError.at(
      formRecordCell('kind'),
      both(
        `${FORM_RECORD.what} names an unknown kind of form "${kind}"; ${FORM_RECORD.expected}`,
        `${FORM_RECORD.whatZh}所记表单类型“${kind}”无法识别；${FORM_RECORD.expectedZh}`,
      ),
    );
  }
  return decodeRecord(FORM_RECORD, values, SCHEMAS.get(kind)!);
}

const REPORT_NOT_FORM = said(
  'is a report workbook made by `plan-report generate`, not a form; expected a form made by `plan-report form` (read a report with `plan-report extract`)',
  '是由“plan-report generate”生成的报告工作簿，不是表单；应为由“plan-report form”制作的表单（读取报告请用“plan-report extract”）',
);

/** The record of what made a form; refuses other workbooks, other versions and a damaged record. */
export function readFormRecord(wb: GridWorkbook, file: string): FormRecord {
  const sheet = wb.sheet(FORM_RECORD_SHEET);
  if (!sheet) {
    if (wb.sheet(REPORT_RECORD_SHEET)) throw InputError.one(file, REPORT_NOT_FORM.message, { zh: REPORT_NOT_FORM.zh });
    throw InputError.one(file, `has no "${FORM_RECORD_SHEET}" sheet; expected a form made by \`plan-report form\``, {
      zh: `没有“${FORM_RECORD_SHEET}”工作表，不是“plan-report form”制作的表单；应为由“plan-report form”制作的表单`,
    });
  }
  try {
    return parseFormRecord(sheetRecordRows(sheet, 200, 10000));
  } catch (err) {
    throw recordError(err, file);
  }
}
