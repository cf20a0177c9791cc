/**
 * How a command speaks: in the user's language (`--locale`, else the
 * environment's: LC_ALL, LC_MESSAGES or LANG zh_CN… is Chinese) and, with
 * `--verbose`, with each problem's data path.
 */
import { formatLocated, type Located } from '../core/errors';
import type { Locale } from '../core/schema';

export interface Voice {
  locale: Locale;
  verbose: boolean;
}

export function voiceOf(opts: { locale?: Locale; verbose?: boolean }, env: NodeJS.ProcessEnv = process.env): Voice {
  const asked = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const locale = opts.locale ?? (/^zh[_-](cn|sg|hans)/i.test(asked) ? 'zh-CN' : 'en');
  return { locale, verbose: opts.verbose === true };
}

/** One problem as the user reads it. */
export function problemLine(p: Located, voice: Voice): string {
  return formatLocated(p, voice);
}

/** A command's own sentence, in the voice's language. */
export function say(voice: Voice, en: string, zh: string): string {
  return voice.locale === 'zh-CN' ? zh : en;
}

/** The options `--locale` and `--verbose` read from the command line itself, for the problems a command does not catch. */
export function voiceOfArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): Voice {
  const i = argv.findIndex((a) => a === '--locale' || a === '-l');
  const eq = argv.find((a) => a.startsWith('--locale='));
  const asked = eq ? eq.slice('--locale='.length) : i >= 0 ? argv[i + 1] : undefined;
  const locale = asked === 'zh-CN' || asked === 'en' ? asked : undefined;
  return voiceOf({ locale, verbose: argv.includes('--verbose') }, env);
}
