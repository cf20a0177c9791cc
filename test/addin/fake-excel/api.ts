/**
 * The Excel JavaScript API subset the add-in uses, over the fake workbook
 * (state.ts), with Office.js's batching semantics: property sets and method
 * calls are queued and run, in order, at `context.sync()`; a property can be
 * read only after it was loaded and synced; a failing operation rejects the
 * sync and drops the rest of its batch (the operations before it stay done).
 * Every object refuses properties and methods it does not implement, so the
 * add-in cannot rely on something untested.
 */
import { apiMinor, OFFICE_MEMBERS } from './api-sets';
import {
  arrayConstant,
  cellCount,
  serialOf,
  checkFormula,
  FakeExcelError,
  newId,
  overlaps,
  parseInput,
  parseRect,
  quoteSheet,
  rectAddress,
  splitSheetRef,
  type CellFormat,
  type ChartState,
  type ConditionalFormatState,
  type FakeValue,
  type NameState,
  type RangeRef,
  type Rect,
  type SeriesState,
  type SheetState,
  type ValidationState,
  type WorkbookState,
} from './state';

export interface Action {
  name: string;
  run: () => void;
  /** Rough size of the request's arguments (JSON), as Office.js would send them. */
  bytes: number;
}

export interface Host {
  readonly state: WorkbookState;
  /** The newest ExcelApi 1.x set the host has (its minor version: 8 for ExcelApi 1.8). */
  readonly api: number;
  /** Formulas spill their arrays into the cells below (Excel with dynamic arrays). */
  readonly dynamicArrays: boolean;
  /** Called with each batch before it runs (counts syncs; may fail the sync). */
  beginSync(batch: Action[]): void;
  /** Called before each operation runs (may fail it). */
  beginOp(action: Action): void;
}

function approxBytes(payload: unknown): number {
  if (payload === undefined) return 16;
  if (typeof payload === 'string') return payload.length + 16;
  try {
    return JSON.stringify(payload).length + 16;
  } catch {
    return 64;
  }
}

/** Fake classes named otherwise than the Office.js types they stand for. */
const EXCEL_TYPE: Record<string, string> = { FreezePanes: 'WorksheetFreezePanes', ChartCategoryAxis: 'ChartAxis' };

/** Each member of the add-in's table with the minor version of its ExcelApi set, by fake class: `Worksheet.pageLayout` -> 9. */
const MEMBER_API = new Map(Object.entries(OFFICE_MEMBERS).map(([m, [set]]) => [m.replace(/^Excel\./, ''), apiMinor(set)]));

/** A member newer than the host's requirement set fails the sync, as office.js does on an older Excel. */
function checkApi(t: object, p: string): void {
  if (!(t instanceof ClientObject)) return;
  const type = EXCEL_TYPE[t.constructor.name] ?? t.constructor.name;
  const needs = MEMBER_API.get(`${type}.${p}`) ?? 0;
  if (needs <= t.context.host.api) return;
  t.context.enqueue(`ApiNotFound ${type}.${p}`, () => {
    throw new FakeExcelError(
      'ApiNotFound',
      `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${type}.${p} needs ExcelApi 1.${needs}; this host has 1.${t.context.host.api})`,
    );
  });
}

/** Refuses unknown properties, both reads and writes. */
const GUARD: ProxyHandler<object> = {
  get(t, p, r) {
    if (typeof p === 'string') checkApi(t, p);
    if (typeof p === 'symbol' || p in t) return Reflect.get(t, p, r);
    if (p === 'then' || p === 'toJSON' || p === 'asymmetricMatch' || p === '$$typeof' || p === 'nodeType') return undefined;
    throw new Error(`fake Excel: ${t.constructor.name} has no "${String(p)}" (not implemented, or not Office.js)`);
  },
  set(t, p, v, r) {
    if (typeof p === 'string') checkApi(t, p);
    if (typeof p === 'symbol' || p in t) return Reflect.set(t, p, v, r);
    throw new Error(`fake Excel: cannot set ${t.constructor.name}.${String(p)} (not implemented, or not Office.js)`);
  },
};
function wrap<T extends object>(o: T): T {
  return new Proxy(o, GUARD) as T;
}

