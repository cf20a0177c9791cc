/**
 * A data sheet's columns as a template asks for them: the listed fields in
 * order with their titles and widths, then every field the template left out,
 * hidden, so that no data is lost and every figure's formula still finds it.
 */
import type { Locale } from '../schema';
import { localized, type ColumnSpec } from '../template';
import { columnLetter } from './refs';

export interface ResolvedColumn<F extends string> {
  field: F;
  title: string;
  width: number;
  hidden: boolean;
}

export interface ResolvedColumns<F extends string> {
  list: ResolvedColumn<F>[];
  /** 1-based column number of a field. */
  index(field: F): number;
  letter(field: F): string;
}

export function resolveColumns<F extends string>(
  specs: readonly ColumnSpec<F>[] | undefined,
  all: readonly F[],
  titles: Record<F, string>,
  widths: Partial<Record<F, number>>,
  locale: Locale,
): ResolvedColumns<F> {
  const given = specs ?? all;
  const list: ResolvedColumn<F>[] = given.map((spec) => {
    const s = typeof spec === 'string' ? { field: spec } : spec;
    return {
      field: s.field,
      title: localized(s.title, locale) ?? titles[s.field],
      width: s.width ?? widths[s.field] ?? 14,
      hidden: s.hidden ?? false,
    };
  });
  for (const field of all) {
    if (!list.some((c) => c.field === field)) list.push({ field, title: titles[field], width: widths[field] ?? 14, hidden: true });
  }
  const at = new Map(list.map((c, i) => [c.field, i + 1]));
  return {
    list,
    index: (field) => at.get(field)!,
    letter: (field) => columnLetter(at.get(field)!),
  };
}
