/**
 * Builds a form's layout model: pure, no I/O, written by the same writers as
 * a report. An Instructions sheet in the form's language, first, read as a
 * letter from the office (instructions-sheet.ts); the form sheet (its heading
 * and block, locked cells that say what each row is, yellow cells to fill,
 * pre-filled with the current values, each with its validation); and the very
 * hidden record of what made it. Every sheet is protected; only the cells to
 * fill are unlocked.
 */
import { labelsFor } from '../i18n';
import { fitRowHeights } from '../layout/sheets/common';
import type { Cell, Row, Sheet, Validation, Workbook } from '../layout/model';
import { columnLetter } from '../layout/refs';
import { TAB_COLORS, valueStyle, type StyleName } from '../layout/styles';
import { valueFormatKey, type ValueFormatKey } from '../value-format';
import { CATEGORIES, STATUSES, type Category, type Locale, type ReportData, type Status } from '../schema';
import { FORM_COLUMNS, HEAD, type ColumnType, type FormContent, type FormKind, type Scalar } from './form';
import { formLabelsFor } from './labels';
import { columnTitles } from './column-titles';
import { formLetter, type FormLetter, type FormLetterOptions } from './letter';
import { fitColumns, HEADER_ROOM, HEADING_SCALE, headerHeading, wrappedHeight } from './form-widths';
import { instructionsSheet } from './instructions-sheet';
import type { Sha256Hex } from './locked-content';
import { formRecordSheet, makeFormRecord, type FormRecord, type FormSeal } from '../record/form-record';
import { dateStyle } from '../layout/local-styles';
import { footerText, truncateHeader } from '../layout/print-text';
import { periodWords } from '../i18n/wording';

export { columnTitles } from './column-titles';

export interface FormBuildOptions {
  /** `plan-report 0.1.0`: recorded in the form. */
  generator: string;
  /** ISO timestamp recorded in the form; fixed in tests. */
  generatedAt: string;
  /** Sheet protection password; none by default. */
  password?: string;
  /** The form's id and seal in the register of sent forms (forms/register.ts); none in tests of the layout alone. */
  seal?: FormSeal;
  /** `form --due` and `--contact`, checked (checkLetterOptions). */
  letter?: FormLetterOptions;
  /** The SHA-256 of the record's digest: the core's own by default; the command line gives node:crypto's, the same digest in a tenth of the time. */
  sha256?: Sha256Hex;
}

const LOCKED_STYLE: Partial<Record<ColumnType, StyleName>> = { wrap: 'lockedWrap' };
/** Free-text columns are in the Text format (`@`), so that what is typed stays text; dates take the locale's date style. */
const INPUT_STYLE: Partial<Record<ColumnType, StyleName>> = {
  text: 'inputText',
  wrap: 'inputTextWrap',
  percent: 'inputPercent',
  whole: 'inputInteger',
};

/** What the form's value cells show for a value: localized words for statuses and categories, dates as dates. */
function cellOf(type: ColumnType, locked: boolean, v: Scalar, locale: Locale): Cell {
  const labels = labelsFor(locale);
  const s =
    type === 'date' ? dateStyle(locale, locked ? 'lockedDate' : 'inputDate') : locked ? (LOCKED_STYLE[type] ?? 'locked') : (INPUT_STYLE[type] ?? 'input');
  let value: Cell['v'] = v;
  if (v !== null && type === 'date') value = { date: String(v) };
  else if (v !== null && type === 'status') value = labels.statuses[v as Status] ?? v;
  else if (v !== null && type === 'category') value = labels.categories[v as Category] ?? v;
  return locked ? { v: value, s } : { v: value, s, locked: false };
}

