/**
 * Reads a returned form through the grid of cell values (read from the
 * form's XML parts in the command line, through Office.js in the add-in)
 * and gives what the department changed: each changed cell against the
 * value the form was sent with. A form for another period, region, plan or
 * format version, or with its locked cells changed, is refused; so is a
 * form with any bad cell. Every problem names the sheet and cell.
 */
import { InputError, type Located } from '../errors';
import { cellRef, columnNumber } from '../layout/refs';
import { isBlank, type GridSheet, type GridWorkbook } from '../read/grid';
import { isIsoDate, parsePeriod } from '../periods';
import type { CatalogEntry, Indicator, ReportData } from '../schema';
import { columnsOf, FORM_COLUMNS, HEAD, type FormColumn, type FormKind, type Scalar } from './form';
import { formRecordCell, FORM_RECORD_SHEET, readFormRecord, type FormRecord } from '../record/form-record';
import { digestOf, lineEnds } from './locked-content';
import { sentFormOf, type FormRegister } from './register';
import { DAYS_1904, lockedValue, readCell, sameValue, show } from './values';

/** Where a change came from. */
export interface Source {
  file: string;
  /** `Measures!F9`. */
  cell: string;
}

/** One field a return changes, against the value its form was sent with. `value: null` removes the field. */
export type Change = Source &
  (
    | { kind: 'measure'; plan: string; id: string; field: 'status' | 'completed' | 'progress' | 'note'; value: Scalar }
    | { kind: 'observation'; indicator: string; period: string; field: 'value' | 'growth'; value: Scalar }
    | { kind: 'entry'; catalog: string; index: number; field: keyof CatalogEntry; value: Scalar }
    | { kind: 'add'; catalog: string; entry: CatalogEntry }
  );

export interface FormReturn {
  file: string;
  record: FormRecord;
  changes: Change[];
}

/** At most this many problems are listed for one return (a whole sheet of bad cells helps no one). */
const MAX_PROBLEMS = 50;

class Problems {
  readonly list: Located[] = [];
  constructor(readonly file: string) {}
  add(cell: string | undefined, message: string): void {
    this.list.push({ file: this.file, cell, message });
  }
  throwIfAny(): void {
    if (!this.list.length) return;
    // The record's problems first, then the form's cells row by row.
    const key = (p: Located) => {
      const m = /^(.*)!([A-Z]+)(\d+)$/.exec(p.cell ?? '');
      if (!m) return [0, 0, 0];
      return [m[1] === FORM_RECORD_SHEET ? 1 : 2, Number(m[3]), columnNumber(m[2])];
    };
    const sorted = this.list.map((p, i) => ({ p, i, k: key(p) })).sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i);
    const shown = sorted.slice(0, MAX_PROBLEMS).map((x) => x.p);
    if (this.list.length > MAX_PROBLEMS) shown.push({ file: this.file, message: `and ${this.list.length - MAX_PROBLEMS} more problems; the form is refused` });
    throw new InputError(shown);
  }
}

/** The register of sent forms a return is checked against (forms/register.ts): the register, or why it cannot be read. */
export interface SentForms {
  file: string;
  register?: FormRegister;
  missing: Located;
}

type Item = { plan: string; id: string } | { indicator: string; period: string } | { catalog: string; index: number };

/** A returned form's sheet as it is read: where its rows are, how to name a cell, and the problems found so far. */
interface ReturnedForm {
  file: string;
  /** The data file the form is collected into, for messages. */
  dataFile: string;
  meta: FormRecord;
  sheet: GridSheet;
  /** The workbook counts dates from 1904. */
  date1904: boolean;
  columns: FormColumn[];
  /** The sheet row of the first sent row. */
  first: number;
  problems: Problems;
  /** `Measures!F9`. */
  at(row: number, col: number): string;
  /** The 1-based column of a field. */
  colOf(field: string): number;
  /** A cell of column `j` (0-based) as its column's type; undefined, with a problem, when it cannot be read as one. */
  read(row: number, j: number): Scalar | undefined;
}

