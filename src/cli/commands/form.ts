/**
 * `plan-report form DATA`: writes a fillable form (or, with --all, one per
 * lead department, region or catalog into a folder, named so that a clerk can
 * attach each to the right email).
 */
import * as path from 'node:path';
import { reportLocale } from '../../core/report-defaults';
import { formatLocated, InputError } from '../../core/errors';
import { buildForm } from '../../core/forms/build-form';
import { allForms, departments, leadIndex, selectForm, type FormContent, type FormKind, type FormRequest } from '../../core/forms/form';
import { sha256Hex } from '../../core/forms/digest';
import { checkLetterOptions } from '../../core/forms/letter';
import type { FormRecord } from '../../core/record/form-record';
import type { Locale, ReportData } from '../../core/schema';
import { loadDataFile } from '../data-file/load';
import { nodeSha256, withRegister, type OpenRegister } from '../forms-register';
import { EXIT, type Io } from '../io';
import { inputFiles } from '../write-atomic';
import { GENERATOR } from '../version';
import { streamWorkbook } from '../xlsx/write/write-stream';

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
    const joint = s.lead !== undefined ? content.rows.filter((r) => departments(typeof r[3] === 'string' ? r[3] : undefined).length > 1).length : 0;
    return `measures form: ${n} measure${n === 1 ? '' : 's'}${s.lead !== undefined ? ` led by ${s.lead}` : ''}${joint ? ` (${joint} jointly)` : ''}${s.plan ? ` of plan ${s.plan}` : ''}, ${s.period}`;
  }
  if (s.kind === 'indicators')
    return `indicators form: ${n} indicator${n === 1 ? '' : 's'}${s.department !== undefined ? ` of ${s.department}` : ''}, ${s.period}`;
  return `catalog form: ${n} entr${n === 1 ? 'y' : 'ies'} of ${s.catalog} and ${content.newRows} rows for new ones, ${s.period}`;
}

export async function formCommand(dataFile: string, opts: FormOptions, io: Io): Promise<number> {
  const data = await loadDataFile(dataFile);
  const letter = checkLetterOptions({ due: opts.due, contact: opts.contact }, opts.period ?? data.report.period, dataFile);
  // Every form made is entered in the register of sent forms beside the data file, which collect checks returns against;
  // the register is locked while this run adds to it.
  return withRegister(
    dataFile,
    (register) => makeForms(dataFile, data, opts, io, register, letter),
    (pid) => io.err(`${dataFile}: another plan-report run (process ${pid || 'unknown'}) is adding forms to its register; waiting for it to finish`),
  );
}

type Written = { content: FormContent; out: string; record: FormRecord };

/**
 * Writes the forms of `form --all`, a few at once, so that one's deflating and file writes (in Node's thread pool)
 * overlap the next one's building; each is `done` (entered in the register, told) in the order of the requests.
 * Memory stays that of WRITING forms, whatever their number. Returns how many failed on bad input.
 */
async function writeAll(
  requests: FormRequest[],
  start: (r: FormRequest) => { content: FormContent; out: string; written: Promise<FormRecord> },
  done: (content: FormContent, out: string, record: FormRecord) => void,
  io: Io,
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
      for (const p of err.problems) io.err(formatLocated(p));
    }
  };
  try {
    for (const r of requests) {
      const job = (async () => {
        const { content, out, written } = start(r);
        return { content, out, record: await written };
      })();
      job.catch(() => undefined); // told by finish(), in order: not an unhandled rejection meanwhile
      jobs.push(job);
      if (jobs.length >= WRITING) await finish(jobs.shift()!);
    }
    while (jobs.length) await finish(jobs.shift()!);
  } finally {
    // After an unexpected error, the forms still being written finish (or fail) before the error is told.
    await Promise.allSettled(jobs);
  }
  return failed;
}

async function makeForms(
  dataFile: string,
  data: ReportData,
  opts: FormOptions,
  io: Io,
  register: OpenRegister,
  letter: ReturnType<typeof checkLetterOptions>,
): Promise<number> {
  const locale = reportLocale(data, opts.locale);
  const req: FormRequest = { kind: opts.kind, plan: opts.plan, lead: opts.lead, region: opts.region, catalog: opts.catalog, period: opts.period };
  const options = { generator: GENERATOR, generatedAt: new Date().toISOString(), password: opts.password || undefined, letter, sha256: nodeSha256 };
  // No form replaces the data file or the register: both looked up once, not once a form.
  const inputs = inputFiles([dataFile, register.file]);
  /** Builds a form now, and writes it; the register is added to by the caller once the file is written. */
  const write = async (content: FormContent, out: string) => {
    const built = buildForm(content, data, locale, { ...options, seal: register.seal() });
    await streamWorkbook(built.workbook, out, await inputs);
    return built.record;
  };
  const make = async (content: FormContent, out: string) => register.add(await write(content, out), out);

  if (!opts.all) {
    const content = selectForm(data, req, dataFile);
    const out = opts.out ?? path.join('out', formFileName(content));
    await make(content, out);
    await register.save();
    io.out(`${dataFile} -> ${out} (${describe(content)})`);
    return EXIT.ok;
  }

  const period = opts.period ?? data.report.period;
  const dir = opts.outDir ?? path.join('out', `forms-${safeFileName(period)}`);
  const { requests, left } = allForms(data, req, dataFile);
  if (!requests.length) throw InputError.one(dataFile, `has no ${opts.kind === 'catalog' ? 'catalogs' : opts.kind} to make forms for`);
  const used = new Set<string>();
  const leads = opts.kind === 'measures' ? leadIndex(data) : undefined;
  const failed = await writeAll(
    requests,
    (r) => {
      const content = selectForm(data, r, dataFile, leads);
      let name = formFileName(content);
      for (let n = 2; used.has(name.toLowerCase()); n++) name = formFileName(content).replace(/\.xlsx$/, `-${n}.xlsx`);
      used.add(name.toLowerCase());
      const out = path.join(dir, name);
      return { content, out, written: write(content, out) };
    },
    (content, out, record) => {
      register.add(record, out);
      io.out(`${dataFile} -> ${out} (${describe(content)})`);
    },
    io,
  );
  await register.save();
  if (left) {
    const what =
      opts.kind === 'measures' ? `measure${left === 1 ? ' has' : 's have'} no lead department` : `indicator${left === 1 ? ' has' : 's have'} no region`;
    io.err(
      `${dataFile}: ${left} ${what}, so no form of --all asks about ${left === 1 ? 'it' : 'them'}; make ${left === 1 ? 'its' : 'their'} form with ${opts.kind === 'measures' ? '--plan ID' : '--kind indicators (without --region)'}`,
    );
  }
  io.out(`${requests.length - failed} form${requests.length - failed === 1 ? '' : 's'} written to ${dir}`);
  return failed ? EXIT.input : EXIT.ok;
}