function loadList(arg: unknown, all: string[]): string[] {
  if (arg === undefined) return all;
  if (typeof arg === 'string')
    return arg
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === 'object' && 'select' in arg) return loadList((arg as { select?: string }).select, all);
  throw new FakeExcelError('InvalidArgument', 'load: bad argument');
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(v as T)) throw new FakeExcelError('InvalidArgument', `${what}: "${String(v)}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

export class RequestContext {
  readonly workbook: Workbook;
  private queue: Action[] = [];

  constructor(readonly host: Host) {
    this.workbook = wrap(new Workbook(this));
  }

  get state(): WorkbookState {
    return this.host.state;
  }

  enqueue(name: string, run: () => void, payload?: unknown): void {
    this.queue.push({ name, run, bytes: approxBytes(payload) });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.host.beginSync(batch);
    for (const action of batch) {
      this.host.beginOp(action);
      action.run();
    }
  }
}

/** The value spilled into an empty cell by an array constant (of at most 100 numbers) above it in its column, if any. */
function spilledValue(sheet: SheetState, r: number, c: number): FakeValue | undefined {
  for (let k = 1; k < Math.min(r, 100); k++) {
    const above = sheet.cell(r - k, c);
    if (above?.formula !== undefined) return arrayConstant(above.formula)?.[k];
    if (above !== undefined && above.value !== null) return undefined;
  }
  return undefined;
}

abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(readonly context: RequestContext) {}

  protected q(name: string, run: () => void, payload?: unknown): void {
    this.context.enqueue(`${this.constructor.name}.${name}`, run, payload);
  }

  protected got<T>(p: string): T {
    if (!this.loaded.has(p)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(p) as T;
  }

  /** The current value of a loadable property. */
  protected read(p: string): unknown {
    throw new FakeExcelError('InvalidArgument', `${this.constructor.name}: property "${p}" cannot be loaded`);
  }

  protected loadable(): string[] {
    return [];
  }

  load(arg?: unknown): this {
    const props = loadList(arg, this.loadable());
    this.q('load', () => {
      // A null object's properties load as null, as Office.js gives them.
      for (const p of props) this.loaded.set(p, this.loaded.get('isNullObject') === true ? null : this.read(p));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got('isNullObject');
  }
}

export class Workbook extends ClientObject {
  readonly worksheets = wrap(new WorksheetCollection(this.context));
  readonly names = wrap(new NamedItemCollection(this.context));
  readonly functions = wrap(new Functions(this.context));
}

/** Excel's worksheet functions, evaluated in the workbook (only DATE, which counts in the workbook's date system). */
export class Functions extends ClientObject {
  date(year: number, month: number, day: number): FunctionResult {
    const result = wrap(new FunctionResult(this.context));
    this.q('date', () => result.set(serialOf(year, month, day, this.context.state.date1904)), [year, month, day]);
    return result;
  }
}

export class FunctionResult extends ClientObject {
  private result: unknown;

  set(v: unknown): void {
    this.result = v;
  }

  protected override read(p: string): unknown {
    if (p === 'value') return this.result;
    if (p === 'error') return undefined;
    return super.read(p);
  }

  protected override loadable(): string[] {
    return ['value', 'error'];
  }

  get value(): unknown {
    return this.got('value');
  }
}

/** Worksheets: bound to their sheet on first use (by name or id), or when created. */
export class WorksheetCollection extends ClientObject {
  private itemList: Worksheet[] = [];

  add(name?: string): Worksheet {
    const ws = wrap(new Worksheet(this.context, () => undefined));
    this.q(
      'add',
      () => {
        const st = this.context.state;
        let n = name;
        for (let i = st.sheets.length + 1; n === undefined; i++) if (!st.sheetByName(`Sheet${i}`)) n = `Sheet${i}`;
        ws.bind(st.addSheet(n));
      },
      name,
    );
    return ws;
  }

  private find(key: string): SheetState | undefined {
    return this.context.state.sheetByName(key) ?? this.context.state.sheetById(key);
  }

  getItem(key: string): Worksheet {
    return wrap(new Worksheet(this.context, () => this.find(key), key));
  }

  getActiveWorksheet(): Worksheet {
    const ws = wrap(new Worksheet(this.context, () => undefined, 'active'));
    this.q('getActiveWorksheet', () => {
      const st = this.context.state;
      const s = st.activeSheetId !== undefined ? st.sheetById(st.activeSheetId) : undefined;
      if (!s) throw new FakeExcelError('ItemNotFound', 'There is no active worksheet');
      ws.bind(s);
    });
    return ws;
  }

  getItemOrNullObject(key: string): Worksheet {
    const ws = wrap(new Worksheet(this.context, () => this.find(key), key));
    this.q('getItemOrNullObject', () => ws.bindOrNull(this.find(key)), key);
    return ws;
  }

  get items(): Worksheet[] {
    this.got('items');
    return this.itemList;
  }

  override load(arg?: unknown): this {
    const props = loadList(arg, ['items/name', 'items/id', 'items/visibility', 'items/position']).map((p) => p.replace(/^items\//, ''));
    this.q('load', () => {
      this.itemList = this.context.state.sheets.map((s) => {
        const ws = wrap(new Worksheet(this.context, () => s));
        ws.bind(s);
        ws.preload(props.filter((p) => p !== 'items'));
        return ws;
      });
      this.loaded.set('items', true);
    });
    return this;
  }
}

export class Worksheet extends ClientObject {
  private bound?: SheetState | null = undefined;
  readonly freezePanes = wrap(new FreezePanes(this.context, this));
  readonly autoFilter = wrap(new AutoFilter(this.context, this));
  readonly pageLayout = wrap(new PageLayout(this.context, this));
  readonly horizontalPageBreaks = wrap(new PageBreakCollection(this.context, this));
  readonly charts = wrap(new ChartCollection(this.context, this));

  constructor(
    context: RequestContext,
    private readonly finder: () => SheetState | undefined,
    private readonly key = '',
  ) {
    super(context);
  }

  bind(s: SheetState): void {
    this.bound = s;
  }

  bindOrNull(s: SheetState | undefined): void {
    this.bound = s ?? null;
    this.loaded.set('isNullObject', !s);
  }

  preload(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(p));
  }

  /** The sheet this proxy stands for, when an operation runs. */
  sheet(): SheetState {
    if (this.bound === null) throw new FakeExcelError('InvalidObjectPath', 'The object is a null object');
    if (this.bound === undefined) {
      const s = this.finder();
      if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet "${this.key}"`);
      this.bound = s;
    }
    if (!this.context.state.sheets.includes(this.bound)) throw new FakeExcelError('ItemNotFound', `The worksheet "${this.bound.name}" was deleted`);
    return this.bound;
  }

  protected override loadable(): string[] {
    return ['name', 'id', 'visibility', 'position', 'tabColor'];
  }

  protected override read(p: string): unknown {
    const s = this.sheet();
    switch (p) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.context.state.sheets.indexOf(s);
      case 'tabColor':
        return s.tabColor;
    }
    return super.read(p);
  }

  get name(): string {
    return this.got('name');
  }
  set name(v: string) {
    this.q(
      'name',
      () => {
        const s = this.sheet();
        this.context.state.checkSheetName(v, s);
        s.name = v;
      },
      v,
    );
  }
  get id(): string {
    return this.got('id');
  }
  get visibility(): string {
    return this.got('visibility');
  }
  set visibility(v: string) {
    this.q('visibility', () => this.context.state.setVisibility(this.sheet(), v as SheetState['visibility']), v);
  }
  get position(): number {
    return this.got('position');
  }
  set position(v: number) {
    this.q('position', () => this.context.state.setPosition(this.sheet(), v), v);
  }
  get tabColor(): string {
    return this.got('tabColor');
  }
  set tabColor(v: string) {
    this.q(
      'tabColor',
      () => {
        if (v !== '' && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeExcelError('InvalidArgument', `tabColor "${v}"`);
        this.sheet().tabColor = v.toUpperCase();
      },
      v,
    );
  }

  delete(): void {
    this.q('delete', () => this.context.state.deleteSheet(this.sheet()));
  }

  activate(): void {
    this.q('activate', () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'Cannot activate a hidden sheet');
      this.context.state.activeSheetId = s.id;
    });
  }

  getRange(address = 'A1:XFD1048576'): Range {
    return wrap(new Range(this.context, this, () => [parseRect(address)]));
  }

  getRanges(address: string): RangeAreas {
    return wrap(new RangeAreas(this.context, this, () => address.split(',').map((a) => parseRect(a))));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    if (valuesOnly !== true) throw new Error('fake Excel: only getUsedRangeOrNullObject(true) is implemented');
    const range = wrap(new Range(this.context, this, () => []));
    this.q('getUsedRangeOrNullObject', () => range.bindRects(this.sheet().usedRect()));
    return range;
  }
}

