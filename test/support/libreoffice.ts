/**
 * Test support: recalculate workbooks in LibreOffice Calc (headless).
 *
 * LibreOffice trusts the cached formula results of an .xlsx by default, so a
 * plain `--convert-to` proves nothing. Every call here runs soffice with a
 * fresh private profile whose registrymodifications.xcu sets OOXMLRecalcMode
 * and ODFRecalcMode to 0 ("always recalculate on load"). See
 * shared/spec/engine-notes.md.
 *
 * Each call gets its own temporary directory (profile + conversion output), so
 * concurrent calls from several jest workers do not share a running office
 * instance. Outputs are written there first and moved into `outDir` only once
 * all of them exist, so a stale file in `outDir` can never pass for a result.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { guardGroup } from './process-group';

export interface LibreOfficeOptions {
  /** Kill soffice (its whole process group) after this long. Default 120 000 ms. */
  timeoutMs?: number;
  /** Use this soffice binary instead of looking one up. */
  soffice?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const INSTALL_HINT = 'LibreOffice (soffice) not found: install libreoffice-calc-nogui ' + '(apt-get install -y --no-install-recommends libreoffice-calc-nogui)';

/**
 * A private profile's registrymodifications.xcu: recalculate every formula
 * on load (mode 0), or trust the cached results (mode 1, LibreOffice's default).
 */
export function profileXcu(recalculate: boolean): string {
  const mode = recalculate ? 0 : 1;
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;
}

/** Writes a private profile under `dir` (recalculating or not) and returns soffice's arguments to convert `inputs` into `outDir`. */
export function sofficeArgs(dir: string, recalculate: boolean, format: string, outDir: string, inputs: string[]): string[] {
  const profile = path.join(dir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), profileXcu(recalculate));
  return [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...inputs,
  ];
}

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of soffice/libreoffice on PATH, in /usr/bin or /usr/lib/libreoffice/program; null if none. */
export function findSoffice(): string | null {
  const names = ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  dirs.push('/usr/bin', '/usr/lib/libreoffice/program');
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

function runDetached(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.length > 20_000) output = output.slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const group = guardGroup(child, timeoutMs, 2_000);
    child.on('error', (err) => {
      group.release();
      reject(err);
    });
    child.on('close', (code, signal) => {
      // soffice.bin may outlive the oosplash wrapper for a moment: release() kills what is left of the group.
      group.release();
      resolve({ code, signal, output, timedOut: group.timedOut });
    });
  });
}

function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to);
    fs.unlinkSync(from);
  }
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

async function convert(inputs: string[], outDir: string, format: 'xlsx' | 'pdf', opts: LibreOfficeOptions = {}): Promise<string[]> {
  if (inputs.length === 0) return [];
  const soffice = opts.soffice ?? findSoffice();
  if (soffice === null || !isExecutableFile(soffice)) throw new Error(INSTALL_HINT);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const absInputs = inputs.map((p) => path.resolve(p));
  for (const input of absInputs) {
    if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
      throw new Error(`LibreOffice ${format} conversion: input file does not exist: ${input}`);
    }
  }
  const absOutDir = path.resolve(outDir);
  fs.mkdirSync(absOutDir, { recursive: true });
  const realOutDir = realOrResolved(absOutDir);
  const realInputs = new Set(absInputs.map(realOrResolved));

  const outNames = absInputs.map((p) => `${path.parse(p).name}.${format}`);
  const seen = new Map<string, string>();
  absInputs.forEach((input) => {
    const name = `${path.parse(input).name}.${format}`;
    const other = seen.get(name);
    if (other !== undefined) {
      throw new Error(`LibreOffice conversion: ${other} and ${input} would both be written to ${name}`);
    }
    seen.set(name, input);
    const target = path.join(realOutDir, name);
    if (realInputs.has(target)) {
      throw new Error(`LibreOffice conversion: output ${target} would overwrite an input; use another outDir`);
    }
  });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-soffice-'));
  try {
    const tmpOut = path.join(work, 'out');
    fs.mkdirSync(tmpOut);
    const args = sofficeArgs(work, true, format, tmpOut, absInputs);
    const env = { ...process.env, HOME: process.env.HOME ?? work };
    const started = Date.now();
    const res = await runDetached(soffice, args, timeoutMs, env);
    const detail = res.output.trim() === '' ? '' : `\nsoffice output:\n${res.output.trim()}`;
    if (res.timedOut) {
      throw new Error(`LibreOffice ${format} conversion timed out after ${timeoutMs} ms (killed)${detail}`);
    }
    const missing = outNames.filter((name) => {
      const p = path.join(tmpOut, name);
      return !fs.existsSync(p) || fs.statSync(p).size === 0;
    });
    if (missing.length > 0) {
      throw new Error(
        `LibreOffice ${format} conversion wrote no output for ${missing.join(', ')} ` +
          `(exit code ${String(res.code)}, signal ${String(res.signal)}, ${Date.now() - started} ms)${detail}`,
      );
    }
    return outNames.map((name) => {
      const target = path.join(absOutDir, name);
      moveFile(path.join(tmpOut, name), target);
      return target;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Converts all inputs to .xlsx in one soffice run with forced full
 * recalculation on load. Returns the output paths in input order
 * (`outDir/<input name without extension>.xlsx`).
 */
export function recalculate(inputs: string[], outDir: string, opts?: LibreOfficeOptions): Promise<string[]> {
  return convert(inputs, outDir, 'xlsx', opts);
}

/** Converts one workbook to PDF (recalculated on load, like `recalculate`). Returns the PDF's path. */
export async function convertToPdf(input: string, outDir: string, opts?: LibreOfficeOptions): Promise<string> {
  const out = (await convert([input], outDir, 'pdf', opts))[0];
  if (out === undefined) throw new Error(`LibreOffice pdf conversion returned no output for ${input}`);
  return out;
}

/** Converts many workbooks to PDF in one soffice run (recalculated on load). Returns the PDFs' paths in input order. */
export function convertAllToPdf(inputs: string[], outDir: string, opts?: LibreOfficeOptions): Promise<string[]> {
  return convert(inputs, outDir, 'pdf', opts);
}
