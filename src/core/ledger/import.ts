/**
 * Turning a ledger (台账) into report data: every sheet that looks like a
 * ledger (or the one named), each read as a plan of measures, a catalog or
 * indicators, as its columns tell or as asked. The result says what each
 * column was read as, and lists every problem at its cell; the data is
 * checked as a data file is (schema and rules), and is to be written only
 * when no problem is left.
 */
import { checkRules, formatPath } from '../rules';
import { dataSchema, FORMAT, ID_PATTERN, type Catalog, type Indicator, type Plan, type ReportData } from '../schema';
import { readCatalog } from './catalog';
import type { MapEntry } from './columns';
import type { LedgerKind } from './fields';
import { findHeader, type Header } from './header';
import { readIndicators } from './indicators';
import type { LedgerProblem } from './issues';
import { readPlan, type MeasureStats } from './measures';
import { readReportHeader, type ReportOptions, type ReportRead } from './report-header';
import type { LedgerSheet } from './sheet';
import { Table, type TableCounts } from './table';

export interface ImportOptions extends ReportOptions {
  sheet?: string;
  kind?: LedgerKind;
  map?: MapEntry[];
  /** The plan's (or catalog's) id; with several sheets, the ids' stem (ID-1, ID-2...). */
  plan?: string;
}

export interface SheetSummary {
  sheet: string;
  header: Header;
  counts: TableCounts;
  /** The plan or catalog made of the sheet (indicators: none). */
  id?: string;
  idFrom?: 'option' | 'sheet' | 'file' | 'position';
  title?: string;
  items: number;
  measures?: MeasureStats;
  titleCategory?: { category: string; entries: number };
  /** Indicators: their observations, and the ids made from their order. */
  observations?: number;
  generatedIds?: string[];
}

export interface ImportResult {
  data: ReportData;
  sheets: SheetSummary[];
  /** Sheets passed over: no header found. */
  skipped: string[];
  report: ReportRead;
  problems: LedgerProblem[];
}

/** A sheet's (or file's) name made an id: `Plan 2022` -> `Plan-2022`; undefined when nothing of it is left or it is a default name (Sheet1). */
export function safeId(name: string): string | undefined {
  const id = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40);
  if (!/[A-Za-z]/.test(id) || /^sheet\d*$/i.test(id) || !ID_PATTERN.test(id)) return undefined;
  return id;
}

function idFor(sheet: LedgerSheet, n: number, count: number, opts: ImportOptions, stem: string): Pick<SheetSummary, 'id' | 'idFrom'> {
  if (opts.plan !== undefined) return { id: count === 1 ? opts.plan : `${opts.plan}-${n}`, idFrom: 'option' };
  const id = safeId(sheet.name);
  return id ? { id, idFrom: sheet.bare ? 'file' : 'sheet' } : { id: `${stem}${n}`, idFrom: 'position' };
}

interface Found {
  sheet: LedgerSheet;
  header: Header;
}

function findLedgers(sheets: LedgerSheet[], opts: ImportOptions, problems: LedgerProblem[]): { found: Found[]; skipped: string[] } {
  const names = sheets.map((s) => s.name);
  const chosen = opts.sheet === undefined ? sheets : sheets.filter((s) => s.name === opts.sheet);
  if (opts.sheet !== undefined && !chosen.length) problems.push({ issue: { code: 'no-sheet', name: opts.sheet, sheets: names } });
  const found: Found[] = [];
  const skipped: string[] = [];
  for (const sheet of chosen) {
    const header = findHeader(sheet, { kind: opts.kind, map: opts.map });
    if (header) found.push({ sheet, header });
    else if (opts.sheet !== undefined) problems.push({ sheet: sheet.name, issue: { code: 'no-header', kind: opts.kind } });
    else skipped.push(sheet.name);
  }
  if (opts.sheet === undefined && !found.length)
    problems.push(sheets.length === 1 && sheets[0].bare ? { issue: { code: 'no-header', kind: opts.kind } } : { issue: { code: 'no-ledger', sheets: names } });
  return { found, skipped };
}

/** --map's names that no column answered to, and fields a sheet's kind has not. */
function mapProblems(found: Found[], map: MapEntry[]): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const titles = [...new Set(found.flatMap((f) => f.header.columns.map((c) => c.title)))];
  for (const e of map) {
    if (!e.used) problems.push({ issue: { code: 'map-column', name: e.name, titles } });
    for (const f of found) {
      if (e.used && e.fieldFor(f.header.kind) === undefined && f.header.columns.some((c) => c.keys.concat(c.title, c.letter).includes(e.name)))
        problems.push({ sheet: f.sheet.name, issue: { code: 'map-field', name: e.name, target: e.target, kind: f.header.kind } });
    }
  }
  return problems;
}

