/**
 * The data file, `plan-report/v1`, as one zod schema (data-format.md).
 * Structural rules live here; rules that relate items to each other
 * (duplicate ids, colliding name keys, groups, period kinds) live in rules.ts.
 */
import { z } from 'zod';
import { said } from './messages/said';
import { DATA_CHECKS as M, expectedExactly, expectedOneOf, unknownKey } from './messages/data-checks';
import { isIsoDate, isPeriod, period, periodEnd } from './periods';
import type { RowSource } from './row-source';
import { MAX_DECIMALS, VALUE_FORMATS } from './value-format';

export const FORMAT = 'plan-report/v1';
export const MAX_TEXT = 32767;
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export const STATUSES = ['not-started', 'in-progress', 'completed', 'delayed', 'cancelled'] as const;
export const CATEGORIES = ['drug', 'device', 'consumable', 'diagnostic', 'other'] as const;
export const LOCALES = ['en', 'zh-CN'] as const;
export const INDICATOR_KINDS = ['level', 'cumulative'] as const;

export type Status = (typeof STATUSES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Locale = (typeof LOCALES)[number];
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** A strict object whose unknown keys are reported with the keys it allows (data files and templates alike). */
export function record<T extends z.ZodRawShape>(shape: T) {
  const unknown = unknownKey(Object.keys(shape));
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return unknown.message;
      if (iss.code === 'invalid_type') return M.mapping.message;
      return undefined;
    },
  });
}

/** A spreadsheet cell holds at most 32,767 UTF-16 units (an emoji counts twice), which is what `length` counts. */
const text = () => z.string({ error: M.text.message }).refine((s) => s.length <= MAX_TEXT, { error: M.textTooLong.message });

const requiredText = () => text().refine((s) => s.trim().length > 0, { error: M.nonEmpty.message });

const id = () => z.string({ error: M.idText.message }).regex(ID_PATTERN, { error: M.idPattern.message });

/** The first date a spreadsheet shows right: Excel's serials before it count a 29 February 1900 that never was. */
export const FIRST_DATE = '1900-03-01';

const isoDate = () =>
  z
    .string({ error: M.date.message })
    .refine(isIsoDate, { error: M.date.message })
    .refine((s) => !isIsoDate(s) || s >= FIRST_DATE, { error: M.firstDate.message });

const PERIOD_EXPECTED = M.period.message;
const DATE_OR_PERIOD_EXPECTED = M.dateOrPeriod.message;

/** A period; YAML reads an unquoted `2020` as a number, so numbers are accepted and kept as text. */
const periodText = () =>
  z.custom<string | number>((v) => (typeof v === 'string' || typeof v === 'number') && isPeriod(v), { error: PERIOD_EXPECTED }).transform((v) => String(v));

const dateOrPeriod = () =>
  z
    .custom<string | number>((v) => (typeof v === 'string' || typeof v === 'number') && (isIsoDate(v) || isPeriod(v)), {
      error: DATE_OR_PERIOD_EXPECTED,
    })
    .transform((v) => String(v));

const number = () => z.number({ error: M.number.message });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: expectedOneOf(values).message });

export const measureSchema = record({
  id: id(),
  title: requiredText(),
  group: text().optional(),
  lead: text().optional(),
  due: isoDate().optional(),
  status: oneOf(STATUSES),
  completed: isoDate().optional(),
  progress: number().min(0, { error: M.share.message }).max(1, { error: M.share.message }).optional(),
  note: text().optional(),
});

const planWith = <M extends z.ZodType>(measure: M) =>
  record({
    id: id(),
    title: requiredText(),
    region: text().optional(),
    issued: isoDate().optional(),
    source: text().optional(),
    groups: z.array(requiredText(), { error: M.groups.message }).optional(),
    measures: z.array(measure, { error: M.measures.message }),
  });

export const planSchema = planWith(measureSchema);

export const entrySchema = record({
  product: requiredText(),
  enterprise: requiredText(),
  category: oneOf(CATEGORIES),
  registration: text().optional(),
  listed: isoDate().optional(),
  hospitals: z.int({ error: M.wholeNumber.message }).min(0, { error: M.wholeNumber.message }).optional(),
});

