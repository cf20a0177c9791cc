/**
 * A template workbook: an empty report that carries its template, to share
 * by email (`plan-report template`, and the add-in's Save as template). Both
 * build it here, so that they write the same workbook.
 */
import { buildReport, type BuildOptions } from '../layout/build';
import type { Workbook } from '../layout/model';
import { FORMAT, type Locale, type ReportData } from '../schema';
import { localized, type Template } from './index';

/** The quarter of a time, as a period (`2026-Q4`). */
export function quarterOf(time: string): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The layout model of a template's empty report, titled by the template, of the quarter it is made in. */
export function templateWorkbookModel(template: Template, locale: Locale, options: Pick<BuildOptions, 'generator' | 'generatedAt'>): Workbook {
  const data: ReportData = {
    format: FORMAT,
    report: { title: localized(template.title, locale) ?? template.name, region: '-', period: quarterOf(options.generatedAt) },
    plans: [],
    catalogs: [],
    indicators: [],
  };
  return buildReport(template, data, locale, options);
}
