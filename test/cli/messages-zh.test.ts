/**
 * validate, generate, extract and template run with --locale zh-CN on a
 * corpus of bad inputs (the hostile inputs of commands.test.ts, bounds.test.ts
 * and the since tests): every line printed is Chinese, with no English
 * sentence and no data path; with --verbose the data path is added.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, cliOk, ROOT, type Result } from '../support/fixtures';
import { cleanTemps, tempDir } from '../support/forms';
import { dataPath, englishRun } from '../support/zh-text';

const seed = (name: string) => path.join(ROOT, 'seeds', `${name}.yaml`);

/** A seed copied into a new folder: `form` keeps its register beside the data file. */
function seedCopy(name: string): string {
  const copy = path.join(tempDir(), `${name}.yaml`);
  fs.copyFileSync(seed(name), copy);
  return copy;
}

afterAll(cleanTemps);

const VALID = `format: plan-report/v1
report:
  title: T
  region: Testland
  period: 2024-Q1
plans:
  - id: P
    title: p
    groups: [一、创新策源]
    measures:
      - { id: M0, title: m, status: completed }
`;

/** Every line a run printed, checked as a reader of Chinese reads it; returns the lines. */
function expectChinese(r: Result): string[] {
  const lines = [...r.out, ...r.err];
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect({ line, english: englishRun(line) }).toEqual({ line, english: undefined });
    expect({ line, path: dataPath(line) }).toEqual({ line, path: undefined });
  }
  expect(r.stderr).not.toMatch(/internal error|内部错误/);
  expect(r.stderr + r.stdout).toMatch(/[\u4e00-\u9fff]/);
  return lines;
}