export const catalogSchema = record({
  id: id(),
  title: requiredText(),
  region: text().optional(),
  issued: dateOrPeriod().optional(),
  entries: z.array(entrySchema, { error: M.entries.message }),
});

const pointSchema = record({ period: periodText(), value: number() });

export const observationSchema = record({
  period: periodText(),
  value: number().optional(),
  growth: number().optional(),
}).refine((o) => o.value !== undefined || o.growth !== undefined, {
  error: M.valueOrGrowth.message,
});

const DECIMALS_EXPECTED = said(`expected a whole number of decimals from 0 to ${MAX_DECIMALS}`, `应为 0 至 ${MAX_DECIMALS} 之间的整数（小数位数）`).message;

export const indicatorSchema = record({
  id: id(),
  name: requiredText(),
  region: text().optional(),
  unit: text().optional(),
  kind: oneOf(INDICATOR_KINDS).optional(),
  /** What the values are, and so how they print (value-format.ts). */
  format: oneOf(VALUE_FORMATS).optional(),
  decimals: z.int({ error: DECIMALS_EXPECTED }).min(0, { error: DECIMALS_EXPECTED }).max(MAX_DECIMALS, { error: DECIMALS_EXPECTED }).optional(),
  baseline: pointSchema.optional(),
  target: pointSchema.optional(),
  /** Where the figures come from, and what a reader should know about them (listed on the Sources sheet). */
  source: text().optional(),
  note: text().optional(),
  observations: z.array(observationSchema, { error: M.observations.message }),
}).superRefine((ind, ctx) => {
  if (ind.format === 'integer' && ind.decimals !== undefined && ind.decimals !== 0)
    ctx.addIssue({
      code: 'custom',
      path: ['decimals'],
      input: ind.decimals,
      message: M.integerDecimals.message,
    });
});

export const reportSchema = record({
  title: requiredText(),
  region: requiredText(),
  // Its last day is a date cell of the workbook (Report_Period_End).
  period: periodText().refine((p) => periodEnd(period(p)) >= FIRST_DATE, {
    error: M.periodEnd.message,
  }),
  date: isoDate().optional(),
  locale: oneOf(LOCALES).optional(),
});

const dataWith = <I extends z.ZodType, P extends z.ZodType>(indicator: I, plan: P) =>
  record({
    format: z.literal(FORMAT, { error: expectedExactly(FORMAT).message }),
    report: reportSchema,
    plans: z.array(plan, { error: M.plans.message }).optional(),
    catalogs: z.array(catalogSchema, { error: M.catalogs.message }).optional(),
    indicators: z.array(indicator, { error: M.indicators.message }).optional(),
  });

export const dataSchema = dataWith(indicatorSchema, planSchema);

/**
 * dataSchema for data whose every indicator is known to be one that indicatorSchema accepts and gives back unchanged
 * (stream/row-checks.ts, everyIndicatorValid): its indicators are taken as they are, not checked again. Any other data
 * is for dataSchema itself, whose verdict and messages stand.
 */
export const dataSchemaIndicatorsChecked = dataWith(z.custom<z.output<typeof indicatorSchema>>(), planSchema);

/** dataSchemaIndicatorsChecked for data whose every measure, too, is one measureSchema gives back unchanged (everyMeasureValid). */
export const dataSchemaRowsChecked = dataWith(z.custom<z.output<typeof indicatorSchema>>(), planWith(z.custom<z.output<typeof measureSchema>>()));

export type ReportData = z.infer<typeof dataSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogEntry = z.infer<typeof entrySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Point = z.infer<typeof pointSchema>;

/**
 * The data as the report builder reads it: its measures and catalog entries
 * are row sources (row-source.ts), the lists themselves when the file was
 * read whole, rows read again from the file when it was read as a stream
 * (stream/read.ts). ReportData is one.
 */
export type StreamablePlan = Omit<Plan, 'measures'> & { measures: RowSource<Measure> };
export type StreamableCatalog = Omit<Catalog, 'entries'> & { entries: RowSource<CatalogEntry> };
export type StreamableData = Omit<ReportData, 'plans' | 'catalogs'> & { plans?: StreamablePlan[]; catalogs?: StreamableCatalog[] };
