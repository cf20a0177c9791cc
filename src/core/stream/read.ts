/**
 * Reading a large JSON data file without holding its measures and catalog
 * entries: the fast path for `generate` and `validate` on files of hundreds
 * of megabytes.
 *
 * Pass 1 (readStreamed) scans the file once: each row element (a measure,
 * a catalog entry) is parsed on its own, checked with the schema of its kind
 * and the rules between rows, and counted into the figures; then dropped.
 * What remains is the skeleton (the file with its row lists empty), parsed
 * and checked whole. Only counts are kept per row, and the ids that must be
 * unique.
 *
 * Pass 2 (going through DataRows.measures or .entries, or through a plan's
 * measures or a catalog's entries: each a row source, row-source.ts) scans
 * the file again and produces the rows in order as the workbook is written;
 * the source makes sure the file has not changed in between.
 *
 * This path only vouches for a file that is valid. On any problem at all
 * (syntax, schema, rules, a key written twice, text that is not UTF-8) it
 * throws NotStreamable, and the caller reads the file whole, which finds
 * every problem and locates each at its line and column.
 */
import { summarize, type DataSummary } from '../data-file/counts';
import { valueHint } from '../data-file/hints';
import { firstDuplicateKey, schemaProblems } from '../data-file/structured-text';
import type { DataRows } from '../data-rows';
import { CatalogTally, indicatorFigures, PlanTally, type ReportFigures } from '../figures';
import { period } from '../periods';
import { reportDate } from '../report-defaults';
import { pathWordsZh } from '../messages/place';
import { checkRules, formatPath, type Path, type Problem } from '../rules';
import { HEAD_ROWS, rowSource } from '../row-source';
import { dataSchema, entrySchema, measureSchema, type CatalogEntry, type Measure, type Plan, type ReportData, type StreamableData } from '../schema';
import type { z } from 'zod';
import { KeptEntries } from './kept-entries';
import { isValidEntry, isValidMeasure } from './row-checks';
import { ENTRIES, MEASURES, NotStreamable, RowScanner, type RowKind, type ScanSink } from './scan';

export { NotStreamable } from './scan';

/** A data file as bytes, read as many times as needed. */
export interface ByteSource {
  /**
   * The file's bytes in chunks, from the first; each call reads the file
   * again. A source that can tell throws (an InputError) when the bytes
   * differ from the first reading's: the rows of the second pass must be the
   * rows that were checked.
   */
  chunks(): Iterable<Uint8Array>;
  /** The text of UTF-8 bytes `bytes[start..end)`. */
  text(bytes: Uint8Array, start: number, end: number): string;
  /** Called after each chunk of the first pass, for a progress bar. */
  progress?(bytesRead: number): void;
}

export interface StreamedData {
  /** The data; its plans' `measures` and catalogs' `entries` are row sources (row-source.ts): lengths, and rows read again on each pass. */
  data: StreamableData;
  /** For buildReport: the figures, and the rows in order. */
  rows: DataRows;
  summary: DataSummary;
}

/** What is kept of a plan's measures while the file is read: counts, and the ids (which must be unique) with where each was first used. */
interface PlanRows {
  tally: PlanTally;
  ids: Map<string, number>;
}

/** A key written twice, in both languages. */
const duplicateKey = (key: string | undefined) => ({
  message: `duplicate key "${key}"; expected each key once in a mapping`,
  zh: `键“${key}”重复；每个键在一组内应只出现一次`,
});

const fail = (reason: string, problems?: Problem[]): never => {
  throw new NotStreamable(reason, problems);
};

/** Whether `bytes[start..end)` holds U+FFFD as written (rather than a decoder's stand-in for bytes that are not UTF-8). */
function writesReplacement(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 2 < end; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  return false;
}

/** Text decoded from bytes, refusing bytes that are not UTF-8. */
function decode(source: ByteSource, bytes: Uint8Array, start: number, end: number, path: Path): string {
  const text = source.text(bytes, start, end);
  if (text.includes('\uFFFD') && !writesReplacement(bytes, start, end)) {
    fail('not UTF-8', [
      { path, message: 'is not valid UTF-8 text; expected a data file saved as UTF-8', zh: '不是有效的 UTF-8 文本；数据文件应以 UTF-8 编码保存' },
    ]);
  }
  return text;
}

