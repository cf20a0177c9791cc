/// <reference types="office-js" />
/**
 * Writes the layout model through Office.js, batched: each phase queues whole
 * blocks (one `formulas` and one `numberFormat` array per sheet, one format
 * per style over all its cells, one height per group of rows) and the caller
 * syncs once per phase, so that a report of any size takes the same few round
 * trips to Excel. Decides nothing about layout: it writes what the model
 * says, as the streaming writer (src/cli/xlsx/write) does.
 */
import { DEFAULT_MARGINS, type Cell, type ConditionalFormat, type PrintSetup, type Sheet, type Validation } from '../../core/layout/model';
import { columnLetter } from '../../core/layout/refs';
import { STYLES, type Style, type StyleName } from '../../core/layout/styles';
import { DAYS_1904 } from '../../core/forms/values';
import { dateToSerial } from '../../core/periods';
import { ALL_FEATURES, type Features } from './capabilities';

/** Excel takes a string written into a cell as typed input: these would not stay the text they are. */
const NOT_PLAIN_TEXT = /^\s*[=+\-@'#]|[0-9\uFF10-\uFF19]|^\s*(true|false)\s*$/i;

/**
 * Text as Excel must be given it to keep it text: a leading apostrophe (which
 * Excel drops, storing the rest as text) before anything Excel would read as a
 * formula (`=`, `+`, `-`, `@`), a number, a date, a boolean or an error.
 */
export function asText(text: string): string {
  return NOT_PLAIN_TEXT.test(text) ? `'${text}` : text;
}

/** What to write into a cell: a formula with its `=`, a constant, or "" for nothing; a date as a serial in the workbook's date system. */
export function cellInput(cell: Cell | undefined, date1904 = false): string | number | boolean {
  if (!cell) return '';
  // Excel fills an array formula's range itself (a dynamic array spills); a value there would block it.
  if (cell.spilled) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === null) return '';
  if (typeof v === 'string') return asText(v);
  if (typeof v === 'object') return 'error' in v ? String((v as { error: string }).error) : dateToSerial(v.date) - (date1904 ? DAYS_1904 : 0);
  return v;
}

/** A column width in characters (as in the file) as Office.js points: 7 pixels a character at 96 dpi. */
export function columnWidthPoints(chars: number): number {
  return Math.round(chars * 7) * 0.75;
}

const hex = (rgb: string) => `#${rgb.toUpperCase()}`;
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Applies a named style to a range or range areas (both have the same `format`); indentation only where Excel has it. */
export function applyStyle(format: Excel.RangeFormat, style: Style, features: Features = ALL_FEATURES): void {
  const f = style.font;
  if (f?.bold !== undefined) format.font.bold = f.bold;
  if (f?.italic !== undefined) format.font.italic = f.italic;
  if (f?.size !== undefined) format.font.size = f.size;
  if (f?.color !== undefined) format.font.color = hex(f.color);
  if (style.fill) format.fill.color = hex(style.fill);
  const a = style.align;
  if (a?.h) format.horizontalAlignment = HORIZONTAL[a.h];
  if (a?.v) format.verticalAlignment = VERTICAL[a.v];
  if (a?.wrap !== undefined) format.wrapText = a.wrap;
  if (a?.indent !== undefined && features.indent) format.indentLevel = a.indent;
  for (const side of ['top', 'bottom'] as const) {
    const weight = style.border?.[side];
    if (!weight) continue;
    // A bottom border is every row's: the lines inside a rectangle of several rows too (styleAreas joins such rows).
    for (const edge of side === 'top' ? (['EdgeTop'] as const) : (['EdgeBottom', 'InsideHorizontal'] as const)) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = weight === 'medium' ? 'Medium' : 'Thin';
      border.color = `#${style.border!.color}`;
    }
  }
}

/** Rectangles as A1 addresses, joined into lists short enough for one `getRanges` each. */
export function addressLists(addresses: string[], maxChars = 2000): string[] {
  const lists: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

const rectAddress = (r1: number, c1: number, r2: number, c2: number) => {
  const a = `${columnLetter(c1)}${r1}`;
  return r1 === r2 && c1 === c2 ? a : `${a}:${columnLetter(c2)}${r2}`;
};

/**
 * The cells of each style as few rectangles as possible: runs of a row, then
 * equal runs of consecutive rows together. Styles with a top border stay one
 * row high, because an edge border applies to a rectangle's outer edge only
 * (a bottom border is also set on the lines inside, applyStyle).
 */
export function styleAreas(sheet: Sheet): Map<StyleName, string[]> {
  const open = new Map<string, { style: StyleName; r1: number; r2: number; c1: number; c2: number }>();
  const out = new Map<StyleName, string[]>();
  const close = (k: string) => {
    const a = open.get(k)!;
    open.delete(k);
    if (!out.has(a.style)) out.set(a.style, []);
    out.get(a.style)!.push(rectAddress(a.r1, a.c1, a.r2, a.c2));
  };
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const cells = row.cells;
    for (let c = 0; c < cells.length;) {
      const style = cells[c]?.s;
      if (!style) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < cells.length && cells[end + 1]?.s === style) end++;
      const k = `${style}|${c}|${end}`;
      const prev = open.get(k);
      if (prev && prev.r2 === r - 1 && !(STYLES[style] as Style).border?.top) prev.r2 = r;
      else {
        if (prev) close(k);
        open.set(k, { style, r1: r, r2: r, c1: c + 1, c2: end + 1 });
      }
      c = end + 1;
    }
    // Runs that did not continue into this row are finished.
    for (const [k, a] of open) if (a.r2 < r) close(k);
  });
  for (const k of [...open.keys()]) close(k);
  return out;
}

