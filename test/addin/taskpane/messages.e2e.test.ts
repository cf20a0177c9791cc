/**
 * The built task pane (headless Chromium, fake Excel host) says what the
 * core finds in the pane's language: a data file's YAML syntax error, a data
 * check the pane has no words of its own for, a template file's problem,
 * each placed by line and column in words (第3行第10列), never by a data
 * path (the path stays in the item's tooltip); and a problem Check finds
 * that the pane does not word, said by the core under the column's title.
 * Screenshots in both languages go to test-artifacts/.
 */
import * as path from 'node:path';
import { fileProblemLines } from '../../../src/addin/taskpane/core-text';
import { readData } from '../../../src/core/data-file/read';
import { InputError, type Located } from '../../../src/core/errors';
import { inLocale } from '../../../src/core/messages/said';
import { readTemplate } from '../../../src/core/template';
import { CUSTOM_TEMPLATE_YAML } from '../../support/custom-template';
import { ROOT } from '../support';
import { ARTIFACTS, paneHarness, press, type Win } from './harness';

const pane = paneHarness();
const SEED_FILE = path.join(ROOT, 'seeds/suzhou-2022-q3.yaml');

const SYNTAX = 'format: plan-report/v1\nreport:\n  title: "T\n  region: R\n';
const STATUS =
  'format: plan-report/v1\nreport: { title: T, region: R, period: 2024-Q3 }\nplans:\n  - id: P\n    title: P\n    measures:\n      - { id: M1, title: M, status: done }\n';
const TEMPLATE = CUSTOM_TEMPLATE_YAML.replace('      - status\n', '      - statuss\n');

const yaml = (name: string, text: string) => ({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });

function problemsOf(text: string, file: string, read: (text: string, file: string) => unknown): Located[] {
  try {
    read(text, file);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
  }
  throw new Error('expected problems');
}

/** The problems listed: each item's text and tooltip. */
async function listed(page: import('playwright-core').Page): Promise<{ text: string; title: string }[]> {
  return page.$$eval('#problems li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', title: li.getAttribute('title') ?? '' })));
}

const ENGLISH = /[A-Za-z]{2,}\s+[a-z]{2,}/;
const DATA_PATH = /\w+\[\d+\]|report\.\w+/;

for (const [lang, ui] of [
  ['en-US', 'en'],
  ['zh-CN', 'zh-CN'],
] as const) {
  it(`the ${lang} pane says a data file's and a template file's problems at their line and column, in its language`, async () => {
    const { page, errors } = await pane.open(lang);

    // A YAML syntax error: an unclosed quote, found where it opens.
    await page.setInputFiles('#data-file', yaml('data.yaml', SYNTAX));
    expect(await press(page, 'build')).toEqual({ state: 'error', message: expect.stringContaining('data.yaml') });
    const [syntax] = await listed(page);
    if (ui === 'en') expect(syntax.text).toBe('Line 3, column 10 invalid YAML: Missing closing "quote');
    else {
      expect(syntax.text).toMatch(/^第3行第10列 YAML 格式有误：/);
      expect(syntax.text).not.toMatch(ENGLISH);
    }
    expect(syntax.title).toContain('data.yaml');
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-yaml-syntax-${ui}.png`), fullPage: true });

    // A data check the pane has no words of its own for: said as the core says it in the pane's language, the path only in the tooltip.
    await page.setInputFiles('#data-file', yaml('data.yaml', STATUS));
    expect((await press(page, 'build')).state).toBe('error');
    const [p] = problemsOf(STATUS, 'data.yaml', readData);
    const [status] = await listed(page);
    expect(status.text).toBe(ui === 'en' ? `Line 7, column 37 status: ${p.message}` : `第7行第37列 “状态”：${inLocale(p, 'zh-CN')}`);
    expect(status.text).not.toMatch(DATA_PATH);
    expect(status.title).toContain('plans[0].measures[0].status');
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-data-check-${ui}.png`), fullPage: true });

    // A template file's problem, the same way.
    await page.setInputFiles('#data-file', SEED_FILE);
    await page.selectOption('#template', '__file__');
    await page.setInputFiles('#template-file', yaml('mine.yaml', TEMPLATE));
    expect(await press(page, 'build')).toEqual({ state: 'error', message: expect.stringContaining('mine.yaml') });
    const expected = fileProblemLines(problemsOf(TEMPLATE, 'mine.yaml', readTemplate), ui);
    expect((await listed(page)).map((l) => l.text)).toEqual(expected.map((l) => `${l.where} ${l.text}`));
    for (const l of expected) {
      expect(l.where).toMatch(ui === 'en' ? /^Line \d+, column \d+$/ : /^第\d+行第\d+列$/);
      expect(l.text).not.toMatch(DATA_PATH);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-template-problem-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it(`the ${lang} pane's Check says a problem it has no words for as the core says it, under the column's title`, async () => {
    const { page, errors } = await pane.open(lang);
    await page.setInputFiles('#data-file', SEED_FILE);
    await page.selectOption('#locale', 'zh-CN');
    expect((await press(page, 'build')).state).toBe('done');
    // 数值格式 整数 with 2 decimals: a rule of the data format, not a cell's value.
    const cell = (await page.evaluate(async () => {
      const st = (globalThis as unknown as Win).fakeExcel.state;
      const sheet = st.sheetByName('指标')!;
      const col = (t: string) => String.fromCharCode(64 + [...Array(20).keys()].map((c) => c + 1).find((c) => sheet.cell(1, c)?.value === t)!);
      await (globalThis as unknown as Win).fakeExcel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('指标');
        ws.getRange(`${col('数值格式')}2`).values = [['整数']];
        ws.getRange(`${col('小数位数')}2`).values = [[2]];
      });
      return `指标!${col('小数位数')}2`;
    })) as string;
    expect((await press(page, 'check')).state).toBe('error');
    const message = 'expected no decimals (or 0) for format integer; use format number for decimals';
    const item = page.locator(`#problems button[data-cell="${cell}"]`);
    // In Chinese, as the core says it (its sentence registered for the English), under the column's title once.
    const zh = inLocale({ message }, 'zh-CN');
    expect(await item.textContent()).toBe(`${cell} ${ui === 'en' ? `小数位数: ${message}` : `小数位数：${zh}`}`);
    expect(await page.getAttribute('#problems li', 'title')).toContain('indicators[0].decimals');
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-check-core-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
}
