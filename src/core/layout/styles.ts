/**
 * The report's named cell styles. Writers translate each into their own API;
 * the layout model refers to styles by name only.
 */
import { numberFormatOf, VALUE_FORMAT_KEYS, type ValueFormatKey } from '../value-format';

export interface Style {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** Solid background colour, `RRGGBB`. */
  fill?: string;
  numFmt?: string;
  align?: { h?: 'left' | 'center' | 'right'; v?: 'top' | 'middle' | 'bottom'; wrap?: boolean; indent?: number };
  border?: { top?: 'thin' | 'medium'; bottom?: 'thin' | 'medium'; color: string };
}

const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '0F5C6E';
const INPUT = 'FFF8DB';
const LOCKED = 'F3F4F6';
/** The light rule under each row of a printed table. */
const RULE = { bottom: 'thin', color: 'D1D5DB' } as const;

export const FORMATS = {
  date: 'yyyy-mm-dd',
  /** Dates as a Chinese office writes them: 2022年9月20日 (the values stay dates). */
  dateZh: 'yyyy"年"m"月"d"日"',
  percent: '0.0%',
  integer: '#,##0',
  number: '#,##0.00',
} as const;

const NAMED = {
  title: { font: { bold: true, size: 16, color: ACCENT } },
  /** A form's heading, centred over its table and wrapped (a plan's title can be long). */
  formHeading: { font: { bold: true, size: 16, color: ACCENT }, align: { h: 'center', v: 'middle', wrap: true } },
  subtitle: { font: { size: 11, color: MUTED } },
  sectionTitle: { font: { bold: true, size: 12, color: ACCENT }, border: { bottom: 'medium', color: ACCENT } },
  label: { font: { bold: true, color: INK }, align: { v: 'top' }, border: RULE },
  header: {
    font: { bold: true, color: 'FFFFFF' },
    fill: ACCENT,
    align: { v: 'middle', wrap: true },
  },
  text: { align: { v: 'top' }, border: RULE },
  wrap: { align: { v: 'top', wrap: true }, border: RULE },
  muted: { font: { italic: true, color: MUTED }, align: { v: 'top' } },
  date: { numFmt: FORMATS.date, align: { h: 'left', v: 'top' }, border: RULE },
  percent: { numFmt: FORMATS.percent, align: { v: 'top' }, border: RULE },
  integer: { numFmt: FORMATS.integer, align: { v: 'top' }, border: RULE },
  number: { numFmt: FORMATS.number, align: { v: 'top' }, border: RULE },
  period: { numFmt: '@', align: { h: 'left', v: 'top' }, border: RULE },
  /** A period in a column beside numbers: centred, so that a right-aligned number and the period never run into each other. */
  periodColumn: { numFmt: '@', align: { h: 'center', v: 'top' }, border: RULE },
  figureInt: { numFmt: FORMATS.integer, font: { bold: true }, align: { v: 'top' }, border: RULE },
  figurePercent: { numFmt: FORMATS.percent, font: { bold: true }, align: { v: 'top' }, border: RULE },
  figureNumber: { numFmt: FORMATS.number, font: { bold: true }, align: { v: 'top' }, border: RULE },
  keyDate: { numFmt: FORMATS.date, font: { bold: true }, align: { h: 'left', v: 'top' }, border: RULE },
  statusCompleted: { fill: 'DCFCE7', font: { color: '166534' }, border: RULE },
  statusInProgress: { fill: 'DBEAFE', font: { color: '1E40AF' }, border: RULE },
  statusDelayed: { fill: 'FEF3C7', font: { color: '92400E' }, border: RULE },
  statusNotStarted: { fill: 'F3F4F6', font: { color: '374151' }, border: RULE },
  statusCancelled: { font: { color: '9CA3AF', italic: true }, border: RULE },
  overdue: { fill: 'FEE2E2', font: { color: '991B1B', bold: true }, border: RULE },
  /** Measures rows completed within the reporting period, and open ones due within the next period. */
  completedInPeriod: { fill: 'E6F4EA', font: { color: '14532D' } },
  dueNext: { fill: 'FFEDD5', font: { color: '9A3412' } },
  /** A report made --since: the news on the Changes sheet, and changes signed (+1, -2.0%). */
  newsCompleted: { fill: 'E6F4EA', font: { bold: true, color: '14532D' }, align: { v: 'top' }, border: RULE },
  newsOverdue: { fill: 'FEE2E2', font: { bold: true, color: '991B1B' }, align: { v: 'top' }, border: RULE },
  changeInt: { numFmt: '+#,##0;-#,##0;0', font: { bold: true }, align: { v: 'top' }, border: RULE },
  changePercent: { numFmt: '+0.0%;-0.0%;0.0%', font: { bold: true }, align: { v: 'top' }, border: RULE },
  changeNumber: { numFmt: '+#,##0.00;-#,##0.00;0.00', font: { bold: true }, align: { v: 'top' }, border: RULE },
  hidden: { font: { color: MUTED } },
  chartGap: { font: { color: 'FFFFFF' } },
  /** The Dashboard's dropdown cell, where a reader chooses the indicator shown: a cell to fill (merged: its first cell's style shows). */
  choice: { fill: INPUT, font: { bold: true, color: INK }, align: { v: 'middle' } },
  /** A form's cells to fill (pale yellow) and its locked cells (grey). */
  input: { fill: INPUT, align: { v: 'top' } },
  inputWrap: { fill: INPUT, align: { v: 'top', wrap: true } },
  inputDate: { fill: INPUT, numFmt: FORMATS.date, align: { h: 'left', v: 'top' } },
  inputPercent: { fill: INPUT, numFmt: FORMATS.percent, align: { v: 'top' } },
  inputInteger: { fill: INPUT, numFmt: FORMATS.integer, align: { v: 'top' } },
  locked: { fill: LOCKED, align: { v: 'top' } },
  lockedWrap: { fill: LOCKED, align: { v: 'top', wrap: true } },
  /** A form's locked periods, centred: apart from the numbers beside them. */
  lockedCenter: { fill: LOCKED, align: { h: 'center', v: 'top' } },
  lockedDate: { fill: LOCKED, numFmt: FORMATS.date, align: { h: 'left', v: 'top' } },
  /**
   * Free-text columns (notes, registrations, products) in the Text format:
   * Excel and LibreOffice keep what is typed ("0012", "60%", a 17-digit number) as text.
   */
  freeText: { numFmt: '@', align: { v: 'top' }, border: RULE },
  freeWrap: { numFmt: '@', align: { v: 'top', wrap: true }, border: RULE },
  inputText: { fill: INPUT, numFmt: '@', align: { v: 'top' } },
  inputTextWrap: { fill: INPUT, numFmt: '@', align: { v: 'top', wrap: true } },
  /** The date styles of zh-CN workbooks (local-styles.ts picks them). */
  dateZh: { numFmt: FORMATS.dateZh, align: { h: 'left', v: 'top' }, border: RULE },
  keyDateZh: { numFmt: FORMATS.dateZh, font: { bold: true }, align: { h: 'left', v: 'top' }, border: RULE },
  inputDateZh: { fill: INPUT, numFmt: FORMATS.dateZh, align: { h: 'left', v: 'top' } },
  lockedDateZh: { fill: LOCKED, numFmt: FORMATS.dateZh, align: { h: 'left', v: 'top' } },
} satisfies Record<string, Style>;

