import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { summarize } from '../../core/data-file/counts';
import { syntaxOf } from '../../core/data-file/structured-text';
import { dataText } from '../../core/data-file/write';
import { InputError } from '../../core/errors';
import { said } from '../../core/messages/said';
import { FORM_RECORD_SHEET } from '../../core/record/form-record';
import { REPORT_RECORD_SHEET } from '../../core/record/report-record';
import { readReportWorkbook } from '../../core/read/report-reader';
import { writeFileAtomic } from '../write-atomic';
import { EXIT, type Io } from '../io';
import { problemLine, say, type Voice } from '../voice';
import { loadWorkbookFile } from '../xlsx/read/read-record';

export interface ExtractOptions {
  out?: string;
  /** Replace an existing data file at the default place beside the workbook. */
  force?: boolean;
}

const A_FORM = said(
  'is a form made by `plan-report form`, not a report; expected a report workbook (fold a returned form into the data file with `plan-report collect DATA FORM...`)',
  '是用“plan-report form”生成的填报表，不是报告；应为报告工作簿（交回的填报表请用“plan-report collect 数据文件 填报表…”汇入数据文件）',
);

const EXISTS = said(
  'exists already; nothing was written: expected a new file beside the workbook (name another with --out FILE, or replace this one, comments and all, with --force)',
  '已存在，未写入任何内容；应在工作簿旁写入新文件（可用 --out 文件 另指定一个，或用 --force 替换此文件，其中的注释也将一并替换）',
);

/** Reads the report workbook back into a data file; every problem is printed in the voice's language. */
export async function extractCommand(workbook: string, opts: ExtractOptions, io: Io, voice: Voice = { locale: 'en', verbose: false }): Promise<number> {
  try {
    const wb = await loadWorkbookFile(workbook);
    if (wb.sheetNames.includes(FORM_RECORD_SHEET) && !wb.sheetNames.includes(REPORT_RECORD_SHEET)) throw InputError.one(workbook, A_FORM.message, A_FORM);
    const data = readReportWorkbook(wb, workbook);
    const out = opts.out ?? path.join(path.dirname(workbook), `${path.basename(workbook, path.extname(workbook))}.yaml`);
    // The default output is a guess: a data file already there (with its comments) is not replaced unasked.
    if (opts.out === undefined && !opts.force && (await fs.lstat(out).catch(() => undefined))) throw InputError.one(out, EXISTS.message, EXISTS);
    writeFileAtomic(out, dataText(data, syntaxOf(out)), [workbook]);
    const s = summarize(data);
    io.out(
      say(
        voice,
        `${workbook} -> ${out} (${s.measures} measures, ${s.entries} catalog entries, ${s.indicators} indicators)`,
        `${workbook} -> ${out}（${s.measures} 项措施，${s.entries} 项目录产品，${s.indicators} 个指标）`,
      ),
    );
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) io.err(problemLine(p, voice));
    return EXIT.input;
  }
}
