/**
 * Hand-written checks of one catalog entry and one measure that accept
 * exactly what the schema's entrySchema and measureSchema accept (a property
 * test holds them to it), at a tenth of zod's cost: the streamed reading
 * checks every row of a large file. They only say yes or no: a row they
 * refuse is checked again with the schema, whose verdict and messages stand.
 * The check of an observation accepts those the schema gives back unchanged
 * (reading a data file checks its 40,000 observations with it, and the
 * schema only when one is refused).
 */
import { isIsoDate, isPeriod } from '../periods';
import { CATEGORIES, FIRST_DATE, ID_PATTERN, INDICATOR_KINDS, MAX_TEXT, STATUSES, type CatalogEntry, type Measure } from '../schema';
import { MAX_DECIMALS, VALUE_FORMATS } from '../value-format';

const ENTRY_KEYS = new Set(['product', 'enterprise', 'category', 'registration', 'listed', 'hospitals']);
const MEASURE_KEYS = new Set(['id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note']);
const CATEGORY_SET = new Set<unknown>(CATEGORIES);
const STATUS_SET = new Set<unknown>(STATUSES);

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Whether every key of `v` is allowed: for...in, with no array of keys and no callback a row (JSON.parse's objects have no inherited keys). */
function onlyKeys(v: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const k in v) if (!allowed.has(k)) return false;
  return true;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isRequiredText = (v: unknown) => isText(v) && v.trim().length > 0;
const isOptionalText = (v: unknown) => v === undefined || isText(v);
const isOptionalDate = (v: unknown) => v === undefined || (isIsoDate(v) && v >= FIRST_DATE);

/** Whether entrySchema accepts `v` as it is (its output is then `v`'s own fields). */
export function isValidEntry(v: unknown): v is CatalogEntry {
  if (!isMapping(v) || !onlyKeys(v, ENTRY_KEYS)) return false;
  const h = v.hospitals;
  return (
    isRequiredText(v.product) &&
    isRequiredText(v.enterprise) &&
    CATEGORY_SET.has(v.category) &&
    isOptionalText(v.registration) &&
    isOptionalDate(v.listed) &&
    (h === undefined || (typeof h === 'number' && Number.isSafeInteger(h) && h >= 0))
  );
}

/** Whether measureSchema accepts `v` as it is (its output is then `v`'s own fields). */
export function isValidMeasure(v: unknown): v is Measure {
  if (!isMapping(v) || !onlyKeys(v, MEASURE_KEYS)) return false;
  const p = v.progress;
  return (
    typeof v.id === 'string' &&
    ID_PATTERN.test(v.id) &&
    isRequiredText(v.title) &&
    isOptionalText(v.group) &&
    isOptionalText(v.lead) &&
    isOptionalDate(v.due) &&
    STATUS_SET.has(v.status) &&
    isOptionalDate(v.completed) &&
    (p === undefined || (typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1)) &&
    isOptionalText(v.note)
  );
}

/** The measure schema's keys, in the order of its output. */
const MEASURE_ORDER = ['id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note'];

/**
 * Whether measureSchema accepts `v` and gives it back unchanged: isValidMeasure, its keys in the schema's order (the
 * order of the schema's output). Reading a data file checks its measures with it (50,000 in `form --all`'s bench), and
 * with the schema only when one is refused.
 */
export function isMeasureGivenBack(v: unknown): boolean {
  return isValidMeasure(v) && keysInOrder(v, MEASURE_ORDER);
}

const OBSERVATION_KEYS = ['period', 'value', 'growth'];
const isOptionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/**
 * Whether observationSchema accepts `v` and gives it back unchanged: its period as text (a period written as a
 * number, which the schema turns into text, is not), its keys in the schema's order (the order of the schema's
 * output). Every observation this accepts the schema accepts; one it refuses may still be valid.
 */
export function isValidObservation(v: unknown): boolean {
  if (!isMapping(v) || !keysInOrder(v, OBSERVATION_KEYS)) return false;
  return (
    typeof v.period === 'string' &&
    isPeriod(v.period) &&
    isOptionalNumber(v.value) &&
    isOptionalNumber(v.growth) &&
    (v.value !== undefined || v.growth !== undefined)
  );
}

/** Whether `v`'s keys are some of `order`'s, in that order (the order of the schema's output). */
function keysInOrder(v: Record<string, unknown>, order: readonly string[]): boolean {
  let k = 0;
  for (const key of Object.keys(v)) {
    while (k < order.length && order[k] !== key) k++;
    if (k++ === order.length) return false;
  }
  return true;
}

const POINT_KEYS = ['period', 'value'];
const INDICATOR_KEYS = ['id', 'name', 'region', 'unit', 'kind', 'format', 'decimals', 'baseline', 'target', 'source', 'note', 'observations'];
const KIND_SET = new Set<unknown>(INDICATOR_KINDS);
const FORMAT_SET = new Set<unknown>(VALUE_FORMATS);

/** Whether the schema's point (a baseline or target) accepts `v` and gives it back unchanged. */
const isValidPoint = (v: unknown) =>
  isMapping(v) && keysInOrder(v, POINT_KEYS) && typeof v.period === 'string' && isPeriod(v.period) && typeof v.value === 'number' && Number.isFinite(v.value);
const isOptionalPoint = (v: unknown) => v === undefined || isValidPoint(v);

/**
 * Whether indicatorSchema accepts `v` and gives it back unchanged, as isValidObservation says of an observation (its
 * observations included). Every indicator this accepts the schema accepts; one it refuses may still be valid.
 */
export function isValidIndicator(v: unknown): boolean {
  if (!isMapping(v) || !keysInOrder(v, INDICATOR_KEYS)) return false;
  const d = v.decimals;
  const valid =
    typeof v.id === 'string' &&
    ID_PATTERN.test(v.id) &&
    isRequiredText(v.name) &&
    isOptionalText(v.region) &&
    isOptionalText(v.unit) &&
    (v.kind === undefined || KIND_SET.has(v.kind)) &&
    (v.format === undefined || FORMAT_SET.has(v.format)) &&
    (d === undefined || (typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= MAX_DECIMALS)) &&
    // A whole number's decimals can only be 0 (indicatorSchema's refinement).
    !(v.format === 'integer' && d !== undefined && d !== 0) &&
    isOptionalPoint(v.baseline) &&
    isOptionalPoint(v.target) &&
    isOptionalText(v.source) &&
    isOptionalText(v.note) &&
    Array.isArray(v.observations);
  if (!valid) return false;
  for (const o of v.observations as unknown[]) if (!isValidObservation(o)) return false;
  return true;
}

/**
 * Whether every measure of a data file's parsed value is one isMeasureGivenBack accepts (false when the value is not
 * shaped as data, or a plan not as a plan with a list of measures): then its measures need no check by the schema
 * (schema.ts, dataSchemaRowsChecked).
 */
export function everyMeasureValid(value: unknown): boolean {
  if (!isMapping(value)) return false;
  const plans = value.plans;
  if (plans === undefined) return true;
  if (!Array.isArray(plans)) return false;
  for (const plan of plans as unknown[]) {
    if (!isMapping(plan) || !Array.isArray(plan.measures)) return false;
    for (const m of plan.measures as unknown[]) if (!isMeasureGivenBack(m)) return false;
  }
  return true;
}

/**
 * Whether every indicator of a data file's parsed value is one that isValidIndicator accepts (false when the value is
 * not shaped as data at all): then its indicators need no check by the schema (schema.ts, dataSchemaIndicatorsChecked).
 */
export function everyIndicatorValid(value: unknown): boolean {
  if (!isMapping(value)) return false;
  const indicators = value.indicators;
  if (indicators === undefined) return true;
  return Array.isArray(indicators) && indicators.every(isValidIndicator);
}
