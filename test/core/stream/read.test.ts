/**
 * Large JSON data files read as a stream (src/core/stream/read.ts): the same
 * data, figures and workbook as the whole-file reader gives, for the seeds
 * and for generated data written in every JSON style and read in chunks of
 * any size; and every file the whole-file reader refuses is refused.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { summarize } from '../../../src/core/data-file/counts';
import { readData } from '../../../src/core/data-file/read';
import { reportFigures } from '../../../src/core/figures';
import { buildReport } from '../../../src/core/layout/build';
import type { Workbook } from '../../../src/core/layout/model';
import { materialize } from '../../../src/core/layout/rows';
import type { Locale, ReportData, StreamableData } from '../../../src/core/schema';
import { NotStreamable, readStreamed } from '../../../src/core/stream/read';
import { reportData } from '../../support/arbitrary-data';
import { jsonStyle, jsonText, memorySource } from '../../support/json-text';
import { OPTIONS, template } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), `${name}.yaml`);
const SEEDS = ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1'];

function streamed(text: string, size = 7) {
  const source = memorySource(Buffer.from(text, 'utf8'), size);
  return { ...readStreamed(source), source };
}

/** The data with its row lists read into arrays. */
function held(data: StreamableData): ReportData {
  const { plans, catalogs, ...rest } = data;
  return {
    ...rest,
    ...(plans && { plans: plans.map((p) => ({ ...p, measures: [...p.measures] })) }),
    ...(catalogs && { catalogs: catalogs.map((c) => ({ ...c, entries: [...c.entries] })) }),
  };
}

/** Every sheet's rows in `rows` (the data sheets' bodies produced). */
const whole = (wb: Workbook): Workbook => ({ ...wb, sheets: wb.sheets.map(materialize) });

function expectSameReport(text: string, name: string, locale: Locale | undefined, size: number, templates = ['quarterly']): void {
  const data = readData(text, name);
  const s = streamed(text, size);
  expect(held(s.data)).toEqual(data);
  expect(s.summary).toEqual(summarize(data));
  expect(s.rows.figures).toEqual(reportFigures(data));
  for (const t of templates) {
    const l = locale ?? data.report.locale ?? 'en';
    const expected = whole(buildReport(template(t), data, l, OPTIONS));
    const actual = whole(buildReport(template(t), s.data, l, OPTIONS, s.rows));
    expect(actual).toEqual(expected);
  }
}

