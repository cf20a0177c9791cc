/**
 * One description of a written report, from either writer: the exceljs
 * workbook (read back from its bytes) or the fake Excel host. The two writers
 * agree when their descriptions are equal.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { decodeXstring } from '../../src/cli/xlsx/xstring';
import { dateToSerial, serialToDate } from '../../src/core/periods';
import type { FakeExcel } from './fake-excel/host';
import { colLetters, colNumber, MAX_COLS, rectAddress, splitSheetRef, type CellFormat, type Rect, type SheetState } from './fake-excel/state';

export interface DCell {
  value?: string | number | boolean | { formula: string } | { error: string };
  numFmt?: string;
  bold?: true;
  italic?: true;
  size?: number;
  color?: string;
  fill?: string;
  h?: string;
  v?: string;
  wrap?: true;
  indent?: number;
  borderTop?: string;
  borderBottom?: string;
}

export interface DSheet {
  name: string;
  state: string;
  tabColor?: string;
  freeze?: { rows: number; columns: number };
  autoFilter?: string;
  columns: { width: number; hidden?: true }[];
  rowHeights: Record<number, number>;
  merges: string[];
  cells: Record<string, DCell>;
  validations: { rule: string; cells: string[] }[];
  conditionalFormats: string[];
  print?: {
    orientation: string;
    paper: string;
    fit: boolean;
    titleRows?: string;
    area?: string;
    /** The rows a new page starts after. */
    breaks?: number[];
    header: string;
    footer: string;
    margins: number[];
  };
}

export interface DWorkbook {
  sheets: DSheet[];
  names: Record<string, string>;
}

const up = (s: string) => s.toUpperCase();
const argb = (c?: { argb?: string }) => (c?.argb ? up(c.argb).slice(-6) : undefined);
const hash = (c?: string) => (c ? up(c.replace('#', '')) : undefined);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** `'My sheet'!$C$5` and `=Summary!$C$5` as `My sheet!C5`. */
const ref = (r: string) => {
  const { sheet, address } = splitSheetRef(r);
  return `${sheet ?? ''}!${address.replace(/\$/g, '')}`;
};

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as T;
}

/** Cells as column runs (`F2:F1007`), sorted: compact and order-free. */
function compress(cells: [number, number][]): string[] {
  const byCol = new Map<number, number[]>();
  for (const [r, c] of cells) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(r);
  const out: string[] = [];
  for (const [c, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (rows[i] !== rows[i - 1] + 1) {
        out.push(rectAddress({ r1: start, c1: c, r2: rows[i - 1], c2: c }));
        start = rows[i];
      }
    }
  }
  return out;
}

function expand(rects: Rect[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rects) for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) out.push([i, j]);
  return out;
}

function parseA1(a: string): Rect {
  const [p, q = p] = a.replace(/\$/g, '').split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    return { r: Number(m[2]), c: colNumber(m[1]) };
  };
  const x = cell(p);
  const y = cell(q);
  return { r1: x.r, c1: x.c, r2: y.r, c2: y.c };
}

/** The default font's size: exceljs reads it back on cells whose style sets no font. */
const DEFAULT_SIZE = 11;
/** `E28:E28 A1:B2` as `E28 A1:B2`. */
const sqref = (r: string) =>
  r
    .split(/\s+/)
    .map((a) => rectAddress(parseA1(a)))
    .join(' ');

const round = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------- exceljs

function excelValue(v: ExcelJS.CellValue): DCell['value'] {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v === '' ? undefined : decodeXstring(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v.toISOString().slice(0, 10));
  if ('formula' in v) return { formula: String(v.formula) };
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return decodeXstring(v.richText.map((t) => t.text).join(''));
  throw new Error(`unexpected exceljs value ${JSON.stringify(v)}`);
}

function excelCell(cell: ExcelJS.Cell): DCell {
  const f = cell.font ?? {};
  const a = cell.alignment ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const b = cell.border ?? {};
  return clean({
    // A shared formula's later cells: exceljs writes the master's formula shifted there.
    value: cell.value && typeof cell.value === 'object' && 'sharedFormula' in cell.value ? { formula: cell.formula } : excelValue(cell.value),
    numFmt: cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined,
    bold: f.bold || undefined,
    italic: f.italic || undefined,
    size: f.size === DEFAULT_SIZE ? undefined : f.size,
    color: argb(f.color),
    fill: fill?.pattern === 'solid' ? argb(fill.fgColor) : undefined,
    h: a.horizontal,
    v: a.vertical,
    wrap: a.wrapText || undefined,
    indent: a.indent || undefined,
    borderTop: b.top?.style,
    borderBottom: b.bottom?.style,
  }) as DCell;
}

