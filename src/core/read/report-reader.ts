/**
 * Reads a report workbook back into a data file: the rows of its data sheets,
 * including rows an official added or changed, and its record of what made
 * it. Every problem is located by sheet and cell. A round trip
 * (data -> workbook -> data) is the identity.
 */
import { InputError, type Located } from '../errors';
import { labelsFor } from '../i18n';
import { cellRef } from '../layout/refs';
import { isPeriod, period, periodEnd } from '../periods';
import { checkRules, formatPath, type Path } from '../rules';
import {
  dataSchema,
  FORMAT,
  type Locale,
  type Catalog,
  type CatalogEntry,
  type Indicator,
  type Measure,
  type Observation,
  type Plan,
  type ReportData,
} from '../schema';
import { readReportRecord } from '../record/report-record';
import { isValidEntry, isValidMeasure } from '../stream/row-checks';
import {
  describeValueProblem,
  parseCategoryWord,
  parseDateText,
  parseFormatWord,
  parseKindWord,
  parseNumber,
  parsePercent,
  parsePeriodText,
  parseStatusWord,
  parseWholeNumber,
  problem as valueProblem,
  type Parsed,
  type PercentOptions,
  visible,
} from '../values';
import { isBlank, isFormula, type GridSheet, type GridValue, type GridWorkbook } from './grid';
import { isoDayOf } from './iso-day';
import { cellProblem, reportColumnTitle, withTitle } from '../messages/cell-words';
import { inLocale, type Said } from '../messages/said';
import type { ValueProblem } from '../values/problem';

/** Status texts whose reading is kept (a report's are a handful; an official's own words a few more). */
const STATUS_TEXTS = 256;

const SUMMARY = { title: [1, 1], region: [4, 2], period: [5, 2], reportDate: [7, 2] } as const;

interface Place {
  sheet: string;
  row: number;
  col: number;
}

/** The last step of a data path, given apart so that the path is made only when needed. */
type Key = string | number | undefined;

const withKey = (path: Path, key: Key): Path => (key === undefined ? path : [...path, key]);

class Reader {
  readonly problems: Located[] = [];
  /** Where each data path came from, for locating the schema's problems (kept only when `placed`). */
  readonly places = new Map<string, Place>();

  /** The report's language: its columns' titles in messages. */
  locale: Locale = 'en';

  constructor(
    readonly file: string,
    /** The workbook counts date serial numbers from 1904. */
    readonly date1904 = false,
    /**
     * Keep where each value came from. A large report's places cost a third
     * of the memory of reading it, and only a data set with problems needs
     * them: it is read again with them (readReportWorkbook).
     */
    readonly placed = true,
  ) {}

  /** Notes where the value at `path` (with `key`, when given) came from. */
  at(path: Path, place: Place, key?: Key): void {
    if (this.placed) this.places.set(formatPath(withKey(path, key)), place);
  }

  problem(place: Place | undefined, message: string | Said, path?: Path, key?: Key): void {
    this.problems.push({
      file: this.file,
      cell: place ? `${place.sheet}!${cellRef(place.row, place.col)}` : undefined,
      path: path ? formatPath(withKey(path, key)) : undefined,
      ...(typeof message === 'string' ? { message } : message),
    });
  }

  /** A value's problem in both languages, the Chinese naming the column by its title in the report. */
  said(path: Path, p: ValueProblem): Said {
    const names = path.filter((x): x is string => typeof x === 'string');
    const field = names[names.length - 1] ?? '';
    const s = cellProblem(field, reportColumnTitle(path, this.locale) ?? '', p, this.locale);
    return { message: describeValueProblem(p, 'en'), zh: s.zh };
  }

  /**
   * A cell's value, refusing formulas where a value is expected (they are
   * never evaluated or kept). Its data path is `path` with `key` (made only
   * when it is noted or a problem is).
   */
  value(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): GridValue {
    const v = sheet.cell(row, col);
    if (this.placed) this.at(path, { sheet: sheet.name, row, col }, key);
    if (isFormula(v)) {
      const formula = { expected: 'value', got: `=${v.formula.slice(0, 40)}`, hint: 'formula' } as const;
      this.problem(
        { sheet: sheet.name, row, col },
        { message: `holds a formula (=${v.formula.slice(0, 40)}); expected a value`, zh: this.said(withKey(path, key), formula).zh },
        path,
        key,
      );
      return null;
    }
    return v;
  }

