import * as path from 'node:path';
import { fileNamePart, reportBaseName } from '../../core/data-file/names';
import { reportLocale } from '../../core/report-defaults';
import { periodWords } from '../../core/i18n/wording';
import { InputError } from '../../core/errors';
import { buildReport } from '../../core/layout/build';
import type { Locale, ReportData, StreamableData } from '../../core/schema';
import { checkPrevious, readPrevious, type Previous } from '../../core/since/previous';
import type { BuildOptions } from '../../core/layout/context';
import { loadWorkbookFile } from '../xlsx/read/read-record';
import type { PartsWorkbook } from '../xlsx/read/parts-grid';
import type { Template } from '../../core/template';
import { DEFAULT_TEMPLATE } from '../../core/template/default';
import { loadReportInput } from '../data-file/load';
import { EXIT, type Io } from '../io';
import { loadTemplate, looksLikePath } from '../templates';
import { GENERATOR } from '../version';
import { delayedProgress } from '../progress';
import { streamWorkbook } from '../xlsx/write/write-stream';
import { problemLine, say, type Voice } from '../voice';
import { noPretenuring } from '../pretenuring';

export interface GenerateOptions {
  template?: string;
  locale?: Locale;
  out?: string;
  outDir: string;
  /** false with --no-charts. */
  charts?: boolean;
  /** The previous report workbook (`--since`; one data file only). */
  since?: string;
}

type Summary = Awaited<ReturnType<typeof loadReportInput>>['summary'];

/** The line that says a workbook was written. */
function writtenLine(voice: Voice, file: string, out: string, s: Summary, names: number): string {
  return say(
    voice,
    `${file} -> ${out} (${s.measures} measures, ${s.entries} catalog entries, ${s.indicators} indicators; ${names} named figures)`,
    `${file} -> ${out}（${s.measures} 项措施，${s.entries} 项目录产品，${s.indicators} 个指标；${names} 个命名的统计数字）`,
  );
}

/** What the line under it says of the previous report: its period, and a note when periods were skipped. */
interface SinceSaid {
  period: string;
  note?: string;
  noteZh?: string;
}

/** The line under it with --since: how many changes the Changes sheet lists. */
function sinceLine(voice: Voice, since: SinceSaid, file: string, changes: string): string {
  const period = since.period;
  return say(
    voice,
    `  since ${period} (${file}): ${changes} changes listed${since.note ? `; ${since.note}` : ''}`,
    `  与上期${periodWords(period, 'zh-CN')}（${file}）相比：列出 ${changes} 条变化${since.noteZh ? `；${since.noteZh}` : ''}`,
  );
}

/**
 * The previous report of --since, read as extract reads a workbook (bounded, with its refusals), and checked against
 * the data. `loading`: its package, loaded (inflated and counted) while the data file was being checked.
 */
async function previousReport(
  since: string,
  loading: Promise<PartsWorkbook>,
  data: StreamableData,
  file: string,
): Promise<{ previous: Previous; note?: string; noteZh?: string }> {
  const previous = readPrevious(await loading, since);
  return { previous, ...checkPrevious(data, file, previous) };
}

/**
 * The previous report's package, its loading started first: once its large parts inflate (its large sheets inflated
 * and counted in a worker thread, safe-load.ts), or it is loaded or refused, the data file is read and checked
 * meanwhile (two cores work). A refusal of it is said only
 * once the data file was found sound (awaited after it), so it is marked handled here.
 */
async function startLoading(since: string | undefined): Promise<{ loading?: Promise<PartsWorkbook> } | undefined> {
  if (since === undefined) return undefined;
  let inflating!: () => void;
  const started = new Promise<void>((resolve) => (inflating = resolve));
  const loading = loadWorkbookFile(since, inflating);
  loading.catch(() => undefined);
  await Promise.race([
    started,
    loading.then(
      () => undefined,
      () => undefined,
    ),
  ]);
  return { loading };
}

/** The loading promise, let go of here: the workbook (its sheets' text and cells) is not held while the report is written. */
function taken(started: { loading?: Promise<PartsWorkbook> } | undefined): Promise<PartsWorkbook> | undefined {
  const loading = started?.loading;
  if (started) started.loading = undefined;
  return loading;
}

/** A file name from region and period that a clerk can recognise: `Beijing-2022-Q3.xlsx`. */
export function defaultFileName(data: Pick<ReportData, 'report'>, template: Template, locale: Locale): string {
  const extra = [...(template.name !== DEFAULT_TEMPLATE ? [fileNamePart(template.name)] : []), ...(locale !== 'en' ? [locale] : [])];
  return `${reportBaseName(data, extra)}.xlsx`;
}

export async function generateCommand(files: string[], opts: GenerateOptions, io: Io, voice: Voice = { locale: 'en', verbose: false }): Promise<number> {
  noPretenuring();
  const template = await loadTemplate(opts.template);
  // Every input is protected from being written over: the data files, and a template file.
  const inputs = [...files, ...(opts.template !== undefined && looksLikePath(opts.template) ? [opts.template] : []), ...(opts.since ? [opts.since] : [])];
  let failed = 0;
  for (const file of files) {
    try {
      // A large JSON file is checked in a first reading before anything is written: a bar for that too.
      // Only the first data file's report is made --since (one data file only): its previous report starts loading now.
      const loading = files.length === 1 ? await startLoading(opts.since) : undefined;
      const reading = delayedProgress(say(voice, `checking ${path.basename(file)}`, `正在检查 ${path.basename(file)}`), 1000, process.stderr, 'MB');
      let input;
      try {
        input = await loadReportInput(file, {
          onRead: (read, size) => reading.update(Math.round(read / 2 ** 20), Math.round(size / 2 ** 20)),
          // With --since the measures are compared, then written: kept by the check pass, not read from the file twice more.
          keepMeasures: loading !== undefined,
        });
      } finally {
        reading.stop();
      }
      const { data, rows, summary: s } = input;
      const locale = reportLocale(data, opts.locale);
      let since = opts.since === undefined ? undefined : await previousReport(opts.since, taken(loading) ?? loadWorkbookFile(opts.since), data, file);
      const options: BuildOptions = { generator: GENERATOR, generatedAt: new Date().toISOString(), charts: opts.charts !== false, previous: since?.previous };
      const model = buildReport(template, data, locale, options, rows);
      // The previous report's data is not held while the rows are written: the model keeps what its sheets show of it.
      const said: SinceSaid | undefined = since && { period: String(since.previous.data.report.period), note: since.note, noteZh: since.noteZh };
      options.previous = since = undefined;
      const out = opts.out ?? path.join(opts.outDir, defaultFileName(data, template, locale));
      const progress = delayedProgress(`${path.basename(file)} -> ${path.basename(out)}`, 1000, process.stderr, say(voice, 'rows', '行'));
      try {
        await streamWorkbook(model, out, inputs, (done, total) => progress.update(done, total));
      } finally {
        progress.stop();
      }
      io.out(writtenLine(voice, file, out, s, model.names.length));
      if (said) io.out(sinceLine(voice, said, opts.since!, String(model.sheets.find((x) => x.key === 'changes')!.rows[2].cells[1]?.v)));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const p of err.problems) io.err(problemLine(p, voice));
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}