function validations(kind: FormKind, first: number, last: number, locale: Locale): Validation[] {
  const labels = labelsFor(locale);
  const validation = labels.validation;
  const formValidation = formLabelsFor(locale).validation;
  const out: Validation[] = [];
  FORM_COLUMNS[kind].forEach((c, i) => {
    if (c.locked) return;
    const range = `${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`;
    switch (c.type) {
      case 'status':
        out.push({
          range,
          rule: { type: 'list', values: STATUSES.map((x) => labels.statuses[x]) },
          prompt: { title: validation.statusTitle, message: validation.statusPrompt },
        });
        break;
      case 'category':
        out.push({
          range,
          rule: { type: 'list', values: CATEGORIES.map((x) => labels.categories[x]) },
          prompt: { title: validation.categoryTitle, message: validation.categoryPrompt },
        });
        break;
      case 'date':
        out.push({ range, rule: { type: 'date' }, prompt: { title: validation.dateTitle, message: validation.datePrompt } });
        break;
      case 'percent':
        if (c.field === 'progress')
          out.push({ range, rule: { type: 'decimal', min: 0, max: 1 }, prompt: { title: validation.progressTitle, message: validation.progressPrompt } });
        else out.push({ range, rule: { type: 'decimal' }, prompt: { title: formValidation.growthTitle, message: formValidation.growthPrompt } });
        break;
      case 'number':
        out.push({ range, rule: { type: 'decimal' }, prompt: { title: formValidation.valueTitle, message: formValidation.valuePrompt } });
        break;
      case 'whole':
        out.push({ range, rule: { type: 'whole', min: 0 }, prompt: { title: validation.hospitalsTitle, message: validation.hospitalsPrompt } });
        break;
    }
  });
  return out;
}

/** Text shown in a cell, for fitting widths: the locale's words for statuses and categories. */
function shownText(type: ColumnType, v: Scalar, locale: Locale): string {
  const labels = labelsFor(locale);
  if (type === 'status') return labels.statuses[v as Status] ?? String(v);
  if (type === 'category') return labels.categories[v as Category] ?? String(v);
  return String(v);
}

/**
 * The block at the top of a form sheet: the heading over the table, the
 * region, period and scope (label in A, value in B, as the collector reads
 * them), the return date and contact when given, the hint; and the columns'
 * widths, fitted to the block's labels and the rows.
 */
function headBlock(content: FormContent, letter: FormLetter, locale: Locale, opts: FormLetterOptions, head: Scalar[], titles: string[]) {
  const formLabels = formLabelsFor(locale);
  const columns = FORM_COLUMNS[content.scope.kind];
  // Rows under the scope row: the return date and the contact, when given.
  const extra: Row[] = [];
  if (opts.due !== undefined)
    extra.push({
      cells: [
        { v: formLabels.head.due, s: 'label' },
        { v: { date: opts.due }, s: dateStyle(locale, 'keyDate') },
      ],
    });
  if (opts.contact !== undefined)
    extra.push({
      cells: [
        { v: formLabels.head.contact, s: 'label' },
        { v: opts.contact, s: 'wrap' },
      ],
    });
  const headerRow = HEAD.header + extra.length;
  const fitted = fitColumns(
    columns,
    titles,
    content.rows,
    [formLabels.head.region, formLabels.head.period, letter.scope.label, ...extra.map((r) => String(r.cells[0]?.v))],
    locale,
    (v, j) => shownText(columns[j].type, v, locale),
  );
  const valuesWidth = fitted.widths.slice(1).reduce((a, b) => a + b, 0);
  const tableWidth = fitted.widths[0] + valuesWidth;
  // Heights of merged cells (fitRowHeights sees one column's width).
  const rows: Row[] = [];
  rows[HEAD.title - 1] = {
    cells: [{ v: letter.heading, s: 'formHeading' }],
    height: Math.max(30, wrappedHeight(letter.heading, tableWidth / HEADING_SCALE, 24)),
  };
  const line = (label: string, value: Cell): Row => ({ cells: [{ v: label, s: 'label' }, value] });
  rows[HEAD.region - 1] = { ...line(formLabels.head.region, { v: head[0], s: 'wrap' }), height: wrappedHeight(String(head[0]), valuesWidth) };
  rows[HEAD.period - 1] = line(formLabels.head.period, { v: head[1], s: 'period' });
  rows[HEAD.scope - 1] = { ...line(letter.scope.label, { v: head[2], s: 'wrap' }), height: wrappedHeight(String(head[2]), valuesWidth) };
  extra.forEach((row, i) => (rows[HEAD.scope + i] = row));
  if (opts.contact !== undefined) rows[HEAD.scope + extra.length - 1].height = wrappedHeight(opts.contact, valuesWidth);
  rows[HEAD.hint + extra.length - 1] = { cells: [{ v: formLabels.hint, s: 'muted' }] };
  for (let r = 0; r < headerRow - 1; r++) rows[r] ??= { cells: [] };
  // The heading spans the table; so do the values of the block (a long title wraps, a date does not overflow into the next cell).
  const lastCol = columnLetter(columns.length);
  const merges = [`A${HEAD.title}:${lastCol}${HEAD.title}`];
  for (let r = HEAD.region; r <= HEAD.scope + extra.length; r++) merges.push(`B${r}:${lastCol}${r}`);
  return { rows, merges, headerRow, fitted };
}

