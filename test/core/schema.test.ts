import * as fs from 'node:fs';
import * as path from 'node:path';
import { summarize } from '../../src/core/data-file/counts';
import { readData } from '../../src/core/data-file/read';
import { InputError, type Located } from '../../src/core/errors';
import { MAX_TEXT } from '../../src/core/schema';
import { readTemplate } from '../../src/core/template';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const TEMPLATES = path.join(ROOT, 'templates');

/** The InputError that reading throws (fails the test when it throws nothing or something else). */
function failure(read: () => unknown): InputError {
  let thrown: unknown;
  try {
    read();
  } catch (err) {
    thrown = err;
  }
  if (thrown === undefined) throw new Error('expected an InputError, but the text was read without error');
  if (!(thrown instanceof InputError)) throw new Error(`expected an InputError, got ${String((thrown as Error)?.stack ?? thrown)}`);
  return thrown;
}

const dataError = (text: string, file = 'data.yaml') => failure(() => readData(text, file));
const templateError = (text: string, file = 'tpl.yaml') => failure(() => readTemplate(text, file));
/** The formatted lines of the error: `file:line:column: path: message`. */
const lines = (e: InputError) => e.message.split('\n');

/** 1-based line and column of the first occurrence of `needle` (after `from`) in `text`. */
function where(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

// Lines 1-5 of every hand-written YAML file below.
const HEAD = `format: plan-report/v1
report:
  title: T
  region: R
  period: 2024-Q1
`;

/** HEAD, then a plan P whose measures start on line 10, one per line (M0 on line 10, M4 on line 14). */
function withMeasures(...measures: string[]): string {
  return `${HEAD}plans:
  - id: P
    title: p
    measures:
${measures.map((m) => `      - ${m}\n`).join('')}`;
}
const okMeasure = (i: number) => `{ id: M${i}, title: m, status: completed }`;

describe('readData: valid files', () => {
  const seeds = fs.readdirSync(SEEDS).filter((f) => /\.ya?ml$/.test(f));

  it('finds the seeds', () => {
    expect(seeds.sort()).toEqual(['beijing-2022-q3.yaml', 'nanjing-2025-q1.yaml', 'shanghai-2025-q3.yaml', 'suzhou-2022-q3.yaml']);
  });

  it.each(seeds)('reads seeds/%s without error', (seed) => {
    const data = readData(fs.readFileSync(path.join(SEEDS, seed), 'utf8'), `seeds/${seed}`);
    expect(data.format).toBe('plan-report/v1');
    expect(data.report.period).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('reads the Beijing seed with its 50 measures in two groups', () => {
    const data = readData(fs.readFileSync(path.join(SEEDS, 'beijing-2022-q3.yaml'), 'utf8'), 'beijing.yaml');
    expect(summarize(data)).toEqual({ plans: 1, measures: 50, catalogs: 0, entries: 0, indicators: 0, observations: 0 });
    expect(data.report).toMatchObject({ region: 'Beijing', period: '2022-Q3', date: '2022-09-20', locale: 'en' });
    expect(data.plans![0].groups).toEqual(['Requires national authorization', 'Municipal powers']);
  });

  const yaml = `format: plan-report/v1
report:
  title: Quarterly report
  region: Suzhou
  period: 2022-Q3
  date: 2022-09-30
plans:
  - id: SZ-1
    title: A plan
    issued: 2022-01-15
    groups: [Municipal powers]
    measures:
      - { id: M-1, title: First, group: Municipal powers, status: in-progress, progress: 0.5, due: 2022-12-31 }
      - { id: M-2, title: Second, status: completed, completed: 2022-06-28 }
catalogs:
  - id: CAT-1
    title: A catalog
    issued: 2021-11
    entries:
      - { product: P, enterprise: E, category: drug, hospitals: 3, listed: 2021-11-30 }
indicators:
  - id: REV
    name: Revenue
    kind: level
    baseline: { period: 2020, value: 200 }
    target: { period: 2023, value: 800 }
    observations:
      - { period: 2020, value: 200 }
      - { period: 2021, value: 320, growth: 0.6 }
`;
  const json = {
    format: 'plan-report/v1',
    report: { title: 'Quarterly report', region: 'Suzhou', period: '2022-Q3', date: '2022-09-30' },
    plans: [
      {
        id: 'SZ-1',
        title: 'A plan',
        issued: '2022-01-15',
        groups: ['Municipal powers'],
        measures: [
          { id: 'M-1', title: 'First', group: 'Municipal powers', status: 'in-progress', progress: 0.5, due: '2022-12-31' },
          { id: 'M-2', title: 'Second', status: 'completed', completed: '2022-06-28' },
        ],
      },
    ],
    catalogs: [
      {
        id: 'CAT-1',
        title: 'A catalog',
        issued: '2021-11',
        entries: [{ product: 'P', enterprise: 'E', category: 'drug', hospitals: 3, listed: '2021-11-30' }],
      },
    ],
    indicators: [
      {
        id: 'REV',
        name: 'Revenue',
        kind: 'level',
        baseline: { period: '2020', value: 200 },
        target: { period: '2023', value: 800 },
        observations: [
          { period: '2020', value: 200 },
          { period: '2021', value: 320, growth: 0.6 },
        ],
      },
    ],
  };

  it('reads the same data written as YAML and as JSON to equal results', () => {
    const fromYaml = readData(yaml, 'data.yaml');
    const fromJson = readData(JSON.stringify(json, null, 2), 'data.json');
    expect(fromYaml).toEqual(fromJson);
    expect(fromJson).toEqual(json);
  });

  it('chooses JSON by the file extension, ignoring case, or by the syntax argument', () => {
    expect(readData(JSON.stringify(json), 'DATA.JSON')).toEqual(json);
    expect(readData(JSON.stringify(json), 'data.txt', 'json')).toEqual(json);
  });

  it('reads an unquoted YAML period 2020 as the text "2020"', () => {
    const data = readData(yaml, 'data.yaml');
    const rev = data.indicators![0];
    expect(rev.baseline!.period).toBe('2020');
    expect(typeof rev.baseline!.period).toBe('string');
    expect(rev.observations.map((o) => o.period)).toEqual(['2020', '2021']);
    const year = readData(HEAD.replace('period: 2024-Q1', 'period: 2020'), 'data.yaml');
    expect(year.report.period).toBe('2020');
  });

  it('keeps dates as text YYYY-MM-DD (never Date objects)', () => {
    const data = readData(yaml, 'data.yaml');
    expect(data.report.date).toBe('2022-09-30');
    expect(data.plans![0].issued).toBe('2022-01-15');
    expect(data.plans![0].measures[0].due).toBe('2022-12-31');
    expect(data.plans![0].measures[1].completed).toBe('2022-06-28');
    expect(data.catalogs![0].entries[0].listed).toBe('2021-11-30');
    expect(data.catalogs![0].issued).toBe('2021-11');
  });

  it('accepts a UTF-8 byte order mark, in YAML and in JSON', () => {
    expect(readData(`\uFEFF${yaml}`, 'data.yaml')).toEqual(json);
    expect(readData(`\uFEFF${JSON.stringify(json)}`, 'data.json')).toEqual(json);
  });

  it('gives back Chinese text and emoji exactly', () => {
    const title = '北京市加快医药健康协同创新行动计划（2021—2023年）：第三季度实施进展 🚀💊';
    const note = '首批白名单已于6月28日发布；“研发用物品”进口试点 👩‍🔬 ✅ 𠮷';
    const text = `format: plan-report/v1
report:
  title: ${title}
  region: 北京
  period: 2022-Q3
  locale: zh-CN
plans:
  - id: BJ-1
    title: "${title}"
    groups: [需国家授权, 市级事权]
    measures:
      - { id: M1, title: 研发用物品进口白名单, group: 市级事权, lead: 北京市商务局, status: completed, note: "${note}" }
`;
    const data = readData(text, 'zh.yaml');
    expect(data.report.title).toBe(title);
    expect(data.report.region).toBe('北京');
    expect(data.plans![0].title).toBe(title);
    expect(data.plans![0].groups).toEqual(['需国家授权', '市级事权']);
    expect(data.plans![0].measures[0]).toMatchObject({ title: '研发用物品进口白名单', group: '市级事权', lead: '北京市商务局', note });
    expect(readData(JSON.stringify(data), 'zh.json')).toEqual(data);
  });

  it('accepts text of exactly 32767 characters', () => {
    const long = 'x'.repeat(MAX_TEXT);
    expect(readData(HEAD.replace('title: T', `title: ${long}`), 'data.yaml').report.title).toBe(long);
  });

  it('accepts a catalog issued as a date and as a period', () => {
    const text = `${HEAD}catalogs:
  - { id: C1, title: c, issued: 2021-11-30, entries: [] }
  - { id: C2, title: c, issued: 2021-11, entries: [] }
  - { id: C3, title: c, issued: 2021, entries: [] }
  - { id: C4, title: c, issued: 2021-Q4, entries: [] }
  - { id: C5, title: c, issued: 2021-H2, entries: [] }
`;
    expect(readData(text, 'data.yaml').catalogs!.map((c) => c.issued)).toEqual(['2021-11-30', '2021-11', '2021', '2021-Q4', '2021-H2']);
  });

  it('accepts the same measure id in two plans', () => {
    const text = `${HEAD}plans:
  - { id: P1, title: p, measures: [{ id: M-1, title: m, status: completed }] }
  - { id: P2, title: p, measures: [{ id: M-1, title: m, status: delayed }] }
`;
    expect(readData(text, 'data.yaml').plans!.map((p) => p.measures[0].id)).toEqual(['M-1', 'M-1']);
  });

  it('accepts an id of exactly 40 characters, and the same period in baseline, target and observations', () => {
    const id = `A.b_c-${'9'.repeat(34)}`;
    const text = `${HEAD}indicators:
  - id: ${id}
    name: n
    baseline: { period: 2024-Q1, value: 1 }
    target: { period: 2024-Q1, value: 2 }
    observations: [{ period: 2024-Q1, growth: 0.1 }]
`;
    expect(readData(text, 'data.yaml').indicators![0].id).toBe(id);
  });
});

describe('readData: every error is located and says what was expected', () => {
  it('refuses a wrong format', () => {
    const e = dataError(HEAD.replace('plan-report/v1', 'plan-report/v2'));
    expect(lines(e)).toEqual(['data.yaml:1:9: format: expected exactly "plan-report/v1", got "plan-report/v2"']);
    expect(e.problems).toEqual([
      {
        file: 'data.yaml',
        line: 1,
        column: 9,
        path: 'format',
        message: 'expected exactly "plan-report/v1", got "plan-report/v2"',
        zh: '现为“plan-report/v2”，应为“plan-report/v1”',
      },
    ]);
  });

  it('refuses a missing format, locating it at the top of the file', () => {
    const e = dataError(HEAD.replace('format: plan-report/v1\n', ''));
    expect(lines(e)).toEqual(['data.yaml:1:1: format: missing required key "format"; expected exactly "plan-report/v1"']);
  });

  it('refuses a missing report title, locating the mapping that lacks it', () => {
    const e = dataError(HEAD.replace('  title: T\n', ''));
    expect(lines(e)).toEqual(['data.yaml:3:3: report.title: missing required key "title"; expected text']);
  });

  it('refuses a plan without measures and a measure without status', () => {
    const text = `${HEAD}plans:
  - id: P
    title: p
  - id: Q
    title: q
    measures:
      - { id: M0, title: m }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:5: plans[0].measures: missing required key "measures"; expected a list of measures',
      'data.yaml:12:9: plans[1].measures[0].status: missing required key "status"; expected one of not-started | in-progress | completed | delayed | cancelled',
    ]);
  });

  it('refuses an unknown key at the top level, naming the allowed keys', () => {
    const e = dataError(`${HEAD}plasn: []\n`);
    expect(lines(e)).toEqual(['data.yaml:6:1: plasn: unknown key "plasn"; expected one of: format, report, plans, catalogs, indicators']);
  });

  it('refuses a typo deep in the file (stauts), locating the key, and reports the missing status too', () => {
    const text = withMeasures(okMeasure(0), okMeasure(1), okMeasure(2), okMeasure(3), '{ id: M4, title: m, stauts: completed }');
    expect(lines(dataError(text))).toEqual([
      'data.yaml:14:9: plans[0].measures[4].status: missing required key "status"; expected one of not-started | in-progress | completed | delayed | cancelled',
      'data.yaml:14:29: plans[0].measures[4].stauts: unknown key "stauts"; expected one of: id, title, group, lead, due, status, completed, progress, note',
    ]);
  });

  it('refuses a wrong type deep in the file (progress: "half")', () => {
    const text = withMeasures(okMeasure(0), okMeasure(1), okMeasure(2), '{ id: M3, title: m, status: in-progress, progress: "half" }');
    expect(lines(dataError(text))).toEqual(['data.yaml:13:60: plans[0].measures[3].progress: expected a finite number, got "half"']);
  });

  it('refuses a status not in the list (done), naming the list', () => {
    const text = withMeasures(okMeasure(0), okMeasure(1), okMeasure(2), okMeasure(3), '{ id: M4, title: m, status: done }');
    const e = dataError(text);
    expect(lines(e)).toEqual([
      'data.yaml:14:37: plans[0].measures[4].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead',
    ]);
    expect(e.problems[0]).toMatchObject({ line: 14, column: 37, path: 'plans[0].measures[4].status' });
  });

  it("says what to write for a value in an official's words (已完成, 2022/6/28, 60%), still refusing it, at its line and column", () => {
    const text = withMeasures(
      "{ id: M0, title: m, status: 已完成, due: 2022/6/28, progress: '60%' }",
      '{ id: M1, title: m, status: "Ｃｏｍｐｌｅｔｅｄ", completed: 2022年6月28日, due: 长期 }',
      '{ id: M2, title: m, status: "完成了\\u200B", progress: 60 }',
    );
    expect(lines(dataError(text))).toEqual([
      'data.yaml:10:37: plans[0].measures[0].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "已完成"; write completed instead',
      'data.yaml:10:47: plans[0].measures[0].due: expected a date written YYYY-MM-DD, got "2022/6/28"; write 2022-06-28 instead',
      'data.yaml:10:68: plans[0].measures[0].progress: expected a finite number, got "60%"; write 0.6 instead',
      'data.yaml:11:37: plans[0].measures[1].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "Ｃｏｍｐｌｅｔｅｄ"; write completed instead',
      'data.yaml:11:61: plans[0].measures[1].completed: expected a date written YYYY-MM-DD, got "2022年6月28日"; write 2022-06-28 instead',
      'data.yaml:11:78: plans[0].measures[1].due: expected a date written YYYY-MM-DD, got "长期"; leave out due (长期 means no due date; say so in the note)',
      'data.yaml:12:37: plans[0].measures[2].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "完成了<U+200B>"',
      'data.yaml:12:60: plans[0].measures[2].progress: expected a number from 0 to 1, got 60',
    ]);
  });

  it('refuses progress above 1 and below 0', () => {
    const text = withMeasures('{ id: M0, title: m, status: in-progress, progress: 1.01 }', '{ id: M1, title: m, status: in-progress, progress: -0.1 }');
    expect(lines(dataError(text))).toEqual([
      'data.yaml:10:60: plans[0].measures[0].progress: expected a number from 0 to 1, got 1.01',
      'data.yaml:11:60: plans[0].measures[1].progress: expected a number from 0 to 1, got -0.1',
    ]);
  });

  it('refuses hospitals 1.5 and -1', () => {
    const text = `${HEAD}catalogs:
  - id: C
    title: c
    entries:
      - { product: a, enterprise: e, category: drug, hospitals: 1.5 }
      - { product: b, enterprise: e, category: device, hospitals: -1 }
      - { product: c, enterprise: e, category: other, hospitals: 0 }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:10:65: catalogs[0].entries[0].hospitals: expected a whole number >= 0, got 1.5',
      'data.yaml:11:67: catalogs[0].entries[1].hospitals: expected a whole number >= 0, got -1',
    ]);
  });

  it('refuses an entry category not in the list and a locale not in the list', () => {
    const text = `${HEAD}  locale: fr
catalogs:
  - { id: C, title: c, entries: [{ product: a, enterprise: e, category: vaccine }] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:6:11: report.locale: expected one of en | zh-CN, got "fr"',
      'data.yaml:8:73: catalogs[0].entries[0].category: expected one of drug | device | consumable | diagnostic | other, got "vaccine"',
    ]);
  });

  it('refuses a bad id: a space, 41 characters, a non-ASCII letter', () => {
    const long = 'A'.repeat(41);
    const text = `${HEAD}plans:
  - { id: "BJ 01", title: p, measures: [] }
  - { id: ${long}, title: p, measures: [] }
  - { id: 北京, title: p, measures: [] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:11: plans[0].id: expected an id of 1-40 characters A-Z a-z 0-9 . _ -, got "BJ 01"',
      `data.yaml:8:11: plans[1].id: expected an id of 1-40 characters A-Z a-z 0-9 . _ -, got "${long}"`,
      'data.yaml:9:11: plans[2].id: expected an id of 1-40 characters A-Z a-z 0-9 . _ -, got "北京"',
    ]);
  });

  it('refuses bad dates: 2023-02-29 (not a leap year) and 2024-1-1 (not YYYY-MM-DD)', () => {
    const text = `format: plan-report/v1
report:
  title: T
  region: R
  period: 2024-Q1
  date: 2023-02-29
plans:
  - id: P
    title: p
    issued: 2024-1-1
    measures:
      - { id: M, title: m, status: completed, due: 2024-02-29 }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:6:9: report.date: expected a date written YYYY-MM-DD, got "2023-02-29"',
      'data.yaml:10:13: plans[0].issued: expected a date written YYYY-MM-DD, got "2024-1-1"; write 2024-01-01 instead',
    ]);
  });

  it('refuses a bad period (2024-Q5) in the report, an observation and a baseline', () => {
    const text = `format: plan-report/v1
report:
  title: T
  region: R
  period: 2024-Q5
indicators:
  - id: I
    name: n
    baseline: { period: 2024-Q5, value: 1 }
    target: { period: 2024-13, value: 2 }
    observations:
      - { period: 2024-Q5, value: 1 }
`;
    const expected = 'expected a period (2024, 2024-H1, 2024-Q3 or 2024-07)';
    expect(lines(dataError(text))).toEqual([
      `data.yaml:5:11: report.period: ${expected}, got "2024-Q5"`,
      `data.yaml:9:25: indicators[0].baseline.period: ${expected}, got "2024-Q5"`,
      `data.yaml:10:23: indicators[0].target.period: ${expected}, got "2024-13"`,
      `data.yaml:12:19: indicators[0].observations[0].period: ${expected}, got "2024-Q5"`,
    ]);
  });

  it('refuses a catalog issued as junk, and names both kinds it accepts', () => {
    const text = `${HEAD}catalogs:
  - { id: C1, title: c, issued: 2021-11-30, entries: [] }
  - { id: C2, title: c, issued: soon, entries: [] }
  - { id: C3, title: c, issued: 2021-11-31, entries: [] }
`;
    const expected = 'expected a date (YYYY-MM-DD) or a period (2024, 2024-Q3, 2024-07)';
    expect(lines(dataError(text))).toEqual([
      `data.yaml:8:33: catalogs[1].issued: ${expected}, got "soon"`,
      `data.yaml:9:33: catalogs[2].issued: ${expected}, got "2021-11-31"`,
    ]);
  });

  it('refuses an observation with neither value nor growth', () => {
    const text = `${HEAD}indicators:
  - id: I
    name: n
    observations:
      - { period: 2024-Q1, value: 1 }
      - { period: 2024-Q2 }
`;
    const e = dataError(text);
    expect(lines(e)).toEqual(['data.yaml:11:9: indicators[0].observations[1]: expected a value, a growth, or both, got a mapping']);
  });

  it('refuses numbers that are not finite', () => {
    const text = `${HEAD}indicators:
  - { id: I, name: n, observations: [{ period: 2024, value: .nan }, { period: 2023, growth: .inf }] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:61: indicators[0].observations[0].value: expected a finite number, got NaN',
      'data.yaml:7:93: indicators[0].observations[1].growth: expected a finite number, got Infinity',
    ]);
  });

  it('refuses text over 32767 characters, without echoing all of it', () => {
    const e = dataError(HEAD.replace('title: T', `title: ${'x'.repeat(MAX_TEXT + 1)}`));
    expect(lines(e)).toHaveLength(1);
    expect(lines(e)[0]).toMatch(/^data\.yaml:3:10: report\.title: expected at most 32767 characters \(the limit of one spreadsheet cell\), got "x{57}\.\.\."$/);
  });

  it('counts text in UTF-16 units, as a spreadsheet cell does: 20,000 emoji are 40,000 units, and the echo keeps whole characters', () => {
    const e = dataError(HEAD.replace('title: T', `title: ${'😀'.repeat(20000)}`));
    expect(lines(e)).toEqual([
      `data.yaml:3:10: report.title: expected at most 32767 characters (the limit of one spreadsheet cell), got "${'😀'.repeat(28)}..."`,
    ]);
    expect(() => readData(HEAD.replace('title: T', `title: ${'😀'.repeat(16383)}`), 'data.yaml')).not.toThrow();
  });

  it('refuses dates and report periods that a spreadsheet shows wrongly (before 1900-03-01)', () => {
    expect(lines(dataError(HEAD.replace('period: 2024-Q1', 'period: 2024-Q1\n  date: 1900-02-28')))).toEqual([
      'data.yaml:6:9: report.date: expected a date from 1900-03-01 on (Excel shows earlier dates wrongly), got "1900-02-28"',
    ]);
    expect(lines(dataError(HEAD.replace('period: 2024-Q1', 'period: 1899')))).toEqual([
      'data.yaml:5:11: report.period: expected a period that ends on 1900-03-01 or later (Excel shows earlier dates wrongly), got 1899',
    ]);
    expect(() => readData(HEAD.replace('period: 2024-Q1', 'period: 1900-Q1\n  date: 1900-03-01'), 'data.yaml')).not.toThrow();
  });

  it('refuses empty text where text is required', () => {
    expect(lines(dataError(HEAD.replace('region: R', 'region: "  "')))).toEqual(['data.yaml:4:11: report.region: expected non-empty text, got "  "']);
  });

  it('refuses duplicate plan ids, and ids that differ only in case', () => {
    const text = `${HEAD}plans:
  - { id: BJ-1, title: p, measures: [] }
  - { id: BJ-1, title: p, measures: [] }
  - { id: bj-1, title: p, measures: [] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:8:11: plans[1].id: duplicate plan id "BJ-1": already used by plans[0]; expected a unique id',
      'data.yaml:9:11: plans[2].id: duplicate plan id "bj-1": already used by plans[0] ("BJ-1"; ids ignore case); expected a unique id',
    ]);
  });

  it('refuses ids that collide in workbook names (BJ-1 vs BJ_1), for plans, catalogs and indicators', () => {
    const text = `${HEAD}plans:
  - { id: BJ-1, title: p, measures: [] }
  - { id: BJ_1, title: p, measures: [] }
catalogs:
  - { id: C.1, title: c, entries: [] }
  - { id: c-1, title: c, entries: [] }
indicators:
  - { id: I-1, name: n, observations: [] }
  - { id: I_1, name: n, observations: [] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:8:11: plans[1].id: plan id "BJ_1" collides with "BJ-1" (plans[0]) in workbook names: both become "BJ_1"; expected ids that differ in a letter or digit',
      'data.yaml:11:11: catalogs[1].id: catalog id "c-1" collides with "C.1" (catalogs[0]) in workbook names: both become "c_1"; expected ids that differ in a letter or digit',
      'data.yaml:14:11: indicators[1].id: indicator id "I_1" collides with "I-1" (indicators[0]) in workbook names: both become "I_1"; expected ids that differ in a letter or digit',
    ]);
  });

  it('refuses a duplicate measure id within a plan (ignoring case)', () => {
    const text = withMeasures(okMeasure(0), okMeasure(1), '{ id: m0, title: m, status: delayed }');
    expect(lines(dataError(text))).toEqual([
      'data.yaml:12:15: plans[0].measures[2].id: duplicate measure id "m0": already used by plans[0].measures[0] ("M0"; ids ignore case); expected a unique id',
    ]);
  });

  it("refuses a measure group missing from the plan's groups, and groups listed twice ignoring case", () => {
    const text = `${HEAD}plans:
  - id: P
    title: p
    groups: [Municipal powers, Requires national authorization, municipal POWERS]
    measures:
      - { id: M0, title: m, status: completed, group: MUNICIPAL powers }
      - { id: M1, title: m, status: completed, group: District powers }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:9:65: plans[0].groups[2]: duplicate group "municipal POWERS": already listed as groups[0] (group names ignore case); expected each group once',
      'data.yaml:12:55: plans[0].measures[1].group: group "District powers" is not in the plan\'s groups; expected one of: "Municipal powers", "Requires national authorization", "municipal POWERS"',
    ]);
  });

  it('refuses a group name too long for spreadsheet criteria, with its place', () => {
    // "PLAN|" and the group: 255 characters fit, 256 do not; * ? ~ count twice.
    const text = `${HEAD}plans:
  - id: PLAN
    title: p
    groups:
      - ${'G'.repeat(250)}
      - ${'H'.repeat(251)}
      - "${'?'.repeat(125)}"
      - "${'?'.repeat(126)}"
    measures: []
`;
    const message = (g: string, n: number) =>
      `group "${g}…" is too long for spreadsheet criteria: the workbook matches "<plan id>|<group>", here ${n} characters (* ? ~ count twice); expected at most 255`;
    expect(lines(dataError(text))).toEqual([
      `data.yaml:11:9: plans[0].groups[1]: ${message('H'.repeat(40), 256)}`,
      `data.yaml:13:9: plans[0].groups[3]: ${message('?'.repeat(40), 257)}`,
    ]);
  });

  it('refuses observations of mixed period kinds and duplicate observation periods', () => {
    const text = `${HEAD}indicators:
  - id: I
    name: n
    observations:
      - { period: 2024-Q1, value: 1 }
      - { period: 2024, value: 2 }
      - { period: 2024-Q2, value: 3 }
      - { period: 2024-Q1, value: 4 }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:11:19: indicators[0].observations[1].period: period "2024" is a year, but this indicator\'s first observation is a quarter; expected all observations of one kind of period',
      'data.yaml:13:19: indicators[0].observations[3].period: duplicate period "2024-Q1": already given by observations[0]; expected unique periods',
    ]);
  });

  it('treats the year 2020 written unquoted and quoted as the same period', () => {
    const text = `${HEAD}indicators:
  - { id: I, name: n, observations: [{ period: 2020, value: 1 }, { period: "2020", value: 2 }] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:76: indicators[0].observations[1].period: duplicate period "2020": already given by observations[0]; expected unique periods',
    ]);
  });

  it('reports a YAML syntax error at its line and column', () => {
    expect(lines(dataError(HEAD.replace('title: T', 'title: Plans: 2024')))).toEqual([
      'data.yaml:3:10: invalid YAML: Nested mappings are not allowed in compact mappings',
    ]);
    expect(lines(dataError(HEAD.replace('region: R', 'region: @R')))).toEqual([
      'data.yaml:4:11: invalid YAML: Plain value cannot start with reserved character @',
    ]);
  });

  it('reports an unclosed quote where the quoted text starts, not at the end of the file', () => {
    const text = `${HEAD}plans:
  - id: P
    title: "unclosed
    measures: []
`;
    const e = dataError(text);
    expect(e.problems.length).toBeGreaterThanOrEqual(1);
    expect(e.problems[0]).toMatchObject({ file: 'data.yaml', line: 8, column: 12 });
    expect(lines(e)[0]).toBe('data.yaml:8:12: invalid YAML: Missing closing "quote');
  });

  it('reports a YAML indentation error at its line', () => {
    const e = dataError(`${HEAD}plans:\n  - id: P\n   title: x\n`);
    expect(lines(e)).toEqual(['data.yaml:8:1: invalid YAML: Sequence item without - indicator']);
  });

  it('refuses a YAML duplicate key, locating the second one', () => {
    const text = `format: plan-report/v1
report:
  title: T
  region: R
  title: U
  period: 2024-Q1
`;
    expect(lines(dataError(text))).toEqual(['data.yaml:5:3: invalid YAML: Map keys must be unique']);
  });

  it('refuses a JSON trailing comma, locating it', () => {
    const text = '{"format": "plan-report/v1",\n "report": {"title": "T", "region": "R", "period": "2024-Q1",}\n}';
    const e = dataError(text, 'data.json');
    expect(e.problems[0]).toMatchObject({ file: 'data.json', line: 2, column: 62 });
    expect(lines(e)[0]).toBe('data.json:2:62: invalid JSON: expected a key in double quotes');
    for (const p of e.problems) expect(p).toMatchObject({ file: 'data.json', line: 2 });
  });

  it('refuses JSON with a missing closing brace, locating the end of the file', () => {
    const text = '{"format": "plan-report/v1",\n "report": {"title": "T", "region": "R", "period": "2024-Q1"}\n';
    expect(lines(dataError(text, 'data.json'))).toEqual(['data.json:3:1: invalid JSON: expected "}" to close the mapping']);
  });

  it('refuses JSON `tru`, locating the bad word', () => {
    const text =
      '{"format": "plan-report/v1",\n "report": {"title": "T", "region": "R", "period": "2024-Q1"},\n "plans": [{"id": "P", "title": "p", "measures": [], "x": tru}]\n}';
    const e = dataError(text, 'data.json');
    expect(lines(e)[0]).toBe('data.json:3:59: invalid JSON: unexpected character; expected a value, a key in double quotes, or punctuation');
  });

  it('refuses JSON with a missing comma between items', () => {
    const text = '{"format": "plan-report/v1"\n "report": {"title": "T", "region": "R", "period": "2024-Q1"}}';
    expect(lines(dataError(text, 'data.json'))).toEqual(['data.json:2:2: invalid JSON: expected "," between items']);
  });

  it('locates a problem deep in a JSON file at the right value', () => {
    const data = {
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q1' },
      plans: [
        { id: 'P0', title: 'p', measures: [{ id: 'M', title: 'm', status: 'completed', progress: 0.5 }] },
        {
          id: 'P1',
          title: 'p',
          measures: [0, 1, 2, 3]
            .map((i) => ({ id: `M${i}`, title: 'm', status: 'in-progress', progress: 0.5 }))
            .concat({ id: 'M4', title: 'm', status: 'done', progress: 0.5 }),
        },
      ],
    };
    const text = JSON.stringify(data, null, 2);
    const at = where(text, '"done"');
    const e = dataError(text, 'data.json');
    expect(e.problems).toEqual([
      {
        file: 'data.json',
        ...at,
        path: 'plans[1].measures[4].status',
        message: 'expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead',
        zh: '现为“done”，应为以下之一：not-started（未启动）、in-progress（推进中）、completed（已完成）、delayed（滞后）、cancelled（已取消）；请写作 completed',
      },
    ]);
    expect(at.line).toBeGreaterThan(30);
  });

  it('locates unknown keys and missing keys in a hand-written JSON file', () => {
    const text = `{
  "format": "plan-report/v1",
  "report": { "title": "T", "region": "R", "period": "2024-Q1" },
  "plans": [
    { "id": "P", "title": "p", "measures": [
      { "id": "M", "title": "m", "stauts": "completed" }
    ] }
  ]
}`;
    expect(lines(dataError(text, 'data.json'))).toEqual([
      'data.json:6:7: plans[0].measures[0].status: missing required key "status"; expected one of not-started | in-progress | completed | delayed | cancelled',
      'data.json:6:34: plans[0].measures[0].stauts: unknown key "stauts"; expected one of: id, title, group, lead, due, status, completed, progress, note',
    ]);
  });

  it('refuses a duplicate key in JSON as YAML does (both syntaxes mean the same thing)', () => {
    const text = '{"format": "plan-report/v1",\n "report": {"title": "T", "region": "R", "period": "2024-Q1", "period": "2024-Q2"}\n}';
    const e = dataError(text, 'data.json');
    expect(e.problems[0]).toMatchObject({ file: 'data.json', line: 2, column: 63 });
    expect(lines(e)[0]).toMatch(/^data\.json:2:63: .*(duplicate|unique)/i);
  });

  it('refuses a file that is not a mapping, and an empty JSON file, at line 1 column 1', () => {
    expect(lines(dataError('hello'))).toEqual(['data.yaml:1:1: (top level): expected a mapping of keys to values, got "hello"']);
    expect(lines(dataError('[1, 2]', 'data.json'))).toEqual(['data.json:1:1: (top level): expected a mapping of keys to values, got a list']);
    expect(lines(dataError('', 'data.json'))).toEqual(['data.json:1:1: invalid JSON: expected a value']);
  });

  it('refuses an empty YAML file at line 1 column 1, like an empty JSON file', () => {
    expect(lines(dataError(''))).toEqual(['data.yaml:1:1: (top level): expected a mapping of keys to values, got an empty value']);
    expect(lines(dataError('# only a comment\n'))).toEqual(['data.yaml:1:1: (top level): expected a mapping of keys to values, got an empty value']);
  });

  it('reports all problems at once, sorted by line (not by path)', () => {
    // plans come before report in this file, so path order and line order differ.
    const text = `format: plan-report/v1
plans:
  - id: P
    title: p
    measures:
      - { id: M0, title: m, status: done }
      - { id: M0, title: m, status: completed, progress: 2 }
report:
  title: T
  region: R
  period: 2024-Q5
  colour: blue
`;
    const e = dataError(text);
    expect(lines(e)).toEqual([
      'data.yaml:6:37: plans[0].measures[0].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead',
      'data.yaml:7:15: plans[0].measures[1].id: duplicate measure id "M0": already used by plans[0].measures[0]; expected a unique id',
      'data.yaml:7:58: plans[0].measures[1].progress: expected a number from 0 to 1, got 2',
      'data.yaml:11:11: report.period: expected a period (2024, 2024-H1, 2024-Q3 or 2024-07), got "2024-Q5"',
      'data.yaml:12:3: report.colour: unknown key "colour"; expected one of: title, region, period, date, locale',
    ]);
    expect(e.problems.map((p) => p.line)).toEqual([6, 7, 7, 11, 12]);
  });

  it('still reports duplicates when a structural error is elsewhere (a bad status)', () => {
    const text = `${HEAD}plans:
  - { id: P, title: p, measures: [{ id: M, title: m, status: done }] }
  - { id: P, title: p, measures: [] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:62: plans[0].measures[0].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead',
      'data.yaml:8:11: plans[1].id: duplicate plan id "P": already used by plans[0]; expected a unique id',
    ]);
  });

  it('still reports duplicates when an observation elsewhere has no period', () => {
    const text = `${HEAD}indicators:
  - { id: I, name: n, observations: [{ value: 1 }] }
  - { id: I, name: n, observations: [] }
`;
    expect(lines(dataError(text))).toEqual([
      'data.yaml:7:38: indicators[0].observations[0].period: missing required key "period"; expected a period (2024, 2024-H1, 2024-Q3 or 2024-07)',
      'data.yaml:8:11: indicators[1].id: duplicate indicator id "I": already used by indicators[0]; expected a unique id',
    ]);
  });

  // The structure elsewhere is broken in a way the cross-item rules must survive.
  it.each([
    [
      'a plan without its measures list',
      '  - { id: P, title: p }',
      'data.yaml:7:5: plans[0].measures: missing required key "measures"; expected a list of measures',
    ],
    ['a plan id that is a number', '  - { id: 12, title: p, measures: [] }', 'data.yaml:7:11: plans[0].id: expected an id (text), got 12'],
    [
      'a measure group that is a number',
      '  - { id: P, title: p, groups: [A], measures: [{ id: M, title: m, status: completed, group: 5 }] }',
      'data.yaml:7:93: plans[0].measures[0].group: expected text, got 5',
    ],
  ])('still reports duplicate catalog ids when there is %s', (_what, planLine, structural) => {
    const text = `${HEAD}plans:
${planLine}
catalogs:
  - { id: C, title: c, entries: [] }
  - { id: C, title: c, entries: [] }
`;
    expect(lines(dataError(text))).toEqual([
      structural,
      'data.yaml:10:11: catalogs[1].id: duplicate catalog id "C": already used by catalogs[0]; expected a unique id',
    ]);
  });

  it('names the file as given in every line', () => {
    const e = dataError(withMeasures('{ id: M0, title: m, status: done }', '{ id: M0, title: m, status: done }'), 'data/2024 Q1/北京.yaml');
    expect(e.problems.length).toBe(3);
    for (const line of lines(e)) expect(line.startsWith('data/2024 Q1/北京.yaml:')).toBe(true);
    expect(e.problems.every((p: Located) => p.file === 'data/2024 Q1/北京.yaml')).toBe(true);
  });
});