describe('readStreamed: the same data, figures and workbook as the whole-file reader', () => {
  it.each(SEEDS)('for the seed %s, in both locales and both templates', (name) => {
    const text = JSON.stringify(seed(name), null, 2);
    for (const locale of ['en', 'zh-CN'] as const) expectSameReport(text, `${name}.json`, locale, 97, ['quarterly', 'measures-only']);
  });

  it('for generated data written in every JSON style, read in chunks of any size', () => {
    fc.assert(
      fc.property(reportData, jsonStyle, fc.integer({ min: 1, max: 300 }), (data, style, size) => {
        expectSameReport(jsonText(data, style), 'data.json', undefined, size);
      }),
      { numRuns: 20 },
    );
  });

  it('for a byte order mark, and top-level keys in any order', () => {
    const data = seed('suzhou-2022-q3');
    const { format, report, ...rest } = data;
    expectSameReport(`\uFEFF${JSON.stringify({ ...rest, report, format })}`, 'data.json', 'en', 5);
  });

  it('counts Overdue against a report date that comes after the plans in the file', () => {
    const data = seed('beijing-2022-q3');
    const { report, ...rest } = data;
    for (const date of ['2021-01-01', '2022-06-30', '2022-09-20', '2030-01-01']) {
      const text = JSON.stringify({ ...rest, report: { ...report, date } });
      const s = streamed(text, 64);
      expect(s.rows.figures.plans[0].overdue).toBe(reportFigures(readData(text, 'd.json')).plans[0].overdue);
    }
  });

  it('keeps the figures of each catalog, category and group exact', () => {
    const text = JSON.stringify({
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q2' },
      plans: [
        {
          id: 'P',
          title: 'p',
          groups: ['Ab', 'x*'],
          measures: [
            { id: 'a', title: 't', group: 'ab', status: 'completed' },
            { id: 'b', title: 't', group: 'AB', status: 'cancelled' },
            { id: 'c', title: 't', group: 'X*', status: 'delayed', due: '2024-01-01' },
            { id: 'd', title: 't', status: 'in-progress', due: '2024-06-30' },
          ],
        },
      ],
      catalogs: [
        {
          id: 'C1',
          title: 'c',
          entries: [
            { product: 'p', enterprise: 'Acme', category: 'drug', hospitals: 2 },
            { product: 'q', enterprise: 'ACME', category: 'device' },
          ],
        },
        { id: 'C2', title: 'c', entries: [] },
        { id: 'C3', title: 'c', entries: [{ product: 'r', enterprise: 'Zai~Lab', category: 'drug', hospitals: 0 }] },
      ],
    });
    const { figures } = streamed(text, 3).rows;
    expect(figures).toEqual(reportFigures(readData(text, 'd.json')));
    expect(figures.plans[0]).toMatchObject({ measures: 4, completed: 1, cancelled: 1, overdue: 1 });
    expect(figures.plans[0].groups.map((g) => g.measures)).toEqual([2, 1]);
    expect(figures.catalogs.map((c) => c.enterprises)).toEqual([1, 0, 1]);
    expect(figures.categories[0]).toEqual({ drug: 1, device: 1, consumable: 0, diagnostic: 0, other: 0 });
  });

  it('reads the file once to check it, and again for each pass over the rows; a row list stops after its last row', () => {
    const data = seed('beijing-2022-q3');
    const s = streamed(JSON.stringify(data), 1024);
    expect(s.source.passes).toBe(1);
    expect([...s.rows.measures].map(([p, m]) => [p, m.id])).toEqual(data.plans![0].measures.map((m) => [0, m.id]));
    expect(s.source.passes).toBe(2);
    expect([...s.data.plans![0].measures].filter((m) => m.status === 'completed')).toHaveLength(38);
    expect(s.source.passes).toBe(3);
    expect([...s.rows.entries]).toEqual([]);
  });
});

describe('readStreamed: a workbook of measures reads the file twice, whatever its size', () => {
  it('once to check it, once to write the Measures sheet', () => {
    const data = seed('beijing-2022-q3');
    const s = streamed(JSON.stringify({ ...data, catalogs: undefined }), 4096);
    whole(buildReport(template('quarterly'), s.data, 'en', OPTIONS, s.rows));
    expect(s.source.passes).toBe(2);
  });
});

describe('readStreamed with keepMeasures: the measures kept by the check, never read from the file again', () => {
  it.each(SEEDS)('the same rows, lists and workbook for the seed %s, the file read once', (name) => {
    const data = seed(name);
    const text = JSON.stringify(data);
    const plain = streamed(text, 512);
    const source = memorySource(Buffer.from(text, 'utf8'), 512);
    const kept = readStreamed(source, { keepMeasures: true });
    expect([...kept.rows.measures]).toEqual([...plain.rows.measures]);
    expect(held(kept.data)).toEqual(held(plain.data));
    const l = data.report.locale ?? 'en';
    expect(whole(buildReport(template('quarterly'), kept.data, l, OPTIONS, kept.rows))).toEqual(
      whole(buildReport(template('quarterly'), plain.data, l, OPTIONS, plain.rows)),
    );
    // Catalog entries are kept by the check pass already (kept-entries.ts): nothing reads the file again.
    expect(source.passes).toBe(1);
  });
});