type Cells = { sheet: SheetState; rects: Rect[] };

/** What is common to ranges and range areas: where they are, and their format. */
abstract class RangeBase extends ClientObject {
  private resolved?: Cells | null = undefined;

  constructor(
    context: RequestContext,
    readonly worksheet: Worksheet,
    private readonly rectsOf: () => Rect[],
  ) {
    super(context);
  }

  bindRects(rect: Rect | undefined): void {
    this.bindAreas(rect ? [rect] : []);
  }

  /** Binds to these rectangles, or to a null object when there are none. */
  bindAreas(rects: Rect[]): void {
    this.resolved = rects.length ? { sheet: this.worksheet.sheet(), rects } : null;
    this.loaded.set('isNullObject', !rects.length);
  }

  cells(): Cells {
    if (this.resolved === null) throw new FakeExcelError('InvalidObjectPath', 'The object is a null object');
    return (this.resolved ??= { sheet: this.worksheet.sheet(), rects: this.rectsOf() });
  }

  ref(): RangeRef {
    const { sheet, rects } = this.cells();
    if (rects.length !== 1) throw new FakeExcelError('InvalidArgument', 'a single rectangular range is expected');
    return { sheetId: sheet.id, rect: rects[0] };
  }

  get format(): RangeFormat {
    return wrap(new RangeFormat(this.context, () => this.cells()));
  }

  protected override read(p: string): unknown {
    if (p === 'address') {
      const { sheet, rects } = this.cells();
      const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : quoteSheet(sheet.name);
      return rects.map((r) => `${prefix}!${rectAddress(r)}`).join(',');
    }
    return super.read(p);
  }

  get address(): string {
    return this.got('address');
  }
}

export class Range extends RangeBase {
  protected override loadable(): string[] {
    return ['address', 'values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }

  /** The merged ranges within this range (a null object when there are none). */
  getMergedAreasOrNullObject(): RangeAreas {
    const areas = wrap(new RangeAreas(this.context, this.worksheet, () => []));
    this.q('getMergedAreasOrNullObject', () => {
      const { sheet, rect } = this.rect();
      areas.bindAreas(sheet.merges.filter((m) => overlaps(m, rect)));
    });
    return areas;
  }

  private rect(): { sheet: SheetState; rect: Rect } {
    const { sheet, rects } = this.cells();
    return { sheet, rect: rects[0] };
  }

  protected override read(p: string): unknown {
    if (p === 'address') return super.read(p);
    const { sheet, rect } = this.rect();
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      if (cellCount(rect) > 5_000_000) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'too many cells');
      return Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => Array.from({ length: rect.c2 - rect.c1 + 1 }, (_, j) => f(rect.r1 + i, rect.c1 + j)));
    };
    switch (p) {
      case 'values':
        // A formula's value would be computed by Excel; the fake does not calculate, and gives "" (but for an array constant, `={1;2}`, which spills where the host has dynamic arrays).
        return grid((r, c) => {
          const cell = sheet.cell(r, c);
          if (cell?.formula !== undefined) return arrayConstant(cell.formula)?.[0] ?? '';
          if (cell !== undefined && cell.value !== null) return cell.value;
          return (this.context.host.dynamicArrays ? spilledValue(sheet, r, c) : undefined) ?? '';
        });
      case 'formulas':
        return grid((r, c) => {
          const cell = sheet.cell(r, c);
          if (!cell || (cell.value === null && cell.formula === undefined)) return '';
          return cell.formula ?? cell.value;
        });
      case 'numberFormat':
        return grid((r, c) => sheet.cell(r, c)?.numberFormat ?? 'General');
      case 'rowIndex':
        return rect.r1 - 1;
      case 'columnIndex':
        return rect.c1 - 1;
      case 'rowCount':
        return rect.r2 - rect.r1 + 1;
      case 'columnCount':
        return rect.c2 - rect.c1 + 1;
    }
    return super.read(p);
  }

  private writeGrid(what: string, input: unknown, each: (sheet: SheetState, r: number, c: number, v: unknown) => void): void {
    this.q(
      what,
      () => {
        const { sheet, rect } = this.rect();
        const rows = rect.r2 - rect.r1 + 1;
        const cols = rect.c2 - rect.c1 + 1;
        if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
          throw new FakeExcelError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} of ${rectAddress(rect)})`,
          );
        }
        (input as unknown[][]).forEach((row, i) => row.forEach((v, j) => each(sheet, rect.r1 + i, rect.c1 + j, v)));
      },
      input,
    );
  }

  /** Typed input, as Excel parses it: `=` makes a formula, numbers and dates are converted, `'` keeps text. */
  private enter(sheet: SheetState, r: number, c: number, v: unknown): void {
    const cell = sheet.cellForWrite(r, c);
    cell.formula = undefined;
    cell.error = undefined;
    cell.quotePrefix = undefined;
    if (v === null || v === '') {
      cell.value = null;
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new FakeExcelError('InvalidArgument', `not a number: ${v}`);
      cell.value = v;
      return;
    }
    if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', `a cell value must be a string, number or boolean, got ${JSON.stringify(v)}`);
    if (v.length > 32767) throw new FakeExcelError('InvalidArgument', 'text longer than 32,767 characters');
    const parsed = parseInput(v, cell.numberFormat === '@', this.context.state.date1904);
    if (parsed.formula !== undefined) checkFormula(parsed.formula, this.context.state);
    cell.value = parsed.value as FakeValue;
    cell.formula = parsed.formula;
    cell.error = parsed.error;
    cell.quotePrefix = parsed.quotePrefix;
    if (parsed.dateFormat && (cell.numberFormat ?? 'General') === 'General') cell.numberFormat = parsed.dateFormat;
  }

  get values(): unknown[][] {
    return this.got('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid('values', v, (s, r, c, x) => this.enter(s, r, c, x));
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v, (s, r, c, x) => this.enter(s, r, c, x));
  }
  get numberFormat(): string[][] {
    return this.got('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.writeGrid('numberFormat', v, (s, r, c, x) => {
      if (typeof x !== 'string') throw new FakeExcelError('InvalidArgument', `numberFormat ${JSON.stringify(x)}`);
      s.cellForWrite(r, c).numberFormat = x;
    });
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }

  set columnHidden(v: boolean) {
    this.q(
      'columnHidden',
      () => {
        const { sheet, rect } = this.rect();
        for (let c = rect.c1; c <= rect.c2; c++) {
          if (v) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
      v,
    );
  }
  get columnHidden(): boolean {
    return this.got('columnHidden');
  }

  merge(across = false): void {
    this.q('merge', () => {
      if (across) throw new Error('fake Excel: merge(across) is not implemented');
      const { sheet, rect } = this.rect();
      if (cellCount(rect) < 2) return;
      if (sheet.merges.some((m) => overlaps(m, rect)))
        throw new FakeExcelError('InvalidOperation', `Cannot merge ${rectAddress(rect)}: it overlaps a merged range`);
      sheet.merges.push(rect);
    });
  }

  select(): void {
    this.q('select', () => {
      const { sheet, rect } = this.rect();
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'Cannot select a range on a hidden sheet');
      this.context.state.activeSheetId = sheet.id;
      this.context.state.selection = { sheetId: sheet.id, rect };
    });
  }

  get dataValidation(): DataValidation {
    return wrap(new DataValidation(this.context, () => this.cells()));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return wrap(new ConditionalFormatCollection(this.context, () => this.cells()));
  }
}

