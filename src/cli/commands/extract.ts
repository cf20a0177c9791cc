import * as path from 'node:path';
import { summarize } from '../../core/data-file/counts';
import { syntaxOf } from '../../core/data-file/structured-text';
import { dataText } from '../../core/data-file/write';
import { InputError } from '../../core/errors';
import { FORM_META_SHEET } from '../../core/forms/meta';
import { META_SHEET } from '../../core/layout/meta';
import { readReportWorkbook } from '../../core/read/report-reader';
import { writeFileAtomic } from '../write-atomic';
import { EXIT, type Io } from '../io';

export async function extractCommand(workbook: string, opts: { out?: string }, io: Io): Promise<number> {
  const { exceljsGrid } = await import('../xlsx/grid');
  const { loadWorkbookFile } = await import('../xlsx/read-meta');
  const wb = await loadWorkbookFile(workbook);
  if (wb.getWorksheet(FORM_META_SHEET) && !wb.getWorksheet(META_SHEET)) {
    throw InputError.one(
      workbook,
      'is a form made by `plan-report form`, not a report; expected a report workbook (fold a returned form into the data file with `plan-report collect DATA FORM...`)',
    );
  }
  const data = readReportWorkbook(exceljsGrid(wb), workbook);
  const out = opts.out ?? path.join(path.dirname(workbook), `${path.basename(workbook, path.extname(workbook))}.yaml`);
  await writeFileAtomic(out, dataText(data, syntaxOf(out)), [workbook]);
  const s = summarize(data);
  io.out(`${workbook} -> ${out} (${s.measures} measures, ${s.entries} catalog entries, ${s.indicators} indicators)`);
  return EXIT.ok;
}
