/**
 * A workbook's cell values read straight from its XML parts, for returned
 * forms and report workbooks: much lighter than a full exceljs load (no
 * styles, drawings or validations kept, only the sheets asked for parsed),
 * with the values the collector got from exceljs (the tests' reference,
 * test/support/exceljs/reader.ts): shared and inline strings (rich text
 * joined, `_xHHHH_` escapes decoded), numbers, booleans, error values as
 * text, numbers in a date format as dates (the 1900 or 1904 date system), a
 * formula as `{ formula }` whatever its cached result, a cell covered by a
 * merge as the value of the merge's first cell.
 *
 * Where it differs, on purpose: it also reads sheets whose tags carry a
 * namespace prefix (`<x:c>`), cells without a reference, and the part names
 * a workbook's relationships give; a shared formula reads as its own formula
 * (exceljs gave the address of its group's first cell); a cell with a link
 * reads as its value (exceljs gave the link's text: the same text, but a
 * linked number as text); an ISO date cell (`t="d"`) as that date, and
 * `date1904="true"` as the 1904 system; CDATA text is kept; a merge covering
 * more cells than the limit is refused.
 */
import { InputError } from '../../../core/errors';
import { columnLetter } from '../../../core/layout/refs';
import type { GridSheet, GridValue, GridWorkbook } from '../../../core/read/grid';
import { attributesOf, decodeText, findEndTag, scanTags, scanXml, XmlError, type XmlHandler } from './xml-scan';
import { decodeXstring } from '../xstring';
import { CellStore } from './cell-store';
import { SHEET_DATA, sheetDataAt, SheetBytesReader, type SheetBytes } from './sheet-bytes';
import { replayPrepared } from './sheet-prepared';
import { decodeRef, SheetCells, textOf, WorkbookError, type SheetContext, type SheetText } from './sheet-cells';

export { slideFormula } from './sheet-cells';

/**
 * The package's parts by name, lowercased (part names compare without case),
 * text of the XML parts; `sheetText` may give a large sheet's text as it is
 * best scanned (safe-load.ts: from its bytes).
 */
export type Parts = Map<string, string> & { sheetText?(name: string): SheetText | undefined };

interface Rel {
  type: string;
  target: string;
}

