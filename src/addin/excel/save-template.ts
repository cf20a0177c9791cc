/**
 * Save as template: the template the open report carries (its sections,
 * sheet titles, columns, widths and charts), in the report's language,
 * written as a template workbook, the workbook `plan-report template` writes
 * for the same template (the same core model, the same parts), to attach to an
 * email.
 */
import type { BuildOptions } from '../../core/layout/build';
import type { Template } from '../../core/template';
import { templateWorkbookModel } from '../../core/template/template-workbook';
import { packageTime } from '../../cli/xlsx/write/parts';
import { packageBytes } from '../xlsx/write-package';
import { readCarriedTemplate } from './carried';
import type { ExcelRun } from './report';
import { THIS_WORKBOOK } from './workbook';

/** The open workbook holds no report, so it carries no template to save. */
export class NoReport extends Error {
  constructor() {
    super('this workbook has no report (no "_plan_report" sheet), so it carries no template to save');
  }
}

export interface SavedTemplate {
  template: Template;
  /** The file name `plan-report template` gives it: the template's name. */
  file: string;
  bytes: Uint8Array;
}

/**
 * The open report's template as a template workbook. Refuses a workbook
 * without a report (NoReport), and a form, another version or a damaged record
 * (TemplateWorkbookError), as Build report does.
 */
export async function saveAsTemplate(run: ExcelRun, options: Pick<BuildOptions, 'generator' | 'generatedAt'>): Promise<SavedTemplate> {
  const carried = await readCarriedTemplate(run, THIS_WORKBOOK);
  if (!carried) throw new NoReport();
  if ('refused' in carried) throw carried.refused;
  const model = templateWorkbookModel(carried.template, carried.locale, options);
  const bytes = await packageBytes(model, packageTime(new Date(options.generatedAt)));
  return { template: carried.template, file: `${carried.template.name}.xlsx`, bytes };
}
