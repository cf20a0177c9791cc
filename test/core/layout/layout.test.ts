/** The layout model, checked without any file: sheets, columns, names and formulas. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import { buildReport } from '../../../src/core/layout/build';
import type { Cell, Sheet, Workbook } from '../../../src/core/layout/model';
import { parseCellRef } from '../../../src/core/layout/refs';
import { materialize } from '../../../src/core/layout/rows';
import { readTemplate } from '../../../src/core/template';
import { HIDDEN_SHEETS } from '../../../src/core/template/sheet-names';
import { CALC_SHEET } from '../../../src/core/layout/figure-codes';
import { REPORT_RECORD_SHEET } from '../../../src/core/record/report-record';
import { reportData } from '../../support/arbitrary-data';
import { expectedFigures } from '../../support/named-figures';
import { OPTIONS, template } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

function cellAt(wb: Workbook, sheetName: string, ref: string): { sheet: Sheet; cell: Cell | undefined } {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  const { row, col } = parseCellRef(ref);
  return { sheet, cell: materialize(sheet).rows[row - 1]?.cells[col - 1] };
}

describe('layout model', () => {
  const beijing = buildReport(template('quarterly'), seed('beijing-2022-q3'), 'en', OPTIONS);

  it('orders sheets as the template does, with the record of what made it last and very hidden', () => {
    expect(beijing.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Measures',
      'Catalog',
      'Indicators',
      'Observations',
      'Dashboard',
      'Sources',
      'About',
      '_figures',
      '_plan_report',
    ]);
    expect(beijing.sheets.at(-1)!.state).toBe('veryHidden');
    // The counts behind the plan and group figures: hidden, not very hidden, so that anyone can audit them.
    expect(beijing.sheets.at(-2)!.state).toBe('hidden');
    expect(beijing.sheets.slice(0, -2).every((s) => s.state === 'visible')).toBe(true);
  });

  it('names every figure of workbook.md, each pointing at a single formula cell', () => {
    const names = new Set(beijing.names.map((n) => n.name));
    expect([...names].sort()).toEqual(
      [
        'Report_Date',
        'Report_Period',
        'Report_Period_End',
        ...['Measures', 'Completed', 'CompletionRate', 'Overdue', 'CompletedInPeriod', 'DueNext'].map((f) => `Plan_BJ_OPEN_2022_${f}`),
        ...[1, 2].flatMap((n) => ['Measures', 'Completed', 'CompletionRate'].map((f) => `Plan_BJ_OPEN_2022_Group${n}_${f}`)),
      ].sort(),
    );
    for (const n of beijing.names) {
      const { cell } = cellAt(beijing, n.sheet, n.cell);
      if (n.name === 'Report_Date' || n.name === 'Report_Period') expect(cell?.f).toBeUndefined();
      else expect(cell?.f).toEqual(expect.any(String));
    }
  });

  it('caches the core figures in the named cells', () => {
    const v = (name: string) => {
      const n = beijing.names.find((x) => x.name === name)!;
      return cellAt(beijing, n.sheet, n.cell).cell?.v;
    };
    expect(v('Plan_BJ_OPEN_2022_CompletionRate')).toBeCloseTo(0.76, 12);
    expect(v('Plan_BJ_OPEN_2022_Group1_CompletionRate')).toBeCloseTo(6 / 13, 12);
    expect(v('Plan_BJ_OPEN_2022_Group2_CompletionRate')).toBeCloseTo(32 / 37, 12);
    expect(v('Report_Date')).toEqual({ date: '2022-09-20' });
    expect(v('Report_Period_End')).toEqual({ date: '2022-09-30' });
  });

  it('gives every name of random data sets a cell whose cached value is the figure', () => {
    fc.assert(
      fc.property(reportData, (data) => {
        const wb = buildReport(template('quarterly'), data, data.report.locale ?? 'en', OPTIONS);
        const expected = expectedFigures(data);
        const names = new Map(wb.names.map((n) => [n.name, n]));
        for (const [name, want] of expected) {
          const n = names.get(name);
          expect(n).toBeDefined();
          const v = cellAt(wb, n!.sheet, n!.cell).cell!.v;
          const got = v !== null && typeof v === 'object' ? ('date' in v ? v.date : v.error) : v;
          if (name === 'Report_Date') continue;
          if (want === null) expect(got).toBeNull();
          else expect(got as number).toBeCloseTo(want, 9);
        }
        expect(new Set(wb.names.map((n) => n.name.toLowerCase())).size).toBe(wb.names.length);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('lays out columns as the template asks, keeping left-out fields as hidden columns', () => {
    const wb = buildReport(template('measures-only'), seed('beijing-2022-q3'), 'en', OPTIONS);
    const measures = wb.sheets.find((s) => s.key === 'measures')!;
    expect(measures.table!.fields).toEqual(['id', 'title', 'group', 'status', 'due', 'completed', 'note', 'plan', 'lead', 'progress']);
    // Then the three hidden helper columns of the figures' codes (figure-codes.ts): plan, group, period.
    expect(measures.columns.map((c) => !!c.hidden)).toEqual([false, false, false, false, false, false, false, true, true, true, true, true, true]);
    expect(wb.sheets.map((s) => s.key)).toEqual(['summary', 'measures', 'about', 'calc', 'meta']);
    // The codes read the plan from its hidden column H.
    const first = materialize(measures).rows[1].cells[10]!;
    expect(first.f).toMatch(/^IFERROR\(MATCH\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\(\$H2,/);
    expect(first.shares).toBe(`K2:K${50 + 1 + 1000}`);
    const n = wb.names.find((x) => x.name === 'Plan_BJ_OPEN_2022_Measures')!;
    expect(cellAt(wb, n.sheet, n.cell).cell!.f).toBe(`SUM('_figures'!$C$2:$C$5)`);
  });

  it('takes custom titles from a template, per language', () => {
    const t = readTemplate(
      [
        'template: plan-report-template/v1',
        'name: custom',
        'sections:',
        '  - section: summary',
        '    title: { en: Overview, zh-CN: 总览 }',
        '  - section: measures',
        '    title: Tasks',
        '    columns: [{ field: status, title: { en: State, zh-CN: 进展 } }, id]',
      ].join('\n'),
      'custom.yaml',
    );
    const en = buildReport(t, seed('beijing-2022-q3'), 'en', OPTIONS);
    const zh = buildReport(t, seed('beijing-2022-q3'), 'zh-CN', OPTIONS);
    expect(en.sheets.map((s) => s.name).slice(0, 2)).toEqual(['Overview', 'Tasks']);
    expect(zh.sheets.map((s) => s.name).slice(0, 2)).toEqual(['总览', 'Tasks']);
    const [enTasks, zhTasks] = [materialize(en.sheets[1]), materialize(zh.sheets[1])];
    expect(enTasks.rows[0].cells.slice(0, 2).map((c) => c?.v)).toEqual(['State', 'ID']);
    expect(zhTasks.rows[0].cells.slice(0, 2).map((c) => c?.v)).toEqual(['进展', '编号']);
    expect(zhTasks.rows[1].cells[0]?.v).toBe('已完成');
  });

  it('localizes labels, sheet names and status words but never the data', () => {
    const zh = buildReport(template('quarterly'), seed('beijing-2022-q3'), 'zh-CN', OPTIONS);
    expect(zh.sheets.map((s) => s.name).slice(0, 3)).toEqual(['概览', '措施', '产品目录']);
    const measures = materialize(zh.sheets.find((s) => s.key === 'measures')!);
    const status = measures.table!.fields.indexOf('status');
    const title = measures.table!.fields.indexOf('title');
    const rows = measures.rows.slice(1).filter((r) => r.cells[title]);
    expect(new Set(rows.map((r) => r.cells[status]?.v))).toEqual(new Set(['已完成', '推进中']));
    expect(measures.rows[1].cells[title]?.v).toMatch(/^[ -~]+$/); // the English data stays English
    // The status words the figures count are the localized ones.
    expect(measures.rows[1].cells[measures.table!.fields.length]!.f).toContain('"已完成"');
  });

  it('prints every visible sheet A4 landscape, fitted to the page width, with title, period and page numbers', () => {
    for (const s of beijing.sheets.filter((x) => x.state === 'visible')) {
      expect(s.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true });
      expect(s.print!.header).toContain('Beijing');
      expect(s.print!.header).toContain('2022-Q3');
      expect(s.print!.footer).toMatch(/&P.*&N/);
    }
    const measures = beijing.sheets.find((s) => s.key === 'measures')!;
    expect(measures.print!.repeatRows).toBe('1:1');
    expect(measures.freeze).toEqual({ rows: 1, columns: 0 });
    expect(measures.autoFilter).toBe('A1:J51');
  });
});

describe('template sheet titles', () => {
  it('refuses titles Excel would refuse, in each language, and titles used twice', () => {
    const text = [
      'template: plan-report-template/v1',
      'name: bad',
      'sections:',
      '  - section: summary',
      '    title: { en: "Summary: Q3/2024", zh-CN: 概览 }',
      '  - section: measures',
      '    title: A very long sheet title that Excel would refuse',
      '  - section: about',
      '    title: { zh-CN: 概览 }',
    ].join('\n');
    expect(() => readTemplate(text, 't.yaml')).toThrow(
      [
        't.yaml:5:18: sections[0].title.en: sheet title "Summary: Q3/2024" holds one of : \\ / ? * [ ]; expected a sheet name without them',
        't.yaml:7:12: sections[1].title: sheet title "A very long sheet title that Excel would refuse" is 47 characters long; expected a sheet name of at most 31 characters',
        't.yaml:9:21: sections[2].title.zh-CN: sheet title "概览" is also the title at sections[0].title.zh-CN; expected sheet titles that differ (ignoring case)',
      ].join('\n'),
    );
  });
});

describe('template sheet titles that Excel would see as one name', () => {
  const tpl = (...sections: string[]) => ['template: plan-report-template/v1', 'name: clash', 'sections:', ...sections].join('\n');
  const problems = (text: string) => {
    try {
      readTemplate(text, 't.yaml');
    } catch (e) {
      return (e as Error).message.split('\n');
    }
    return [];
  };

  it('refuses two titles that differ only in case, in any language', () => {
    expect(problems(tpl('  - section: summary', '  - section: measures', '    title: Data', '  - section: catalog', '    title: { en: DATA }'))).toEqual([
      't.yaml:8:18: sections[2].title.en: sheet title "DATA" is also the title at sections[1].title; expected sheet titles that differ (ignoring case)',
    ]);
  });

  it("refuses a title that is another section's default title", () => {
    expect(problems(tpl('  - section: summary', '  - section: measures', '    title: summary'))).toEqual([
      't.yaml:6:12: sections[1].title: sheet title "summary" is also the default title of the summary sheet in en ("Summary"); expected sheet titles that differ (ignoring case)',
    ]);
    expect(problems(tpl('  - section: summary', '  - section: indicators', '    title: OBSERVATIONS'))).toEqual([
      't.yaml:6:12: sections[1].title: sheet title "OBSERVATIONS" is also the default title of the observations sheet in en ("Observations"); expected sheet titles that differ (ignoring case)',
    ]);
    expect(problems(tpl('  - section: measures', '    title: { zh-CN: 概览 }', '  - section: summary'))).toEqual([
      't.yaml:5:21: sections[0].title.zh-CN: sheet title "概览" is also the default title of the summary sheet in zh-CN ("概览"); expected sheet titles that differ (ignoring case)',
    ]);
  });

  it("refuses a title that is a hidden sheet's name", () => {
    expect(problems(tpl('  - section: summary', '  - section: about', '    title: _FIGURES', '  - section: sources', '    title: _plan_report'))).toEqual([
      't.yaml:6:12: sections[1].title: sheet title "_FIGURES" is the name of the hidden sheet "_figures"; expected another sheet title',
      't.yaml:8:12: sections[2].title: sheet title "_plan_report" is the name of the hidden sheet "_plan_report"; expected another sheet title',
    ]);
  });

  it('names the hidden sheets the report writes', () => {
    expect([...HIDDEN_SHEETS]).toEqual([CALC_SHEET, REPORT_RECORD_SHEET]);
  });
});