export function importLedger(sheets: LedgerSheet[], opts: ImportOptions = {}): ImportResult {
  const problems: LedgerProblem[] = [];
  const { found, skipped } = findLedgers(sheets, opts, problems);
  if (!found.length)
    return { data: { format: FORMAT, report: {} as ReportData['report'] }, sheets: [], skipped, report: { report: {}, from: {}, problems: [] }, problems };
  problems.push(...mapProblems(found, opts.map ?? []));
  const plans: Plan[] = [];
  const catalogs: Catalog[] = [];
  const indicators: Indicator[] = [];
  const cells = new Map<string, string>();
  const summaries: SheetSummary[] = [];
  const count = (k: LedgerKind) => found.filter((f) => f.header.kind === k).length;
  for (const { sheet, header } of found) {
    const t = new Table(sheet, header);
    const title = header.titles[0] ?? sheet.name;
    const base = { sheet: sheet.name, header, counts: t.counts };
    if (header.kind === 'measures') {
      const { id, idFrom } = idFor(sheet, plans.length + 1, count('measures'), opts, 'P');
      const read = readPlan(t, id!, title);
      for (const [path, cell] of read.cells) cells.set(`plans[${plans.length}].${path}`, cell);
      plans.push(read.plan);
      summaries.push({ ...base, id, idFrom, title, items: read.plan.measures.length, measures: read.stats });
    } else if (header.kind === 'catalog') {
      const { id, idFrom } = idFor(sheet, catalogs.length + 1, count('catalog'), opts, 'C');
      const read = readCatalog(t, id!, title);
      for (const [path, cell] of read.cells) cells.set(`catalogs[${catalogs.length}].${path}`, cell);
      catalogs.push(read.catalog);
      summaries.push({ ...base, id, idFrom, title, items: read.catalog.entries.length, titleCategory: read.titleCategory });
    } else {
      const read = readIndicators(t, indicators.length);
      read.cells.forEach((m, i) => {
        for (const [path, cell] of m) cells.set(`indicators[${indicators.length + i}]${path ? `.${path}` : ''}`, cell);
      });
      indicators.push(...read.indicators);
      const observations = read.indicators.reduce((n, i) => n + i.observations.length, 0);
      summaries.push({ ...base, items: read.indicators.length, observations, generatedIds: read.generatedIds });
    }
    problems.push(...t.problems);
  }
  problems.push(...uniqueItems(summaries, indicators, cells));
  const report = readReportHeader(
    found.flatMap((f) => f.header.titles),
    opts,
  );
  problems.push(...report.problems);
  const data: ReportData = { format: FORMAT, report: report.report as ReportData['report'] };
  if (found.some((f) => /[\u3400-\u9fff]/.test(f.header.columns.map((c) => c.title).join('')))) data.report.locale = 'zh-CN';
  if (plans.length) data.plans = plans;
  if (catalogs.length) data.catalogs = catalogs;
  if (indicators.length) data.indicators = indicators;
  if (!problems.length) problems.push(...validate(data, cells));
  return { data, sheets: summaries, skipped, report, problems };
}

/** What the data file's checks still find, each at the cell its data came from (the nearest one its path leads to). */
function validate(data: ReportData, cells: Map<string, string>): LedgerProblem[] {
  const parsed = dataSchema.safeParse(data);
  const found = parsed.success
    ? checkRules(parsed.data)
    : parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message }));
  return found.map((p) => {
    const path = formatPath(p.path);
    let at = path;
    while (at && !cells.has(at)) at = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    const cell = cells.get(at);
    return { ...(cell ? { cell } : {}), issue: { code: 'schema', path, message: p.message } };
  });
}

/** Ids repeated across sheets (or an indicator's id made from a number meeting one made from its position). */
function uniqueItems(summaries: SheetSummary[], indicators: Indicator[], cells: Map<string, string>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const seen = new Map<string, string>();
  for (const s of summaries) {
    if (s.id === undefined) continue;
    const what = s.header.kind === 'measures' ? 'plan' : 'catalog';
    const key = `${what}:${s.id.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ sheet: s.sheet, issue: { code: 'duplicate-item', what, id: s.id, first } });
    else seen.set(key, s.sheet);
  }
  indicators.forEach((ind, i) => {
    const key = `indicator:${ind.id.toLowerCase()}`;
    const first = seen.get(key);
    const cell = cells.get(`indicators[${i}]`);
    if (first !== undefined) problems.push({ cell, issue: { code: 'duplicate-item', what: 'indicator', id: ind.id, first } });
    else seen.set(key, cell ?? '');
  });
  return problems;
}
