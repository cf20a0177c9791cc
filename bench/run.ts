/**
 * `npm run bench [-- --large] [-- --runs N] [-- --only KEY,KEY] [-- --no-libreoffice]`
 *
 * Generates synthetic data sets (deterministic), then measures wall time and
 * peak memory of whole processes writing each one's workbook:
 *   - plan-report, run as a user runs it: `node bin/plan-report generate DATA --out OUT.xlsx`;
 *   - the floor: sheet XML built as strings, streamed into a zip (bench/floor-writer.ts);
 *   - exceljs's document API writing the same rows (bench/exceljs-writer.ts);
 * then times LibreOffice recalculating plan-report's 100,000-row workbooks,
 * and writes the results, with the machine, to bench/results.md.
 *
 * Progress goes to stderr; the results table to stdout.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { findSoffice } from '../test/support/libreoffice';
import { readData } from '../src/core/data-file/read';
import { registerFileOf } from '../src/core/forms/register';
import { expectedFigures, figureDifferences, readNamedCells } from '../test/support/named-figures';
import { timeSoffice } from './libreoffice';
import { loadAverage, machine, median, runTimed, type Run } from './measure';
import { sinceCase, sinceMarkdown } from './since';
import { GENERATOR_VERSION, writeCatalog, writeFormsData, writeIndicators, writeMeasures, type Generated } from './synthetic';

const ROOT = path.resolve(__dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const DATA = path.join(BENCH, '.data');
const OUT = path.join(DATA, 'out');
const JS = path.join(DATA, 'js');
/** plan-report runs from a copy of the built package taken at the start (see snapshot()). */
const SNAPSHOT = path.join(DATA, 'plan-report');
const CLI = path.join(SNAPSHOT, 'bin', 'plan-report');
const NODE = process.execPath;

// ---------------------------------------------------------------- options

interface Options {
  large: boolean;
  runs?: number;
  only?: string[];
  libreoffice: boolean;
  sofficeTimeoutS: number;
}

function options(argv: string[]): Options {
  const o: Options = { large: false, libreoffice: true, sofficeTimeoutS: 600 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--large') o.large = true;
    else if (a === '--no-libreoffice') o.libreoffice = false;
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--soffice-timeout') o.sofficeTimeoutS = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: npm run bench [-- --large] [--runs N] [--only KEY,...] [--no-libreoffice] [--soffice-timeout SECONDS]\n' +
          'keys: measures-10k measures-100k catalog-100k indicators-1k forms since-100k measures-1m (with --large)\n' +
          'Writes bench/results.md unless --only or --runs is given.\n',
      );
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown option ${a} (see --help)\n`);
      process.exit(2);
    }
  }
  return o;
}

const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const fmtS = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtMb = (mb: number) => (Number.isFinite(mb) ? String(Math.round(mb)) : '?');
const n = (x: number) => x.toLocaleString('en-US');

// ---------------------------------------------------------------- build

/**
 * Copies what `node bin/plan-report` runs (bin/, dist/, templates/,
 * package.json) to bench/.data/plan-report/, so that a rebuild of dist/ by
 * someone working in the same checkout cannot change plan-report halfway
 * through the bench. Its modules resolve node_modules from the checkout.
 */
function snapshot(): void {
  fs.rmSync(SNAPSHOT, { recursive: true, force: true });
  fs.mkdirSync(SNAPSHOT, { recursive: true });
  for (const part of ['bin', 'dist', 'templates', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(SNAPSHOT, part), { recursive: true });
}

/** Source files whose compiled file in dist/ is missing or older. */
function staleSources(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) {
        const js = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), p)).replace(/\.ts$/, '.js');
        if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(p).mtimeMs) stale.push(path.relative(ROOT, p));
      }
    }
  };
  walk(path.join(ROOT, 'src', 'core'));
  walk(path.join(ROOT, 'src', 'cli'));
  return stale;
}

/** Builds the CLI when dist/ is older than src/. Returns a note for the results when something is off. */
function ensureBuilt(): string | null {
  const stale = staleSources();
  if (!stale.length) {
    log('dist/ is up to date with src/');
    return null;
  }
  log(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}): npm run build:cli`);
  const r = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status === 0) return null;
  const first = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /error/i.test(l)) ?? `exit ${r.status}`;
  log(`build:cli failed: ${first.trim()}`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('plan-report is not built and build:cli failed');
  return `npm run build:cli reported errors (${first.trim().slice(0, 120)}); measured what tsc emitted`;
}

