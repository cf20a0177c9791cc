/**
 * A child started `detached` leads a process group of its own; soffice (and
 * GNU time's child) can leave processes in it. This stops the whole group:
 * after `timeoutMs` SIGTERM, then SIGKILL `graceMs` later; and `release()`,
 * called when the child has closed, clears the timer and kills whatever the
 * group left behind. Only the group this call started is ever signalled.
 */
import type { ChildProcess } from 'node:child_process';

export interface GroupGuard {
  /** Whether the timeout fired. */
  readonly timedOut: boolean;
  release(): void;
}

export function guardGroup(child: ChildProcess, timeoutMs: number, graceMs: number): GroupGuard {
  let timedOut = false;
  const kill = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* the group is gone already */
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill('SIGTERM');
    setTimeout(() => kill('SIGKILL'), graceMs).unref();
  }, timeoutMs);
  return {
    get timedOut() {
      return timedOut;
    },
    release() {
      clearTimeout(timer);
      kill('SIGKILL');
    },
  };
}
