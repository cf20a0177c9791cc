/**
 * The record sheets (`_plan_report`, `_plan_report_form`): written and read
 * back by one codec, every record validated when read, a damaged one
 * refused at the cell of the key at fault, and the records written before
 * (a report's skeleton without `present`) still read.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { buildForm } from '../../../src/core/forms/build-form';
import { selectForm } from '../../../src/core/forms/form';
import { buildReport } from '../../../src/core/layout/build';
import type { Sheet } from '../../../src/core/layout/model';
import { gridSheet, type GridWorkbook } from '../../../src/core/read/grid';
import { readReportWorkbook } from '../../../src/core/read/report-reader';
import { formRecordRows, parseFormRecord, readFormRecord } from '../../../src/core/record/form-record';
import { RecordError } from '../../../src/core/record/record-sheet';
import { parseReportRecord, readReportRecord, REPORT_RECORD_SHEET } from '../../../src/core/record/report-record';
import { OPTIONS, quarterly } from '../../support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const beijing = readData(readFileSync(path.join(ROOT, 'seeds/beijing-2022-q3.yaml'), 'utf8'), 'beijing');

const textRows = (sheet: Sheet) => sheet.rows.map((r) => r.cells.map((c) => (c?.v === null || c?.v === undefined ? undefined : String(c.v))));
const report = buildReport(quarterly, beijing, 'en', OPTIONS);
const reportRows = () => textRows(report.sheets.at(-1)!);
/** The rows with one key's value replaced. */
const withValue = (rows: (string | undefined)[][], key: string, value: string) => rows.map((r) => (r[0] === key ? [key, value] : r));
const grid = (sheets: Record<string, (string | undefined)[][]>): GridWorkbook => ({
  sheet: (name) =>
    sheets[name]
      ? gridSheet(
          name,
          sheets[name].map((r) => r.map((c) => c ?? null)),
        )
      : undefined,
});

function problems(f: () => unknown): RecordError['problems'] {
  try {
    f();
  } catch (err) {
    if (err instanceof RecordError) return err.problems;
    throw err;
  }
  throw new Error('expected a RecordError');
}

describe("a report's record", () => {
  it('reads back what was written', () => {
    expect(report.sheets.at(-1)).toMatchObject({ name: REPORT_RECORD_SHEET, state: 'veryHidden' });
    const record = parseReportRecord(reportRows());
    expect(record).toMatchObject({
      format: 'plan-report/v1',
      workbook: 'plan-report-workbook/v1',
      period: '2022-Q3',
      locale: 'en',
      generator: 'plan-report test',
    });
    expect(record.template).toEqual(quarterly);
    expect(record.sheets.measures).toEqual({ name: 'Measures', fields: expect.arrayContaining(['plan', 'id', 'title', 'status']) });
    expect(record.skeleton.report).toEqual(beijing.report);
  });

  it('still reads a record written before the skeleton said which lists were present', () => {
    const rows = reportRows();
    const skeleton = JSON.parse(
      rows
        .find((r) => r[0] === 'skeleton')!
        .slice(1)
        .join(''),
    );
    delete skeleton.present;
    const old = withValue(rows, 'skeleton', JSON.stringify(skeleton));
    expect(parseReportRecord(old).skeleton.present).toBeUndefined();
  });

  it('refuses a damaged record at the cell of the key at fault, with the path inside its value', () => {
    const rows = reportRows();
    const skeleton = JSON.parse(
      rows
        .find((r) => r[0] === 'skeleton')!
        .slice(1)
        .join(''),
    );
    skeleton.plans[0].id = 'not an id!';
    skeleton.kinds = 'all';
    expect(problems(() => parseReportRecord(withValue(rows, 'skeleton', JSON.stringify(skeleton))))).toEqual([
      {
        cell: '_plan_report!B8',
        path: 'skeleton.plans[0].id',
        message: `the workbook's record of "skeleton" is damaged (expected an id of 1-40 characters A-Z a-z 0-9 . _ -); expected a workbook made by plan-report`,
        zh: '工作簿的隐藏记录中的“skeleton”一项已损坏；应为由 plan-report 生成且未经改动的工作簿',
      },
      expect.objectContaining({ cell: '_plan_report!B8', path: 'skeleton.kinds' }),
    ]);
    expect(problems(() => parseReportRecord(withValue(rows, 'sheets', '{"measures":')))).toEqual([
      {
        cell: '_plan_report!B9',
        message: `the workbook's record of "sheets" is damaged (not JSON); expected a workbook made by plan-report`,
        zh: '工作簿的隐藏记录中的“sheets”一项已损坏；应为由 plan-report 生成且未经改动的工作簿',
      },
    ]);
    expect(problems(() => parseReportRecord(withValue(rows, 'locale', 'fr')))).toEqual([
      expect.objectContaining({ cell: '_plan_report!B6', message: expect.stringContaining('expected one of en | zh-CN') }),
    ]);
    expect(problems(() => parseReportRecord(rows.filter((r) => r[0] !== 'generated')))).toEqual([
      {
        cell: '_plan_report!A1',
        message: `the workbook's record lacks "generated"; expected a workbook made by plan-report`,
        zh: '工作簿的隐藏记录缺少“generated”一项；应为由 plan-report 生成且未经改动的工作簿',
      },
    ]);
  });

  it('checks the recorded template as a template file is checked', () => {
    const template = { ...quarterly, sections: quarterly.sections.filter((s) => s.section !== 'summary') };
    expect(problems(() => parseReportRecord(withValue(reportRows(), 'template', JSON.stringify(template))))).toEqual([
      expect.objectContaining({ cell: '_plan_report!B3', path: 'template.sections', message: expect.stringContaining('no summary section') }),
    ]);
    expect(problems(() => parseReportRecord(withValue(reportRows(), 'template', '{"template":"plan-report-template/v1"}')))).toEqual(
      expect.arrayContaining([expect.objectContaining({ cell: '_plan_report!B3', path: 'template.name' })]),
    );
  });

  it('refuses another version before anything else', () => {
    const rows = withValue(reportRows(), 'workbook', 'plan-report-workbook/v2').filter((r) => r[0] !== 'skeleton');
    expect(problems(() => parseReportRecord(rows))).toEqual([
      {
        cell: '_plan_report!B2',
        message: 'is a workbook of layout "plan-report-workbook/v2"; expected "plan-report-workbook/v1"',
        zh: '工作簿版式为“plan-report-workbook/v2”；应为“plan-report-workbook/v1”（请用本版 plan-report 重新生成）',
      },
    ]);
  });

  it('names the workbook file when read from a workbook, and the extract of a damaged record fails the same way', () => {
    const wb = grid({ [REPORT_RECORD_SHEET]: withValue(reportRows(), 'sheets', '[]') });
    const message = `r.xlsx _plan_report!B9: the workbook's record of "sheets" is damaged (expected the sheets by key); expected a workbook made by plan-report`;
    expect(() => readReportRecord(wb, 'r.xlsx')).toThrow(message);
    expect(() => readReportWorkbook(wb, 'r.xlsx')).toThrow(message);
  });

  it('keeps the parts of the data that no sheet holds', () => {
    const record = parseReportRecord(reportRows());
    expect(record.skeleton.plans.map((p) => p.id)).toEqual(beijing.plans!.map((p) => p.id));
    expect(record.skeleton.kinds).toEqual({ plans: true, catalogs: true, indicators: true });
  });
});

