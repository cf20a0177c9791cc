/**
 * Import from this sheet, on the fake Excel host: the active sheet's ledger,
 * read as a grid through Office.js, gives the data `plan-report import` gives
 * for the same ledger saved as an .xlsx (the same core import), and its
 * report is built into the open workbook and checks clean. A cell that
 * cannot be read is named at its cell, which the pane can select.
 */
import * as path from 'node:path';
import { readActiveSheet } from '../../../src/addin/excel/active-sheet';
import { ALL_FEATURES } from '../../../src/addin/excel/capabilities';
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { checkWorkbook, selectCell } from '../../../src/addin/excel/workbook';
import { ledgerLine, onlyReportProblems, runImport } from '../../../src/addin/taskpane/ledger-read';
import { strings } from '../../../src/addin/taskpane/i18n';
import { FakeExcel } from '../fake-excel/host';
import { rectAddress } from '../fake-excel/state';
import { model } from '../support';
import { importData, removeTemps, tempDir, writeLedger, type Cell } from '../../support/ledger';

afterAll(removeTemps);

const TITLE = '海淀区2022年第三季度生物医药产业重点任务推进台账';
/** Excel's serial of a date (what Office.js gives for a date cell). */
const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

/** A ledger as officials keep it: a title row, a header with a merged 完成情况 over two columns, group headings, 长期, a note at the foot. */
const ROWS: Cell[][] = [
  [TITLE],
  ['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '完成情况', null, '进展情况', '联系人'],
  [null, null, null, null, null, '状态', '完成时间'],
  ['一、创新策源'],
  [1, '建设新型研发机构', '区科委', '区财政局', '2022年6月', '已完成', serial('2022-06-28'), '已挂牌运行', '张三'],
  [2, '引进高层次人才', '区人才局', null, '长期', '推进中', null, '已引进12人', '李四'],
  [3, '建设概念验证中心', '区科委', '中关村管委会', '2022年第四季度', '未启动'],
  ['二、产业促进'],
  [1, '建设生物医药产业园', '区投促中心', null, '2022年底', '滞后', null, '用地手续办理中', '王五'],
  [2, '举办产业对接会', '区商务局', '区科委、区卫健委', '2022/9/30', '已完成，共签约项目8个', '2022年9月28日'],
  ['注：本表由区发展改革委汇总。'],
];

/** A workbook whose active sheet is the ledger (typed in from B2, as a ledger rarely starts at A1), beside another sheet. */
async function workbookWithLedger(rows: Cell[][]): Promise<FakeExcel> {
  const host = new FakeExcel(['填报说明', '台账']);
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('台账');
    const width = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    ws.getRange(`B2:${String.fromCharCode(65 + width)}${rows.length + 1}`).values = values as (string | number)[][];
    ws.activate();
    context.workbook.worksheets.getItem('填报说明').getRange('A1').values = [['本工作簿用于汇总台账。']];
    await context.sync();
  });
  return host;
}