/** An Excel serial date as ISO (1 is 1900-01-01; Excel counts a 29 February 1900). */
const excelDate = (serial: number) => (serial < 61 ? new Date(Date.UTC(1899, 11, 31) + serial * 86400000).toISOString().slice(0, 10) : serialToDate(serial));

const xmlText = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * A sheet's data validations as the file holds them (exceljs reads numbers
 * such as 1e+300 back wrong, and splits ranges into cells).
 */
function xmlValidations(xml: string): { rule: string; cells: [number, number][] }[] {
  const out: { rule: string; cells: [number, number][] }[] = [];
  for (const m of xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)) {
    const attr = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], xmlText(a[2])]));
    const f1 = xmlText(/<formula1>(.*?)<\/formula1>/.exec(m[2])?.[1] ?? '');
    const f2 = xmlText(/<formula2>(.*?)<\/formula2>/.exec(m[2])?.[1] ?? '');
    const operator = attr.operator ?? 'between';
    let rule: Record<string, unknown>;
    // A quoted list is its values; an unquoted one a formula (a range), which Office.js writes with its "=".
    if (attr.type === 'list') rule = { type: 'list', source: f1.startsWith('"') ? f1.replace(/^"|"$/g, '') : `=${f1}` };
    else if (attr.type === 'date') rule = { type: 'date', operator, formula1: excelDate(Number(f1)) };
    else rule = { type: attr.type === 'whole' ? 'wholeNumber' : attr.type, operator, formula1: Number(f1), formula2: Number(f2) };
    const rule_ = JSON.stringify({
      rule,
      ignoreBlanks: attr.allowBlank === '1',
      prompt: { show: attr.showInputMessage === '1', title: attr.promptTitle, message: attr.prompt },
      alert: { show: attr.showErrorMessage === '1', style: attr.errorStyle ?? 'stop', title: attr.errorTitle, message: attr.error },
    });
    out.push({ rule: rule_, cells: expand(attr.sqref.split(/\s+/).map(parseA1)) });
  }
  return out;
}

/** Each sheet's XML by sheet name. */
async function sheetXml(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(m[2])!.replace(/^\/?(xl\/)?/, 'xl/');
    out.set(xmlText(m[1]), await zip.file(target)!.async('string'));
  }
  return out;
}

interface ExcelCfRule {
  type: string;
  priority: number;
  formulae?: string[];
  style?: { font?: Partial<ExcelJS.Font>; fill?: { bgColor?: { argb?: string } }; numFmt?: unknown };
  cfvo?: { type: string; value?: number }[];
  color?: { argb?: string };
}

function excelCf(range: string, r: ExcelCfRule): string {
  const ref = sqref(range);
  if (r.type === 'expression') {
    const font = r.style?.font ?? {};
    return JSON.stringify({
      ref,
      type: 'expression',
      formula: r.formulae?.[0],
      font: clean({ bold: font.bold, italic: font.italic, color: argb(font.color) }),
      fill: argb(r.style?.fill?.bgColor),
      // exceljs reads a dxf's number format as { id, formatCode }.
      numFmt: (r.style?.numFmt as { formatCode?: string } | undefined)?.formatCode,
    });
  }
  const bound = (c?: { type: string; value?: number }) =>
    c?.type === 'num' ? { type: 'Number', formula: String(c.value) } : { type: c?.type === 'min' ? 'LowestValue' : 'HighestValue' };
  return JSON.stringify({ ref, type: 'dataBar', lower: bound(r.cfvo?.[0]), upper: bound(r.cfvo?.[1]), color: argb(r.color) });
}