/**
 * Reads a returned form against the data it is collected into. Throws an
 * InputError listing every problem. `index` is the data's (dataIndex), when
 * many returns are read against it.
 */
export function readReturn(
  wb: GridWorkbook,
  file: string,
  data: ReportData,
  dataFile: string,
  index: DataIndex = dataIndex(data),
  sent?: SentForms,
): FormReturn {
  let meta = readFormRecord(wb, file);
  const problems = new Problems(file);
  if (sent) {
    const entry = sent.register ? sentFormOf(meta, sent.register, file, sent.file) : sent.missing;
    if ('message' in entry) throw new InputError([entry]);
    // The scope and the rows as sent are the register's, never the form's.
    const { file: _sentAs, ...sentAs } = entry;
    meta = { ...meta, ...sentAs };
  }
  const sheet = wb.sheet(meta.sheet);
  if (!sheet) {
    problems.add(formRecordCell('sheet'), `has no sheet "${meta.sheet}"; expected the form's own sheet (was it renamed or deleted?)`);
    problems.throwIfAny();
  }
  const form = returnedForm(file, dataFile, meta, sheet!, problems, wb.date1904 ?? false);
  checkRecord(form, data);
  checkDigest(form);
  checkBelowRows(form);
  const changes = [...readRows(form, data, index), ...readNewEntries(form)];
  problems.throwIfAny();
  return { file, record: meta, changes };
}

function returnedForm(file: string, dataFile: string, meta: FormRecord, sheet: GridSheet, problems: Problems, date1904: boolean): ReturnedForm {
  // The record's fields, checked when it was read: this version's columns or an earlier version's.
  const columns = columnsOf(meta.kind, meta.fields) ?? FORM_COLUMNS[meta.kind];
  const at = (row: number, col: number) => `${sheet.name}!${cellRef(row, col)}`;
  return {
    file,
    dataFile,
    meta,
    sheet,
    date1904,
    columns,
    first: meta.headerRow + 1,
    problems,
    at,
    colOf: (field) => columns.findIndex((c) => c.field === field) + 1,
    read: (row, j) => {
      const c = columns[j];
      if (sheet.picture?.(row, j + 1)) {
        problems.add(at(row, j + 1), `${c.field}: a picture was placed in the cell; expected a value typed in (delete the picture and type text)`);
        return undefined;
      }
      const got = readCell(c.type, c.field, sheet.cell(row, j + 1), meta.locale, date1904);
      if ('problem' in got) {
        problems.add(at(row, j + 1), got.problem);
        return undefined;
      }
      return got.value;
    },
  };
}

/** The form must be for this data: its region, its period, a plan or catalog it has. */
function checkRecord({ meta, at, problems, dataFile }: ReturnedForm, data: ReportData): void {
  if (meta.region !== data.report.region) {
    problems.add(at(HEAD.region, 2), `the form is for region "${meta.region}"; expected a form for "${data.report.region}", the region of ${dataFile}`);
  }
  if (meta.period !== data.report.period) {
    problems.add(at(HEAD.period, 2), `the form is for period ${meta.period}; expected a form for ${data.report.period}, the reporting period of ${dataFile}`);
  }
  const plans = data.plans ?? [];
  const catalogs = data.catalogs ?? [];
  if (meta.plan !== undefined && !plans.some((p) => p.id === meta.plan)) {
    problems.add(
      at(HEAD.scope, 2),
      `the form is for plan "${meta.plan}", which ${dataFile} does not have; expected a form for one of its plans (${plans.map((p) => p.id).join(', ') || 'none'})`,
    );
  }
  if (meta.catalog !== undefined && !catalogs.some((c) => c.id === meta.catalog)) {
    problems.add(
      at(HEAD.scope, 2),
      `the form is for catalog "${meta.catalog}", which ${dataFile} does not have; expected a form for one of its catalogs (${catalogs.map((c) => c.id).join(', ') || 'none'})`,
    );
  }
}

