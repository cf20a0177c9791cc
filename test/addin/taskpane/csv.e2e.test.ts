/**
 * A CSV ledger chosen as the data file in the built task pane (headless
 * Chromium, fake Excel host): GBK as Excel writes it in a Chinese locale,
 * and UTF-8 with a BOM, read as `plan-report import` reads them, shown for
 * import, then built; a file that is not CSV refused in the pane's language.
 * Screenshots in both languages go to test-artifacts/.
 */
import * as path from 'node:path';
import { csvBytes, csvText, HAIDIAN_LEDGER, HAIDIAN_TITLE, type CsvEncoding } from '../../support/ledger';
import { ARTIFACTS, choose, paneHarness, press } from './harness';

const pane = paneHarness();

const csv = (name: string, encoding: CsvEncoding, text = csvText(HAIDIAN_LEDGER)) => ({ name, mimeType: 'text/csv', buffer: csvBytes(text, encoding) });

for (const [lang, ui, says] of [
  [
    'en-US',
    'en',
    {
      ready: /^Read 5 measures in 2 groups: 创新策源 \(3\), 产业促进 \(2\) from "haidian.csv"\. Check how the columns are read/,
      encoding: 'Text read as GBK (GB18030).',
      built: /^Report built: \d+ sheets/,
      unclosed: '"broken.csv" cannot be read as CSV (a quote is never closed); expected comma-separated values as Excel or WPS saves them',
      notText: '"picture.csv" is not text, so not a CSV ledger.',
      label: 'Data file (YAML or JSON), or a ledger (.xlsx or .csv)',
    },
  ],
  [
    'zh-CN',
    'zh-CN',
    {
      ready: /^已从“haidian.csv”读取5 项措施，分 2 组：创新策源（3）、产业促进（2）。请核对/,
      encoding: '按 GBK (GB18030) 编码读取文字。',
      built: /^报告已生成/,
      unclosed: '“broken.csv”无法按 CSV 读取（有引号没有收尾）；应为 Excel 或 WPS 保存的逗号分隔文件',
      notText: '“picture.csv”不是文本文件，因而不是 CSV 台账。',
      label: '数据文件（YAML 或 JSON），或台账（.xlsx 或 .csv）',
    },
  ],
] as const) {
  it(`the ${lang} pane imports a GBK CSV ledger chosen as the data file, and refuses what is not CSV in its language`, async () => {
    const { page, errors } = await pane.open(lang);
    expect(await page.textContent('#data-file-label')).toBe(says.label);
    expect(await page.getAttribute('#data-file', 'accept')).toContain('.csv');

    // Not CSV: an unclosed quote, and bytes that are no text.
    expect(await choose(page, 'data-file', csv('broken.csv', 'gbk', '任务,状态\r\n"未闭合,推进中\r\n'))).toEqual({ state: 'error', message: says.unclosed });
    expect(await page.isHidden('#ledger')).toBe(true);
    const picture = { name: 'picture.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) };
    expect(await choose(page, 'data-file', picture)).toEqual({ state: 'error', message: expect.stringContaining(says.notText) });
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-csv-refused-${ui}.png`), fullPage: true });

    // GBK, as Excel saves "CSV (逗号分隔)" in a Chinese Windows.
    expect(await choose(page, 'data-file', csv('haidian.csv', 'gbk'))).toEqual({ state: 'done', message: expect.stringMatching(says.ready) });
    expect(await page.textContent('#ledger-summary')).toContain(says.encoding);
    expect(await page.textContent('#ledger-heading')).toBe(ui === 'en' ? '"haidian.csv"' : '“haidian.csv”');
    const rows = await page.$$eval('#ledger-columns tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toContainEqual(['B', '重点任务', ui === 'en' ? 'Task' : '任务', ui === 'en' ? '5 cells' : '5 格']);
    expect(rows).toContainEqual(['F', '完成情况/状态', ui === 'en' ? 'Status' : '完成情况', ui === 'en' ? '5 cells' : '5 格']);
    expect([await page.inputValue('#ledger-region'), await page.inputValue('#ledger-period'), await page.inputValue('#ledger-title')]).toEqual([
      '海淀区',
      '2022-Q3',
      HAIDIAN_TITLE,
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-csv-ledger-${ui}.png`), fullPage: true });

    expect(await press(page, 'ledger-build')).toEqual({ state: 'done', message: expect.stringMatching(says.built) });
    expect(await page.isHidden('#ledger')).toBe(true);
    // What was built is the ledger's: its five measures, their statuses and groups, on the Measures sheet.
    const measures = (await page.evaluate(`(() => {
      const s = globalThis.fakeExcel.state.sheetByName('措施');
      let top = 1;
      while (top < 10 && ![...Array(30).keys()].some((c) => s.cell(top, c + 1)?.value === '状态')) top++;
      const at = (t) => [...Array(30).keys()].find((c) => s.cell(top, c + 1)?.value === t) + 1;
      const rows = [];
      for (let r = top + 1; s.cell(r, at('措施'))?.value; r++) rows.push([s.cell(r, at('措施')).value, s.cell(r, at('状态')).value, s.cell(r, at('类别')).value]);
      return rows;
    })()`)) as string[][];
    expect(measures).toEqual([
      ['建设新型研发机构', '已完成', '创新策源'],
      ['引进高层次人才', '推进中', '创新策源'],
      ['建设概念验证中心', '未启动', '创新策源'],
      ['建设生物医药产业园', '滞后', '产业促进'],
      ['举办产业对接会', '已完成', '产业促进'],
    ]);
    expect(await press(page, 'check')).toEqual({ state: 'done', message: expect.stringContaining('5') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
}

it('reads a UTF-8 CSV with a BOM, and the same ledger in UTF-8 without one, as the GBK one; says when a CSV holds no ledger', async () => {
  const { page, errors } = await pane.open('zh-CN');
  for (const encoding of ['utf8-bom', 'utf8'] as const) {
    expect(await choose(page, 'data-file', csv('haidian.csv', encoding))).toEqual({ state: 'done', message: expect.stringContaining('5 项措施') });
    expect(await page.textContent('#ledger-summary')).toContain('按 UTF-8 编码读取文字。');
  }
  // A CSV without a row of column titles: said as a file of one table.
  expect(await choose(page, 'data-file', csv('notes.csv', 'gbk', '会议记录\r\n下周再议\r\n'))).toEqual({
    state: 'error',
    message: '“notes.csv”中没有台账：没有“序号,重点任务,牵头单位,完成时限,完成情况”这样的列名行。',
  });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60_000);

it('says to save the ledger as CSV UTF-8 where the browser has no GBK decoder, and still reads UTF-8 there', async () => {
  const { page, errors } = await pane.open('zh-CN');
  // A browser whose TextDecoder knows no GB18030 (as the Encoding standard lets it refuse a label: RangeError).
  await page.evaluate(`(() => {
    const Platform = globalThis.TextDecoder;
    globalThis.TextDecoder = class extends Platform {
      constructor(label, options) {
        if (/gb/i.test(String(label))) throw new RangeError('The "' + label + '" encoding is not supported');
        super(label, options);
      }
    };
  })()`);
  expect(await choose(page, 'data-file', csv('haidian.csv', 'gbk'))).toEqual({
    state: 'error',
    message: '“haidian.csv”不是 UTF-8 编码，当前 Excel 无法读取其编码（GBK）。请将台账另存为“CSV UTF-8”文件（文件 › 另存为），或直接选择 .xlsx 台账。',
  });
  expect(await choose(page, 'data-file', csv('haidian.csv', 'utf8-bom'))).toEqual({ state: 'done', message: expect.stringContaining('5 项措施') });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60_000);
