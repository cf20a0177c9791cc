/**
 * The byte-level scanner of large JSON data files (src/core/stream/scan.ts):
 * whatever the chunk size, it finds exactly the elements of the row lists
 * (plans[*].measures, catalogs[*].entries) with their keys counted as
 * written, and leaves a skeleton that parses to the rest of the file; what
 * it cannot stream it refuses.
 */
import fc from 'fast-check';
import { ENTRIES, MEASURES, NotStreamable, RowScanner } from '../../../src/core/stream/scan';
import { chunked, jsonStyle, jsonText, utf8 } from '../../support/json-text';

interface Scanned {
  rows: { kind: number; list: number; index: number; text: string; keys: number }[];
  skeleton: string;
}

function scan(input: string | Uint8Array, size: number): Scanned {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const rows: Scanned['rows'] = [];
  const skeleton: Buffer[] = [];
  const scanner = new RowScanner({
    row: (kind, list, index, b, start, end, keys) => void rows.push({ kind, list, index, text: utf8(b, start, end), keys }),
    skeleton: (b, start, end) => void skeleton.push(Buffer.from(b.subarray(start, end))),
  });
  for (const chunk of chunked(bytes, size)) scanner.push(chunk);
  scanner.end();
  return { rows, skeleton: Buffer.concat(skeleton).toString('utf8') };
}

const SIZES = [1, 2, 3, 5, 7, 16, 64, 1 << 20];

/** Scans with every chunk size, expecting the same result from each; returns it. */
function scanAll(text: string): Scanned {
  const whole = scan(text, 1 << 20);
  for (const size of SIZES) expect(scan(text, size)).toEqual(whole);
  return whole;
}

/** A parsed data file, loosely: the tests feed it random and damaged JSON. */
type Loose = { plans?: { measures?: unknown[] }[]; catalogs?: { entries?: unknown[] }[] };

/** The value without its row lists' elements: what the skeleton must parse to. */
function emptied(value: Loose): Loose {
  const copy = JSON.parse(JSON.stringify(value));
  for (const p of Array.isArray(copy.plans) ? copy.plans : []) if (Array.isArray(p?.measures)) p.measures = [];
  for (const c of Array.isArray(copy.catalogs) ? copy.catalogs : []) if (Array.isArray(c?.entries)) c.entries = [];
  return copy;
}

function expectSplit(text: string): Scanned {
  const value: Loose = JSON.parse(text.replace(/^\uFEFF/, ''));
  const result = scanAll(text);
  expect(JSON.parse(result.skeleton)).toEqual(emptied(value));
  const expected = [
    ...(value.plans ?? []).flatMap((p, list: number) => (p.measures ?? []).map((m: unknown, index: number) => ({ kind: MEASURES, list, index, value: m }))),
    ...(value.catalogs ?? []).flatMap((c, list: number) => (c.entries ?? []).map((e: unknown, index: number) => ({ kind: ENTRIES, list, index, value: e }))),
  ];
  const byPlace = (a: { kind: number; list: number; index: number }, b: typeof a) => a.kind - b.kind || a.list - b.list || a.index - b.index;
  expect(result.rows.map(({ kind, list, index, text: t }) => ({ kind, list, index, value: JSON.parse(t) })).sort(byPlace)).toEqual(expected.sort(byPlace));
  return result;
}

const HEAD = '"format":"plan-report/v1","report":{"title":"T","region":"R","period":"2024-Q1"}';

