/**
 * The workbook behind the fake Excel host: what a real Excel would hold after
 * the add-in's API calls, with the rules of Excel that the add-in depends on
 * enforced (sheet and name validity, typed input parsing, formulas that refer
 * to missing sheets, the last visible sheet, merges that overlap).
 */

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;

function part(p: string, kind: 'cell' | 'row' | 'col'): { r?: number; c?: number } | undefined {
  if (kind === 'cell') {
    const m = CELL.exec(p);
    return m ? { r: Number(m[2]), c: colNumber(m[1]) } : undefined;
  }
  if (kind === 'row') {
    const m = ROW.exec(p);
    return m ? { r: Number(m[1]) } : undefined;
  }
  const m = COL.exec(p);
  return m ? { c: colNumber(m[1]) } : undefined;
}

/** `A1`, `A1:B2`, `$A$1`, `5:5`, `A:C` (no sheet). */
export function parseRect(address: string): Rect {
  const bad = () => new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: address "${address}"`);
  const [a, b = a] = address.trim().split(':');
  let rect: Rect | undefined;
  for (const kind of ['cell', 'row', 'col'] as const) {
    const p = part(a, kind);
    const q = part(b, kind);
    if (!p || !q) continue;
    if (kind === 'cell') rect = { r1: p.r!, c1: p.c!, r2: q.r!, c2: q.c! };
    else if (kind === 'row') rect = { r1: p.r!, c1: 1, r2: q.r!, c2: MAX_COLS };
    else rect = { r1: 1, c1: p.c!, r2: MAX_ROWS, c2: q.c! };
    break;
  }
  if (!rect) throw bad();
  rect = { r1: Math.min(rect.r1, rect.r2), c1: Math.min(rect.c1, rect.c2), r2: Math.max(rect.r1, rect.r2), c2: Math.max(rect.c1, rect.c2) };
  if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLS) throw bad();
  return rect;
}

export function rectAddress(r: Rect): string {
  if (r.c1 === 1 && r.c2 === MAX_COLS) return `${r.r1}:${r.r2}`;
  if (r.r1 === 1 && r.r2 === MAX_ROWS) return `${colLetters(r.c1)}:${colLetters(r.c2)}`;
  const a = `${colLetters(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${colLetters(r.c2)}${r.r2}`;
}

export function absAddress(r: Rect): string {
  if (r.c1 === 1 && r.c2 === MAX_COLS) return `$${r.r1}:$${r.r2}`;
  const a = `$${colLetters(r.c1)}$${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:$${colLetters(r.c2)}$${r.r2}`;
}

/** `'My sheet'!A1` or `Sheet!A1` -> sheet and address. */
export function splitSheetRef(ref: string): { sheet?: string; address: string } {
  const s = ref.replace(/^=/, '').trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(s);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const plain = /^([^!'"]+)!(.+)$/.exec(s);
  if (plain) return { sheet: plain[1], address: plain[2] };
  return { address: s };
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export const overlaps = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
export const cellCount = (r: Rect) => (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);

export interface Border {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  borders?: Record<string, Border>;
}

export type FakeValue = string | number | boolean | null;

export interface CellState {
  value: FakeValue;
  /** The formula with its leading `=`. */
  formula?: string;
  /** True for an error value (`#N/A`). */
  error?: boolean;
  quotePrefix?: boolean;
  numberFormat?: string;
  format: CellFormat;
}

export interface ValidationState {
  rects: Rect[];
  rule: Record<string, unknown>;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  id: string;
  rects: Rect[];
  type: 'Custom' | 'DataBar';
  stopIfTrue: boolean;
  formula?: string;
  font: { bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  numberFormat?: string;
  dataBar?: {
    lowerBoundRule?: { type: string; formula?: string };
    upperBoundRule?: { type: string; formula?: string };
    fillColor?: string;
    gradientFill?: boolean;
  };
}

export interface RangeRef {
  sheetId: string;
  rect: Rect;
}

export interface SeriesState {
  name: string;
  values?: RangeRef;
  xValues?: RangeRef;
  lineStyle?: string;
  lineColor?: string;
  fillColor?: string;
  markerStyle?: string;
  markerSize?: number;
  markerColor?: string;
  markerBorder?: string;
  hasDataLabels?: boolean;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: { text: string; visible: boolean };
  series: SeriesState[];
  start?: Rect;
  end?: Rect;
  displayBlanksAs?: string;
  valueAxis: { minimum?: number; maximum?: number; numberFormat?: string };
  categoryAxis: { reversePlotOrder?: boolean };
  dataLabels: { showValue?: boolean; numberFormat?: string };
  legend: { visible: boolean; position?: string };
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows?: string;
  printArea?: string;
  /** Manual page breaks: the rows a new page starts above (1-based). */
  rowBreaks?: number[];
  margins: Record<string, number>;
  headersFooters: Record<string, string>;
}

let nextId = 1;
export const newId = (prefix: string) => `{${prefix}-${String(nextId++).padStart(8, '0')}}`;

export class SheetState {
  readonly id = newId('SHEET');
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  validations: ValidationState[] = [];
  /** In priority order: index 0 is the top priority. */
  conditionalFormats: ConditionalFormatState[] = [];
  freeze?: { rows: number; columns: number };
  autoFilter?: Rect;
  pageLayout: PageLayoutState = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, margins: {}, headersFooters: {} };
  charts: ChartState[] = [];

  constructor(public name: string) {}

  static key(r: number, c: number): number {
    return (r - 1) * MAX_COLS + (c - 1);
  }

  cell(r: number, c: number): CellState | undefined {
    return this.cells.get(SheetState.key(r, c));
  }

  cellForWrite(r: number, c: number): CellState {
    const k = SheetState.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = { value: null, format: {} }));
    return cell;
  }

  /** The bounding rectangle of cells with a value or formula (Excel's used range, values only). */
  usedRect(): Rect | undefined {
    let rect: Rect | undefined;
    for (const [k, cell] of this.cells) {
      if (cell.formula === undefined && (cell.value === null || cell.value === '')) continue;
      const r = Math.floor(k / MAX_COLS) + 1;
      const c = (k % MAX_COLS) + 1;
      rect = rect ? { r1: Math.min(rect.r1, r), c1: Math.min(rect.c1, c), r2: Math.max(rect.r2, r), c2: Math.max(rect.c2, c) } : { r1: r, c1: c, r2: r, c2: c };
    }
    return rect;
  }
}

export interface NameState {
  name: string;
  /** A reference to a range (follows renames; `#REF!` once its sheet is deleted)... */
  ref?: RangeRef;
  /** ...or a constant formula. */
  formula?: string;
  comment: string;
  visible: boolean;
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

export class WorkbookState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  activeSheetId?: string;
  selection?: RangeRef;
  /** The workbook counts dates from 1904 (File > Options > Advanced > "Use 1904 date system"): every serial is 1,462 lower. */
  date1904 = false;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.addSheet(n);
    this.activeSheetId = this.sheets[0]?.id;
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (typeof name !== 'string' || name.length < 1 || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeExcelError('InvalidArgument', `The sheet name "${name}" is not valid`);
    }
    const other = this.sheetByName(name);
    if (other && other !== except) throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${name}" already exists`);
  }

  addSheet(name: string): SheetState {
    this.checkSheetName(name);
    const s = new SheetState(name);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: SheetState): void {
    const visible = this.sheets.filter((x) => x.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === s) throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet');
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === 'Visible')?.id;
    if (this.selection?.sheetId === s.id) this.selection = undefined;
  }

  setVisibility(s: SheetState, v: SheetState['visibility']): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new FakeExcelError('InvalidArgument', `visibility "${v}"`);
    if (v !== 'Visible' && this.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
      throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet');
    }
    s.visibility = v;
  }

  setPosition(s: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw new FakeExcelError('InvalidArgument', `position ${position}`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  nameByName(name: string): NameState | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** The name's formula as Excel shows it: `=Sheet!$C$5`, `='My sheet'!$C$5`, or `=#REF!$C$5`. */
  nameFormula(n: NameState): string {
    if (n.formula !== undefined) return n.formula;
    const sheet = this.sheetById(n.ref!.sheetId);
    if (!sheet) return `=#REF!${absAddress(n.ref!.rect)}`;
    const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : quoteSheet(sheet.name);
    return `=${prefix}!${absAddress(n.ref!.rect)}`;
  }

  addName(name: string, ref: RangeRef | string, comment = ''): NameState {
    const valid = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name) && name.length <= 255;
    if (!valid) throw new FakeExcelError('InvalidArgument', `The name "${name}" is not valid`);
    if (this.nameByName(name)) throw new FakeExcelError('ItemAlreadyExists', `The name "${name}" already exists`);
    let n: NameState;
    if (typeof ref === 'string') {
      const { sheet, address } = splitSheetRef(ref);
      const s = sheet !== undefined ? this.sheetByName(sheet) : undefined;
      n = s
        ? { name, ref: { sheetId: s.id, rect: parseRect(address) }, comment, visible: true }
        : { name, formula: ref.startsWith('=') ? ref : `=${ref}`, comment, visible: true };
    } else n = { name, ref, comment, visible: true };
    this.names.push(n);
    return n;
  }

  deleteName(n: NameState): void {
    this.names = this.names.filter((x) => x !== n);
  }
}

