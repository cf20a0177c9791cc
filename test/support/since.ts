/** Reports made --since a previous one, for the tests: the previous report written and read back as generate --since reads it. */
import ExcelJS from 'exceljs';
import { buildReport } from '../../src/core/layout/build';
import type { Workbook } from '../../src/core/layout/model';
import { yearEarlier, period } from '../../src/core/periods';
import type { Locale, ReportData } from '../../src/core/schema';
import { readPrevious, type Previous } from '../../src/core/since/previous';
import type { Template } from '../../src/core/template';
import { exceljsGrid } from './exceljs/reader';
import { xlsxBytes } from './exceljs/xlsx-bytes';
import { OPTIONS, quarterly } from './fixtures';

/** The data a year earlier, a little different: its first measure not started, a catalog entry and an observation fewer. */
export function yearBefore(data: ReportData): ReportData {
  const prev = structuredClone(data);
  prev.report = { ...prev.report, period: yearEarlier(period(data.report.period)).text };
  delete prev.report.date;
  const first = prev.plans?.find((p) => p.measures.length)?.measures[0];
  if (first) Object.assign(first, { status: 'not-started', completed: undefined, progress: undefined });
  prev.catalogs?.find((c) => c.entries.length)?.entries.pop();
  prev.indicators?.find((i) => i.observations.length)?.observations.pop();
  return JSON.parse(JSON.stringify(prev)) as ReportData;
}

/** The previous report: `data` built, written by the reference writer and read back. */
export async function previousOf(data: ReportData, locale: Locale = 'en', template: Template = quarterly, history?: Previous): Promise<Previous> {
  const bytes = await xlsxBytes(buildReport(template, data, locale, { ...OPTIONS, previous: history }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return readPrevious(exceljsGrid(wb), 'previous.xlsx');
}

/** The report of `data` made since the same data a year before. */
export async function sinceModel(data: ReportData, locale: Locale = 'en', template: Template = quarterly): Promise<Workbook> {
  return buildReport(template, data, locale, { ...OPTIONS, previous: await previousOf(yearBefore(data), locale, template) });
}
