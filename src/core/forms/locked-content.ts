/**
 * What a department cannot change in a form (the locked content), and its
 * digest, which the form's record keeps (record/form-record.ts) and the
 * collector checks against the returned cells.
 */
import type { FormRecord } from '../record/form-record';
import { sha256Hex } from './digest';
import { columnsOf, FORM_COLUMNS, type Scalar } from './form';

/** Line ends as every program keeps them: some save a cell's CR LF as LF. */
export const lineEnds = (v: Scalar): Scalar => (typeof v === 'string' && v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v);

/** The locked content of a form: what a department cannot change (line ends aside). Its digest is recorded in the form. */
export function lockedContent(
  m: Pick<
    FormRecord,
    'form' | 'kind' | 'region' | 'period' | 'plan' | 'lead' | 'department' | 'catalog' | 'sheet' | 'head' | 'fields' | 'headerRow' | 'newRows'
  >,
  rows: Scalar[][],
): string {
  const locked = (columnsOf(m.kind, m.fields) ?? FORM_COLUMNS[m.kind]).map((c, i) => (c.locked ? i : -1)).filter((i) => i >= 0);
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

/** The SHA-256 of a text's UTF-8 bytes (lone surrogates as U+FFFD), as 64 lowercase hex digits. */
export type Sha256Hex = (text: string) => string;

/** The digest of the locked content; `sha256` is the core's own unless a faster one is given (the command line's node:crypto). */
export function digestOf(m: Parameters<typeof lockedContent>[0], rows: Scalar[][], sha256: Sha256Hex = sha256Hex): string {
  return sha256(lockedContent(m, rows));
}
