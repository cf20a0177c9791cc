/**
 * Reads a report workbook back into a data file: the rows of its data sheets,
 * including rows an official added or changed, and its record of what made
 * it. Every problem is located by sheet and cell. A round trip
 * (data -> workbook -> data) is the identity.
 */
import { InputError, type Located } from '../errors';
import { labelsFor } from '../i18n';
import type { Labels } from '../i18n/labels';
import { cellRef } from '../layout/refs';
import { isIsoDate, period, periodEnd, serialToDate } from '../periods';
import { checkRules, formatPath, type Path } from '../rules';
import {
  CATEGORIES,
  dataSchema,
  FORMAT,
  INDICATOR_KINDS,
  LOCALES,
  STATUSES,
  type Catalog,
  type CatalogEntry,
  type Indicator,
  type Measure,
  type Observation,
  type Plan,
  type ReportData,
} from '../schema';
import { readReportRecord } from '../record/report-record';
import { isBlank, isFormula, type GridSheet, type GridValue, type GridWorkbook } from './grid';

const SUMMARY = { title: [1, 1], region: [4, 2], period: [5, 2], reportDate: [7, 2] } as const;

/** Words of every locale (and the data file's own tokens) for each value of an enumeration, ignoring case. */
function wordsOf<T extends string>(values: readonly T[], pick: (l: Labels) => Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(v.toLowerCase(), v);
    for (const locale of LOCALES) map.set(pick(labelsFor(locale))[v].toLowerCase(), v);
  }
  return map;
}
const STATUS_WORDS = wordsOf(STATUSES, (l) => l.statuses);
const CATEGORY_WORDS = wordsOf(CATEGORIES, (l) => l.categories);
const KIND_WORDS = wordsOf(INDICATOR_KINDS, (l) => l.kinds);

interface Place {
  sheet: string;
  row: number;
  col: number;
}

class Reader {
  readonly problems: Located[] = [];
  /** Where each data path came from, for locating the schema's problems. */
  readonly places = new Map<string, Place>();

  constructor(
    readonly file: string,
    /** The workbook counts date serial numbers from 1904. */
    readonly date1904 = false,
  ) {}

  problem(place: Place | undefined, message: string, path?: Path): void {
    this.problems.push({
      file: this.file,
      cell: place ? `${place.sheet}!${cellRef(place.row, place.col)}` : undefined,
      path: path ? formatPath(path) : undefined,
      message,
    });
  }

  /** A cell's value, refusing formulas where a value is expected (they are never evaluated or kept). */
  value(sheet: GridSheet, row: number, col: number, path: Path): GridValue {
    const v = sheet.cell(row, col);
    this.places.set(formatPath(path), { sheet: sheet.name, row, col });
    if (isFormula(v)) {
      this.problem({ sheet: sheet.name, row, col }, `holds a formula (=${v.formula.slice(0, 40)}); expected a value`, path);
      return null;
    }
    return v;
  }

  text(sheet: GridSheet, row: number, col: number, path: Path): string | undefined {
    const v = this.value(sheet, row, col, path);
    if (isBlank(v)) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  }

  number(sheet: GridSheet, row: number, col: number, path: Path): number | undefined {
    const v = this.value(sheet, row, col, path);
    if (isBlank(v)) return undefined;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    this.problem({ sheet: sheet.name, row, col }, `holds ${JSON.stringify(String(v))}; expected a number`, path);
    return undefined;
  }

  /** A date: a date cell, a serial number, or text written YYYY-MM-DD. */
  date(sheet: GridSheet, row: number, col: number, path: Path, periodToo = false): string | undefined {
    const v = this.value(sheet, row, col, path);
    if (isBlank(v)) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number' && v > 0 && v < 2958466) return serialToDate(this.date1904 ? v + 1462 : v);
    const s = String(v).trim();
    if (isIsoDate(s)) return s;
    if (periodToo) return s;
    this.problem({ sheet: sheet.name, row, col }, `holds ${JSON.stringify(String(v))}; expected a date`, path);
    return undefined;
  }