/** A file in a new folder holding `content`. */
function file(name: string, content: string | Buffer): string {
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

/** Data files that validate and generate refuse, each with whether its problems have a data path. */
function badDataFiles(): [string, string, boolean][] {
  const binary = Buffer.alloc(300, 0x41);
  binary[200] = 0;
  const folder = path.join(tempDir(), 'data.yaml');
  fs.mkdirSync(folder);
  return [
    ['missing', path.join(tempDir(), 'missing.yaml'), false],
    ['a folder', folder, false],
    ['invalid YAML', file('a.yaml', `${VALID}   - { id: M1, title: m, status: completed }\n`), false],
    ['an unclosed quote', file('a.yaml', VALID.replace('title: T', 'title: "T')), false],
    ['a tab as indent', file('a.yaml', VALID.replace('  region', '\tregion')), false],
    ['a key twice', file('a.yaml', VALID.replace('  region: Testland', '  region: Testland\n  region: R')), false],
    ['invalid JSON', file('a.json', '{"format": "plan-report/v1",, }'), false],
    ['a JSON key twice', file('a.json', '{"format": "plan-report/v1", "format": "x"}'), false],
    ['JSON nested too deep', file('a.json', `{"format": "plan-report/v1",\n "x": ${'['.repeat(2000)}${']'.repeat(2000)}}`), false],
    ['binary', file('a.yaml', binary), false],
    ['not UTF-8', file('a.yaml', Buffer.concat([Buffer.from(VALID), Buffer.from([0x23, 0xe9, 0x0a])])), false],
    ['an empty file', file('a.yaml', ''), false],
    ['a list, not a mapping', file('a.yaml', '- a\n- b\n'), false],
    [
      'values in officials’ words',
      file(
        'a.yaml',
        `${VALID}      - { id: M1, title: m, status: 已完成, due: 2022/6/28, progress: "60%", group: 二、其他 }\n      - { id: m1, title: "", status: done, due: 长期, stauts: x }\n`,
      ),
      true,
    ],
    [
      'wrong report and indicators',
      file(
        'a.yaml',
        'format: plan-report/v2\nreport: {title: T, region: R, period: 2024-Q5, locale: fr}\nindicators:\n  - {id: I, name: n, format: integer, decimals: 2, observations: [{period: 2024-Q1, value: "12.5"}, {period: 2024-03, growth: 1}, {period: 2024-Q1}]}\n',
      ),
      true,
    ],
    [
      'a catalog',
      file(
        'a.yaml',
        'format: plan-report/v1\nreport: {title: T, region: R, period: 2024-Q1}\ncatalogs:\n  - {id: C, title: c, issued: 2024年, entries: [{product: p, enterprise: e, category: 药品, hospitals: -1, listed: 1899-01-01}]}\n  - {id: c, title: d, entries: x}\n',
      ),
      true,
    ],
    [
      'an id that collides and a long group',
      file(
        'a.yaml',
        `format: plan-report/v1\nreport: {title: T, region: R, period: 2024-Q1}\nplans:\n  - {id: A.B, title: a, groups: [g, G, ${'x'.repeat(300)}], measures: []}\n  - {id: A_B, title: b, measures: []}\n`,
      ),
      true,
    ],
  ];
}

describe('validate and generate --locale zh-CN on bad data files', () => {
  const cases = badDataFiles();

  it.each(cases)('validate: %s', async (_, data, hasPath) => {
    const r = await cli('validate', data, '--locale', 'zh-CN');
    expect(r.code).toBe(1);
    const lines = expectChinese(r);
    expect(lines[lines.length - 1]).toMatch(/：共 \d+ 个问题$/);
    if (hasPath) {
      const verbose = await cli('validate', data, '--locale', 'zh-CN', '--verbose');
      expect(verbose.stderr).toMatch(/（\w+(\[\d+\])?(\.\w+|\[\d+\])*）：/);
    }
  });

  it.each(cases)('generate: %s', async (_, data) => {
    const dir = tempDir();
    const r = await cli('generate', data, '--locale', 'zh-CN', '--out-dir', dir);
    expect(r.code).toBe(1);
    expectChinese(r);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('LANG=zh_CN.UTF-8 without --locale is Chinese too; --locale en is English', async () => {
    const data = file('a.yaml', VALID.replace('status: completed', 'status: 已完成'));
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
    try {
      process.env.LANG = 'zh_CN.UTF-8';
      delete process.env.LC_ALL;
      const zh = await cli('validate', data);
      expect(zh.err[0]).toContain('现为“已完成”');
      const en = await cli('validate', data, '--locale', 'en');
      expect(en.err[0]).toContain('got "已完成"; write completed instead');
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('says the summary lines in Chinese', async () => {
    const dir = tempDir();
    const ok = await cli('validate', seed('suzhou-2022-q3'), '--locale', 'zh-CN');
    expect(ok.out).toEqual([`${seed('suzhou-2022-q3')}：检查通过：1 个方案（6 项措施），1 个目录（25 项产品），2 个指标（2 条观测值）`]);
    const gen = await cli('generate', seed('suzhou-2022-q3'), '--locale', 'zh-CN', '--out', path.join(dir, 'r.xlsx'));
    expect(gen.code).toBe(0);
    expect(gen.out).toEqual([
      `${seed('suzhou-2022-q3')} -> ${path.join(dir, 'r.xlsx')}（6 项措施，25 项目录产品，2 个指标；${gen.out[0].match(/；(\d+) 个/)![1]} 个命名的统计数字）`,
    ]);
    expectChinese(gen);
  });
});

describe('generate --locale zh-CN: outputs and previous reports refused', () => {
  it('an output that is an input, a folder, or a file in place of a folder', async () => {
    const data = file('data.yaml', VALID);
    const dir = path.dirname(data);
    for (const out of [data, `${dir}/`, path.join(data, 'r.xlsx')]) {
      const r = await cli('generate', data, '--out', out, '--locale', 'zh-CN');
      expect(r.code).toBe(1);
      expectChinese(r);
    }
    expect(fs.readFileSync(data, 'utf8')).toBe(VALID);
  });

  it('a previous report of another region, of the same period, or a form', async () => {
    const dir = tempDir();
    const suzhou = path.join(dir, 'suzhou.xlsx');
    const beijing = path.join(dir, 'beijing.xlsx');
    await cliOk('generate', seed('suzhou-2022-q3'), '--out', suzhou);
    await cliOk('generate', seed('beijing-2022-q3'), '--out', beijing);
    const form = path.join(dir, 'form.xlsx');
    await cliOk('form', seedCopy('beijing-2022-q3'), '--plan', 'BJ-OPEN-2022', '--out', form);
    for (const since of [suzhou, beijing, form]) {
      const r = await cli('generate', seed('beijing-2022-q3'), '--since', since, '--out', path.join(dir, 'new.xlsx'), '--locale', 'zh-CN');
      expect(r.code).toBe(1);
      expectChinese(r);
      // Periods as an office writes them, not the data format's codes.
      if (since === beijing) expect(r.stderr).toMatch(/是2022年第三季度的报告，与 .* 的期间（2022年第三季度）相同；应为更早一期的报告/);
      const verbose = await cli('generate', seed('beijing-2022-q3'), '--since', since, '--out', path.join(dir, 'new.xlsx'), '--locale', 'zh-CN', '--verbose');
      if (since !== form) expect(verbose.stderr).toMatch(/（report\.(region|period)）/);
    }
    expect(fs.existsSync(path.join(dir, 'new.xlsx'))).toBe(false);
    // Made since a report three quarters before: the lines say so in Chinese.
    const later = file('later.yaml', fs.readFileSync(seed('beijing-2022-q3'), 'utf8').replace('period: 2022-Q3', 'period: 2023-Q2'));
    const r = await cli('generate', later, '--since', beijing, '--out', path.join(dir, 'later.xlsx'), '--locale', 'zh-CN');
    expect(r.code).toBe(0);
    expectChinese(r);
    expect(r.out[1]).toBe(`  与上期2022年第三季度（${beijing}）相比：列出 0 条变化；本报告跳过了2022年第三季度与2023年第二季度之间的各期`);
  });
});

describe('usage errors in Chinese (exit 2)', () => {
  it.each([
    [['validate', 'a.yaml', '--lcoale', 'x'], '错误：无法识别的选项“--lcoale”'],
    [['generate'], '错误：缺少必需的参数“data”'],
    [['generate', 'a.yaml', 'b.yaml', '--out', 'x.xlsx'], '错误：--out 只指定一个工作簿，但给出了多个数据文件；请改用 --out-dir'],
    [['generate', 'a.yaml', 'b.yaml', '--since', 'x.xlsx'], '错误：--since 指定的是一个数据文件的上期报告，但给出了多个数据文件'],
    [['extract', 'a.xlsx', 'b.xlsx'], '错误：参数过多，应为 1 个，实际给出 2 个'],
    [['validat', 'a.yaml'], '错误：无法识别的命令“validat”'],
  ])('%j', async (argv, first) => {
    const r = await cli(...argv, '--locale', 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(first);
    expectChinese(r);
  });
});

describe('template --locale zh-CN', () => {
  /** A template with a problem of each kind the rules find, and of the schema. */
  const BROKEN = [
    'template: plan-report-template/v1',
    'name: mine',
    'title: { en: "a:b", zh-CN: History }',
    'sections:',
    '  - section: summary',
    '    blocks: [plans, catalogs]',
    '    charts: [groups, categories]',
    '  - section: measures',
    '    title: 概览',
    '    columns: [id, stauts, id, { field: note, width: 1 }]',
    '  - section: dashboard',
    '  - section: measures',
    '  - section: nothing',
  ].join('\n');

  it('lists the built-in templates by their Chinese titles', async () => {
    const r = await cli('template', '--locale', 'zh-CN');
    expect(r.out).toEqual([expect.stringMatching(/^measures-only\s+措施落实情况报告$/), expect.stringMatching(/^quarterly\s+季度实施进展报告$/)]);
  });

  it('refuses a broken template, a missing template, a wrong --from and a wrong --out, in Chinese', async () => {
    const tpl = file('mine.yaml', `${BROKEN}\n`);
    const bad = file('bad.yaml', 'template: x\nname: "a b"\nsections: []\nextra: 1\n');
    const yamlError = file('y.yaml', 'template: plan-report-template/v1\nname: [\n');
    const dir = tempDir();
    for (const argv of [
      ['template', tpl, '--out', path.join(dir, 'mine.xlsx')],
      ['template', bad],
      ['template', yamlError],
      ['template', 'no-such-name'],
      ['template', 'quarterly', '--out', path.join(dir, 'q.txt')],
      ['template', 'quarterly', '--from', tpl],
      ['template', '--from', tpl],
      ['generate', seed('beijing-2022-q3'), '--template', tpl, '--out-dir', dir],
    ]) {
      const r = await cli(...argv, '--locale', 'zh-CN');
      expect(r.code).toBe(1);
      expectChinese(r);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const verbose = await cli('template', tpl, '--locale', 'zh-CN', '--verbose');
    expect(verbose.stderr).toContain('（sections[1].columns[1]）');
  });

  it('says where the template workbook went, in Chinese', async () => {
    const out = path.join(tempDir(), 'q.xlsx');
    const r = await cli('template', 'quarterly', '--out', out, '--locale', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`模板“quarterly” -> ${out}（用法：“plan-report generate 数据文件 --template ${out}”）`]);
  });
});

describe('extract --locale zh-CN', () => {
  it('refuses a form, and a data file already beside the workbook, in Chinese', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'report.xlsx');
    await cliOk('generate', seed('beijing-2022-q3'), '--out', report);
    const form = path.join(dir, 'form.xlsx');
    await cliOk('form', seedCopy('beijing-2022-q3'), '--plan', 'BJ-OPEN-2022', '--out', form);
    const done = await cli('extract', report, '--locale', 'zh-CN');
    expect(done.code).toBe(0);
    expect(done.out).toEqual([`${report} -> ${path.join(dir, 'report.yaml')}（50 项措施，0 项目录产品，0 个指标）`]);
    for (const argv of [
      ['extract', report],
      ['extract', form],
      ['extract', report, '--out', report],
    ]) {
      const r = await cli(...argv, '--locale', 'zh-CN');
      expect(r.code).toBe(1);
      expectChinese(r);
    }
  });
});
