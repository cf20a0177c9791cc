/**
 * The catalog entries the streamed reading keeps from its first pass
 * (src/core/stream/kept-entries.ts): given back as they were read, field for
 * field, and all dropped once their text passes the bound.
 */
import fc from 'fast-check';
import { CATEGORIES, type CatalogEntry } from '../../../src/core/schema';
import { KeptEntries } from '../../../src/core/stream/kept-entries';

const entry: fc.Arbitrary<CatalogEntry> = fc
  .record(
    {
      product: fc.string({ minLength: 1 }),
      enterprise: fc.constantFrom('Suzhou Xinli Medical Co., Ltd.', 'SUZHOU XINLI MEDICAL CO., LTD.', '苏州某某医疗器械有限公司', 'x'),
      category: fc.constantFrom(...CATEGORIES),
      registration: fc.string(),
      listed: fc.constantFrom('2024-01-31', '2021-06-01', '1900-03-01'),
      hospitals: fc.oneof(fc.nat(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER)),
    },
    { requiredKeys: ['product', 'enterprise', 'category'] },
  )
  .map((e) => ({ ...e })); // a plain object, as JSON.parse gives

describe('the catalog entries kept from the first pass', () => {
  it('gives back every entry as it was read, and any span of them', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 3000 }), fc.nat(), fc.nat(), (entries, a, b) => {
        const kept = new KeptEntries();
        for (const e of entries) kept.add(e);
        expect(kept.count).toBe(entries.length);
        const all = [...kept.rows(0, entries.length)];
        expect(all).toStrictEqual(entries);
        all.forEach((e, i) => expect(Object.is(e.hospitals, entries[i].hospitals)).toBe(true));
        const [from, to] = [a % (entries.length + 1), b % (entries.length + 1)].sort((x, y) => x - y);
        expect([...kept.rows(from, to)]).toStrictEqual(entries.slice(from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps nothing once their text passes the bound', () => {
    const kept = new KeptEntries(100);
    const e: CatalogEntry = { product: 'p'.repeat(40), enterprise: 'E', category: 'drug' };
    kept.add(e);
    expect(kept.count).toBe(1);
    kept.add(e);
    kept.add(e);
    expect(kept.count).toBeUndefined();
    kept.add({ product: 'q', enterprise: 'F', category: 'device' });
    expect(kept.count).toBeUndefined();
  });
});