describe('readTemplate', () => {
  it.each(['quarterly', 'measures-only'])('reads the built-in template %s', (name) => {
    const file = path.join(TEMPLATES, `${name}.yaml`);
    const t = readTemplate(fs.readFileSync(file, 'utf8'), file);
    expect(t.template).toBe('plan-report-template/v1');
    expect(t.name).toBe(name);
    expect(t.sections[0].section).toBe('summary');
  });

  it('reads the quarterly template with every section in order', () => {
    const file = path.join(TEMPLATES, 'quarterly.yaml');
    const t = readTemplate(fs.readFileSync(file, 'utf8'), file);
    expect(t.sections.map((s) => s.section)).toEqual(['summary', 'measures', 'catalog', 'indicators', 'dashboard', 'sources', 'about']);
    expect(t.title).toEqual({ en: 'Quarterly implementation report', 'zh-CN': '季度实施进展报告' });
  });

  it('reads a template written as JSON like the same one in YAML', () => {
    const yaml =
      'template: plan-report-template/v1\nname: mine\nsections:\n  - section: summary\n    blocks: [plans]\n  - section: measures\n    columns: [id, { field: title, width: 60, hidden: false }]\n';
    const json = {
      template: 'plan-report-template/v1',
      name: 'mine',
      sections: [
        { section: 'summary', blocks: ['plans'] },
        { section: 'measures', columns: ['id', { field: 'title', width: 60, hidden: false }] },
      ],
    };
    expect(readTemplate(yaml, 'mine.yaml')).toEqual(json);
    expect(readTemplate(JSON.stringify(json), 'mine.json')).toEqual(json);
  });

  const head = 'template: plan-report-template/v1\nname: mine\nsections:\n';

  it('refuses a template without a summary section', () => {
    expect(lines(templateError(`${head}  - section: measures\n  - section: about\n`))).toEqual([
      'tpl.yaml:4:3: sections: no summary section; expected a section "summary" (it holds the report date and the figures)',
    ]);
  });

  it('refuses a section listed twice', () => {
    expect(lines(templateError(`${head}  - section: summary\n  - section: measures\n  - section: about\n  - section: measures\n`))).toEqual([
      'tpl.yaml:7:14: sections[3].section: section "measures" appears twice (also sections[1]); expected each section once',
    ]);
  });

  it('refuses a column listed twice, as a name or as a mapping', () => {
    const text = `${head}  - section: summary
  - section: measures
    columns:
      - id
      - title
      - { field: id, width: 10 }
  - section: indicators
    observationColumns: [period, value, period]
`;
    expect(lines(templateError(text))).toEqual([
      'tpl.yaml:9:9: sections[1].columns[2]: column "id" appears twice (also columns[0]); expected each column once',
      'tpl.yaml:11:41: sections[2].observationColumns[2]: column "period" appears twice (also observationColumns[0]); expected each column once',
    ]);
  });

  it('refuses an unknown column field (stauts), naming the fields', () => {
    expect(lines(templateError(`${head}  - section: summary\n  - section: measures\n    columns: [id, stauts]\n`))).toEqual([
      'tpl.yaml:6:19: sections[1].columns[1]: expected a column: a field name (plan | id | title | group | lead | due | status | completed | progress | note) or a mapping with field, title, width, hidden, got "stauts"',
    ]);
  });

  it('refuses an unknown key (stauts) in a section', () => {
    expect(lines(templateError(`${head}  - section: summary\n    stauts: draft\n`))).toEqual([
      'tpl.yaml:5:5: sections[0].stauts: unknown key "stauts"; expected one of: section, title, blocks, charts',
    ]);
  });

  it('refuses an unknown section kind', () => {
    expect(lines(templateError(`${head}  - section: summary\n  - section: charts\n`))).toEqual([
      'tpl.yaml:5:14: sections[1].section: expected a section with "section:" one of summary | measures | catalog | indicators | dashboard | sources | about, got "charts"',
    ]);
  });

  it('refuses a summary block whose section is missing', () => {
    const text = `${head}  - section: summary\n    blocks: [plans, catalogs, indicators]\n  - section: measures\n`;
    expect(lines(templateError(text))).toEqual([
      'tpl.yaml:5:21: sections[0].blocks[1]: block "catalogs" needs the section "catalog", which this template does not have; expected that section too, or no "catalogs" block',
      'tpl.yaml:5:31: sections[0].blocks[2]: block "indicators" needs the section "indicators", which this template does not have; expected that section too, or no "indicators" block',
    ]);
  });

  it('refuses a bad template: format string, and a data file passed as a template', () => {
    expect(lines(templateError(`${head.replace('template/v1', 'template/v2')}  - section: summary\n`))).toEqual([
      'tpl.yaml:1:11: template: expected exactly "plan-report-template/v1", got "plan-report-template/v2"',
    ]);
    expect(lines(templateError(`${head.replace('plan-report-template/v1', 'plan-report/v1')}  - section: summary\n`))).toEqual([
      'tpl.yaml:1:11: template: expected exactly "plan-report-template/v1", got "plan-report/v1"',
    ]);
  });

  it('refuses a bad name and an empty list of sections', () => {
    expect(lines(templateError('template: plan-report-template/v1\nname: my report\nsections: []\n'))).toEqual([
      'tpl.yaml:2:7: name: expected a name of 1-40 characters A-Z a-z 0-9 . _ -, got "my report"',
      'tpl.yaml:3:11: sections: expected at least one section, got a list',
      'tpl.yaml:3:11: sections: no summary section; expected a section "summary" (it holds the report date and the figures)',
    ]);
  });

  it('locates template problems in JSON too', () => {
    const text =
      '{\n  "template": "plan-report-template/v1",\n  "name": "mine",\n  "sections": [\n    { "section": "summary" },\n    { "section": "summary" }\n  ]\n}';
    expect(lines(templateError(text, 'tpl.json'))).toEqual([
      'tpl.json:6:18: sections[1].section: section "summary" appears twice (also sections[0]); expected each section once',
    ]);
  });
});
