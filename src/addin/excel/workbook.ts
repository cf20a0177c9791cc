/// <reference types="office-js" />
/**
 * What the task pane does with the report in the open workbook besides
 * building it: check it, export its data, select a problem's cell, and
 * (re)insert its charts. Reading goes through the core's reader, as
 * `plan-report extract` does.
 */
import { reportBaseName } from '../../core/data-file/names';
import { dataText } from '../../core/data-file/write';
import { InputError, type Located } from '../../core/errors';
import { buildReport } from '../../core/layout/build';
import { readReportRecord } from '../../core/record/report-record';
import { readReportWorkbook } from '../../core/read/report-reader';
import type { ReportData } from '../../core/schema';
import { ALL_FEATURES, type Features } from './capabilities';
import { writeCharts } from './charts';
import { loadReportGrid } from './read-grid';
import type { ExcelRun } from './report';

/** The name problems carry for the open workbook. */
export const THIS_WORKBOOK = 'workbook';

/** Reads the report's data back; throws an InputError listing every problem with its sheet and cell. */
export async function readWorkbookData(run: ExcelRun): Promise<ReportData> {
  return run(async (context) => readReportWorkbook((await loadReportGrid(context, THIS_WORKBOOK)).grid, THIS_WORKBOOK));
}

export type CheckResult = { ok: true; data: ReportData } | { ok: false; problems: Located[] };

export async function checkWorkbook(run: ExcelRun): Promise<CheckResult> {
  try {
    return { ok: true, data: await readWorkbookData(run) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problems: err.problems };
    throw err;
  }
}

/** A data file's YAML, as `plan-report extract` writes it. */
export function dataFileText(data: ReportData): string {
  return dataText(data, 'yaml');
}

/** `Beijing-2022-Q3.yaml`, as the command line names files. */
export function dataFileName(data: ReportData): string {
  return `${reportBaseName(data)}.yaml`;
}

/** Splits a problem's place, `Sheet name!G5` (sheet names may hold "!"). */
export function splitPlace(place: string): { sheet: string; cell: string } | undefined {
  const i = place.lastIndexOf('!');
  return i > 0 ? { sheet: place.slice(0, i), cell: place.slice(i + 1) } : undefined;
}

/** Selects a problem's cell (its sheet becomes the active one). */
export async function selectCell(run: ExcelRun, place: string): Promise<void> {
  const p = splitPlace(place);
  if (!p) return;
  await run(async (context) => {
    context.workbook.worksheets.getItem(p.sheet).getRange(p.cell).select();
    await context.sync();
  });
}

/**
 * (Re)inserts the report's charts: the model is built again from the data
 * read back, with the template and language the workbook records, and the
 * charts of the report's sheets are replaced by the model's. Returns how many
 * charts the report now has. On failure the old charts stay.
 */
export async function insertCharts(run: ExcelRun, generator: string, features: Features = ALL_FEATURES): Promise<number> {
  const { model, oldIds } = await run(async (context) => {
    const { grid } = await loadReportGrid(context, THIS_WORKBOOK);
    const data = readReportWorkbook(grid, THIS_WORKBOOK);
    const record = readReportRecord(grid, THIS_WORKBOOK);
    const model = buildReport(record.template, data, record.locale, { generator, generatedAt: new Date().toISOString() });
    const sheets = model.sheets.filter((s) => s.charts?.length);
    const collections = sheets.map((s) => context.workbook.worksheets.getItem(s.name).charts.load('items/id'));
    await context.sync();
    return { model: { ...model, sheets }, oldIds: collections.map((c) => c.items.map((i) => i.id)) };
  });
  try {
    await run(async (context) => {
      model.sheets.forEach((sheet, i) => {
        const ws = context.workbook.worksheets.getItem(sheet.name);
        writeCharts(context, ws, sheet, features);
        for (const id of oldIds[i]) ws.charts.getItem(id).delete();
      });
      await context.sync();
    });
  } catch (err) {
    // Take the new charts away again (or, if the old ones were already going, finish removing them).
    await run(async (context) => {
      const now = model.sheets.map((s) => context.workbook.worksheets.getItem(s.name).charts.load('items/id'));
      await context.sync();
      now.forEach((c, i) => {
        const ids = new Set(c.items.map((x) => x.id));
        const oldLeft = oldIds[i].every((id) => ids.has(id));
        for (const chart of c.items) if (oldLeft !== oldIds[i].includes(chart.id)) chart.delete();
      });
      await context.sync();
    });
    throw err;
  }
  return model.sheets.reduce((n, s) => n + (s.charts?.filter((c) => c.series.length).length ?? 0), 0);
}
