/**
 * The streamed reading's hand-written row checks (src/core/stream/row-checks.ts)
 * accept exactly what the schema accepts: a catalog entry or a measure near
 * the edges of every field (empty and blank text, the cell's length limit,
 * impossible and too early dates, negative, fractional and unsafe numbers,
 * unknown and missing keys, values of the wrong type); and an observation
 * exactly when the schema accepts it and gives it back as it is, so that
 * reading a data file whose observations it accepts gives what the schema
 * alone gives.
 */
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import { valueHint } from '../../../src/core/data-file/hints';
import { readStructured } from '../../../src/core/data-file/structured-text';
import { checkRules } from '../../../src/core/rules';
import {
  CATEGORIES,
  dataSchema,
  entrySchema,
  FIRST_DATE,
  indicatorSchema,
  MAX_TEXT,
  measureSchema,
  observationSchema,
  STATUSES,
} from '../../../src/core/schema';
import {
  everyIndicatorValid,
  everyMeasureValid,
  isMeasureGivenBack,
  isValidEntry,
  isValidIndicator,
  isValidMeasure,
  isValidObservation,
} from '../../../src/core/stream/row-checks';
import { reportData } from '../../support/arbitrary-data';

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

const period = fc.oneof(
  fc.constantFrom('2024', '2024-Q3', '2024-H1', '2024-07', '2024-12', '2024-Q5', '2024-H3', '2024-13', '2024-00', '24-Q1', '2024Q1', '2024-q3', ' 2024', ''),
  fc.constantFrom(2024, 2020.5, -2024, 0),
  text,
);
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(0, -0, 1e300), text);

/** An observation: its keys (known, maybe one unknown) in any order, each maybe of a wrong kind. */
const observation = fc.oneof(
  fc
    .tuple(mapping({ period, value: number, growth: number }), fc.boolean())
    .map(([o, reversed]) => (reversed ? (Object.fromEntries(Object.entries(o).reverse()) as Record<string, unknown>) : o)),
  other,
);

const point = fc.oneof(
  fc
    .tuple(mapping({ period, value: number }), fc.boolean())
    .map(([o, reversed]) => (reversed ? (Object.fromEntries(Object.entries(o).reverse()) as Record<string, unknown>) : o)),
  other,
);

/** An indicator: its fields near their edges, some observations, keys in the schema's order or not. */
const indicator = fc.oneof(
  fc
    .tuple(
      mapping({
        id,
        name: text,
        region: text,
        unit: text,
        kind: fc.oneof(fc.constantFrom('level', 'cumulative', 'Level', ''), other),
        format: fc.oneof(fc.constantFrom('percent', 'integer', 'number', 'Percentage', ''), other),
        decimals: fc.oneof(fc.constantFrom(0, 1, 2, 4, 5, -1, 1.5, -0), other),
        baseline: point,
        target: point,
        source: text,
        note: text,
        observations: fc.oneof(fc.array(fc.oneof(observation, fc.constant({ period: '2024-Q1', value: 1 })), { maxLength: 4 }), other),
      }),
      fc.boolean(),
    )
    .map(([o, swapped]) => {
      if (!swapped) return o;
      const [first, ...rest] = Object.entries(o);
      return Object.fromEntries(first ? [...rest, first] : []) as Record<string, unknown>;
    }),
  other,
);

/** A valid data set's indicator, as JSON.parse gives it, now and then with one field taken from `indicator` (maybe wrong). */
const dataIndicator = fc.tuple(reportData, indicator, fc.nat()).map(([data, other, k]) => {
  const list = JSON.parse(JSON.stringify(data.indicators ?? [])) as Record<string, unknown>[];
  if (!list.length) return other;
  const ind = list[k % list.length];
  const key = other && typeof other === 'object' && !Array.isArray(other) ? Object.keys(other)[0] : undefined;
  if (k % 3 === 0 && key !== undefined) ind[key] = (other as Record<string, unknown>)[key];
  return ind;
});

