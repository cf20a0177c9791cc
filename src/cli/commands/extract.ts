import * as path from 'node:path';
import { dataText as coreDataText } from '../../core/data-text';
import { syntaxOf } from '../../core/structured-text';
import { summarize } from '../../core/data';
import { InputError } from '../../core/errors';
import { FORM_RECORD_SHEET } from '../../core/record/form-record';
import { REPORT_RECORD_SHEET } from '../../core/record/report-record';
import { readReportWorkbook } from '../../core/read/report-reader';
import type { ReportData } from '../../core/schema';
import { writeFileAtomic } from '../files';
import type { Io } from '../main';
import { loadWorkbookFile } from '../xlsx/read/read-record';

/** A data file's text for a file name: JSON for .json, else YAML. */
export function dataText(data: ReportData, file: string): string {
  return coreDataText(data, syntaxOf(file));
}

export async function extractCommand(workbook: string, opts: { out?: string }, io: Io): Promise<number> {
  const wb = await loadWorkbookFile(workbook);
  if (wb.sheetNames.includes(FORM_RECORD_SHEET) && !wb.sheetNames.includes(REPORT_RECORD_SHEET)) {
    throw InputError.one(
      workbook,
      'is a form made by `plan-report form`, not a report; expected a report workbook (fold a returned form into the data file with `plan-report collect DATA FORM...`)',
    );
  }
  const data = readReportWorkbook(wb, workbook);
  const out = opts.out ?? path.join(path.dirname(workbook), `${path.basename(workbook, path.extname(workbook))}.yaml`);
  await writeFileAtomic(out, dataText(data, out), [workbook]);
  const s = summarize(data);
  io.out(`${workbook} -> ${out} (${s.measures} measures, ${s.entries} catalog entries, ${s.indicators} indicators)`);
  return 0;
}
