import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { said } from '../../core/messages/said';
import type { Locale } from '../../core/schema';
import { localized } from '../../core/template';
import { templateWorkbookModel } from '../../core/template/template-workbook';
import { EXIT, type Io } from '../io';
import { builtInTemplates, loadTemplate } from '../templates';
import { GENERATOR } from '../version';
import { streamWorkbook } from '../xlsx/write/write-stream';
import { problemLine, say, type Voice } from '../voice';

export interface TemplateOptions {
  out?: string;
  /** A report or template workbook whose template is written (`--from REPORT.xlsx`). */
  from?: string;
  /** The workbook's labels (default en). */
  locale?: Locale;
}

const NOT_XLSX = said('expected a report or template workbook ending in .xlsx', '应为以 .xlsx 结尾的报告或模板工作簿');
const OUT_NOT_XLSX = said('expected an output file ending in .xlsx', '输出文件应以 .xlsx 结尾');

/** The built-in templates, one a line: name, title (and, in English, what it holds). */
async function listTemplates(io: Io, voice: Voice): Promise<void> {
  for (const t of await builtInTemplates()) {
    const title = localized(t.template.title, voice.locale) ?? '';
    // A template's description is written in English only: a Chinese listing gives its title alone.
    const more = voice.locale === 'en' && t.template.description ? ` - ${t.template.description}` : '';
    io.out(`${t.name.padEnd(16)} ${title}${more}`);
  }
}

export async function templateCommand(
  name: string | undefined,
  opts: TemplateOptions,
  io: Io,
  voice: Voice = { locale: 'en', verbose: false },
): Promise<number> {
  try {
    if (name && opts.from)
      throw InputError.one(opts.from, `--from names the workbook whose template is written; give it without a template name ("${name}")`, {
        zh: `--from 指定的是要写出其模板的工作簿；请不要同时给出模板名称（“${name}”）`,
      });
    if (opts.from && !/\.xlsx$/i.test(opts.from)) throw InputError.one(opts.from, NOT_XLSX.message, NOT_XLSX);
    if (!name && !opts.from) {
      await listTemplates(io, voice);
      return EXIT.ok;
    }
    const source = (opts.from ?? name)!;
    const template = await loadTemplate(source);
    const out = opts.out ?? `${template.name}.xlsx`;
    if (!/\.xlsx$/i.test(out)) throw InputError.one(out, OUT_NOT_XLSX.message, OUT_NOT_XLSX);
    const model = templateWorkbookModel(template, opts.locale ?? 'en', { generator: GENERATOR, generatedAt: new Date().toISOString() });
    await streamWorkbook(model, out, [source]);
    const o = path.normalize(out);
    io.out(
      say(
        voice,
        `template "${template.name}" -> ${o} (use it with: plan-report generate DATA --template ${o})`,
        `模板“${template.name}” -> ${o}（用法：“plan-report generate 数据文件 --template ${o}”）`,
      ),
    );
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) io.err(problemLine(p, voice));
    return EXIT.input;
  }
}
