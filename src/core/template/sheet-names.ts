/**
 * The sheet names a template gives, in each language: a title given, or the
 * section's default title. Excel compares sheet names ignoring case, so two
 * sheets whose names differ only in case cannot both be written; nor can a
 * title that is one of the hidden sheets' names.
 */
import { labelsFor } from '../i18n';
import type { SheetKey } from '../i18n/labels';
import { pathWordsZh } from '../messages/place';
import { formatPath, type Path, type Problem } from '../rules';
import { LOCALES, type Locale } from '../schema';
import type { LocalizedText, Template } from './schema';

/** The hidden sheets every report has: `_figures` (layout/figure-codes.ts) and `_plan_report` (record/report-record.ts). */
export const HIDDEN_SHEETS = ['_figures', '_plan_report'] as const;

interface Named {
  name: string;
  /** Where the template gives the name; none for a default title. */
  path?: Path;
  key: SheetKey;
}

/** The name a title gives in `locale` and where it is given (as localized() picks it), or undefined without a title. */
function given(title: LocalizedText | undefined, locale: Locale, at: Path): { name: string; path: Path } | undefined {
  if (title === undefined) return undefined;
  if (typeof title === 'string') return { name: title, path: at };
  const lang = title[locale] !== undefined ? locale : title.en !== undefined ? 'en' : 'zh-CN';
  const name = title[lang];
  return name === undefined ? undefined : { name, path: [...at, lang] };
}

/** The report's visible sheets in `locale`, in the template's order. */
function sheetsOf(t: Template, locale: Locale): Named[] {
  const defaults = labelsFor(locale).sheets;
  const out: Named[] = [];
  t.sections.forEach((s, i) => {
    out.push({ key: s.section, name: defaults[s.section], ...given(s.title, locale, ['sections', i, 'title']) });
    if (s.section === 'indicators') {
      out.push({ key: 'observations', name: defaults.observations, ...given(s.observationsTitle, locale, ['sections', i, 'observationsTitle']) });
    }
  });
  return out;
}

function describe(n: Named, locale: Locale): string {
  return n.path ? `the title at ${formatPath(n.path)}` : `the default title of the ${n.key} sheet in ${locale} ("${n.name}")`;
}

function describeZh(n: Named, locale: Locale): string {
  return n.path
    ? `${pathWordsZh(formatPath(n.path))}`
    : `${locale === 'en' ? '英文' : '中文'}“${labelsFor('zh-CN').sheets[n.key]}”工作表的默认标题（“${n.name}”）`;
}

/** Two sheets of one name, ignoring case, in any language, or a sheet named as a hidden one: located at the title given. */
export function sheetNameCollisions(t: Template): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const report = (path: Path, message: string, zh: string) => {
    const key = `${formatPath(path)}|${message}`;
    if (!reported.has(key)) problems.push({ path, message, zh });
    reported.add(key);
  };
  for (const locale of LOCALES) {
    const taken = new Map<string, Named>();
    for (const sheet of sheetsOf(t, locale)) {
      const lower = sheet.name.toLowerCase();
      const hidden = HIDDEN_SHEETS.find((h) => h === lower);
      if (hidden && sheet.path) {
        report(
          sheet.path,
          `sheet title "${sheet.name}" is the name of the hidden sheet "${hidden}"; expected another sheet title`,
          `工作表标题“${sheet.name}”与隐藏工作表“${hidden}”同名；请换一个工作表标题`,
        );
        continue;
      }
      const other = taken.get(lower);
      if (!other) taken.set(lower, sheet);
      else if (sheet.path || other.path) {
        const [at, with_] = sheet.path ? [sheet, other] : [other, sheet];
        report(
          at.path!,
          `sheet title "${at.name}" is also ${describe(with_, locale)}; expected sheet titles that differ (ignoring case)`,
          `工作表标题“${at.name}”与${describeZh(with_, locale)}相同；各工作表标题应互不相同（不区分大小写）`,
        );
      }
    }
  }
  return problems;
}
