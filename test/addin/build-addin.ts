/**
 * The add-in built with webpack for tests (development mode, no type
 * checking: `npm run build` checks types), once per content of its inputs,
 * into the system's temporary directory; with the fake Excel host bundled
 * for the browser beside it. Test files running in parallel share one build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import { ROOT } from './support';

const INPUTS = [
  'src/addin',
  'src/core',
  // The command line's parts reader and writer, which the add-in bundles.
  'src/cli/xlsx',
  'templates',
  'assets',
  'test/addin/fake-excel',
  'manifest.xml',
  'webpack.config.js',
  'tsconfig.addin.json',
  'tsconfig.json',
];

function hashInputs(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const full = path.join(ROOT, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) for (const f of readdirSync(full).sort()) walk(path.join(p, f));
    else h.update(p).update(readFileSync(full));
  };
  INPUTS.forEach(walk);
  return h.digest('hex').slice(0, 16);
}

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

async function buildInto(dir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  await compile({
    ...(await config({ outDir: path.join(dir, 'addin'), transpileOnly: true }, { mode: 'development' })),
    devtool: false,
    infrastructureLogging: { level: 'error' },
  });
  await compile({
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { 'fake-host': './test/addin/fake-excel/browser.ts' },
    output: { path: path.join(dir, 'fake'), filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.addin.json'), transpileOnly: true } }] },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The directory holding `addin/` (what the build emits) and `fake/fake-host.js`. */
export async function addinBuild(): Promise<string> {
  const dir = path.join(os.tmpdir(), `plan-report-addin-test-${hashInputs()}`);
  const done = path.join(dir, 'done');
  if (existsSync(done)) return dir;
  const lock = `${dir}.lock`;
  // A lock left by a test run that was killed is stale after ten minutes.
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
  try {
    mkdirSync(lock);
  } catch {
    // Another test file is building the same thing: wait for it.
    for (let i = 0; i < 600 && !existsSync(done); i++) await sleep(250);
    if (existsSync(done)) return dir;
    throw new Error(`timed out waiting for the add-in build in ${dir}`);
  }
  try {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await buildInto(tmp);
    mkdirSync(path.join(tmp, 'done'));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    // Builds of other versions of the inputs, a day old, are not needed any more.
    for (const old of readdirSync(os.tmpdir()).filter((f) => /^plan-report-addin-test-[0-9a-f]{16}$/.test(f))) {
      const full = path.join(os.tmpdir(), old);
      if (full !== dir && Date.now() - statSync(full).mtimeMs > 86_400_000) rmSync(full, { recursive: true, force: true });
    }
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
