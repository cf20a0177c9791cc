/**
 * `plan-report form DATA`: writes a fillable form (or, with --all, one per
 * lead department, region or catalog into a folder, named so that a clerk can
 * attach each to the right email).
 */
import * as path from 'node:path';
import { reportLocale } from '../../core/report-defaults';
import { InputError } from '../../core/errors';
import { buildForm, type FormBuildOptions } from '../../core/forms/build-form';
import { allForms, departments, leadIndex, selectForm, type FormContent, type FormKind, type FormRequest } from '../../core/forms/form';
import { sha256Hex } from '../../core/forms/digest';
import { checkLetterOptions } from '../../core/forms/letter';
import type { FormRecord } from '../../core/record/form-record';
import type { Locale, ReportData } from '../../core/schema';
import { periodWords } from '../../core/i18n/wording';
import { loadDataFile } from '../data-file/load';
import { nodeSha256, withRegister, type OpenRegister } from '../forms-register';
import { EXIT, type Io } from '../io';
import { inputFiles, type InputFile } from '../write-atomic';
import { GENERATOR } from '../version';
import { problemLine, say, type Voice } from '../voice';
import { streamWorkbook } from '../xlsx/write/write-stream';
import { earlyForms, FEWEST_FORMS, formsShell, type FormsPool } from '../forms-workers';

export interface FormOptions {
  kind: FormKind;
  plan?: string;
  lead?: string;
  region?: string;
  catalog?: string;
  period?: string;
  locale?: Locale;
  password?: string;
  out?: string;
  outDir?: string;
  all?: boolean;
  /** The date the form is to be sent back by, and whom to ask (forms/letter.ts). */
  due?: string;
  contact?: string;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 80;
/** How many forms of `form --all` are written at once (see makeForms). */
const WRITING = 4;

/**
 * A file name safe on Windows, macOS and Linux: no `\ / : * ? " < > |`, no
 * control characters, no leading or trailing dots and spaces, no reserved
 * device names, at most 80 characters (a long name keeps a short hash of the
 * whole, so two long names stay apart). Chinese and other letters are kept.
 */
export function safeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\s]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '');
  const chars = Array.from(s);
  if (chars.length > MAX_NAME)
    s = `${chars
      .slice(0, MAX_NAME - 9)
      .join('')
      .replace(/[-.\s]+$/, '')}-${sha256Hex(name).slice(0, 8)}`;
  if (!s) s = 'form';
  if (RESERVED.test(s.split('.')[0])) s = `_${s}`;
  return s;
}

/** The file name of a form: `<period>-<department, plan or catalog>.xlsx`. */
export function formFileName(content: FormContent): string {
  const s = content.scope;
  let scope: string;
  if (s.kind === 'measures') scope = s.lead !== undefined ? (s.plan ? `${s.plan}-${s.lead}` : s.lead) : (s.plan ?? 'measures');
  else if (s.kind === 'indicators') scope = s.department !== undefined ? `indicators-${s.department}` : 'indicators';
  else scope = `catalog-${s.catalog}`;
  return `${safeFileName(`${s.period}-${scope}`)}.xlsx`;
}

function describe(content: FormContent): string {
  const s = content.scope;
  const n = content.rows.length;
  if (s.kind === 'measures') {
    const joint = jointly(content);
    return `measures form: ${n} measure${n === 1 ? '' : 's'}${s.lead !== undefined ? ` led by ${s.lead}` : ''}${joint ? ` (${joint} jointly)` : ''}${s.plan ? ` of plan ${s.plan}` : ''}, ${s.period}`;
  }
  if (s.kind === 'indicators')
    return `indicators form: ${n} indicator${n === 1 ? '' : 's'}${s.department !== undefined ? ` of ${s.department}` : ''}, ${s.period}`;
  return `catalog form: ${n} entr${n === 1 ? 'y' : 'ies'} of ${s.catalog} and ${content.newRows} rows for new ones, ${s.period}`;
}

/** How many of a lead's measures it leads jointly with others. */
function jointly(content: FormContent): number {
  if (content.scope.lead === undefined) return 0;
  return content.rows.filter((r) => departments(typeof r[3] === 'string' ? r[3] : undefined).length > 1).length;
}

/** What a form asks about, in Chinese. */
function describeZh(content: FormContent): string {
  const s = content.scope;
  const n = content.rows.length;
  if (s.kind === 'measures') {
    const joint = jointly(content);
    const lead = s.lead !== undefined ? `，由“${s.lead}”牵头${joint ? `（其中 ${joint} 项为联合牵头）` : ''}` : '';
    return `措施表单：${s.plan ? `方案 ${s.plan} 的 ` : ''}${n} 项措施${lead}，${periodWords(s.period, 'zh-CN')}`;
  }
  if (s.kind === 'indicators') return `指标表单：${s.department !== undefined ? `“${s.department}”的 ` : ''}${n} 个指标，${periodWords(s.period, 'zh-CN')}`;
  return `目录表单：目录 ${s.catalog} 的 ${n} 项，另留 ${content.newRows} 行供新增，${periodWords(s.period, 'zh-CN')}`;
}

