/**
 * The template a report workbook carries in its record (`plan-report
 * template` writes one to share by email; any report carries the template
 * that made it), read by `--template FILE.xlsx`, `template --from` and the
 * add-in. A form, a workbook of another format version and a damaged record
 * are refused with a message naming the workbook; `kind` says which refusal
 * it is, so that the add-in can say it in its own language.
 */
import { InputError } from '../errors';
import { said } from '../messages/said';
import type { GridWorkbook } from '../read/grid';
import { readTemplate, type Template } from '../template';
import { FORM_RECORD_SHEET } from './form-record';
import { readReportRecord, REPORT_RECORD_SHEET, WORKBOOK_FORMAT } from './report-record';
import { recordTexts, sheetRecordRows } from './record-sheet';
import { FORMAT } from '../schema';

/** Why a workbook's template cannot be used (`unreadable`: not a workbook, damaged or too large, said by the readers of files). */
export type RefusalKind = 'form' | 'notReport' | 'version' | 'damaged' | 'unreadable';

/** A refused template workbook: an InputError that says which kind of refusal it is. */
export class TemplateWorkbookError extends InputError {
  constructor(
    readonly kind: RefusalKind,
    err: InputError,
  ) {
    super(err.problems);
  }
}

const FORM_NOT_TEMPLATE = said(
  'is a form made by `plan-report form` (to be filled in and returned), not a report; expected a template workbook made by `plan-report template`, or a report workbook',
  '是由“plan-report form”制作的表单（供填写后交回），不是报告；应为由“plan-report template”制作的模板工作簿或报告工作簿',
);

/** The template a report workbook carries; refuses forms, other workbooks, other versions and damaged records. */
export function carriedTemplate(wb: GridWorkbook, file: string): Template {
  const sheet = wb.sheet(REPORT_RECORD_SHEET);
  if (!sheet && wb.sheet(FORM_RECORD_SHEET)) {
    const err = InputError.one(file, FORM_NOT_TEMPLATE.message, { zh: FORM_NOT_TEMPLATE.zh });
    throw new TemplateWorkbookError('form', err);
  }
  const texts = sheet ? recordTexts(sheetRecordRows(sheet, 20)) : undefined;
  const differs = (key: string, expected: string) => texts?.has(key) && texts.get(key) !== expected;
  const kind: RefusalKind = !texts ? 'notReport' : differs('format', FORMAT) || differs('workbook', WORKBOOK_FORMAT) ? 'version' : 'damaged';
  try {
    const record = readReportRecord(wb, file);
    return readTemplate(JSON.stringify(record.template, null, 1), `${file} (its template)`, 'json');
  } catch (err) {
    if (err instanceof InputError) throw new TemplateWorkbookError(kind, err);
    throw err;
  }
}
