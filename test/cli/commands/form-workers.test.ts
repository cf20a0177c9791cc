/**
 * `form --all` written by worker threads (src/cli/forms-workers.ts): the
 * command as built (bin/plan-report, the bundle that `npm ci` and `npm run
 * build:cli` make; the threads start from it), with PLAN_REPORT_FORM_WORKERS
 * forcing two threads on a seed's few forms, against the same command
 * writing them in its main thread: the same lines, the same register, the
 * same forms part by part (their times, ids and seals apart), and the forms
 * sealed under the register's key (collect takes them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cleanTemps, ROOT, tempDir } from '../../support/forms';
import { timeless } from '../../support/timeless';

afterAll(cleanTemps);

const BIN = path.join(ROOT, 'bin', 'plan-report');

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'plan-report.js')))
    throw new Error('these tests run the built command: run `npm run build:cli` first (npm ci does)');
});

interface Run {
  code: number | null;
  out: string;
  err: string;
  dir: string;
  data: string;
  /** How many worker threads the command started. */
  threads: number;
}

/** A module preloaded into the command (`node --require`) that counts the worker threads it starts, into a file. */
function threadCounter(file: string): string {
  const counter = path.join(tempDir(), 'count-threads.js');
  const code = [
    "const wt = require('node:worker_threads');",
    "const fs = require('node:fs');",
    'if (wt.isMainThread) {',
    '  let n = 0;',
    '  const Worker = wt.Worker;',
    '  wt.Worker = class extends Worker { constructor(...a) { super(...a); n++; } };',
    `  process.on('exit', () => fs.writeFileSync(${JSON.stringify(file)}, String(n)));`,
    '}',
  ];
  fs.writeFileSync(counter, code.join('\n'));
  return counter;
}

/**
 * `plan-report form <copy of seed> --all …` with `workers` threads (0: in the main thread; undefined: as the command
 * decides), in a folder of its own.
 */
function formAll(seed: string, workers: number | undefined, extra: string[] = [], before?: (dir: string) => void): Run {
  const home = tempDir();
  const data = path.join(home, seed);
  fs.copyFileSync(path.join(ROOT, 'seeds', seed), data);
  const dir = path.join(home, 'forms');
  before?.(dir);
  const count = path.join(home, 'threads');
  const r = spawnSync(process.execPath, ['--require', threadCounter(count), BIN, 'form', data, '--all', '--out-dir', dir, ...extra], {
    encoding: 'utf8',
    cwd: home,
    env: { ...process.env, PLAN_REPORT_FORM_WORKERS: workers === undefined ? '' : String(workers) },
  });
  const mask = (s: string) => s.split(home).join('HOME');
  return { code: r.status, out: mask(r.stdout), err: mask(r.stderr), dir, data, threads: Number(fs.readFileSync(count, 'utf8')) };
}

/** Times (ISO and as the Instructions sheet says them), ids (32 hex digits), seals and digests (64) masked. */
const masked = (s: string) =>
  timeless(s)
    .replace(/\b[0-9a-f]{64}\b/g, 'HASH')
    .replace(/\b[0-9a-f]{32}\b/g, 'ID');

/** Every part of every form in a folder, masked, by file and part. */
async function forms(dir: string): Promise<Record<string, Record<string, string>>> {
  const all: Record<string, Record<string, string>> = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (fs.statSync(path.join(dir, file)).isDirectory()) continue;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
    all[file] = {};
    for (const name of Object.keys(zip.files)) all[file][name] = masked(await zip.file(name)!.async('string'));
  }
  return all;
}

/** The register beside the data file, masked; its key apart (each run makes its own). */
function register(data: string): string {
  const reg = JSON.parse(fs.readFileSync(`${data}.forms.json`, 'utf8')) as { key: string; forms: { file: string }[] };
  expect(reg.key).toMatch(/^[0-9a-f]{64}$/);
  return masked(JSON.stringify({ ...reg, key: 'KEY', forms: reg.forms.map((f) => ({ ...f, file: path.basename(f.file) })) }));
}

describe('form --all in worker threads', () => {
  it.each([
    ['beijing-2022-q3.yaml', []],
    ['beijing-2022-q3.yaml', ['--locale', 'zh-CN', '--due', '2022-10-15', '--contact', '李明，010-5555 1234']],
    ['suzhou-2022-q3.yaml', []],
    ['suzhou-2022-q3.yaml', ['--kind', 'catalog', '--locale', 'zh-CN']],
    ['shanghai-2025-q3.yaml', ['--kind', 'indicators', '--locale', 'zh-CN']],
  ])('%s %j: the same lines, register and forms as in the main thread', async (seed, extra) => {
    const here = formAll(seed, 0, extra);
    const threads = formAll(seed, 2, extra);
    expect([here.code, here.threads]).toEqual([0, 0]);
    expect([threads.code, threads.threads]).toEqual([0, 2]);
    expect(threads.out).toBe(here.out);
    expect(threads.err).toBe(here.err);
    expect(register(threads.data)).toBe(register(here.data));
    const written = await forms(threads.dir);
    expect(Object.keys(written).length).toBeGreaterThan(0);
    expect(written).toEqual(await forms(here.dir));
  });

  it('starts no thread for a few forms unless told to', () => {
    const r = formAll('beijing-2022-q3.yaml', undefined);
    expect([r.code, r.threads]).toEqual([0, 0]);
  });

  it('seals the forms under the register key: collect takes every one of them', () => {
    const threads = formAll('beijing-2022-q3.yaml', 2);
    const files = fs.readdirSync(threads.dir).map((f) => path.join(threads.dir, f));
    const r = spawnSync(process.execPath, [BIN, 'collect', threads.data, ...files, '--dry-run'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ids = (JSON.parse(fs.readFileSync(`${threads.data}.forms.json`, 'utf8')) as { forms: { id: string }[] }).forms.map((f) => f.id);
    expect(new Set(ids).size).toBe(files.length);
  });

  it('a form a thread cannot write fails alone, told as in the main thread; the others are written', async () => {
    // The second form's file is taken by a folder.
    const block = (dir: string) => fs.mkdirSync(path.join(dir, '2022-Q3-Daxing-District-Government.xlsx'), { recursive: true });
    const here = formAll('beijing-2022-q3.yaml', 0, [], block);
    const threads = formAll('beijing-2022-q3.yaml', 2, [], block);
    expect([here.code, here.threads]).toEqual([1, 0]);
    expect([threads.code, threads.threads]).toEqual([1, 2]);
    expect(threads.err).toContain('2022-Q3-Daxing-District-Government.xlsx: is a directory');
    expect(threads.err).toBe(here.err);
    expect(threads.out).toBe(here.out);
    expect(register(threads.data)).toBe(register(here.data));
    expect(await forms(threads.dir)).toEqual(await forms(here.dir));
  });
});
