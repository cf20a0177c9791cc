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
import { comparePeriods, isIsoDate, parsePeriod } from '../periods';
import { periodWords } from '../i18n/wording';
import type { CatalogEntry, Indicator, ReportData } from '../schema';
import { columnsOf, FORM_COLUMNS, HEAD, type FormColumn, type FormKind, type Scalar } from './form';
import { formRecordCell, FORM_RECORD_SHEET, readFormRecord, type FormRecord } from '../record/form-record';
import { digestOf, lineEnds } from './locked-content';
import { sentFormOf, type FormRegister } from './register';
import { DAYS_1904, lockedValue, readFormCell, sameValue, show } from './values';
import { blankInList, dropdownChoices } from '../messages/cell-words';
import { both, type Said } from '../messages/said';
import { columnTitle } from './column-titles';

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
  add(cell: string | undefined, said: Said): void {
    this.list.push({ file: this.file, cell, ...said });
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
    const more = this.list.length - MAX_PROBLEMS;
    if (more > 0) shown.push({ file: this.file, ...both(`and ${more} more problems; the form is refused`, `另有 ${more} 个问题；该表单不予采用`) });
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
  /** A field's column as a Chinese sentence names it: its title in the form (`状态`). */
  title(field: string): string;
  /** A cell of column `j` (0-based) as its column's type; undefined, with a problem, when it cannot be read as one. */
  read(row: number, j: number): Scalar | undefined;
}

/**
 * A return of an earlier period whose entry the register no longer holds
 * (form drops them when the data file's period has moved on): said as the
 * form's period, which is why it cannot be collected, rather than as a form
 * the register does not know. Its record's period is only believed for the message.
 */
function earlierPeriod(meta: FormRecord, data: ReportData, file: string, dataFile: string, sent: SentForms): Located | undefined {
  if (!sent.register || sent.register.forms.some((f) => f.id === meta.id) || meta.period === data.report.period) return undefined;
  const was = parsePeriod(meta.period);
  const now = parsePeriod(data.report.period);
  if (!was || !now || comparePeriods(was, now) >= 0) return undefined;
  return {
    file,
    cell: `${meta.sheet}!${cellRef(HEAD.period, 2)}`,
    message: `the form is for period ${meta.period}; expected a form for ${data.report.period}, the reporting period of ${dataFile} (forms of earlier periods are no longer in ${sent.file})`,
    zh: `本表单的报告期为${periodWords(meta.period, 'zh-CN')}；应为 ${dataFile} 的报告期${periodWords(data.report.period, 'zh-CN')}的表单（以前各期的表单已不在 ${sent.file} 中）`,
  };
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
    if ('message' in entry) throw new InputError([earlierPeriod(meta, data, file, dataFile, sent) ?? entry]);
    // The scope and the rows as sent are the register's, never the form's.
    const { file: _sentAs, ...sentAs } = entry;
    meta = { ...meta, ...sentAs };
  }
  const sheet = wb.sheet(meta.sheet);
  if (!sheet) {
    problems.add(
      formRecordCell('sheet'),
      both(
        `has no sheet "${meta.sheet}"; expected the form's own sheet (was it renamed or deleted?)`,
        `找不到表单的工作表“${meta.sheet}”：是否被重命名或删除了？请恢复其名称`,
      ),
    );
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
    title: (field) => columnTitle(meta.kind, field, meta.locale),
    read: (row, j) => {
      const c = columns[j];
      if (sheet.picture?.(row, j + 1)) {
        const title = columnTitle(meta.kind, c.field, meta.locale);
        problems.add(
          at(row, j + 1),
          both(
            `${c.field}: a picture was placed in the cell; expected a value typed in (delete the picture and type text)`,
            `${title}：单元格中放置了图片；应直接录入内容（请删除图片后填写文字）`,
          ),
        );
        return undefined;
      }
      const got = readFormCell(c.type, c.field, sheet.cell(row, j + 1), meta, date1904);
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
    problems.add(
      at(HEAD.region, 2),
      both(
        `the form is for region "${meta.region}"; expected a form for "${data.report.region}", the region of ${dataFile}`,
        `本表单的地区为“${meta.region}”；应为 ${dataFile} 的地区“${data.report.region}”的表单`,
      ),
    );
  }
  if (meta.period !== data.report.period) {
    problems.add(
      at(HEAD.period, 2),
      both(
        `the form is for period ${meta.period}; expected a form for ${data.report.period}, the reporting period of ${dataFile}`,
        `本表单的报告期为${periodWords(meta.period, 'zh-CN')}；应为 ${dataFile} 的报告期${periodWords(data.report.period, 'zh-CN')}的表单`,
      ),
    );
  }
  const plans = data.plans ?? [];
  const catalogs = data.catalogs ?? [];
  if (meta.plan !== undefined && !plans.some((p) => p.id === meta.plan)) {
    problems.add(
      at(HEAD.scope, 2),
      both(
        `the form is for plan "${meta.plan}", which ${dataFile} does not have; expected a form for one of its plans (${plans.map((p) => p.id).join(', ') || 'none'})`,
        `本表单属于方案“${meta.plan}”，${dataFile} 中没有该方案；应为其方案之一（${plans.map((p) => p.id).join('、') || '无'}）的表单`,
      ),
    );
  }
  if (meta.catalog !== undefined && !catalogs.some((c) => c.id === meta.catalog)) {
    problems.add(
      at(HEAD.scope, 2),
      both(
        `the form is for catalog "${meta.catalog}", which ${dataFile} does not have; expected a form for one of its catalogs (${catalogs.map((c) => c.id).join(', ') || 'none'})`,
        `本表单属于目录“${meta.catalog}”，${dataFile} 中没有该目录；应为其目录之一（${catalogs.map((c) => c.id).join('、') || '无'}）的表单`,
      ),
    );
  }
}