/** A rectangle of a sheet's cells: what to write into each, and each one's number format. */
export interface CellBlock {
  /** 1-based row of the block's first row; the block starts in column A. */
  firstRow: number;
  inputs: (string | number | boolean)[][];
  formats: string[][];
}

/** The sheet's cells as one rectangle from A1 (dates as serials counted from 1904 when the workbook does). */
export function cellBlock(sheet: Sheet, date1904 = false): CellBlock | undefined {
  const cols = sheet.rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
  if (!sheet.rows.length || !cols) return undefined;
  const inputs: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (const row of sheet.rows) {
    const ins: (string | number | boolean)[] = new Array(cols);
    const fmts: string[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const cell = row.cells[c];
      ins[c] = cellInput(cell, date1904);
      fmts[c] = (cell?.s && (STYLES[cell.s] as Style).numFmt) || 'General';
    }
    inputs.push(ins);
    formats.push(fmts);
  }
  return { firstRow: 1, inputs, formats };
}

/**
 * The format of every address: one multi-area range per address list (as few
 * requests as possible), or, where Excel has no range areas (before ExcelApi
 * 1.9), one range per address, formatted alike.
 */
export function areaFormats(ws: Excel.Worksheet, addresses: string[], features: Features): Excel.RangeFormat[] {
  if (!features.areas) return addresses.map((a) => ws.getRange(a).format);
  return addressLists(addresses).map((list) => ws.getRanges(list).format);
}

/** Rows of equal height as `getRanges` address lists: `2:2,5:7`. */
function rowHeightGroups(sheet: Sheet): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  let start = 0;
  sheet.rows.forEach((row, i) => {
    const h = row.height;
    const next = sheet.rows[i + 1]?.height;
    if (h === undefined) return;
    if (!start) start = i + 1;
    if (next !== h) {
      if (!groups.has(h)) groups.set(h, []);
      groups.get(h)!.push(`${start}:${i + 1}`);
      start = 0;
    }
  });
  return groups;
}

