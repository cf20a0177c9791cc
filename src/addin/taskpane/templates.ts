/**
 * The built-in templates (templates/*.yaml), bundled as source text by
 * webpack (`asset/source`) and read with the core's template reader.
 */
import { localized, readTemplate, type Template } from '../../core/template';
import { DEFAULT_TEMPLATE } from '../../core/template/default';
import type { UiLocale } from './i18n';

declare const require: {
  context(dir: string, deep: boolean, filter: RegExp): { keys(): string[]; (id: string): unknown };
};

export interface BuiltIn {
  name: string;
  template: Template;
}

function load(): BuiltIn[] {
  const files = require.context('../../../templates', false, /\.ya?ml$/);
  const byName = new Map<string, BuiltIn>();
  for (const key of files.keys()) {
    const name = key.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (byName.has(name)) continue;
    const mod = files(key);
    const text = typeof mod === 'string' ? mod : (mod as { default: string }).default;
    byName.set(name, { name, template: readTemplate(text, `templates/${name}.yaml`) });
  }
  return [...byName.values()].sort((a, b) => (a.name === DEFAULT_TEMPLATE ? -1 : b.name === DEFAULT_TEMPLATE ? 1 : a.name.localeCompare(b.name)));
}

export const BUILT_IN: BuiltIn[] = load();

/** A template's title in the pane's language, else its name. */
export function templateLabel(t: BuiltIn, locale: UiLocale): string {
  const title = localized(t.template.title, locale);
  return title ? `${title} (${t.name})` : t.name;
}