export async function describeExcelJs(bytes: Buffer): Promise<DWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const xml = await sheetXml(bytes);
  const sheets = wb.worksheets.map((ws): DSheet => {
    const cells: Record<string, DCell> = {};
    /** Array formulas' ranges: Excel fills the cells after the first itself (a spill), the file stores their values. */
    const arrays: Rect[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // exceljs shows a merged area's master in every cell of it; Excel keeps it in the first.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value as { shareType?: string; ref?: string } | null;
        if (v && typeof v === 'object' && v.shareType === 'array' && v.ref) arrays.push(parseA1(v.ref));
        const d = excelCell(cell);
        const at = parseA1(cell.address);
        if (arrays.some((a) => at.r1 >= a.r1 && at.r1 <= a.r2 && at.c1 >= a.c1 && at.c1 <= a.c2 && !(at.r1 === a.r1 && at.c1 === a.c1))) delete d.value;
        if (Object.keys(d).length) cells[cell.address] = d;
      }),
    );
    const rowHeights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined && (row as unknown as { customHeight?: boolean }).customHeight !== false) rowHeights[n] = row.height;
    });
    const columns = Array.from({ length: ws.columnCount }, (_, i) => {
      const col = ws.getColumn(i + 1);
      return clean({ width: round(col.width ?? 8.43), hidden: col.hidden || undefined }) as { width: number; hidden?: true };
    });
    const byRule = new Map<string, [number, number][]>();
    for (const v of xmlValidations(xml.get(ws.name) ?? '')) {
      if (!byRule.has(v.rule)) byRule.set(v.rule, []);
      byRule.get(v.rule)!.push(...v.cells);
    }
    const cfs = ((ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelCfRule[] }[] }).conditionalFormattings ?? [])
      .flatMap((c) => c.rules.map((r) => ({ ref: c.ref, r })))
      .sort((a, b) => a.r.priority - b.r.priority)
      .map(({ ref, r }) => excelCf(ref, r));
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const ps = ws.pageSetup;
    const m = ps.margins;
    const print = ws.headerFooter?.oddHeader
      ? {
          orientation: String(ps.orientation),
          paper: ps.paperSize === 9 ? 'A4' : String(ps.paperSize),
          fit: !!ps.fitToPage && ps.fitToWidth === 1 && ps.fitToHeight === 0,
          titleRows: ps.printTitlesRow,
          area: ps.printArea?.replace(/^([A-Z]+\d+):\1$/, '$1'),
          breaks: rowBreaks(xml.get(ws.name) ?? ''),
          header: ws.headerFooter.oddHeader ?? '',
          footer: ws.headerFooter.oddFooter ?? '',
          margins: m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer].map((x) => round(x * 72)) : [],
        }
      : undefined;
    return clean({
      name: ws.name,
      state: ws.state,
      tabColor: argb(ws.properties.tabColor),
      freeze: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined,
      autoFilter: typeof ws.autoFilter === 'string' ? ws.autoFilter : undefined,
      columns,
      rowHeights,
      merges: [...((ws as unknown as { model: { merges: string[] } }).model.merges ?? [])].sort(),
      cells,
      validations: [...byRule.entries()].map(([rule, c]) => ({ rule, cells: compress(c) })).sort((a, b) => a.rule.localeCompare(b.rule)),
      conditionalFormats: cfs,
      print,
    }) as DSheet;
  });
  const names: Record<string, string> = {};
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) names[n.name] = n.ranges.map(ref).join(',');
  return { sheets, names };
}