/** Several rectangles of one sheet (`worksheet.getRanges("A1:A3,C5")`). */
export class RangeAreas extends RangeBase {
  protected override loadable(): string[] {
    return ['address'];
  }
}

const MAX_FORMAT_CELLS = 2_000_000;

function eachCell(cells: Cells, f: (cell: CellFormat) => void): void {
  const total = cells.rects.reduce((n, r) => n + cellCount(r), 0);
  if (total > MAX_FORMAT_CELLS) throw new Error(`fake Excel: formatting ${total} cells one by one (whole rows or columns?) is not supported`);
  for (const r of cells.rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) f(cells.sheet.cellForWrite(i, j).format);
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function color(v: unknown): string {
  if (typeof v !== 'string' || !COLOR.test(v)) throw new FakeExcelError('InvalidArgument', `color "${String(v)}"`);
  return v.toUpperCase();
}

export class RangeFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cells: () => Cells,
  ) {
    super(context);
  }

  private set_(name: string, v: unknown, f: (cell: CellFormat) => void): void {
    this.q(name, () => eachCell(this.cells(), f), v);
  }

  get font(): RangeFont {
    return wrap(new RangeFont(this.context, (name, v, f) => this.set_(`font.${name}`, v, f)));
  }
  get fill(): RangeFill {
    return wrap(new RangeFill(this.context, (name, v, f) => this.set_(`fill.${name}`, v, f)));
  }
  get borders(): RangeBorderCollection {
    return wrap(new RangeBorderCollection(this.context, (name, v, edge) => this.q(`borders.${name}`, () => applyBorder(this.cells(), edge, name, v), v)));
  }
  set wrapText(v: boolean) {
    this.set_('wrapText', v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.set_('horizontalAlignment', v, (c) => (c.horizontal = oneOf(v, H_ALIGN, 'horizontalAlignment')));
  }
  set verticalAlignment(v: string) {
    this.set_('verticalAlignment', v, (c) => (c.vertical = oneOf(v, V_ALIGN, 'verticalAlignment')));
  }
  set indentLevel(v: number) {
    this.set_('indentLevel', v, (c) => (c.indent = v));
  }
  set columnWidth(v: number) {
    this.q(
      'columnWidth',
      () => {
        if (!(v >= 0 && v <= 1800)) throw new FakeExcelError('InvalidArgument', `columnWidth ${v}`);
        const { sheet, rects } = this.cells();
        for (const r of rects) for (let c = r.c1; c <= r.c2; c++) sheet.columnWidths.set(c, v);
      },
      v,
    );
  }
  set rowHeight(v: number) {
    this.q(
      'rowHeight',
      () => {
        if (!(v >= 0 && v <= 409.5)) throw new FakeExcelError('InvalidArgument', `rowHeight ${v}`);
        const { sheet, rects } = this.cells();
        for (const r of rects) for (let i = r.r1; i <= r.r2; i++) sheet.rowHeights.set(i, v);
      },
      v,
    );
  }
}

type FormatSetter = (name: string, v: unknown, f: (cell: CellFormat) => void) => void;

export class RangeFont extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly setter: FormatSetter,
  ) {
    super(context);
  }
  set bold(v: boolean) {
    this.setter('bold', v, (c) => (c.bold = v));
  }
  set italic(v: boolean) {
    this.setter('italic', v, (c) => (c.italic = v));
  }
  set size(v: number) {
    this.setter('size', v, (c) => (c.size = v));
  }
  set color(v: string) {
    this.setter('color', v, (c) => (c.color = color(v)));
  }
}

export class RangeFill extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly setter: FormatSetter,
  ) {
    super(context);
  }
  set color(v: string) {
    this.setter('color', v, (c) => (c.fill = color(v)));
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical', 'DiagonalDown', 'DiagonalUp'] as const;

/**
 * An edge border applies to the outer edge of each rectangle only, as in
 * Excel; the inside horizontal lines are kept as the bottom border of each
 * row above them (a file stores a line between rows as either cell's).
 */
function applyBorder(cells: Cells, edge: string, prop: string, v: unknown): void {
  if (edge !== 'EdgeTop' && edge !== 'EdgeBottom' && edge !== 'InsideHorizontal') throw new Error(`fake Excel: border ${edge} is not implemented`);
  for (const r of cells.rects) {
    const rows = edge === 'EdgeTop' ? [r.r1] : edge === 'EdgeBottom' ? [r.r2] : Array.from({ length: r.r2 - r.r1 }, (_, k) => r.r1 + k);
    const key = edge === 'InsideHorizontal' ? 'EdgeBottom' : edge;
    for (const row of rows)
      for (let c = r.c1; c <= r.c2; c++) {
        const f = cells.sheet.cellForWrite(row, c).format;
        f.borders ??= {};
        const b = (f.borders[key] ??= { style: 'None', weight: 'Thin', color: '#000000' });
        if (prop === 'style') b.style = oneOf(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'], 'border style');
        else if (prop === 'weight') b.weight = oneOf(v, ['Hairline', 'Thin', 'Medium', 'Thick'], 'border weight');
        else b.color = color(v);
      }
  }
}

export class RangeBorderCollection extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly setter: (name: string, v: unknown, edge: string) => void,
  ) {
    super(context);
  }
  getItem(edge: string): RangeBorder {
    oneOf(edge, EDGES, 'border index');
    return wrap(new RangeBorder(this.context, (name, v) => this.setter(name, v, edge)));
  }
}

