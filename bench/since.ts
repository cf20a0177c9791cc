/**
 * The `since-100k` case of `npm run bench` (issue 13: `generate --since` on
 * the 100,000-measure report adds at most 50% to `generate`'s time).
 *
 * The previous report is the same data a quarter earlier (its period
 * 2025-Q2), generated once, not timed. Then `generate` and `generate --since`
 * the previous report are run in turn (interleaved, so that drift in the
 * machine's load falls on both alike), `runs` times each; the CPU time of
 * each process (user + system, GNU time) is what is compared, the machine
 * being shared; wall time is shown too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median, runTimed, type Run } from './measure';
import { REPORT_PERIOD } from './synthetic';

export interface SinceSetup {
  /** The 100,000-measure data file (bench's measures-100k.json). */
  data: string;
  /** Where the previous data file and the workbooks go. */
  dir: string;
  node: string;
  cli: string;
  cwd: string;
  runs: number;
  timeoutMs: number;
  log: (s: string) => void;
}

export interface SinceResult {
  plain: Run[];
  since: Run[];
  /** The changes `generate --since` listed (its own report line). */
  changes?: string;
  failed?: string;
}

const PREVIOUS_PERIOD = '2025-Q2';

/** The data file a quarter earlier: the same measures, its period 2025-Q2. */
function previousData(data: string, dir: string): string {
  const text = fs.readFileSync(data, 'utf8');
  const header = `"period":${JSON.stringify(REPORT_PERIOD)}`;
  const at = text.indexOf(header);
  if (at < 0) throw new Error(`no ${header} in ${path.basename(data)}`);
  const file = path.join(dir, 'measures-100k-previous.json');
  fs.writeFileSync(file, `${text.slice(0, at)}"period":${JSON.stringify(PREVIOUS_PERIOD)}${text.slice(at + header.length)}`);
  return file;
}

const brief = (r: Run) => (r.ok ? `${r.cpu.toFixed(2)} s CPU, ${r.seconds.toFixed(2)} s wall, ${Math.round(r.mb)} MB` : `FAILED: ${r.reason}`);

export async function sinceCase(s: SinceSetup): Promise<SinceResult> {
  const previous = path.join(s.dir, 'measures-100k-previous.xlsx');
  fs.rmSync(previous, { force: true });
  const made = await runTimed(s.node, [s.cli, 'generate', previousData(s.data, s.dir), '--out', previous], { timeoutMs: s.timeoutMs, cwd: s.cwd });
  if (!made.ok) return { plain: [], since: [], failed: `the previous report: ${made.reason}` };
  s.log(`since-100k: previous report (${PREVIOUS_PERIOD}) written: ${brief(made)}`);
  const result: SinceResult = { plain: [], since: [] };
  for (let i = 0; i < s.runs; i++) {
    for (const withSince of [false, true]) {
      const out = path.join(s.dir, withSince ? 'measures-100k-since.xlsx' : 'measures-100k-plain.xlsx');
      fs.rmSync(out, { force: true });
      const args = [s.cli, 'generate', s.data, ...(withSince ? ['--since', previous] : []), '--out', out];
      const r = await runTimed(s.node, args, { timeoutMs: s.timeoutMs, cwd: s.cwd });
      (withSince ? result.since : result.plain).push(r);
      s.log(`since-100k: generate${withSince ? ' --since' : ''} run ${i + 1}/${s.runs}: ${brief(r)}`);
      if (!r.ok) return { ...result, failed: `generate${withSince ? ' --since' : ''}: ${r.reason}` };
      if (withSince) result.changes = /since .*: (\d+) changes listed/.exec(r.stdout)?.[1];
    }
  }
  return result;
}

const list = (runs: Run[], key: 'cpu' | 'seconds' | 'mb') => runs.map((r) => (key === 'mb' ? String(Math.round(r.mb)) : r[key].toFixed(2))).join(', ');
const med = (runs: Run[], key: 'cpu' | 'seconds' | 'mb') => median(runs.map((r) => r[key]));

/** The case's section of bench/results.md. */
export function sinceMarkdown(r: SinceResult, runs: number): string[] {
  const lines = ['## `generate --since` on 100,000 measures (issue 13: at most 50% more than `generate`)', ''];
  if (r.failed) return [...lines, `Not measured: ${r.failed}.`, ''];
  lines.push(
    `\`generate\` of the measures 100k data set, and \`generate --since\` the same data's report a quarter earlier (${PREVIOUS_PERIOD}; ` +
      `${r.changes ?? '?'} changes listed), run in turn, ${runs} pairs. Wall time is what an official waits (the previous report is ` +
      'partly read on the second core meanwhile); CPU is user + system time of the whole process (GNU time), the work done. ' +
      "Medians, then each run; the ratio is the median of each pair's own.",
    '',
    '| command | CPU s | wall s | peak MB | CPU s, each run | wall s, each run |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const [name, runsOf] of [
    ['`generate`', r.plain],
    ['`generate --since`', r.since],
  ] as const)
    lines.push(
      `| ${name} | ${med(runsOf, 'cpu').toFixed(2)} | ${med(runsOf, 'seconds').toFixed(2)} | ${Math.round(med(runsOf, 'mb'))} | ${list(runsOf, 'cpu')} | ${list(runsOf, 'seconds')} |`,
    );
  // Each pair's own ratio: the machine's speed moves by a third from one minute to the next, a pair's two runs less.
  const pairs = (key: 'cpu' | 'seconds') => r.since.map((s, i) => s[key] / r.plain[i][key]);
  const wall = median(pairs('seconds'));
  const cpu = median(pairs('cpu'));
  lines.push(
    '',
    `\`--since\` / plain: ${wall.toFixed(2)}x wall (${wall <= 1.5 ? 'within' : 'over'} the 1.5x issue 13 allows; pairs ` +
      `${pairs('seconds')
        .map((x) => x.toFixed(2))
        .join(', ')}), ${cpu.toFixed(2)}x CPU.`,
    '',
  );
  return lines;
}
