/**
 * Check on the fake Excel host lists every problem of the report at once
 * (cells that cannot be read, what the schema refuses, what its rules
 * refuse), and the pane says each in its language and in the sheet's words:
 * the cell, the column's title as the sheet shows it, the value, what to
 * write; never a data path.
 */
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { checkWorkbook, type CheckResult } from '../../../src/addin/excel/workbook';
import { showProblem } from '../../../src/addin/taskpane/problem-text';
import type { ReportData } from '../../../src/core/schema';
import { FakeExcel } from '../fake-excel/host';
import { model, seed } from '../support';

async function workbookWith(data: ReportData, locale: 'en' | 'zh-CN'): Promise<FakeExcel> {
  const host = new FakeExcel(['My notes']);
  await buildReportInWorkbook(host.run, model(data, locale));
  return host;
}

/** The column of a data sheet whose header is `title`. */
function columnOf(host: FakeExcel, sheet: string, title: string): string {
  const s = host.state.sheetByName(sheet)!;
  for (let c = 1; c < 60; c++) if (s.cell(1, c)?.value === title) return String.fromCharCode(64 + c);
  throw new Error(`no column "${title}" on ${sheet}`);
}

async function type(host: FakeExcel, sheet: string, cell: string, input: string | number): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[input]];
  });
}

const problemsOf = (r: CheckResult) => (!r.ok && 'problems' in r ? r : { problems: [], cells: undefined });

for (const [locale, sheets, titles] of [
  ['en', { measures: 'Measures', catalog: 'Catalog' }, { status: 'Status', hospitals: 'Hospitals procuring', id: 'ID' }],
  ['zh-CN', { measures: '措施', catalog: '产品目录' }, { status: '状态', hospitals: '采购医疗机构数', id: '编号' }],
] as const) {
  describe(`Check in a report in ${locale}`, () => {
    let host: FakeExcel;
    let cells: { status: string; hospitals: string; id: string };

    beforeAll(async () => {
      host = await workbookWith(seed('suzhou-2022-q3'), locale);
      cells = {
        status: `${columnOf(host, sheets.measures, titles.status)}5`,
        hospitals: `${columnOf(host, sheets.catalog, titles.hospitals)}3`,
        id: `${columnOf(host, sheets.measures, titles.id)}4`,
      };
      // A status that is no drop-down choice, a negative count, and a repeated id: three kinds of problem, found at once.
      await type(host, sheets.measures, cells.status, '差不多完成');
      await type(host, sheets.catalog, cells.hospitals, -3);
      const first = host.state.sheetByName(sheets.measures)!.cell(3, Number(cells.id.charCodeAt(0) - 64))!.value as string;
      await type(host, sheets.measures, cells.id, first);
    }, 60_000);

    it('lists every problem in one pass', async () => {
      const { problems } = problemsOf(await checkWorkbook(host.run));
      expect(problems.map((p) => p.cell).sort()).toEqual(
        [`${sheets.catalog}!${cells.hospitals}`, `${sheets.measures}!${cells.id}`, `${sheets.measures}!${cells.status}`].sort(),
      );
    });

    it("says each problem in the pane's language, with the column title the sheet shows, and no data path", async () => {
      const { problems, cells: at } = problemsOf(await checkWorkbook(host.run));
      const shown = (cell: string, ui: 'en' | 'zh-CN') =>
        showProblem(
          problems.find((p) => p.cell === cell)!,
          at,
          ui,
        );
      // The drop-down's words are the report's; the sentence is the pane's.
      const choices = locale === 'en' ? ['Not started', 'In progress', 'Completed', 'Delayed', 'Cancelled'] : ['未启动', '推进中', '已完成', '滞后', '已取消'];
      const statusWords = choices.join(', ');
      const zhStatusWords = choices.join('、');
      expect(shown(`${sheets.measures}!${cells.status}`, 'en')).toEqual({
        where: `${sheets.measures}!${cells.status}`,
        text: `${titles.status}: "差不多完成" is not one of the drop-down choices: ${statusWords}`,
      });
      expect(shown(`${sheets.measures}!${cells.status}`, 'zh-CN').text).toBe(`${titles.status}“差不多完成”不是下拉选项之一：${zhStatusWords}`);
      expect(shown(`${sheets.catalog}!${cells.hospitals}`, 'zh-CN').text).toMatch(new RegExp(`^${titles.hospitals}“-3”`));
      expect(shown(`${sheets.catalog}!${cells.hospitals}`, 'en').text).toMatch(new RegExp(`^${titles.hospitals}: "-3" is negative`));
      expect(shown(`${sheets.measures}!${cells.id}`, 'zh-CN').text).toMatch(new RegExp(`^${titles.id}“.+”与另一行的编号重复`));
      for (const p of problems)
        for (const ui of ['en', 'zh-CN'] as const) {
          const text = showProblem(p, at, ui).text;
          expect(text).not.toMatch(/plans\[|catalogs\[|measures\[|entries\[/);
          // No English sentence in Chinese (the report's own words aside, in an English report).
          if (ui === 'zh-CN' && locale === 'zh-CN') expect(text).not.toMatch(/[a-z]{3,} [a-z]{3,}/i);
        }
    });
  });
}

it('says that a workbook has no report, without a problem to click', async () => {
  expect(await checkWorkbook(new FakeExcel(['Budget']).run)).toEqual({ ok: false, noReport: true });
});
