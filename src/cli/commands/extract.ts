import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { summarize } from '../../core/data-file/counts';
import { syntaxOf } from '../../core/data-file/structured-text';
import { dataText } from '../../core/data-file/write';
import { InputError } from '../../core/errors';
import { FORM_RECORD_SHEET } from '../../core/record/form-record';
import { REPORT_RECORD_SHEET } from '../../core/record/report-record';
import { readReportWorkbook } from '../../core/read/report-reader';
import { writeFileAtomic } from '../write-atomic';
import { EXIT, type Io } from '../io';
import { loadWorkbookFile } from '../xlsx/read/read-record';

export interface ExtractOptions {
  out?: string;
  /** Replace an existing data file at the default place beside the workbook. */
  force?: boolean;
}

export async function extractCommand(workbook: string, opts: ExtractOptions, io: Io): Promise<number> {
  const wb = await loadWorkbookFile(workbook);
  if (wb.sheetNames.includes(FORM_RECORD_SHEET) && !wb.sheetNames.includes(REPORT_RECORD_SHEET)) {
    throw InputError.one(
      workbook,
      'is a form made by `plan-report form`, not a report; expected a report workbook (fold a returned form into the data file with `plan-report collect DATA FORM...`)',
    );
  }
  const data = readReportWorkbook(wb, workbook);
  const out = opts.out ?? path.join(path.dirname(workbook), `${path.basename(workbook, path.extname(workbook))}.yaml`);
  // The default output is a guess: a data file already there (with its comments) is not replaced unasked.
  if (opts.out === undefined && !opts.force && (await fs.lstat(out).catch(() => undefined)))
    throw InputError.one(
      out,
      'exists already; nothing was written: expected a new file beside the workbook (name another with --out FILE, or replace this one, comments and all, with --force)',
    );
  await writeFileAtomic(out, dataText(data, syntaxOf(out)), [workbook]);
  const s = summarize(data);
  io.out(`${workbook} -> ${out} (${s.measures} measures, ${s.entries} catalog entries, ${s.indicators} indicators)`);
  return EXIT.ok;
}
