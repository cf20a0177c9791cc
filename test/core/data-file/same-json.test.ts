/** sameJson: JSON meaning compared in place, as collect compares the data read back with the data collected. */
import fc from 'fast-check';
import { sameJson } from '../../../src/core/data-file/same-json';

describe('sameJson', () => {
  it('agrees with comparing the JSON texts of values, keys in any order', () => {
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
            )
          : v;
    const same = (a: unknown, b: unknown) =>
      JSON.stringify(canonical(JSON.parse(JSON.stringify(a)))) === JSON.stringify(canonical(JSON.parse(JSON.stringify(b))));
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(same(a, b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('takes a key whose value is undefined as absent, and tells apart what differs', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameJson({ a: [1, { c: 'x' }] }, { a: [1, { c: 'y' }] })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});