describe('RowScanner: the elements of the row lists, and the rest as a skeleton', () => {
  it('splits a data file, whatever the chunk size', () => {
    const text = `{${HEAD},"plans":[{"id":"P","title":"p","measures":[{"id":"M1","title":"a","status":"completed"},{"id":"M2","title":"b","status":"delayed"}]}],"catalogs":[{"id":"C","title":"c","entries":[{"product":"x","enterprise":"y","category":"drug"}]}]}`;
    const { rows, skeleton } = expectSplit(text);
    expect(rows.map((r) => [r.kind, r.list, r.index, r.keys])).toEqual([
      [MEASURES, 0, 0, 3],
      [MEASURES, 0, 1, 3],
      [ENTRIES, 0, 0, 3],
    ]);
    expect(skeleton).toBe(`{${HEAD},"plans":[{"id":"P","title":"p","measures":[]}],"catalogs":[{"id":"C","title":"c","entries":[]}]}`);
  });

  it('is not fooled by quotes, backslashes, brackets, colons and commas in strings, in rows and in the skeleton', () => {
    const tricky = ['a\\"b', '\\\\', '\\\\\\"', '{[:,]}', '\\u005d\\u007d', '\\"measures\\":[', 'x\\/y', '\\n\\t\\r\\b\\f'];
    const m = tricky.map((t, i) => `{"id":"M${i}","title":"${t}","note":"${t}]},{","status":"completed"}`);
    const text = `{${HEAD},"plans":[{"id":"P","title":"${tricky.join('')}","source":"\\"measures\\":[{","measures":[${m.join(',')}]}]}`;
    const { rows } = expectSplit(text);
    expect(rows).toHaveLength(tricky.length);
    for (const r of rows) expect(r.keys).toBe(4);
  });

  it('keeps multi-byte characters whole when a chunk ends in the middle of one', () => {
    const text = `{${HEAD},"plans":[{"id":"P","title":"医药 🧬","measures":[{"id":"M","title":"医疗器械注册人制度 🧬💊","lead":"苏州","status":"completed"}]}]}`;
    const { rows } = expectSplit(text);
    expect(JSON.parse(rows[0].text).title).toBe('医疗器械注册人制度 🧬💊');
  });

  it('counts only the top-level keys of a row, however deeply it nests', () => {
    const text = `{${HEAD},"plans":[{"id":"P","title":"p","measures":[{"id":"M","x":{"a":1,"b":[{"c":2},[3,{"d":{"e":4}}]]},"y":[],"z":{}}]}]}`;
    expect(expectSplit(text).rows[0].keys).toBe(4);
  });

  it('counts a key written twice twice (JSON.parse keeps one)', () => {
    const text = `{${HEAD},"plans":[{"id":"P","title":"p","measures":[{"id":"M","status":"completed","status":"delayed"}]}]}`;
    const { rows } = scanAll(text);
    expect(rows[0].keys).toBe(3);
    expect(Object.keys(JSON.parse(rows[0].text))).toHaveLength(2);
  });

  it('reads any whitespace, a byte order mark, and empty lists', () => {
    const text = `\uFEFF \r\n\t{ ${HEAD.replace(/,/g, ' ,\r\n\t')} , "plans" :\n[ { "id" : "P" , "title":"p" , "measures" : [ ] } ,\n{"id":"Q","title":"q","measures":[\r\n]},{"id":"R","title":"r","measures" : [\n\t{ "id" : "M" , "title" : "m" , "status" : "completed" }\n\t,\n\t{"id":"N","title":"n","status":"completed"}\r\n] } ] , "catalogs" : [ ] }\n\n`;
    const { rows } = expectSplit(text);
    expect(rows.map((r) => [r.list, r.index])).toEqual([
      [2, 0],
      [2, 1],
    ]);
  });

  it('reads the top-level keys in any order, and row lists that come before the rest of their plan', () => {
    const text = `{"catalogs":[{"entries":[{"product":"x","enterprise":"y","category":"drug"}],"id":"C","title":"c"}],"indicators":[],"plans":[{"measures":[{"id":"M","title":"m","status":"completed"}],"id":"P","groups":["g"],"title":"p"},{"measures":[],"id":"Q","title":"q"}],${HEAD}}`;
    expect(expectSplit(text).rows.map((r) => [r.kind, r.list])).toEqual([
      [ENTRIES, 0],
      [MEASURES, 0],
    ]);
  });

  it('recognizes keys written with escapes, as JSON.parse reads them', () => {
    const text = `{${HEAD},"pl\\u0061ns":[{"id":"P","title":"p","me\\u0061sures":[{"id":"M","title":"m","status":"completed"}]}]}`;
    const { rows, skeleton } = expectSplit(text);
    expect(rows).toHaveLength(1);
    expect(skeleton).toContain('"me\\u0061sures":[]');
  });

  it('leaves alone lists of the same names elsewhere (nested, or not under plans and catalogs)', () => {
    const text = `{${HEAD},"x":{"plans":[{"measures":[{"a":1}]}]},"plans":[{"id":"P","title":"p","x":{"measures":[{"b":2}]},"measures":[{"id":"M"}]}],"indicators":[{"entries":[{"c":3}]}]}`;
    const { rows, skeleton } = expectSplit(text);
    expect(rows.map((r) => r.text)).toEqual(['{"id":"M"}']);
    expect(skeleton).toContain('{"a":1}');
    expect(skeleton).toContain('{"b":2}');
    expect(skeleton).toContain('{"c":3}');
  });

  it('splits generated data files written in every style, whatever the chunk size', () => {
    const data = fc.record({
      plans: fc.array(
        fc.record({
          id: fc.string(),
          title: fc.string({ unit: 'binary' }),
          measures: fc.array(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), { maxLength: 4 }),
        }),
        { maxLength: 3 },
      ),
      catalogs: fc.array(fc.record({ id: fc.string(), entries: fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 4 }) }), { maxLength: 2 }),
      report: fc.jsonValue(),
    });
    fc.assert(
      fc.property(data, jsonStyle, fc.integer({ min: 1, max: 40 }), (value, style, size) => {
        const text = jsonText(value, style);
        const parsed = JSON.parse(text);
        const a = scan(text, size);
        const b = scan(text, 1 << 20);
        expect(a).toEqual(b);
        expect(JSON.parse(a.skeleton)).toEqual(emptied(parsed));
        for (const r of a.rows) expect(r.keys).toBe(Object.keys(JSON.parse(r.text)).length);
        expect(a.rows).toHaveLength(
          parsed.plans.reduce((n: number, p: { measures: unknown[] }) => n + p.measures.length, 0) +
            parsed.catalogs.reduce((n: number, c: { entries: unknown[] }) => n + c.entries.length, 0),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('RowScanner: what it cannot stream, it refuses (at any chunk boundary)', () => {
  const refused = (text: string) => {
    for (const size of SIZES) expect(() => scan(text, size)).toThrow(NotStreamable);
  };
  const rows = (inside: string) => `{${HEAD},"plans":[{"id":"P","title":"p","measures":[${inside}]}]}`;

  it.each([
    ['a trailing comma', rows('{"id":"M"},')],
    ['a leading comma', rows(',{"id":"M"}')],
    ['two commas', rows('{"id":"M"},,{"id":"N"}')],
    ['a missing comma', rows('{"id":"M"} {"id":"N"}')],
    ['a row that is a number', rows('1')],
    ['a row that is text', rows('"M"')],
    ['a row that is a list', rows('[{"id":"M"}]')],
    ['a row that is null', rows('null')],
    ['a file that ends in a row', rows('{"id":"M","title":"ab').slice(0, -4)],
    ['a file that ends in a string of a row', `{${HEAD},"plans":[{"id":"P","title":"p","measures":[{"id":"M","title":"a\\"`],
    ['a file that ends between rows', `{${HEAD},"plans":[{"id":"P","title":"p","measures":[{"id":"M"},`],
    ['a file that ends before the top level closes', `{${HEAD},"plans":[]`],
    ['a top level that is a list', '[1, 2]'],
    ['a top level that is text', '"plan-report/v1"'],
    ['an empty file', ''],
    ['a second top-level value', `{${HEAD}} {}`],
    ['a closing bracket too many', `{${HEAD}}}`],
  ])('%s', (_, text) => refused(text));

  it('names the place of a problem between rows', () => {
    try {
      scan(rows('{"id":"M"},{"id":"N"},]'), 3);
      throw new Error('not refused');
    } catch (err) {
      expect((err as NotStreamable).problems[0].path).toEqual(['plans', 0, 'measures', 2]);
    }
  });

  it('stops when the sink says so', () => {
    const seen: number[] = [];
    const scanner = new RowScanner({ row: (kind, list, index) => (seen.push(index), index === 1) });
    for (const chunk of chunked(Buffer.from(rows('{"id":"M"},{"id":"N"},{"id":"O"}')), 4)) scanner.push(chunk);
    expect(seen).toEqual([0, 1]);
    expect(scanner.done).toBe(true);
  });
});
