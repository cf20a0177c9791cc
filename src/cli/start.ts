/**
 * Starting the command from one file, with V8's compiled code kept.
 *
 * tsc's output is some 230 files of ours and 100 of packages (zod, yaml,
 * commander): node finds, reads and compiles each of them before `generate`
 * does anything, 0.24 s of CPU on top of node's own 0.06 s. `npm run
 * build:cli` bundles them into dist/cli/plan-report.js (scripts/bundle-cli.js)
 * and keeps V8's code for it, compiled while a few commands ran, in
 * dist/cli/plan-report.cache; then it writes over tsc's dist/cli/main.js a
 * two-line main.js that calls loadBundle. So `node bin/plan-report` reads two
 * files and compiles little; and a later `tsc -p tsconfig.build.json` alone
 * writes its own main.js back, so the bundle, stale then, is never run.
 *
 * V8 checks the cache against its own version, its flags and the source's
 * length, and refuses it (the code is compiled as usual, only slower) when
 * node changed since the build; the cache's first line names the bundle it was
 * made from, so a cache of another bundle is not offered at all.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export const BUNDLE = 'plan-report.js';
export const CACHE = 'plan-report.cache';

/** The bundle's first line: `// plan-report bundle <id>`, a random id the cache names; then node's module wrapper, as a function expression. */
const ID_LINE = /^\/\/ plan-report bundle ([0-9a-f]+)\n/;

/** What the bundle exports: main.ts's. */
export interface Cli {
  main(): void;
  run(argv: string[], io?: { out: (s: string) => void; err: (s: string) => void }): Promise<number>;
  loadCommands(): Promise<void>;
  /** Serves the forms of `form --all` in a worker thread (forms-workers.ts starts it). */
  formsWorker(): Promise<void>;
  /** Inflates, counts and reads large sheets in a worker thread (sheet-worker.ts starts it). */
  sheetWorker(): Promise<void>;
}

interface Loaded {
  cli: Cli;
  script: vm.Script;
  id: string;
  /** Whether V8 took the cache: false when there was none or V8 refused it. */
  cached: boolean;
}

/** The cache for the bundle `id`, or undefined when there is none for it. */
function cacheFor(dir: string, id: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(dir, CACHE));
  } catch {
    return undefined;
  }
  const head = `${id}\n`;
  return bytes.toString('latin1', 0, head.length) === head ? bytes.subarray(head.length) : undefined;
}

/** The bundle's text; gone, it is reported as a module not found, which bin/plan-report says as "not built yet". */
function readBundle(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const main = path.join(path.dirname(file), 'main.js');
    throw Object.assign(new Error(`Cannot find module '${file}', which ${main} starts`), { code: 'MODULE_NOT_FOUND' });
  }
}

/** Compiles and runs the bundle in `dir` as a CommonJS module; with its cache unless `fresh`. */
export function loadBundle(folder: string, fresh = false): Loaded {
  const dir = path.resolve(folder);
  const file = path.join(dir, BUNDLE);
  const source = readBundle(file);
  const id = ID_LINE.exec(source)?.[1];
  if (!id) throw new Error(`${file}: not a bundle made by scripts/bundle-cli.js; run npm run build:cli`);
  const cachedData = fresh ? undefined : cacheFor(dir, id);
  const script = new vm.Script(source, { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dir);
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dir);
  mod.loaded = true;
  return { cli: mod.exports as Cli, script, id, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** The command line's exports, from the bundle in `dir` (what the written main.js calls). */
export function startBundle(dir: string): Cli {
  return loadBundle(dir).cli;
}

/**
 * Makes the bundle's code cache: loads it without one, runs `warm` (commands
 * whose code is then compiled and kept), and writes V8's code after it.
 * V8's flags must be as a plain start has them when the cache is made, or V8
 * refuses it: the caller restores any flag `warm` changed.
 */
export async function makeBundleCache(dir: string, warm: (cli: Cli) => Promise<void>): Promise<number> {
  const { cli, script, id } = loadBundle(dir, true);
  await warm(cli);
  const data = script.createCachedData();
  const file = path.join(dir, CACHE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${id}\n`, 'latin1'), data]));
  fs.renameSync(tmp, file);
  return data.length;
}