/** The locked content must be as sent: its digest is recomputed from the returned cells; the first 20 changed cells are named. */
function checkDigest({ meta, sheet, date1904, columns, first, at, problems }: ReturnedForm): void {
  const headRows = [HEAD.region, HEAD.period, HEAD.scope];
  const head: Scalar[] = headRows.map((r) => lockedValue('text', sheet.cell(r, 2)));
  const returned: Scalar[][] = meta.rows.map((_, i) => columns.map((c, j) => (c.locked ? lockedValue(c.type, sheet.cell(first + i, j + 1), date1904) : null)));
  if (digestOf(meta, meta.rows) !== meta.digest) {
    problems.add(formRecordCell('digest'), "the form's record does not match its digest (the hidden record was altered); expected the form as it was sent");
    return;
  }
  if (digestOf({ ...meta, head }, returned) === meta.digest) return;
  let located = 0;
  const changed = (cell: string, was: Scalar, now: Scalar) => {
    if (located++ < 20)
      problems.add(
        cell,
        `a locked cell was changed from ${was === null ? 'blank' : show(was)} to ${now === null ? 'blank' : show(now)}; expected the form's locked cells as sent (the form is refused whole)`,
      );
  };
  head.forEach((v, i) => {
    if (lineEnds(v) !== lineEnds(meta.head[i])) changed(at(headRows[i], 2), meta.head[i], v);
  });
  const switched = switchedDateColumns(meta.rows, returned, columns);
  for (const [j, days] of switched) {
    const i = meta.rows.findIndex((row) => row[j] !== null && row[j] !== undefined);
    located++;
    problems.add(
      at(first + i, j + 1),
      days > 0
        ? `the workbook was switched to the 1904 date system: every date of column ${columns[j].field} moved by 1,462 days (${meta.rows[i][j]} now reads ${returned[i][j]}); expected the 1900 date system the form was sent with (in Excel: File > Options > Advanced, clear "Use 1904 date system")`
        : `the workbook was switched from the 1904 date system: every date of column ${columns[j].field} moved back by 1,462 days (${meta.rows[i][j]} now reads ${returned[i][j]}); expected the date system the form was sent with`,
    );
  }
  meta.rows.forEach((row, i) =>
    columns.forEach((c, j) => {
      if (c.locked && !switched.has(j) && lineEnds(returned[i][j]) !== lineEnds(row[j] ?? null)) changed(at(first + i, j + 1), row[j] ?? null, returned[i][j]);
    }),
  );
  if (!located) problems.add(formRecordCell('digest'), "the form's locked content does not match its digest; expected the form as it was sent");
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The locked date columns whose every date moved by exactly 1,462 days, the
 * mark of a workbook switched to (+) or from (-) the 1904 date system.
 */
function switchedDateColumns(sent: Scalar[][], returned: Scalar[][], columns: FormColumn[]): Map<number, number> {
  const out = new Map<number, number>();
  columns.forEach((c, j) => {
    if (!c.locked || c.type !== 'date') return;
    for (const days of [DAYS_1904, -DAYS_1904]) {
      const dated = sent.map((row, i) => [row[j], returned[i][j]]).filter(([was]) => typeof was === 'string' && isIsoDate(was));
      if (dated.length && dated.every(([was, now]) => now === addDays(String(was), days))) out.set(j, days);
    }
  });
  return out;
}

/** Nothing below the form's rows (only possible once the sheet was unprotected): the first 5 such rows are named. */
function checkBelowRows({ meta, sheet, columns, first, at, problems }: ReturnedForm): void {
  const lastRow = first + meta.rows.length + meta.newRows - 1;
  let outside = 0;
  for (let r = lastRow + 1; r <= sheet.rowCount && outside < 5; r++) {
    for (let c = 1; c <= columns.length; c++) {
      if (!isBlank(sheet.cell(r, c))) {
        outside++;
        problems.add(at(r, c), `is below the form's rows; expected values only in rows ${first} to ${lastRow} (rows cannot be added to this form)`);
        break;
      }
    }
  }
}

/** The changes of the sent rows: each changed cell of a row whose item is still in the data. */
function readRows(form: ReturnedForm, data: ReportData, index: DataIndex): Change[] {
  const { meta, columns, at, problems } = form;
  const changes: Change[] = [];
  meta.rows.forEach((sent, i) => {
    const row = form.first + i;
    const values = columns.map((c, j) => (c.locked ? sent[j] : form.read(row, j)));
    const item = itemOf(
      meta.kind,
      (field) => sent[form.colOf(field) - 1],
      meta,
      data,
      index,
      form.dataFile,
      (field, message) => problems.add(at(row, form.colOf(field)), message),
    );
    if (!item) return;
    if ('index' in item && !sameEntry(form, data, item, sent, values, row)) return;
    columns.forEach((c, j) => {
      if (c.locked || values[j] === undefined || sameValue(values[j], sent[j])) return;
      const change = changeOf(form, item, c.field, values[j] as Scalar, at(row, j + 1));
      if (change) changes.push(change);
    });
  });
  return changes;
}

/** The entry must still be the one the form was sent with, or already hold this form's corrections (collected before). */
function sameEntry(
  form: ReturnedForm,
  data: ReportData,
  item: { catalog: string; index: number },
  sent: Scalar[],
  values: (Scalar | undefined)[],
  row: number,
): boolean {
  const e = (data.catalogs ?? []).find((x) => x.id === item.catalog)!.entries[item.index];
  const now = entryKey(e.product, e.enterprise);
  const product = values[form.colOf('product') - 1];
  const enterprise = values[form.colOf('enterprise') - 1];
  if (
    now === entryKey(String(sent[1]), String(sent[2])) ||
    (typeof product === 'string' && typeof enterprise === 'string' && now === entryKey(product, enterprise))
  )
    return true;
  form.problems.add(
    form.at(row, 1),
    `entry ${item.index + 1} of catalog ${item.catalog} is now ${show(e.product)} (${show(e.enterprise)}) in ${form.dataFile}, not the entry the form was sent with; expected a form made from the data as it is (make a new form)`,
  );
  return false;
}

/** One changed cell as a change of its item; undefined, with a problem, when a field every item needs was blanked. */
function changeOf({ file, meta, problems }: ReturnedForm, item: Item, field: string, value: Scalar, cell: string): Change | undefined {
  const source = { file, cell };
  switch (meta.kind) {
    case 'measures':
      if (field !== 'status' || value !== null)
        return { ...source, kind: 'measure', ...(item as { plan: string; id: string }), field: field as 'status', value };
      problems.add(cell, `status is blank; expected one of the statuses in the list`);
      return undefined;
    case 'indicators':
      return { ...source, kind: 'observation', ...(item as { indicator: string; period: string }), field: field as 'value', value };
    case 'catalog':
      if (!(field === 'product' || field === 'enterprise' || field === 'category') || value !== null)
        return { ...source, kind: 'entry', ...(item as { catalog: string; index: number }), field: field as keyof CatalogEntry, value };
      problems.add(cell, `${field} is blank; expected ${article(field)} ${field} for every entry`);
      return undefined;
  }
}

/** The entries added in a catalog form's new rows: complete, and each once. */
function readNewEntries(form: ReturnedForm): Change[] {
  const { file, meta, columns, first, at, colOf, problems } = form;
  if (meta.kind !== 'catalog' || meta.catalog === undefined) return [];
  const changes: Change[] = [];
  const seen = new Map<string, number>();
  meta.rows.forEach((sent, i) => seen.set(entryKey(String(sent[1]), String(sent[2])), first + i));
  for (let n = 0; n < meta.newRows; n++) {
    const row = first + meta.rows.length + n;
    const values = columns.map((c, j) => (c.locked ? null : form.read(row, j)));
    if (values.every((v) => v === null || v === undefined)) continue;
    let complete = true;
    for (const f of ['product', 'enterprise', 'category'] as const) {
      const j = colOf(f) - 1;
      if (values[j] === null) {
        problems.add(at(row, j + 1), `${f} is blank; expected ${article(f)} ${f} for every new entry`);
        complete = false;
      }
    }
    if (!complete || values.some((v) => v === undefined)) continue;
    const entry = Object.fromEntries(columns.map((c, j) => [c.field, values[j]]).filter(([f, v]) => f !== 'no' && v !== null)) as CatalogEntry;
    const key = entryKey(entry.product, entry.enterprise);
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.add(
        at(row, colOf('product')),
        `repeats the entry of row ${twin} (same product and enterprise); expected each entry once (correct an entry in its own row)`,
      );
      continue;
    }
    seen.set(key, row);
    changes.push({ file, cell: at(row, colOf('product')), kind: 'add', catalog: meta.catalog, entry });
  }
  return changes;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export function entryKey(product: string, enterprise: string): string {
  const n = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return `${n(product)}\u0000${n(enterprise)}`;
}

/** Plans (with their measure ids) and indicators of a data set by id, for looking up every row of every return. */
export interface DataIndex {
  plans: Map<string, Set<string>>;
  indicators: Map<string, Indicator>;
}

/** Make it once for many returns read against the same (unchanging) data. */
export function dataIndex(data: ReportData): DataIndex {
  const index: DataIndex = { plans: new Map(), indicators: new Map() };
  for (const p of data.plans ?? []) if (!index.plans.has(p.id)) index.plans.set(p.id, new Set(p.measures.map((m) => m.id)));
  for (const i of data.indicators ?? []) if (!index.indicators.has(i.id)) index.indicators.set(i.id, i);
  return index;
}

/** The data item a sent row stands for, checked against the data it is collected into. */
function itemOf(
  kind: FormKind,
  sent: (field: string) => Scalar,
  meta: FormRecord,
  data: ReportData,
  index: DataIndex,
  dataFile: string,
  problem: (field: string, message: string) => void,
): Item | undefined {
  switch (kind) {
    case 'measures': {
      const [plan, id] = [String(sent('plan')), String(sent('id'))];
      const measures = index.plans.get(plan);
      if (!measures) {
        problem('plan', `plan "${plan}" is not in ${dataFile}; expected a form made from this data file`);
        return undefined;
      }
      if (!measures.has(id)) {
        problem('id', `measure "${id}" of plan ${plan} is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`);
        return undefined;
      }
      return { plan, id };
    }
    case 'indicators': {
      const [id, period] = [String(sent('id')), String(sent('period'))];
      const ind = index.indicators.get(id);
      if (!ind) {
        problem('id', `indicator "${id}" is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`);
        return undefined;
      }
      const kindOf = (p: string) => parsePeriod(p)?.kind;
      const other = ind.observations.find((o) => kindOf(o.period) !== kindOf(period));
      if (other) {
        problem(
          'period',
          `period ${period} is a ${kindOf(period)}, but the observations of indicator ${id} in ${dataFile} are of another kind (${other.period}); expected a form made from this data file`,
        );
        return undefined;
      }
      return { indicator: id, period };
    }
    case 'catalog': {
      const c = (data.catalogs ?? []).find((x) => x.id === meta.catalog);
      if (!c) return undefined;
      const index = Number(sent('no')) - 1;
      if (!c.entries[index]) {
        problem(
          'no',
          `entry ${index + 1} of catalog ${c.id} is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`,
        );
        return undefined;
      }
      return { catalog: c.id, index };
    }
  }
}