  text(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): string | undefined {
    const v = this.value(sheet, row, col, path, key);
    if (isBlank(v)) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  }

  /** A cell read by the one reader of cell values (core/values): its value, or undefined with the problem located at the cell. */
  parsed<T>(sheet: GridSheet, row: number, col: number, path: Path, key: Key, read: (v: GridValue) => Parsed<T | null>): T | undefined {
    const v = this.value(sheet, row, col, path, key);
    if (isBlank(v)) return undefined;
    const got = read(v);
    if (got.ok) return got.value ?? undefined;
    this.problem({ sheet: sheet.name, row, col }, this.said(withKey(path, key), got.problem), path, key);
    return undefined;
  }

  /** A number: a number cell, or text such as `1,234.5` (never `1234,5`). */
  number(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): number | undefined {
    return this.parsed(sheet, row, col, path, key, parseNumber);
  }

  /** A share or a rate: a number cell, or text such as `60%` or `0.6`. */
  percent(sheet: GridSheet, row: number, col: number, path: Path, key?: Key, opts: PercentOptions = {}): number | undefined {
    return this.parsed(sheet, row, col, path, key, opts.share && !opts.percentColumn ? this.readShare : (v) => parsePercent(v, opts));
  }

  private readonly readShare = (v: GridValue) => parsePercent(v, { share: true });

  /** A count of 0 or more. */
  whole(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): number | undefined {
    return this.parsed(sheet, row, col, path, key, parseWholeNumber);
  }

  /** A date: a date cell, a serial number, or text such as 2022-06-28, 2022/6/28 or 2022年6月28日; with `periodToo`, a period as written (2024, 2024-Q3). */
  date(sheet: GridSheet, row: number, col: number, path: Path, key?: Key, periodToo = false): string | undefined {
    return this.parsed(sheet, row, col, path, key, periodToo ? this.readDateOrPeriod : this.readDate);
  }

  private dateOptions: { date1904: boolean; serials: true; noOngoing: true } | undefined;
  // The readers of a cell's value, made once (not for each cell).
  private readonly readDate = (v: GridValue): Parsed<string | null> => {
    // A date cell (most dates of a report): its day by arithmetic, as parseDateText would give it.
    const day = v instanceof Date ? isoDayOf(v.getTime()) : undefined;
    if (day !== undefined) return { ok: true, value: day };
    return parseDateText(v, (this.dateOptions ??= { date1904: this.date1904, serials: true, noOngoing: true }));
  };
  private readonly readDateOrPeriod = (v: GridValue): Parsed<string | null> =>
    typeof v === 'string' && isPeriod(v.trim()) ? { ok: true, value: v.trim() } : this.readDate(v);
  private readonly readStatus = (v: GridValue): Parsed<Measure['status'] | null> => {
    // A report has a few status words, written in row after row: each text is read once (up to STATUS_TEXTS of them).
    const known = typeof v === 'string' ? this.statuses.get(v) : undefined;
    if (known) return known;
    const got = parseStatusWord(v);
    // A status word that begins a longer text is for a ledger; the report has a note column of its own.
    const read = got.ok && got.remark !== undefined ? valueProblem('status', v) : got;
    if (typeof v === 'string' && this.statuses.size < STATUS_TEXTS) this.statuses.set(v, read);
    return read;
  };

  /** Status texts as read (readStatus). */
  private readonly statuses = new Map<string, Parsed<Measure['status'] | null>>();

  /** A period: as written when it is one (2024-Q3), else as officials write it (2024年第三季度). */
  period(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): string | undefined {
    return this.parsed(sheet, row, col, path, key, (v) => (typeof v === 'string' && isPeriod(v.trim()) ? { ok: true, value: v.trim() } : parsePeriodText(v)));
  }

  /** A status word: the report's own (in either language) or an official's (已完成, 推进中, Done). */
  status(sheet: GridSheet, row: number, col: number, path: Path, key?: Key): Measure['status'] | undefined {
    return this.parsed(sheet, row, col, path, key, this.readStatus);
  }
}

