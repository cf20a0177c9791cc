/**
 * The register of sent forms, kept beside the data file (`data.yaml.forms.json`,
 * written by `plan-report form`, read by `collect`): a secret key, and per
 * form its id, its scope and every row as it was sent. A form's record
 * carries its id and a seal, an HMAC-SHA256 of the whole record under the
 * key; `collect` refuses a form whose id the register does not know or whose
 * seal does not match, and takes the sent rows and the scope from the
 * register, never from the form. Pure: the command line reads and writes the
 * file and draws the random key and ids.
 */
import { z } from 'zod';
import { type Located } from '../errors';
import { FORM_FORMAT, formRecordCell, sealText, type FormRecord } from '../record/form-record';
import { comparePeriods, parsePeriod } from '../periods';
import { hmacSha256Hex } from './digest';

export const REGISTER_FORMAT = 'plan-report-forms/v1';

/** What the register keeps of a sent form: what the collector needs to read its return. */
export const SENT_KEYS = [
  'kind',
  'region',
  'period',
  'plan',
  'lead',
  'department',
  'catalog',
  'sheet',
  'fields',
  'headerRow',
  'rows',
  'newRows',
  'digest',
] as const;
type SentKey = (typeof SENT_KEYS)[number];

export type SentForm = Pick<FormRecord, SentKey> & { id: string; generated: string; file?: string };

export interface FormRegister {
  format: string;
  /** The key of the seals, 64 hex digits: never sent with a form. */
  key: string;
  forms: SentForm[];
}

/** The register's name for a data file: beside it, named after it. */
export const registerFileOf = (dataFile: string): string => `${dataFile}.forms.json`;

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** The seal of a record (its `seal` aside) under the register's key. */
export function sealOf(record: FormRecord, key: string): string {
  return hmacSha256Hex(hexBytes(key), sealText(record));
}

/** A record's entry for the register. */
export function sentForm(record: FormRecord, file?: string): SentForm {
  const entry: Record<string, unknown> = { id: record.id, generated: record.generated };
  for (const k of SENT_KEYS) if (record[k] !== undefined) entry[k] = record[k];
  if (file !== undefined) entry.file = file;
  return entry as SentForm;
}

/**
 * A sent form's text in the register's file: what JSON.stringify(register, null, 1) writes for it as an item of
 * `forms`, at its depth (cut out of a register-deep wrapper's text: a fifth of the time of indenting it after).
 * `form --all` makes it when the form is entered, while the threads write the next forms, so that saving only
 * writes the texts (registerParts).
 */
export function sentFormText(entry: SentForm): string {
  // `[\n [\n` + the entry two deep + `\n ]\n]`.
  return JSON.stringify([[entry]], null, 1).slice(5, -5);
}

/**
 * The register's text in parts, joined JSON.stringify(register, null, 1) byte for byte: its own keys, then each form's
 * text as `textOf` gives it (sentFormText's), so that a large register is written part by part, never held whole.
 */
export function registerParts(register: FormRegister, textOf: (entry: SentForm) => string = sentFormText): string[] {
  if (!register.forms.length) return [JSON.stringify(register, null, 1)];
  // The register's own keys around a one-item `forms`, whose item (`  0`, on a line of its own) the forms' texts replace;
  // a key of a later version holding such an item too leaves nothing to tell them apart: the text is then made whole.
  const pieces = JSON.stringify({ ...register, forms: [0] }, null, 1).split('\n  0\n');
  if (pieces.length !== 2) return [JSON.stringify(register, null, 1)];
  const [head, tail] = pieces;
  const parts = [`${head}\n`];
  for (const [i, f] of register.forms.entries()) parts.push(i ? `,\n${textOf(f)}` : textOf(f));
  parts.push(`\n${tail}`);
  return parts;
}

/**
 * Drops from the register the forms sent for a period before `period` (the
 * data file's reporting period) but those of `keep`: collect takes a return
 * only for the data file's own period, so theirs can no longer be collected
 * (unless the data file's period is set back). Without it the register grows
 * by every run of `form` (some 17 MB a 1,000 forms of 50 measures), read and
 * written whole at each. A period that does not parse is kept. Returns how many
 * were dropped.
 */
export function dropEarlierForms(register: FormRegister, period: string, keep: ReadonlySet<SentForm> = new Set()): number {
  const now = parsePeriod(period);
  if (!now) return 0;
  const before = register.forms.length;
  register.forms = register.forms.filter((f) => {
    if (keep.has(f)) return true;
    const p = parsePeriod(f.period);
    return !p || comparePeriods(p, now) >= 0;
  });
  return before - register.forms.length;
}

const scalar = z.union([z.string(), z.number(), z.null()]);
const sentSchema = z.looseObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  generated: z.string(),
  kind: z.enum(['measures', 'indicators', 'catalog']),
  region: z.string(),
  period: z.string(),
  plan: z.string().optional(),
  lead: z.string().optional(),
  department: z.string().optional(),
  catalog: z.string().optional(),
  sheet: z.string(),
  fields: z.array(z.string()),
  headerRow: z.int().min(0),
  rows: z.array(z.array(scalar)),
  newRows: z.int().min(0),
  digest: z.string(),
  file: z.string().optional(),
});
const registerSchema = z.object({
  format: z.literal(REGISTER_FORMAT),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  forms: z.array(sentSchema),
});

/** Reads a register's parsed JSON; the message of the first problem when it is not one. */
export function parseRegister(json: unknown): FormRegister | string {
  const r = registerSchema.safeParse(json);
  if (r.success) return r.data as FormRegister;
  const issue = r.error.issues[0];
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

const AGAIN_ZH = '请用“plan-report form”重新制作表单并发送';

/**
 * The sent form a returned record stands for: its id known to the register,
 * its seal made with the register's key, its content what was registered.
 * Otherwise the problem, located at the record's cell, saying how to proceed.
 */
export function sentFormOf(record: FormRecord, register: FormRegister, file: string, registerFile: string): SentForm | Located {
  const again = `make the form again with \`plan-report form\` and send that one`;
  const entry = register.forms.find((f) => f.id === record.id);
  if (!entry || record.form !== FORM_FORMAT)
    return {
      file,
      cell: formRecordCell('id'),
      message: `is not a form sent from this data file (its id is not in ${registerFile}); expected a form made by \`plan-report form\` from this data file (${again})`,
      zh: `不是由该数据文件发出的表单（其编号不在 ${registerFile} 中）；应为由“plan-report form”从该数据文件制作的表单（${AGAIN_ZH}）`,
    };
  if (sealOf(record, register.key) !== record.seal)
    return {
      file,
      cell: formRecordCell('seal'),
      message: `the form's hidden record was altered or forged (its seal does not match ${registerFile}); expected the form as it was sent (${again})`,
      zh: `表单的隐藏记录被改动或伪造（其印记与 ${registerFile} 不符）；应使用原样发出的表单（${AGAIN_ZH}）`,
    };
  for (const k of SENT_KEYS)
    if (JSON.stringify(record[k] ?? null) !== JSON.stringify(entry[k] ?? null))
      return {
        file,
        cell: formRecordCell(k),
        message: `the form's record of "${k}" is not what ${registerFile} holds for form ${record.id}; expected the form as it was sent (${again})`,
        zh: `表单隐藏记录中的“${k}”与 ${registerFile} 为表单 ${record.id} 所记不符；应使用原样发出的表单（${AGAIN_ZH}）`,
      };
  return entry;
}