/** One form written: `data.yaml -> out/2024-Q3-A.xlsx (measures form: …)`. */
function writtenLine(voice: Voice, dataFile: string, out: string, content: FormContent): string {
  return say(voice, `${dataFile} -> ${out} (${describe(content)})`, `${dataFile} -> ${out}（${describeZh(content)}）`);
}

/** The register let go of forms no return can be collected for: `… 12 forms sent for periods before 2024-Q3 dropped …`. */
function droppedLine(voice: Voice, file: string, period: string, n: number): string {
  return say(
    voice,
    `${file}: ${n} form${n === 1 ? '' : 's'} sent for periods before ${period} dropped from the register (collect takes returns for ${period} only)`,
    `${file}：已从登记册中删除 ${periodWords(period, 'zh-CN')}以前各期发出的 ${n} 份表单（汇入只收 ${periodWords(period, 'zh-CN')}的表单）`,
  );
}

export async function formCommand(dataFile: string, opts: FormOptions, io: Io, voice: Voice = { locale: 'en', verbose: false }): Promise<number> {
  // The worker threads of --all (if any) load the bundle while the data file is read.
  const workers = opts.all ? await earlyForms(dataFile) : undefined;
  try {
    const data = await loadDataFile(dataFile);
    const letter = checkLetterOptions({ due: opts.due, contact: opts.contact }, opts.period ?? data.report.period, dataFile);
    // Every form made is entered in the register of sent forms beside the data file, which collect checks returns against;
    // the register is locked while this run adds to it.
    return await withRegister(
      dataFile,
      (register) => makeForms(dataFile, data, opts, { io, voice, workers }, register, letter),
      (pid) =>
        io.err(
          say(
            voice,
            `${dataFile}: another plan-report run (process ${pid || 'unknown'}) is adding forms to its register; waiting for it to finish`,
            `${dataFile}：另一个 plan-report 进程（${pid || '进程号不明'}）正在登记表单，等待其完成`,
          ),
        ),
    );
  } finally {
    await workers?.close();
  }
}

type Written = { content: FormContent; out: string; record: FormRecord };

/** Where a command's lines go, and in which words; and the threads that write the forms of --all, if any. */
interface Told {
  io: Io;
  voice: Voice;
  workers?: FormsPool;
}

/** The items no form of --all asks about (measures without a lead, indicators without a region). */
function leftLine(voice: Voice, dataFile: string, kind: FormKind, left: number): string {
  const what = kind === 'measures' ? `measure${left === 1 ? ' has' : 's have'} no lead department` : `indicator${left === 1 ? ' has' : 's have'} no region`;
  return say(
    voice,
    `${dataFile}: ${left} ${what}, so no form of --all asks about ${left === 1 ? 'it' : 'them'}; make ${left === 1 ? 'its' : 'their'} form with ${kind === 'measures' ? '--plan ID' : '--kind indicators (without --region)'}`,
    kind === 'measures'
      ? `${dataFile}：${left} 项措施未填写牵头单位，--all 制作的表单均不含这些措施；请用 --plan 另行制作其表单`
      : `${dataFile}：${left} 个指标未填写地区，--all 制作的表单均不含这些指标；请用 --kind 指定 indicators、不带 --region 另行制作其表单`,
  );
}

/**
 * Writes the forms of `form --all`, `window` at once (in the main thread: one's file writes, in Node's thread pool,
 * overlap the next one's building; or in worker threads); each is `done` (entered in the register, told) in the
 * order of the requests. Memory stays that of `window` forms, whatever their number. Returns how many failed on bad
 * input.
 */
async function writeAll(
  requests: FormRequest[],
  window: number,
  start: (r: FormRequest, seq: number) => { content: FormContent; out: string; written: Promise<FormRecord> },
  done: (content: FormContent, out: string, record: FormRecord) => void,
  { io, voice }: Told,
): Promise<number> {
  let failed = 0;
  const jobs: Promise<Written>[] = [];
  const finish = async (job: Promise<Written>) => {
    try {
      const { content, out, record } = await job;
      done(content, out, record);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const p of err.problems) io.err(problemLine(p, voice));
    }
  };
  try {
    for (const [seq, r] of requests.entries()) {
      const job = (async () => {
        const { content, out, written } = start(r, seq);
        return { content, out, record: await written };
      })();
      job.catch(() => undefined); // told by finish(), in order: not an unhandled rejection meanwhile
      jobs.push(job);
      if (jobs.length >= window) await finish(jobs.shift()!);
    }
    while (jobs.length) await finish(jobs.shift()!);
  } finally {
    // After an unexpected error, the forms still being written finish (or fail) before the error is told.
    await Promise.allSettled(jobs);
  }
  return failed;
}