export class RangeBorder extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly setter: (name: string, v: unknown) => void,
  ) {
    super(context);
  }
  set style(v: string) {
    this.setter('style', v);
  }
  set weight(v: string) {
    this.setter('weight', v);
  }
  set color(v: string) {
    this.setter('color', v);
  }
}

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

function checkRule(rule: Record<string, unknown>): void {
  const keys = Object.keys(rule);
  if (keys.length !== 1) throw new FakeExcelError('InvalidArgument', 'a data validation rule has exactly one type');
  const [type] = keys;
  const r = rule[type] as Record<string, unknown>;
  if (type === 'list') {
    if (typeof r.source !== 'string' || typeof r.inCellDropDown !== 'boolean')
      throw new FakeExcelError('InvalidArgument', 'list rule: source and inCellDropDown');
    if (r.source.length > 255) throw new FakeExcelError('InvalidArgument', 'list source longer than 255 characters');
  } else if (type === 'date' || type === 'decimal' || type === 'wholeNumber') {
    oneOf(r.operator, OPERATORS, `${type} operator`);
    if (r.formula1 === undefined) throw new FakeExcelError('InvalidArgument', `${type} rule without formula1`);
    if ((r.operator === 'Between' || r.operator === 'NotBetween') && r.formula2 === undefined)
      throw new FakeExcelError('InvalidArgument', `${type} rule without formula2`);
  } else throw new Error(`fake Excel: data validation type ${type} is not implemented`);
}

/** Excel's limits: a title of 32 characters, a message of 255. */
function checkMessage<T extends { title: string; message: string }>(v: T): T {
  if (v.title.length > 32 || v.message.length > 255)
    throw new FakeExcelError('InvalidArgument', `data validation title (max 32) or message (max 255) too long: ${v.title}`);
  return v;
}

export class DataValidation extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cells: () => Cells,
  ) {
    super(context);
  }

  /** The validation of exactly these cells; others may not overlap them. */
  private validation(create: boolean): ValidationState {
    const { sheet, rects } = this.cells();
    const same = (v: ValidationState) => v.rects.length === rects.length && v.rects.every((r, i) => rectAddress(r) === rectAddress(rects[i]));
    let v = sheet.validations.find(same);
    if (!v) {
      if (!create) throw new FakeExcelError('InvalidOperation', 'set the rule of a data validation first');
      if (sheet.validations.some((o) => o.rects.some((a) => rects.some((b) => overlaps(a, b)))))
        throw new FakeExcelError('InvalidOperation', 'data validations overlap');
      v = { rects, rule: {}, ignoreBlanks: true };
      sheet.validations.push(v);
    }
    return v;
  }

  set rule(v: Record<string, unknown>) {
    this.q(
      'rule',
      () => {
        checkRule(v);
        this.validation(true).rule = structuredClone(v);
      },
      v,
    );
  }
  set prompt(v: ValidationState['prompt']) {
    this.q('prompt', () => (this.validation(false).prompt = { ...checkMessage(v!) }), v);
  }
  set errorAlert(v: ValidationState['errorAlert']) {
    this.q(
      'errorAlert',
      () => (this.validation(false).errorAlert = { ...checkMessage(v!), style: oneOf(v!.style, ['Stop', 'Warning', 'Information'], 'alert style') }),
      v,
    );
  }
  set ignoreBlanks(v: boolean) {
    this.q('ignoreBlanks', () => (this.validation(false).ignoreBlanks = v), v);
  }
}

export class ConditionalFormatCollection extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cells: () => Cells,
  ) {
    super(context);
  }

  /** Adds a format at the top priority, as Excel does. */
  add(type: string): ConditionalFormat {
    const cf = wrap(new ConditionalFormat(this.context));
    this.q(
      'add',
      () => {
        const { sheet, rects } = this.cells();
        const t = oneOf(type, ['Custom', 'DataBar'] as const, 'conditional format type (of those the fake implements)');
        const state: ConditionalFormatState = { id: newId('CF'), rects, type: t, stopIfTrue: false, font: {} };
        sheet.conditionalFormats.unshift(state);
        cf.bind(state, type);
      },
      type,
    );
    return cf;
  }
}

export class ConditionalFormat extends ClientObject {
  private state?: ConditionalFormatState = undefined;
  private type?: string = undefined;

  bind(s: ConditionalFormatState, type: string): void {
    this.state = s;
    this.type = type;
  }

  cf(type: string): ConditionalFormatState {
    if (!this.state) throw new FakeExcelError('InvalidObjectPath', 'conditional format not added');
    if (this.type !== type) throw new FakeExcelError('InvalidOperation', `a ${this.type} conditional format has no ${type} part`);
    return this.state;
  }

  get custom(): CustomConditionalFormat {
    return wrap(new CustomConditionalFormat(this.context, () => this.cf('Custom')));
  }
  get dataBar(): DataBarConditionalFormat {
    return wrap(new DataBarConditionalFormat(this.context, () => this.cf('DataBar')));
  }
  set stopIfTrue(v: boolean) {
    this.q('stopIfTrue', () => (this.cf(this.type!).stopIfTrue = v), v);
  }
}

type CfOf = () => ConditionalFormatState;

export class CustomConditionalFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  get rule(): ConditionalFormatRule {
    return wrap(new ConditionalFormatRule(this.context, this.cf));
  }
  get format(): ConditionalRangeFormat {
    return wrap(new ConditionalRangeFormat(this.context, this.cf));
  }
}

export class ConditionalFormatRule extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  set formula(v: string) {
    this.q(
      'formula',
      () => {
        if (typeof v !== 'string' || !v.startsWith('=')) throw new FakeExcelError('InvalidArgument', `a rule formula starts with "=": ${v}`);
        checkFormula(v, this.context.state);
        this.cf().formula = v;
      },
      v,
    );
  }
}

export class ConditionalRangeFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  get font(): ConditionalRangeFont {
    return wrap(new ConditionalRangeFont(this.context, this.cf));
  }
  get fill(): ConditionalRangeFill {
    return wrap(new ConditionalRangeFill(this.context, this.cf));
  }
  set numberFormat(v: string) {
    this.q(
      'numberFormat',
      () => {
        if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', `numberFormat ${JSON.stringify(v)}`);
        this.cf().numberFormat = v;
      },
      v,
    );
  }
}

export class ConditionalRangeFont extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  set bold(v: boolean) {
    this.q('bold', () => (this.cf().font.bold = v), v);
  }
  set italic(v: boolean) {
    this.q('italic', () => (this.cf().font.italic = v), v);
  }
  set color(v: string) {
    this.q('color', () => (this.cf().font.color = color(v)), v);
  }
}