/** `xl/worksheets/sheet1.xml` from `xl/workbook.xml` and `worksheets/sheet1.xml` (or `/xl/worksheets/sheet1.xml`). */
function resolvePart(base: string, target: string): string {
  const out = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function parse(xml: string, h: Partial<XmlHandler>): void {
  scanXml(xml, { open: h.open ?? (() => undefined), close: h.close ?? (() => undefined), text: h.text ?? (() => undefined) });
}

function readRels(parts: Parts, part: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const xml = parts.get(relsPath(part).toLowerCase());
  if (xml === undefined) return rels;
  parse(xml, {
    open(name, raw) {
      if (name !== 'Relationship') return;
      const a = attributesOf(raw);
      if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
      rels.set(a.Id, { type: a.Type ?? '', target: resolvePart(part, a.Target) });
    },
  });
  return rels;
}

const relOfType = (rels: Map<string, Rel>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`));

// ---------------------------------------------------------------- shared strings and styles

/** Each `<si>`: its text, or the text of its runs joined; phonetic runs (`<rPh>`) left out, as exceljs does. */
function readSharedStrings(xml: string): string[] {
  const list: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let capture = false;
  let text = '';
  parse(xml, {
    open(name, _raw, self) {
      if (name === 'si') {
        inSi = true;
        text = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && !phonetic && !self) capture = true;
    },
    close(name) {
      if (name === 'si') {
        list.push(decodeXstring(text));
        inSi = false;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') capture = false;
    },
    text(raw, cdata) {
      if (capture) text += cdata ? raw : decodeText(raw);
    },
  });
  return list;
}

/** Built-in number formats that exceljs knows (the others are not dates to it either). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Built-in formats that Chinese, Japanese and Korean Excel write without a
 * `<numFmt>` definition: all of them show a date or a time (27-36, 50-58),
 * as Excel shows them (exceljs, SheetJS and ExcelDataReader read them as numbers).
 */
const EAST_ASIAN_DATE_FORMATS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether cells with built-in or defined number format `id` show dates (`formats`: the workbook's definitions). */
export function isDateFormatId(id: number, formats: ReadonlyMap<number, string> = new Map()): boolean {
  if (id === 0) return false;
  const code = formats.get(id);
  if (code === undefined && EAST_ASIAN_DATE_FORMATS.has(id)) return true;
  return isDateFormat(code ?? BUILTIN_FORMATS[id]);
}

/** A date format as exceljs tells one: a date or time letter outside brackets and quotes. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/**
 * An element with its content, as text (empty when there is none, or it is
 * never closed). Found with one search for its start and one for its end,
 * from there: linear in the text, however many unclosed starts it holds.
 */
function section(xml: string, tag: string): string {
  const start = new RegExp(`<${PREFIX}${tag}[\\s>]`).exec(xml);
  if (!start) return '';
  const end = new RegExp(`</${PREFIX}${tag}\\s*>`, 'g');
  end.lastIndex = start.index;
  const m = end.exec(xml);
  return m ? xml.slice(start.index, m.index + m[0].length) : '';
}

/** For each cell style (`s`), whether its number format shows a date. */
function readDateStyles(xml: string): boolean[] {
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inFormats = false;
  let inCellXfs = false;
  // Only the number formats and the cell formats are read (not fonts, fills, borders or differential formats).
  parse(section(xml, 'numFmts') + section(xml, 'cellXfs'), {
    open(name, raw) {
      if (name === 'numFmts') inFormats = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inFormats) {
        const a = attributesOf(raw);
        if (a.formatCode !== undefined) formats.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (name === 'xf' && inCellXfs) xfs.push(parseInt(attributesOf(raw).numFmtId, 10) || 0);
    },
    close(name) {
      if (name === 'numFmts') inFormats = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => isDateFormatId(id, formats));
}

// ---------------------------------------------------------------- sheets

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

class PartsSheet implements GridSheet {
  rowCount = 0;
  /** The columns read (cells after them read as blank). */
  readonly columns: number;
  private store!: CellStore;
  private mergesByRow: Map<number, Merge[]> | undefined;
  /** Cells holding a picture placed in the cell (`row:col`). */
  private readonly pictures = new Set<string>();

  constructor(
    readonly name: string,
    text: SheetText,
    ctx: SheetContext,
    columns = Infinity,
  ) {
    this.columns = columns;
    this.read(text, ctx);
  }

  cell(row: number, col: number): GridValue {
    if (this.mergesByRow) {
      const merges = this.mergesByRow.get(row);
      const m = merges && mergeAt(merges, col);
      if (m && (row !== m.r1 || col !== m.c1)) return this.store.get(m.r1, m.c1);
    }
    return this.store.get(row, col);
  }

  picture(row: number, col: number): boolean {
    return this.pictures.has(`${row}:${col}`);
  }

  rowsAfter(row: number): number[] {
    const rows = new Set<number>();
    for (const r of this.store.rowNumbers()) if (r > row) rows.add(r);
    for (const [r, merges] of this.mergesByRow ?? []) if (r > row && merges.some((m) => this.store.has(m.r1, m.c1))) rows.add(r);
    return [...rows].sort((a, b) => a - b);
  }

  private read(text: SheetText, ctx: SheetContext): void {
    if (text.bytes && this.readBytes(text.bytes, ctx)) return;
    const { from, cellsXml, merges } = splitSheet(text.xml);
    const cellsText = { xml: cellsXml, slice: (start: number, end: number) => text.slice(from + start, from + end) };
    this.store = new CellStore(cellsText.slice, ctx.date1904, ctx.strings);
    const cells = new SheetCells(cellsText, this.name, ctx, this.store, this.pictures, this.columns);
    scanTags(cellsXml, cells);
    this.rowCount = cells.maxRow;
    this.merged(merges, ctx);
  }

  /**
   * A plain `<sheetData>` read from the sheet's bytes (sheet-bytes.ts), with
   * no text of the whole part: false (nothing kept) when it is not plain, or
   * not where splitSheet would find it, to be read as text instead.
   *
   * Its end is searched from the part's end (it is near it; the first one
   * after the start is 92 MB on for 100,000 measures). Cells read to it
   * whole, it is the first one too (the reading gives up at any other
   * `</sheetData>`); else, were there an earlier one, the sheet is read to
   * that one, as it always was. A refusal met in the bytes is the text
   * reader's to say: only it finds the sheet's end as XML does (`</sheetData >`
   * among the cells ends them, and what follows may be refused first).
   */
  private readBytes(src: SheetBytes, ctx: SheetContext): boolean {
    const found = sheetDataAt(src);
    if (!found) return false;
    const { at, last } = found;
    try {
      if (this.readBytesTo(src, ctx, at, last)) return true;
      const end = found.first();
      return end !== last && this.readBytesTo(src, ctx, at, end);
    } catch (err) {
      if (err instanceof WorkbookError || err instanceof InputError) return false;
      throw err;
    }
  }

  /**
   * The cells from after `<sheetData>` (at `k`) to its end at `end`, and the merges after it (readBytes): the cells
   * read in advance in the worker thread that inflated the sheet, when they were read to the same end and are those of
   * the columns read here (sheet-prepared.ts); else read now.
   */
  private readBytesTo(src: SheetBytes, ctx: SheetContext, k: number, end: number): boolean {
    let merges: Merge[];
    try {
      merges = mergesIn(src.bytes.toString('latin1', end));
    } catch {
      return false;
    }
    const ready = src.prepared && src.prepared.at === k && src.prepared.end === end ? replayPrepared(src.prepared, src, ctx, this.columns) : undefined;
    if (ready) {
      this.store = ready.store;
      this.rowCount = ready.maxRow;
    } else {
      const store = new CellStore(src.slice, ctx.date1904, ctx.strings, src.text);
      const cells = new SheetBytesReader(src, this.name, ctx, store, this.columns);
      if (!cells.read(k + 10, end)) return false;
      this.store = store;
      this.rowCount = cells.maxRow;
    }
    this.merged(merges, ctx);
    return true;
  }

  private merged(merges: Merge[], ctx: SheetContext): void {
    if (merges.length) {
      this.mergesByRow = mergesByRow(merges, ctx.maxCells, this.name);
      // A merge extends the rows only where its first cell holds something (a blank merge reads as blank cells).
      for (const m of merges) if (m.r2 > this.rowCount && this.store.has(m.r1, m.c1)) this.rowCount = m.r2;
    }
  }
}

/** The cells are in <sheetData>; of what follows it, only the merged ranges are read. */
function splitSheet(xml: string): { from: number; cellsXml: string; merges: Merge[] } {
  const start = SHEET_DATA.exec(xml);
  const at = start ? findEndTag(xml, 'sheetData', start.index) : undefined;
  const end = at && { index: at[0] };
  const cellsXml = start ? xml.slice(start.index, at ? at[1] : xml.length) : '';
  const merges = mergesIn(end ? xml.slice(end.index) : start ? '' : xml);
  return { from: start ? start.index : 0, cellsXml, merges };
}

/** The merged ranges of what follows a sheet's cells (scanned as XML in one pass: markup left open is refused, never searched again from each of its starts). */
function mergesIn(xml: string): Merge[] {
  const merges: Merge[] = [];
  parse(xml, {
    open(name, raw) {
      if (name !== 'mergeCell') return;
      const [a, b] = (attributesOf(raw).ref ?? '').split(':');
      const from = decodeRef(a);
      const to = decodeRef(b);
      if (from && to)
        merges.push({ r1: Math.min(from.row, to.row), c1: Math.min(from.col, to.col), r2: Math.max(from.row, to.row), c2: Math.max(from.col, to.col) });
    },
  });
  return merges;
}

const mergeRef = (m: Merge) => `${columnLetter(m.c1)}${m.r1}:${columnLetter(m.c2)}${m.r2}`;

/**
 * The merges by each row they cover, each row's in column order; refuses
 * merges covering more than `maxCells` cells in all, and merges that overlap
 * (Excel never saves them; stacked, they would make every lookup a search).
 */
function mergesByRow(merges: Merge[], maxCells: number, sheet: string): Map<number, Merge[]> {
  let area = 0;
  const byRow = new Map<number, Merge[]>();
  // The area first, all of it: a workbook too large is refused as such, whether or not its merges also overlap.
  for (const m of merges) area += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
  if (area > maxCells)
    throw new InputError([
      {
        file: '',
        message: `has more than ${maxCells.toLocaleString('en')} cells in its sheets, counting merged cells; expected a workbook of at most that many`,
        zh: `各工作表合计（含合并单元格）超过 ${maxCells} 个单元格；工作簿最多应有这么多单元格`,
      },
    ]);
  for (const m of merges) {
    for (let r = m.r1; r <= m.r2; r++) {
      const row = byRow.get(r) ?? byRow.set(r, []).get(r)!;
      // Merges stacked over the same cells are refused at the second, not after all of them are filed.
      const last = row[row.length - 1];
      if (last && m.c1 <= last.c2 && last.c1 <= m.c2) throw m.c1 < last.c1 ? overlap(m, last, sheet) : overlap(last, m, sheet);
      row.push(m);
    }
  }
  for (const row of byRow.values()) {
    row.sort((a, b) => a.c1 - b.c1);
    for (let i = 1; i < row.length; i++) if (row[i].c1 <= row[i - 1].c2) throw overlap(row[i - 1], row[i], sheet);
  }
  return byRow;
}

const overlap = (a: Merge, b: Merge, sheet: string) =>
  new WorkbookError(
    `the merged ranges ${mergeRef(a)} and ${mergeRef(b)} of sheet "${sheet}" overlap; expected merged ranges that do not overlap, as Excel saves them`,
  );

/** The merge of a row (in column order, none overlapping) that covers `col`, found by binary search. */
function mergeAt(row: Merge[], col: number): Merge | undefined {
  let lo = 0;
  let hi = row.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid].c2 < col) lo = mid + 1;
    else if (row[mid].c1 > col) hi = mid - 1;
    else return row[mid];
  }
  return undefined;
}

/**
 * The workbook of a package's parts. Throws an InputError naming `file` when
 * the workbook cannot be read (its sheets are read when first asked for).
 */
export class PartsWorkbook implements GridWorkbook {
  /** The worksheets, in order. */
  readonly sheetNames: string[] = [];
  private readonly sheetParts = new Map<string, string>();
  private readonly sheets = new Map<string, PartsSheet>();
  private readonly ctx: SheetContext;
  /** The workbook counts dates from 1904 (Mac Excel's old default), not 1900. */
  readonly date1904: boolean;

  constructor(
    private readonly parts: Parts,
    private readonly file: string,
    maxCells: number,
  ) {
    try {
      const root = relOfType(readRels(parts, ''), 'officeDocument');
      const book = root && parts.has(root.target.toLowerCase()) ? root.target : 'xl/workbook.xml';
      const xml = parts.get(book.toLowerCase());
      if (xml === undefined) throw new WorkbookError(`it has no ${book}`);
      const rels = readRels(parts, book);
      let date1904 = false;
      // Only the `<workbookPr>` right under `<workbook>` holds the date system (Excel 2013 and later also write an
      // `<x15:workbookPr>` in the workbook's extensions, without it).
      let depth = 0;
      parse(xml, {
        close: () => depth--,
        open: (name, raw) => {
          depth++;
          if (name === 'workbookPr' && depth === 2) {
            const v = attributesOf(raw).date1904;
            date1904 = v === '1' || v === 'true';
          } else if (name === 'sheet') {
            const a = attributesOf(raw);
            const rel = a.id === undefined ? undefined : rels.get(a.id);
            if (a.name === undefined || !rel || !rel.type.endsWith('/worksheet') || !parts.has(rel.target.toLowerCase())) return;
            if (this.sheetParts.has(a.name)) return;
            this.sheetNames.push(a.name);
            this.sheetParts.set(a.name, rel.target.toLowerCase());
          }
        },
      });
      const stringsPart = relOfType(rels, 'sharedStrings')?.target ?? 'xl/sharedStrings.xml';
      const stylesPart = relOfType(rels, 'styles')?.target ?? 'xl/styles.xml';
      let strings: string[] | undefined;
      let dateStyles: boolean[] | undefined;
      this.date1904 = date1904;
      this.ctx = {
        date1904,
        maxCells,
        strings: () => (strings ??= ((x) => (x === undefined ? [] : readSharedStrings(x)))(parts.get(stringsPart.toLowerCase()))),
        dateStyles: () => (dateStyles ??= ((x) => (x === undefined ? [] : readDateStyles(x)))(parts.get(stylesPart.toLowerCase()))),
      };
    } catch (err) {
      throw this.refusal(err);
    }
  }

  sheet(name: string, columns = Infinity): GridSheet | undefined {
    const part = this.sheetParts.get(name);
    if (part === undefined) return undefined;
    let s = this.sheets.get(name);
    if (!s || s.columns < columns) {
      try {
        s = new PartsSheet(name, this.parts.sheetText?.(part) ?? textOf(this.parts.get(part)!), this.ctx, columns);
      } catch (err) {
        throw this.refusal(err);
      }
      this.sheets.set(name, s);
    }
    return s;
  }

  private refusal(err: unknown): Error {
    if (err instanceof InputError) return InputError.one(this.file, err.problems[0].message, { zh: err.problems[0].zh });
    if (err instanceof XmlError || err instanceof WorkbookError)
      return InputError.one(this.file, `cannot be read as an .xlsx workbook (${err.message})`, { zh: '无法作为 .xlsx 工作簿读取（文件内容已损坏）' });
    return err as Error;
  }
}