describe('Import from this sheet', () => {
  it('reads the active sheet as the command line reads the same ledger saved as a file, and builds its report', async () => {
    const host = await workbookWithLedger(ROWS);
    host.resetCounts();
    const sheet = await readActiveSheet(host.run);
    expect(host.syncs).toBe(1);
    expect(sheet.name).toBe('台账');
    const result = runImport([sheet], {});
    expect(result.problems).toEqual([]);

    // The same ledger as an .xlsx (shifted to B2 too), through `plan-report import`.
    const file = await writeLedger(path.join(tempDir(), '台账.xlsx'), [{ name: '台账', rows: [[], ...ROWS.map((r) => [null, ...r])] }]);
    const { data: viaCli } = await importData(file);
    expect(result.data).toEqual(viaCli);
    expect(result.data.plans![0].measures.map((m) => [m.title, m.status, m.due ?? null])).toEqual([
      ['建设新型研发机构', 'completed', '2022-06-30'],
      ['引进高层次人才', 'in-progress', null],
      ['建设概念验证中心', 'not-started', '2022-12-31'],
      ['建设生物医药产业园', 'delayed', '2022-12-31'],
      ['举办产业对接会', 'completed', '2022-09-30'],
    ]);
    expect(result.data.report).toEqual({ title: TITLE, region: '海淀区', period: '2022-Q3', locale: 'zh-CN' });
    // How each column is read, as the pane shows it: 联系人 is not imported.
    const columns = result.sheets[0].header.columns.map((c) => [c.letter, c.title, c.field ?? null]);
    expect(columns).toEqual(
      expect.arrayContaining([
        ['C', '重点任务', 'title'],
        ['G', '完成情况/状态', 'status'],
        ['J', '联系人', null],
      ]),
    );

    await buildReportInWorkbook(host.run, model(result.data, 'zh-CN'));
    expect(host.state.sheets.map((s) => s.name).slice(0, 2)).toEqual(['填报说明', '台账']);
    expect(host.state.sheetByName('台账')!.cell(2, 2)?.value).toBe(TITLE);
    const checked = await checkWorkbook(host.run);
    expect(checked).toEqual({ ok: true, data: result.data });
  });

  it("names each cell it cannot read, in the pane's language, at a cell the pane can select", async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[5][5] = '差不多';
    rows[6][4] = '6月底';
    const host = await workbookWithLedger(rows);
    const result = runImport([await readActiveSheet(host.run)], {});
    expect(result.problems.map((p) => p.cell)).toEqual(['台账!G7', '台账!F8']);
    const zh = result.problems.map((p) => ledgerLine(p, strings('zh-CN'), 'zh-CN'));
    expect(zh[0]).toEqual({ where: '台账!G7', text: expect.stringMatching(/^完成情况\/状态：“差不多”不是可识别的完成情况/) });
    expect(zh[1].text).toContain('“6月底”缺少年份');
    const en = result.problems.map((p) => ledgerLine(p, strings('en'), 'en'));
    expect(en[0].text).toContain('"差不多" is not a status');
    await selectCell(host.run, zh[0].where!);
    const sel = host.state.selection!;
    expect([host.state.sheetById(sel.sheetId)!.name, rectAddress(sel.rect)]).toEqual(['台账', 'G7']);
  });

  it("says what the data's checks find after the import at its cell, the data path only in the details", async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[4][4] = '1899年6月';
    const result = runImport([await readActiveSheet((await workbookWithLedger(rows)).run)], {});
    expect(result.problems.map((p) => [p.cell, p.issue.code])).toEqual([['台账!F6', 'schema']]);
    expect(ledgerLine(result.problems[0], strings('zh-CN'), 'zh-CN')).toEqual({
      where: '台账!F6',
      text: '早于1900年3月1日，Excel 无法正确显示；应为更晚的日期',
      // The data path only in the details (the item's tooltip).
      details: expect.stringMatching(/^plans\[0\]\.measures\[0\]\.due: /),
    });
    expect(ledgerLine(result.problems[0], strings('en'), 'en').text).toBe('a date before 1 March 1900, which Excel shows wrongly; expected a later date');
  });

  it('asks for the region and period a title row does not give, and takes them as typed', async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[0] = ['生物医药产业重点任务推进台账'];
    const host = await workbookWithLedger(rows);
    const sheet = await readActiveSheet(host.run);
    const bare = runImport([sheet], {});
    expect(onlyReportProblems(bare)).toBe(true);
    expect(bare.problems.map((p) => ledgerLine(p, strings('zh-CN'), 'zh-CN').text)).toEqual([
      '台账标题中没有写明地区：请在下方填写。',
      '台账标题中没有写明报告期：请在下方填写。',
    ]);
    const typed = runImport([sheet], { region: ' 朝阳区 ', period: '2022年第三季度', title: '' });
    expect(typed.problems).toEqual([]);
    expect(typed.data.report).toMatchObject({ region: '朝阳区', period: '2022-Q3', title: '生物医药产业重点任务推进台账' });
  });

  it('reads a lead merged down over several tasks as the lead of each (ExcelApi 1.13), as the command line reads the file', async () => {
    const rows = ROWS.map((r) => [...r]);
    // 区科委 leads the first three tasks, in one merged cell (D6:D8 once typed in from B2).
    rows[5][2] = null;
    rows[6][2] = null;
    const host = await workbookWithLedger(rows);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      ws.getRange('D6:D8').merge();
      ws.getRange('B3:B4').merge();
      await context.sync();
    });
    const leads = (features?: typeof ALL_FEATURES) => async () =>
      runImport([await readActiveSheet(host.run, features)], {}).data.plans![0].measures.map((m) => m.lead ?? null);
    expect(await leads()()).toEqual(['区科委', '区科委', '区科委', '区投促中心', '区商务局']);
    // Where Excel cannot say which cells are merged, a merge's value is in its first cell only.
    expect(await leads({ ...ALL_FEATURES, merges: false })()).toEqual(['区科委', null, null, '区投促中心', '区商务局']);
    const file = await writeLedger(path.join(tempDir(), '台账.xlsx'), [
      { name: '台账', rows: [[], ...rows.map((r) => [null, ...r])], merges: ['D6:D8', 'B3:B4'] },
    ]);
    const { data: viaCli } = await importData(file);
    expect(runImport([await readActiveSheet(host.run)], {}).data).toEqual(viaCli);
  });

  it('says a sheet without a ledger has none', async () => {
    const host = new FakeExcel(['Budget']);
    const result = runImport([await readActiveSheet(host.run)], {});
    expect(result.sheets).toEqual([]);
  });
});