/** The schema's output is its input, key for key in the same order. */
const givesBackAsItIs = (v: unknown) => {
  const r = observationSchema.safeParse(v);
  return r.success && JSON.stringify(Object.entries(r.data)) === JSON.stringify(Object.entries(v as object));
};

/** A valid data set's measure, as JSON.parse gives it, now and then with one field taken from `measure` (maybe wrong). */
const dataMeasure = fc.tuple(reportData, measure, fc.nat()).map(([data, other, k]) => {
  const list = JSON.parse(JSON.stringify((data.plans ?? []).flatMap((p) => p.measures))) as Record<string, unknown>[];
  if (!list.length) return other;
  const m = list[k % list.length];
  const key = other && typeof other === 'object' && !Array.isArray(other) ? Object.keys(other)[0] : undefined;
  if (k % 3 === 0 && key !== undefined) m[key] = (other as Record<string, unknown>)[key];
  return m;
});

/** A measure with its keys in the schema's order, or its first key moved last. */
const orderedMeasure = fc.tuple(fc.oneof(measure, dataMeasure), fc.boolean()).map(([m, moved]) => {
  if (!moved || !m || typeof m !== 'object' || Array.isArray(m)) return m;
  const [first, ...rest] = Object.entries(m);
  return Object.fromEntries(first ? [...rest, first] : []) as Record<string, unknown>;
});

/** measureSchema's output is its input, key for key in the same order. */
const measureGivenBack = (v: unknown) => {
  const r = measureSchema.safeParse(v);
  return r.success && JSON.stringify(Object.entries(r.data)) === JSON.stringify(Object.entries(v as object));
};

/** The schema's output is its input, key for key in the same order, at every depth. */
const indicatorGivenBack = (v: unknown) => {
  const r = indicatorSchema.safeParse(v);
  return r.success && JSON.stringify(r.data) === JSON.stringify(v);
};

/** A data file's text read whole by the schema alone: its data, or its problems. */
const bySchemaAlone = (text: string) => {
  try {
    return readStructured(text, 'data.json', dataSchema, checkRules, 'json', valueHint);
  } catch (err) {
    return err;
  }
};
const byReadData = (text: string) => {
  try {
    return readData(text, 'data.json', 'json');
  } catch (err) {
    return err;
  }
};

type Lists = { plans?: { measures: unknown[] }[]; indicators?: { observations: unknown[] }[] };

/** Data files as JSON text, now and then with one row of the lists `listsOf` names put in place by `row`. */
function spoiledFiles(row: fc.Arbitrary<unknown>, listsOf: (copy: Lists) => unknown[][]): fc.Arbitrary<string> {
  return fc.tuple(reportData, row, fc.nat(), fc.boolean()).map(([data, r, at, spoil]) => {
    const copy = JSON.parse(JSON.stringify(data)) as Lists;
    const all = listsOf(copy).flatMap((list) => list.map((_, k) => ({ list, k })));
    if (spoil && all.length) all[at % all.length].list[all[at % all.length].k] = r;
    return JSON.stringify(copy);
  });
}

