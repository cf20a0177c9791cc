/**
 * Measuring child processes: wall time and peak memory (max RSS) with GNU
 * time, a timeout that kills only the process group the bench started, and a
 * short reason when a run fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { guardGroup } from '../test/support/process-group';

export const GNU_TIME = '/usr/bin/time';

export interface Run {
  ok: boolean;
  /** Wall time in seconds (GNU time's %e). */
  seconds: number;
  /** Peak resident memory in MB (GNU time's %M, KB, / 1024). */
  mb: number;
  /** CPU time in seconds, user + system (GNU time's %U + %S): on a shared machine, steadier than wall time. */
  cpu: number;
  /** Why the run failed (ok false). */
  reason?: string;
  timedOut: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const tail = (s: string, n: number) => (s.length > n ? s.slice(-n) : s);

/** Why a failed run failed, in a few words for a table cell. */
function failureReason(code: number | null, signal: string | null, stderr: string, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (/heap out of memory|Allocation failed|Invalid array length|Invalid string length/i.test(stderr)) {
    const m = /(heap out of memory|Invalid array length|Invalid string length)/i.exec(stderr);
    return `out of memory (${m ? m[1] : 'allocation failed'})`;
  }
  if (/terminated by signal 9|Killed/.test(stderr) || signal === 'SIGKILL') return 'killed (signal 9: out of memory?)';
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Command (exited|terminated)/.test(l) && !/^at /.test(l));
  const last = lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? `exit code ${code}`;
  return `exit ${code}: ${last.length > 100 ? `${last.slice(0, 97)}...` : last}`;
}

/** Runs `cmd args` under GNU time in its own process group; never rejects. */
export function runTimed(cmd: string, args: string[], opts: RunOptions): Promise<Run> {
  const timeFile = path.join(os.tmpdir(), `plan-report-bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(GNU_TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout = tail(stdout + c.toString('utf8'), 200_000)));
    child.stderr.on('data', (c: Buffer) => (stderr = tail(stderr + c.toString('utf8'), 20_000)));
    const group = guardGroup(child, opts.timeoutMs, 5_000);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      group.release(); // and anything the child left behind in its group
      const timedOut = group.timedOut;
      const wall = (performance.now() - started) / 1000;
      let seconds = wall;
      let mb = NaN;
      let cpu = NaN;
      let timeText = '';
      try {
        timeText = fs.readFileSync(timeFile, 'utf8');
        fs.rmSync(timeFile, { force: true });
      } catch {
        /* time was killed before writing */
      }
      const m = /(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(timeText.trim());
      if (m) {
        seconds = Number(m[1]);
        mb = Number(m[2]) / 1024;
        cpu = Number(m[3]) + Number(m[4]);
      }
      const err = `${stderr}\n${timeText}`;
      const ok = !spawnError && !timedOut && code === 0;
      resolve({
        ok,
        seconds,
        mb,
        cpu,
        reason: ok ? undefined : spawnError ? `could not start: ${spawnError.message}` : failureReason(code, signal, err, timedOut, opts.timeoutMs),
        timedOut,
        code,
        stdout,
        stderr: err,
      });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
  libreoffice: string | null;
}

function firstLine(cmd: string, args: string[]): string | null {
  try {
    return (
      execFileSync(cmd, args, { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')[0] || null
    );
  } catch {
    return null;
  }
}

export function machine(soffice: string | null): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  const lo = soffice ? firstLine(soffice, ['--version']) : null;
  return {
    cpu,
    cores: os.cpus().length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    libreoffice: lo ? (/^LibreOffice\s+[\d.]+/.exec(lo)?.[0] ?? lo) : null,
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}
