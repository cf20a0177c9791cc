/**
 * The data file, `plan-report/v1`, as one zod schema (data-format.md).
 * Structural rules live here; rules that relate items to each other
 * (duplicate ids, colliding name keys, groups, period kinds) live in rules.ts.
 */
import { z } from 'zod';
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
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return `unknown key; expected one of: ${allowed}`;
      if (iss.code === 'invalid_type') return 'expected a mapping of keys to values';
      return undefined;
    },
  });
}

/** A spreadsheet cell holds at most 32,767 UTF-16 units (an emoji counts twice), which is what `length` counts. */
const text = () =>
  z
    .string({ error: 'expected text' })
    .refine((s) => s.length <= MAX_TEXT, { error: `expected at most ${MAX_TEXT} characters (the limit of one spreadsheet cell)` });

const requiredText = () => text().refine((s) => s.trim().length > 0, { error: 'expected non-empty text' });

const id = () => z.string({ error: 'expected an id (text)' }).regex(ID_PATTERN, { error: 'expected an id of 1-40 characters A-Z a-z 0-9 . _ -' });

/** The first date a spreadsheet shows right: Excel's serials before it count a 29 February 1900 that never was. */
export const FIRST_DATE = '1900-03-01';

const isoDate = () =>
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .refine(isIsoDate, { error: 'expected a date written YYYY-MM-DD' })
    .refine((s) => !isIsoDate(s) || s >= FIRST_DATE, { error: `expected a date from ${FIRST_DATE} on (Excel shows earlier dates wrongly)` });

const PERIOD_EXPECTED = 'expected a period (2024, 2024-H1, 2024-Q3 or 2024-07)';
const DATE_OR_PERIOD_EXPECTED = 'expected a date (YYYY-MM-DD) or a period (2024, 2024-Q3, 2024-07)';

/** A period; YAML reads an unquoted `2020` as a number, so numbers are accepted and kept as text. */
const periodText = () =>
  z.custom<string | number>((v) => (typeof v === 'string' || typeof v === 'number') && isPeriod(v), { error: PERIOD_EXPECTED }).transform((v) => String(v));

const dateOrPeriod = () =>
  z
    .custom<string | number>((v) => (typeof v === 'string' || typeof v === 'number') && (isIsoDate(v) || isPeriod(v)), {
      error: DATE_OR_PERIOD_EXPECTED,
    })
    .transform((v) => String(v));

const number = () => z.number({ error: 'expected a finite number' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `expected one of ${values.join(' | ')}` });

export const measureSchema = record({
  id: id(),
  title: requiredText(),
  group: text().optional(),
  lead: text().optional(),
  due: isoDate().optional(),
  status: oneOf(STATUSES),
  completed: isoDate().optional(),
  progress: number().min(0, { error: 'expected a number from 0 to 1' }).max(1, { error: 'expected a number from 0 to 1' }).optional(),
  note: text().optional(),
});

export const planSchema = record({
  id: id(),
  title: requiredText(),
  region: text().optional(),
  issued: isoDate().optional(),
  source: text().optional(),
  groups: z.array(requiredText(), { error: 'expected a list of group names' }).optional(),
  measures: z.array(measureSchema, { error: 'expected a list of measures' }),
});

export const entrySchema = record({
  product: requiredText(),
  enterprise: requiredText(),
  category: oneOf(CATEGORIES),
  registration: text().optional(),
  listed: isoDate().optional(),
  hospitals: z.int({ error: 'expected a whole number >= 0' }).min(0, { error: 'expected a whole number >= 0' }).optional(),
});

export const catalogSchema = record({
  id: id(),
  title: requiredText(),
  region: text().optional(),
  issued: dateOrPeriod().optional(),
  entries: z.array(entrySchema, { error: 'expected a list of catalog entries' }),
});

const pointSchema = record({ period: periodText(), value: number() });

export const observationSchema = record({
  period: periodText(),
  value: number().optional(),
  growth: number().optional(),
}).refine((o) => o.value !== undefined || o.growth !== undefined, {
  error: 'expected a value, a growth, or both',
});

const DECIMALS_EXPECTED = `expected a whole number of decimals from 0 to ${MAX_DECIMALS}`;

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
  observations: z.array(observationSchema, { error: 'expected a list of observations' }),
}).superRefine((ind, ctx) => {
  if (ind.format === 'integer' && ind.decimals !== undefined && ind.decimals !== 0)
    ctx.addIssue({
      code: 'custom',
      path: ['decimals'],
      input: ind.decimals,
      message: 'expected no decimals (or 0) for format integer; use format number for decimals',
    });
});

export const reportSchema = record({
  title: requiredText(),
  region: requiredText(),
  // Its last day is a date cell of the workbook (Report_Period_End).
  period: periodText().refine((p) => periodEnd(period(p)) >= FIRST_DATE, {
    error: `expected a period that ends on ${FIRST_DATE} or later (Excel shows earlier dates wrongly)`,
  }),
  date: isoDate().optional(),
  locale: oneOf(LOCALES).optional(),
});

export const dataSchema = record({
  format: z.literal(FORMAT, { error: `expected exactly "${FORMAT}"` }),
  report: reportSchema,
  plans: z.array(planSchema, { error: 'expected a list of plans' }).optional(),
  catalogs: z.array(catalogSchema, { error: 'expected a list of catalogs' }).optional(),
  indicators: z.array(indicatorSchema, { error: 'expected a list of indicators' }).optional(),
});

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
