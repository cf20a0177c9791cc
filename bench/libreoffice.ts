/**
 * Timing LibreOffice on a workbook: `soffice --headless --convert-to` with a
 * private profile (test/support/libreoffice.ts builds both), trusting the
 * cached results or forcing a full recalculation on load (OOXMLRecalcMode 0;
 * see shared/spec/engine-notes.md).
 *
 * Converting to CSV writes only the first sheet, so the time is LibreOffice
 * opening the workbook (and recalculating it), not writing 100,000 rows back
 * out; converting to xlsx gives the recalculated workbook, whose named
 * figures the bench then compares with the core's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sofficeArgs } from '../test/support/libreoffice';
import { runTimed, type Run } from './measure';

export interface SofficeRun extends Run {
  /** The converted file, when `keep` was given (moved there). */
  output?: string;
}

/**
 * Converts `input` with soffice to `format` (csv: the first sheet only);
 * `recalculate` forces a full recalculation on load. The run fails if soffice
 * wrote nothing (it can exit 0 without loading the file). `keep`: a path to
 * move the output to.
 */
export async function timeSoffice(
  soffice: string,
  input: string,
  opts: { recalculate: boolean; format: 'csv' | 'xlsx'; timeoutMs: number; keep?: string },
): Promise<SofficeRun> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-bench-soffice-'));
  try {
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    const args = sofficeArgs(work, opts.recalculate, opts.format, out, [path.resolve(input)]);
    const run = await runTimed(soffice, args, { timeoutMs: opts.timeoutMs, env: { ...process.env, HOME: process.env.HOME ?? work } });
    const written = path.join(out, `${path.parse(input).name}.${opts.format}`);
    if (run.ok && !(fs.existsSync(written) && fs.statSync(written).size > 0)) {
      return { ...run, ok: false, reason: 'soffice wrote no output (could not load the file?)' };
    }
    if (run.ok && opts.keep) {
      fs.copyFileSync(written, opts.keep);
      return { ...run, output: opts.keep };
    }
    return run;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
