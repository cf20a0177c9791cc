/** What the tests share: the repository's root, the build options every test workbook is made with, the built-in templates, the command line run in process. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { readTemplate, type Template } from '../../src/core/template';

export const ROOT = path.resolve(__dirname, '../..');

/** Build options that make a workbook the same from run to run (generator and time in its record). */
export const OPTIONS = { generator: 'plan-report test', generatedAt: '2026-01-01T00:00:00.000Z' };

/** A built-in template, templates/NAME.yaml. */
export const template = (name: string): Template => readTemplate(readFileSync(path.join(ROOT, 'templates', `${name}.yaml`), 'utf8'), name);

/** The default template. */
export const quarterly = template('quarterly');

/** What a command run in process printed, and its exit code. */
export interface Result {
  code: number;
  out: string[];
  err: string[];
  /** Everything printed to out, and to err, as text (a callback may receive several lines at once). */
  stdout: string;
  stderr: string;
}

/** Runs `plan-report ARGV...` in process. */
export async function cli(...argv: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs `plan-report ARGV...` in process, for a step a test relies on: throws with its messages unless it exits 0. */
export async function cliOk(...argv: string[]): Promise<Result> {
  const r = await cli(...argv);
  if (r.code !== 0) throw new Error(`plan-report ${argv.join(' ')}: ${r.stderr}`);
  return r;
}