/** Parses JSON text whose keys were counted as written; a key written twice is refused (JSON.parse would keep the last). */
function parseCounted(text: string, keys: number, path: Path): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail('invalid JSON', [{ path, message: `invalid JSON: ${(err as Error).message}`, zh: 'JSON 格式有误，无法读取' }]);
  }
  // Counted with for...in, not Object.keys: no array of keys made a row.
  let written = 0;
  for (const _key in value as object) written++;
  if (written !== keys) {
    fail('a key written twice', [{ path, ...duplicateKey(firstDuplicateKey(text)) }]);
  }
  return value;
}

/** Scans the file once: each row checked and counted, the rest kept as the skeleton's bytes. */
/** The first rows of each kind, in file order (with their list's index), kept by pass 1: a sample without another pass. */
interface Heads {
  measures: [number, Measure][];
  entries: [number, CatalogEntry][];
  /** Every catalog entry, kept up to a bound (kept-entries.ts): the second pass then reads them, not the file. */
  kept?: KeptEntries;
  /** Every measure as parsed, by plan, when asked for (StreamOptions.keepMeasures): the later passes read them, not the file. */
  keptMeasures?: unknown[][];
}

export interface StreamOptions {
  /**
   * Keep every measure as the first pass parsed it, so that the passes after
   * it read none of the file again for them: memory then grows with the
   * measures (generate --since, which holds the previous report's anyway).
   */
  keepMeasures?: boolean;
}

function scanRows(source: ByteSource, opts: StreamOptions): { plans: PlanRows[]; catalogs: CatalogTally[]; skeleton: Uint8Array; heads: Heads } {
  const plans: PlanRows[] = [];
  const catalogs: CatalogTally[] = [];
  const heads: Heads = { measures: [], entries: [], kept: new KeptEntries(), keptMeasures: opts.keepMeasures ? [] : undefined };
  const pieces: Uint8Array[] = [];
  let skeletonBytes = 0;
  const scanner = new RowScanner({
    row: rowReader(source, plans, catalogs, heads),
    skeleton(bytes, start, end) {
      pieces.push(Uint8Array.prototype.slice.call(bytes, start, end)); // a copy (Buffer's slice would be a view of a reused chunk)
      skeletonBytes += end - start;
    },
  });
  let read = 0;
  for (const chunk of source.chunks()) {
    scanner.push(chunk);
    read += chunk.length;
    source.progress?.(read);
  }
  scanner.end();

  const skeleton = new Uint8Array(skeletonBytes);
  let at = 0;
  for (const piece of pieces) {
    skeleton.set(piece, at);
    at += piece.length;
  }
  return { plans, catalogs, skeleton, heads };
}

/** The scanner's handler of each row: parsed, checked with its schema, counted into its plan's or catalog's tally. */
function rowReader(source: ByteSource, plans: PlanRows[], catalogs: CatalogTally[], heads: Heads): ScanSink['row'] {
  // Row lists come one after the other: once the next begins, the ids of the last are no longer needed.
  let current: { kind: RowKind; list: number } | undefined;
  return (kind, list, index, bytes, start, end, keys) => {
    if (current?.kind !== kind || current.list !== list) {
      if (current?.kind === MEASURES) plans[current.list].ids.clear();
      else if (current) catalogs[current.list].seal();
      current = { kind, list };
    }
    const path: Path = kind === MEASURES ? ['plans', list, 'measures', index] : ['catalogs', list, 'entries', index];
    if (index === 0 && (kind === MEASURES ? plans[list] : catalogs[list])) {
      fail('a key written twice', [{ path: path.slice(0, 2), ...duplicateKey(String(path[2])) }]);
    }
    const value = parseCounted(decode(source, bytes, start, end, path), keys, path);
    if (kind === MEASURES) {
      addMeasure((plans[list] ??= { tally: new PlanTally(), ids: new Map() }), value, path, list, index);
      // As parsed (what the second pass would parse), not as a schema made it.
      if (heads.keptMeasures) (heads.keptMeasures[list] ??= []).push(value);
    } else heads.kept?.add(addEntry((catalogs[list] ??= new CatalogTally()), value, path, index));
    const head: [number, unknown][] = kind === MEASURES ? heads.measures : heads.entries;
    if (head.length < HEAD_ROWS) head.push([list, value]);
  };
}

/** A row the hand-written check refused (row-checks.ts), checked with its schema: the schema's verdict and messages stand. */
function checked<T>(schema: z.ZodType<T>, value: unknown, path: Path, reason: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return fail(reason, schemaProblems(schema, value, path, valueHint));
  return parsed.data;
}

