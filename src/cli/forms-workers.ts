/**
 * The worker threads of `form --all` (forms-worker.ts is a thread's side):
 * forms are independent files, so on a machine of several cores each thread
 * builds and writes the forms it is sent while the main thread selects them,
 * enters each written form in the register and tells it, in the order of the
 * requests (form.ts, writeAll). A thread starts from the command's bundle with
 * its V8 code cache (start.ts, loadBundle), not from tsc's files; run from
 * those or from the sources (the tests), the forms are written in the main
 * thread, as they are when there are few of them.
 */
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors';
import type { FormContent } from '../core/forms/form';
import type { FormRecord } from '../core/record/form-record';
import type { ReportData } from '../core/schema';
import type { FormJob, FormsInit, FromWorker, ToWorker } from './forms-messages';
import { bundleFolder, bundleThreadCode } from './bundle-thread';

/** The most threads: each has its own heap and compiled code (some 35 MB at 1,000 forms). */
const MOST = 4;
/** The fewest forms worth threads, each of which first loads the bundle (bench/results.md). */
export const FEWEST_FORMS = 100;
/** A data file smaller than this has too few forms for threads: they are not started while it is read. */
const SMALL_DATA = 256 * 1024;
/**
 * A thread's young generation: a form's objects die young, and V8's default (semi-spaces of 16 MB) only made each
 * thread 18 MB larger at 1,000 forms, for no CPU saved (bench/results.md).
 */
const YOUNG_MB = 24;
/** Forms sent to a thread and not yet answered, at most: one being built, one being written, the next ones at hand. */
export const AT_HAND = 4;

/**
 * How many threads write the forms: PLAN_REPORT_FORM_WORKERS when set (a whole number; 0 for none, and `forced`:
 * even for a few forms), else one a core up to MOST, none on one core; none without the bundle.
 */
export function formsWorkers(env: NodeJS.ProcessEnv = process.env, bundle = bundleFolder()): { count: number; forced: boolean } {
  if (bundle === undefined) return { count: 0, forced: false };
  const set = env.PLAN_REPORT_FORM_WORKERS?.trim();
  if (set && /^\d+$/.test(set)) return { count: Math.min(Number(set), 16), forced: true };
  const cores = availableParallelism();
  return { count: cores > 1 ? Math.min(cores, MOST) : 0, forced: false };
}

/**
 * The threads for `form --all` on `dataFile`, started before it is read (they load the bundle meanwhile), or
 * undefined: no bundle, one core, or a data file too small to hold enough forms.
 */
export async function earlyForms(dataFile: string): Promise<FormsPool | undefined> {
  const dir = bundleFolder();
  const { count, forced } = formsWorkers(process.env, dir);
  if (!count || dir === undefined) return undefined;
  if (!forced) {
    const size = await fs.promises.stat(dataFile).then(
      (st) => st.size,
      () => 0,
    );
    if (size < SMALL_DATA) return undefined;
  }
  return new FormsPool(count, () => bundleThread(dir), forced);
}

/** A thread started from the bundle in `dir`, serving forms. */
function bundleThread(dir: string): Worker {
  return new Worker(bundleThreadCode(dir, 'formsWorker'), {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
  });
}

/** The data file as the threads need it: what a form's letter and head name, not the measures, entries and observations. */
export function formsShell(data: ReportData): ReportData {
  return {
    ...data,
    plans: data.plans?.map((p) => ({ ...p, measures: [] })),
    catalogs: data.catalogs?.map((c) => ({ ...c, entries: [] })),
    indicators: data.indicators?.map((i) => ({ ...i, observations: [] })),
  };
}

interface Thread {
  worker: Worker;
  /** The forms sent to it and not yet answered, by seq. */
  jobs: Map<number, FormJob>;
  alive: boolean;
  /** Why it ended, when it was not told to. */
  error?: Error;
  exited: Promise<void>;
}

type Waiting = { resolve: (r: FormRecord) => void; reject: (e: unknown) => void };

export class FormsPool {
  private readonly threads: Thread[] = [];
  private readonly waiting = new Map<number, Waiting>();
  /** Forms not yet sent to a thread, in the order of the requests. */
  private readonly queue: FormJob[] = [];
  /** The first form (by seq) that failed unexpectedly, and why: no form after it is started. */
  private failedAt = Infinity;
  private failure: Error | undefined;
  private sent = false;
  private closing = false;

  constructor(
    count: number,
    start: () => Worker,
    /** Whether the number of threads was asked for (PLAN_REPORT_FORM_WORKERS): threads even for a few forms. */
    readonly forced = false,
  ) {
    for (let i = 0; i < count; i++) this.threads.push(this.watch(start()));
  }

