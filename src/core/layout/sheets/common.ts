/** Pieces shared by the sheet builders: cells, data tables, print setup. */
import { headOf, rowSource, type RowSource } from '../../row-source';
import type { Context } from '../context';
import { ROOM_ROWS } from '../context';
import type { ResolvedColumns } from '../columns';
import { DEFAULT_MARGINS, type Cell, type ConditionalFormat, type PrintSetup, type Row, type Sheet, type Validation } from '../model';
import { columnLetter } from '../refs';
import { STYLES, TAB_COLORS, type Style, type StyleName } from '../styles';
import type { SheetKey } from '../../i18n/labels';
import { periodWords } from '../../i18n/wording';
import { footerText, truncateHeader } from '../print-text';
import { tablePrintArea } from '../print/print-area';
import { wrappedLines } from '../print/wrap-lines';

export function text(v: string | undefined, s: StyleName = 'text'): Cell | undefined {
  return v === undefined ? undefined : { v, s };
}

export function date(iso: string | undefined, s: StyleName = 'date'): Cell | undefined {
  return iso === undefined ? undefined : { v: { date: iso }, s };
}

export function num(v: number | undefined, s: StyleName = 'number'): Cell | undefined {
  return v === undefined ? undefined : { v, s };
}

/** A formula cell with its cached result; its text made flat (see flat). */
export function formula(f: string, v: Cell['v'], s?: StyleName): Cell {
  return { f: flat(f), v, s };
}

/**
 * The same text, held as one run of characters. A formula built from nested template literals is held by V8 as a
 * tree of the pieces joined (a 1,000-character figure formula: hundreds of nodes of 32 bytes, and the pieces), until
 * something reads its characters; reading one makes V8 flatten it in place. The 1k x 40 indicators model held 21 MB
 * of such trees, kept until the workbook was written.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Header and footer codes: title and period at the top, page numbers at the bottom. */
export function printSetup(ctx: Context, sheetName: string, repeatRows?: string): PrintSetup {
  const { report } = ctx.data;
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    repeatRows,
    header: truncateHeader(report.title, `${report.region} ${periodWords(report.period, ctx.locale)}`),
    footer: footerText(sheetName, ctx.locale),
    margins: DEFAULT_MARGINS,
  };
}

