/**
 * The layout model: plain data saying which sheets, cells, formulas, styles,
 * validations and names a report has. Built by pure functions (build.ts);
 * written by the streaming writer (src/cli/xlsx/write) and the Office.js
 * writer (src/addin), neither of which decides layout.
 */
import type { SheetKey } from '../i18n/labels';
import type { RowSource } from '../row-source';
import type { StyleName } from './styles';

export interface DateValue {
  /** ISO date `YYYY-MM-DD`; written as a date cell. */
  date: string;
}

/** An error value, cached for formulas that return one on purpose (the #N/A that leave gaps in line charts). */
export interface ErrorValue {
  error: '#N/A';
}

export type CellValue = string | number | boolean | DateValue | ErrorValue | null;

export interface Cell {
  /** The value; for a formula cell, its cached result (null: a blank result, written as ""). Text is always text. */
  v: CellValue;
  /** A formula, without the leading `=`, in the file's (English, comma-separated) syntax. */
  f?: string;
  s?: StyleName;
  /** false: the cell stays editable when its sheet is protected (a form's fillable cell). Cells are locked by default. */
  locked?: false;
  /**
   * The formula is an array formula over this A1 range, which starts at this
   * cell (Excel 2016's Ctrl+Shift+Enter kind); `v` is the first result.
   */
  array?: string;
  /**
   * A later result of an array formula whose range covers this cell: a file
   * stores it as the cell's value; a live Excel fills it in itself.
   */
  spilled?: true;
  /**
   * This formula, shifted down one row per row, fills the A1 range that
   * starts here (a shared formula: engines read it once for the whole range).
   */
  shares?: string;
  /** The formula is the `shares` one at this A1 address, shifted here; `f` holds it written out (a data sheet's helper cell may write it out only when read: layout/formulas.ts, rowCell). */
  sharedFrom?: string;
}

export interface Row {
  cells: (Cell | undefined)[];
  height?: number;
}

export interface Column {
  width: number;
  hidden?: boolean;
}

export type ValidationRule =
  | { type: 'list'; values: string[] }
  /** A dropdown of the values of a range (absolute, with its sheet: `'Indicators'!$B$2:$B$9`). */
  | { type: 'listRange'; source: string }
  | { type: 'date' }
  | { type: 'decimal'; min?: number; max?: number }
  | { type: 'whole'; min?: number; max?: number };

export interface Validation {
  /** A1 range on the sheet, e.g. `G2:G1051`. */
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string };
}

export type ConditionalFormat =
  | { range: string; type: 'expression'; formula: string; style: StyleName }
  /** A data bar, scaled from min to max (the range's own lowest and highest value when absent). */
  | { range: string; type: 'dataBar'; color: string; min?: number; max?: number };

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Fit all columns on one page's width; as many pages tall as needed. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. `1:1`. */
  repeatRows?: string;
  /** Header and footer in the spreadsheet codes (&L &C &R &P &N). */
  header: string;
  footer: string;
  /** Page margins in inches (DEFAULT_MARGINS when absent). */
  margins?: Margins;
  /**
   * The range printed (A1, e.g. `A2:J1051`), when not the whole sheet. A data
   * table prints its rows under `repeatRows`: while they are all blank the
   * sheet prints no page (print/print-area.ts).
   */
  area?: string;
  /** Manual page breaks: a new page starts after each of these rows (ascending). */
  rowBreaks?: number[];
}

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export const DEFAULT_MARGINS: Margins = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** The data table of a data sheet, for readers: which field each column holds. */
export interface DataTable {
  headerRow: number;
  firstRow: number;
  /** The field in each column, from column A on. */
  fields: string[];
}

/** A chart series: its name and the ranges it is bound to (absolute, with the sheet: `'Summary'!$E$11:$E$13`). */
export interface ChartSeries {
  name: string;
  /** Colour of its bars or line, `RRGGBB`. */
  color: string;
  categories: string;
  values: string;
  /** The values cached in the chart part, for viewers that do not recalculate. */
  cache: { categories: string[]; values: (number | null)[] };
}

/** A native chart bound to live ranges of the report (never to pasted numbers). */
export interface Chart {
  kind: 'bar' | 'column' | 'line';
  title: string;
  /** Top-left and bottom-right cells it covers (1-based, the bottom-right exclusive). */
  from: { row: number; col: number };
  to: { row: number; col: number };
  series: ChartSeries[];
  /** Values are rates: axis and labels as percentages, axis from 0 to 1. */
  percent: boolean;
  /** Number format of the value axis and the data labels. */
  numFmt: string;
  dataLabels: boolean;
  /**
   * Each series' style in a line chart: a solid line with markers, a dashed
   * line without, or a point: a large marker with its value as a label and
   * no line (a target at its period).
   */
  lineStyles?: ('solid' | 'dashed' | 'point')[];
  /**
   * Points without a value (#N/A or blank): left out as a gap (the default),
   * or left out with the line drawn on across them ('span'): LibreOffice
   * draws an #N/A inside a line as 0 unless the chart spans.
   */
  blanks?: 'gap' | 'span';
}

/**
 * Sheet protection: locked cells cannot be changed, rows and columns cannot be
 * inserted, deleted or sorted; cells can be selected and copied, and columns
 * and rows resized. Without a password anyone can lift it (Review > Unprotect).
 */
export interface SheetProtection {
  password?: string;
}

export interface Sheet {
  key: SheetKey | 'meta' | 'calc' | 'changes' | 'trend';
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  columns: Column[];
  /** rows[0] is row 1. */
  rows: Row[];
  /**
   * More rows after `rows`, produced on demand, one at a time, each pass
   * from the first: a data sheet's rows, so that a workbook of a million
   * measures never holds them all (read both with sheetRows() in rows.ts).
   */
  body?: RowSource<Row>;
  /**
   * The first rows of an on-demand `body`, when known without producing it
   * (a large data file's first rows): what the print plan samples to size the
   * columns, so that the data file is still read only twice. Not written.
   */
  sample?: Row[];
  merges: string[];
  freeze?: { rows: number; columns: number };
  autoFilter?: string;
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  print?: PrintSetup;
  tabColor?: string;
  table?: DataTable;
  charts?: Chart[];
  protection?: SheetProtection;
}

export interface DefinedName {
  name: string;
  sheet: string;
  /** A single cell, e.g. `C5`. */
  cell: string;
}

export interface WorkbookProperties {
  title: string;
  subject: string;
  creator: string;
  description: string;
  keywords: string;
}

export interface Workbook {
  sheets: Sheet[];
  names: DefinedName[];
  properties: WorkbookProperties;
  /** The workbook's structure is protected: sheets cannot be added, deleted, renamed, moved, hidden or shown. */
  structureProtection?: { password?: string };
}