/** The reference writers, compiled to plain JavaScript so that their runs pay no TypeScript loader. */
function compileWriters(): void {
  fs.mkdirSync(JS, { recursive: true });
  for (const name of ['rows', 'floor-writer', 'exceljs-writer']) {
    const src = fs.readFileSync(path.join(BENCH, `${name}.ts`), 'utf8');
    const out = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: `${name}.ts`,
    });
    fs.writeFileSync(path.join(JS, `${name}.js`), out.outputText);
  }
}

function gitVersion(): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain', '--', 'src', 'templates']) !== '';
  return `commit ${head}${dirty ? ' with uncommitted changes in src/' : ''}`;
}

// ---------------------------------------------------------------- data sets

interface DataSet {
  key: string;
  label: string;
  rowsLabel: (g: Generated) => string;
  make: (file: string) => Generated;
  large?: boolean;
}

const DATA_SETS: DataSet[] = [
  { key: 'measures-10k', label: 'measures 10k', rowsLabel: (g) => `${n(g.rows)} measures`, make: (f) => writeMeasures(f, 10_000, 10) },
  { key: 'measures-100k', label: 'measures 100k', rowsLabel: (g) => `${n(g.rows)} measures`, make: (f) => writeMeasures(f, 100_000, 100) },
  {
    key: 'catalog-100k',
    label: 'catalog 100k',
    rowsLabel: (g) => `${n(g.rows)} entries, ~18,000 enterprises`,
    make: (f) => writeCatalog(f, 100_000, 18_000, 1800),
  },
  { key: 'indicators-1k', label: 'indicators 1k x 40 quarters', rowsLabel: (g) => `${n(g.rows)} observations`, make: (f) => writeIndicators(f, 1000, 40, 40) },
  { key: 'measures-1m', label: 'measures 1M', rowsLabel: (g) => `${n(g.rows)} measures`, make: (f) => writeMeasures(f, 1_000_000, 1000), large: true },
];

/** Generates a data set and validates it with plan-report once (a stamp remembers a validated file by its hash). */
async function prepare(ds: { key: string; make: (file: string) => Generated }, timeoutMs: number): Promise<{ gen: Generated; problem?: string }> {
  const file = path.join(DATA, `${ds.key}.json`);
  const t0 = performance.now();
  const gen = ds.make(file);
  log(
    `${ds.key}: generated ${path.relative(ROOT, file)} (${(gen.bytes / 1024 ** 2).toFixed(1)} MB, ${n(gen.rows)} rows, sha256 ${gen.sha256.slice(0, 12)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const stamp = `${file}.valid`;
  const want = `${GENERATOR_VERSION} ${gen.sha256}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === want) {
    log(`${ds.key}: validated before (same bytes)`);
    return { gen };
  }
  log(`${ds.key}: plan-report validate`);
  const v = await runTimed(NODE, [CLI, 'validate', file], { timeoutMs, cwd: ROOT });
  if (v.ok) {
    log(`${ds.key}: ${v.stdout.trim().split('\n')[0]} (${fmtS(v.seconds)} s, ${fmtMb(v.mb)} MB)`);
    fs.writeFileSync(stamp, `${want}\n`);
    return { gen };
  }
  const problem = v.code === 1 ? `invalid data: ${v.stderr.trim().split('\n')[0]}` : `validate failed: ${v.reason}`;
  log(`${ds.key}: ${problem}`);
  return { gen, problem };
}

// ---------------------------------------------------------------- measuring

interface Result {
  ok: boolean;
  seconds: number;
  mb: number;
  runs: number;
  reason?: string;
}

const failed = (reason: string): Result => ({ ok: false, seconds: NaN, mb: NaN, runs: 0, reason });

function summarise(runs: Run[]): Result {
  const bad = runs.find((r) => !r.ok);
  if (bad) return { ok: false, seconds: bad.seconds, mb: bad.mb, runs: runs.length, reason: bad.reason };
  return { ok: true, seconds: median(runs.map((r) => r.seconds)), mb: median(runs.map((r) => r.mb)), runs: runs.length };
}

type Writer = 'plan-report' | 'floor' | 'exceljs';
const WRITERS: Writer[] = ['plan-report', 'floor', 'exceljs'];

function command(w: Writer, data: string, out: string): string[] {
  switch (w) {
    case 'plan-report':
      return [CLI, 'generate', data, '--out', out];
    case 'floor':
      return [path.join(JS, 'floor-writer.js'), data, out];
    case 'exceljs':
      return [path.join(JS, 'exceljs-writer.js'), data, out];
  }
}

