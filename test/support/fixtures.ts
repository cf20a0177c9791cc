/** What the tests share: the repository's root, the build options every test workbook is made with, the built-in templates. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTemplate, type Template } from '../../src/core/template';

export const ROOT = path.resolve(__dirname, '../..');

/** Build options that make a workbook the same from run to run (generator and time in its record). */
export const OPTIONS = { generator: 'plan-report test', generatedAt: '2026-01-01T00:00:00.000Z' };

/** A built-in template, templates/NAME.yaml. */
export const template = (name: string): Template => readTemplate(readFileSync(path.join(ROOT, 'templates', `${name}.yaml`), 'utf8'), name);

/** The default template. */
export const quarterly = template('quarterly');
