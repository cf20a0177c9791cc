/**
 * The built task pane in headless Chromium, against the fake Excel host: the
 * real office.js is served from @microsoft/office-js where the page asks the
 * CDN for it, then the fake host takes over `Excel` and `Office`. In each
 * language: build the Beijing seed's report from the file input, check it,
 * export it (the download is the data file), insert the charts, break a cell
 * and click the problem to select it; and save a screenshot of the pane to
 * test-artifacts/. Then Save as template, refused in a workbook without a
 * report, and giving the template workbook `plan-report template` writes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { run as runCli } from '../../../src/cli/main';
import { loadTemplate } from '../../../src/cli/templates';
import { readData } from '../../../src/core/data-file/read';
import { readTemplate } from '../../../src/core/template';
import { CUSTOM_TEMPLATE_YAML } from '../../support/custom-template';
import { HOSTS } from '../fake-excel/host';
import { ROOT, seed, timeless, zipParts } from '../support';
import { HAIDIAN_LEDGER, HAIDIAN_TITLE, writeLedger } from '../../support/ledger';
import { ARTIFACTS, choose, paneHarness, press, type Win } from './harness';

const SEED_FILE = path.join(ROOT, 'seeds/beijing-2022-q3.yaml');

const pane = paneHarness();
const openPane = pane.open;

for (const [lang, ui, locale, sheets] of [
  ['en-US', 'en', '', { measures: 'Measures', summary: 'Summary' }],
  ['zh-CN', 'zh-CN', 'zh-CN', { measures: '措施', summary: '概览' }],
] as const) {
  it(`builds, checks and exports the seed report in the ${lang} pane`, async () => {
    const { page, errors } = await openPane(lang);
    expect(await page.evaluate('document.documentElement.lang')).toBe(ui);
    expect(await page.textContent('#build')).toBe(ui === 'en' ? 'Build report' : '生成报告');

    await page.setInputFiles('#data-file', SEED_FILE);
    await page.selectOption('#template', 'quarterly');
    await page.selectOption('#locale', locale);
    // Every message the pane shows while it builds (a long build shows each phase).
    await page.evaluate(`(() => {
      const seen = (globalThis.seenMessages = []);
      const el = document.getElementById('message');
      new MutationObserver(() => seen.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    })()`);
    const built = await press(page, 'build');
    const seen = (await page.evaluate('globalThis.seenMessages')) as string[];
    expect(seen).toEqual(expect.arrayContaining(ui === 'en' ? ['Writing values and formulas…', 'Formatting…'] : ['正在写入数值和公式…', '正在设置格式…']));
    expect(built).toEqual({ state: 'done', message: expect.stringMatching(ui === 'en' ? /^Report built: \d+ sheets/ : /^报告已生成/) });
    const names = await page.evaluate(() => (globalThis as unknown as Win).fakeExcel.state.sheets.map((s) => s.name));
    expect(names[0]).toBe('My notes');
    expect(names).toEqual(expect.arrayContaining([sheets.summary, sheets.measures, '_plan_report']));

    expect(await press(page, 'check')).toEqual({ state: 'done', message: expect.stringContaining('50') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toBe('Beijing-2022-Q3.yaml');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(readData(text, 'exported.yaml')).toEqual(seed('beijing-2022-q3'));

    const charts = await press(page, 'charts');
    expect(charts.state).toBe('done');

    // An official types a status that is not one: Check lists it, and clicking it selects the cell.
    await page.evaluate(async (sheet) => {
      await (globalThis as unknown as Win).fakeExcel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange('G5').values = [['half done']];
      });
    }, sheets.measures);
    expect((await press(page, 'check')).state).toBe('error');
    const problem = page.locator(`#problems button[data-cell="${sheets.measures}!G5"]`);
    // In the pane's language and the sheet's words: the cell, the column's title, the drop-down's choices; the data path only in the details.
    await expect(problem.textContent()).resolves.toBe(
      ui === 'en'
        ? 'Measures!G5 Status: "half done" is not one of the drop-down choices: Not started, In progress, Completed, Delayed, Cancelled'
        : '措施!G5 状态“half done”不是下拉选项之一：未启动、推进中、已完成、滞后、已取消',
    );
    expect(await page.getAttribute('#problems li', 'title')).toContain('plans[0].measures[3].status');
    await problem.click();
    await page.waitForFunction(() => (globalThis as unknown as Win).fakeExcel.state.selection !== undefined);
    const selected = await page.evaluate(() => {
      const st = (globalThis as unknown as Win).fakeExcel.state;
      const r = st.selection!.rect;
      return [st.sheetById(st.selection!.sheetId)!.name, r.r1, r.c1];
    });
    expect(selected).toEqual([sheets.measures, 5, 7]);

    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
}

/** The host note as shown: its text, and whether it fits the pane whole (nothing cut or scrolled away). */
async function hostNote(page: Page): Promise<{ shown: boolean; kind?: string; text: string; fits: boolean }> {
  return page.evaluate(`(() => {
    const el = document.getElementById('host-note');
    const box = el.getBoundingClientRect();
    const fits = box.left >= 0 && box.right <= window.innerWidth && el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight;
    return { shown: !el.hidden && box.height > 0, kind: el.dataset.kind, text: el.textContent, fits };
  })()`);
}