/** A measure (`plans[list].measures[index]`), checked with its schema and against its plan's ids, counted. */
function addMeasure(rows: PlanRows, value: unknown, path: Path, list: number, index: number): void {
  const m = isValidMeasure(value) ? value : checked(measureSchema, value, path, 'a measure that does not match the schema');
  const id = m.id.toLowerCase();
  const first = rows.ids.get(id);
  if (first !== undefined) {
    fail('a measure id used twice', [
      {
        path: [...path, 'id'],
        message: `duplicate measure id "${m.id}": already used by ${formatPath(['plans', list, 'measures', first])}; expected a unique id`,
        zh: `措施编号“${m.id}”重复：${pathWordsZh(formatPath(['plans', list, 'measures', first]))}已使用；编号应各不相同`,
      },
    ]);
  }
  rows.ids.set(id, index);
  rows.tally.add(m);
  if (index !== rows.tally.measures - 1) fail('rows out of order');
}

/** A catalog entry (the `index`th of its catalog), checked with its schema, counted. */
function addEntry(tally: CatalogTally, value: unknown, path: Path, index: number): CatalogEntry {
  const entry = isValidEntry(value) ? value : checked(entrySchema, value, path, 'a catalog entry that does not match the schema');
  tally.add(entry);
  if (index !== tally.entries - 1) fail('rows out of order');
  return entry;
}

/** The file with its row lists empty: parsed and checked whole. */
function readSkeleton(source: ByteSource, skeleton: Uint8Array): ReportData {
  const text = decode(source, skeleton, 0, skeleton.length, []);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail('invalid JSON', [
      {
        path: [],
        message: `invalid JSON outside the lists of measures and catalog entries: ${(err as Error).message}`,
        zh: 'JSON 格式有误（在措施和目录产品的列表之外），无法读取',
      },
    ]);
  }
  const twice = firstDuplicateKey(text);
  if (twice !== undefined) fail('a key written twice', [{ path: [], ...duplicateKey(twice) }]);
  const parsed = dataSchema.safeParse(value);
  if (!parsed.success) return fail('the data does not match the schema', schemaProblems(dataSchema, value, [], valueHint));
  const data = parsed.data;
  const broken = checkRules(data);
  if (broken.length) fail('the data breaks a rule', broken);
  return data;
}

/** The rule between rows and their plan (rules.ts): a measure's group is one of the plan's groups. */
function checkGroups(planList: Plan[], plans: PlanRows[]): void {
  planList.forEach((plan, p) => {
    if (!Array.isArray(plan.groups) || !plans[p]) return;
    const groups = new Set(plan.groups.map((g) => g.toLowerCase()));
    for (const g of plans[p].tally.groupsNamed()) {
      if (!groups.has(g)) {
        fail('a measure in a group its plan does not list', [
          {
            path: ['plans', p, 'measures'],
            message: `a measure's group "${g}" (ignoring case) is not in the plan's groups; expected one of: ${plan.groups.map((x) => `"${x}"`).join(', ')}`,
            zh: `措施的分组“${g}”（不区分大小写）不在本方案的分组中；应为以下之一：${plan.groups.map((x) => `“${x}”`).join('、')}`,
          },
        ]);
      }
    }
  });
}

/**
 * Pass 1: reads and checks the file, keeping only counts of its rows.
 * Throws NotStreamable when the file is not valid, or not a shape this path reads.
 */
export function readStreamed(source: ByteSource, opts: StreamOptions = {}): StreamedData {
  const { plans, catalogs, skeleton, heads } = scanRows(source, opts);
  const data = readSkeleton(source, skeleton);
  const planList = data.plans ?? [];
  const catalogList = data.catalogs ?? [];
  if (plans.length > planList.length || catalogs.length > catalogList.length) fail('rows outside the lists');
  checkGroups(planList, plans);

  const date = reportDate(data);
  const reportPeriod = period(data.report.period);
  const emptyPlan = new PlanTally();
  const emptyCatalog = new CatalogTally();
  const figures = {
    plans: planList.map((plan, p) => (plans[p]?.tally ?? emptyPlan).figures(plan.groups, date, reportPeriod)),
    catalogs: catalogList.map((_, c) => (catalogs[c] ?? emptyCatalog).figures()),
    categories: catalogList.map((_, c) => (catalogs[c] ?? emptyCatalog).categories()),
    enterprises: catalogList.map((_, c) => (catalogs[c] ?? emptyCatalog).names()),
    indicators: (data.indicators ?? []).map((ind) => indicatorFigures(ind, reportPeriod)),
  };
  const measureCounts = planList.map((_, p) => plans[p]?.tally.measures ?? 0);
  const entryCounts = catalogList.map((_, c) => catalogs[c]?.entries ?? 0);

  return withRows(source, data, figures, measureCounts, entryCounts, heads);
}