/** The object without its keys whose value is undefined (the object itself when it has none). */
function compact<T extends object>(o: T): T {
  const values = o as Record<string, unknown>;
  let blank = false;
  for (const k in values)
    if (values[k] === undefined) {
      blank = true;
      break;
    }
  if (!blank) return o;
  const out: Record<string, unknown> = {};
  for (const k in values) if (values[k] !== undefined) out[k] = values[k];
  return out as T;
}

/**
 * A data sheet whose cells of the row being read are each made once: the
 * row's emptiness is checked (its first cells, up to one that holds
 * something), then its cells are read, the first ones again.
 */
class RowCells implements GridSheet {
  readonly name: string;
  readonly rowCount: number;
  private row = 0;
  /** The row's cells made, 1 to `made`. */
  private readonly values: GridValue[] = [];
  private made = 0;

  constructor(private readonly sheet: GridSheet) {
    this.name = sheet.name;
    this.rowCount = sheet.rowCount;
  }

  /** Whether the row's first `n` cells are blank: an empty row, skipped; those made are kept for its reading. */
  blank(row: number, n: number): boolean {
    this.row = row;
    this.made = 0;
    for (let c = 1; c <= n; c++) {
      const v = this.sheet.cell(row, c);
      this.values[c] = v;
      this.made = c;
      if (!isBlank(v)) return false;
    }
    return true;
  }

  cell(row: number, col: number): GridValue {
    return row === this.row && col >= 1 && col <= this.made ? this.values[col] : this.sheet.cell(row, col);
  }
}

/** The column of `field` among `fields` (1-based), 0 when it is not one. */
const columnOf = (fields: string[], field: string) => fields.indexOf(field) + 1;

/** Iterates the data rows of a data sheet (skipping empty rows: RowCells.blank), with a column lookup by field. */
function* rows(sheet: RowCells, fields: string[]): Generator<{ row: number; col: (field: string) => number }> {
  const cols = new Map(fields.map((f) => [f, columnOf(fields, f)]));
  const col = (field: string) => cols.get(field) ?? 0;
  for (let row = 2; row <= sheet.rowCount; row++) if (!sheet.blank(row, fields.length)) yield { row, col };
}

/** A data sheet as the record names it, with the fields of its columns in order. */
interface DataSheet {
  sheet: GridSheet;
  fields: string[];
}

/**
 * Reads a report workbook's data. Throws an InputError listing every problem
 * with its sheet and cell. A data set the schema or the rules refuse is read
 * a second time, noting where each value came from, to locate the problems.
 */
export function readReportWorkbook(wb: GridWorkbook, file: string): ReportData {
  const first = readOnce(wb, file, false);
  if (!first.reader.problems.length) {
    const checked = check(first.data);
    if (!('problems' in checked)) return checked.data;
  }
  // The cells' problems and the data's checks are listed together, in one pass (a negative count is not held back by a bad status elsewhere).
  const again = readOnce(wb, file, true);
  return validate(again.data, again.reader);
}