/** The floor's own account of its time reading the data file (readFileSync and JSON.parse), in seconds. */
function floorParseSeconds(r: Run): number | undefined {
  try {
    const ms = JSON.parse(r.stdout.trim().split('\n').pop() ?? '').parseMs;
    return typeof ms === 'number' ? ms / 1000 : undefined;
  } catch {
    return undefined;
  }
}

async function measureWriters(key: string, data: string, runs: number, timeoutMs: number): Promise<{ results: Record<Writer, Result>; floorParseS?: number }> {
  const done: Record<Writer, Run[]> = { 'plan-report': [], floor: [], exceljs: [] };
  // Interleaved (plan-report, floor, exceljs, plan-report, ...) so that drift in the machine's load spreads evenly.
  for (let i = 0; i < runs; i++) {
    for (const w of WRITERS) {
      if (done[w].some((r) => !r.ok)) continue; // a failing writer is not run again
      const out = path.join(OUT, `${key}-${w}.xlsx`);
      fs.rmSync(out, { force: true });
      const r = await runTimed(NODE, command(w, data, out), { timeoutMs, cwd: ROOT });
      if (r.ok && !(fs.existsSync(out) && fs.statSync(out).size > 0)) Object.assign(r, { ok: false, reason: 'exited 0 but wrote no workbook' });
      done[w].push(r);
      const size = r.ok ? `, ${(fs.statSync(out).size / 1024 ** 2).toFixed(1)} MB file` : '';
      log(`${key}: ${w} run ${i + 1}/${runs}: ${r.ok ? `${fmtS(r.seconds)} s, ${fmtMb(r.mb)} MB peak${size}` : `FAILED: ${r.reason}`}`);
    }
  }
  const parses = done.floor
    .filter((r) => r.ok)
    .map(floorParseSeconds)
    .filter((x): x is number => x !== undefined);
  return {
    results: { 'plan-report': summarise(done['plan-report']), floor: summarise(done.floor), exceljs: summarise(done.exceljs) },
    floorParseS: parses.length ? median(parses) : undefined,
  };
}

// ---------------------------------------------------------------- forms and collect

interface Row {
  label: string;
  rows: string;
  results: Partial<Record<Writer, Result>>;
  /** What the plan-report column measured, when it is not `generate`. */
  command?: string;
  /** The part of the floor's time spent reading the JSON. */
  floorParseS?: number;
}

/** The folder of the forms of run `i` of `form --all`: a new one each run (see formsCase). */
const formsDir = (i: number) => path.join(OUT, `forms-${i + 1}`);

async function formsCase(runs: number): Promise<{ rows: Row[]; skipped?: string }> {
  // Earlier runs' forms are removed first, long before a run is timed: deleting a thousand files makes the disk's
  // next writes wait for the deletion (this machine's ext4 discards freed blocks), which timed the last run's cleanup,
  // not `form --all`. Each run then writes into a new folder.
  for (const name of fs.existsSync(OUT) ? fs.readdirSync(OUT) : [])
    if (/^forms(-\d+)?$/.test(name)) fs.rmSync(path.join(OUT, name), { recursive: true, force: true });
  const help = await runTimed(NODE, [CLI, 'collect', '--help'], { timeoutMs: 60_000, cwd: ROOT });
  if (!help.ok) return { rows: [], skipped: `\`plan-report collect --help\` did not exit 0 (${help.reason}): the collect command is not there yet` };
  const prep = await prepare({ key: 'forms', make: (f) => writeFormsData(f, 1000, 50, 5000) }, 900_000);
  const label = '1,000 returned forms x 50 measures';
  if (prep.problem) return { rows: [{ label, rows: '50,000 measures', results: { 'plan-report': failed(prep.problem) } }] };
  const made: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // The register of sent forms beside the data file grows by the forms each run sends: start every run without one.
    fs.rmSync(registerFileOf(fs.realpathSync(prep.gen.file)), { force: true });
    const r = await runTimed(NODE, [CLI, 'form', prep.gen.file, '--all', '--out-dir', formsDir(i)], { timeoutMs: 1_800_000, cwd: ROOT });
    made.push(r);
    log(`forms: form --all run ${i + 1}/${runs}: ${r.ok ? `${fmtS(r.seconds)} s, ${fmtMb(r.mb)} MB` : `FAILED: ${r.reason}`}`);
    if (!r.ok) break;
  }
  // The last run's forms are the returns collect reads.
  const forms = formsDir(Math.max(0, made.length - 1));
  const files = fs.existsSync(forms)
    ? fs
        .readdirSync(forms)
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
    : [];
  const formRow: Row = { label: 'forms: write 1,000', rows: `${n(files.length)} forms`, results: { 'plan-report': summarise(made) }, command: 'form --all' };
  if (made.some((r) => !r.ok) || files.length === 0) return { rows: [formRow] };
  const runsDone: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(OUT, 'forms-collected.json');
    fs.rmSync(out, { force: true });
    const r = await runTimed(NODE, [CLI, 'collect', prep.gen.file, ...files.map((f) => path.join(forms, f)), '--out', out], {
      timeoutMs: 1_800_000,
      cwd: ROOT,
    });
    runsDone.push(r);
    log(`forms: collect run ${i + 1}/${runs}: ${r.ok ? `${fmtS(r.seconds)} s, ${fmtMb(r.mb)} MB` : `FAILED: ${r.reason}`}`);
    if (!r.ok) break;
  }
  return {
    rows: [
      formRow,
      {
        label: 'collect 1,000 returns',
        rows: `${n(files.length)} forms, ${n(prep.gen.rows)} measures`,
        results: { 'plan-report': summarise(runsDone) },
        command: 'collect',
      },
    ],
  };
}

