/**
 * Hand-written checks of one catalog entry and one measure that accept
 * exactly what the schema's entrySchema and measureSchema accept (a property
 * test holds them to it), at a tenth of zod's cost: the streamed reading
 * checks every row of a large file. They only say yes or no: a row they
 * refuse is checked again with the schema, whose verdict and messages stand.
 */
import { isIsoDate } from '../periods';
import { CATEGORIES, FIRST_DATE, ID_PATTERN, MAX_TEXT, STATUSES, type CatalogEntry, type Measure } from '../schema';

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
