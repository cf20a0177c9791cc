/**
 * `plan-report import LEDGER`: turns an official's ledger (台账: .xlsx or
 * .csv, in their own columns and words) into a data file. Prints how each
 * sheet and column was read, then every problem at its cell; writes the data
 * file (YAML, or JSON for --out *.json) only when nothing is wrong, never over
 * an existing file unless --force, never with --dry-run.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { summarize } from '../../core/data-file/counts';
import { readData } from '../../core/data-file/read';
import { syntaxOf } from '../../core/data-file/structured-text';
import { dataText } from '../../core/data-file/write';
import { InputError } from '../../core/errors';
import { parseMap } from '../../core/ledger/columns';
import type { LedgerKind } from '../../core/ledger/fields';
import { importLedger } from '../../core/ledger/import';
import { problemLine, summaryLines } from '../../core/ledger/summary';
import { ledgerWords } from '../../core/ledger/words';
import { ID_PATTERN, type Locale } from '../../core/schema';
import type { Io } from '../io';
import { writeFileAtomic } from '../write-atomic';
import { readLedgerFile } from '../ledger/read';
import { problemLine as lineOf, voiceOf } from '../voice';

export interface ImportCommandOptions {
  sheet?: string;
  kind?: LedgerKind;
  map?: string;
  plan?: string;
  region?: string;
  period?: string;
  title?: string;
  out?: string;
  force?: boolean;
  dryRun?: boolean;
  locale?: Locale;
  verbose?: boolean;
}

/** Exit codes (as main.ts's EXIT): 0 written or a clean dry run, 1 problems, 2 bad usage. */
const DONE = 0;
const PROBLEMS = 1;
const USAGE = 2;

export async function importCommand(file: string, opts: ImportCommandOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const voice = voiceOf(opts, env);
  const locale = voice.locale;
  const W = ledgerWords(locale);
  const map = opts.map !== undefined ? parseMap(opts.map) : { entries: [], bad: [] };
  if (map.bad.length) {
    io.err(W.usage.map(map.bad));
    return USAGE;
  }
  if (opts.plan !== undefined && !ID_PATTERN.test(opts.plan)) {
    io.err(W.usage.planId(opts.plan));
    return USAGE;
  }
  const out = opts.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.yaml`);
  if (!opts.dryRun && !opts.force && (await fs.stat(out).catch(() => undefined))) {
    io.err(W.exists(out));
    return PROBLEMS;
  }
  let ledger;
  try {
    ledger = await readLedgerFile(file, W);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) io.err(lineOf({ ...p, file: p.file || file }, voice));
    return PROBLEMS;
  }
  const result = importLedger(ledger.sheets, { ...opts, map: map.entries });
  for (const line of summaryLines(result, file, locale, opts.dryRun === true, ledger.encoding !== undefined)) io.out(line);
  if (result.problems.length) {
    io.err(W.problems(result.problems.length));
    for (const p of result.problems) io.err(`  ${problemLine(p, file, locale)}`);
  }
  if (opts.dryRun) {
    io.out(W.dryRun(out, !result.problems.length));
    return result.problems.length ? PROBLEMS : DONE;
  }
  if (result.problems.length) {
    io.err(W.notWritten(result.problems.length));
    return PROBLEMS;
  }
  const text = dataText(result.data, syntaxOf(out));
  // What is written must read back as a data file: the same checks as validate.
  const data = readData(text, out);
  writeFileAtomic(out, text, [file]);
  io.out(W.written(out, summarize(data)));
  return DONE;
}