/** A worksheet part's manual row breaks (exceljs does not read them back): the rows a new page starts after. */
function rowBreaks(xml: string): number[] | undefined {
  const ids = [...xml.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  return ids.length ? ids : undefined;
}

// ---------------------------------------------------------------- fake Excel

const H = { Left: 'left', Center: 'center', Right: 'right' } as Record<string, string>;
const V = { Top: 'top', Center: 'middle', Bottom: 'bottom' } as Record<string, string>;
const border = (b?: { style: string; weight: string }) => (b && b.style !== 'None' ? lowerFirst(b.weight) : undefined);

function fakeCell(cell: SheetState['cells'] extends Map<number, infer C> ? C : never): DCell {
  const f: CellFormat = cell.format;
  let value: DCell['value'];
  if (cell.formula !== undefined) value = { formula: cell.formula.slice(1) };
  else if (cell.error) value = { error: String(cell.value) };
  else if (cell.value !== null && cell.value !== '') value = cell.value;
  return clean({
    value,
    numFmt: cell.numberFormat && cell.numberFormat !== 'General' ? cell.numberFormat : undefined,
    bold: f.bold || undefined,
    italic: f.italic || undefined,
    size: f.size === DEFAULT_SIZE ? undefined : f.size,
    color: hash(f.color),
    fill: hash(f.fill),
    h: f.horizontal ? H[f.horizontal] : undefined,
    v: f.vertical ? V[f.vertical] : undefined,
    wrap: f.wrap || undefined,
    indent: f.indent || undefined,
    borderTop: border(f.borders?.EdgeTop),
    borderBottom: border(f.borders?.EdgeBottom),
  }) as DCell;
}

function fakeRule(v: SheetState['validations'][number]): string {
  const [type] = Object.keys(v.rule);
  const r = v.rule[type] as Record<string, unknown>;
  let rule: Record<string, unknown>;
  if (type === 'list') rule = { type, source: r.source };
  else if (type === 'date') rule = { type, operator: lowerFirst(String(r.operator)), formula1: String(r.formula1).slice(0, 10) };
  else rule = { type, operator: lowerFirst(String(r.operator)), formula1: Number(r.formula1), formula2: Number(r.formula2) };
  return JSON.stringify({
    rule,
    ignoreBlanks: v.ignoreBlanks,
    prompt: { show: !!v.prompt?.showPrompt, title: v.prompt?.title, message: v.prompt?.message },
    alert: { show: !!v.errorAlert?.showAlert, style: v.errorAlert?.style.toLowerCase(), title: v.errorAlert?.title, message: v.errorAlert?.message },
  });
}

function fakeCf(cf: SheetState['conditionalFormats'][number]): string {
  const ref = cf.rects.map(rectAddress).join(' ');
  if (cf.type === 'Custom')
    return JSON.stringify({
      ref,
      type: 'expression',
      formula: cf.formula?.replace(/^=/, ''),
      font: clean({ bold: cf.font.bold, italic: cf.font.italic, color: hash(cf.font.color) }),
      fill: hash(cf.fill),
      numFmt: cf.numberFormat ?? undefined,
    });
  const b = cf.dataBar ?? {};
  return JSON.stringify({ ref, type: 'dataBar', lower: b.lowerBoundRule, upper: b.upperBoundRule, color: hash(b.fillColor) });
}

const codes = (hf: Record<string, string>, kind: 'Header' | 'Footer') =>
  (['left', 'center', 'right'] as const).map((p) => (hf[`${p}${kind}`] ? `&${up(p[0])}${hf[`${p}${kind}`]}` : '')).join('');

export function describeFakeSheet(s: SheetState): DSheet {
  const cells: Record<string, DCell> = {};
  for (const [k, cell] of s.cells) {
    const d = fakeCell(cell);
    if (Object.keys(d).length) cells[`${colLetters((k % MAX_COLS) + 1)}${Math.floor(k / MAX_COLS) + 1}`] = d;
  }
  const ncols = Math.max(0, ...s.columnWidths.keys(), ...s.hiddenColumns);
  const columns = Array.from({ length: ncols }, (_, i) => {
    const pts = s.columnWidths.get(i + 1);
    return clean({ width: round(pts === undefined ? 8.43 : pts / 0.75 / 7), hidden: s.hiddenColumns.has(i + 1) || undefined }) as {
      width: number;
      hidden?: true;
    };
  });
  const byRule = new Map<string, [number, number][]>();
  for (const v of s.validations) {
    const k = fakeRule(v);
    if (!byRule.has(k)) byRule.set(k, []);
    byRule.get(k)!.push(...expand(v.rects));
  }
  const pl = s.pageLayout;
  const m = pl.margins;
  const print = Object.keys(pl.headersFooters).length
    ? {
        orientation: lowerFirst(pl.orientation),
        paper: pl.paperSize,
        fit: pl.zoom.horizontalFitToPages === 1 && pl.zoom.verticalFitToPages === 0,
        titleRows: pl.printTitleRows?.replace(/\$/g, ''),
        area: pl.printArea,
        breaks: pl.rowBreaks?.length ? pl.rowBreaks.map((r) => r - 1) : undefined,
        header: codes(pl.headersFooters, 'Header'),
        footer: codes(pl.headersFooters, 'Footer'),
        margins: ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'].map((k) => round(m[k])),
      }
    : undefined;
  return clean({
    name: s.name,
    state: lowerFirst(s.visibility),
    tabColor: hash(s.tabColor) || undefined,
    freeze: s.freeze,
    autoFilter: s.autoFilter ? rectAddress(s.autoFilter) : undefined,
    columns,
    rowHeights: Object.fromEntries([...s.rowHeights.entries()].sort((a, b) => a[0] - b[0])),
    merges: s.merges.map(rectAddress).sort(),
    cells,
    validations: [...byRule.entries()].map(([rule, c]) => ({ rule, cells: compress(c) })).sort((a, b) => a.rule.localeCompare(b.rule)),
    conditionalFormats: s.conditionalFormats.map(fakeCf),
    print,
  }) as DSheet;
}

/** The fake workbook's sheets of these names (the report's), in workbook order, and its names. */
export function describeFake(host: FakeExcel, sheetNames?: string[]): DWorkbook {
  const keep = sheetNames ? new Set(sheetNames) : undefined;
  const st = host.state;
  const names: Record<string, string> = {};
  for (const n of st.names) names[n.name] = ref(st.nameFormula(n));
  return { sheets: st.sheets.filter((s) => !keep || keep.has(s.name)).map(describeFakeSheet), names };
}