export class ConditionalRangeFill extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  set color(v: string) {
    this.q('color', () => (this.cf().fill = color(v)), v);
  }
}

const BOUND_TYPES = ['Automatic', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

export class DataBarConditionalFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly cf: CfOf,
  ) {
    super(context);
  }
  private bar() {
    return (this.cf().dataBar ??= {});
  }
  private bound(v: { type: string; formula?: string }) {
    oneOf(v.type, BOUND_TYPES, 'data bar rule type');
    if (['Number', 'Percent', 'Formula', 'Percentile'].includes(v.type) && v.formula === undefined)
      throw new FakeExcelError('InvalidArgument', 'data bar rule without formula');
    return { ...v };
  }
  set lowerBoundRule(v: { type: string; formula?: string }) {
    this.q('lowerBoundRule', () => (this.bar().lowerBoundRule = this.bound(v)), v);
  }
  set upperBoundRule(v: { type: string; formula?: string }) {
    this.q('upperBoundRule', () => (this.bar().upperBoundRule = this.bound(v)), v);
  }
  get positiveFormat(): ConditionalDataBarPositiveFormat {
    return wrap(new ConditionalDataBarPositiveFormat(this.context, () => this.bar()));
  }
}

export class ConditionalDataBarPositiveFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly bar: () => NonNullable<ConditionalFormatState['dataBar']>,
  ) {
    super(context);
  }
  set fillColor(v: string) {
    this.q('fillColor', () => (this.bar().fillColor = color(v)), v);
  }
  set gradientFill(v: boolean) {
    this.q('gradientFill', () => (this.bar().gradientFill = v), v);
  }
}

