/**
 * A worker thread of `form --all` (forms-workers.ts starts it, from the
 * bundle): told once what every form shares (the data file's shell, the
 * options, the register's key, the inputs no output may replace), it builds
 * and writes each form it is sent, as the main thread would (buildForm, then
 * streamWorkbook: atomically), and answers with the form's record (its rows
 * left out: the main thread has them), the problems of a form that cannot be
 * written, or an unexpected error. A form's file is written in one
 * synchronous call (write-atomic.ts), so forms are built and written one after
 * another. After an unexpected error it drops, when told, the forms after the one that
 * failed that it has not started; told to stop, it ends once the forms it has
 * are written: no form is left half-written.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../core/errors';
import { buildForm } from '../core/forms/build-form';
import { nodeSha256, sealUnder } from './forms-register';
import type { FormJob, FormsInit, FromWorker, ToWorker } from './forms-messages';
import { streamWorkbook } from './xlsx/write/write-stream';

/** Forms started at once in a thread: each is written before the next starts (its write is synchronous). */
const WRITING = 1;

/** Builds and writes one form; what to tell the main thread. */
async function writeOne(init: FormsInit, job: FormJob): Promise<FromWorker> {
  try {
    const options = { ...init.options, sha256: nodeSha256, seal: sealUnder(init.key) };
    const { workbook, record } = buildForm(job.content, init.shell, init.locale, options);
    await streamWorkbook(workbook, job.out, init.inputs);
    return { type: 'written', seq: job.seq, record: { ...record, rows: [] } };
  } catch (err) {
    if (err instanceof InputError) return { type: 'refused', seq: job.seq, problems: err.problems };
    const e = err instanceof Error ? err : new Error(String(err));
    return { type: 'failed', seq: job.seq, message: e.message, stack: e.stack };
  }
}

/** Serves the main thread's forms until it says stop (the bundle's formsWorker). */
export function serveForms(): void {
  const port = parentPort;
  if (!port) throw new Error('serveForms runs in a worker thread of form --all');
  let init: FormsInit | undefined;
  let writing = 0;
  let stopping = false;
  const queue: FormJob[] = [];
  const next = (): void => {
    while (init && queue.length && writing < WRITING) {
      const job = queue.shift()!;
      writing++;
      void writeOne(init, job).then((answer) => {
        port.postMessage(answer);
        writing--;
        next();
      });
    }
    if (stopping && !queue.length && !writing) port.close();
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'init') init = m.init;
    else if (m.type === 'forms') queue.push(...m.jobs);
    else if (m.type === 'stop') stopping = true;
    else {
      // The forms after `after` not yet started are not written: the run stops at an unexpected error.
      const dropped = queue.filter((j) => j.seq > m.after);
      if (dropped.length) port.postMessage({ type: 'dropped', seqs: dropped.map((j) => j.seq) } satisfies FromWorker);
      queue.splice(0, queue.length, ...queue.filter((j) => j.seq <= m.after));
    }
    next();
  });
}