/** Phase 1 (with the sheet just added): columns, row heights, tab colour, frozen panes. */
export function writeStructure(ws: Excel.Worksheet, sheet: Sheet, features: Features = ALL_FEATURES): void {
  const widths = new Map<number, string[]>();
  sheet.columns.forEach((col, i) => {
    const letter = columnLetter(i + 1);
    const pts = columnWidthPoints(col.width);
    if (!widths.has(pts)) widths.set(pts, []);
    widths.get(pts)!.push(`${letter}:${letter}`);
    if (col.hidden) ws.getRange(`${letter}:${letter}`).columnHidden = true;
  });
  for (const [pts, cols] of widths) for (const format of areaFormats(ws, cols, features)) format.columnWidth = pts;
  for (const [h, rows] of rowHeightGroups(sheet)) for (const format of areaFormats(ws, rows, features)) format.rowHeight = h;
  if (sheet.tabColor) ws.tabColor = hex(sheet.tabColor);
  const fz = sheet.freeze;
  if (fz && (fz.rows || fz.columns)) {
    if (!fz.columns) ws.freezePanes.freezeRows(fz.rows);
    else if (!fz.rows) ws.freezePanes.freezeColumns(fz.columns);
    else ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(fz.columns)}${fz.rows}`));
  }
}

/** Phase 2: a block's formulas and values, then its number formats. */
export function writeCells(ws: Excel.Worksheet, block: CellBlock): void {
  const last = block.firstRow + block.inputs.length - 1;
  const range = ws.getRange(rectAddress(block.firstRow, 1, last, block.inputs[0].length));
  // Values first: a text number format ("@") set before would turn formulas into text.
  range.formulas = block.inputs as unknown[][];
  range.numberFormat = block.formats;
}

/** Phase 2 too: merged cells. */
export function writeMerges(ws: Excel.Worksheet, sheet: Sheet): void {
  for (const m of sheet.merges) ws.getRange(m).merge(false);
}

/** Phase 3: fonts, fills, alignment and borders, one setting per style over all of its cells. */
export function writeFormats(ws: Excel.Worksheet, sheet: Sheet, features: Features = ALL_FEATURES): void {
  for (const [style, areas] of styleAreas(sheet)) {
    for (const format of areaFormats(ws, areas, features)) applyStyle(format, STYLES[style] as Style, features);
  }
}

function validationRule(v: Validation): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.values.join(',') } };
    case 'listRange':
      return { list: { inCellDropDown: true, source: `=${r.source}` } };
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThan' } };
    case 'decimal':
      return { decimal: { formula1: r.min ?? -1e300, formula2: r.max ?? 1e300, operator: 'Between' } };
    case 'whole':
      return { wholeNumber: { formula1: r.min ?? -1e300, formula2: r.max ?? 1e300, operator: 'Between' } };
  }
}

function writeConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const formats = ws.getRange(cf.range).conditionalFormats;
  if (cf.type === 'expression') {
    const f = formats.add('Custom');
    f.custom.rule.formula = `=${cf.formula}`;
    const s: Style = STYLES[cf.style];
    if (s.font?.bold !== undefined) f.custom.format.font.bold = s.font.bold;
    if (s.font?.italic !== undefined) f.custom.format.font.italic = s.font.italic;
    if (s.font?.color !== undefined) f.custom.format.font.color = hex(s.font.color);
    if (s.fill) f.custom.format.fill.color = hex(s.fill);
    if (s.numFmt) f.custom.format.numberFormat = s.numFmt;
    return;
  }
  const f = formats.add('DataBar');
  f.dataBar.lowerBoundRule = cf.min === undefined ? { type: 'LowestValue' } : { type: 'Number', formula: String(cf.min) };
  f.dataBar.upperBoundRule = cf.max === undefined ? { type: 'HighestValue' } : { type: 'Number', formula: String(cf.max) };
  f.dataBar.positiveFormat.fillColor = hex(cf.color);
  f.dataBar.positiveFormat.gradientFill = false;
}

/** `&Lleft&Cmiddle&Rright` (with `&&` for an ampersand) as the three parts Office.js sets. */
export function headerFooterParts(codes: string): { left: string; center: string; right: string } {
  const parts = { left: '', center: '', right: '' };
  let current: keyof typeof parts = 'center';
  for (let i = 0; i < codes.length; i++) {
    const ch = codes[i];
    const next = codes[i + 1];
    if (ch === '&' && (next === 'L' || next === 'C' || next === 'R')) {
      current = next === 'L' ? 'left' : next === 'C' ? 'center' : 'right';
      i++;
    } else if (ch === '&' && next !== undefined) {
      parts[current] += ch + next;
      i++;
    } else parts[current] += ch;
  }
  return parts;
}

/** Excel's limit for a header or footer. */
const MAX_HEADER = 255;
const clip = (s: string) => (s.length > MAX_HEADER ? s.slice(0, MAX_HEADER).replace(/&[^&]?$/, '') : s);

/** A data validation: the drop-down list or input check of a range, with its prompt (ExcelApi 1.8). */
function writeValidation(ws: Excel.Worksheet, v: Validation): void {
  const dv = ws.getRange(v.range).dataValidation;
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: 'Stop', title: v.prompt.title, message: v.prompt.message };
}

/** The AutoFilter of a data table (ExcelApi 1.9). */
function writeAutoFilter(ws: Excel.Worksheet, range: string): void {
  ws.autoFilter.apply(ws.getRange(range));
}

/** Page layout, margins, print titles, headers and footers (ExcelApi 1.9). */
function writePrint(ws: Excel.Worksheet, p: PrintSetup): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = 'A4';
  pl.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  // The model's margins are in inches; Office.js takes points.
  const m = p.margins ?? DEFAULT_MARGINS;
  pl.leftMargin = m.left * 72;
  pl.rightMargin = m.right * 72;
  pl.topMargin = m.top * 72;
  pl.bottomMargin = m.bottom * 72;
  pl.headerMargin = m.header * 72;
  pl.footerMargin = m.footer * 72;
  if (p.repeatRows) pl.setPrintTitleRows(p.repeatRows.replace(/(\d+)/g, '$$$1'));
  if (p.area) pl.setPrintArea(p.area);
  // A break above the row after each of the model's rows.
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  const hf = pl.headersFooters.defaultForAllPages;
  const head = headerFooterParts(p.header);
  const foot = headerFooterParts(p.footer);
  hf.leftHeader = clip(head.left);
  hf.centerHeader = clip(head.center);
  hf.rightHeader = clip(head.right);
  hf.leftFooter = clip(foot.left);
  hf.centerFooter = clip(foot.center);
  hf.rightFooter = clip(foot.right);
}

/** Phase 4: validations, conditional formats, filter, print setup (those Excel has the API for). */
export function writeRules(ws: Excel.Worksheet, sheet: Sheet, features: Features = ALL_FEATURES): void {
  if (features.validation) for (const v of sheet.validations) writeValidation(ws, v);
  // Excel adds each conditional format at the top priority: add the model's last first.
  for (const cf of [...sheet.conditionalFormats].reverse()) writeConditionalFormat(ws, cf);
  if (sheet.autoFilter && features.filter) writeAutoFilter(ws, sheet.autoFilter);
  if (sheet.print && features.print) writePrint(ws, sheet.print);
}

/** Excel's rules for a sheet name (the writer checks the model's names before touching the workbook). */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 31) return 'a sheet name has 1 to 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'a sheet name has none of : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name does not begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}
