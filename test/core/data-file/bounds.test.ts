/**
 * Bounds on reading data files and templates: deep nesting, alias bombs and
 * many problems are refused (exit 1, with file, place and what was expected)
 * in time linear in the input; a valid file reusing one anchor many times is
 * read, and collected into.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import * as jsonc from 'jsonc-parser';
import * as bounds from '../../../src/core/data-file/bounds';
import { aliasBomb, lineIndex, MAX_ALIAS_EXPANSION } from '../../../src/core/data-file/bounds';
import { MAX_LISTED } from '../../../src/core/data-file/structured-text';
import { InputError, type Located } from '../../../src/core/errors';
import { readTemplate } from '../../../src/core/template';
import { cleanTemps, expectNoCrash, formSheet, loadBytes, tempDir } from '../../support/forms';
import { cli } from '../../support/fixtures';
import { parseDocument } from 'yaml';

afterAll(cleanTemps);

function problems(read: () => unknown): { list: Located[]; total: number } {
  try {
    read();
  } catch (err) {
    if (err instanceof InputError) return { list: err.problems, total: err.total };
    throw err;
  }
  throw new Error('expected an InputError');
}

const HEAD = 'format: plan-report/v1\nreport: {title: T, region: R, period: 2024-Q3}\n';

/** A valid data file whose every measure's lead is one anchor (`&lead`), used `n` times. */
function anchored(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `      - {id: M${i}, title: Measure ${i}, lead: ${i ? '*lead' : '&lead Health Commission'}, status: in-progress}`,
  );
  return `${HEAD}plans:\n  - id: P1\n    title: Plan\n    measures:\n${rows.join('\n')}\n`;
}

