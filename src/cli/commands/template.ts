import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { buildReport } from '../../core/layout/build';
import { FORMAT, type Locale, type ReportData } from '../../core/schema';
import { localized } from '../../core/template';
import { EXIT, type Io } from '../io';
import { builtInTemplates, loadTemplate } from '../templates';
import { GENERATOR } from '../version';
import { streamWorkbook } from '../xlsx/write/write-stream';

export interface TemplateOptions {
  out?: string;
  locale: Locale;
}

/** The current quarter, as a period (`2026-Q4`). */
function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

export async function templateCommand(name: string | undefined, opts: TemplateOptions, io: Io): Promise<number> {
  if (!name) {
    for (const t of await builtInTemplates()) {
      io.out(`${t.name.padEnd(16)} ${localized(t.template.title, 'en') ?? ''}${t.template.description ? ` - ${t.template.description}` : ''}`);
    }
    return EXIT.ok;
  }
  const template = await loadTemplate(name);
  const out = opts.out ?? `${template.name}.xlsx`;
  if (!/\.xlsx$/i.test(out)) throw InputError.one(out, 'expected an output file ending in .xlsx');
  const data: ReportData = {
    format: FORMAT,
    report: { title: localized(template.title, opts.locale) ?? template.name, region: '-', period: currentQuarter() },
    plans: [],
    catalogs: [],
    indicators: [],
  };
  const model = buildReport(template, data, opts.locale, { generator: GENERATOR, generatedAt: new Date().toISOString() });
  await streamWorkbook(model, out, [name]);
  io.out(`template "${template.name}" -> ${path.normalize(out)} (use it with: plan-report generate DATA --template ${path.normalize(out)})`);
  return EXIT.ok;
}
