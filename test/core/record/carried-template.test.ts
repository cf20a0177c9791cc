/** The template a workbook carries, and which kind of refusal a workbook gets (the add-in says each in its own language). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../../src/core/layout/build';
import { materialize } from '../../../src/core/layout/rows';
import type { Sheet, Workbook } from '../../../src/core/layout/model';
import { gridSheet, type GridWorkbook } from '../../../src/core/read/grid';
import { carriedTemplate, TemplateWorkbookError } from '../../../src/core/record/carried-template';
import { FORM_RECORD_SHEET } from '../../../src/core/record/form-record';
import { REPORT_RECORD_SHEET } from '../../../src/core/record/report-record';
import type { ReportData } from '../../../src/core/schema';
import { readTemplate } from '../../../src/core/template';
import { templateWorkbookModel } from '../../../src/core/template/template-workbook';

const ROOT = path.resolve(__dirname, '../../..');
const quarterly = readTemplate(readFileSync(path.join(ROOT, 'templates/quarterly.yaml'), 'utf8'), 'quarterly');
const OPTIONS = { generator: 'plan-report test', generatedAt: '2026-05-01T00:00:00.000Z' };
const rowsOf = (sheet: Sheet) => sheet.rows.map((r) => r.cells.map((c) => (c?.v === null || c?.v === undefined ? null : String(c.v))));
const recordRows = () => rowsOf(templateWorkbookModel(quarterly, 'zh-CN', OPTIONS).sheets.at(-1)!);
const grid = (sheets: Record<string, (string | null)[][]>): GridWorkbook => ({
  sheet: (name) => (sheets[name] ? gridSheet(name, sheets[name]) : undefined),
});
const plain = (m: Workbook) => JSON.stringify({ ...m, sheets: m.sheets.map(materialize) });
const withValue = (key: string, value: string) => recordRows().map((r) => (r[0] === key ? [key, value] : r));

function refusal(wb: GridWorkbook): TemplateWorkbookError {
  try {
    carriedTemplate(wb, 'in.xlsx');
  } catch (err) {
    if (err instanceof TemplateWorkbookError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

it('a template workbook is an empty report of its template, of the quarter it is made in, titled by it', () => {
  const model = templateWorkbookModel(quarterly, 'en', OPTIONS);
  expect(carriedTemplate(grid({ [REPORT_RECORD_SHEET]: rowsOf(model.sheets.at(-1)!) }), 'q.xlsx')).toEqual(quarterly);
  const empty = {
    format: 'plan-report/v1',
    report: { title: 'Quarterly implementation report', region: '-', period: '2026-Q2' },
    plans: [],
    catalogs: [],
    indicators: [],
  } as ReportData;
  expect(plain(model)).toEqual(plain(buildReport(quarterly, empty, 'en', OPTIONS)));
});

it('says which kind of refusal a workbook gets', () => {
  expect(refusal(grid({ [FORM_RECORD_SHEET]: [['format', 'x']] })).kind).toBe('form');
  expect(refusal(grid({ Sheet1: [['hello']] })).kind).toBe('notReport');
  const newer = refusal(grid({ [REPORT_RECORD_SHEET]: withValue('workbook', 'plan-report-workbook/v2') }));
  expect(newer.kind).toBe('version');
  expect(newer.problems[0]).toMatchObject({
    file: 'in.xlsx',
    message: 'is a workbook of layout "plan-report-workbook/v2"; expected "plan-report-workbook/v1"',
  });
  expect(refusal(grid({ [REPORT_RECORD_SHEET]: withValue('template', '{"template": 1') })).kind).toBe('damaged');
  expect(refusal(grid({ [REPORT_RECORD_SHEET]: withValue('template', '{"template": "plan-report-template/v1"}') })).kind).toBe('damaged');
});
