/**
 * Timing LibreOffice on a workbook: `soffice --headless --convert-to xlsx`
 * with a private profile, once trusting the cached results (load and save
 * only) and once forcing a full recalculation on load (OOXMLRecalcMode 0, as
 * test/support/libreoffice.ts does; see shared/spec/engine-notes.md). The
 * difference is the recalculation.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTimed, type Run } from './measure';

const profile = (mode: 0 | 1) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/**
 * Converts `input` to xlsx with soffice; `recalculate` forces a full
 * recalculation on load, otherwise the cached results are kept. The run
 * fails if soffice wrote nothing (it can exit 0 without loading the file).
 */
export async function timeSoffice(soffice: string, input: string, recalculate: boolean, timeoutMs: number): Promise<Run> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-bench-soffice-'));
  try {
    const prof = path.join(work, 'profile');
    const out = path.join(work, 'out');
    fs.mkdirSync(path.join(prof, 'user'), { recursive: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(prof, 'user', 'registrymodifications.xcu'), profile(recalculate ? 0 : 1));
    const args = [
      `-env:UserInstallation=${pathToFileURL(prof).href}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      path.resolve(input),
    ];
    const run = await runTimed(soffice, args, { timeoutMs, env: { ...process.env, HOME: process.env.HOME ?? work } });
    const written = path.join(out, `${path.parse(input).name}.xlsx`);
    if (run.ok && !(fs.existsSync(written) && fs.statSync(written).size > 0)) {
      return { ...run, ok: false, reason: 'soffice wrote no output (could not load the file?)' };
    }
    return run;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
