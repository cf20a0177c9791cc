import * as path from 'node:path';
import { InputError } from '../../core/errors';
import type { Locale } from '../../core/schema';
import { localized } from '../../core/template';
import { templateWorkbookModel } from '../../core/template/template-workbook';
import { EXIT, type Io } from '../io';
import { builtInTemplates, loadTemplate } from '../templates';
import { GENERATOR } from '../version';
import { streamWorkbook } from '../xlsx/write/write-stream';

export interface TemplateOptions {
  out?: string;
  /** A report or template workbook whose template is written (`--from REPORT.xlsx`). */
  from?: string;
  locale: Locale;
}

export async function templateCommand(name: string | undefined, opts: TemplateOptions, io: Io): Promise<number> {
  if (name && opts.from) throw InputError.one(opts.from, `--from names the workbook whose template is written; give it without a template name ("${name}")`);
  if (opts.from && !/\.xlsx$/i.test(opts.from)) throw InputError.one(opts.from, 'expected a report or template workbook ending in .xlsx');
  if (!name && !opts.from) {
    for (const t of await builtInTemplates()) {
      io.out(`${t.name.padEnd(16)} ${localized(t.template.title, 'en') ?? ''}${t.template.description ? ` - ${t.template.description}` : ''}`);
    }
    return EXIT.ok;
  }
  const source = (opts.from ?? name)!;
  const template = await loadTemplate(source);
  const out = opts.out ?? `${template.name}.xlsx`;
  if (!/\.xlsx$/i.test(out)) throw InputError.one(out, 'expected an output file ending in .xlsx');
  const model = templateWorkbookModel(template, opts.locale, { generator: GENERATOR, generatedAt: new Date().toISOString() });
  await streamWorkbook(model, out, [source]);
  io.out(`template "${template.name}" -> ${path.normalize(out)} (use it with: plan-report generate DATA --template ${path.normalize(out)})`);
  return EXIT.ok;
}
