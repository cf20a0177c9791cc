import type { Locale } from '../schema';
import { en } from './en';
import type { Labels } from './labels';
import { zhCN } from './zh-CN';

export type { Labels } from './labels';

const BY_LOCALE: Record<Locale, Labels> = { en, 'zh-CN': zhCN };

export function labelsFor(locale: Locale): Labels {
  return BY_LOCALE[locale];
}