function readOnce(wb: GridWorkbook, file: string, placed: boolean): { data: ReportData; reader: Reader } {
  const meta = readReportRecord(wb, file);
  const reader = new Reader(file, wb.date1904 ?? false, placed);
  reader.locale = meta.locale;
  const sk = meta.skeleton;
  const sheetOf = (key: string): DataSheet | undefined => {
    const s = meta.sheets[key];
    if (!s) return undefined;
    // Only the columns of its fields are read (a data sheet's hidden columns of codes after them are not).
    const sheet = wb.sheet(s.name, s.fields.length);
    if (!sheet)
      reader.problem(undefined, {
        message: `has no sheet "${s.name}"; expected the ${key} sheet this workbook was made with (was it renamed or deleted?)`,
        zh: `找不到报告的工作表“${s.name}”：是否被重命名或删除了？请恢复其名称`,
      });
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

  return { data, reader };
}

/** The report itself: the Summary's cells, where an official may have changed the date; `recorded` as the workbook was made. */
function readSummary(reader: Reader, summary: GridSheet | undefined, recorded: ReportData['report']): ReportData['report'] {
  const report = { ...recorded };
  if (!summary) return report;
  const at = (cell: keyof typeof SUMMARY): [GridSheet, number, number] => [summary, SUMMARY[cell][0], SUMMARY[cell][1]];
  report.title = reader.text(...at('title'), ['report', 'title']) ?? report.title;
  report.region = reader.text(...at('region'), ['report', 'region']) ?? report.region;
  // A Chinese report writes its period in words (2022年第三季度), and an official may type either form.
  report.period = reader.period(...at('period'), ['report', 'period']) ?? report.period;
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
  const s = new RowCells(sources.sheet);
  const wordsFor = (k: 'plan' | 'indicator') => [labelsFor('en').sourceKinds[k], labelsFor('zh-CN').sourceKinds[k], k].map((w) => w.toLowerCase());
  const planWords = wordsFor('plan');
  const indicatorWords = wordsFor('indicator');
  for (const { row, col } of rows(s, sources.fields)) {
    const kindText = reader.text(s, row, col('kind'), ['sources', row]);
    // An indicator's row shows its Indicators cells, where it is read from (and edited).
    if (kindText !== undefined && indicatorWords.includes(kindText.trim().toLowerCase())) {
      for (const field of ['id', 'title', 'region', 'source']) {
        const c = col(field);
        const v = s.cell(row, c);
        if (c > 0 && !isBlank(v) && !isFormula(v))
          reader.problem(
            { sheet: s.name, row, col: c },
            {
              message: `holds ${JSON.stringify(String(v).slice(0, 40))} in an indicator's row; expected the formula that shows the Indicators sheet's cell (edit an indicator's name, region and source on the Indicators sheet)`,
              zh: `指标所在行填写了“${String(v).slice(0, 40)}”；此处应为引用“${labelsFor(reader.locale).sheets.indicators}”工作表单元格的公式（指标的名称、地区和来源请在该工作表中修改）`,
            },
          );
      }
      continue;
    }
    const isPlan = kindText !== undefined && planWords.includes(kindText.toLowerCase());
    const list: (Plan | Catalog)[] = isPlan ? plans : catalogs;
    const id = reader.text(s, row, col('id'), ['sources', row, 'id']) ?? '';
    let item = list.find((x) => x.id === id);
    const base: Path = [isPlan ? 'plans' : 'catalogs', item ? list.indexOf(item) : list.length];
    if (!item) {
      item = isPlan ? ({ id, title: '', measures: [] } as Plan) : ({ id, title: '', entries: [] } as Catalog);
      list.push(item);
    }
    reader.at(base, { sheet: s.name, row, col: col('id') }, 'id');
    item.title = reader.text(s, row, col('title'), base, 'title') ?? '';
    const region = reader.text(s, row, col('region'), base, 'region');
    const issued = reader.date(s, row, col('issued'), base, 'issued', !isPlan);
    Object.assign(item, { region, issued });
    if (isPlan) (item as Plan).source = reader.text(s, row, col('source'), base, 'source');
  }
}

const OWNER_ZH: Record<string, string> = { plan: '方案', catalog: '目录', indicator: '指标' };

/** The index of each id among items (the first item with it). */
function indexOfIds(items: { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((x, i) => {
    if (!index.has(x.id)) index.set(x.id, i);
  });
  return index;
}

/** The index of the item a row names in its first column (`ids`: indexOfIds(items)), or -1 with a problem naming the items there are. */
function owner(
  reader: Reader,
  sheet: string,
  row: number,
  col: number,
  what: string,
  id: string | undefined,
  items: { id: string }[],
  ids: Map<string, number>,
): number {
  const found = id === undefined ? -1 : (ids.get(id) ?? -1);
  if (found === -1)
    reader.problem(
      { sheet, row, col },
      {
        message: `${what} ${visible(JSON.stringify(id ?? ''))} is not one of this report's ${what}s; expected one of: ${items.map((x) => x.id).join(', ')}`,
        zh: `“${visible(id ?? '')}”不是本报告的${OWNER_ZH[what] ?? what}之一；应为以下之一：${items.map((x) => x.id).join('、') || '无'}`,
      },
    );
  return found;
}

/**
 * The measures, the bulk of a large report: as rows() reads a data sheet's
 * rows (each row's cells made once), in a plain loop, the columns found once.
 */
function readMeasures(reader: Reader, measures: DataSheet | undefined, plans: Plan[]): void {
  if (!measures) return;
  const s = new RowCells(measures.sheet);
  const n = measures.fields.length;
  const plansIds = indexOfIds(plans);
  const [plan, id, title, group, lead, due, status, completed, progress, note] = (
    ['plan', 'id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note'] as const
  ).map((f) => columnOf(measures.fields, f));
  for (let row = 2; row <= s.rowCount; row++) {
    if (s.blank(row, n)) continue;
    const planId = reader.text(s, row, plan, ['measures', row, 'plan']);
    const p = owner(reader, s.name, row, plan, 'plan', planId, plans, plansIds);
    if (p === -1) continue;
    const at: Path = ['plans', p, 'measures', plans[p].measures.length];
    const m: Measure = compact({
      id: reader.text(s, row, id, at, 'id') ?? '',
      title: reader.text(s, row, title, at, 'title') ?? '',
      group: reader.text(s, row, group, at, 'group'),
      lead: reader.text(s, row, lead, at, 'lead'),
      due: reader.date(s, row, due, at, 'due'),
      status: reader.status(s, row, status, at, 'status') ?? ('' as Measure['status']),
      completed: reader.date(s, row, completed, at, 'completed'),
      progress: reader.percent(s, row, progress, at, 'progress', { share: true }),
      note: reader.text(s, row, note, at, 'note'),
    });
    if (reader.placed) reader.at(at, { sheet: s.name, row, col: 1 });
    plans[p].measures.push(m);
  }
}

function readEntries(reader: Reader, catalog: DataSheet | undefined, catalogs: Catalog[]): void {
  if (!catalog) return;
  const s = new RowCells(catalog.sheet);
  const catalogsIds = indexOfIds(catalogs);
  for (const { row, col } of rows(s, catalog.fields)) {
    const catalogId = reader.text(s, row, col('catalog'), ['catalog', row, 'catalog']);
    const c = owner(reader, s.name, row, col('catalog'), 'catalog', catalogId, catalogs, catalogsIds);
    if (c === -1) continue;
    const at: Path = ['catalogs', c, 'entries', catalogs[c].entries.length];
    const e: CatalogEntry = compact({
      product: reader.text(s, row, col('product'), at, 'product') ?? '',
      enterprise: reader.text(s, row, col('enterprise'), at, 'enterprise') ?? '',
      category: reader.parsed(s, row, col('category'), at, 'category', parseCategoryWord) ?? ('' as CatalogEntry['category']),
      registration: reader.text(s, row, col('registration'), at, 'registration'),
      listed: reader.date(s, row, col('listed'), at, 'listed'),
      hospitals: reader.whole(s, row, col('hospitals'), at, 'hospitals'),
    });
    if (reader.placed) reader.at(at, { sheet: s.name, row, col: 1 });
    catalogs[c].entries.push(e);
  }
}

function readIndicators(reader: Reader, defs: DataSheet | undefined): Indicator[] {
  const indicators: Indicator[] = [];
  if (!defs) return indicators;
  const s = new RowCells(defs.sheet);
  for (const { row, col } of rows(s, defs.fields)) {
    const at: Path = ['indicators', indicators.length];
    const point = (p: 'baseline' | 'target') => {
      const per = reader.period(s, row, col(`${p}Period`), [...at, p, 'period']);
      const value = reader.number(s, row, col(`${p}Value`), [...at, p, 'value']);
      return per === undefined && value === undefined ? undefined : ({ period: per, value } as Indicator['baseline']);
    };
    const kind = reader.parsed(s, row, col('kind'), at, 'kind', parseKindWord);
    const format = reader.parsed(s, row, col('format'), at, 'format', parseFormatWord);
    indicators.push(
      compact({
        id: reader.text(s, row, col('id'), at, 'id') ?? '',
        name: reader.text(s, row, col('name'), at, 'name') ?? '',
        region: reader.text(s, row, col('region'), at, 'region'),
        unit: reader.text(s, row, col('unit'), at, 'unit'),
        kind,
        format,
        decimals: reader.number(s, row, col('decimals'), at, 'decimals'),
        baseline: point('baseline'),
        target: point('target'),
        source: reader.text(s, row, col('source'), at, 'source'),
        note: reader.text(s, row, col('note'), at, 'note'),
        observations: [],
      }),
    );
    if (reader.placed) reader.at(at, { sheet: s.name, row, col: 1 });
  }
  return indicators;
}

function readObservations(reader: Reader, observations: DataSheet | undefined, indicators: Indicator[]): void {
  if (!observations) return;
  const s = new RowCells(observations.sheet);
  const indicatorsIds = indexOfIds(indicators);
  for (const { row, col } of rows(s, observations.fields)) {
    const id = reader.text(s, row, col('indicator'), ['observations', row, 'indicator']);
    const i = owner(reader, s.name, row, col('indicator'), 'indicator', id, indicators, indicatorsIds);
    if (i === -1) continue;
    const at: Path = ['indicators', i, 'observations', indicators[i].observations.length];
    const o: Observation = compact({
      period: reader.period(s, row, col('period'), at, 'period') ?? '',
      value: reader.number(s, row, col('value'), at, 'value'),
      growth: reader.percent(s, row, col('growth'), at, 'growth'),
    });
    if (reader.placed) reader.at(at, { sheet: s.name, row, col: 1 });
    indicators[i].observations.push(o);
  }
}

/**
 * What was read, when the schema and the rules accept it all, checked as the
 * streamed reading checks rows: the measures and catalog entries (the bulk
 * of a large report) by hand (row-checks.ts, which accept exactly what the
 * schema accepts, and whose output is then the row itself), the rest with
 * the schema. Undefined when anything is refused: the schema then checks the
 * whole and says why.
 */
function quickCheck(data: ReportData): { data: ReportData } | undefined {
  const plans = data.plans ?? [];
  const catalogs = data.catalogs ?? [];
  for (const p of plans) if (!Array.isArray(p.measures) || !p.measures.every(isValidMeasure)) return undefined;
  for (const c of catalogs) if (!Array.isArray(c.entries) || !c.entries.every(isValidEntry)) return undefined;
  const shell: ReportData = { ...data };
  if (data.plans) shell.plans = plans.map((p) => ({ ...p, measures: [] }));
  if (data.catalogs) shell.catalogs = catalogs.map((c) => ({ ...c, entries: [] }));
  const result = dataSchema.safeParse(shell);
  if (!result.success) return undefined;
  const out = result.data;
  out.plans?.forEach((p, i) => (p.measures = plans[i].measures));
  out.catalogs?.forEach((c, i) => (c.entries = catalogs[i].entries));
  return checkRules(out).length ? undefined : { data: out };
}

/** What was read, checked with the data schema and its rules (both, so that every problem comes at once). */
function check(data: ReportData): { data: ReportData } | { problems: { path: Path; message: string; zh?: string }[] } {
  const quick = quickCheck(data);
  if (quick) return quick;
  const result = dataSchema.safeParse(data);
  const schema = result.success ? [] : result.error.issues.map((i) => ({ path: i.path as Path, message: i.message }));
  const problems = [...schema, ...checkRules(result.success ? result.data : data)];
  return problems.length ? { problems } : { data: result.data! };
}

/**
 * Validates what was read with the data schema and its rules (both, so that
 * every problem comes at once), locating problems at the cells they came
 * from. A cell already reported (a status that is not one reads as a blank
 * status the schema refuses again) is reported once.
 */
function validate(data: ReportData, reader: Reader): ReportData {
  const checked = check(data);
  if (!('problems' in checked) && !reader.problems.length) return checked.data;
  const problems = 'problems' in checked ? checked.problems : [];
  const reported = new Set(reader.problems.map((p) => p.cell).filter((c) => c !== undefined));
  for (const p of problems) {
    let place: Place | undefined;
    for (let n = p.path.length; n >= 0 && !place; n--) place = reader.places.get(formatPath(p.path.slice(0, n)));
    const cell = place ? `${place.sheet}!${cellRef(place.row, place.col)}` : undefined;
    if (cell !== undefined && reported.has(cell)) continue;
    if (cell !== undefined) reported.add(cell);
    const title = reportColumnTitle(p.path, reader.locale);
    reader.problem(place, { message: p.message, zh: withTitle(cell !== undefined ? title : undefined, inLocale(p, 'zh-CN'), 'zh-CN') }, p.path);
  }
  throw new InputError(reader.problems);
}
