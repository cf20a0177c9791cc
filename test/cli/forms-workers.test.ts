/**
 * The pool of `form --all`'s worker threads (src/cli/forms-workers.ts) with
 * stand-in threads that answer as a real one does, or die: every form's promise
 * settles (none is waited on for ever), a thread that dies is told with the
 * forms it had, an unexpected error stops the forms after it, and a form
 * refused fails alone. The real threads are tested through the built command
 * (commands/form-workers.test.ts).
 */
import { Worker } from 'node:worker_threads';
import { InputError } from '../../src/core/errors';
import type { FormContent } from '../../src/core/forms/form';
import { FormsPool, formsShell, formsWorkers } from '../../src/cli/forms-workers';
import type { ReportData } from '../../src/core/schema';

/**
 * A stand-in thread: a form whose file is `ok` is written, `refused` refused, `boom` fails unexpectedly, `die` ends
 * the thread (exit code 3); `hold` is answered only when a drop lets it go (dropped) or at a stop (written).
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
const held = [];
const written = (seq) => parentPort.postMessage({ type: 'written', seq, record: { id: 'id-' + seq, rows: [] } });
parentPort.on('message', (m) => {
  if (m.type === 'stop') { held.splice(0).forEach(written); parentPort.close(); return; }
  if (m.type === 'drop') {
    const seqs = held.filter((s) => s > m.after);
    parentPort.postMessage({ type: 'dropped', seqs });
    held.filter((s) => s <= m.after).forEach(written);
    held.length = 0;
    return;
  }
  if (m.type !== 'forms') return;
  for (const { seq, out } of m.jobs) {
    if (out === 'ok') written(seq);
    else if (out === 'refused') parentPort.postMessage({ type: 'refused', seq, problems: [{ file: out, message: 'is a directory' }] });
    else if (out === 'boom') parentPort.postMessage({ type: 'failed', seq, message: 'boom', stack: 'Error: boom\\n    at there' });
    else if (out === 'die') process.exit(3);
    else held.push(seq);
  }
});
`;

const standIn = () => new Worker(STAND_IN, { eval: true });
const content = (n: number): FormContent => ({ scope: { kind: 'measures', period: '2024-Q3' }, rows: [[`row ${n}`]], newRows: 0 });
const settled = (ps: Promise<unknown>[]) => Promise.allSettled(ps);
const why = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as Error).message : 'written');

describe('the worker threads of form --all', () => {
  it('gives back each record with its rows, and a refused form its problems, the others written', async () => {
    const pool = new FormsPool(2, standIn);
    const outs = ['ok', 'refused', 'ok', 'ok'];
    const results = await settled(outs.map((out, i) => pool.write(i, content(i), out)));
    await pool.close();
    expect(results.map(why)).toEqual(['written', 'refused: is a directory', 'written', 'written']);
    const first = results[0] as PromiseFulfilledResult<{ id: string; rows: unknown[] }>;
    expect(first.value).toEqual({ id: 'id-0', rows: [['row 0']] });
    const refused = results[1] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(InputError);
    expect((refused.reason as InputError).problems).toEqual([{ file: 'refused', message: 'is a directory' }]);
  });

  it('tells of a thread that dies, with the forms it had; the forms after fail too, none hangs', async () => {
    const pool = new FormsPool(1, standIn);
    const written = pool.write(0, content(0), 'ok');
    const died = pool.write(1, content(1), 'die');
    const held = pool.write(2, content(2), 'held');
    const results = await settled([written, died, held]);
    expect(results.map(why)).toEqual([
      'written',
      'a worker thread of form --all stopped (exit code 3) before writing die, held',
      'a worker thread of form --all stopped (exit code 3) before writing die, held',
    ]);
    expect(why((await settled([pool.write(3, content(3), 'ok')]))[0])).toMatch(/stopped \(exit code 3\)/);
    await pool.close();
  });

  it('after an unexpected error, the forms before it are written, those after it not started', async () => {
    const pool = new FormsPool(1, standIn);
    const before = pool.write(0, content(0), 'held');
    const boom = pool.write(1, content(1), 'boom');
    const after = pool.write(2, content(2), 'held');
    const results = await settled([before, boom, after]);
    expect(results.map(why)).toEqual(['written', 'boom', 'boom']);
    expect((results[1] as PromiseRejectedResult).reason.stack).toBe('Error: boom\n    at there');
    // No form after the failed one is sent to a thread.
    expect(why((await settled([pool.write(3, content(3), 'ok')]))[0])).toBe('boom');
    await pool.close();
  });

  it('says why when no thread could start', async () => {
    const thread = new Worker("throw new Error('no bundle here')", { eval: true });
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    const pool = new FormsPool(1, () => thread);
    await exited;
    const [r] = await settled([pool.write(0, content(0), 'ok')]);
    expect(why(r)).toBe('no worker thread of form --all is left to write the forms (no bundle here)');
    await pool.close();
  });

  it('stops threads sent no form at once', async () => {
    const pool = new FormsPool(2, standIn);
    await pool.close();
    await pool.close();
  });
});

describe('how many threads', () => {
  it('none without the bundle; as asked by PLAN_REPORT_FORM_WORKERS; else one a core, four at most', () => {
    expect(formsWorkers({ PLAN_REPORT_FORM_WORKERS: '2' }, undefined)).toEqual({ count: 0, forced: false });
    expect(formsWorkers({ PLAN_REPORT_FORM_WORKERS: '3' }, '/dist/cli')).toEqual({ count: 3, forced: true });
    expect(formsWorkers({ PLAN_REPORT_FORM_WORKERS: '0' }, '/dist/cli')).toEqual({ count: 0, forced: true });
    const { count, forced } = formsWorkers({ PLAN_REPORT_FORM_WORKERS: 'many' }, '/dist/cli');
    expect(forced).toBe(false);
    expect(count).toBeLessThanOrEqual(4);
  });

  it("sends the threads the data file's shell: no measures, entries or observations", () => {
    const data = {
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q3' },
      plans: [{ id: 'P', title: 'Plan', measures: [{ id: 'M' }] }],
      catalogs: [{ id: 'C', title: 'Catalog', entries: [{ enterprise: 'E' }] }],
      indicators: [{ id: 'I', name: 'Ind', unit: '%', observations: [{ period: '2024-Q3', value: 1 }] }],
    } as unknown as ReportData;
    expect(formsShell(data)).toEqual({
      format: 'plan-report/v1',
      report: { title: 'T', region: 'R', period: '2024-Q3' },
      plans: [{ id: 'P', title: 'Plan', measures: [] }],
      catalogs: [{ id: 'C', title: 'Catalog', entries: [] }],
      indicators: [{ id: 'I', name: 'Ind', unit: '%', observations: [] }],
    });
  });
});
