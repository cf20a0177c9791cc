/**
 * Large JSON data files, read as a stream by generate and validate
 * (src/cli/data-file/load.ts): the same output and the same messages as when the
 * file is read whole; a file that changes between the two readings is
 * refused and leaves no workbook; a file too large to be read whole still
 * names where its first problem is.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { run } from '../../../src/cli/main';
import { loadReportInput } from '../../../src/cli/data-file/load';
import { streamWorkbook } from '../../../src/cli/xlsx/write/write-stream';
import { readData } from '../../../src/core/data-file/read';
import { InputError } from '../../../src/core/errors';
import { buildReport } from '../../../src/core/layout/build';
import { OPTIONS, quarterly } from '../../support/fixtures';
import { timeless } from '../../support/timeless';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const seedJson = (name: string) => JSON.stringify(readData(fs.readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name), null, 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-data-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function write(content: string | Buffer, name = `d${n++}.json`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function cli(stream: boolean, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.PLAN_REPORT_STREAM_BYTES;
  process.env.PLAN_REPORT_STREAM_BYTES = stream ? '0' : String(Number.MAX_SAFE_INTEGER);
  try {
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    if (saved === undefined) delete process.env.PLAN_REPORT_STREAM_BYTES;
    else process.env.PLAN_REPORT_STREAM_BYTES = saved;
  }
}

async function caught(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

/** The parts of an .xlsx, with the times of writing masked. */
async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    out[name] = timeless(await zip.file(name)!.async('string'));
  }
  return out;
}

const HEAD = '"format":"plan-report/v1","report":{"title":"T","region":"R","period":"2024-Q1"}';
const M = (id: string, extra = '') => `{"id":"${id}","title":"m","status":"completed"${extra}}`;
const plan = (measures: string, extra = '') => `{${HEAD},"plans":[{"id":"P","title":"p"${extra},"measures":[\n${measures}\n]}]}`;

describe('generate and validate read a large JSON file as a stream, with the same results', () => {
  it.each(['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3'])('%s: the same summary and the same workbook', async (name) => {
    const file = write(seedJson(name), `${name}.json`);
    for (const command of ['validate']) {
      expect(await cli(true, command, file)).toEqual(await cli(false, command, file));
    }
    const a = path.join(dir, `${name}-stream.xlsx`);
    const b = path.join(dir, `${name}-whole.xlsx`);
    const streamed = await cli(true, 'generate', file, '--out', a);
    const whole = await cli(false, 'generate', file, '--out', b);
    expect(streamed.code).toBe(0);
    expect(streamed.out).toEqual(whole.out.map((l) => l.replace(b, a)));
    expect(await parts(a)).toEqual(await parts(b));
  });

  it('streams only JSON files larger than the threshold; YAML and small JSON are read whole', async () => {
    const file = write(seedJson('beijing-2022-q3'));
    const size = fs.statSync(file).size;
    expect((await loadReportInput(file, { streamAbove: size })).rows).toBeUndefined();
    expect((await loadReportInput(file, { streamAbove: size - 1 })).rows).toBeDefined();
    expect((await loadReportInput(path.join(ROOT, 'seeds/beijing-2022-q3.yaml'), { streamAbove: 0 })).rows).toBeUndefined();
  });
});