export class NamedItemCollection extends ClientObject {
  private itemList: NamedItem[] = [];

  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const item = wrap(new NamedItem(this.context));
    this.q('add', () => item.bind(this.context.state.addName(name, typeof reference === 'string' ? reference : reference.ref(), comment ?? '')), {
      name,
      comment,
    });
    return item;
  }

  getItem(name: string): NamedItem {
    const item = wrap(new NamedItem(this.context));
    this.q(
      'getItem',
      () => {
        const n = this.context.state.nameByName(name);
        if (!n) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: name "${name}"`);
        item.bind(n);
      },
      name,
    );
    return item;
  }

  getItemOrNullObject(name: string): NamedItem {
    const item = wrap(new NamedItem(this.context));
    this.q('getItemOrNullObject', () => item.bindOrNull(this.context.state.nameByName(name)), name);
    return item;
  }

  get items(): NamedItem[] {
    this.got('items');
    return this.itemList;
  }

  override load(arg?: unknown): this {
    const props = loadList(arg, ['items/name', 'items/formula', 'items/type', 'items/visible']).map((p) => p.replace(/^items\//, ''));
    this.q('load', () => {
      this.itemList = this.context.state.names.map((n) => {
        const item = wrap(new NamedItem(this.context));
        item.bind(n);
        item.preload(props.filter((p) => p !== 'items'));
        return item;
      });
      this.loaded.set('items', true);
    });
    return this;
  }
}

export class NamedItem extends ClientObject {
  private state?: NameState | null = undefined;

  bind(n: NameState): void {
    this.state = n;
  }
  bindOrNull(n: NameState | undefined): void {
    this.state = n ?? null;
    this.loaded.set('isNullObject', !n);
  }
  preload(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(p));
  }
  private name_(): NameState {
    if (!this.state) throw new FakeExcelError('InvalidObjectPath', 'The object is a null object');
    if (!this.context.state.names.includes(this.state)) throw new FakeExcelError('ItemNotFound', `The name "${this.state.name}" was deleted`);
    return this.state;
  }
  protected override loadable(): string[] {
    return ['name', 'formula', 'type', 'visible', 'comment'];
  }
  protected override read(p: string): unknown {
    const n = this.name_();
    switch (p) {
      case 'name':
        return n.name;
      case 'formula':
        return this.context.state.nameFormula(n);
      case 'type':
        return n.ref ? 'Range' : 'String';
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
    }
    return super.read(p);
  }
  get name(): string {
    return this.got('name');
  }
  get formula(): string {
    return this.got('formula');
  }
  get type(): string {
    return this.got('type');
  }
  get visible(): boolean {
    return this.got('visible');
  }
  get comment(): string {
    return this.got('comment');
  }
  delete(): void {
    this.q('delete', () => this.context.state.deleteName(this.name_()));
  }
}

function rangeArg(ws: Worksheet, r: Range | string): RangeRef {
  return typeof r === 'string' ? { sheetId: ws.sheet().id, rect: parseRect(splitSheetRef(r).address) } : r.ref();
}

export class FreezePanes extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(context);
  }
  freezeRows(count = 1): void {
    this.q('freezeRows', () => (this.ws.sheet().freeze = { rows: count, columns: 0 }), count);
  }
  freezeColumns(count = 1): void {
    this.q('freezeColumns', () => (this.ws.sheet().freeze = { rows: 0, columns: count }), count);
  }
  freezeAt(range: Range | string): void {
    this.q('freezeAt', () => {
      const { rect } = rangeArg(this.ws, range);
      if (rect.r1 !== 1 || rect.c1 !== 1) throw new FakeExcelError('InvalidArgument', 'freezeAt: the range starts at A1');
      this.ws.sheet().freeze = { rows: rect.r2, columns: rect.c2 };
    });
  }
  unfreeze(): void {
    this.q('unfreeze', () => (this.ws.sheet().freeze = undefined));
  }
}

export class AutoFilter extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(context);
  }
  apply(range: Range | string, columnIndex?: number): void {
    if (columnIndex !== undefined) throw new Error('fake Excel: filter criteria are not implemented');
    this.q('apply', () => {
      const ref = rangeArg(this.ws, range);
      if (ref.sheetId !== this.ws.sheet().id) throw new FakeExcelError('InvalidArgument', 'autoFilter range on another sheet');
      this.ws.sheet().autoFilter = ref.rect;
    });
  }
}

/** A sheet's manual page breaks (only adding them: the add-in adds breaks to a new sheet). */
export class PageBreakCollection extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(context);
  }
  add(at: Range | string): void {
    this.q(
      'add',
      () => {
        const { rect } = rangeArg(this.ws, at);
        const pl = this.ws.sheet().pageLayout;
        pl.rowBreaks = [...new Set([...(pl.rowBreaks ?? []), rect.r1])].sort((a, b) => a - b);
      },
      at,
    );
  }
}

export class PageLayout extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(context);
  }
  private pl() {
    return this.ws.sheet().pageLayout;
  }
  set orientation(v: string) {
    this.q('orientation', () => (this.pl().orientation = oneOf(v, ['Portrait', 'Landscape'], 'orientation')), v);
  }
  set paperSize(v: string) {
    this.q('paperSize', () => (this.pl().paperSize = oneOf(v, ['A3', 'A4', 'A5', 'Letter', 'Legal'], 'paperSize')), v);
  }
  set zoom(v: PageLayoutZoom) {
    this.q(
      'zoom',
      () => {
        if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined))
          throw new FakeExcelError('InvalidArgument', 'zoom: scale or fit to pages, not both');
        this.pl().zoom = { ...v };
      },
      v,
    );
  }
  private margin(name: string, v: number) {
    this.q(
      name,
      () => {
        if (!(v >= 0 && v < 1000)) throw new FakeExcelError('InvalidArgument', `${name} ${v}`);
        this.pl().margins[name] = v;
      },
      v,
    );
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  setPrintArea(area: Range | string): void {
    this.q(
      'setPrintArea',
      () => {
        const { rect } = rangeArg(this.ws, area);
        this.pl().printArea = rectAddress(rect);
      },
      area,
    );
  }
  setPrintTitleRows(rows: Range | string): void {
    this.q(
      'setPrintTitleRows',
      () => {
        const { rect } = rangeArg(this.ws, rows);
        if (rect.c1 !== 1 || rect.c2 !== 16384) throw new FakeExcelError('InvalidArgument', 'print title rows are whole rows');
        this.pl().printTitleRows = `$${rect.r1}:$${rect.r2}`;
      },
      rows,
    );
  }
  get headersFooters(): HeaderFooterGroup {
    return wrap(new HeaderFooterGroup(this.context, () => this.pl().headersFooters));
  }
}

interface PageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export class HeaderFooterGroup extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly hf: () => Record<string, string>,
  ) {
    super(context);
  }
  get defaultForAllPages(): HeaderFooter {
    return wrap(new HeaderFooter(this.context, this.hf));
  }
}

export class HeaderFooter extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly hf: () => Record<string, string>,
  ) {
    super(context);
  }
  private part(name: string, v: string) {
    this.q(
      name,
      () => {
        if (typeof v !== 'string' || v.length > 255) throw new FakeExcelError('InvalidArgument', `${name}: at most 255 characters`);
        this.hf()[name] = v;
      },
      v,
    );
  }
  set leftHeader(v: string) {
    this.part('leftHeader', v);
  }
  set centerHeader(v: string) {
    this.part('centerHeader', v);
  }
  set rightHeader(v: string) {
    this.part('rightHeader', v);
  }
  set leftFooter(v: string) {
    this.part('leftFooter', v);
  }
  set centerFooter(v: string) {
    this.part('centerFooter', v);
  }
  set rightFooter(v: string) {
    this.part('rightFooter', v);
  }
}

const CHART_TYPES = ['BarClustered', 'ColumnClustered', 'Line', 'LineMarkers'] as const;

export class ChartCollection extends ClientObject {
  private itemList: Chart[] = [];

  constructor(
    context: RequestContext,
    private readonly ws: Worksheet,
  ) {
    super(context);
  }

  /** A chart of the source range's columns (one series per column), as Excel's "Columns". */
  add(type: string, source: Range, seriesBy = 'Auto'): Chart {
    const chart = wrap(new Chart(this.context));
    this.q(
      'add',
      () => {
        const sheet = this.ws.sheet();
        const t = oneOf(type, CHART_TYPES, 'chart type (of those the fake implements)');
        if (seriesBy !== 'Columns') throw new Error('fake Excel: only seriesBy "Columns" is implemented');
        const { sheetId, rect } = source.ref();
        const series: SeriesState[] = [];
        for (let c = rect.c1; c <= rect.c2; c++) series.push({ name: `Series${series.length + 1}`, values: { sheetId, rect: { ...rect, c1: c, c2: c } } });
        const state: ChartState = {
          id: newId('CHART'),
          name: `Chart ${sheet.charts.length + 1}`,
          type: t,
          title: { text: '', visible: false },
          series,
          valueAxis: {},
          categoryAxis: {},
          dataLabels: {},
          legend: { visible: true },
        };
        sheet.charts.push(state);
        chart.bind(state, sheet);
      },
      { type, seriesBy },
    );
    return chart;
  }

  /** A chart by id or name. */
  getItem(key: string): Chart {
    const chart = wrap(new Chart(this.context));
    this.q(
      'getItem',
      () => {
        const sheet = this.ws.sheet();
        const c = sheet.charts.find((x) => x.id === key || x.name === key);
        if (!c) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: chart "${key}"`);
        chart.bind(c, sheet);
      },
      key,
    );
    return chart;
  }

  get items(): Chart[] {
    this.got('items');
    return this.itemList;
  }

  override load(arg?: unknown): this {
    const props = loadList(arg, ['items/name', 'items/id']).map((p) => p.replace(/^items\//, ''));
    this.q('load', () => {
      const sheet = this.ws.sheet();
      this.itemList = sheet.charts.map((c) => {
        const chart = wrap(new Chart(this.context));
        chart.bind(c, sheet);
        chart.preload(props.filter((p) => p !== 'items'));
        return chart;
      });
      this.loaded.set('items', true);
    });
    return this;
  }
}

export class Chart extends ClientObject {
  private state?: ChartState = undefined;
  private sheet?: SheetState = undefined;

  bind(c: ChartState, sheet: SheetState): void {
    this.state = c;
    this.sheet = sheet;
  }
  preload(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(p));
  }
  chart(): ChartState {
    if (!this.state || !this.sheet!.charts.includes(this.state)) throw new FakeExcelError('ItemNotFound', 'chart not found');
    return this.state;
  }
  protected override read(p: string): unknown {
    if (p === 'name') return this.chart().name;
    if (p === 'id') return this.chart().id;
    return super.read(p);
  }
  get name(): string {
    return this.got('name');
  }
  set name(v: string) {
    this.q('name', () => (this.chart().name = v), v);
  }
  get id(): string {
    return this.got('id');
  }
  set displayBlanksAs(v: string) {
    this.q('displayBlanksAs', () => (this.chart().displayBlanksAs = oneOf(v, ['NotPlotted', 'Zero', 'Interplotted'], 'displayBlanksAs')), v);
  }
  get title(): ChartTitle {
    return wrap(new ChartTitle(this.context, () => this.chart()));
  }
  get series(): ChartSeriesCollection {
    return wrap(new ChartSeriesCollection(this.context, () => this.chart()));
  }
  get axes(): ChartAxes {
    return wrap(new ChartAxes(this.context, () => this.chart()));
  }
  get dataLabels(): ChartDataLabels {
    return wrap(new ChartDataLabels(this.context, () => this.chart()));
  }
  get legend(): ChartLegend {
    return wrap(new ChartLegend(this.context, () => this.chart()));
  }
  setPosition(start: Range | string, end?: Range | string): void {
    this.q('setPosition', () => {
      const sheet = this.sheet!;
      const pos = (r: Range | string) => {
        const ref = typeof r === 'string' ? { sheetId: sheet.id, rect: parseRect(r) } : r.ref();
        if (ref.sheetId !== sheet.id) throw new FakeExcelError('InvalidArgument', 'chart position on another sheet');
        return ref.rect;
      };
      const c = this.chart();
      c.start = pos(start);
      c.end = end === undefined ? undefined : pos(end);
    });
  }
  delete(): void {
    this.q('delete', () => {
      const c = this.chart();
      this.sheet!.charts = this.sheet!.charts.filter((x) => x !== c);
    });
  }
}

