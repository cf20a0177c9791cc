/**
 * Builds a form's layout model: pure, no I/O, written by the same writers as
 * a report. A form sheet (locked cells that say what each row is, yellow
 * cells to fill, pre-filled with the current values, each with its
 * validation), an Instructions sheet in the form's language, and the very
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
import { formLabelsFor, type FormLabels } from './labels';
import { formRecordSheet, makeFormRecord, type FormRecord, type FormSeal } from '../record/form-record';
import { dateStyle } from '../layout/local-styles';
import { footerText, truncateHeader } from '../layout/print-text';
import { localTimeWords, periodWords } from '../i18n/wording';

export interface FormBuildOptions {
  /** `plan-report 0.1.0`: recorded in the form. */
  generator: string;
  /** ISO timestamp recorded in the form; fixed in tests. */
  generatedAt: string;
  /** Sheet protection password; none by default. */
  password?: string;
  /** The form's id and seal in the register of sent forms (forms/register.ts); none in tests of the layout alone. */
  seal?: FormSeal;
}

const LOCKED_STYLE: Partial<Record<ColumnType, StyleName>> = { wrap: 'lockedWrap' };
/** Free-text columns are in the Text format (`@`), so that what is typed stays text; dates take the locale's date style. */
const INPUT_STYLE: Partial<Record<ColumnType, StyleName>> = {
  text: 'inputText',
  wrap: 'inputTextWrap',
  percent: 'inputPercent',
  whole: 'inputInteger',
};

/** Column titles: the report's words for the same fields, so a form and a report read alike. */
export function columnTitles(kind: FormKind, locale: Locale): string[] {
  const labels = labelsFor(locale);
  const formLabels = formLabelsFor(locale);
  const titles: Record<FormKind, Record<string, string>> = {
    measures: labels.measureFields,
    indicators: { ...labels.indicatorFields, ...labels.observationFields },
    catalog: { ...labels.entryFields, no: formLabels.entryNo },
  };
  return FORM_COLUMNS[kind].map((c) => titles[kind][c.field]);
}

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

function scopeOf(content: FormContent, formLabels: FormLabels): { label: string; value: string } {
  const s = content.scope;
  if (s.lead !== undefined) return { label: formLabels.head.lead, value: s.plan ? `${s.lead} (${s.plan})` : s.lead };
  if (s.plan !== undefined) return { label: formLabels.head.plan, value: s.plan };
  if (s.catalog !== undefined) return { label: formLabels.head.catalog, value: s.catalog };
  return { label: formLabels.head.department, value: s.department ?? formLabels.head.all };
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

function formSheet(content: FormContent, data: ReportData, locale: Locale, options: FormBuildOptions): { sheet: Sheet; head: Scalar[] } {
  const formLabels = formLabelsFor(locale);
  const kind = content.scope.kind;
  const columns = FORM_COLUMNS[kind];
  const scope = scopeOf(content, formLabels);
  const head: Scalar[] = [data.report.region, content.scope.period, scope.value];
  const rows: Row[] = [];
  rows[HEAD.title - 1] = { cells: [{ v: formLabels.titles[kind], s: 'title' }], height: 26 };
  rows[HEAD.region - 1] = {
    cells: [
      { v: formLabels.head.region, s: 'label' },
      { v: head[0], s: 'text' },
    ],
  };
  rows[HEAD.period - 1] = {
    cells: [
      { v: formLabels.head.period, s: 'label' },
      { v: head[1], s: 'period' },
    ],
  };
  rows[HEAD.scope - 1] = {
    cells: [
      { v: scope.label, s: 'label' },
      { v: head[2], s: 'text' },
    ],
  };
  rows[HEAD.hint - 1] = { cells: [{ v: formLabels.hint, s: 'muted' }] };
  for (let r = 0; r < HEAD.header - 1; r++) rows[r] ??= { cells: [] };
  rows.push({ cells: columnTitles(kind, locale).map((v) => ({ v, s: 'header' as const })), height: 30 });
  // An indicator's value prints in its format (30% for a share, 400 for a count), as on the report.
  const valueFormat = (values: Scalar[]): ValueFormatKey | undefined =>
    kind === 'indicators' ? valueFormatKey(data.indicators?.find((ind) => ind.id === values[0]) ?? {}) : undefined;
  for (const values of content.rows) {
    const key = valueFormat(values);
    rows.push({
      cells: columns.map((c, i) => {
        const cell = cellOf(c.type, c.locked, values[i] ?? null, locale);
        return key && c.field === 'value' ? { ...cell, s: valueStyle(c.locked ? 'locked' : 'input', key) } : cell;
      }),
    });
  }
  for (let n = 0; n < content.newRows; n++) rows.push({ cells: columns.map((c) => cellOf(c.type, c.locked, null, locale)) });
  const first = HEAD.header + 1;
  const last = Math.max(first, HEAD.header + content.rows.length + content.newRows);
  const name = formLabels.sheets[kind];
  const sheet: Sheet = {
    key: kind,
    name,
    state: 'visible',
    columns: columns.map((c) => ({ width: c.width })),
    rows,
    merges: [],
    freeze: { rows: HEAD.header, columns: 0 },
    validations: content.rows.length + content.newRows ? validations(kind, first, last, locale) : [],
    conditionalFormats: [],
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      repeatRows: `${HEAD.header}:${HEAD.header}`,
      header: truncateHeader(`${formLabels.titles[kind]}: ${String(head[2])}`, `${data.report.region} ${periodWords(content.scope.period, locale)}`),
      footer: footerText(name, locale),
    },
    tabColor: TAB_COLORS.data,
    protection: { password: options.password },
  };
  fitRowHeights(sheet);
  return { sheet, head };
}