/** The locked content must be as sent: its digest is recomputed from the returned cells; the first 20 changed cells are named. */
function checkDigest({ meta, sheet, date1904, columns, first, at, problems, title }: ReturnedForm): void {
  const headRows = [HEAD.region, HEAD.period, HEAD.scope];
  const head: Scalar[] = headRows.map((r) => lockedValue('text', sheet.cell(r, 2)));
  const returned: Scalar[][] = meta.rows.map((_, i) => columns.map((c, j) => (c.locked ? lockedValue(c.type, sheet.cell(first + i, j + 1), date1904) : null)));
  if (digestOf(meta, meta.rows) !== meta.digest) {
    problems.add(formRecordCell('digest'), RECORD_ALTERED);
    return;
  }
  if (digestOf({ ...meta, head }, returned) === meta.digest) return;
  let located = 0;
  const changed = (cell: string, was: Scalar, now: Scalar) => {
    if (located++ < 20)
      problems.add(
        cell,
        both(
          `a locked cell was changed from ${was === null ? 'blank' : show(was)} to ${now === null ? 'blank' : show(now)}; expected the form's locked cells as sent (the form is refused whole)`,
          `锁定的单元格由${showZh(was)}改为${showZh(now)}；锁定单元格应保持发出时的内容（整张表单不予采用）`,
        ),
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
        ? both(
            `the workbook was switched to the 1904 date system: every date of column ${columns[j].field} moved by 1,462 days (${meta.rows[i][j]} now reads ${returned[i][j]}); expected the 1900 date system the form was sent with (in Excel: File > Options > Advanced, clear "Use 1904 date system")`,
            `工作簿被改用“1904 日期系统”：${title(columns[j].field)}一列的日期均推后了 1462 天（${meta.rows[i][j]} 现为 ${returned[i][j]}）；应使用表单发出时的 1900 日期系统（在 Excel 中：文件 > 选项 > 高级，取消勾选“使用 1904 日期系统”）`,
          )
        : both(
            `the workbook was switched from the 1904 date system: every date of column ${columns[j].field} moved back by 1,462 days (${meta.rows[i][j]} now reads ${returned[i][j]}); expected the date system the form was sent with`,
            `工作簿被取消了“1904 日期系统”：${title(columns[j].field)}一列的日期均提前了 1462 天（${meta.rows[i][j]} 现为 ${returned[i][j]}）；应使用表单发出时的日期系统`,
          ),
    );
  }
  meta.rows.forEach((row, i) =>
    columns.forEach((c, j) => {
      if (c.locked && !switched.has(j) && lineEnds(returned[i][j]) !== lineEnds(row[j] ?? null)) changed(at(first + i, j + 1), row[j] ?? null, returned[i][j]);
    }),
  );
  if (!located) problems.add(formRecordCell('digest'), LOCKED_ALTERED);
}