const PERIOD_FIELDS = new Set(['period', 'lastPeriod']);

function formSheet(
  content: FormContent,
  data: ReportData,
  locale: Locale,
  options: FormBuildOptions,
  letter: FormLetter,
): { sheet: Sheet; head: Scalar[]; headerRow: number } {
  const formLabels = formLabelsFor(locale);
  const kind = content.scope.kind;
  const columns = FORM_COLUMNS[kind];
  const opts = options.letter ?? {};
  const period = periodWords(content.scope.period, locale);
  const head: Scalar[] = [data.report.region, period, letter.scope.value];
  const titles = columnTitles(kind, locale);
  const { rows, merges, headerRow, fitted } = headBlock(content, letter, locale, opts, head, titles);
  rows.push({ cells: titles.map((v) => ({ v, s: 'header' as const })), height: fitted.headerLines * 15 });
  const cell = (j: number, v: Scalar) => {
    const c = columns[j];
    const out = cellOf(c.type, c.locked, v, locale);
    if (fitted.wrap[j] && c.type === 'text') out.s = c.locked ? 'lockedWrap' : 'inputTextWrap';
    // The periods of an indicator form sit between numbers: centred, they do not run into them ("38 2024").
    else if (c.locked && PERIOD_FIELDS.has(c.field)) out.s = 'lockedCenter';
    return out;
  };
  // An indicator's value prints in its format (30% for a share, 400 for a count), as on the report; so does the last value beside it.
  const valueFormat = (values: Scalar[]): ValueFormatKey | undefined =>
    kind === 'indicators' ? valueFormatKey(data.indicators?.find((ind) => ind.id === values[0]) ?? {}) : undefined;
  const VALUE_FIELDS = new Set(['value', 'lastValue']);
  for (const values of content.rows) {
    const key = valueFormat(values);
    rows.push({
      cells: columns.map((c, j) => {
        const out = cell(j, values[j] ?? null);
        return key && VALUE_FIELDS.has(c.field) ? { ...out, s: valueStyle(c.locked ? 'locked' : 'input', key) } : out;
      }),
    });
  }
  for (let n = 0; n < content.newRows; n++) rows.push({ cells: columns.map((_, j) => cell(j, null)) });
  const first = headerRow + 1;
  const last = Math.max(first, headerRow + content.rows.length + content.newRows);
  const name = formLabels.sheets[kind];
  const sheet: Sheet = {
    key: kind,
    name,
    state: 'visible',
    columns: fitted.widths.map((width) => ({ width })),
    rows,
    merges,
    freeze: { rows: headerRow, columns: 0 },
    validations: content.rows.length + content.newRows ? validations(kind, first, last, locale) : [],
    conditionalFormats: [],
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      repeatRows: `${headerRow}:${headerRow}`,
      header: truncateHeader(headerHeading(letter.heading, HEADER_ROOM.landscape), `${data.report.region} ${period}`),
      footer: footerText(name, locale),
    },
    tabColor: TAB_COLORS.data,
    protection: { password: options.password },
  };
  fitRowHeights(sheet);
  return { sheet, head, headerRow };
}

/** The layout model of a form, and the record it carries. The Instructions come first: a form opens on them. */
export function buildForm(content: FormContent, data: ReportData, locale: Locale, options: FormBuildOptions): { workbook: Workbook; record: FormRecord } {
  const formLabels = formLabelsFor(locale);
  // The letter's words (heading, scope, intro) are those of every sheet of the form: made once.
  const letter = formLetter(content, data, locale, options.letter ?? {});
  const { sheet, head, headerRow } = formSheet(content, data, locale, options, letter);
  const record = makeFormRecord(content, {
    region: data.report.region,
    locale,
    generator: options.generator,
    generated: options.generatedAt,
    sheet: sheet.name,
    head,
    headerRow,
    seal: options.seal,
    sha256: options.sha256,
  });
  return {
    record,
    workbook: {
      sheets: [instructionsSheet(content, data, record, locale, options, letter), sheet, formRecordSheet(record, { password: options.password })],
      names: [],
      // Sheets cannot be renamed, deleted or added: the collector finds them by name.
      structureProtection: { password: options.password },
      properties: {
        title: letter.heading,
        subject: `${data.report.region} ${content.scope.period}`,
        creator: options.generator,
        description: formLabels.hint,
        keywords: 'plan-report form',
      },
    },
  };
}
