import { readStructured, type Syntax } from '../data-file/structured-text';
import { templateRules, templateSchema, type LocalizedText, type Template } from './schema';
import type { Locale } from '../schema';

export * from './schema';

/** Reads and validates a template's text; throws an InputError with every problem. */
export function readTemplate(text: string, file: string, syntax?: Syntax): Template {
  return readStructured(text, file, templateSchema, templateRules, syntax);
}

export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text['zh-CN'];
}

export function hasSection(t: Template, kind: Template['sections'][number]['section']): boolean {
  return t.sections.some((s) => s.section === kind);
}
