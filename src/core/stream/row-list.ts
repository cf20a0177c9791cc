/**
 * A list whose rows are not in memory: its length is known, and going
 * through it produces the rows again, in order (from the data file, for the
 * measures and catalog entries of a large JSON file). It answers what goes
 * through the rows in order: for...of, spreading, and the read-only array
 * methods forEach, map, flatMap, filter, reduce, some, every, find and
 * findIndex (each of which reads the rows again). Anything else, an index
 * or a method that changes the list, throws: code that needs the rows in
 * memory fails loudly instead of seeing an empty list.
 */

type Fn<T, R> = (value: T, index: number, list: T[]) => R;

// eslint-disable-next-line max-lines-per-function -- to be replaced by a typed row source (issue 11, item 4)
export function rowList<T>(length: number, produce: () => Iterable<T>): T[] {
  const each = function* (): Generator<[T, number]> {
    let i = 0;
    for (const row of produce()) yield [row, i++];
  };
  // eslint-disable-next-line prefer-const -- assigned once the Proxy that the methods pass on exists
  let self: T[];
  const methods: Record<string, unknown> = {
    forEach(fn: Fn<T, unknown>) {
      for (const [row, i] of each()) fn(row, i, self);
    },
    map<R>(fn: Fn<T, R>): R[] {
      const out: R[] = [];
      for (const [row, i] of each()) out.push(fn(row, i, self));
      return out;
    },
    flatMap<R>(fn: Fn<T, R | R[]>): R[] {
      const out: R[] = [];
      for (const [row, i] of each()) {
        const r = fn(row, i, self);
        if (Array.isArray(r)) out.push(...r);
        else out.push(r);
      }
      return out;
    },
    filter(fn: Fn<T, unknown>): T[] {
      const out: T[] = [];
      for (const [row, i] of each()) if (fn(row, i, self)) out.push(row);
      return out;
    },
    reduce<R>(fn: (acc: R, value: T, index: number, list: T[]) => R, ...initial: [R?]): R {
      let started = initial.length > 0;
      let acc = initial[0] as R;
      for (const [row, i] of each()) {
        if (started) acc = fn(acc, row, i, self);
        else {
          acc = row as unknown as R;
          started = true;
        }
      }
      if (!started) throw new TypeError('Reduce of empty array with no initial value');
      return acc;
    },
    some(fn: Fn<T, unknown>): boolean {
      for (const [row, i] of each()) if (fn(row, i, self)) return true;
      return false;
    },
    every(fn: Fn<T, unknown>): boolean {
      for (const [row, i] of each()) if (!fn(row, i, self)) return false;
      return true;
    },
    find(fn: Fn<T, unknown>): T | undefined {
      for (const [row, i] of each()) if (fn(row, i, self)) return row;
      return undefined;
    },
    findIndex(fn: Fn<T, unknown>): number {
      for (const [row, i] of each()) if (fn(row, i, self)) return i;
      return -1;
    },
    values: () => produce()[Symbol.iterator](),
    [Symbol.iterator]: () => produce()[Symbol.iterator](),
  };
  const refuse = (what: string) => {
    throw new Error(`${what}: these ${length} rows are read on demand, not held in memory; go through them in order (for...of, map, filter, ...)`);
  };
  self = new Proxy([] as T[], {
    get(target, prop) {
      if (prop === 'length') return length;
      if (Object.prototype.hasOwnProperty.call(methods, prop)) return methods[prop as string];
      if (prop === 'constructor') return Array;
      // Other symbols (Symbol.toStringTag, util.inspect.custom, ...) and toJSON are not answered; a JSON.stringify then asks for rows by index, and throws.
      if (typeof prop === 'symbol' || prop === 'toJSON') return undefined;
      return refuse(/^\d+$/.test(prop) ? `row ${prop}` : `${prop}()`);
    },
    has: (target, prop) => prop === 'length' || Object.prototype.hasOwnProperty.call(methods, prop),
    set: (target, prop) => refuse(`setting ${String(prop)}`),
    deleteProperty: (target, prop) => refuse(`deleting ${String(prop)}`),
    defineProperty: (target, prop) => refuse(`defining ${String(prop)}`),
  });
  return self;
}