  /**
   * How many forms the caller has in hand at once: twice what the threads hold, so that a thread that is ahead finds
   * forms waiting here while the caller waits for the next form in order from another.
   */
  get window(): number {
    return 2 * this.threads.length * AT_HAND;
  }

  /** Tells every thread what the forms share; once, before any form. */
  begin(init: FormsInit): void {
    for (const t of this.threads) t.worker.postMessage({ type: 'init', init } satisfies ToWorker);
  }

  /** Builds and writes a form in a thread (the first with room); its record (rows and all) once the file is written. */
  write(seq: number, content: FormContent, out: string): Promise<FormRecord> {
    if (seq > this.failedAt) return Promise.reject(this.failure);
    const done = new Promise<FormRecord>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    this.queue.push({ seq, content, out });
    this.pump();
    return done;
  }

  /** Sends the forms waiting to the threads with room for them; with no thread left, they fail. */
  private pump(): void {
    while (this.queue.length) {
      const alive = this.threads.filter((t) => t.alive);
      if (!alive.length) {
        const cause = this.threads.find((t) => t.error)?.error;
        const err = this.failure ?? new Error(`no worker thread of form --all is left to write the forms${cause ? ` (${cause.message})` : ''}`);
        for (const job of this.queue.splice(0)) this.reject(job.seq, err);
        return;
      }
      const thread = alive.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      if (thread.jobs.size >= AT_HAND) return;
      const job = this.queue.shift()!;
      if (job.seq > this.failedAt) {
        this.reject(job.seq, this.failure);
        continue;
      }
      thread.jobs.set(job.seq, job);
      this.sent = true;
      thread.worker.postMessage({ type: 'forms', jobs: [job] } satisfies ToWorker);
    }
  }

  private reject(seq: number, err: unknown): void {
    const w = this.waiting.get(seq);
    this.waiting.delete(seq);
    w?.reject(err);
  }

  private watch(worker: Worker): Thread {
    const thread: Thread = { worker, jobs: new Map(), alive: true, exited: Promise.resolve() };
    thread.exited = new Promise((resolve) => {
      worker.on('message', (m: FromWorker) => this.answer(thread, m));
      worker.on('error', (err) => (thread.error = err));
      worker.on('exit', (code) => {
        thread.alive = false;
        this.ended(thread, code);
        resolve();
      });
    });
    return thread;
  }

  private answer(thread: Thread, m: FromWorker): void {
    if (m.type === 'dropped') for (const seq of m.seqs) this.settle(thread, seq, undefined, this.failure);
    else if (m.type === 'written') {
      const job = thread.jobs.get(m.seq);
      this.settle(thread, m.seq, job && { ...m.record, rows: job.content.rows });
    } else if (m.type === 'refused') this.settle(thread, m.seq, undefined, new InputError(m.problems));
    else {
      const err = new Error(m.message);
      if (m.stack) err.stack = m.stack;
      this.fail(m.seq, err);
      this.settle(thread, m.seq, undefined, err);
    }
    this.pump();
  }

  private settle(thread: Thread, seq: number, record?: FormRecord, err?: unknown): void {
    thread.jobs.delete(seq);
    const w = this.waiting.get(seq);
    this.waiting.delete(seq);
    if (record) w?.resolve(record);
    else w?.reject(err);
  }

  /** A form failed unexpectedly: no form after it is started; the threads drop those they have not started. */
  private fail(seq: number, err: Error): void {
    if (seq >= this.failedAt) return;
    this.failedAt = seq;
    this.failure = err;
    for (const t of this.threads) if (t.alive) t.worker.postMessage({ type: 'drop', after: seq } satisfies ToWorker);
  }

  /** A thread ended: told to, or not (its forms not yet answered fail, saying so; the others go on). */
  private ended(thread: Thread, code: number): void {
    if (!thread.jobs.size) return;
    const files = [...thread.jobs.values()].map((j) => j.out);
    const why = thread.error ? `: ${thread.error.message}` : '';
    const err = new Error(`a worker thread of form --all stopped (exit code ${code}${why}) before writing ${files.join(', ')}`);
    if (thread.error?.stack) err.stack = `${err.message}\n${thread.error.stack}`;
    this.fail(Math.min(...thread.jobs.keys()), err);
    for (const seq of [...thread.jobs.keys()]) this.settle(thread, seq, undefined, err);
    this.pump();
  }

  /**
   * Ends the threads and waits for them: each ends once the forms it is writing are written (none is stopped in the
   * middle of one). Threads sent no form yet are stopped at once.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const t of this.threads) {
      if (!t.alive) continue;
      if (this.sent) t.worker.postMessage({ type: 'stop' } satisfies ToWorker);
      else void t.worker.terminate();
    }
    await Promise.all(this.threads.map((t) => t.exited));
  }
}
