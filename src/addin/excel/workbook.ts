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
import { readReportRecord, type ReportRecord } from '../../core/record/report-record';
import type { GridValue, GridWorkbook } from '../../core/read/grid';
import { readReportWorkbook } from '../../core/read/report-reader';
import { parseCellRef } from '../../core/layout/refs';
import type { Locale, ReportData } from '../../core/schema';
import { ALL_FEATURES, type Features } from './capabilities';
import { writeCharts } from './charts';
import { loadReportGrid, NoReportHere } from './read-grid';
import type { ExcelRun } from './report';

/** The name problems carry for the open workbook. */
export const THIS_WORKBOOK = 'workbook';

/** Reads the report's data back; throws an InputError listing every problem with its sheet and cell. */
export async function readWorkbookData(run: ExcelRun): Promise<ReportData> {
  return run(async (context) => readReportWorkbook((await loadReportGrid(context, THIS_WORKBOOK)).grid, THIS_WORKBOOK));
}

/**
 * What the pane needs to say a problem in the words of the sheet: the title
 * of the column a cell is in (a data sheet's header; on the Summary, the
 * label beside it), the cell's value, and the language of the report.
 */
export interface ProblemCells {
  locale: Locale;
  title(place: string): string | undefined;
  value(place: string): GridValue;
}

export type CheckResult =
  | { ok: true; data: ReportData }
  /** The workbook has no report to check. */
  | { ok: false; noReport: true }
  | { ok: false; problems: Located[]; cells?: ProblemCells };

function problemCells(grid: GridWorkbook, record: ReportRecord): ProblemCells {
  const summary = record.sheets.summary?.name.toLowerCase();
  const at = (place: string) => {
    const p = splitPlace(place);
    const sheet = p && grid.sheet(p.sheet);
    if (!p || !sheet || !/^[A-Z]{1,3}[0-9]+$/.test(p.cell)) return undefined;
    return { sheet, ...parseCellRef(p.cell) };
  };
  const text = (v: GridValue) => (v === null || typeof v === 'object' ? undefined : String(v).trim() || undefined);
  return {
    locale: record.locale,
    title(place) {
      const c = at(place);
      if (!c) return undefined;
      return text(c.sheet.name.toLowerCase() === summary ? c.sheet.cell(c.row, 1) : c.sheet.cell(1, c.col));
    },
    value(place) {
      const c = at(place);
      return c ? c.sheet.cell(c.row, c.col) : null;
    },
  };
}

/** Reads the report back and lists every problem at once, with what the pane needs to name its cell and column. */
export async function checkWorkbook(run: ExcelRun): Promise<CheckResult> {
  return run(async (context) => {
    let grid: GridWorkbook;
    try {
      grid = (await loadReportGrid(context, THIS_WORKBOOK)).grid;
    } catch (err) {
      if (err instanceof NoReportHere) return { ok: false, noReport: true };
      if (err instanceof InputError) return { ok: false, problems: err.problems };
      throw err;
    }
    try {
      return { ok: true, data: readReportWorkbook(grid, THIS_WORKBOOK) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      let cells: ProblemCells | undefined;
      try {
        cells = problemCells(grid, readReportRecord(grid, THIS_WORKBOOK));
      } catch {
        cells = undefined;
      }
      return { ok: false, problems: err.problems, cells };
    }
  });
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
  if (i <= 0) return undefined;
  const sheet = place.slice(0, i);
  // A ledger's problems quote a sheet name that is not a plain word: 'My ledger'!B4.
  const quoted = /^'(.*)'$/.exec(sheet);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : sheet, cell: place.slice(i + 1) };
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
