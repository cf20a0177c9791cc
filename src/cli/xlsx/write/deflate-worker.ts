/**
 * Deflating in a worker thread, for `form --all`: a thousand forms are some
 * 66 MB of new XML to deflate (three sheets, the properties and the workbook
 * part of each), about 0.7 s of zlib on the main thread. The worker runs
 * nothing but zlib (a few lines of code given as text: it loads neither the
 * bundle nor its modules), so it starts in some 30 ms, and the main thread
 * builds the next forms while it deflates. Its output is zlib's deflateRawSync
 * at the same level, so the bytes are those deflated on the main thread.
 */
import { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';

/** Deflates buffers, raw (no zlib header), at a level: in a worker thread, or on the main thread when none could start. */
export interface Deflater {
  deflate(raws: Uint8Array[], level: number): Promise<Buffer[]>;
  /** Stops the worker; the deflations still asked for are refused. */
  close(): Promise<void>;
}

const CODE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', ({ id, raws, level }) => {
  try {
    const out = raws.map((raw) => {
      const d = zlib.deflateRawSync(raw, { level });
      return new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
    });
    parentPort.postMessage({ id, out }, out.map((d) => d.buffer));
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

type Reply = { id: number; out?: Uint8Array[]; error?: string };
type Waiting = { resolve: (out: Buffer[]) => void; reject: (err: Error) => void };

/** A deflater on the main thread: deflateRawSync, the same bytes. */
export const syncDeflater: Deflater = {
  deflate: (raws, level) => Promise.resolve(raws.map((raw) => zlib.deflateRawSync(raw, { level }))),
  close: () => Promise.resolve(),
};

/**
 * A deflater in a worker thread. The worker keeps the process alive only while a deflation is waiting; if it fails
 * (it could not start, it died), every deflation waiting is refused with its error and later ones are made on the
 * main thread.
 */
export function workerDeflater(): Deflater {
  let worker: Worker | undefined;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, Waiting>();
  const fail = (err: Error) => {
    broken = true;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(CODE, { eval: true });
    w.unref();
    w.on('message', ({ id, out, error }: Reply) => {
      const job = waiting.get(id);
      if (!job) return;
      waiting.delete(id);
      if (!waiting.size) w.unref();
      if (error !== undefined || !out) job.reject(new Error(`deflating failed: ${error}`));
      else job.resolve(out.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (waiting.size) fail(new Error(`the deflating thread stopped (exit code ${code})`));
    });
    return w;
  };
  return {
    deflate(raws, level) {
      if (broken) return syncDeflater.deflate(raws, level);
      try {
        worker ??= start();
      } catch {
        broken = true;
        return syncDeflater.deflate(raws, level);
      }
      const id = next++;
      const w = worker;
      return new Promise<Buffer[]>((resolve, reject) => {
        if (!waiting.size) w.ref();
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, raws, level });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      fail(new Error('the deflating thread was closed'));
      if (w) await w.terminate();
    },
  };
}
