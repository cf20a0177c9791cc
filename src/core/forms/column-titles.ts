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

/** The titles of a form's columns, in order. */
export function columnTitles(kind: FormKind, locale: Locale): string[] {
  const titles = titlesOf(kind, locale);
  return FORM_COLUMNS[kind].map((c) => titles[c.field]);
}

/** The title of one field's column in a form of `kind` (the field itself when it has none). */
export function columnTitle(kind: FormKind, field: string, locale: Locale): string {
  return titlesOf(kind, locale)[field] ?? field;
}
