/**
 * Large sheets inflated and their rows and cells counted in a worker thread,
 * for a caller that works meanwhile: `generate --since` checks its data file
 * (a pass that does not yield to the event loop) while the previous
 * report's Measures sheet (92 MB for 100,000 measures) is inflated and
 * counted, so that it is ready when the check ends. Inflated on libuv's
 * threads, it was counted only after the check, on the main thread.
 *
 * Run from the bundle, the worker loads it (bundle-thread.ts) and, given
 * the limits, also reads the sheet's cells (sheet-worker-serve.ts,
 * sheet-prepared.ts). Without the bundle it is made from the source of
 * inflateAndCount and limits.ts's countRowsAndCellsIn, and only inflates
 * and counts. The inflated bytes are moved back, not copied. It inflates as
 * safe-load.ts's inflateAtOnce does (never more than the declared size and
 * a byte), and says a failure by zlib's own message. Where the worker cannot
 * run (its source instrumented for coverage) or stops, a part is inflated
 * and counted in this thread instead, as before.
 */
import type * as Zlib from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { countRowsAndCellsIn } from '../../../core/read/limits';
import { bundleFolder, bundleThreadCode } from '../../bundle-thread';
import type { PreparedCells } from './sheet-prepared';

export interface Counted {
  rows: number;
  cells: number;
}

/** A part's bytes, with its rows and cells when the worker counted them, and its cells when it read them (sheet-prepared.ts). */
export interface Inflated {
  bytes: Buffer;
  counted?: Counted;
  prepared?: PreparedCells;
}

/** A part to inflate and count; with `read`, its cells are read too when it is within those limits. */
export interface Request {
  id: number;
  data: Buffer;
  size: number;
  read?: { maxRows: number; maxCells: number };
}

export interface Reply {
  id: number;
  buffer?: ArrayBuffer;
  offset?: number;
  length?: number;
  rows?: number;
  cells?: number;
  /** zlib's message, and whether the output passed the size given. */
  error?: string;
  tooLarge?: boolean;
  prepared?: PreparedCells;
}

/**
 * A part inflated (never more than its size and a byte) and counted: what the worker answers. Its source is also the
 * code of the worker made without the bundle (SOURCE): it uses nothing but its arguments.
 */
export function inflateAndCount(zlib: typeof Zlib, count: typeof countRowsAndCellsIn, { id, data, size }: Request): Reply {
  let bytes: Buffer;
  try {
    bytes = zlib.inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException | undefined;
    return { id, error: String(e && e.message), tooLarge: !!e && e.code === 'ERR_BUFFER_TOO_LARGE' };
  }
  const counted = { rows: 0, cells: 0 };
  if (bytes.length === size) count(bytes, 0, bytes.length, counted);
  return { id, buffer: bytes.buffer as ArrayBuffer, offset: bytes.byteOffset, length: bytes.length, rows: counted.rows, cells: counted.cells };
}

/** The refusals of a part that inflates to more or fewer bytes than it declares, as the caller words them. */
export interface SizeErrors {
  tooMany(got: number): Error;
  tooFew(got: number): Error;
}

interface Job {
  size: number;
  resolve(got: Inflated): void;
  reject(err: Error): void;
  /** The part inflated in this thread instead (counted by the caller). */
  here(): Promise<Buffer>;
  errors: SizeErrors;
}

/** The worker made without the bundle: it inflates and counts, and does not read. */
const SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const countRowsAndCellsIn = ${countRowsAndCellsIn.toString()};
const inflateAndCount = ${inflateAndCount.toString()};
parentPort.on('message', (m) => {
  const reply = inflateAndCount(zlib, countRowsAndCellsIn, m);
  parentPort.postMessage(reply, reply.buffer ? [reply.buffer] : []);
});`;

export class SheetWorker {
  private readonly worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private failed = false;

  /**
   * `source`: the worker's code (a test gives one that fails); by default the bundle's own code, which also reads the
   * sheets' cells (sheet-worker-serve.ts), or, run without the bundle, SOURCE.
   */
  constructor(source?: string) {
    const dir = bundleFolder();
    try {
      this.worker = new Worker(source ?? (dir === undefined ? SOURCE : bundleThreadCode(dir, 'sheetWorker')), { eval: true });
    } catch {
      this.failed = true;
      return;
    }
    this.worker.on('message', (m: Reply) => this.done(m));
    this.worker.on('error', () => this.stopped());
    this.worker.on('exit', () => this.stopped());
  }

  /**
   * The deflated `data` of a part of `size` bytes, inflated and counted in
   * the worker: its bytes, exactly `size` of them, or a rejection: zlib's
   * message, or `errors`' when it inflates to more or fewer bytes. `here`:
   * the part inflated in this thread, should the worker not run.
   */
  inflate(data: Buffer, size: number, here: () => Promise<Buffer>, errors: SizeErrors, read?: Request['read']): Promise<Inflated> {
    return new Promise<Inflated>((resolve, reject) => {
      const job: Job = { size, resolve, reject, here, errors };
      if (this.failed || !this.worker) return this.inflateHere(job);
      const id = this.next++;
      this.jobs.set(id, job);
      this.worker.postMessage({ id, data, size, read } satisfies Request);
    });
  }

  /** Stops the worker (it would otherwise keep the process alive). */
  close(): void {
    this.failed = true;
    void this.worker?.terminate();
  }

  private done(m: Reply): void {
    const job = this.jobs.get(m.id);
    if (!job) return;
    this.jobs.delete(m.id);
    if (m.error !== undefined) return job.reject(m.tooLarge ? job.errors.tooMany(job.size + 1) : new Error(m.error));
    if (m.length! > job.size) return job.reject(job.errors.tooMany(m.length!));
    if (m.length! < job.size) return job.reject(job.errors.tooFew(m.length!));
    const bytes = Buffer.from(m.buffer!, m.offset, m.length);
    // The message is held by the handle scope of the call that delivered it until every promise it settles has run
    // (the whole reading of the report, and building the new one): the bytes are let go of with the reader's last use.
    const prepared = m.prepared;
    m.buffer = m.prepared = undefined;
    job.resolve({ bytes, counted: { rows: m.rows!, cells: m.cells! }, prepared });
  }

  /** The worker failed or ended: the parts asked for are inflated in this thread. */
  private stopped(): void {
    this.failed = true;
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) this.inflateHere(job);
  }

  private inflateHere(job: Job): void {
    job.here().then((bytes) => job.resolve({ bytes }), job.reject);
  }
}
