/**
 * What every sheet builder needs to know: the data, its figures, the words of
 * the locale, and where each data column lands, decided once from the template
 * so that formulas on one sheet can point into another.
 */
import { dataRows, type DataRows } from '../data-rows';
import type { ReportFigures } from '../figures';
import { labelsFor } from '../i18n';
import type { EntryField, IndicatorField, Labels, MeasureField, ObservationField, SheetKey } from '../i18n/labels';
import { period, periodEnd } from '../periods';
import { reportDate } from '../report-defaults';
import { mapRows, type RowSource } from '../row-source';
import type { CatalogEntry, Locale, Measure, StreamableCatalog, StreamableData, StreamablePlan } from '../schema';
import { ENTRY_FIELDS, INDICATOR_FIELDS, localized, MEASURE_FIELDS, OBSERVATION_FIELDS, type Section, type Template } from '../template';
import { resolveColumns, type ResolvedColumns } from './columns';
import type { ColumnRange } from './formulas';
import type { Change } from '../since/match';
import type { Previous } from '../since/previous';

/** Rows below the data that still get validations and formats, for rows an official appends. */
export const ROOM_ROWS = 1000;

export interface BuildOptions {
  /** `plan-report 0.1.0`: recorded in the workbook. */
  generator: string;
  /** ISO timestamp recorded in the workbook; fixed in tests. */
  generatedAt: string;
  /** Native charts (default true; `generate --no-charts` turns them off). */
  charts?: boolean;
  /** The previous report (`generate --since`): adds the Changes and Trend sheets and the Summary's comparison block. */
  previous?: Previous;
}

/** A report made since a previous one: that report, and what changed. */
export interface Since {
  previous: Previous;
  changes: Change[];
}

export interface Context {
  /** The data; its measures and catalog entries are reached through `rows`. */
  data: StreamableData;
  figures: ReportFigures;
  /** The measures and catalog entries, in memory or read again from a large file. */
  rows: DataRows;
  template: Template;
  locale: Locale;
  labels: Labels;
  options: BuildOptions;
  date: string;
  periodEnd: string;
  sheetName: Record<SheetKey, string>;
  has: Record<SheetKey, boolean>;
  measures: ResolvedColumns<MeasureField>;
  entries: ResolvedColumns<EntryField>;
  indicators: ResolvedColumns<IndicatorField>;
  observations: ResolvedColumns<ObservationField>;
  /** Set when the report is made since a previous one. */
  since?: Since;
  /** A data column as a formula range. */
  col: {
    measure(field: MeasureField): ColumnRange;
    entry(field: EntryField): ColumnRange;
    observation(field: ObservationField): ColumnRange;
  };
}

const MEASURE_WIDTHS: Partial<Record<MeasureField, number>> = {
  plan: 16,
  id: 10,
  title: 60,
  group: 26,
  lead: 28,
  due: 12,
  status: 13,
  completed: 13,
  progress: 10,
  note: 48,
};
const ENTRY_WIDTHS: Partial<Record<EntryField, number>> = {
  catalog: 16,
  product: 40,
  enterprise: 40,
  category: 13,
  registration: 22,
  listed: 12,
  hospitals: 12,
};
const INDICATOR_WIDTHS: Partial<Record<IndicatorField, number>> = {
  id: 16,
  name: 36,
  region: 24,
  unit: 18,
  kind: 12,
  format: 12,
  decimals: 10,
  baselinePeriod: 10,
  baselineValue: 12,
  targetPeriod: 10,
  targetValue: 12,
  source: 30,
  note: 36,
};
const OBSERVATION_WIDTHS: Partial<Record<ObservationField, number>> = { indicator: 18, period: 10, value: 14, growth: 14 };

function sectionOf<K extends Section['section']>(t: Template, kind: K): Extract<Section, { section: K }> | undefined {
  return t.sections.find((s) => s.section === kind) as Extract<Section, { section: K }> | undefined;
}

export function makeContext(template: Template, data: StreamableData, locale: Locale, options: BuildOptions, streamed?: DataRows): Context {
  const labels = labelsFor(locale);
  const sheetName = { ...labels.sheets };
  const has = { summary: false, measures: false, catalog: false, indicators: false, observations: false, dashboard: false, sources: false, about: false };
  for (const s of template.sections) {
    has[s.section] = true;
    const title = localized(s.title, locale);
    if (title) sheetName[s.section] = title;
    if (s.section === 'indicators') {
      has.observations = true;
      const obsTitle = localized(s.observationsTitle, locale);
      if (obsTitle) sheetName.observations = obsTitle;
    }
  }
  const measures = resolveColumns(sectionOf(template, 'measures')?.columns, MEASURE_FIELDS, labels.measureFields, MEASURE_WIDTHS, locale);
  const entries = resolveColumns(sectionOf(template, 'catalog')?.columns, ENTRY_FIELDS, labels.entryFields, ENTRY_WIDTHS, locale);
  const indicatorSection = sectionOf(template, 'indicators');
  const indicators = resolveColumns(indicatorSection?.columns, INDICATOR_FIELDS, labels.indicatorFields, INDICATOR_WIDTHS, locale);
  const observations = resolveColumns(indicatorSection?.observationColumns, OBSERVATION_FIELDS, labels.observationFields, OBSERVATION_WIDTHS, locale);

  const rows = streamed ?? dataRows(data);
  return {
    data,
    figures: rows.figures,
    rows,
    template,
    locale,
    labels,
    options,
    date: reportDate(data),
    periodEnd: periodEnd(period(data.report.period)),
    sheetName,
    has,
    measures,
    entries,
    indicators,
    observations,
    col: {
      measure: (f) => ({ sheet: sheetName.measures, letter: measures.letter(f) }),
      entry: (f) => ({ sheet: sheetName.catalog, letter: entries.letter(f) }),
      observation: (f) => ({ sheet: sheetName.observations, letter: observations.letter(f) }),
    },
  };
}

/** The Measures sheet's items: every plan's measures in order, each with its plan. */
export function measureItems(ctx: Context): RowSource<{ plan: StreamablePlan; measure: Measure }> {
  const plans = ctx.data.plans ?? [];
  return mapRows(ctx.rows.measures, ([p, measure]) => ({ plan: plans[p], measure }));
}

/** The Catalog sheet's items: every catalog's entries in order, each with its catalog. */
export function entryItems(ctx: Context): RowSource<{ catalog: StreamableCatalog; entry: CatalogEntry }> {
  const catalogs = ctx.data.catalogs ?? [];
  return mapRows(ctx.rows.entries, ([c, entry]) => ({ catalog: catalogs[c], entry }));
}