/**
 * The threads that write the forms, told what the forms share; undefined (the forms written in the main thread) when
 * there are none or too few forms for them, unless their number was asked for.
 */
async function readyWorkers(
  workers: FormsPool | undefined,
  forms: number,
  run: { data: ReportData; locale: Locale; options: FormBuildOptions; key: string; inputs: InputFile[] },
): Promise<FormsPool | undefined> {
  if (!workers) return undefined;
  if (!workers.forced && forms < FEWEST_FORMS) {
    await workers.close();
    return undefined;
  }
  const { generator, generatedAt, password, letter } = run.options;
  const options = { generator, generatedAt, password, letter };
  workers.begin({ shell: formsShell(run.data), locale: run.locale, options, key: run.key, inputs: run.inputs });
  return workers;
}

async function makeForms(
  dataFile: string,
  data: ReportData,
  opts: FormOptions,
  told: Told,
  register: OpenRegister,
  letter: ReturnType<typeof checkLetterOptions>,
): Promise<number> {
  const { io, voice } = told;
  const locale = reportLocale(data, opts.locale);
  const req: FormRequest = { kind: opts.kind, plan: opts.plan, lead: opts.lead, region: opts.region, catalog: opts.catalog, period: opts.period };
  const options = { generator: GENERATOR, generatedAt: new Date().toISOString(), password: opts.password || undefined, letter, sha256: nodeSha256 };
  // No form replaces the data file or the register: both looked up once, not once a form.
  const inputs = inputFiles([dataFile, register.file]);
  /**
   * Builds a form and starts its writing (streamWorkbook zips it at once); only its record is kept until the file is
   * written, not its model, so that the models of the forms being written die young.
   */
  const started = (content: FormContent, out: string, files: InputFile[]) => {
    const { workbook, record } = buildForm(content, data, locale, { ...options, seal: register.seal() });
    return { record, written: streamWorkbook(workbook, out, files) };
  };
  /** Builds a form now, and writes it; the register is added to by the caller once the file is written. */
  const write = async (content: FormContent, out: string) => {
    const { record, written } = started(content, out, inputs);
    await written;
    return record;
  };
  const make = async (content: FormContent, out: string) => register.add(await write(content, out), out);

  if (!opts.all) {
    const content = selectForm(data, req, dataFile);
    const out = opts.out ?? path.join('out', formFileName(content));
    await make(content, out);
    const dropped = register.dropBefore(data.report.period);
    await register.save();
    io.out(writtenLine(voice, dataFile, out, content));
    if (dropped) io.out(droppedLine(voice, register.file, data.report.period, dropped));
    return EXIT.ok;
  }

  const period = opts.period ?? data.report.period;
  const dir = opts.outDir ?? path.join('out', `forms-${safeFileName(period)}`);
  const { requests, left } = allForms(data, req, dataFile);
  if (!requests.length)
    throw InputError.one(dataFile, `has no ${opts.kind === 'catalog' ? 'catalogs' : opts.kind} to make forms for`, {
      zh: `没有可制作表单的${{ measures: '措施', indicators: '指标', catalog: '目录' }[opts.kind]}`,
    });
  const used = new Set<string>();
  const leads = opts.kind === 'measures' ? leadIndex(data) : undefined;
  const workers = await readyWorkers(told.workers, requests.length, { data, locale, options, key: register.register.key, inputs });
  const failed = await writeAll(
    requests,
    workers?.window ?? WRITING,
    (r, seq) => {
      const content = selectForm(data, r, dataFile, leads);
      let name = formFileName(content);
      for (let n = 2; used.has(name.toLowerCase()); n++) name = formFileName(content).replace(/\.xlsx$/, `-${n}.xlsx`);
      used.add(name.toLowerCase());
      const out = path.join(dir, name);
      return { content, out, written: workers ? workers.write(seq, content, out) : write(content, out) };
    },
    (content, out, record) => {
      register.add(record, out);
      io.out(writtenLine(voice, dataFile, out, content));
    },
    told,
  );
  const dropped = register.dropBefore(data.report.period);
  await register.save();
  if (dropped) io.out(droppedLine(voice, register.file, data.report.period, dropped));
  if (left) io.err(leftLine(voice, dataFile, opts.kind, left));
  const n = requests.length - failed;
  io.out(say(voice, `${n} form${n === 1 ? '' : 's'} written to ${dir}`, `已写入 ${n} 份表单至 ${dir}`));
  return failed ? EXIT.input : EXIT.ok;
}
