/// <reference types="office-js" />
/**
 * Issue 13 in the add-in: building a report into a workbook that already
 * holds an earlier report of the same region uses that report as the
 * previous one (as `generate --since` does), read through the core's reader
 * as Check workbook reads it. A report of another region or of the same or a
 * later period is simply replaced, as before, with no comparison.
 */
import { InputError } from '../../core/errors';
import { REPORT_RECORD_SHEET } from '../../core/record/report-record';
import type { StreamableData } from '../../core/schema';
import { checkPrevious, readPrevious, type Previous } from '../../core/since/previous';
import { loadReportGrid } from './read-grid';
import type { ExcelRun } from './report';
import { THIS_WORKBOOK } from './workbook';

export interface PreviousInWorkbook {
  previous: Previous;
  /** The two periods, for the pane: the report in the workbook, and the one being built. */
  from: string;
  to: string;
  /** Said when periods were skipped, in English and in Chinese. */
  note?: string;
  noteZh?: string;
}

/** The report in the open workbook as the previous one of `data`, or why it is not (`reason`), or nothing when there is no report. */
export async function previousInWorkbook(run: ExcelRun, data: StreamableData): Promise<PreviousInWorkbook | { reason: string } | undefined> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    if (!sheets.items.some((s) => s.name.toLowerCase() === REPORT_RECORD_SHEET.toLowerCase())) return undefined;
    try {
      const previous = readPrevious((await loadReportGrid(context, THIS_WORKBOOK)).grid, THIS_WORKBOOK);
      const { note, noteZh } = checkPrevious(data, 'the data file', previous);
      return { previous, from: String(previous.data.report.period), to: String(data.report.period), note, noteZh };
    } catch (err) {
      if (err instanceof InputError) return { reason: err.problems.map((p) => p.message).join('; ') };
      throw err;
    }
  });
}
