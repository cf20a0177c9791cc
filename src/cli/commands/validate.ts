import { InputError } from '../../core/errors';
import { loadReportInput } from '../data-file/load';
import { EXIT, type Io } from '../io';
import { problemLine, type Voice } from '../voice';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Summary = Awaited<ReturnType<typeof loadReportInput>>['summary'];

const VALID = {
  en: (file: string, s: Summary) =>
    `${file}: valid: ${plural(s.plans, 'plan')} (${plural(s.measures, 'measure')}), ` +
    `${plural(s.catalogs, 'catalog')} (${plural(s.entries, 'entry', 'entries')}), ` +
    `${plural(s.indicators, 'indicator')} (${plural(s.observations, 'observation')})`,
  'zh-CN': (file: string, s: Summary) =>
    `${file}：检查通过：${s.plans} 个方案（${s.measures} 项措施），${s.catalogs} 个目录（${s.entries} 项产品），` +
    `${s.indicators} 个指标（${s.observations} 条观测值）`,
};

const PROBLEMS = {
  en: (file: string, n: number) => `${file}: ${plural(n, 'problem')}`,
  'zh-CN': (file: string, n: number) => `${file}：共 ${n} 个问题`,
};

/** Checks each data file; prints a summary of each valid one and every problem of each invalid one. */
export async function validateCommand(files: string[], io: Io, voice: Voice = { locale: 'en', verbose: false }): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      io.out(VALID[voice.locale](file, (await loadReportInput(file)).summary));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const p of err.problems) io.err(problemLine(p, voice));
      io.err(PROBLEMS[voice.locale](file, err.total));
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}