for (const [lang, ui, note] of [
  ['en-US', 'en', 'Print setup and filters need Excel 2021 or Microsoft 365; the figures and charts work.'],
  ['zh-CN', 'zh-CN', '打印设置和筛选功能需要 Excel 2021 或 Microsoft 365；报告中的数据和图表不受影响。'],
] as const) {
  it(`on Excel 2019 (ExcelApi 1.8) the ${lang} pane says what is left out, and builds the report, each count a formula of its own`, async () => {
    const { page, errors } = await openPane(lang, HOSTS.excel2019);
    expect(await hostNote(page)).toEqual({ shown: true, kind: 'print', text: note, fits: true });
    await page.setInputFiles('#data-file', SEED_FILE);
    const built = await press(page, 'build');
    expect(built).toEqual({ state: 'done', message: expect.stringMatching(ui === 'en' ? /^Report built: \d+ sheets/ : /^报告已生成/) });
    const written = (await page.evaluate(`(() => {
      const st = globalThis.fakeExcel.state;
      const calc = st.sheetByName('_figures');
      const formulas = [...calc.cells.values()].map((c) => c.formula).filter(Boolean);
      return {
        counts: formulas.filter((f) => /^=COUNTIFS?\\(/.test(f)).length,
        spilled: formulas.filter((f) => /FREQUENCY/.test(f)).length,
        printed: st.sheets.filter((s) => Object.keys(s.pageLayout.headersFooters).length).length,
        filtered: st.sheets.filter((s) => s.autoFilter).length,
      };
    })()`)) as Record<string, number>;
    expect(written).toEqual({ counts: expect.any(Number), spilled: 0, printed: 0, filtered: 0 });
    expect(written.counts).toBeGreaterThan(4);
    expect(await press(page, 'check')).toEqual({ state: 'done', message: expect.stringContaining('50') });
    expect((await hostNote(page)).shown).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-excel2019-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
}

for (const [lang, ui, words] of [
  ['en-US', 'en', ['Excel 2019 or later, or Microsoft 365', 'command line', 'any Excel since 2007 and in WPS']],
  ['zh-CN', 'zh-CN', ['Excel 2019 或更高版本，或 Microsoft 365', '命令行', 'Excel 2007 及以后的各版本和 WPS']],
] as const) {
  it(`on Excel 2016 (ExcelApi 1.1) the ${lang} pane says which Excel is needed and points to the command line`, async () => {
    const { page, errors } = await openPane(lang, HOSTS.excel2016);
    const shown = await hostNote(page);
    expect(shown).toEqual({ shown: true, kind: 'tooOld', text: expect.any(String), fits: true });
    for (const w of words) expect(shown.text).toContain(w);
    const disabled = await page.evaluate(`['build', 'check', 'export', 'charts', 'save-template'].map((id) => document.getElementById(id).disabled)`);
    expect(disabled).toEqual([true, true, true, true, true]);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-excel2016-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
}

it('shows the data file problems a person can act on, and leaves the workbook as it was', async () => {
  const { page } = await openPane('en-US');
  const before = await page.evaluate(() => JSON.stringify((globalThis as unknown as Win).fakeExcel.snapshot()));
  await page.setInputFiles('#data-file', {
    name: 'broken.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('format: plan-report/v1\nreport:\n  title: T\n  region: R\n  period: 2024-Q5\n'),
  });
  const result = await press(page, 'build');
  expect(result).toEqual({ state: 'error', message: expect.stringContaining('broken.yaml') });
  expect(await page.textContent('#problems')).toContain('Line 5, column 11 period: expected a period');
  expect(await page.evaluate(() => JSON.stringify((globalThis as unknown as Win).fakeExcel.snapshot()))).toBe(before);
  await page.context().close();

  // In Chinese, the data's check is said in Chinese, at the file's line and column in words and the key's name, without the data path.
  const zh = await openPane('zh-CN');
  await zh.page.setInputFiles('#data-file', {
    name: 'broken.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('format: plan-report/v1\nreport:\n  title: T\n  region: R\n  period: 2024-Q5\n'),
  });
  expect((await press(zh.page, 'build')).state).toBe('error');
  const said = await zh.page.textContent('#problems');
  expect(said).toMatch(/^第5行第11列 “期间”：/);
  expect(said).toContain('应为期间，如 2024、2024-H1、2024-Q3 或 2024-07');
  expect(said).toContain('“2024-Q5”');
  expect(await zh.page.getAttribute('#problems li', 'title')).toContain('report.period');
  await zh.page.context().close();
}, 30_000);

for (const [lang, ui, carriedNote, formRefusal] of [
  ['en-US', 'en', 'This workbook carries the template "Progress of our measures (my-report)"', 'is a form (to be filled in and returned), not a report'],
  ['zh-CN', 'zh-CN', '本工作簿附带模板“措施进展 (my-report)”', '是填报表（供填写后交回），不是报告'],
] as const) {
  it(`the ${lang} pane takes a template workbook (.xlsx), then names the template the workbook carries; a form is refused in its language`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-pane-'));
    const custom = path.join(dir, 'my-report.yaml');
    writeFileSync(custom, CUSTOM_TEMPLATE_YAML);
    const tpl = path.join(dir, 'my-report.xlsx');
    const form = path.join(dir, 'form.xlsx');
    const io = { out: () => undefined, err: () => undefined };
    expect(await runCli(['template', custom, '--out', tpl], io)).toBe(0);
    // A copy of the seed: form keeps a register of sent forms beside its data file.
    const data = path.join(dir, 'beijing.yaml');
    writeFileSync(data, readFileSync(SEED_FILE));
    expect(await runCli(['form', data, '--out', form], io)).toBe(0);

    const { page, errors } = await openPane(lang);
    expect(await page.isHidden('#carried-note')).toBe(true);
    await page.setInputFiles('#data-file', SEED_FILE);
    await page.selectOption('#locale', ui === 'en' ? '' : 'zh-CN');
    await page.selectOption('#template', '__file__');
    await page.setInputFiles('#template-file', form);
    const refused = await press(page, 'build');
    expect(refused).toEqual({ state: 'error', message: expect.stringContaining(formRefusal) });
    // Said once, in the pane's language: the reader's own words only in the details.
    expect(await page.$$('#problems li')).toHaveLength(0);
    expect(await page.getAttribute('#message', 'title')).toContain('plan-report form');
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-form-refused-${ui}.png`), fullPage: true });

    await page.setInputFiles('#template-file', tpl);
    expect((await press(page, 'build')).state).toBe('done');
    const names = await page.evaluate(() => (globalThis as unknown as Win).fakeExcel.state.sheets.map((s) => s.name));
    expect(names).toContain(ui === 'en' ? 'Tasks' : '任务');
    await page.waitForFunction(`document.getElementById('carried-note').dataset.kind === 'carried'`);
    expect(await page.textContent('#carried-note')).toContain(carriedNote);
    expect(await page.inputValue('#template')).toBe('__workbook__');
    expect(await page.isHidden('#template-file-field')).toBe(true);
    // Built again with the carried template: the same report, updated.
    expect(await press(page, 'build')).toEqual({ state: 'done', message: expect.stringMatching(ui === 'en' ? /^Report updated/ : /^报告已更新/) });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-carried-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
}

for (const [lang, ui, noReport, saved] of [
  [
    'en-US',
    'en',
    'This workbook has no report, so there is no template to save. Build a report first, or open a report or template workbook.',
    'Saved the template "Progress of our measures (my-report)" as my-report.xlsx.',
  ],
  [
    'zh-CN',
    'zh-CN',
    '本工作簿中没有报告，因此没有可保存的模板。请先生成报告，或打开报告工作簿或模板工作簿。',
    '已将模板“措施进展 (my-report)”保存为 my-report.xlsx。',
  ],
] as const) {
  it(`the ${lang} pane saves the report's template as the template workbook plan-report template writes, and refuses without a report`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-pane-save-'));
    const custom = path.join(dir, 'my-report.yaml');
    writeFileSync(custom, CUSTOM_TEMPLATE_YAML);
    const { page, errors } = await openPane(lang);
    expect(await page.textContent('#save-template')).toBe(ui === 'en' ? 'Save as template' : '另存为模板');
    expect(await press(page, 'save-template')).toEqual({ state: 'error', message: noReport });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-save-template-refused-${ui}.png`), fullPage: true });

    await page.setInputFiles('#data-file', SEED_FILE);
    await page.selectOption('#locale', ui);
    await page.selectOption('#template', '__file__');
    await page.setInputFiles('#template-file', custom);
    expect((await press(page, 'build')).state).toBe('done');
    const [download, result] = await Promise.all([page.waitForEvent('download'), press(page, 'save-template')]);
    expect(result).toEqual({ state: 'done', message: expect.stringContaining(saved) });
    expect(download.suggestedFilename()).toBe('my-report.xlsx');
    const got = path.join(dir, 'saved.xlsx');
    await download.saveAs(got);
    expect(await loadTemplate(got)).toEqual(readTemplate(CUSTOM_TEMPLATE_YAML, 'x.yaml'));

    // The parts `plan-report template` writes for the template, in the report's language: the same XML but for the times.
    const cliFile = path.join(dir, 'cli.xlsx');
    expect(await runCli(['template', custom, '--out', cliFile, '--locale', ui], { out: () => undefined, err: () => undefined })).toBe(0);
    const [a, b] = [await zipParts(readFileSync(got)), await zipParts(readFileSync(cliFile))];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [part, xml] of a) expect({ part, xml: timeless(xml) }).toEqual({ part, xml: timeless(b.get(part)!) });

    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-save-template-${ui}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
}

it("bundles the add-in's stand-in for the command line's password hashing, not node:crypto", () => {
  const dir = path.join(pane.built(), 'addin');
  const [script] = readdirSync(dir).filter((f) => /^taskpane\..*\.js$/.test(f));
  const bundle = readFileSync(path.join(dir, script), 'utf8');
  expect(bundle).toContain('"./src/addin/xlsx/password.ts"');
  expect(bundle).not.toContain('"./src/cli/xlsx/write/password.ts"');
  expect(bundle).toContain('"./src/cli/xlsx/write/parts.ts"');
});

/** The Haidian ledger with a status in no one's words in its last row ("差不多"), to be refused. */
const LEDGER: (string | number | null)[][] = [
  ...HAIDIAN_LEDGER.slice(0, -1),
  [2, '举办产业对接会', '区商务局', '区科委、区卫健委', '2022/9/30', '差不多', null],
];

for (const [lang, ui, texts] of [
  [
    'en-US',
    'en',
    {
      problem: '台账!F10',
      problemText: /^台账!F10 完成情况\/状态: "差不多" is not a status/,
      notImported: 'not imported',
      ready: /^Read 5 measures in 2 groups: 创新策源 \(3\), 产业促进 \(2\) from the sheet "台账"/,
      built: /^Report built: \d+ sheets/,
    },
  ],
  [
    'zh-CN',
    'zh-CN',
    {
      problem: '台账!F10',
      problemText: /^台账!F10 完成情况\/状态：“差不多”不是可识别的完成情况/,
      notImported: '不导入',
      ready: /^已从工作表“台账”读取5 项措施，分 2 组：创新策源（3）、产业促进（2）/,
      built: /^报告已生成/,
    },
  ],
] as const) {
  it(`the ${lang} pane imports the ledger on the active sheet: shows how it is read, lists what cannot be, then builds its report`, async () => {
    const { page, errors } = await openPane(lang);
    // The file pickers speak the pane's language (the browser's own "Choose File" is hidden).
    expect(await page.textContent('#data-file-name')).toBe(ui === 'en' ? 'No file chosen' : '未选择文件');
    expect(await page.textContent('label[for="data-file"]')).toBe(ui === 'en' ? 'Choose a file…' : '选择文件…');
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-start-${ui}.png`), fullPage: true });

    await page.evaluate(
      async (rows) => {
        await (globalThis as unknown as Win).fakeExcel.run(async (context) => {
          const ws = context.workbook.worksheets.add('台账');
          const width = Math.max(...rows.map((r) => r.length));
          ws.getRange(`A1:${String.fromCharCode(64 + width)}${rows.length}`).values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          ws.activate();
          await context.sync();
        });
      },
      LEDGER as (string | number | null)[][],
    );

    // A status that is no status word: the cell is named, and clicking it selects it.
    const refused = await press(page, 'import-sheet');
    expect(refused.state).toBe('error');
    const problem = page.locator(`#problems button[data-cell="${texts.problem}"]`);
    expect(await problem.textContent()).toMatch(texts.problemText);
    expect(await page.isVisible('#ledger')).toBe(true);
    expect(await page.textContent('#ledger-columns')).toContain(texts.notImported);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-import-problems-${ui}.png`), fullPage: true });
    await problem.click();
    await page.waitForFunction(() => (globalThis as unknown as Win).fakeExcel.state.selection !== undefined);

    // Corrected in the sheet: imported again, the pane shows what it read, with the report's title, region and period found in the title row.
    await page.evaluate(async () => {
      await (globalThis as unknown as Win).fakeExcel.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('F10:G10').values = [['已完成', '2022年9月28日']];
      });
    });
    const ready = await press(page, 'import-sheet');
    expect(ready).toEqual({ state: 'done', message: expect.stringMatching(texts.ready) });
    expect([await page.inputValue('#ledger-region'), await page.inputValue('#ledger-period'), await page.inputValue('#ledger-title')]).toEqual([
      '海淀区',
      '2022-Q3',
      HAIDIAN_TITLE,
    ]);
    const rows = await page.$$eval('#ledger-columns tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toContainEqual(['B', '重点任务', ui === 'en' ? 'Task' : '任务', ui === 'en' ? '5 cells' : '5 格']);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-import-${ui}.png`), fullPage: true });

    const built = await press(page, 'ledger-build');
    expect(built).toEqual({ state: 'done', message: expect.stringMatching(texts.built) });
    expect(await page.isHidden('#ledger')).toBe(true);
    const names = await page.evaluate(() => (globalThis as unknown as Win).fakeExcel.state.sheets.map((s) => s.name));
    expect(names.slice(0, 2)).toEqual(['My notes', '台账']);
    // The ledger's headers are Chinese: its report's labels are too, whatever the pane's language.
    expect(names).toEqual(expect.arrayContaining(['措施', '概览']));
    expect(await press(page, 'check')).toEqual({ state: 'done', message: expect.stringContaining('5') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
}

for (const [lang, ui, says] of [
  [
    'en-US',
    'en',
    {
      noReport: 'This workbook has no report yet. Build one above, or import a ledger, or open a workbook that has a report.',
      report: 'is a report made by plan-report, not a data file.',
      form: 'is a form (to be filled in and returned), not a data file.',
      ledger: /^Read 5 measures in 2 groups: .* from "haidian.xlsx", sheet "台账"/,
    },
  ],
  [
    'zh-CN',
    'zh-CN',
    {
      noReport: '本工作簿中还没有报告。请先在上方生成报告或导入台账，或打开已有报告的工作簿。',
      report: '是由 plan-report 生成的报告，不是数据文件。',
      form: '是填报表（供填写后交回），不是数据文件。',
      ledger: /^已从“haidian.xlsx”的工作表“台账”读取5 项措施/,
    },
  ],
] as const) {
  it(`the ${lang} pane says plainly that a workbook has no report, and what an .xlsx chosen as the data file is`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-pane-xlsx-'));
    const io = { out: () => undefined, err: () => undefined };
    const data = path.join(dir, 'beijing.yaml');
    writeFileSync(data, readFileSync(SEED_FILE));
    const report = path.join(dir, 'report.xlsx');
    const form = path.join(dir, 'form.xlsx');
    expect(await runCli(['generate', data, '--out', report], io)).toBe(0);
    expect(await runCli(['form', data, '--out', form], io)).toBe(0);
    const ledger = await writeLedger(path.join(dir, 'haidian.xlsx'), [
      { name: '台账', rows: LEDGER.map((r) => r.map((v) => (v === '差不多' ? '已完成' : v))) },
    ]);

    const { page, errors } = await openPane(lang);
    // No report: a sentence, and nothing to click.
    expect(await press(page, 'check')).toEqual({ state: 'error', message: says.noReport });
    expect(await page.$$('#problems li')).toHaveLength(0);
    expect(await press(page, 'export')).toEqual({ state: 'error', message: says.noReport });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-no-report-${ui}.png`), fullPage: true });

    expect(await choose(page, 'data-file', report)).toEqual({ state: 'error', message: expect.stringContaining(says.report) });
    expect(await page.textContent('#data-file-name')).toBe('report.xlsx');
    expect(await choose(page, 'data-file', form)).toEqual({ state: 'error', message: expect.stringContaining(says.form) });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-xlsx-form-${ui}.png`), fullPage: true });

    expect(await choose(page, 'data-file', ledger)).toEqual({ state: 'done', message: expect.stringMatching(says.ledger) });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-xlsx-ledger-${ui}.png`), fullPage: true });
    expect((await press(page, 'ledger-build')).state).toBe('done');
    expect(await press(page, 'check')).toEqual({ state: 'done', message: expect.stringContaining('5') });
    expect(errors).toEqual([]);
    await page.context().close();
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);
}

/** The later data files of the tests below: the pane reads a chosen file when it builds, so they stay until the end. */
const laterDir = mkdtempSync(path.join(os.tmpdir(), 'pane-since-'));
afterAll(() => rmSync(laterDir, { recursive: true, force: true }));

/**
 * The pane in `ui` after building the Beijing seed's report (2022-Q3), with the same data moved on to `period` (its
 * report date dropped; `edit` changes it further) chosen as the data file: ready to build over the earlier report.
 */
async function laterDataChosen(ui: string, period: string, edit: (yaml: string) => string = (y) => y) {
  const opened = await openPane(ui);
  const { page } = opened;
  await page.setInputFiles('#data-file', SEED_FILE);
  await page.selectOption('#template', 'quarterly');
  expect((await press(page, 'build')).state).toBe('done');
  const later = path.join(laterDir, `beijing-${period.toLowerCase()}.yaml`);
  writeFileSync(
    later,
    edit(
      readFileSync(SEED_FILE, 'utf8')
        .replace('period: 2022-Q3', `period: ${period}`)
        .replace(/\n {2}date: [\d-]+/, ''),
    ),
  );
  await page.setInputFiles('#data-file', later);
  return opened;
}

it('builds a later report over an earlier one of the same region, says both periods, and compares with it (issue 13)', async () => {
  const { page, errors } = await laterDataChosen('en-US', '2022-Q4', (y) => y.replace('status: in-progress', 'status: completed'));
  expect(await page.isVisible('#since-note')).toBe(false);
  const done = await press(page, 'build');
  expect(await page.textContent('#since-note')).toBe(
    'This workbook holds the report of 2022-Q3: the report of 2022-Q4 replaces it and compares with it (Changes and Trend sheets).',
  );
  expect(await page.isVisible('#since-note')).toBe(true);
  expect(done).toEqual({ state: 'done', message: expect.stringMatching(/^Report updated: .*Compared with 2022-Q3/) });
  const names = await page.evaluate(() => (globalThis as unknown as Win).fakeExcel.state.sheets.map((s) => s.name));
  expect(names).toEqual(expect.arrayContaining(['My notes', 'Summary', 'Changes', 'Trend']));
  expect(errors).toEqual([]);
});

it('says the two periods and the periods skipped in Chinese words in a Chinese Excel', async () => {
  // A year on: 2022-Q3 to 2023-Q2, three quarters skipped.
  const { page, errors } = await laterDataChosen('zh-CN', '2023-Q2');
  const done = await press(page, 'build');
  expect(await page.textContent('#since-note')).toBe(
    '本工作簿中已有2022年第三季度的报告：2023年第二季度的报告将替换它，并与其对比（增加“变化情况”和“趋势”工作表）。' +
      '本报告跳过了2022年第三季度与2023年第二季度之间的各期。',
  );
  expect(done).toEqual({ state: 'done', message: expect.stringMatching(/。已与2022年第三季度对比：/) });
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-since-zh-CN.png'), fullPage: true });
  expect(errors).toEqual([]);
});
