/** The titles of a form's columns: the report's words for the same fields, so that a form and a report read alike. */
import { labelsFor } from '../i18n';
import type { Locale } from '../schema';
import { FORM_COLUMNS, type FormKind } from './form';
import { formLabelsFor } from './labels';

function titlesOf(kind: FormKind, locale: Locale): Record<string, string> {
  const labels = labelsFor(locale);
  const formLabels = formLabelsFor(locale);
  const titles: Record<FormKind, Record<string, string>> = {
    measures: labels.measureFields,
    indicators: { ...labels.indicatorFields, ...labels.observationFields, lastPeriod: formLabels.lastPeriod, lastValue: formLabels.lastValue },
    catalog: { ...labels.entryFields, no: formLabels.entryNo },
  };
  return titles[kind];
}

/** Each kind's titles in each language, made once (the labels are constants): `form --all` asks once a form. */
const TITLES = new Map<string, readonly string[]>();

/** The titles of a form's columns, in order. */
export function columnTitles(kind: FormKind, locale: Locale): string[] {
  const key = `${kind} ${locale}`;
  let titles = TITLES.get(key);
  if (!titles) {
    const of = titlesOf(kind, locale);
    titles = FORM_COLUMNS[kind].map((c) => of[c.field]);
    TITLES.set(key, titles);
  }
  return [...titles];
}

/** The title of one field's column in a form of `kind` (the field itself when it has none). */
export function columnTitle(kind: FormKind, field: string, locale: Locale): string {
  return titlesOf(kind, locale)[field] ?? field;
}
