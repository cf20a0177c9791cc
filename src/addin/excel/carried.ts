/// <reference types="office-js" />
/**
 * The template the open workbook carries (a template workbook opened from an
 * email, or any report): read from its record sheet alone, in two syncs, so
 * that the pane can name it and Build report can use it.
 */
import { carriedTemplate, TemplateWorkbookError } from '../../core/record/carried-template';
import { FORM_RECORD_SHEET } from '../../core/record/form-record';
import { readReportRecord, REPORT_RECORD_SHEET } from '../../core/record/report-record';
import type { GridWorkbook } from '../../core/read/grid';
import type { Locale } from '../../core/schema';
import type { Template } from '../../core/template';
import { officeGridSheet, type LoadedRange } from './read-grid';
import type { ExcelRun } from './report';

/**
 * The open workbook's template and the language of its report; a refusal (a
 * form, another version, a damaged record); or nothing (no report here).
 */
export type Carried = { template: Template; locale: Locale } | { refused: TemplateWorkbookError } | undefined;

/** Reads the template the open workbook carries; `file` names the workbook in messages. */
export async function readCarriedTemplate(run: ExcelRun, file: string): Promise<Carried> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
    const records = [REPORT_RECORD_SHEET, FORM_RECORD_SHEET].map((n) => byName.get(n.toLowerCase())).filter((n): n is string => n !== undefined);
    if (!records.length) return undefined;
    const ranges = records.map((name) => {
      const r = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      r.load('values,formulas,rowIndex,columnIndex');
      return { name, r };
    });
    await context.sync();
    const loaded = new Map<string, LoadedRange | undefined>(
      ranges.map(({ name, r }) => [
        name.toLowerCase(),
        r.isNullObject ? undefined : { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, formulas: r.formulas },
      ]),
    );
    const grid: GridWorkbook = {
      sheet: (name) => (loaded.has(name.toLowerCase()) ? officeGridSheet(name, loaded.get(name.toLowerCase())) : undefined),
    };
    try {
      const template = carriedTemplate(grid, file);
      return { template, locale: readReportRecord(grid, file).locale };
    } catch (err) {
      if (err instanceof TemplateWorkbookError) return { refused: err };
      throw err;
    }
  });
}