describe('nesting', () => {
  it('refuses JSON nested 200,000 deep at the line and column where it passes the bound, before the parser sees it', () => {
    const text = `{"format": "plan-report/v1",\n "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const { list } = problems(() => readData(text, 'deep.json'));
    expect(list).toEqual([
      {
        file: 'deep.json',
        line: 2,
        column: 70,
        message: "nested more than 64 levels deep; expected a data file's mappings and lists, nested at most 64 deep",
        zh: '嵌套超过 64 层；数据文件的各层内容应不超过 64 层',
      },
    ]);
    // Templates share the reader.
    expect(problems(() => readTemplate(text, 'deep.json')).list[0].message).toMatch(/^nested more than 64 levels deep/);
  });

  it('finds the nesting from the parsed value, the text scanned only for its place: 64 deep read, 65 refused, however written', () => {
    const at = (depth: number) => `${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`;
    const data = (x: string) => `{"format": "plan-report/v1",\n "x": ${x}}`;
    const first = (text: string) => problems(() => readData(text, 'deep.json')).list[0];
    // The top mapping is level 1: 63 more levels are read (and refused for the unknown key), 64 more are too deep.
    const read = problems(() => readData(data(at(64)), 'deep.json')).list.map((p) => p.message);
    expect(read.some((m) => /unknown key "x"/.test(m))).toBe(true);
    expect(read.some((m) => /nested/.test(m))).toBe(false);
    expect(first(data(at(65)))).toMatchObject({ line: 2, column: 70, message: expect.stringMatching(/^nested more than 64 levels deep/) });
    // Too deep and not JSON (a bracket left open); too deep under a key written twice, whose first value JSON.parse drops.
    expect(first(data(`${'['.repeat(200_000)}`)).message).toMatch(/^nested more than 64 levels deep/);
    expect(first(`{"format": "plan-report/v1",\n "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "x": 1}`)).toMatchObject({
      line: 2,
      column: 70,
      message: expect.stringMatching(/^nested more than 64 levels deep/),
    });
  });

  it('reads brackets inside strings as text', () => {
    const text = JSON.stringify({ format: 'plan-report/v1', report: { title: '['.repeat(100) + '"{'.repeat(100), region: 'R', period: '2024-Q3' } });
    expect(readData(text, 'd.json').report.title).toMatch(/^\[{100}/);
  });

  it('refuses YAML nested 200,000 deep with its place, not a crash', () => {
    const { list } = problems(() => readData(`${HEAD}x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, 'deep.yaml'));
    expect(list[0]).toMatchObject({ file: 'deep.yaml', line: 3 });
    expect(list[0].message).toMatch(/nested too deeply; expected/);
  });
});

describe('aliases', () => {
  it('reads a valid file that uses one anchor 1,200 times (and 20,000 times)', () => {
    expect(readData(anchored(1200), 'd.yaml').plans![0].measures[1199].lead).toBe('Health Commission');
    expect(readData(anchored(20_000), 'd.yaml').plans![0].measures).toHaveLength(20_000);
  });

  it('refuses an alias bomb by its expanded size, at the alias that passes the bound, in data files and templates', () => {
    const levels = 'bcdefghi'.split('');
    const lines = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...levels.map(
        (l, i) =>
          `${l}: &${l} [${Array(10)
            .fill(`*${i ? levels[i - 1] : 'a'}`)
            .join(', ')}]`,
      ),
    ];
    const text = `${HEAD}${lines.join('\n')}\n`;
    const started = Date.now();
    const { list } = problems(() => readData(text, 'bomb.yaml'));
    expect(list).toEqual([
      {
        file: 'bomb.yaml',
        line: 8,
        column: 44,
        message: `the alias *e makes its anchor expand to more than 1,000,000 values (an alias bomb?); expected anchors and aliases that expand to a data file of ordinary size`,
        zh: '别名 *e 使其锚点展开为超过 1,000,000 个值（恶意构造的文件？）；锚点和别名展开后应为正常大小的数据文件',
      },
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems(() => readTemplate(text, 'bomb.yaml')).list[0]).toMatchObject({ file: 'bomb.yaml', line: 8, column: 44 });
    expect(aliasBomb(parseDocument(anchored(1200)))).toBeUndefined();
    expect(MAX_ALIAS_EXPANSION).toBe(1_000_000);
  });

  it('collect edits in place a file whose anchor is used 1,200 times (the same bound as reading)', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, anchored(1200));
    const form = path.join(dir, 'f.xlsx');
    expect((await cli('form', data, '--plan', 'P1', '--out', form)).code).toBe(0);
    const wb = await loadBytes(fs.readFileSync(form));
    formSheet(wb).getCell('F8').value = 'Completed';
    formSheet(wb).getCell('G8').value = new Date('2024-09-30T00:00:00Z');
    const ret = path.join(dir, 'r.xlsx');
    fs.writeFileSync(ret, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cli('collect', data, ret);
    expectNoCrash(r);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(data, 'utf8');
    expect(text.match(/\*lead/g)).toHaveLength(1199);
    expect(readData(text, data).plans![0].measures[0]).toMatchObject({ status: 'completed', completed: '2024-09-30', lead: 'Health Commission' });
  }, 60_000);
});

describe('many problems', () => {
  /** A JSON data file of `n` measures, each with a bad status when `bad`. */
  function measures(n: number, bad: boolean): string {
    const rows = Array.from({ length: n }, (_, i) => `    {"id": "M${i}", "title": "Measure ${i}", "status": "${bad ? 'nope!' : 'completed'}"}`);
    return `{"format": "plan-report/v1", "report": {"title": "T", "region": "R", "period": "2024-Q3"},\n "plans": [{"id": "P1", "title": "P", "measures": [\n${rows.join(',\n')}\n]}]}\n`;
  }

  it('lists the first 1,000 of 20,000 problems, then how many more, with the total', () => {
    const { list, total } = problems(() => readData(measures(20_000, true), 'bad.json'));
    expect(total).toBe(20_000);
    expect(list).toHaveLength(MAX_LISTED + 1);
    expect(list[0]).toMatchObject({ line: 3, column: 50, path: 'plans[0].measures[0].status' });
    expect(list[MAX_LISTED - 1]).toMatchObject({ line: 1002 });
    expect(list[MAX_LISTED]).toEqual({
      file: 'bad.json',
      message: 'and 19000 more problems (20000 in all); correct these and read the file again',
      zh: '另有 19000 个问题未列出（共 20000 个）；请先改正以上问题，再重新检查',
    });
  });

  it('locates 20,000 problems from one parse of the file and one index of its lines, not a scan a problem', () => {
    // Rescanning the text from its start for each problem took over 100 times as long as reading a valid file. The
    // places come from one tree of the JSON (jsonc-parser's parseTree) and one index of its lines (lineIndex, searched
    // by halves): counted here, not timed (a timed bound failed under a loaded machine at 15x for a linear reading).
    const trees = jest.spyOn(jsonc, 'parseTree');
    const lines = jest.spyOn(bounds, 'lineIndex');
    try {
      const { total } = problems(() => readData(measures(20_000, true), 'bad.json'));
      expect(total).toBe(20_000);
      expect(trees).toHaveBeenCalledTimes(1);
      expect(lines).toHaveBeenCalledTimes(1);
    } finally {
      trees.mockRestore();
      lines.mockRestore();
    }
  });

  it('finds lines and columns by a binary search over line starts', () => {
    const at = lineIndex('ab\ncd\n\nef');
    expect([0, 2, 3, 5, 6, 7, 8].map((o) => at(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
