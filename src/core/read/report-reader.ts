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

  constructor(readonly file: string) {}

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
    if (typeof v === 'number' && v > 0 && v < 2958466) return serialToDate(v);
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

/** Reads a report workbook's data. Throws an InputError listing every problem with its sheet and cell. */
export function readReportWorkbook(wb: GridWorkbook, file: string): ReportData {
  const meta = readReportRecord(wb, file);
  const R = new Reader(file);
  const sk = meta.skeleton;
  const sheetOf = (key: string) => {
    const s = meta.sheets[key];
    if (!s) return undefined;
    const sheet = wb.sheet(s.name);
    if (!sheet) R.problem(undefined, `has no sheet "${s.name}"; expected the ${key} sheet this workbook was made with (was it renamed or deleted?)`);
    return sheet ? { sheet, fields: s.fields } : undefined;
  };

  // The report itself: the Summary's cells, where an official may have changed the date.
  const report = { ...sk.report };
  const summaryName = meta.sheets.summary?.name;
  const summarySheet = summaryName ? wb.sheet(summaryName) : undefined;
  if (summarySheet) {
    const S = summarySheet;
    report.title = R.text(S, SUMMARY.title[0], SUMMARY.title[1], ['report', 'title']) ?? report.title;
    report.region = R.text(S, SUMMARY.region[0], SUMMARY.region[1], ['report', 'region']) ?? report.region;
    report.period = R.text(S, SUMMARY.period[0], SUMMARY.period[1], ['report', 'period']) ?? report.period;
    const date = R.date(S, SUMMARY.reportDate[0], SUMMARY.reportDate[1], ['report', 'date']);
    const defaultDate = (() => {
      try {
        return periodEnd(period(report.period));
      } catch {
        return undefined;
      }
    })();
    if (date !== undefined && !(sk.report.date === undefined && date === defaultDate)) report.date = date;
    else if (date === undefined || sk.report.date === undefined) delete report.date;
  }

  const plans: Plan[] = sk.plans.map((p) => ({ ...p, measures: [] }));
  const catalogs: Catalog[] = sk.catalogs.map((c) => ({ ...c, entries: [] }));

  // Sources: titles, regions, issue dates and sources as edited in the workbook; new rows are new plans or catalogs.
  const sources = sheetOf('sources');
  if (sources) {
    for (const { row, col } of rows(sources.sheet, sources.fields)) {
      const s = sources.sheet;
      const kindText = R.text(s, row, col('kind'), ['sources', row]);
      const isPlan =
        kindText !== undefined &&
        [labelsFor('en').sourceKinds.plan, labelsFor('zh-CN').sourceKinds.plan, 'plan'].some((w) => w.toLowerCase() === kindText.toLowerCase());
      const list: (Plan | Catalog)[] = isPlan ? plans : catalogs;
      const id = R.text(s, row, col('id'), ['sources', row, 'id']) ?? '';
      let item = list.find((x) => x.id === id);
      const base: Path = [isPlan ? 'plans' : 'catalogs', item ? list.indexOf(item) : list.length];
      if (!item) {
        item = isPlan ? ({ id, title: '', measures: [] } as Plan) : ({ id, title: '', entries: [] } as Catalog);
        list.push(item);
      }
      R.places.set(formatPath([...base, 'id']), { sheet: s.name, row, col: col('id') });
      item.title = R.text(s, row, col('title'), [...base, 'title']) ?? '';
      const region = R.text(s, row, col('region'), [...base, 'region']);
      const issued = R.date(s, row, col('issued'), [...base, 'issued'], !isPlan);
      Object.assign(item, { region, issued });
      if (isPlan) (item as Plan).source = R.text(s, row, col('source'), [...base, 'source']);
    }
  }

  const measures = sheetOf('measures');
  if (measures) {
    const s = measures.sheet;
    for (const { row, col } of rows(s, measures.fields)) {
      const planId = R.text(s, row, col('plan'), ['measures', row, 'plan']);
      const p = plans.findIndex((x) => x.id === planId);
      if (p === -1) {
        R.problem(
          { sheet: s.name, row, col: col('plan') },
          `plan ${JSON.stringify(planId ?? '')} is not one of this report's plans; expected one of: ${plans.map((x) => x.id).join(', ')}`,
        );
        continue;
      }
      const at: Path = ['plans', p, 'measures', plans[p].measures.length];
      const m: Measure = compact({
        id: R.text(s, row, col('id'), [...at, 'id']) ?? '',
        title: R.text(s, row, col('title'), [...at, 'title']) ?? '',
        group: R.text(s, row, col('group'), [...at, 'group']),
        lead: R.text(s, row, col('lead'), [...at, 'lead']),
        due: R.date(s, row, col('due'), [...at, 'due']),
        status: R.word(s, row, col('status'), [...at, 'status'], STATUS_WORDS, STATUSES.join(' | ')) ?? ('' as Measure['status']),
        completed: R.date(s, row, col('completed'), [...at, 'completed']),
        progress: R.number(s, row, col('progress'), [...at, 'progress']),
        note: R.text(s, row, col('note'), [...at, 'note']),
      });
      R.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
      plans[p].measures.push(m);
    }
  }

  const catalog = sheetOf('catalog');
  if (catalog) {
    const s = catalog.sheet;
    for (const { row, col } of rows(s, catalog.fields)) {
      const catalogId = R.text(s, row, col('catalog'), ['catalog', row, 'catalog']);
      const c = catalogs.findIndex((x) => x.id === catalogId);
      if (c === -1) {
        R.problem(
          { sheet: s.name, row, col: col('catalog') },
          `catalog ${JSON.stringify(catalogId ?? '')} is not one of this report's catalogs; expected one of: ${catalogs.map((x) => x.id).join(', ')}`,
        );
        continue;
      }
      const at: Path = ['catalogs', c, 'entries', catalogs[c].entries.length];
      const e: CatalogEntry = compact({
        product: R.text(s, row, col('product'), [...at, 'product']) ?? '',
        enterprise: R.text(s, row, col('enterprise'), [...at, 'enterprise']) ?? '',
        category: R.word(s, row, col('category'), [...at, 'category'], CATEGORY_WORDS, CATEGORIES.join(' | ')) ?? ('' as CatalogEntry['category']),
        registration: R.text(s, row, col('registration'), [...at, 'registration']),
        listed: R.date(s, row, col('listed'), [...at, 'listed']),
        hospitals: R.number(s, row, col('hospitals'), [...at, 'hospitals']),
      });
      R.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
      catalogs[c].entries.push(e);
    }
  }

  const indicators: Indicator[] = [];
  const defs = sheetOf('indicators');
  if (defs) {
    const s = defs.sheet;
    for (const { row, col } of rows(s, defs.fields)) {
      const at: Path = ['indicators', indicators.length];
      const point = (p: 'baseline' | 'target') => {
        const per = R.text(s, row, col(`${p}Period`), [...at, p, 'period']);
        const value = R.number(s, row, col(`${p}Value`), [...at, p, 'value']);
        return per === undefined && value === undefined ? undefined : ({ period: per, value } as Indicator['baseline']);
      };
      const kind = R.word(s, row, col('kind'), [...at, 'kind'], KIND_WORDS, INDICATOR_KINDS.join(' | '));
      indicators.push(
        compact({
          id: R.text(s, row, col('id'), [...at, 'id']) ?? '',
          name: R.text(s, row, col('name'), [...at, 'name']) ?? '',
          region: R.text(s, row, col('region'), [...at, 'region']),
          unit: R.text(s, row, col('unit'), [...at, 'unit']),
          kind,
          baseline: point('baseline'),
          target: point('target'),
          observations: [],
        }),
      );
      R.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
    }
  }

  const observations = sheetOf('observations');
  if (observations) {
    const s = observations.sheet;
    for (const { row, col } of rows(s, observations.fields)) {
      const id = R.text(s, row, col('indicator'), ['observations', row, 'indicator']);
      const i = indicators.findIndex((x) => x.id === id);
      if (i === -1) {
        R.problem(
          { sheet: s.name, row, col: col('indicator') },
          `indicator ${JSON.stringify(id ?? '')} is not one of this report's indicators; expected one of: ${indicators.map((x) => x.id).join(', ')}`,
        );
        continue;
      }
      const at: Path = ['indicators', i, 'observations', indicators[i].observations.length];
      const o: Observation = compact({
        period: R.text(s, row, col('period'), [...at, 'period']) ?? '',
        value: R.number(s, row, col('value'), [...at, 'value']),
        growth: R.number(s, row, col('growth'), [...at, 'growth']),
      });
      R.places.set(formatPath(at), { sheet: s.name, row, col: 1 });
      indicators[i].observations.push(o);
    }
  }

  const data: ReportData = compact({
    format: FORMAT,
    report: compact(report),
    plans: sk.kinds.plans && (sk.present?.plans || plans.length) ? plans.map((p) => compact(p)) : undefined,
    catalogs: sk.kinds.catalogs && (sk.present?.catalogs || catalogs.length) ? catalogs.map((c) => compact(c)) : undefined,
    indicators: sk.kinds.indicators && (sk.present?.indicators || indicators.length) ? indicators : undefined,
  }) as ReportData;

  if (R.problems.length) throw new InputError(R.problems);
  return validate(data, R);
}

/** Validates what was read with the data schema and rules, locating problems at the cells they came from. */
function validate(data: ReportData, R: Reader): ReportData {
  const result = dataSchema.safeParse(data);
  const problems = result.success ? checkRules(result.data) : result.error.issues.map((i) => ({ path: i.path as Path, message: i.message }));
  if (!problems.length) return result.data!;
  for (const p of problems) {
    let place: Place | undefined;
    for (let n = p.path.length; n >= 0 && !place; n--) place = R.places.get(formatPath(p.path.slice(0, n)));
    R.problem(place, p.message, p.path);
  }
  throw new InputError(R.problems);
}