// ---------------------------------------------------------------- report

function cell(r: Result | undefined): string {
  if (!r) return 'n/a';
  if (!r.ok) return `failed: ${r.reason}`;
  return `${fmtS(r.seconds)} s / ${fmtMb(r.mb)} MB`;
}

function ratio(a: Result | undefined, b: Result | undefined, key: 'seconds' | 'mb'): string {
  if (!a?.ok || !b?.ok) return '';
  return `${(a[key] / b[key]).toFixed(1)}x`;
}

interface LoResult {
  label: string;
  /** Opening the workbook (first sheet saved as CSV), trusting the cached results. */
  cached?: Run;
  /** The same, recalculating every formula on load. */
  recalc?: Run;
  /** Recalculating and saving the whole workbook as xlsx, whose named figures are then compared with the core's. */
  saved?: Run;
  /** `N of N named figures agree`, or what differed. */
  figures?: string;
  skipped?: string;
}

/** Compares every named figure of a recalculated workbook with the core's figures of its data file. */
async function compareFigures(dataFile: string, recalculated: string): Promise<string> {
  const data = readData(fs.readFileSync(dataFile, 'utf8'), dataFile);
  const expected = expectedFigures(data);
  const differences = figureDifferences(await readNamedCells(recalculated), expected);
  if (!differences.length) return `all ${n(expected.size)} agree`;
  return `${differences.length} of ${n(expected.size)} differ, e.g. ${differences.slice(0, 3).join('; ')}`;
}

function loCell(r: Run | undefined, timeoutS: number): string {
  if (!r) return 'n/a';
  if (r.ok) return `${fmtS(r.seconds)} s / ${fmtMb(r.mb)} MB`;
  if (r.timedOut) return `over ${timeoutS} s (stopped)`;
  return `failed: ${r.reason}`;
}

