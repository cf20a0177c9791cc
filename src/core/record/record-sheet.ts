/**
 * A record sheet: what made a workbook, kept in a very hidden sheet of
 * key/value rows (`_plan_report` in a report, `_plan_report_form` in a form),
 * so that readers can check it. A key in column A, its value as text from
 * column B on, cut into chunks of 30,000 characters (a cell holds at most
 * 32,767); a structured value is JSON. This module writes such a sheet and
 * reads it back, validating the whole record with a zod schema and locating
 * every problem at its cell; report-record.ts and form-record.ts say what
 * each record holds.
 */
import type { z } from 'zod';
import { InputError } from '../errors';
import { both, type Said } from '../messages/said';
import type { Row, Sheet, SheetProtection } from '../layout/model';
import { isBlank, type GridSheet } from '../read/grid';
import { formatPath } from '../rules';

const CHUNK = 30000;

/** How a record is laid out and what its messages say. */
export interface RecordLayout<K extends string = string> {
  /** The sheet's name. */
  sheet: string;
  /** The keys in the order they are written: a key's value is in row (index + 1), from column B. */
  keys: readonly K[];
  /** The keys whose value is JSON; the others are text. */
  json: readonly K[];
  /** What the record is, for messages: `the form's record`. */
  what: string;
  /** What was expected instead of a damaged record, ending every message about one. */
  expected: string;
  /** The same two in Chinese: `表单的隐藏记录`, `应为由“plan-report form”制作且未经改动的表单`. */
  whatZh: string;
  expectedZh: string;
}

/** A problem with a record, at the cell of the key at fault (A1 for a key that is missing). */
export interface RecordProblem {
  cell: string;
  /** Where in the key's value, `skeleton.plans[0].id`. */
  path?: string;
  message: string;
  zh?: string;
}

/** A record that cannot be read. Readers turn it into an InputError naming the workbook (recordError). */
export class RecordError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'));
    this.name = 'RecordError';
  }

  static at(cell: string, said: Said): RecordError {
    return new RecordError([{ cell, ...said }]);
  }
}

/** The cell of a key's value (`_plan_report_form!B5`). */
export function recordCell<K extends string>(layout: RecordLayout<K>, key: K): string {
  return `${layout.sheet}!B${layout.keys.indexOf(key) + 1}`;
}

/** A record's rows: each key in A, its value from B on (long values in chunks). */
export function recordRows<K extends string>(layout: RecordLayout<K>, values: Record<K, string>): string[][] {
  return layout.keys.map((k) => {
    const v = values[k];
    const cells = [k as string];
    for (let i = 0; i < v.length || i === 0; i += CHUNK) cells.push(v.slice(i, i + CHUNK));
    return cells;
  });
}

/** The very hidden sheet of a record, in the layout model. */
export function recordSheet<K extends string>(layout: RecordLayout<K>, values: Record<K, string>, protection?: SheetProtection): Sheet {
  const rows: Row[] = recordRows(layout, values).map((cells) => ({ cells: cells.map((v) => ({ v })) }));
  return {
    key: 'meta',
    name: layout.sheet,
    state: 'veryHidden',
    columns: [{ width: 16 }, { width: 80 }],
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...(protection ? { protection } : {}),
  };
}

/**
 * The rows of a record sheet as text: a key in column A, then its value's
 * chunks, each row read up to the first blank cell after column B.
 * `maxRows` and `maxColumns` bound the reading of a workbook that came back
 * from someone else.
 */
export function sheetRecordRows(sheet: GridSheet, maxRows = Infinity, maxColumns = Infinity): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, maxRows); r++) {
    const cells: (string | undefined)[] = [];
    for (let c = 1; c <= maxColumns; c++) {
      const v = sheet.cell(r, c);
      if (isBlank(v) && c > 2) break;
      cells.push(isBlank(v) ? undefined : String(v));
    }
    rows.push(cells);
  }
  return rows;
}

/** Each key's text (its chunks joined), from a record's rows; a key given twice keeps its last row. */
export function recordTexts(rows: (string | undefined)[][]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of rows)
    if (r[0])
      texts.set(
        r[0],
        r
          .slice(1)
          .map((c) => c ?? '')
          .join(''),
      );
  return texts;
}

/** A key's text; refuses a record that lacks it. */
export function recordText<K extends string>(layout: RecordLayout<K>, texts: Map<string, string>, key: K): string {
  const v = texts.get(key);
  if (v === undefined)
    throw RecordError.at(
      `${layout.sheet}!A1`,
      both(`${layout.what} lacks "${key}"; ${layout.expected}`, `${layout.whatZh}缺少“${key}”一项；${layout.expectedZh}`),
    );
  return v;
}

/** At most this many problems are listed for a damaged record. */
const MAX_PROBLEMS = 10;

/**
 * The record, every key present, the JSON ones parsed, the whole checked by
 * `schema` (whose messages say what was expected). Throws a RecordError
 * locating each problem at its key's cell.
 */
export function decodeRecord<K extends string, S extends z.ZodType>(layout: RecordLayout<K>, texts: Map<string, string>, schema: S): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const k of layout.keys) {
    const text = recordText(layout, texts, k);
    if (!layout.json.includes(k)) raw[k] = text;
    else {
      try {
        raw[k] = JSON.parse(text);
      } catch {
        throw RecordError.at(
          recordCell(layout, k),
          both(`${layout.what} of "${k}" is damaged (not JSON); ${layout.expected}`, `${layout.whatZh}中的“${k}”一项已损坏；${layout.expectedZh}`),
        );
      }
    }
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new RecordError(
    result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
      const key = String(issue.path[0]) as K;
      const cell = layout.keys.includes(key) ? recordCell(layout, key) : `${layout.sheet}!A1`;
      const path = issue.path.length > 1 ? formatPath(issue.path as (string | number)[]) : undefined;
      return {
        cell,
        path,
        ...both(`${layout.what} of "${key}" is damaged (${issue.message}); ${layout.expected}`, `${layout.whatZh}中的“${key}”一项已损坏；${layout.expectedZh}`),
      };
    }),
  );
}

/** A RecordError as the InputError of a workbook file; other errors as they are. */
export function recordError(err: unknown, file: string): unknown {
  if (!(err instanceof RecordError)) return err;
  return new InputError(
    err.problems.map((p) => ({ file, cell: p.cell, ...(p.path ? { path: p.path } : {}), message: p.message, ...(p.zh ? { zh: p.zh } : {}) })),
  );
}