describe('readStreamed: a file it cannot vouch for is left to the whole-file reader', () => {
  const HEAD = '"format":"plan-report/v1","report":{"title":"T","region":"R","period":"2024-Q1"}';
  const plan = (measures: string, extra = '') => `{${HEAD},"plans":[{"id":"P","title":"p"${extra},"measures":[${measures}]}]}`;
  const M = '{"id":"M","title":"m","status":"completed"}';

  it.each([
    ['a measure that breaks the schema', plan('{"id":"M","title":"m","status":"done"}'), ['plans', 0, 'measures', 0, 'status']],
    ['a measure with an unknown key', plan('{"id":"M","title":"m","status":"completed","x":1}'), ['plans', 0, 'measures', 0, 'x']],
    [
      'a catalog entry that breaks the schema',
      `{${HEAD},"catalogs":[{"id":"C","title":"c","entries":[{"product":"p","enterprise":"e","category":"drug","hospitals":-1}]}]}`,
      ['catalogs', 0, 'entries', 0, 'hospitals'],
    ],
    ['a measure id used twice (ignoring case)', plan(`${M},{"id":"m","title":"n","status":"completed"}`), ['plans', 0, 'measures', 1, 'id']],
    [
      'a measure in a group its plan does not list',
      plan('{"id":"M","title":"m","status":"completed","group":"B"}', ',"groups":["A"]'),
      ['plans', 0, 'measures'],
    ],
    ['a key written twice in a measure', plan('{"id":"M","title":"m","status":"completed","status":"delayed"}'), ['plans', 0, 'measures', 0]],
    ['a key written twice in the skeleton', `{${HEAD},"plans":[{"id":"P","title":"p","title":"q","measures":[]}]}`, []],
    ['two lists of measures in a plan', plan(M, `,"measures":[${M}]`), ['plans', 0]],
    ['a plan that breaks the schema', plan(M, ',"issued":"2024-02-30"'), ['plans', 0, 'issued']],
    ['plans that break a rule', `{${HEAD},"plans":[{"id":"P","title":"p","measures":[]},{"id":"p","title":"q","measures":[]}]}`, ['plans', 1, 'id']],
    ['invalid JSON in a measure', plan('{"id":"M","title":"m","status":completed}'), ['plans', 0, 'measures', 0]],
    ['invalid JSON in the skeleton', `{${HEAD},"plans":[{"id":"P","title":"p","measures":[${M}]}],}`, []],
    ['a trailing comma in a list of measures', plan(`${M},`), ['plans', 0, 'measures', 1]],
    ['a row that is not a mapping', plan('[]'), ['plans', 0, 'measures', 0]],
    ['a top level that is not a mapping', '[1]', []],
  ])('%s', (_, text, where) => {
    for (const size of [1, 4, 4096]) {
      let err: unknown;
      try {
        streamed(text, size);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NotStreamable);
      expect((err as NotStreamable).problems[0].path).toEqual(where);
      expect(() => readData(text, 'd.json')).toThrow(); // and the whole-file reader refuses it too
    }
  });

  it('never accepts a file the whole-file reader refuses (random damage to valid files), nor reads an accepted one differently', () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', 'x', ',"id":"Z"', '"status":"done",', '\u00e9'),
      }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    );
    fc.assert(
      fc.property(reportData, fc.array(damage, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 64 }), (data, damages, size) => {
        let text = JSON.stringify(data);
        for (const d of damages) {
          const at = d.at % (text.length + 1);
          if (d.kind === 'delete') text = text.slice(0, at) + text.slice(at + d.length);
          else if (d.kind === 'insert') text = text.slice(0, at) + d.text + text.slice(at);
          else text = text.slice(0, at) + text.slice(at, at + d.length) + text.slice(at);
        }
        text = Buffer.from(text, 'utf8').toString('utf8'); // as a file holds it (a cut through a surrogate pair is U+FFFD)
        let whole: ReportData | undefined;
        try {
          whole = readData(text, 'd.json');
        } catch {
          whole = undefined;
        }
        let stream: ReportData | undefined;
        try {
          stream = held(streamed(text, size).data);
        } catch (err) {
          if (!(err instanceof NotStreamable)) throw err;
          stream = undefined;
        }
        if (whole === undefined) expect(stream).toBeUndefined();
        else if (stream !== undefined) expect(stream).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses bytes that are not UTF-8, and accepts a U+FFFD written as such', () => {
    const bytes = Buffer.from(plan('{"id":"M","title":"mX","status":"completed"}'), 'utf8');
    bytes[bytes.indexOf('mX') + 1] = 0xff;
    expect(() => readStreamed(memorySource(bytes, 5))).toThrow(NotStreamable);
    const written = plan('{"id":"M","title":"m\uFFFD","status":"completed"}');
    expect([...streamed(written, 5).data.plans![0].measures][0].title).toBe('m\uFFFD');
  });
});