export function emptySheet(ctx: Context, key: SheetKey): Sheet {
  return {
    key,
    name: ctx.sheetName[key],
    state: 'visible',
    columns: [],
    rows: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** The last row that validations and formats of a table with `n` data rows reach. */
export function roomRow(n: number): number {
  return n + 1 + ROOM_ROWS;
}

export interface TableSpec<F extends string, T> {
  key: SheetKey;
  /** Produce the item rows on demand (large data sheets) instead of holding them in the model. */
  lazy?: boolean;
  columns: ResolvedColumns<F>;
  items: RowSource<T>;
  cell: (item: T, field: F) => Cell | undefined;
  /**
   * Hidden helper columns after the fields: their titles, and their cells in
   * every item's row and in the ROOM_ROWS rows below (`item` absent there).
   * Each column's formula must be one formula shifted down row by row: the
   * column is written as one shared formula.
   */
  helpers?: { titles: string[]; cells: (row: number, item?: T) => (Cell | undefined)[] };
  validations?: (col: (f: F) => string, last: number) => Validation[];
  conditionalFormats?: (col: (f: F) => string, last: number) => ConditionalFormat[];
}

/** A data sheet: a header row, one row per item, frozen header, filter, print setup. */
export function dataSheet<F extends string, T>(ctx: Context, spec: TableSpec<F, T>): Sheet {
  const sheet = emptySheet(ctx, spec.key);
  const cols = spec.columns.list;
  const helpers = spec.helpers;
  sheet.columns = [
    ...cols.map((c) => ({ width: c.width, hidden: c.hidden || undefined })),
    ...(helpers?.titles ?? []).map(() => ({ width: 12, hidden: true })),
  ];
  const header: Row = {
    cells: [...cols, ...(helpers?.titles ?? [])].map((c) => ({ v: typeof c === 'string' ? c : c.title, s: 'header' as const })),
    height: 30,
  };
  const n = spec.items.length;
  const room = helpers ? ROOM_ROWS : 0;
  const lastRow = n + 1 + room;
  const letters = (helpers?.titles ?? []).map((_, h) => columnLetter(cols.length + h + 1));
  // Each helper column's first cell, made once, not once a row.
  const firsts = letters.map((letter) => `${letter}2`);
  /** Appends row `r`'s helper cells to `cells`. */
  const helperCells = (cells: (Cell | undefined)[], r: number, item?: T): (Cell | undefined)[] => {
    const made = helpers!.cells(r, item);
    for (let h = 0; h < made.length; h++) {
      const cell = made[h];
      // `in`, not the value: a helper's formula may be written out only when read (sharedCell).
      if (!cell || !('f' in cell)) cells.push(cell);
      else cells.push(r === 2 ? firstShared(cell, `${letters[h]}2:${letters[h]}${lastRow}`) : sharedCell(cell, firsts[h]));
    }
    return cells;
  };
  const row = (item: T, r: number): Row => {
    // A loop, not spread arrays: a million rows run it.
    const cells: (Cell | undefined)[] = [];
    for (const c of cols) cells.push(spec.cell(item, c.field));
    if (helpers) helperCells(cells, r, item);
    return { cells };
  };
  const roomLine = (r: number): Row => ({
    cells: helperCells(
      cols.map(() => undefined),
      r,
    ),
  });
  if (spec.lazy) {
    sheet.rows = [header];
    // The first rows, made from the items known without a pass: the print plan's sample (print/fit-columns.ts).
    sheet.sample = headOf(spec.items)?.map((item, i) => row(item, i + 2));
    sheet.body = rowSource(n + room, () => ({ [Symbol.iterator]: () => new BodyRows(sheet, spec.items[Symbol.iterator](), room, row, roomLine) }));
  } else {
    sheet.rows = [header];
    for (const item of spec.items) sheet.rows.push(row(item, sheet.rows.length + 1));
    for (let k = 0; k < room; k++) sheet.rows.push(roomLine(n + 2 + k));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  const lastCol = columnLetter(cols.length);
  sheet.autoFilter = `A1:${lastCol}${Math.max(2, spec.items.length + 1)}`;
  sheet.table = { headerRow: 1, firstRow: 2, fields: cols.map((c) => c.field) };
  // The rows under the header, room included; its columns are set once the sheet's are final (print/plan.ts).
  sheet.print = { ...printSetup(ctx, sheet.name, '1:1'), area: tablePrintArea(sheet, roomRow(n)) };
  sheet.tabColor = TAB_COLORS.data;
  const last = roomRow(spec.items.length);
  const letter = (f: F) => spec.columns.letter(f);
  sheet.validations = spec.validations?.(letter, last) ?? [];
  sheet.conditionalFormats = spec.conditionalFormats?.(letter, last) ?? [];
  return sheet;
}

/**
 * A lazy data sheet's rows under its header: each item's row, fitted to its text with the sheet's columns as they are
 * then, and `room` rows for more. A plain iterator, not a generator (their suspending and resuming was a third of making
 * a 40,000-row sheet's rows).
 */
class BodyRows<T> implements Iterator<Row> {
  private r = 2;
  private roomLeft: number;
  private items?: Iterator<T>;

  constructor(
    private readonly sheet: Sheet,
    items: Iterator<T>,
    room: number,
    private readonly row: (item: T, r: number) => Row,
    private readonly roomLine: (r: number) => Row,
  ) {
    this.items = items;
    this.roomLeft = room;
  }

  next(): IteratorResult<Row> {
    if (this.items) {
      const it = this.items.next();
      if (!it.done) return { value: fitRowHeight(this.row(it.value, this.r++), this.sheet.columns), done: false };
      this.items = undefined;
    }
    if (this.roomLeft <= 0) return { value: undefined, done: true };
    this.roomLeft--;
    return { value: this.roomLine(this.r++), done: false };
  }

  /** Left before the end: the items are let go of (a data file read again is closed). */
  return(): IteratorResult<Row> {
    this.items?.return?.();
    this.items = undefined;
    this.roomLeft = 0;
    return { value: undefined, done: true };
  }
}

/**
 * A cell of a shared formula's range below its first cell, whose `f` (the
 * formula shifted to this row) is written out only when read: the streaming
 * writer never reads it (a shared formula is written once), and the formulas
 * of 100,000 rows were some 70 MB of strings made for nothing.
 */
export function sharedCell(cell: Cell, from: string): Cell {
  return new SharedCell(cell, from);
}

/** The first cell of a shared formula's range (`f` read from a cell that may write it out only when read: rowCell). */
function firstShared(cell: Cell, shares: string): Cell {
  return cell.s === undefined ? { f: cell.f, v: cell.v, shares } : { f: cell.f, v: cell.v, s: cell.s, shares };
}

class SharedCell {
  readonly #of: Cell;
  constructor(
    of: Cell,
    readonly sharedFrom: string,
  ) {
    this.#of = of;
  }

  get v(): Cell['v'] {
    return this.#of.v;
  }

  get f(): string | undefined {
    return this.#of.f;
  }
}

/**
 * A cell of a shared formula's range below its first cell (at `from`), with a style: its formula for `row`
 * (layout/formulas.ts, rowFormula) is written out only when read, as sharedCell's.
 */
export function sharedRowCell(formula: (row: number) => string, row: number, v: Cell['v'], s: StyleName | undefined, from: string): Cell {
  return new SharedRowCell(formula, row, v, s, from);
}

class SharedRowCell {
  readonly #formula: (row: number) => string;
  readonly #row: number;
  constructor(
    formula: (row: number) => string,
    row: number,
    readonly v: Cell['v'],
    readonly s: StyleName | undefined,
    readonly sharedFrom: string,
  ) {
    this.#formula = formula;
    this.#row = row;
  }

  get f(): string {
    return this.#formula(this.#row);
  }
}

/** Display width of text in character cells: East Asian wide characters take two. */
export function textWidth(s: string): number {
  // Per UTF-16 unit, without making a string per character: a surrogate pair (one wide code point) is its 2 units.
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else w++;
  }
  return w;
}

const LINE_HEIGHT = 15;
/**
 * A line of wrapped Chinese text: 11 pt CJK faces are taller than Calibri (Noto Sans CJK, which LibreOffice and WPS
 * use where 等线 is missing, takes 15.9 pt a line), so two lines at 15 pt cut the second's foot.
 */
const WIDE_LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;

/**
 * Sets the height of rows whose wrapped text needs more than one line.
 * Spreadsheet programs do not grow rows for text written into a file, so
 * without this a wrapped title shows as one cut-off line.
 */
export function fitRowHeights(sheet: Sheet): void {
  for (const row of sheet.rows) fitRowHeight(row, sheet.columns);
}

/** The named styles that wrap their text: looked up once, not once a cell. */
const WRAPS = new Set(Object.keys(STYLES).filter((name) => (STYLES[name as StyleName] as Style).align?.wrap));

/** One row's height for its wrapped text (see fitRowHeights); returns the row. */
export function fitRowHeight(row: Row, columns: Sheet['columns']): Row {
  if (row.height !== undefined) return row;
  // The tallest wrapped cell's lines, at its own line height; one line leaves the row at the default height.
  let height = LINE_HEIGHT;
  // A loop, not forEach with a callback: a data sheet's 100,000 rows each come through here.
  const cells = row.cells;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell?.s || typeof cell.v !== 'string' || !WRAPS.has(cell.s) || columns[c]?.hidden) continue;
    const width = Math.max(4, (columns[c]?.width ?? 10) - 1);
    const v = cell.v;
    const n = v.includes('\n') ? v.split('\n').reduce((sum, part) => sum + wrappedLines(part, width + 1), 0) : wrappedLines(v, width + 1);
    // Only a cell that may be the tallest is looked at for wide characters.
    if (n > 1 && n * WIDE_LINE_HEIGHT > height) height = Math.max(height, n * (textWidth(v) > v.length ? WIDE_LINE_HEIGHT : LINE_HEIGHT));
  }
  if (height > LINE_HEIGHT) row.height = Math.min(MAX_ROW_HEIGHT, height);
  return row;
}