type ChartOf = () => ChartState;

export class ChartTitle extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly chart: ChartOf,
  ) {
    super(context);
  }
  set text(v: string) {
    this.q('text', () => (this.chart().title.text = v), v);
  }
  set visible(v: boolean) {
    this.q('visible', () => (this.chart().title.visible = v), v);
  }
}

export class ChartAxes extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly chart: ChartOf,
  ) {
    super(context);
  }
  get valueAxis(): ChartAxis {
    return wrap(new ChartAxis(this.context, () => this.chart().valueAxis));
  }
  get categoryAxis(): ChartCategoryAxis {
    return wrap(new ChartCategoryAxis(this.context, () => this.chart().categoryAxis));
  }
}

export class ChartAxis extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly axis: () => ChartState['valueAxis'],
  ) {
    super(context);
  }
  set minimum(v: number) {
    this.q('minimum', () => (this.axis().minimum = v), v);
  }
  set maximum(v: number) {
    this.q('maximum', () => (this.axis().maximum = v), v);
  }
  set numberFormat(v: string) {
    this.q('numberFormat', () => (this.axis().numberFormat = v), v);
  }
}

export class ChartCategoryAxis extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly axis: () => ChartState['categoryAxis'],
  ) {
    super(context);
  }
  set reversePlotOrder(v: boolean) {
    this.q('reversePlotOrder', () => (this.axis().reversePlotOrder = v), v);
  }
}

export class ChartDataLabels extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly chart: ChartOf,
  ) {
    super(context);
  }
  set showValue(v: boolean) {
    this.q('showValue', () => (this.chart().dataLabels.showValue = v), v);
  }
  set numberFormat(v: string) {
    this.q('numberFormat', () => (this.chart().dataLabels.numberFormat = v), v);
  }
}

export class ChartLegend extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly chart: ChartOf,
  ) {
    super(context);
  }
  set visible(v: boolean) {
    this.q('visible', () => (this.chart().legend.visible = v), v);
  }
  set position(v: string) {
    this.q('position', () => (this.chart().legend.position = oneOf(v, ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'], 'legend position')), v);
  }
}

export class ChartSeriesCollection extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly chart: ChartOf,
  ) {
    super(context);
  }
  getItemAt(index: number): ChartSeries {
    return wrap(
      new ChartSeries(this.context, () => {
        const s = this.chart().series[index];
        if (!s) throw new FakeExcelError('ItemNotFound', `no series ${index}`);
        return s;
      }),
    );
  }
  add(name?: string): ChartSeries {
    let state: SeriesState | undefined;
    this.q(
      'add',
      () => {
        state = { name: name ?? `Series${this.chart().series.length + 1}` };
        this.chart().series.push(state);
      },
      name,
    );
    return wrap(new ChartSeries(this.context, () => state!));
  }
}

export class ChartSeries extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly series: () => SeriesState,
  ) {
    super(context);
  }
  set name(v: string) {
    this.q('name', () => (this.series().name = v), v);
  }
  setValues(source: Range): void {
    this.q('setValues', () => (this.series().values = source.ref()));
  }
  setXAxisValues(source: Range): void {
    this.q('setXAxisValues', () => (this.series().xValues = source.ref()));
  }
  set markerStyle(v: string) {
    this.q('markerStyle', () => (this.series().markerStyle = oneOf(v, ['Automatic', 'None', 'Circle', 'Square', 'Diamond'], 'markerStyle')), v);
  }
  set markerSize(v: number) {
    this.q('markerSize', () => (this.series().markerSize = v), v);
  }
  set markerBackgroundColor(v: string) {
    this.q('markerBackgroundColor', () => (this.series().markerColor = color(v)), v);
  }
  set markerForegroundColor(v: string) {
    this.q('markerForegroundColor', () => (this.series().markerBorder = color(v)), v);
  }
  set hasDataLabels(v: boolean) {
    this.q('hasDataLabels', () => (this.series().hasDataLabels = v), v);
  }
  get format(): ChartSeriesFormat {
    return wrap(new ChartSeriesFormat(this.context, this.series));
  }
}

export class ChartSeriesFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly series: () => SeriesState,
  ) {
    super(context);
  }
  get line(): ChartLineFormat {
    return wrap(new ChartLineFormat(this.context, this.series));
  }
  get fill(): ChartFill {
    return wrap(new ChartFill(this.context, this.series));
  }
}

export class ChartFill extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly series: () => SeriesState,
  ) {
    super(context);
  }
  setSolidColor(v: string): void {
    this.q('setSolidColor', () => (this.series().fillColor = color(v)), v);
  }
}

export class ChartLineFormat extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly series: () => SeriesState,
  ) {
    super(context);
  }
  set lineStyle(v: string) {
    this.q('lineStyle', () => (this.series().lineStyle = oneOf(v, ['Continuous', 'Dash', 'Dot', 'None', 'Automatic'], 'lineStyle')), v);
  }
  set color(v: string) {
    this.q('color', () => (this.series().lineColor = color(v)), v);
  }
}
