/**
 * Problems the pane has no sentence of its own for, said as the core says
 * them in the pane's language (core/messages/said.ts): a data file's and a
 * template file's problems placed by line and column in words (第3行第10列),
 * never by their data path (kept in the details); a YAML syntax error in
 * Chinese; and a problem Check finds on the fake Excel host that the pane
 * does not word (an observation's period before 1900) said in the core's
 * Chinese under the column's title.
 */
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { checkWorkbook } from '../../../src/addin/excel/workbook';
import { coreSaid, fileProblemLines } from '../../../src/addin/taskpane/core-text';
import { showProblem } from '../../../src/addin/taskpane/problem-text';
import { readData } from '../../../src/core/data-file/read';
import { InputError, type Located } from '../../../src/core/errors';
import { inLocale } from '../../../src/core/messages/said';
import { readTemplate } from '../../../src/core/template';
import { FakeExcel } from '../fake-excel/host';
import { model, seed } from '../support';

/** The problems the core finds in a data file's text. */
function problemsOf(text: string, read: (text: string, file: string) => unknown = readData): Located[] {
  try {
    read(text, 'data.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('no problem found');
}

/** A run of English words: what no Chinese sentence holds (file names and format words aside). */
const ENGLISH = /[A-Za-z]{2,}\s+[a-z]{2,}/;
const DATA_PATH = /\w+\[\d+\]|report\.\w+/;

describe("a data file's problems in the pane", () => {
  it('places a YAML syntax error at its line and column in words and says it in Chinese; the parser stays in the details', () => {
    const [p] = problemsOf('format: plan-report/v1\nreport:\n  title: "T\n  region: R\n');
    const [zh] = fileProblemLines([p], 'zh-CN');
    expect(zh.where).toBe('第3行第10列');
    expect(zh.text).toMatch(/^YAML 格式有误：/);
    expect(zh.text).not.toMatch(ENGLISH);
    expect(zh.details).toContain('data.yaml 第3行第10列');
    expect(fileProblemLines([p], 'en')[0]).toEqual({
      where: 'Line 3, column 10',
      text: p.message,
      details: 'data.yaml:3:10: invalid YAML: Missing closing "quote',
    });
  });

  it('names the key, not the data path, and keeps the path in the details', () => {
    const text = 'format: plan-report/v1\nreport:\n  title: T\n  region: R\n  period: 2024-Q5\n';
    const [p] = problemsOf(text);
    expect(p.path).toBe('report.period');
    const [zh] = fileProblemLines([p], 'zh-CN');
    expect(zh.where).toBe('第5行第11列');
    expect(zh.text).toMatch(/^“期间”：/);
    expect(zh.text).toContain('应为期间，如 2024、2024-H1、2024-Q3 或 2024-07');
    expect(zh.text).toContain('“2024-Q5”');
    expect(zh.text).not.toMatch(DATA_PATH);
    expect(zh.text).not.toMatch(ENGLISH);
    expect(zh.details).toContain('（report.period）');
    const [en] = fileProblemLines([p], 'en');
    expect(en).toMatchObject({ where: 'Line 5, column 11', text: `period: ${p.message}` });
    expect(en.details).toBe(`data.yaml:5:11: report.period: ${p.message}`);

    // A key in a list is said as the report titles its column: a measure's title is 措施.
    const [m] = problemsOf(
      'format: plan-report/v1\nreport: { title: T, region: R, period: 2024-Q3 }\nplans:\n  - id: P\n    title: P\n    measures:\n      - { id: M1, title: "", status: completed }\n',
    );
    expect(m.path).toBe('plans[0].measures[0].title');
    expect(fileProblemLines([m], 'zh-CN')[0]).toMatchObject({ where: '第7行第26列', text: expect.stringMatching(/^“措施”：/) });
    expect(fileProblemLines([m], 'en')[0]).toMatchObject({ where: 'Line 7, column 26', text: `title: ${m.message}` });
  });

  it('says a problem the pane does not word as the core says it: its Chinese, or its English only when the core has none', () => {
    const yaml =
      'format: plan-report/v1\nreport: { title: T, region: R, period: 2024-Q3 }\nplans:\n  - id: P\n    title: P\n    measures:\n      - { id: M1, title: M, status: done }\n';
    const [p] = problemsOf(yaml);
    expect(p.path).toBe('plans[0].measures[0].status');
    const [line] = fileProblemLines([p], 'zh-CN');
    expect(line.where).toBe('第7行第37列');
    expect(line.text).toBe(`“状态”：${inLocale(p, 'zh-CN')}`);
    // The core's Chinese of this problem (Located.zh) is what the pane shows.
    const zh =
      '应为以下之一：not-started（未启动）、in-progress（推进中）、completed（已完成）、delayed（滞后）、cancelled（已取消），现为“done”；请写作 completed';
    expect(fileProblemLines([{ ...p, zh }], 'zh-CN')[0].text).toBe(`“状态”：${zh}`);
    expect(fileProblemLines([{ ...p, zh }], 'en')[0].text).toBe(`status: ${p.message}`);
    expect(coreSaid({ message: p.message, zh }, 'zh-CN')).toBe(zh);
  });

  it("places a template file's problems the same way", () => {
    const [p] = problemsOf('name: mine\ntitle: 1\nsheets: nope\n', readTemplate);
    const [zh] = fileProblemLines([p], 'zh-CN');
    expect(zh.where).toMatch(/^第\d+行第\d+列$/);
    expect(zh.text).not.toMatch(DATA_PATH);
  });
});

describe('Check: a problem the pane does not word, said by the core under the column title', () => {
  it('says decimals given to an integer indicator as the core says it, in the Chinese pane', async () => {
    const host = new FakeExcel(['My notes']);
    await buildReportInWorkbook(host.run, model(seed('suzhou-2022-q3'), 'zh-CN'));
    const title = (c: number) => host.state.sheetByName('指标')!.cell(1, c)?.value;
    const letter = (t: string) => String.fromCharCode(64 + [...Array(20).keys()].map((c) => c + 1).find((c) => title(c) === t)!);
    // 数值格式 整数 (integer) with 2 decimals: the core's rule, which the pane has no words of its own for.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('指标');
      sheet.getRange(`${letter('数值格式')}2`).values = [['整数']];
      sheet.getRange(`${letter('小数位数')}2`).values = [[2]];
    });
    const result = await checkWorkbook(host.run);
    if (result.ok || !('problems' in result)) throw new Error('expected problems');
    const p = result.problems.find((q) => q.cell === `指标!${letter('小数位数')}2`)!;
    expect(p.message).toBe('expected no decimals (or 0) for format integer; use format number for decimals');
    // The core's sentence for the English (registered), under the column's title once, whether the core names the column or not.
    expect(showProblem(p, result.cells, 'zh-CN')).toEqual({ where: p.cell, text: `小数位数：${inLocale({ message: p.message }, 'zh-CN')}` });
    // As the core says it in Chinese (Located.zh, or the sentence registered for its English).
    const zh = '数值格式为 integer（整数）时不应设小数位数（或设为 0）；需要小数请将格式写作 number';
    expect(showProblem({ ...p, zh }, result.cells, 'zh-CN')).toEqual({ where: p.cell, text: `小数位数：${zh}` });
    expect(showProblem({ ...p, zh }, result.cells, 'en').text).toBe(`小数位数: ${p.message}`);
    // A Chinese that names the column itself (as the report reader says a cell's problem) is not given the title twice.
    expect(showProblem({ ...p, zh: `小数位数：${zh}` }, result.cells, 'zh-CN').text).toBe(`小数位数：${zh}`);
  });
});
