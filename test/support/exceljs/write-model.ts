/**
 * The reference writer, for tests: writes the layout model with exceljs's
 * document API (users get the streaming writer, src/cli/xlsx/write, which is
 * tested against this one cell for cell). Decides nothing about layout: every sheet, cell, style, validation, format and name comes from the
 * model.
 */
import ExcelJS from 'exceljs';
import { isoToUtcDate } from '../../../src/core/periods';
import { DEFAULT_MARGINS, type Cell, type CellValue, type ConditionalFormat, type Sheet, type Validation, type Workbook } from '../../../src/core/layout/model';
import { STYLES, type Style, type StyleName } from '../../../src/core/layout/styles';
import { sheetPrefix } from '../../../src/core/layout/refs';
import { sheetRows } from '../../../src/core/layout/rows';
import { encodeXstring } from '../../../src/cli/xlsx/xstring';

const argb = (rgb: string) => ({ argb: `FF${rgb}` });

/** One exceljs style object per named style, shared by every cell that uses it. */
function excelStyle(style: Style): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font)
    out.font = { bold: style.font.bold, italic: style.font.italic, size: style.font.size, color: style.font.color ? argb(style.font.color) : undefined };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) };
  if (style.numFmt) out.numFmt = style.numFmt;
  if (style.align) {
    const a = style.align;
    out.alignment = { horizontal: a.h, vertical: a.v, wrapText: a.wrap, indent: a.indent };
  }
  if (style.border) {
    out.border = {
      top: style.border.top ? { style: style.border.top, color: argb(style.border.color) } : undefined,
      bottom: style.border.bottom ? { style: style.border.bottom, color: argb(style.border.color) } : undefined,
    };
  }
  return out;
}

const EXCEL_STYLES = Object.fromEntries(Object.entries(STYLES).map(([k, v]) => [k, excelStyle(v)])) as Record<StyleName, Partial<ExcelJS.Style>>;

/** The same styles for cells that stay editable on a protected sheet (a form's fillable cells). */
const UNLOCKED: Partial<ExcelJS.Style> = { protection: { locked: false } };
const EXCEL_UNLOCKED_STYLES = Object.fromEntries(Object.entries(EXCEL_STYLES).map(([k, v]) => [k, { ...v, ...UNLOCKED }])) as Record<
  StyleName,
  Partial<ExcelJS.Style>
>;

/** A conditional format's style (a "dxf"): fills use bgColor there. */
function dxfStyle(name: StyleName): Partial<ExcelJS.Style> {
  const s: Style = STYLES[name];
  const out: Partial<ExcelJS.Style> = {};
  if (s.font) out.font = { bold: s.font.bold, italic: s.font.italic, color: s.font.color ? argb(s.font.color) : undefined };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', bgColor: argb(s.fill) };
  if (s.numFmt) out.numFmt = s.numFmt;
  return out;
}

function plainValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'object') return 'error' in v ? { error: v.error } : isoToUtcDate(v.date);
  if (typeof v === 'string') return encodeXstring(v);
  return v;
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell.f === undefined) return plainValue(cell.v);
  // A blank result is the empty string, as spreadsheet engines store a formula that returns "".
  const result = cell.v === null ? '' : plainValue(cell.v);
  if (cell.shares) return { formula: cell.f, result, shareType: 'shared', ref: cell.shares } as unknown as ExcelJS.CellFormulaValue;
  if (cell.sharedFrom) return { sharedFormula: cell.sharedFrom, result } as ExcelJS.CellSharedFormulaValue;
  if (cell.array) return { formula: cell.f, result, shareType: 'array', ref: cell.array } as unknown as ExcelJS.CellFormulaValue;
  return { formula: cell.f, result } as ExcelJS.CellFormulaValue;
}

function validation(v: Validation): ExcelJS.DataValidation {
  const prompt = {
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.prompt.title,
    error: v.prompt.message,
  };
  const r = v.rule;
  switch (r.type) {
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${r.values.join(',')}"`], ...prompt } as ExcelJS.DataValidation;
    case 'listRange':
      return { type: 'list', allowBlank: true, formulae: [r.source], ...prompt } as ExcelJS.DataValidation;
    case 'date':
      // Any date after the spreadsheet epoch: serial 1 (exceljs converts this Date to 1).
      return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1899, 11, 31))], ...prompt } as ExcelJS.DataValidation;
    case 'decimal':
    case 'whole':
      return { type: r.type, operator: 'between', allowBlank: true, formulae: [r.min ?? -1e300, r.max ?? 1e300], ...prompt } as ExcelJS.DataValidation;
  }
}

function conditionalFormat(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  if (cf.type === 'expression') {
    return {
      ref: cf.range,
      rules: [{ type: 'expression', priority, formulae: [cf.formula], style: dxfStyle(cf.style) }],
    } as ExcelJS.ConditionalFormattingOptions;
  }
  const bound = (kind: 'min' | 'max', value?: number) => (value === undefined ? { type: kind } : { type: 'num', value });
  return {
    ref: cf.range,
    rules: [
      {
        type: 'dataBar',
        priority,
        cfvo: [bound('min', cf.min), bound('max', cf.max)],
        color: argb(cf.color),
        gradient: false,
      } as unknown as ExcelJS.ConditionalFormattingRule,
    ],
  };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state,
    properties: sheet.tabColor ? { tabColor: argb(sheet.tabColor) } : undefined,
    views: sheet.freeze ? [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : undefined,
  });
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  [...sheetRows(sheet)].forEach((row, r) => {
    if (!row.cells.length && row.height === undefined) return;
    const xr = ws.getRow(r + 1);
    if (row.height !== undefined) xr.height = row.height;
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      const xc = xr.getCell(c + 1);
      xc.value = cellValue(cell);
      if (cell.locked === false) xc.style = cell.s ? EXCEL_UNLOCKED_STYLES[cell.s] : UNLOCKED;
      else if (cell.s) xc.style = EXCEL_STYLES[cell.s];
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m);
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) validations.add(v.range, validation(v));
  sheet.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormat(cf, i + 1)));
  if (sheet.print) {
    const p = sheet.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: p.repeatRows,
      printArea: p.area,
      margins: p.margins ?? DEFAULT_MARGINS,
    };
    ws.headerFooter = { oddHeader: p.header, oddFooter: p.footer };
    for (const r of p.rowBreaks ?? []) ws.getRow(r).addPageBreak();
  }
  if (sheet.protection) {
    // exceljs's protect() sets the protection synchronously (its promise only wraps it).
    void ws.protect(sheet.protection.password ?? '', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
      insertColumns: false,
      insertRows: false,
      insertHyperlinks: false,
      deleteColumns: false,
      deleteRows: false,
      sort: false,
      autoFilter: false,
      pivotTables: false,
    });
  }
}

/** The exceljs workbook of a layout model. */
export function toExcelJs(model: Workbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.properties.creator;
  wb.title = model.properties.title;
  wb.subject = model.properties.subject;
  wb.description = model.properties.description;
  wb.keywords = model.properties.keywords;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of model.sheets) writeSheet(wb, sheet);
  for (const n of model.names) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(n.cell)!;
    wb.definedNames.add(`${sheetPrefix(n.sheet)}$${col}$${row}`, n.name);
  }
  return wb;
}
