/**
 * Row sources (src/core/row-source.ts): rows counted without reading them and
 * gone through in order, read again on each pass. They replace the row lists
 * of src/core/stream/row-list.ts, an array-typed Proxy that threw on an index
 * or an array method at run time; a row source has neither, and the compiler
 * refuses them (the @ts-expect-error lines below fail `npm run check` if it
 * ever accepts one).
 */
import { mapRows, rowSource, type RowSource } from '../../src/core/row-source';

describe('rowSource: rows on demand, with a known length', () => {
  let passes = 0;
  const list = () =>
    rowSource(4, function* () {
      passes++;
      yield* [1, 2, 3, 4];
    });

  it('goes through its rows in order, reading them again each time', () => {
    const a = [1, 2, 3, 4];
    const l = list();
    passes = 0;
    expect(l.length).toBe(4);
    expect(passes).toBe(0);
    expect([...l]).toEqual(a);
    const seen: number[] = [];
    for (const x of l) seen.push(x);
    expect(seen).toEqual(a);
    expect(passes).toBe(2);
    const tens = mapRows(l, (x) => x * 10);
    expect(tens.length).toBe(4);
    expect([...tens]).toEqual(a.map((x) => x * 10));
    expect([...tens]).toEqual(a.map((x) => x * 10));
    expect(passes).toBe(4);
  });

  it('refuses what needs the rows in memory: an index or an array method at compile time, JSON loudly', () => {
    const l = list();
    // @ts-expect-error a row source has no rows by index
    expect(l[0]).toBeUndefined();
    // @ts-expect-error nor the methods of an array
    expect(l.slice).toBeUndefined();
    expect(() => JSON.stringify(l)).toThrow(/read on demand/);
    expect(() => JSON.stringify({ rows: mapRows(l, (x) => x) })).toThrow(/read on demand/);
  });

  it('takes an array as it is: the rows of data held in memory', () => {
    const held: RowSource<number> = [1, 2, 3];
    expect(held.length).toBe(3);
    expect([...mapRows(held, (x) => -x)]).toEqual([-1, -2, -3]);
  });
});