  word<T extends string>(sheet: GridSheet, row: number, col: number, path: Path, words: Map<string, T>, expected: string): T | undefined {
    const s = this.text(sheet, row, col, path);
    if (s === undefined) return undefined;
    const found = words.get(s.trim().toLowerCase());
    if (!found) this.problem({ sheet: sheet.name, row, col }, `${JSON.stringify(s)} is not one of ${expected}`, path);
    return found ?? (s as T);
  }
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Iterates the data rows of a data sheet (skipping empty rows), with a column lookup by field. */
function* rows(sheet: GridSheet, fields: string[]): Generator<{ row: number; col: (field: string) => number }> {
  const col = (field: string) => fields.indexOf(field) + 1;
  for (let row = 2; row <= sheet.rowCount; row++) {
    let empty = true;
    for (let c = 1; c <= fields.length && empty; c++) empty = isBlank(sheet.cell(row, c));
    if (!empty) yield { row, col };
  }
}

/** A data sheet as the record names it, with the fields of its columns in order. */
interface DataSheet {
  sheet: GridSheet;
  fields: string[];
}

/** Reads a report workbook's data. Throws an InputError listing every problem with its sheet and cell. */
export function readReportWorkbook(wb: GridWorkbook, file: string): ReportData {
  const meta = readReportRecord(wb, file);
  const reader = new Reader(file, wb.date1904 ?? false);
  const sk = meta.skeleton;
  const sheetOf = (key: string): DataSheet | undefined => {
    const s = meta.sheets[key];
    if (!s) return undefined;
    const sheet = wb.sheet(s.name);
    if (!sheet) reader.problem(undefined, `has no sheet "${s.name}"; expected the ${key} sheet this workbook was made with (was it renamed or deleted?)`);
    return sheet ? { sheet, fields: s.fields } : undefined;
  };

  const summaryName = meta.sheets.summary?.name;
  const report = readSummary(reader, summaryName ? wb.sheet(summaryName) : undefined, sk.report);
  const plans: Plan[] = sk.plans.map((p) => ({ ...p, measures: [] }));
  const catalogs: Catalog[] = sk.catalogs.map((c) => ({ ...c, entries: [] }));
  readSources(reader, sheetOf('sources'), plans, catalogs);
  readMeasures(reader, sheetOf('measures'), plans);
  readEntries(reader, sheetOf('catalog'), catalogs);
  const indicators = readIndicators(reader, sheetOf('indicators'));
  readObservations(reader, sheetOf('observations'), indicators);

  const data: ReportData = compact({
    format: FORMAT,
    report: compact(report),
    plans: sk.kinds.plans && (sk.present?.plans || plans.length) ? plans.map((p) => compact(p)) : undefined,
    catalogs: sk.kinds.catalogs && (sk.present?.catalogs || catalogs.length) ? catalogs.map((c) => compact(c)) : undefined,
    indicators: sk.kinds.indicators && (sk.present?.indicators || indicators.length) ? indicators : undefined,
  }) as ReportData;

  // The cells' problems and the data's checks are listed together, in one pass (a negative count is not held back by a bad status elsewhere).
  return validate(data, reader);
}

/** The report itself: the Summary's cells, where an official may have changed the date; `recorded` as the workbook was made. */
function readSummary(reader: Reader, summary: GridSheet | undefined, recorded: ReportData['report']): ReportData['report'] {
  const report = { ...recorded };
  if (!summary) return report;
  const at = (cell: keyof typeof SUMMARY): [GridSheet, number, number] => [summary, SUMMARY[cell][0], SUMMARY[cell][1]];
  report.title = reader.text(...at('title'), ['report', 'title']) ?? report.title;
  report.region = reader.text(...at('region'), ['report', 'region']) ?? report.region;
  report.period = reader.text(...at('period'), ['report', 'period']) ?? report.period;
  const date = reader.date(...at('reportDate'), ['report', 'date']);
  const defaultDate = (() => {
    try {
      return periodEnd(period(report.period));
    } catch {
      return undefined;
    }
  })();
  if (date !== undefined && !(recorded.date === undefined && date === defaultDate)) report.date = date;
  else if (date === undefined || recorded.date === undefined) delete report.date;
  return report;
}

/** Sources: titles, regions, issue dates and sources as edited in the workbook; new rows are new plans or catalogs. */
function readSources(reader: Reader, sources: DataSheet | undefined, plans: Plan[], catalogs: Catalog[]): void {
  if (!sources) return;
  const s = sources.sheet;
  const planWords = [labelsFor('en').sourceKinds.plan, labelsFor('zh-CN').sourceKinds.plan, 'plan'].map((w) => w.toLowerCase());
  for (const { row, col } of rows(s, sources.fields)) {
    const kindText = reader.text(s, row, col('kind'), ['sources', row]);
    const isPlan = kindText !== undefined && planWords.includes(kindText.toLowerCase());
    const list: (Plan | Catalog)[] = isPlan ? plans : catalogs;
    const id = reader.text(s, row, col('id'), ['sources', row, 'id']) ?? '';
    let item = list.find((x) => x.id === id);
    const base: Path = [isPlan ? 'plans' : 'catalogs', item ? list.indexOf(item) : list.length];
    if (!item) {
      item = isPlan ? ({ id, title: '', measures: [] } as Plan) : ({ id, title: '', entries: [] } as Catalog);
      list.push(item);
    }
    reader.places.set(formatPath([...base, 'id']), { sheet: s.name, row, col: col('id') });
    item.title = reader.text(s, row, col('title'), [...base, 'title']) ?? '';
    const region = reader.text(s, row, col('region'), [...base, 'region']);
    const issued = reader.date(s, row, col('issued'), [...base, 'issued'], !isPlan);
    Object.assign(item, { region, issued });
    if (isPlan) (item as Plan).source = reader.text(s, row, col('source'), [...base, 'source']);
  }
}

/** The index of the item a row names in its first column, or -1 with a problem naming the items there are. */
function owner(reader: Reader, place: Place, what: string, id: string | undefined, items: { id: string }[]): number {
  const found = items.findIndex((x) => x.id === id);
  if (found === -1)
    reader.problem(place, `${what} ${JSON.stringify(id ?? '')} is not one of this report's ${what}s; expected one of: ${items.map((x) => x.id).join(', ')}`);
  return found;
}

function readMeasures(reader: Reader, measures: DataSheet | undefined, plans: Plan[]): void {
  if (!measures) return;
  const s = measures.sheet;
  for (const { row, col } of rows(s, measures.fields)) {
    const planId = reader.text(s, row, col('plan'), ['measures', row, 'plan']);
    const p = owner(reader, { sheet: s.name, row, col: col('plan') }, 'plan', planId, plans);
    if (p === -1) continue;
    const at: Path = ['plans', p, 'measures', plans[p].measures.length];
    const m: Measure = compact({
      id: reader.text(s, row, col('id'), [...at, 'id']) ?? '',
      title: reader.text(s, row, col('title'), [...at, 'title']) ?? '',
      group: reader.text(s, row, col('group'), [...at, 'group']),
      lead: reader.text(s, row, col('lead'), [...at, 'lead']),
      due: reader.date(s, row, col('due'), [...at, 'due']),
      status: reader.word(s, row, col('status'), [...at, 'status'], STATUS_WORDS, STATUSES.join(' | ')) ?? ('' as Measure['status']),
      completed: reader.date(s, row, col('completed'), [...at, 'completed']),
      progress: reader.number(s, row, col('progress'), [...at, 'progress']),
      note: reader.text(s, row, col('note'), [...at, 'note']),
    });
    reader.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
    plans[p].measures.push(m);
  }
}

function readEntries(reader: Reader, catalog: DataSheet | undefined, catalogs: Catalog[]): void {
  if (!catalog) return;
  const s = catalog.sheet;
  for (const { row, col } of rows(s, catalog.fields)) {
    const catalogId = reader.text(s, row, col('catalog'), ['catalog', row, 'catalog']);
    const c = owner(reader, { sheet: s.name, row, col: col('catalog') }, 'catalog', catalogId, catalogs);
    if (c === -1) continue;
    const at: Path = ['catalogs', c, 'entries', catalogs[c].entries.length];
    const e: CatalogEntry = compact({
      product: reader.text(s, row, col('product'), [...at, 'product']) ?? '',
      enterprise: reader.text(s, row, col('enterprise'), [...at, 'enterprise']) ?? '',
      category: reader.word(s, row, col('category'), [...at, 'category'], CATEGORY_WORDS, CATEGORIES.join(' | ')) ?? ('' as CatalogEntry['category']),
      registration: reader.text(s, row, col('registration'), [...at, 'registration']),
      listed: reader.date(s, row, col('listed'), [...at, 'listed']),
      hospitals: reader.number(s, row, col('hospitals'), [...at, 'hospitals']),
    });
    reader.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
    catalogs[c].entries.push(e);
  }
}

function readIndicators(reader: Reader, defs: DataSheet | undefined): Indicator[] {
  const indicators: Indicator[] = [];
  if (!defs) return indicators;
  const s = defs.sheet;
  for (const { row, col } of rows(s, defs.fields)) {
    const at: Path = ['indicators', indicators.length];
    const point = (p: 'baseline' | 'target') => {
      const per = reader.text(s, row, col(`${p}Period`), [...at, p, 'period']);
      const value = reader.number(s, row, col(`${p}Value`), [...at, p, 'value']);
      return per === undefined && value === undefined ? undefined : ({ period: per, value } as Indicator['baseline']);
    };
    const kind = reader.word(s, row, col('kind'), [...at, 'kind'], KIND_WORDS, INDICATOR_KINDS.join(' | '));
    indicators.push(
      compact({
        id: reader.text(s, row, col('id'), [...at, 'id']) ?? '',
        name: reader.text(s, row, col('name'), [...at, 'name']) ?? '',
        region: reader.text(s, row, col('region'), [...at, 'region']),
        unit: reader.text(s, row, col('unit'), [...at, 'unit']),
        kind,
        baseline: point('baseline'),
        target: point('target'),
        observations: [],
      }),
    );
    reader.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
  }
  return indicators;
}

function readObservations(reader: Reader, observations: DataSheet | undefined, indicators: Indicator[]): void {
  if (!observations) return;
  const s = observations.sheet;
  for (const { row, col } of rows(s, observations.fields)) {
    const id = reader.text(s, row, col('indicator'), ['observations', row, 'indicator']);
    const i = owner(reader, { sheet: s.name, row, col: col('indicator') }, 'indicator', id, indicators);
    if (i === -1) continue;
    const at: Path = ['indicators', i, 'observations', indicators[i].observations.length];
    const o: Observation = compact({
      period: reader.text(s, row, col('period'), [...at, 'period']) ?? '',
      value: reader.number(s, row, col('value'), [...at, 'value']),
      growth: reader.number(s, row, col('growth'), [...at, 'growth']),
    });
    reader.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
    indicators[i].observations.push(o);
  }
}

/**
 * Validates what was read with the data schema and its rules (both, so that
 * every problem comes at once), locating problems at the cells they came
 * from. A cell already reported (a status that is not one reads as a blank
 * status the schema refuses again) is reported once.
 */
function validate(data: ReportData, reader: Reader): ReportData {
  const result = dataSchema.safeParse(data);
  const schema = result.success ? [] : result.error.issues.map((i) => ({ path: i.path as Path, message: i.message }));
  const problems = [...schema, ...checkRules(result.success ? result.data : data)];
  if (!problems.length && !reader.problems.length) return result.data!;
  const reported = new Set(reader.problems.map((p) => p.cell).filter((c) => c !== undefined));
  for (const p of problems) {
    let place: Place | undefined;
    for (let n = p.path.length; n >= 0 && !place; n--) place = reader.places.get(formatPath(p.path.slice(0, n)));
    const cell = place ? `${place.sheet}!${cellRef(place.row, place.col)}` : undefined;
    if (cell !== undefined && reported.has(cell)) continue;
    if (cell !== undefined) reported.add(cell);
    reader.problem(place, p.message, p.path);
  }
  throw new InputError(reader.problems);
}