describe('a large JSON file with problems gets the same messages as when read whole', () => {
  const bad: [string, string | Buffer][] = [
    ['a status not in the list', plan(`${M('A')},\n${M('B').replace('completed', 'done')}`)],
    ['a missing key and an unknown one', plan(`${M('A')},\n{"id":"B","title":"m","stauts":"completed"}`)],
    ['a measure id used twice', plan(`${M('A')},\n${M('a')}`)],
    ['a group the plan does not list', plan(`${M('A', ',"group":"x"')},\n${M('B', ',"group":"Y"')}`, ',"groups":["X"]')],
    ['a key written twice in a measure', plan(`${M('A')},\n{"id":"B","title":"m","status":"completed","id":"C"}`)],
    ['a key written twice in the skeleton', `{${HEAD},"plans":[],"plans":[]}`],
    ['two lists of measures in a plan', plan(M('A'), `,"measures":[${M('B')}]`)],
    ['a trailing comma', plan(`${M('A')},`)],
    ['a missing comma', plan(`${M('A')}\n${M('B')}`)],
    ['a missing closing brace', plan(M('A')).slice(0, -1)],
    ['a file that ends in a string', plan(M('A')).slice(0, 120)],
    ['a wrong word', plan(M('A', ',"progress":tru'))],
    ['a row that is not a mapping', plan(`${M('A')},\n"B"`)],
    ['a top level that is a list', '[1, 2]'],
    ['an empty file', ''],
    [
      'problems in the skeleton and in rows',
      `{${HEAD.replace('2024-Q1', '2024-Q5')},"plans":[{"id":"P","title":"","measures":[${M('A').replace('completed', 'done')}]},{"id":"P","title":"q","measures":[]}]}`,
    ],
    [
      'a catalog entry with a negative count',
      `{${HEAD},"catalogs":[{"id":"C","title":"c","entries":[{"product":"p","enterprise":"e","category":"drug","hospitals":-1}]}]}`,
    ],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(plan(M('A', ',"note":"')).slice(0, -4)), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}]}')])],
    ['a NUL byte', plan(M('A', ',"note":"a\u0000b"'))],
    ['a zip file', Buffer.from('PK\u0003\u0004 a workbook', 'binary')],
    ['a byte order mark and a problem', `\uFEFF${plan(M('A').replace('completed', 'done'))}`],
  ];

  it.each(bad)('%s', async (_, content) => {
    const file = write(content);
    for (const argv of [
      ['validate', file],
      ['generate', file, '--out', path.join(dir, 'never.xlsx')],
    ]) {
      const whole = await cli(false, ...argv);
      const streamed = await cli(true, ...argv);
      expect(whole.code).toBe(1);
      expect(streamed).toEqual(whole);
    }
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('reads chunk by chunk, with problems at any chunk boundary', async () => {
    const text = plan(`${M('A')},\n${M('B').replace('completed', 'done')},\n${M('a')},`);
    const file = write(text);
    const whole = await caught(loadReportInput(file, { streamAbove: Infinity }));
    for (const chunkBytes of [1, 2, 3, 7, 50]) expect((await caught(loadReportInput(file, { streamAbove: 0, chunkBytes }))).problems).toEqual(whole.problems);
  });

  it('names the path of the first problem of a file too large to be read whole', async () => {
    const file = write(plan(`${M('A')},\n${M('B').replace('completed', 'done')}`));
    const size = fs.statSync(file).size;
    const e = await caught(loadReportInput(file, { streamAbove: 0, maxWholeBytes: size - 1 }));
    expect(e.problems[0]).toEqual({
      file,
      path: 'plans[0].measures[1].status',
      message: 'expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead',
      zh: '现为“done”，应为以下之一：not-started（未启动）、in-progress（推进中）、completed（已完成）、delayed（滞后）、cancelled（已取消）；请写作 completed',
    });
    expect(e.problems[1].message).toMatch(/too large to locate problems at a line and column/);
    const dup = await caught(loadReportInput(write(plan(`${M('A')},\n${M('a')}`)), { streamAbove: 0, maxWholeBytes: 10 }));
    expect(dup.problems[0]).toMatchObject({
      path: 'plans[0].measures[1].id',
      message: expect.stringMatching(/^duplicate measure id "a": already used by plans\[0\]\.measures\[0\]/),
    });
    // A valid file that large is read.
    expect((await loadReportInput(write(plan(M('A'))), { streamAbove: 0, maxWholeBytes: 10 })).summary.measures).toBe(1);
  });
});

describe('a data file that changes between the two readings', () => {
  const text = plan(Array.from({ length: 50 }, (_, i) => M(`M${i}`)).join(',\n'));

  it.each([
    ['a byte changed', (t: string) => t.replace('"M30"', '"M3X"')],
    ['the same bytes, one row status changed', (t: string) => t.replace('"M40","title":"m","status":"completed"', '"M40","title":"m","status":"cancelled"')],
    ['bytes added at the end', (t: string) => `${t}\n`],
    ['bytes cut from the end', (t: string) => t.slice(0, -1)],
  ])('is refused (%s), and no workbook is left', async (_, change) => {
    const file = write(text);
    const input = await loadReportInput(file, { streamAbove: 0, chunkBytes: 64 });
    fs.writeFileSync(file, change(text));
    const out = path.join(dir, 'changed', 'out.xlsx');
    // Found while the layout is built (the print plan looks at the first rows) or while the rows are written.
    const e = await caught((async () => streamWorkbook(buildReport(quarterly, input.data, 'en', OPTIONS, input.rows), out))());
    expect(e.problems).toEqual([
      { file, message: expect.stringMatching(/^changed while the report was being written/), zh: expect.stringMatching(/^在生成报告期间被改动/) },
    ]);
    expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []).toEqual([]);
  });

  it('is refused when it is removed', async () => {
    const file = write(text);
    const input = await loadReportInput(file, { streamAbove: 0 });
    fs.rmSync(file);
    expect(() => [...input.rows!.measures]).toThrow(/changed while the report was being written/);
  });

  it('writes the same workbook when it has not changed', async () => {
    const file = write(text);
    const input = await loadReportInput(file, { streamAbove: 0, chunkBytes: 64 });
    const a = path.join(dir, 'same-a.xlsx');
    const b = path.join(dir, 'same-b.xlsx');
    await streamWorkbook(buildReport(quarterly, input.data, 'en', OPTIONS, input.rows), a);
    const data = readData(text, file);
    await streamWorkbook(buildReport(quarterly, data, 'en', OPTIONS), b);
    expect(await parts(a)).toEqual(await parts(b));
  });
});