const RECORD_ALTERED = both(
  "the form's record does not match its digest (the hidden record was altered); expected the form as it was sent",
  '表单的隐藏记录与其校验值不符（隐藏记录被改动过）；应使用原样发出的表单',
);
const LOCKED_ALTERED = both(
  "the form's locked content does not match its digest; expected the form as it was sent",
  '表单锁定的内容与其校验值不符；应使用原样发出的表单',
);

/** A value of a locked cell in a Chinese sentence: 空白, a number, or its text in quotes. */
function showZh(v: Scalar): string {
  if (v === null) return '空白';
  const s = show(v);
  return /^".*"$/s.test(s) ? `“${s.slice(1, -1)}”` : ` ${s} `;
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

/** The rows after `row` that may hold something: as the sheet tells, else every row to its end. */
function* rowsAfter(sheet: GridSheet, row: number): Iterable<number> {
  if (sheet.rowsAfter) yield* sheet.rowsAfter(row).filter((r) => r <= sheet.rowCount);
  else for (let r = row + 1; r <= sheet.rowCount; r++) yield r;
}

/** Nothing below the form's rows (only possible once the sheet was unprotected): the first 5 such rows are named. */
function checkBelowRows({ meta, sheet, columns, first, at, problems }: ReturnedForm): void {
  const lastRow = first + meta.rows.length + meta.newRows - 1;
  let outside = 0;
  for (const r of rowsAfter(sheet, lastRow)) {
    if (outside >= 5) break;
    for (let c = 1; c <= columns.length; c++) {
      if (!isBlank(sheet.cell(r, c))) {
        outside++;
        problems.add(
          at(r, c),
          both(
            `is below the form's rows; expected values only in rows ${first} to ${lastRow} (rows cannot be added to this form)`,
            `位于表单各行之下；只应在第 ${first} 至 ${lastRow} 行填写（本表单不能添加行）`,
          ),
        );
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
      (field, said) => problems.add(at(row, form.colOf(field)), said),
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
    both(
      `entry ${item.index + 1} of catalog ${item.catalog} is now ${show(e.product)} (${show(e.enterprise)}) in ${form.dataFile}, not the entry the form was sent with; expected a form made from the data as it is (make a new form)`,
      `${form.dataFile} 中目录 ${item.catalog} 的第 ${item.index + 1} 项现为${showZh(e.product)}（${showZh(e.enterprise).trim()}），不是表单发出时的那一项；请按数据文件的现状重新制作表单`,
    ),
  );
  return false;
}

/** One changed cell as a change of its item; undefined, with a problem, when a field every item needs was blanked. */
function changeOf({ file, meta, problems, title }: ReturnedForm, item: Item, field: string, value: Scalar, cell: string): Change | undefined {
  const source = { file, cell };
  switch (meta.kind) {
    case 'measures':
      if (field !== 'status' || value !== null)
        return { ...source, kind: 'measure', ...(item as { plan: string; id: string }), field: field as 'status', value };
      problems.add(
        cell,
        both('status is blank; expected one of the statuses in the list', `${title('status')}${blankInList['zh-CN'](dropdownChoices('status', meta.locale)!)}`),
      );
      return undefined;
    case 'indicators':
      return { ...source, kind: 'observation', ...(item as { indicator: string; period: string }), field: field as 'value', value };
    case 'catalog':
      if (!(field === 'product' || field === 'enterprise' || field === 'category') || value !== null)
        return { ...source, kind: 'entry', ...(item as { catalog: string; index: number }), field: field as keyof CatalogEntry, value };
      problems.add(cell, both(`${field} is blank; expected ${article(field)} ${field} for every entry`, `${title(field)}为空；每一项都应填写${title(field)}`));
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
        problems.add(
          at(row, j + 1),
          both(`${f} is blank; expected ${article(f)} ${f} for every new entry`, `${form.title(f)}为空；每一新增项都应填写${form.title(f)}`),
        );
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
        both(
          `repeats the entry of row ${twin} (same product and enterprise); expected each entry once (correct an entry in its own row)`,
          `与第 ${twin} 行重复（${form.title('product')}和${form.title('enterprise')}相同）；每一项只应填写一次（更正某项请在其所在行修改）`,
        ),
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

const FROM_THIS = '应为由该数据文件制作的表单';
const PERIOD_KIND_ZH: Record<string, string> = { year: '年度', half: '半年', quarter: '季度', month: '月度' };

/** The data item a sent row stands for, checked against the data it is collected into. */
function itemOf(
  kind: FormKind,
  sent: (field: string) => Scalar,
  meta: FormRecord,
  data: ReportData,
  index: DataIndex,
  dataFile: string,
  problem: (field: string, said: Said) => void,
): Item | undefined {
  switch (kind) {
    case 'measures': {
      const [plan, id] = [String(sent('plan')), String(sent('id'))];
      const measures = index.plans.get(plan);
      if (!measures) {
        problem(
          'plan',
          both(`plan "${plan}" is not in ${dataFile}; expected a form made from this data file`, `方案“${plan}”不在 ${dataFile} 中；${FROM_THIS}`),
        );
        return undefined;
      }
      if (!measures.has(id)) {
        problem(
          'id',
          both(
            `measure "${id}" of plan ${plan} is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`,
            `方案 ${plan} 的措施“${id}”不在 ${dataFile} 中（表单制作后被删除了？）；${FROM_THIS}`,
          ),
        );
        return undefined;
      }
      return { plan, id };
    }
    case 'indicators': {
      const [id, period] = [String(sent('id')), String(sent('period'))];
      const ind = index.indicators.get(id);
      if (!ind) {
        problem(
          'id',
          both(
            `indicator "${id}" is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`,
            `指标“${id}”不在 ${dataFile} 中（表单制作后被删除了？）；${FROM_THIS}`,
          ),
        );
        return undefined;
      }
      const kindOf = (p: string) => parsePeriod(p)?.kind;
      const other = ind.observations.find((o) => kindOf(o.period) !== kindOf(period));
      if (other) {
        problem(
          'period',
          both(
            `period ${period} is a ${kindOf(period)}, but the observations of indicator ${id} in ${dataFile} are of another kind (${other.period}); expected a form made from this data file`,
            `期间 ${period} 为${PERIOD_KIND_ZH[kindOf(period) ?? ''] ?? '期间'}，但 ${dataFile} 中指标 ${id} 的观测值为另一类期间（${other.period}）；${FROM_THIS}`,
          ),
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
          both(
            `entry ${index + 1} of catalog ${c.id} is not in ${dataFile} (removed since the form was made?); expected a form made from this data file`,
            `目录 ${c.id} 的第 ${index + 1} 项不在 ${dataFile} 中（表单制作后被删除了？）；${FROM_THIS}`,
          ),
        );
        return undefined;
      }
      return { catalog: c.id, index };
    }
  }
}