describe("a form's record", () => {
  const content = selectForm(beijing, { kind: 'measures', plan: beijing.plans![0].id }, 'd');
  const { record, workbook } = buildForm(content, beijing, 'en', OPTIONS);
  const rows = () => formRecordRows(record);

  it('reads back what was written, the sheet as the rows', () => {
    expect(textRows(workbook.sheets.at(-1)!)).toEqual(rows());
    expect(parseFormRecord(rows())).toEqual(record);
  });

  it('refuses rows, fields and counts that are not what a form of its kind records', () => {
    const sent = [...record.rows];
    sent[1] = sent[1].slice(1);
    expect(problems(() => parseFormRecord(withValue(rows(), 'rows', JSON.stringify(sent))))).toEqual([
      {
        cell: '_plan_report_form!B18',
        path: 'rows[1]',
        message: `the form's record of "rows" is damaged (expected a row of 9 values); expected a form made by \`plan-report form\`, unaltered`,
        zh: '表单的隐藏记录中的“rows”一项已损坏；应为由“plan-report form”制作且未经改动的表单',
      },
    ]);
    expect(problems(() => parseFormRecord(withValue(rows(), 'fields', '["plan"]')))).toEqual([
      expect.objectContaining({ cell: '_plan_report_form!B15', message: expect.stringContaining('expected the fields plan, id, title') }),
    ]);
    expect(problems(() => parseFormRecord(withValue(rows(), 'headerRow', 'seven')))).toEqual([
      expect.objectContaining({ cell: '_plan_report_form!B16', message: expect.stringContaining('expected a whole number') }),
    ]);
    expect(problems(() => parseFormRecord(withValue(rows(), 'head', '{"a":1}')))).toEqual([
      expect.objectContaining({ cell: '_plan_report_form!B14', message: expect.stringContaining('expected a list of values') }),
    ]);
    expect(problems(() => parseFormRecord(withValue(rows(), 'kind', 'budget')))).toEqual([
      {
        cell: '_plan_report_form!B3',
        message: `the form's record names an unknown kind of form "budget"; expected a form made by \`plan-report form\`, unaltered`,
        zh: '表单的隐藏记录所记表单类型“budget”无法识别；应为由“plan-report form”制作且未经改动的表单',
      },
    ]);
  });

  it('reads an unknown language as English, and a blank scope as none', () => {
    const read = parseFormRecord(withValue(withValue(rows(), 'locale', 'fr'), 'lead', ''));
    expect(read.locale).toBe('en');
    expect(read.lead).toBeUndefined();
  });

  it('refuses another form format before anything else, naming the workbook file', () => {
    const wb = grid({ _plan_report_form: [['form', 'plan-report-form/v1']] });
    expect(() => readFormRecord(wb, 'f.xlsx')).toThrow(
      'f.xlsx _plan_report_form!B1: is a form of format "plan-report-form/v1"; expected "plan-report-form/v2" (make the form again with this version of plan-report)',
    );
  });
});
