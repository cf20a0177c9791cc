/** The fast count of JSON keys written twice against jsonc-parser's visitor, which places them. */
import fc from 'fast-check';
import { firstDuplicateKey, hasDuplicateKey } from '../../../src/core/data-file/structured-text';

type Tree = number | string | Tree[] | { pairs: [string, Tree][] };

/** A key as JSON text, sometimes with its letters escaped (`\u0061` for `a`), which is the same key. */
const keyText = (key: string, escape: boolean) =>
  escape ? `"${Array.from(key, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(key);

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.constantFrom('', 'a', 'x"y', 'back\\slash', '{"a":1}', '[,]', '医药'),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.record({ pairs: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'a"', 'a\\', '', '键', '{', ','), tie('tree')), { maxLength: 5 }) }),
  ),
}));

function jsonText(t: Tree, escape: (i: number) => boolean, counter = { i: 0 }): string {
  if (typeof t === 'number' || typeof t === 'string') return JSON.stringify(t);
  if (Array.isArray(t)) return `[${t.map((x) => jsonText(x, escape, counter)).join(', ')}]`;
  return `{${t.pairs.map(([k, v]) => `${keyText(k, escape(counter.i++))}: ${jsonText(v, escape, counter)}`).join(',\n')}}`;
}

describe('hasDuplicateKey', () => {
  it('finds a key twice in a mapping exactly when jsonc-parser does, escaped or not, at any depth', () => {
    let twice = 0;
    fc.assert(
      fc.property(tree, fc.func(fc.boolean()), (t, escape) => {
        const text = jsonText(t, (i) => escape(i));
        JSON.parse(text); // valid JSON, as the scan requires
        expect(hasDuplicateKey(text)).toBe(firstDuplicateKey(text) !== undefined);
        if (firstDuplicateKey(text) !== undefined) twice++;
      }),
      { numRuns: 2000, seed: 16 },
    );
    // Both answers were tried often.
    expect(twice).toBeGreaterThan(200);
    expect(twice).toBeLessThan(1800);
  });

  it('tells keys from values and mappings from lists', () => {
    expect(hasDuplicateKey('{"a": 1, "\\u0061": 2}')).toBe(true);
    expect(hasDuplicateKey('{"x": "a", "a": "x"}')).toBe(false);
    expect(hasDuplicateKey('[{"a": 1}, {"a": 2}]')).toBe(false);
    expect(hasDuplicateKey('{"a": {"a": 1}, "b": [{"a": 1}], "c": {"b": 2, "b": 3}}')).toBe(true);
    expect(hasDuplicateKey('{"a\\\\": 1, "a\\"": 2, "a": 3}')).toBe(false);
    expect(hasDuplicateKey('{"": 1, "": 2}')).toBe(true);
    // JSON.parse makes `__proto__` an own key like any other.
    expect(hasDuplicateKey('{"__proto__": 1, "__proto__": {"a": 1}}')).toBe(true);
    expect(hasDuplicateKey('{"__proto__": {"a": 1}, "a": 2}')).toBe(false);
    // A colon inside a string, and space before a key's colon.
    expect(hasDuplicateKey('{"a" :\n 1, "b": ["x:", {"a": "a:"}]}')).toBe(false);
    // Text that is not JSON (JSON.parse refuses it first) ends the scan.
    expect(hasDuplicateKey('{"a": 1, "a')).toBe(false);
  });
});
