/**
 * Finding a template: a built-in name (templates/NAME.yaml), a template file
 * (YAML or JSON), or a workbook made by `plan-report template` that carries one.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../core/errors';
import { carriedTemplate } from '../core/record/carried-template';
import { readTemplate, type Template } from '../core/template';
import { DEFAULT_TEMPLATE } from '../core/template/default';
import { readTextInput } from './data-file/input';
import { loadWorkbookFile } from './xlsx/read/read-record';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

export async function builtInTemplates(): Promise<{ name: string; file: string; template: Template }[]> {
  const files = (await fs.readdir(TEMPLATES_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(TEMPLATES_DIR, f);
      return { name: f.replace(/\.ya?ml$/, ''), file, template: readTemplate(await fs.readFile(file, 'utf8'), file) };
    }),
  );
}

/** Whether `--template` names a file (a path, or a name ending in .yaml, .json or .xlsx) rather than a built-in template. */
export function looksLikePath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.(ya?ml|json|xlsx)$/i.test(arg);
}

/**
 * The built-in templates as the build read and checked them, put into the bundle by scripts/bundle-cli.js (esbuild's
 * `define`): JSON of `{ name: [YAML text, template] }`. Undefined when running tsc's files.
 */
declare const PLAN_REPORT_CHECKED_TEMPLATES: string | undefined;

/**
 * A built-in template's text as the build checked it: the template then read (a fresh copy), not parsed and checked
 * again (its YAML and the template schema: 20-25 ms of a 0.9 s report). Undefined when the text is not the one checked.
 */
export function checkedTemplate(name: string, text: string, checked?: string): Template | undefined {
  const all = checked ?? (typeof PLAN_REPORT_CHECKED_TEMPLATES === 'string' ? PLAN_REPORT_CHECKED_TEMPLATES : undefined);
  if (all === undefined) return undefined;
  const entry = (JSON.parse(all) as Record<string, [string, Template]>)[name];
  return entry && entry[0] === text ? entry[1] : undefined;
}

/** Resolves `--template NAME|PATH` to a validated template. */
export async function loadTemplate(arg: string = DEFAULT_TEMPLATE): Promise<Template> {
  if (/\.xlsx$/i.test(arg)) return carriedTemplate(await loadWorkbookFile(arg), arg);
  if (looksLikePath(arg)) return readTemplate(await readTextInput(arg), arg);
  const file = path.join(TEMPLATES_DIR, `${arg}.yaml`);
  try {
    const text = await fs.readFile(file, 'utf8');
    return checkedTemplate(arg, text) ?? readTemplate(text, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const names = (await builtInTemplates()).map((t) => t.name).join(', ');
    throw InputError.one(arg, `no such template; expected one of ${names}, or the path of a template file (.yaml, .json) or workbook (.xlsx)`, {
      zh: `没有这个模板；应为以下内置模板之一：${names.replace(/, /g, '、')}，或模板文件（.yaml、.json）或模板工作簿（.xlsx）的路径`,
    });
  }
}
