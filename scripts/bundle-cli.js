#!/usr/bin/env node
/**
 * The second step of `npm run build:cli`, after tsc: bundles tsc's output
 * (dist/cli/main.js and all it requires, packages too, but iconv-lite) into
 * dist/cli/plan-report.js with esbuild, makes V8's code cache for it while
 * a few commands run (dist/cli/plan-report.cache), and writes over tsc's dist/cli/main.js a
 * main.js that starts the bundle (src/cli/start.ts says why). Run after tsc
 * only: a later tsc writes its main.js back, and the bundle is left unused.
 *
 * Measured on 2026-12-03 (docs/architecture.md, bench/results.md): the start
 * of `generate` from 0.30 s of CPU to 0.17 s.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'dist', 'cli');
const MAIN = path.join(DIR, 'main.js');
const BUNDLE = path.join(DIR, 'plan-report.js');
const CACHE = path.join(DIR, 'plan-report.cache');
const LOADER_MARK = '// plan-report: starts the bundle';

function fail(message) {
  process.stderr.write(`bundle-cli: ${message}\n`);
  process.exit(1);
}

/**
 * The bundle in ASCII: esbuild escapes strings but leaves regular expressions'
 * characters (the ledger's 年, 月, （） and the like) as they are, and one such
 * character makes V8 hold the whole source in two bytes a character. In a
 * regular expression, a string or a name, `\uXXXX` is the same UTF-16 unit
 * (a surrogate pair of escapes is one code point under the u flag); an escaped
 * character (`\（`, non-u) loses its backslash, as it means itself.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => {
    const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * The built-in templates read and checked by tsc's code, as JSON (`{ name: [YAML text, template] }`), for the bundle
 * (src/cli/templates.ts, checkedTemplate): a run with a built-in template then parses neither its YAML nor its schema.
 */
function checkedTemplates(readTemplate = require(path.join(ROOT, 'dist', 'core', 'template')).readTemplate) {
  const dir = path.join(ROOT, 'templates');
  const all = {};
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    all[f.replace(/\.ya?ml$/, '')] = [text, readTemplate(text, path.join(dir, f))];
  }
  return JSON.stringify(all);
}

/** Bundles dist/cli/main.js; returns the bundle's id. */
function bundle() {
  const main = fs.readFileSync(MAIN, 'utf8');
  if (main.startsWith(LOADER_MARK)) fail('dist/cli/main.js is already the loader of a bundle: run tsc -p tsconfig.build.json first (npm run build:cli)');
  const esbuild = require('esbuild');
  const id = crypto.randomBytes(8).toString('hex');
  const result = esbuild.buildSync({
    entryPoints: [MAIN],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's main is a UMD file whose requires esbuild cannot follow; its ES module build it can.
    mainFields: ['module', 'main'],
    // iconv-lite (half a megabyte of code pages) only `import` of a GBK ledger needs: from node_modules, when it does.
    external: ['iconv-lite'],
    define: { PLAN_REPORT_CHECKED_TEMPLATES: JSON.stringify(checkedTemplates()) },
    // Wrapped as node wraps a CommonJS module, so that src/cli/start.ts compiles the file as it is, not a copy.
    banner: { js: `// plan-report bundle ${id}\n(function (exports, require, module, __filename, __dirname) {` },
    footer: { js: '\n})' },
    // No comments, no indentation: less to read and parse at each start (names are kept, for stack traces).
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    logLevel: 'warning',
    write: false,
  });
  if (result.errors.length) fail('esbuild failed');
  fs.writeFileSync(BUNDLE, asciiOnly(result.outputFiles[0].text));
  return id;
}

/** In a child process: loads the bundle, runs some commands, writes the code cache. */
async function makeCache() {
  const v8 = require('node:v8');
  const { makeBundleCache } = require(path.join(DIR, 'start.js'));
  const quiet = { out() {}, err() {} };
  const seeds = fs
    .readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(ROOT, 'seeds', f));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-bundle-'));
  try {
    const size = await makeBundleCache(DIR, async (cli) => {
      await cli.loadCommands();
      // form --all (in this thread: the worker threads, which run the same code, start with the cache too) on a copy of
      // a seed, whose register is written beside it.
      process.env.PLAN_REPORT_FORM_WORKERS = '0';
      const data = path.join(out, path.basename(seeds[0]));
      fs.copyFileSync(seeds[0], data);
      const runs = [['validate', ...seeds], ['template'], ['generate', seeds[0], '--out-dir', out], ['form', data, '--all', '--out-dir', out]];
      for (const argv of runs) {
        const code = await cli.run(argv, quiet);
        if (code !== 0) throw new Error(`plan-report ${argv.slice(0, 2).join(' ')} ended with ${code}`);
      }
      // generate turned pretenuring off; V8 refuses a cache made under flags other than a plain start's.
      v8.setFlagsFromString('--allocation-site-pretenuring');
    });
    process.stdout.write(`bundle-cli: code cache ${(size / 1024).toFixed(0)} KB\n`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function build() {
  try {
    require.resolve('esbuild');
  } catch {
    process.stderr.write("bundle-cli: esbuild is not installed (npm ci installs it); the command runs from tsc's files, slower to start\n");
    return;
  }
  fs.rmSync(CACHE, { force: true });
  const id = bundle();
  const child = spawnSync(process.execPath, [__filename, '--cache'], { stdio: 'inherit' });
  if (child.status !== 0) fail('making the code cache failed: the bundle does not run');
  // A fresh process, as a user's start: V8 refuses a cache made under other flags (a command that sets one).
  const check = `process.stdout.write(String(require(${JSON.stringify(path.join(DIR, 'start.js'))}).loadBundle(${JSON.stringify(DIR)}).cached))`;
  const taken = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
  if (taken.stdout !== 'true')
    process.stderr.write(`bundle-cli: warning: V8 refuses the code cache at a plain start (${taken.stdout || taken.stderr}); the command starts slower\n`);
  fs.writeFileSync(
    MAIN,
    `${LOADER_MARK} ${id} (scripts/bundle-cli.js; src/cli/start.ts)\n'use strict';\nmodule.exports = require('./start.js').startBundle(__dirname);\n`,
  );
  process.stdout.write(`bundle-cli: ${path.relative(ROOT, BUNDLE)} (${(fs.statSync(BUNDLE).size / 1024).toFixed(0)} KB)\n`);
}

module.exports = { asciiOnly, checkedTemplates };

if (require.main === module) {
  if (process.argv[2] === '--cache')
    makeCache().catch((err) => {
      process.stderr.write(`bundle-cli: ${err.stack}\n`);
      process.exit(1);
    });
  else build();
}
