/**
 * The streamed reading's hand-written row checks (src/core/stream/row-checks.ts)
 * accept exactly what the schema accepts: a catalog entry or a measure near
 * the edges of every field (empty and blank text, the cell's length limit,
 * impossible and too early dates, negative, fractional and unsafe numbers,
 * unknown and missing keys, values of the wrong type).
 */
import fc from 'fast-check';
import { CATEGORIES, entrySchema, FIRST_DATE, MAX_TEXT, measureSchema, STATUSES } from '../../../src/core/schema';
import { isValidEntry, isValidMeasure } from '../../../src/core/stream/row-checks';

const other = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constant([]), fc.constant({}), fc.constant(['a']));
const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u3000',
    '\t\n',
    'x',
    ' x ',
    '苏州某某医疗器械有限公司',
    'x'.repeat(MAX_TEXT),
    'x'.repeat(MAX_TEXT + 1),
    '😀'.repeat(MAX_TEXT / 2 + 1),
  ),
  other,
);
const date = fc.oneof(
  fc.constantFrom(
    '2024-02-29',
    '2023-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-1-1',
    FIRST_DATE,
    '1900-02-28',
    '0001-01-01',
    '9999-12-31',
    '2024-01-01T00:00',
  ),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string(),
  other,
);
const count = fc.oneof(
  fc.integer({ min: -3, max: 1000 }),
  fc.constantFrom(0, -0, 0.5, -1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 60, 1e21, Infinity, NaN),
  fc.double(),
  text,
);
const share = fc.oneof(fc.double({ min: -0.5, max: 1.5 }), fc.constantFrom(0, -0, 1, 1.0000001, -1e-9, Infinity, NaN), fc.double(), text);
const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), fc.constantFrom('', 'a'.repeat(41), 'M 1', 'M*1', 'M-1'), text);
const unknownKey = fc.option(fc.constantFrom('products', 'Category', '__proto__', 'note', 'id', 'x'), { nil: undefined });

/** A mapping as JSON.parse gives it (no Infinity or NaN) with some of `fields` (each maybe of a wrong kind), maybe one unknown key. */
function mapping(fields: Record<string, fc.Arbitrary<unknown>>) {
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), unknownKey, text).map(([value, extra, v]) => {
    const out = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    if (extra !== undefined) Object.defineProperty(out, extra, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  });
}

const entry = fc.oneof(
  mapping({
    product: text,
    enterprise: text,
    category: fc.oneof(fc.constantFrom(...CATEGORIES, 'Drug', 'devices', ''), other),
    registration: text,
    listed: date,
    hospitals: count,
  }),
  other,
);

const measure = fc.oneof(
  mapping({
    id,
    title: text,
    group: text,
    lead: text,
    due: date,
    status: fc.oneof(fc.constantFrom(...STATUSES, 'done', 'Completed', ''), other),
    completed: date,
    progress: share,
    note: text,
  }),
  other,
);

describe('the streamed reading’s row checks', () => {
  it('accept a catalog entry exactly when the schema does', () => {
    fc.assert(
      fc.property(entry, (v) => {
        expect(isValidEntry(v)).toBe(entrySchema.safeParse(v).success);
      }),
      { numRuns: 20_000 },
    );
  });

  it('accept a measure exactly when the schema does', () => {
    fc.assert(
      fc.property(measure, (v) => {
        expect(isValidMeasure(v)).toBe(measureSchema.safeParse(v).success);
      }),
      { numRuns: 20_000 },
    );
  });

  it('accept the rows of a typical file, as the schema does', () => {
    const e = { product: 'Xinli® stent, model A10', enterprise: 'Suzhou Xinli Medical Co., Ltd.', category: 'device', listed: '2024-05-01', hospitals: 12 };
    const m = { id: 'BJ-1', title: 'Open hospitals to foreign investment', status: 'completed', due: '2022-12-31', progress: 1 };
    expect([isValidEntry(e), entrySchema.safeParse(e).success]).toEqual([true, true]);
    expect([isValidMeasure(m), measureSchema.safeParse(m).success]).toEqual([true, true]);
  });
});
