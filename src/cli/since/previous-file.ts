/**
 * The previous report of `generate --since`, read from its file as `extract`
 * reads a workbook (bounded, with its refusals), in a worker thread while the
 * main thread reads and checks the data file: the previous workbook does not
 * depend on the data file, and reading it is the larger part of the work
 * (previous-worker.ts runs it there), when a core is free for it. Without
 * one (a machine of one core, or one kept busy), or where the worker's script
 * is not at hand (the command run from its TypeScript source), it is read in
 * this thread instead, when it is asked for.
 */
import * as fs from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError, type Located } from '../../core/errors';
import { readPrevious, type Previous } from '../../core/since/previous';
import { loadWorkbookFile } from '../xlsx/read/read-record';

/** The previous report read in this thread. */
export async function readPreviousFile(file: string): Promise<Previous> {
  return readPrevious(await loadWorkbookFile(file), file);
}

/**
 * What the worker sends back: the report, its refusal (an InputError's
 * problems), or a bug. The report's data goes as JSON text: a structured
 * clone of 100,000 measures costs this thread more to take in (0.36 s of
 * CPU against 0.15 s for JSON.parse), and the data is JSON's own (text,
 * numbers, lists and mappings; dates as ISO text).
 */
export type PreviousMessage = { previous: Omit<Previous, 'data'>; data: string } | { refused: Located[]; total: number } | { bug: string; stack?: string };

/** The worker's answer for a report read. */
export function messageOfPrevious(p: Previous): PreviousMessage {
  const { data, ...rest } = p;
  return { previous: rest, data: JSON.stringify(data) };
}

/** The worker's answer for an error: a refusal keeps its problems (both languages); anything else is a bug. */
export function messageOfError(err: unknown): PreviousMessage {
  if (err instanceof InputError) return { refused: err.problems, total: err.total };
  const e = err instanceof Error ? err : new Error(String(err));
  return { bug: e.message, stack: e.stack };
}

/** The report, or the error the worker met thrown again here: the same InputError, or an internal error. */
export function previousOfMessage(m: PreviousMessage): Previous {
  if ('previous' in m) return { ...m.previous, data: JSON.parse(m.data) as Previous['data'] };
  if ('refused' in m) throw new InputError(m.refused, m.total);
  const err = new Error(`reading the previous report in a worker thread: ${m.bug}`);
  if (m.stack) err.stack = `${err.message}\n${m.stack}`;
  throw err;
}

/** The previous report being read: `result()` gives it (or throws its refusal); `close()` stops a reading no longer wanted. */
export interface PendingPrevious {
  result(): Promise<Previous>;
  close(): Promise<void>;
}

/** The worker's script beside this module, when the command runs from its build. */
export const WORKER_SCRIPT = path.join(__dirname, 'previous-worker.js');

/**
 * Whether a core is free for a second thread now: the machine has more than
 * one, and the load average of the last minute leaves one idle. A thread
 * costs CPU time and memory of its own (its modules loaded again, its heap
 * beside this one: about 0.7 s and 140 MB on a report of 100,000 measures),
 * which only a free core pays back, in the time the user waits.
 */
export function spareCore(): boolean {
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0] <= cores - 1;
}

export interface StartOptions {
  /** Read in a worker thread (default: when a core is free, spareCore). */
  thread?: boolean;
  /** The worker's script (default: WORKER_SCRIPT), and its node options (tests run the TypeScript source through tsx). */
  script?: string;
  execArgv?: string[];
}

/**
 * Starts reading the previous report `file` in a worker thread; without a
 * thread (no core free, or no script built), reads it in this thread when
 * `result()` is first called.
 */
export function startPrevious(file: string, opts: StartOptions = {}): PendingPrevious {
  const script = opts.script ?? WORKER_SCRIPT;
  if (!(opts.thread ?? spareCore()) || !fs.existsSync(script)) {
    let reading: Promise<Previous> | undefined;
    return { result: () => (reading ??= readPreviousFile(file)), close: async () => undefined };
  }
  const worker = new Worker(script, { workerData: { file }, execArgv: opts.execArgv });
  let done = false;
  const answer = new Promise<PreviousMessage>((resolve, reject) => {
    worker.once('message', (m: PreviousMessage) => {
      done = true;
      resolve(m);
    });
    worker.once('error', (err) => {
      done = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the worker thread reading the previous report stopped (exit code ${code}) without an answer`));
      done = true;
    });
  });
  // Not read when the data file is refused first: no unhandled rejection then.
  answer.catch(() => undefined);
  return {
    result: async () => previousOfMessage(await answer),
    close: async () => {
      if (!done) await worker.terminate();
    },
  };
}