/**
 * Where an indicator's values appear: a data cell, a figure (bold), a form's
 * cell to fill, a form's locked cell. Each has one style per value format
 * (value-format.ts), named `<role>.<key>`: `value.percent1`, `figure.integer`.
 */
export const VALUE_ROLES = ['value', 'figure', 'input', 'locked'] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];
export type ValueStyleName = `${ValueRole}.${ValueFormatKey}`;

const ROLE_STYLES: Record<ValueRole, Style> = {
  value: { align: { v: 'top' }, border: RULE },
  figure: { font: { bold: true }, align: { v: 'top' }, border: RULE },
  input: { fill: INPUT, align: { v: 'top' } },
  locked: { fill: LOCKED, align: { v: 'top' } },
};

function valueStyles(): Record<ValueStyleName, Style> {
  const out = {} as Record<ValueStyleName, Style>;
  for (const role of VALUE_ROLES) for (const key of VALUE_FORMAT_KEYS) out[`${role}.${key}`] = { ...ROLE_STYLES[role], numFmt: numberFormatOf(key) };
  return out;
}

export type StyleName = keyof typeof NAMED | ValueStyleName;

export const STYLES: Record<StyleName, Style> = { ...NAMED, ...valueStyles() };

/** The style of an indicator's values (of format `key`) in a role. */
export function valueStyle(role: ValueRole, key: ValueFormatKey): ValueStyleName {
  return `${role}.${key}`;
}

export const DATA_BAR_COLOR = '5B9BD5';
/** Chart series colours, in order; the first is used nowhere else, so a chart's bars can be told from the page. */
export const SERIES_COLORS = ['2E86AB', 'E07A1F', '4B8BBE', '7A9E3B', '9B59B6', 'C0392B'];
export const TAB_COLORS = { summary: ACCENT, data: '4B8BBE', about: '9CA3AF' } as const;
