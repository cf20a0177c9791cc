/**
 * The measures and catalog entries of a report's data, with their figures:
 * the one way the report builder reaches them. Read whole, they are the
 * data's own lists (dataRows); read as a stream (a large JSON file,
 * stream/read.ts), their figures were counted when the file was checked and
 * the rows are read again from the file on each pass.
 */
import { reportFigures, type ReportFigures } from './figures';
import { HEAD_ROWS, rowSource, type RowSource } from './row-source';
import type { CatalogEntry, Measure, StreamableData } from './schema';

export interface DataRows {
  figures: ReportFigures;
  /** Every plan's measures in order, each with the index of its plan. */
  measures: RowSource<[plan: number, measure: Measure]>;
  /** Every catalog's entries in order, each with the index of its catalog. */
  entries: RowSource<[catalog: number, entry: CatalogEntry]>;
}

/** The rows of data held in memory: its own lists, and the figures counted from them. */
export function dataRows(data: StreamableData): DataRows {
  const plans = data.plans ?? [];
  const catalogs = data.catalogs ?? [];
  const measures = function* (): Generator<[number, Measure]> {
    for (let p = 0; p < plans.length; p++) for (const measure of plans[p].measures) yield [p, measure];
  };
  const entries = function* (): Generator<[number, CatalogEntry]> {
    for (let c = 0; c < catalogs.length; c++) for (const entry of catalogs[c].entries) yield [c, entry];
  };
  return {
    figures: reportFigures(data),
    measures: rowSource(
      plans.reduce((n, p) => n + p.measures.length, 0),
      measures,
      plans.every((p) => Array.isArray(p.measures)) ? first(measures()) : undefined,
    ),
    entries: rowSource(
      catalogs.reduce((n, c) => n + c.entries.length, 0),
      entries,
      catalogs.every((c) => Array.isArray(c.entries)) ? first(entries()) : undefined,
    ),
  };
}

/** The first HEAD_ROWS rows of lists in memory (the row sources' head: a sample for the print plan). */
function first<T>(rows: Iterator<T>): T[] {
  const out: T[] = [];
  for (let r = rows.next(); !r.done && out.length < HEAD_ROWS; r = rows.next()) out.push(r.value);
  return out;
}