/** Checks that readData reads each file as the schema alone does (data, or the same message); how many it could check by hand, and how many were refused. */
function readAsSchemaAlone(file: fc.Arbitrary<string>, checkedByHand: (value: unknown) => boolean): { byHand: number; refused: number } {
  let byHand = 0;
  let refused = 0;
  fc.assert(
    fc.property(file, (text) => {
      if (checkedByHand(JSON.parse(text))) byHand++;
      const alone = bySchemaAlone(text);
      const read = byReadData(text);
      expect(JSON.stringify(read)).toBe(JSON.stringify(alone));
      if (alone instanceof Error) refused++;
      if (alone instanceof Error) expect((read as Error).message).toBe(alone.message);
    }),
    { numRuns: 300, seed: 16 },
  );
  return { byHand, refused };
}

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

  it('take a measure as it is exactly when the schema gives it back as it is', () => {
    let accepted = 0;
    fc.assert(
      fc.property(orderedMeasure, (v) => {
        expect(isMeasureGivenBack(v)).toBe(measureGivenBack(v));
        if (isMeasureGivenBack(v)) accepted++;
      }),
      { numRuns: 5_000, seed: 16 },
    );
    expect(accepted).toBeGreaterThan(500);
    // Valid, but its keys in another order than the schema's: the schema's output would reorder them.
    const m = { title: 'Open hospitals', id: 'BJ-1', status: 'completed' };
    expect([isValidMeasure(m), isMeasureGivenBack(m)]).toEqual([true, false]);
  });

  it('read a data file as the schema alone reads it, its measures checked by hand or not', () => {
    const file = spoiledFiles(orderedMeasure, (copy) => (copy.plans ?? []).map((plan) => plan.measures));
    const { byHand, refused } = readAsSchemaAlone(file, (value) => everyIndicatorValid(value) && everyMeasureValid(value));
    expect(byHand).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(20);
  });

  it('accept the rows of a typical file, as the schema does', () => {
    const e = { product: 'Xinli® stent, model A10', enterprise: 'Suzhou Xinli Medical Co., Ltd.', category: 'device', listed: '2024-05-01', hospitals: 12 };
    const m = { id: 'BJ-1', title: 'Open hospitals to foreign investment', status: 'completed', due: '2022-12-31', progress: 1 };
    expect([isValidEntry(e), entrySchema.safeParse(e).success]).toEqual([true, true]);
    expect([isValidMeasure(m), measureSchema.safeParse(m).success]).toEqual([true, true]);
  });

  it('accept an observation exactly when the schema gives it back as it is', () => {
    fc.assert(
      fc.property(observation, (v) => {
        expect(isValidObservation(v)).toBe(givesBackAsItIs(v));
      }),
      { numRuns: 20_000 },
    );
    // A period written as a number (the schema makes it text) and keys in another order (the schema reorders them).
    expect([isValidObservation({ period: 2024, value: 1 }), observationSchema.safeParse({ period: 2024, value: 1 }).success]).toEqual([false, true]);
    expect([isValidObservation({ value: 1, period: '2024' }), observationSchema.safeParse({ value: 1, period: '2024' }).success]).toEqual([false, true]);
    expect(isValidObservation({ period: '2024-Q3', value: 1.5, growth: -0.1 })).toBe(true);
  });

  it('accept an indicator exactly when the schema gives it back as it is', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(indicator, dataIndicator), (v) => {
        expect(isValidIndicator(v)).toBe(indicatorGivenBack(v));
        if (isValidIndicator(v)) accepted++;
      }),
      { numRuns: 5_000, seed: 16 },
    );
    expect(accepted).toBeGreaterThan(500);
    // A whole number's decimals other than 0 are refused by the schema's refinement, and so here.
    const ind = { id: 'I-1', name: 'Jobs', format: 'integer', decimals: 2, observations: [] };
    expect([isValidIndicator(ind), indicatorSchema.safeParse(ind).success]).toEqual([false, false]);
    expect(isValidIndicator({ id: 'I-1', name: 'Jobs', format: 'integer', decimals: 0, baseline: { period: '2020', value: 3 }, observations: [] })).toBe(true);
    // Its keys in another order than the schema's: the schema's output would reorder them.
    expect(isValidIndicator({ id: 'I-1', name: 'Jobs', observations: [], baseline: { period: '2020', value: 3 } })).toBe(false);
  });

  it('read a data file as the schema alone reads it, its indicators checked by hand or not', () => {
    const file = spoiledFiles(observation, (copy) => (copy.indicators ?? []).map((ind) => ind.observations));
    const { byHand, refused } = readAsSchemaAlone(file, everyIndicatorValid);
    expect(byHand).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(20);
  });
});
