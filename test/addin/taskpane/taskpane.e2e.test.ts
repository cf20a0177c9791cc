/**
 * The built task pane in headless Chromium, against the fake Excel host: the
 * real office.js is served from @microsoft/office-js where the page asks the
 * CDN for it, then the fake host takes over `Excel` and `Office`. In each
 * language: build the Beijing seed's report from the file input, check it,
 * export it (the download is the data file), insert the charts, break a cell
 * and click the problem to select it; and save a screenshot of the pane to
 * test-artifacts/.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { run as runCli } from '../../../src/cli/main';
import { readData } from '../../../src/core/data-file/read';
import { CUSTOM_TEMPLATE_YAML } from '../../support/custom-template';
import { HOSTS, type FakeExcel, type HostOptions } from '../fake-excel/host';
import { addinBuild } from '../build-addin';
import { ROOT, seed } from '../support';

const OFFICE_JS = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const SEED_FILE = path.join(ROOT, 'seeds/beijing-2022-q3.yaml');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

let built: string;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  built = await addinBuild();
  const root = path.join(built, 'addin');
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The pane as Excel would open it, in a display language, in a workbook that has a sheet of the user's (in Microsoft 365, or the Excel given). */
async function openPane(displayLanguage: string, host: HostOptions = HOSTS.full): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 380, height: 860 }, deviceScaleFactor: 1 });
  await context.addInitScript(`globalThis.FAKE_OFFICE = ${JSON.stringify({ displayLanguage, sheets: ['My notes'], host })};`);
  // Nothing leaves the machine; the CDN is answered from @microsoft/office-js, office.js followed by the fake host.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await context.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '');
    const file = path.join(OFFICE_JS, rel);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    const body = rel === 'office.js' ? `${readFileSync(file, 'utf8')}\n;\n${readFileSync(path.join(built, 'fake/fake-host.js'), 'utf8')}` : readFileSync(file);
    return route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return { page, errors };
}

/** Clicks a button and waits for the pane to say it is done (or failed). */
async function press(page: Page, id: string): Promise<{ state: string; message: string }> {
  await page.click(`#${id}`);
  // (Page code as text: this file is type-checked without the DOM library.)
  await page.waitForFunction(`['done', 'error'].includes(document.getElementById('status').dataset.state)`, undefined, { timeout: 20_000 });
  return page.evaluate(`({ state: document.getElementById('status').dataset.state, message: document.getElementById('message').textContent })`);
}

type Win = { fakeExcel: FakeExcel };

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
        context.workbook.worksheets.getItem(sheet).getRange('G5').values = [['done']];
      });
    }, sheets.measures);
    expect((await press(page, 'check')).state).toBe('error');
    const problem = page.locator(`#problems button[data-cell="${sheets.measures}!G5"]`);
    await expect(problem.textContent()).resolves.toContain('"done" is not one of');
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
    const disabled = await page.evaluate(`['build', 'check', 'export', 'charts'].map((id) => document.getElementById(id).disabled)`);
    expect(disabled).toEqual([true, true, true, true]);
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
  expect(await page.textContent('#problems')).toContain('5:11');
  expect(await page.evaluate(() => JSON.stringify((globalThis as unknown as Win).fakeExcel.snapshot()))).toBe(before);
  await page.context().close();
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

it('builds a later report over an earlier one of the same region, says both periods, and compares with it (issue 13)', async () => {
  const { page, errors } = await openPane('en-US');
  await page.setInputFiles('#data-file', SEED_FILE);
  await page.selectOption('#template', 'quarterly');
  expect((await press(page, 'build')).state).toBe('done');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pane-since-'));
  try {
    const q4 = path.join(dir, 'beijing-2022-q4.yaml');
    writeFileSync(
      q4,
      readFileSync(SEED_FILE, 'utf8')
        .replace('period: 2022-Q3', 'period: 2022-Q4')
        .replace(/\n {2}date: [\d-]+/, '')
        .replace('status: in-progress', 'status: completed'),
    );
    await page.setInputFiles('#data-file', q4);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
