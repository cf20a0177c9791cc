/**
 * Every word a report shows that is not data: sheet names, headings, column
 * titles, status words, explanations. Data is never translated.
 */
import type { Category, IndicatorKind, Status } from '../schema';
import type { ValueFormat } from '../value-format';

export type SheetKey = 'summary' | 'measures' | 'catalog' | 'indicators' | 'observations' | 'dashboard' | 'sources' | 'about';

export type MeasureField = 'plan' | 'id' | 'title' | 'group' | 'lead' | 'due' | 'status' | 'completed' | 'progress' | 'note';
export type EntryField = 'catalog' | 'product' | 'enterprise' | 'category' | 'registration' | 'listed' | 'hospitals';
export type IndicatorField =
  'id' | 'name' | 'region' | 'unit' | 'kind' | 'format' | 'decimals' | 'baselinePeriod' | 'baselineValue' | 'targetPeriod' | 'targetValue' | 'source' | 'note';
export type ObservationField = 'indicator' | 'period' | 'value' | 'growth';
export type SourceField = 'kind' | 'id' | 'title' | 'region' | 'issued' | 'source';

export interface Labels {
  sheets: Record<SheetKey, string>;
  /** The hidden helper columns and the hidden sheet that count plans' and groups' measures (figure-codes.ts). */
  calc: {
    planCode: string;
    groupCode: string;
    planKey: string;
    groupKey: string;
    code: string;
    count: string;
    observationCode: string;
    enterprise: string;
    pairCode: string;
    entries: string;
    catalogKey: string;
    enterpriseCode: string;
    newEnterprise: string;
    observationsEnd: string;
    outOfOrder: string;
    periodCode: string;
    periodStart: string;
    nextPeriodEnd: string;
  };
  measureFields: Record<MeasureField, string>;
  entryFields: Record<EntryField, string>;
  indicatorFields: Record<IndicatorField, string>;
  observationFields: Record<ObservationField, string>;
  sourceFields: Record<SourceField, string>;
  statuses: Record<Status, string>;
  categories: Record<Category, string>;
  kinds: Record<IndicatorKind, string>;
  /** An indicator's value format, as its Indicators cell shows it (value-format.ts). */
  formats: Record<ValueFormat, string>;
  sourceKinds: { plan: string; catalog: string; indicator: string };
  summary: {
    region: string;
    period: string;
    reportDate: string;
    periodEnd: string;
    plans: string;
    groups: string;
    catalogs: string;
    indicators: string;
    categories: string;
    category: string;
    planId: string;
    planTitle: string;
    groupNumber: string;
    group: string;
    catalogId: string;
    catalogTitle: string;
    indicatorId: string;
    indicatorName: string;
    unit: string;
    none: string;
  };
  figures: {
    measures: string;
    completed: string;
    completionRate: string;
    overdue: string;
    completedInPeriod: string;
    dueNext: string;
    products: string;
    enterprises: string;
    adopted: string;
    adoptionRate: string;
    latestPeriod: string;
    latest: string;
    growth: string;
    progress: string;
    cagr: string;
    requiredCagr: string;
  };
  charts: {
    plans: string;
    groups: string;
    categories: string;
    /** Series and columns of an indicator's small multiple on the dashboard. */
    period: string;
    value: string;
    target: string;
    dashboardTitle: string;
    dashboardIntro: string;
    /** The Dashboard's selector block: any indicator, chosen in a dropdown cell. */
    selectorTitle: string;
    selectorLabel: string;
    selectorNote: string;
    selectorPromptTitle: string;
    selectorPrompt: string;
    selectorChart: string;
  };
  /** A report made `--since` a previous one: its Changes and Trend sheets and the Summary's comparison block. */
  since: {
    changesSheet: string;
    trendSheet: string;
    changesTitle: string;
    /** `Previous report: {period}` and how many changes. */
    previousReport: string;
    changeCount: string;
    none: string;
    kind: string;
    owner: string;
    item: string;
    title: string;
    field: string;
    before: string;
    after: string;
    kinds: Record<import('../since/match').ChangeKind, string>;
    fields: Record<import('../since/match').ChangeField, string>;
    /** The Summary's block: `Compared with {period}`. */
    comparedWith: string;
    figure: string;
    /** The previous report's column: `Previous ({period})`, or without the period when the block's title says it. */
    previous: string;
    now: string;
    change: string;
    trendTitle: string;
    trendIntro: string;
    ratesByPeriod: string;
    allFigures: string;
    period: string;
    chartTitle: string;
  };
  /** Hidden helper columns of the Indicators sheet. */
  helpers: { latestValueMonth: string; latestValueRow: string; latestMonth: string; latestRow: string; priorRow: string; valueFormat: string };
  about: {
    title: string;
    intro: string;
    figure: string;
    howComputed: string;
    workbookName: string;
    explanations: Record<keyof Labels['figures'] | 'reportDate', string>;
    notes: string[];
    provenance: string;
    provenanceKeys: { format: string; template: string; generator: string; period: string; locale: string; generated: string };
  };
  /** The footer's page numbers: `<page> 1 <of> 9 <after>`. */
  print: { page: string; of: string; after: string };
  validation: {
    statusTitle: string;
    statusPrompt: string;
    dateTitle: string;
    datePrompt: string;
    progressTitle: string;
    progressPrompt: string;
    categoryTitle: string;
    categoryPrompt: string;
    hospitalsTitle: string;
    hospitalsPrompt: string;
    numberTitle: string;
    numberPrompt: string;
    formatTitle: string;
    formatPrompt: string;
    decimalsTitle: string;
    decimalsPrompt: string;
  };
}
