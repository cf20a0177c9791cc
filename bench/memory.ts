/**
 * `npx tsx bench/memory.ts [--extract N,N...] [--collect N] [--changes K,K...]`
 *
 * Peak memory (max RSS, GNU time) and wall time of the commands that read a
 * whole workbook or data file back, as whole processes of the built command
 * line (`npm run build:cli` first):
 *   - `extract` of a report of N measures (made by `generate` from the
 *     synthetic data set of bench/synthetic.ts); a report over the row limit
 *     is refused, and how much memory the refusal took is the measurement;
 *   - `collect` of one return changing K measures into a JSON data file of
 *     N measures (460,000 measures are 165 MB), edited in place: the lines
 *     of the file that differ afterwards say whether its layout was kept.
 * Data and outputs go to bench/.data/memory/. Prints a Markdown table.
 */
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import ExcelJS from 'exceljs';
import { runTimed, type Run } from './measure';
import { writeMeasures } from './synthetic';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'bench', '.data', 'memory');
const CLI = path.join(ROOT, 'bin', 'plan-report');
const NODE = process.execPath;
const log = (s: string) => process.stderr.write(`[memory ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const n = (x: number) => x.toLocaleString('en-US');
const list = (s: string) => s.split(',').map(Number);

function options(argv: string[]): { extract: number[]; collect: number; changes: number[] } {
  const o = { extract: [100_000, 390_000], collect: 460_000, changes: [1, 20] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--extract') o.extract = list(argv[++i]);
    else if (argv[i] === '--collect') o.collect = Number(argv[++i]);
    else if (argv[i] === '--changes') o.changes = list(argv[++i]);
    else {
      process.stderr.write('usage: npx tsx bench/memory.ts [--extract N,N...] [--collect N] [--changes K,K...]\n');
      process.exit(2);
    }
  }
  return o;
}

const cli = (args: string[]) => runTimed(NODE, [CLI, ...args], { timeoutMs: 1_800_000, cwd: DIR });
const cell = (r: Run) => (r.ok ? `${r.seconds.toFixed(1)} s / ${Math.round(r.mb)} MB` : `exit ${r.code}: ${r.seconds.toFixed(1)} s / ${Math.round(r.mb)} MB`);

/** The synthetic data set of `count` measures, written once. */
function dataSet(count: number): string {
  const file = path.join(DIR, `measures-${count}.json`);
  if (!fs.existsSync(file)) {
    log(`writing ${n(count)} measures`);
    writeMeasures(file, count, 42);
  }
  return file;
}

/** How many lines of two files differ (line by line; a file of other length counts its extra lines). */
async function differingLines(a: string, b: string): Promise<number> {
  const lines = (f: string) => readline.createInterface({ input: createReadStream(f), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const [x, y] = [lines(a), lines(b)];
  let differ = 0;
  for (;;) {
    const [p, q] = await Promise.all([x.next(), y.next()]);
    if (p.done && q.done) return differ;
    if (p.done !== q.done || p.value !== q.value) differ++;
  }
}

/** A return of `form` changing the status (and note) of `k` measures not completed or cancelled. */
async function fill(form: string, out: string, k: number): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.worksheets[1]; // after the Instructions sheet
  let changed = 0;
  for (let r = 8; changed < k && ws.getCell(`B${r}`).value; r++) {
    if (['Completed', 'Cancelled'].includes(String(ws.getCell(`F${r}`).value))) continue;
    ws.getCell(`F${r}`).value = 'Delayed';
    ws.getCell(`I${r}`).value = `changed in row ${r}`;
    changed++;
  }
  await wb.xlsx.writeFile(out);
  return changed;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('plan-report is not built: npm run build:cli');
  fs.mkdirSync(DIR, { recursive: true });
  const rows: string[] = ['| case | size | result | time / peak memory |', '| --- | --- | --- | --- |'];

  for (const count of o.extract) {
    const report = path.join(DIR, `report-${count}.xlsx`);
    if (!fs.existsSync(report)) {
      log(`generate ${n(count)} measures`);
      const g = await cli(['generate', dataSet(count), '--out', report]);
      if (!g.ok) throw new Error(`generate failed: ${g.reason}`);
    }
    log(`extract ${n(count)} measures`);
    const r = await cli(['extract', report, '--out', path.join(DIR, `extracted-${count}.json`), '--force']);
    const what = r.ok ? r.stdout.trim().split('\n').pop()!.replace(/^.*\(/, '(') : r.stderr.split('\n')[0].replace(/^[^:]*: /, '');
    rows.push(`| extract | ${n(count)} measures, ${(fs.statSync(report).size / 1e6).toFixed(1)} MB | ${what} | ${cell(r)} |`);
  }

  const data = dataSet(o.collect);
  const copy = path.join(DIR, `collect-${o.collect}.json`);
  fs.copyFileSync(data, copy);
  fs.rmSync(`${copy}.forms.json`, { force: true });
  const form = path.join(DIR, 'form.xlsx');
  log('form of plan PLAN-0001');
  const f = await cli(['form', copy, '--plan', 'PLAN-0001', '--out', form]);
  if (!f.ok) throw new Error(`form failed: ${f.reason}`);
  rows.push(`| form | ${n(o.collect)} measures, ${(fs.statSync(data).size / 1e6).toFixed(1)} MB | one plan's form | ${cell(f)} |`);
  for (const k of o.changes) {
    const ret = path.join(DIR, `return-${k}.xlsx`);
    const changed = await fill(form, ret, k);
    fs.copyFileSync(data, copy);
    log(`collect ${changed} changed measures`);
    const r = await cli(['collect', copy, ret]);
    const differ = await differingLines(data, copy);
    const size = fs.statSync(copy).size;
    rows.push(
      `| collect | ${changed} changed measures into ${(fs.statSync(data).size / 1e6).toFixed(1)} MB | ${r.ok ? `${n(differ)} lines differ, ${(size / 1e6).toFixed(1)} MB after` : r.reason} | ${cell(r)} |`,
    );
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
