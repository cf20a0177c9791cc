/** A date cell's day by arithmetic, against what toISOString gives (the reading it replaces). */
import fc from 'fast-check';
import { isoDayOf } from '../../../src/core/read/iso-day';

const byText = (ms: number) => {
  const d = new Date(ms);
  if (isNaN(d.getTime())) return undefined;
  const iso = d.toISOString();
  return /^\d{4}-/.test(iso) && iso >= '1000' ? iso.slice(0, 10) : undefined;
};

describe('isoDayOf', () => {
  it('gives the day toISOString gives, for any time in the years 1000-9999', () => {
    fc.assert(
      fc.property(fc.double({ min: Date.UTC(1000, 0, 1), max: Date.UTC(10000, 0, 1) - 1, noNaN: true }), (ms) => {
        expect(isoDayOf(ms)).toBe(byText(ms));
      }),
      { numRuns: 20000 },
    );
  });

  it('gives the day of every spreadsheet date serial, and of the edges', () => {
    const wrong: number[] = [];
    for (let serial = 1; serial <= 2_958_465; serial += 3) {
      const ms = Math.round((serial - 25569) * 86_400_000);
      if (isoDayOf(ms) !== byText(ms)) wrong.push(serial);
    }
    expect(wrong).toEqual([]);
    for (const ms of [Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(2024, 1, 29), Date.UTC(1900, 1, 28), -1, 0, 86_399_999])
      expect(isoDayOf(ms)).toBe(byText(ms));
  });

  it('leaves what it does not cover to toISOString', () => {
    for (const ms of [NaN, Infinity, -Infinity, Date.UTC(999, 11, 31, 23), Date.UTC(10000, 0, 1), 8.64e15]) expect(isoDayOf(ms)).toBeUndefined();
  });
});