/** The sheet names a formula refers to (outside its text literals). */
export function sheetsInFormula(formula: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
    } else if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) {
        name += formula[j];
        j += formula[j] === "'" ? 2 : 1;
      }
      if (formula[j + 1] === '!') out.push(name);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*!/.exec(formula.slice(i));
      if (m && (i === 0 || !/[\w.]/.test(formula[i - 1]))) {
        out.push(m[0].slice(0, -1));
        i += m[0].length;
      } else i++;
    }
  }
  return out;
}

/** Excel refuses a formula whose parentheses or text literals do not balance. */
export function checkFormula(formula: string, wb: WorkbookState): void {
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '(') depth++;
    else if (!inString && ch === ')' && --depth < 0) break;
  }
  if (depth !== 0 || inString) throw new FakeExcelError('InvalidArgument', `There's a problem with this formula: ${formula.slice(0, 60)}`);
  for (const sheet of sheetsInFormula(formula.slice(1))) {
    if (!wb.sheetByName(sheet)) throw new FakeExcelError('InvalidArgument', `The formula refers to a sheet that does not exist: ${sheet}`);
  }
}

/** The numbers of a formula that is a column array constant, `={1;2}`; undefined for any other formula. */
export function arrayConstant(formula: string): number[] | undefined {
  const m = /^=\{(-?\d+(?:\.\d+)?(?:;-?\d+(?:\.\d+)?)*)\}$/.exec(formula);
  return m ? m[1].split(';').map(Number) : undefined;
}

const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];
const FULL_WIDTH = /[\uFF10-\uFF19]/g;

/** The serial number of a date, as DATE(year, month, day) gives it in the workbook's date system. */
export function serialOf(year: number, month: number, day: number, date1904: boolean): number {
  return Math.round((Date.UTC(year, month - 1, day) - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86400000);
}

/** What Excel makes of a string typed (or written through `values`/`formulas`) into a cell. */
export function parseInput(input: string, textFormat: boolean, date1904 = false): Omit<CellState, 'format' | 'numberFormat'> & { dateFormat?: string } {
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (textFormat) return { value: input };
  if (input === '') return { value: null };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const s = input.replace(FULL_WIDTH, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(s) || /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
    const pct = s.endsWith('%');
    const n = Number(s.replace(/[,%]/g, ''));
    return { value: pct ? n / 100 : n };
  }
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: '', formula: `=${input}` };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (ERRORS.includes(s.toUpperCase())) return { value: s.toUpperCase(), error: true };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (iso) {
    const t = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    if (!Number.isNaN(t)) return { value: serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), date1904), dateFormat: 'yyyy-mm-dd' };
  }
  return { value: input };
}
