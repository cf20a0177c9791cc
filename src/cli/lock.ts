/**
 * One run at a time on a file: a lock file beside it,
 * `.<name>.plan-report.lock`, created whole (with the holder's process id)
 * or not at all. A second run waits for the first to finish, and refuses
 * (exit 1) when it has waited too long; a lock whose process is gone (a
 * killed run) is taken over.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../core/errors';
import { processAlive } from './process-alive';

export interface LockOptions {
  /** How long to wait for another run to finish before refusing (default 60 s; PLAN_REPORT_LOCK_WAIT_MS overrides it). */
  waitMs?: number;
  /** Told once when another run holds the lock and this one waits. */
  onWait?: (holder: number) => void;
}

const POLL_MS = 50;

/** The lock file of `file` (where its link points, so that every name of one file shares one lock). */
async function lockPath(file: string): Promise<string> {
  const real = await fs.realpath(file).catch(() => path.resolve(file));
  return path.join(path.dirname(real), `.${path.basename(real)}.plan-report.lock`);
}

/** Creates the lock with its content in one step (a link to a finished file), or returns the holder's pid. */
async function tryLock(lock: string): Promise<number | undefined> {
  const tmp = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(tmp, `${process.pid}\n`);
  try {
    await fs.link(tmp, lock);
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number.parseInt(await fs.readFile(lock, 'utf8').catch(() => ''), 10);
    return Number.isSafeInteger(holder) && holder > 0 ? holder : 0;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function waitLimit(opts: LockOptions): number {
  if (opts.waitMs !== undefined) return opts.waitMs;
  const env = process.env.PLAN_REPORT_LOCK_WAIT_MS;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 60_000;
}

/** Runs `fn` holding the lock of `file`; see the module's comment. */
export async function withLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const lock = await lockPath(file);
  const limit = waitLimit(opts);
  const started = Date.now();
  let told = false;
  for (;;) {
    let holder: number | undefined;
    try {
      holder = await tryLock(lock);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw InputError.one(file, `cannot be locked for writing (${code}): expected a folder you may write in, beside the data file`, {
        zh: `无法锁定以写入（${code}）：数据文件所在的文件夹应可写入`,
      });
    }
    if (holder === undefined) break;
    if (holder && !processAlive(holder)) {
      // A killed run's lock: taken over (read again first, in case another run has just done so).
      const again = await fs.readFile(lock, 'utf8').catch(() => '');
      if (Number.parseInt(again, 10) === holder) await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started >= limit)
      throw InputError.one(
        file,
        `is being updated by another plan-report run (process ${holder || 'unknown'}); nothing was written: expected one run at a time on a data file (run again when it is done, or remove ${lock} if no run is going on)`,
        {
          zh:
            `正由另一个 plan-report 进程（${holder ? `进程号 ${holder}` : '进程号不明'}）更新，未写入任何内容；同一数据文件一次只能由一个进程处理` +
            `（请待其完成后重新运行；如确无进程在运行，请删除 ${lock}）`,
        },
      );
    if (!told) opts.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
