/**
 * A message said in both of the tool's languages. The English sentence stays
 * a problem's `message` (the tests', the logs' and the add-in's details'
 * language); the Chinese one goes with it, so that a command run in Chinese
 * (`--locale zh-CN`, or LANG=zh_CN.UTF-8) says every problem in Chinese.
 *
 * A fixed sentence (a schema's "expected text") is registered once, when
 * its module loads: a problem that carries only the English sentence, as a
 * zod issue does, is said in Chinese by looking it up. A sentence with
 * values in it is made at the place that finds the problem, both languages
 * side by side.
 */
import type { Locale } from '../schema';

/** One message in both languages. */
export interface Said {
  message: string;
  zh: string;
}

const REGISTERED = new Map<string, string>();

/** A message in both languages; a fixed one is registered, so that its English text alone is enough to say it in Chinese. */
export function said(message: string, zh: string): Said {
  REGISTERED.set(message, zh);
  return { message, zh };
}

/** Every registered sentence, English to Chinese (read-only: for the tests that check the Chinese). */
export function registeredSentences(): ReadonlyMap<string, string> {
  return REGISTERED;
}

/** The Chinese of a registered English sentence. */
export function registeredZh(message: string): string | undefined {
  return REGISTERED.get(message);
}

/** A message in the language asked for: its Chinese when it has one, else its English. */
export function inLocale(m: { message: string; zh?: string }, locale: Locale): string {
  if (locale !== 'zh-CN') return m.message;
  return m.zh ?? registeredZh(m.message) ?? m.message;
}

/** A message with values in it, in both languages: made where the problem is found, never registered (its English is never looked up). */
export function both(message: string, zh: string): Said {
  return { message, zh };
}
