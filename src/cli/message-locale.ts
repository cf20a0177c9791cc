/** The language of a command's messages: --locale, else Chinese when the environment's locale is (LC_ALL, LC_MESSAGES or LANG zh_CN...), else English. */
import type { Locale } from '../core/schema';

export function messageLocale(option: Locale | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (option) return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh[_-](cn|sg|hans)/i.test(locale) ? 'zh-CN' : 'en';
}