function markdown(
  rows: Row[],
  lo: LoResult[],
  loNote: string | null,
  notes: string[],
  m: ReturnType<typeof machine>,
  opts: Options,
  version: string,
  started: Date,
): string {
  const lines: string[] = [];
  lines.push('# plan-report benchmark', '');
  lines.push(
    `\`npm run bench${opts.large ? ' -- --large' : ''}\` on ${started.toISOString().slice(0, 10)}, plan-report ${version}. ` +
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB memory, ${m.os}, Node ${m.node}${m.libreoffice ? `, ${m.libreoffice}` : ''}.`,
    '',
  );
  lines.push(
    'Wall time and peak memory (max RSS) of each whole process, measured by GNU time; medians of 3 runs up to 100,000 rows, 1 run above. ' +
      'plan-report is `node bin/plan-report generate DATA.json --out OUT.xlsx` (the full report: validation, every sheet, figures, charts; run from a copy of the build taken at the start); ' +
      'the floor (bench/floor-writer.ts) and exceljs (bench/exceljs-writer.ts) read the same JSON with JSON.parse and write only its data rows, one formula a row, ' +
      'the floor as XML strings streamed into a zip with yazl, exceljs with its document API and `writeFile`.',
    '',
  );
  lines.push('| data set | rows | plan-report s / MB | floor s / MB | exceljs s / MB | plan-report / floor, time | plan-report / floor, memory |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const pr = r.results['plan-report'];
    const prCell = r.command ? `${cell(pr)} (\`${r.command}\`)` : cell(pr);
    lines.push(
      `| ${r.label} | ${r.rows} | ${prCell} | ${cell(r.results.floor)} | ${cell(r.results.exceljs)} | ${ratio(pr, r.results.floor, 'seconds')} | ${ratio(pr, r.results.floor, 'mb')} |`,
    );
  }
  lines.push('');
  if (lo.length || loNote) {
    lines.push(
      "LibreOffice (headless, a private profile) opening plan-report's workbook: trusting the cached results, and recalculating every formula on load (`soffice --convert-to csv`, which writes only the first sheet, so the time is opening and recalculating, not writing 100,000 rows back); then recalculating and saving the whole workbook as xlsx, whose named figures are compared with the core's:",
      '',
    );
    if (loNote) lines.push(loNote, '');
    if (lo.length) {
      lines.push(
        '| workbook | open, cached results | open and recalculate every formula | recalculate and save as xlsx | named figures after recalculation |',
        '| --- | --- | --- | --- | --- |',
      );
      for (const l of lo) {
        const t = (r?: Run) => (l.skipped ? '' : loCell(r, opts.sofficeTimeoutS));
        lines.push(`| ${l.label} | ${l.skipped ? l.skipped : t(l.cached)} | ${t(l.recalc)} | ${t(l.saved)} | ${l.figures ?? ''} |`);
      }
      lines.push('');
    }
  }
  for (const note of notes) lines.push(`- ${note}`);
  if (notes.length) lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const started = new Date();
  const notes: string[] = [];
  fs.mkdirSync(OUT, { recursive: true });
  const loadBefore = loadAverage();
  log(`load average before: ${loadBefore}`);

  const buildNote = ensureBuilt();
  if (buildNote) notes.push(buildNote);
  snapshot();
  compileWriters();
  const version = gitVersion();
  const soffice = findSoffice();
  const m = machine(soffice);
  log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.libreoffice ?? 'no LibreOffice'}; plan-report ${version}`);

  const wanted = (key: string) => !opts.only || opts.only.includes(key);
  const rows: Row[] = [];
  const outputs = new Map<string, string>();
  for (const ds of DATA_SETS) {
    if ((ds.large && !opts.large) || !wanted(ds.key)) continue;
    const large = ds.key === 'measures-1m';
    const timeoutMs = large ? 3_600_000 : 900_000;
    try {
      const prep = await prepare(ds, timeoutMs);
      const runs = opts.runs ?? (prep.gen.rows > 100_000 ? 1 : 3);
      if (prep.problem) {
        rows.push({ label: ds.label, rows: ds.rowsLabel(prep.gen), results: { 'plan-report': failed(prep.problem) } });
        continue;
      }
      const { results, floorParseS } = await measureWriters(ds.key, prep.gen.file, runs, timeoutMs);
      rows.push({ label: ds.label, rows: ds.rowsLabel(prep.gen), results, floorParseS });
      if (results['plan-report'].ok) outputs.set(ds.key, path.join(OUT, `${ds.key}-plan-report.xlsx`));
    } catch (err) {
      log(`${ds.key}: FAILED: ${(err as Error).message}`);
      rows.push({ label: ds.label, rows: '?', results: { 'plan-report': failed((err as Error).message) } });
    }
  }

  let since: string[] = [];
  if (wanted('since-100k')) {
    try {
      const prep = await prepare(
        DATA_SETS.find((d) => d.key === 'measures-100k')!,
        900_000,
      );
      if (prep.problem) throw new Error(prep.problem);
      // Five pairs: one pair's ratio moves between 1.2 and 1.9 on this machine, their median far less.
      const runs = opts.runs ?? 5;
      const r = await sinceCase({ data: prep.gen.file, dir: OUT, node: NODE, cli: CLI, cwd: ROOT, runs, timeoutMs: 1_800_000, log });
      since = sinceMarkdown(r, runs);
    } catch (err) {
      log(`since-100k: FAILED: ${(err as Error).message}`);
      since = sinceMarkdown({ plain: [], since: [], failed: (err as Error).message }, 0);
    }
  }

  if (wanted('forms')) {
    try {
      const forms = await formsCase(opts.runs ?? 3);
      rows.push(...forms.rows);
      if (forms.rows.length > 1)
        notes.push(
          'The returns for `collect` are the 1,000 forms exactly as `form --all` wrote them: collect reads and checks every one, and finds nothing to change.',
        );
      if (forms.skipped) {
        log(`forms: skipped: ${forms.skipped}`);
        notes.push(`The forms case (1,000 returned forms of 50 measures, \`form --all\` then \`collect\`) was skipped: ${forms.skipped}.`);
      }
    } catch (err) {
      log(`forms: FAILED: ${(err as Error).message}`);
      rows.push({ label: 'collect 1,000 returns', rows: '?', results: { 'plan-report': failed((err as Error).message) } });
    }
  }

  const lo: LoResult[] = [];
  let loNote: string | null = null;
  const loCases = [
    { key: 'measures-100k', label: "measures 100k (plan-report's report)", data: path.join(DATA, 'measures-100k.json') },
    {
      key: 'catalog-100k',
      label: "catalog 100k (plan-report's report; its Enterprises figure is a distinct count)",
      data: path.join(DATA, 'catalog-100k.json'),
    },
    { key: 'indicators-1k', label: "indicators 1k x 40 quarters (plan-report's report)", data: path.join(DATA, 'indicators-1k.json') },
  ].filter((c) => wanted(c.key));
  if (!opts.libreoffice) loNote = 'LibreOffice: skipped (--no-libreoffice).';
  else if (!soffice) loNote = 'LibreOffice: skipped, soffice not found.';
  else {
    for (const c of loCases) {
      const file = outputs.get(c.key);
      if (!file) {
        lo.push({ label: c.label, skipped: 'skipped: plan-report wrote no workbook' });
        continue;
      }
      const timeoutMs = opts.sofficeTimeoutS * 1000;
      log(`${c.key}: LibreOffice opening, cached results`);
      const cached = await timeSoffice(soffice, file, { recalculate: false, format: 'csv', timeoutMs });
      log(`${c.key}: LibreOffice cached: ${loCell(cached, opts.sofficeTimeoutS)}`);
      log(`${c.key}: LibreOffice opening with full recalculation (timeout ${opts.sofficeTimeoutS} s)`);
      const recalc = await timeSoffice(soffice, file, { recalculate: true, format: 'csv', timeoutMs });
      log(`${c.key}: LibreOffice recalculation: ${loCell(recalc, opts.sofficeTimeoutS)}`);
      log(`${c.key}: LibreOffice recalculating and saving as xlsx, to compare the named figures`);
      const keep = path.join(OUT, `${c.key}-recalculated.xlsx`);
      const saved = await timeSoffice(soffice, file, { recalculate: true, format: 'xlsx', timeoutMs, keep });
      log(`${c.key}: LibreOffice recalculated and saved: ${loCell(saved, opts.sofficeTimeoutS)}`);
      const figures = saved.output ? await compareFigures(c.data, saved.output) : 'not compared: no recalculated workbook';
      log(`${c.key}: ${figures}`);
      lo.push({ label: c.label, cached, recalc, saved, figures });
    }
  }

  const parsed = rows.filter((r) => r.floorParseS !== undefined);
  if (parsed.length)
    notes.push(
      `Of the floor's time, reading the data file (readFileSync and JSON.parse) took ${parsed.map((r) => `${fmtS(r.floorParseS!)} s (${r.label})`).join(', ')}.`,
    );
  const loadAfter = loadAverage();
  log(`load average after: ${loadAfter}`);
  notes.push(`Load average (1, 5, 15 min) before the run: ${loadBefore}; after: ${loadAfter}.`);
  const md = markdown(rows, lo, loNote, notes, m, opts, version, started) + (since.length ? `\n${since.join('\n')}` : '');
  process.stdout.write(`\n${md}\n`);
  const partial = opts.only !== undefined || opts.runs !== undefined;
  const target = partial ? path.join(DATA, 'results-partial.md') : path.join(BENCH, 'results.md');
  fs.writeFileSync(target, partial ? md : `${md}${handMeasured(target)}`);
  log(`wrote ${path.relative(ROOT, target)}${partial ? ' (a partial run: bench/results.md left as it was)' : ''}`);
}

/** The line of bench/results.md after which the sections measured by hand begin: a full run keeps them. */
const BY_HAND = '<!-- Measured by hand below this line: `npm run bench` keeps these sections. -->';

/** The hand-measured sections of a results file (from BY_HAND on), or nothing. */
function handMeasured(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = text.indexOf(BY_HAND);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