function instructionsSheet(content: FormContent, record: FormRecord, locale: Locale, options: FormBuildOptions): Sheet {
  const formLabels = formLabelsFor(locale);
  const labels = labelsFor(locale);
  const instructions = formLabels.instructions;
  const kind = content.scope.kind;
  const words = (xs: string[]) => xs.join(locale === 'zh-CN' ? '、' : ', ');
  const fill = (s: string) =>
    s.replace('{statuses}', words(STATUSES.map((x) => labels.statuses[x]))).replace('{categories}', words(CATEGORIES.map((x) => labels.categories[x])));
  const steps = [...instructions.steps[kind].map(fill), ...instructions.general];
  const scope = scopeOf(content, formLabels);
  const rows: Row[] = [
    { cells: [{ v: instructions.title, s: 'title' }], height: 26 },
    { cells: [{ v: instructions.intro[kind], s: 'wrap' }, undefined] },
    { cells: [] },
    ...steps.map((step, i) => ({
      cells: [
        { v: `${i + 1}.`, s: 'label' as const },
        { v: step, s: 'wrap' as const },
      ],
    })),
    { cells: [] },
    {
      cells: [
        { v: instructions.about, s: 'sectionTitle' },
        { v: null, s: 'sectionTitle' },
      ],
    },
    ...(
      [
        [instructions.keys.form, formLabels.titles[kind]],
        [instructions.keys.region, record.region],
        [instructions.keys.period, periodWords(record.period, locale)],
        [instructions.keys.scope, `${scope.label}: ${scope.value}`],
        [instructions.keys.rows, String(content.rows.length)],
        [instructions.keys.made, localTimeWords(options.generatedAt, locale)],
        [instructions.keys.generator, options.generator],
      ] as const
    ).map(([k, v]) => ({
      cells: [
        { v: k, s: 'label' as const },
        { v, s: 'wrap' as const },
      ],
    })),
  ];
  const sheet: Sheet = {
    key: 'about',
    name: formLabels.sheets.instructions,
    state: 'visible',
    columns: [{ width: 18 }, { width: 100 }],
    rows,
    merges: ['A2:B2'],
    validations: [],
    conditionalFormats: [],
    tabColor: TAB_COLORS.about,
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      header: truncateHeader(formLabels.titles[kind], ''),
      footer: footerText(instructions.title, locale),
    },
    protection: { password: options.password },
  };
  // The merged intro spans both columns: fit its height to their width.
  const introLines = Math.ceil((instructions.intro[kind].length * (locale === 'zh-CN' ? 2 : 1)) / 112) + 1;
  rows[1].height = Math.min(409, introLines * 15);
  fitRowHeights(sheet);
  return sheet;
}

/** The layout model of a form, and the record it carries. */
export function buildForm(content: FormContent, data: ReportData, locale: Locale, options: FormBuildOptions): { workbook: Workbook; record: FormRecord } {
  const formLabels = formLabelsFor(locale);
  const { sheet, head } = formSheet(content, data, locale, options);
  const record = makeFormRecord(content, {
    region: data.report.region,
    locale,
    generator: options.generator,
    generated: options.generatedAt,
    sheet: sheet.name,
    head,
    seal: options.seal,
  });
  const scope = scopeOf(content, formLabels);
  return {
    record,
    workbook: {
      sheets: [sheet, instructionsSheet(content, record, locale, options), formRecordSheet(record, { password: options.password })],
      names: [],
      // Sheets cannot be renamed, deleted or added: the collector finds them by name.
      structureProtection: { password: options.password },
      properties: {
        title: `${formLabels.titles[content.scope.kind]}: ${scope.value}`,
        subject: `${data.report.region} ${content.scope.period}`,
        creator: options.generator,
        description: formLabels.hint,
        keywords: 'plan-report form',
      },
    },
  };
}