/**
 * The data of pass 1 made ready for pass 2: its plans' measures and
 * catalogs' entries as row sources of the counted lengths, and every row in
 * order, each read again from the source on each pass.
 */
function withRows(
  source: ByteSource,
  data: ReportData,
  figures: ReportFigures,
  measureCounts: number[],
  entryCounts: number[],
  heads: Heads = { measures: [], entries: [] },
): StreamedData {
  const pass = <T>(kind: RowKind, counts: number[], only?: number): Iterable<[number, T]> =>
    kind === ENTRIES && heads.kept?.count !== undefined
      ? (keptRows(heads.kept, counts, only) as Iterable<[number, T]>)
      : kind === MEASURES && heads.keptMeasures
        ? keptMeasureRows<T>(heads.keptMeasures, counts, only)
        : secondPass<T>(source, kind, counts, only);
  const streamable: StreamableData = {
    ...data,
    ...(data.plans && {
      plans: data.plans.map((plan, p) => ({ ...plan, measures: rowSource(measureCounts[p], () => values(pass<Measure>(MEASURES, measureCounts, p))) })),
    }),
    ...(data.catalogs && {
      catalogs: data.catalogs.map((catalog, c) => ({
        ...catalog,
        entries: rowSource(entryCounts[c], () => values(pass<CatalogEntry>(ENTRIES, entryCounts, c))),
      })),
    }),
  };
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const measureTotal = sum(measureCounts);
  const entryTotal = sum(entryCounts);
  return {
    data: streamable,
    rows: {
      figures,
      // No rows, no reading.
      measures: rowSource(measureTotal, () => (measureTotal ? pass<Measure>(MEASURES, measureCounts) : []), heads.measures),
      entries: rowSource(entryTotal, () => (entryTotal ? pass<CatalogEntry>(ENTRIES, entryCounts) : []), heads.entries),
    },
    summary: summarize(streamable),
  };
}

/** The kept entries of every catalog (or of catalog `only`), each with the index of its catalog, as secondPass gives them. */
function* keptRows(kept: KeptEntries, counts: number[], only?: number): Generator<[number, CatalogEntry]> {
  let from = 0;
  for (let c = 0; c < counts.length; c++) {
    const to = from + counts[c];
    if (only === undefined || only === c) for (const e of kept.rows(from, to)) yield [c, e];
    from = to;
  }
}

/** The kept measures of every plan (or of plan `only`), each with the index of its plan, as secondPass gives them. */
function* keptMeasureRows<T>(kept: unknown[][], counts: number[], only?: number): Generator<[number, T]> {
  for (let p = 0; p < counts.length; p++) if (only === undefined || only === p) for (const m of kept[p] ?? []) yield [p, m as T];
}

function* values<T>(rows: Iterable<[number, T]>): Generator<T> {
  for (const [, row] of rows) yield row;
}

/**
 * Pass 2: the rows of one kind in file order, each with the index of its
 * list (only those of list `only`, when given, stopping after its last).
 * The rows were checked in pass 1, and the source vouches that the bytes
 * are the same, so they are only parsed.
 */
function* secondPass<T>(source: ByteSource, kind: RowKind, counts: number[], only?: number): Generator<[number, T]> {
  if (only !== undefined && counts[only] === 0) return;
  const batch: [number, T][] = [];
  const scanner = new RowScanner({
    row(k, list, index, bytes, start, end) {
      if (k !== kind || (only !== undefined && list !== only)) return;
      batch.push([list, JSON.parse(source.text(bytes, start, end)) as T]);
      return only !== undefined && index === counts[only] - 1;
    },
  });
  for (const chunk of source.chunks()) {
    scanner.push(chunk);
    for (const row of batch) yield row;
    batch.length = 0;
    if (scanner.done) return;
  }
  scanner.end();
}
