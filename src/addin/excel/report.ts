/// <reference types="office-js" />
/**
 * Building a report into the open workbook, as one transaction as far as
 * Excel allows: an existing plan-report report (the sheets its `_plan_report`
 * sheet lists, and its names) is renamed out of the way, the new report is
 * written in a fixed number of batches, and only then are the old sheets
 * deleted. A failure before that point puts everything back as it was; sheets
 * and names that are not the report's are never touched.
 */
import { parseReportRecord, REPORT_RECORD_SHEET } from '../../core/record/report-record';
import type { Sheet, Workbook } from '../../core/layout/model';
import { probeDynamicArrays } from './array-formulas';
import { ALL_FEATURES, type Features } from './capabilities';
import { writeCharts } from './charts';
import { askDateSystem } from './date-system';
import { materialize } from '../../core/layout/rows';
import { cellBlock, sheetNameProblem, writeCells, writeFormats, writeMerges, writeRules, writeStructure, type CellBlock } from './write-model';

/** `Excel.run`, or the fake host's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type Phase = 'inspect' | 'sheets' | 'cells' | 'formats' | 'rules' | 'finish' | 'cleanup' | 'undo';
export type Progress = (phase: Phase, step: number, total: number) => void;

/** The workbook cannot take the report without touching what is not the report's. */
export class WorkbookConflict extends Error {
  constructor(
    readonly kind: 'sheet' | 'name' | 'sheetName' | 'meta',
    readonly items: string[],
    detail = '',
  ) {
    super(
      kind === 'sheet'
        ? `the workbook has sheets that are not part of a plan-report report but have the names the report needs: ${items.join(', ')}; rename them, or build the report in another workbook`
        : kind === 'name'
          ? `the workbook has names that are not the report's but that the report needs: ${items.join(', ')}; delete or rename them (Formulas > Name Manager)`
          : kind === 'sheetName'
            ? `the template gives sheet names that Excel does not allow: ${items.join(', ')} (${detail})`
            : `the workbook's "${REPORT_RECORD_SHEET}" sheet cannot be read (${detail}); delete it to build a new report here`,
    );
    this.name = 'WorkbookConflict';
  }
}

/** Thrown when the report could not be written and the workbook could not be put back exactly. */
export class UndoFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly undoError: unknown,
  ) {
    super(`${(cause as Error)?.message ?? String(cause)}; undoing the partial report also failed: ${(undoError as Error)?.message ?? String(undoError)}`);
    this.name = 'UndoFailed';
  }
}

interface SheetInfo {
  id: string;
  name: string;
  position: number;
}

interface NameInfo {
  name: string;
  formula: string;
  comment: string;
}

export interface Existing {
  sheets: SheetInfo[];
  names: NameInfo[];
  /** The sheets of the report already in the workbook (its record sheet included). */
  reportSheets: SheetInfo[];
  /** The workbook counts dates from 1904 (date-system.ts): dates are written as its serials. */
  date1904?: boolean;
}

/** How a build puts the new report in place of the one already in the workbook, and how to undo it. */
export interface BuildPlan {
  existing: Existing;
  /** Old report sheet id -> the temporary name it is moved to. */
  moves: Map<string, string>;
  /** Names of the old report, deleted (and put back on failure). */
  oldNames: NameInfo[];
  /** Where the new report's sheets go. */
  position: number;
}

const lower = (s: string) => s.toLowerCase();

/** The sheet a name's formula refers to (`=Summary!$B$7`, `='My sheet'!$B$7`), if any. */
export function nameSheet(formula: string): string | undefined {
  const f = formula.replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'"(),]+)!/.exec(f);
  return plain?.[1];
}

/** Syncs 1-2: the workbook's sheets, names and date system, and the record of a report already in it. */
export async function inspect(context: Excel.RequestContext, sync = () => context.sync()): Promise<Existing> {
  const sheets = context.workbook.worksheets.load('items/name,items/id,items/position');
  const names = context.workbook.names.load('items/name,items/formula,items/comment');
  const date1904 = askDateSystem(context);
  await sync();
  const info: SheetInfo[] = sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position }));
  const existing: Existing = {
    sheets: info,
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? '' })),
    reportSheets: [],
    date1904: date1904(),
  };
  const recordSheet = info.find((s) => lower(s.name) === lower(REPORT_RECORD_SHEET));
  if (!recordSheet) return existing;
  const used = context.workbook.worksheets.getItem(recordSheet.id).getUsedRangeOrNullObject(true).load('values');
  await sync();
  let sheetNames: string[];
  try {
    const rows = used.isNullObject ? [] : used.values.map((row) => row.map((v) => (v === '' || v === null ? undefined : String(v))));
    sheetNames = Object.values(parseReportRecord(rows).sheets).map((s) => s.name);
  } catch (err) {
    throw new WorkbookConflict('meta', [REPORT_RECORD_SHEET], (err as Error).message);
  }
  const wanted = new Set([...sheetNames, REPORT_RECORD_SHEET].map(lower));
  existing.reportSheets = info.filter((s) => wanted.has(lower(s.name)));
  return existing;
}

/** Decides what moves where, refusing (before anything is touched) what would harm sheets or names that are not the report's. */
export function planBuild(existing: Existing, model: Workbook): BuildPlan {
  const bad = model.sheets.map((s) => ({ name: s.name, problem: sheetNameProblem(s.name) })).filter((x) => x.problem);
  if (bad.length)
    throw new WorkbookConflict(
      'sheetName',
      bad.map((b) => b.name),
      bad[0].problem,
    );
  const reportIds = new Set(existing.reportSheets.map((s) => s.id));
  const foreign = existing.sheets.filter((s) => !reportIds.has(s.id));
  const foreignNames = new Set(foreign.map((s) => lower(s.name)));
  const clash = model.sheets.filter((s) => foreignNames.has(lower(s.name))).map((s) => s.name);
  if (clash.length) throw new WorkbookConflict('sheet', clash);

  const reportNames = new Set(existing.reportSheets.map((s) => lower(s.name)));
  const modelNames = new Set(model.names.map((n) => lower(n.name)));
  const oldNames: NameInfo[] = [];
  const nameClash: string[] = [];
  for (const n of existing.names) {
    const sheet = nameSheet(n.formula);
    const ours = sheet !== undefined && reportNames.has(lower(sheet));
    const broken = /^=#REF!/.test(n.formula);
    if (ours || (broken && modelNames.has(lower(n.name)))) oldNames.push(n);
    else if (modelNames.has(lower(n.name))) nameClash.push(n.name);
  }
  if (nameClash.length) throw new WorkbookConflict('name', nameClash);

  const taken = new Set([...existing.sheets.map((s) => lower(s.name)), ...model.sheets.map((s) => lower(s.name))]);
  const moves = new Map<string, string>();
  let k = 1;
  for (const s of existing.reportSheets) {
    let temp: string;
    do temp = `_plan_report_old_${k++}`;
    while (taken.has(lower(temp)));
    taken.add(lower(temp));
    moves.set(s.id, temp);
  }
  const position = existing.reportSheets.length ? Math.min(...existing.reportSheets.map((s) => s.position)) : existing.sheets.length;
  return { existing, moves, oldNames, position };
}

/** The largest request the writer sends in one sync (Excel on the web refuses requests over 5 MB). */
export const REQUEST_BUDGET = 4_000_000;

const utf8Length = (s: string) => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
};

/** A sheet's cell block in bands of rows that each fit the request budget, with their sizes. */
function cellBands(sheet: Sheet, budget: number, date1904: boolean): { block: CellBlock; bytes: number }[] {
  const block = cellBlock(sheet, date1904);
  if (!block) return [];
  const bands: { block: CellBlock; bytes: number }[] = [];
  let first = 0;
  let bytes = 0;
  const cut = (end: number) =>
    bands.push({ block: { firstRow: first + 1, inputs: block.inputs.slice(first, end), formats: block.formats.slice(first, end) }, bytes });
  block.inputs.forEach((row, i) => {
    const b = utf8Length(JSON.stringify(row)) + utf8Length(JSON.stringify(block.formats[i]));
    if (bytes && bytes + b > budget) {
      cut(i);
      first = i;
      bytes = 0;
    }
    bytes += b;
  });
  cut(block.inputs.length);
  return bands;
}

export interface BuildResult {
  /** `context.sync()` calls the build made. */
  syncs: number;
  replaced: boolean;
}

/**
 * Every added sheet's cells and merges, in requests of at most `budget`
 * bytes (a sheet's cells split into bands of rows), each sent by `sync`;
 * dates as serials of the workbook's date system.
 */
async function writeAllCells(
  added: { sheet: Sheet; ws: Excel.Worksheet }[],
  forThisExcel: (sheet: Sheet) => Sheet,
  budget: number,
  sync: () => Promise<void>,
  date1904: boolean,
): Promise<void> {
  let queued = 0;
  for (const { sheet, ws } of added) {
    for (const band of cellBands(forThisExcel(sheet), budget, date1904)) {
      if (queued && queued + band.bytes > budget) {
        await sync();
        queued = 0;
      }
      writeCells(ws, band.block);
      queued += band.bytes;
    }
    writeMerges(ws, sheet);
  }
  await sync();
}

/**
 * Writes the layout model into the workbook, replacing the report already in
 * it, with the features this Excel has (capabilities.ts; the figures are
 * the same on every Excel, array-formulas.ts). On failure the workbook is put
 * back as it was and the error rethrown; only if the very last step (deleting the old report's sheets) fails part
 * way is that finished instead, the new report being complete.
 */
export async function buildReportInWorkbook(
  run: ExcelRun,
  lazyModel: Workbook,
  progress: Progress = () => {},
  budget = REQUEST_BUDGET,
  features: Features = ALL_FEATURES,
): Promise<BuildResult> {
  // Office.js takes each sheet's cells as one block: the rows are needed at once.
  const model: Workbook = { ...lazyModel, sheets: lazyModel.sheets.map(materialize) };
  let plan: BuildPlan | undefined;
  let deleting = false;
  let syncs = 0;
  const total = 6;
  try {
    await run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      progress('inspect', 0, total);
      const existing = await inspect(context, sync);
      plan = planBuild(existing, model);
      const p = plan;
      const sheets = context.workbook.worksheets;

      progress('sheets', 1, total);
      for (const [id, temp] of p.moves) sheets.getItem(id).name = temp;
      for (const n of p.oldNames) context.workbook.names.getItem(n.name).delete();
      const added = model.sheets.map((s) => ({ sheet: s, ws: sheets.add(s.name) }));
      for (const { sheet, ws } of added) writeStructure(ws, sheet, features);
      for (const n of model.names) context.workbook.names.add(n.name, sheets.getItem(n.sheet).getRange(n.cell));
      const forThisExcel = probeDynamicArrays(added);
      await sync();

      progress('cells', 2, total);
      await writeAllCells(added, forThisExcel, budget, sync, existing.date1904 ?? false);

      progress('formats', 3, total);
      for (const { sheet, ws } of added) writeFormats(ws, sheet, features);
      await sync();

      progress('rules', 4, total);
      for (const { sheet, ws } of added) {
        writeRules(ws, sheet, features);
        writeCharts(context, ws, sheet, features);
      }
      await sync();

      progress('finish', 5, total);
      if (p.moves.size) added.forEach(({ ws }, i) => (ws.position = p.position + i));
      for (const { sheet, ws } of added) if (sheet.state !== 'visible') ws.visibility = sheet.state === 'veryHidden' ? 'VeryHidden' : 'Hidden';
      const first = added.find(({ sheet }) => sheet.state === 'visible');
      if (first) first.ws.activate();
      await sync();

      if (p.moves.size) {
        deleting = true;
        progress('cleanup', 6, total);
        for (const id of p.moves.keys()) sheets.getItem(id).delete();
        await sync();
      }
    });
  } catch (err) {
    if (!plan) throw err;
    await recover(run, err, plan, deleting, model, () => progress('undo', total, total));
    return { syncs, replaced: true };
  }
  progress('finish', total, total);
  return { syncs, replaced: plan!.moves.size > 0 };
}

/**
 * After a build failed with `err`: once the old sheets were being deleted
 * (`deleting`), the new report is complete and their deletion is finished
 * (the build then succeeded); before that, the workbook is put back as the
 * plan found it and `err` rethrown. Throws UndoFailed when that fails too.
 */
async function recover(run: ExcelRun, err: unknown, plan: BuildPlan, deleting: boolean, model: Workbook, undoing: () => void): Promise<void> {
  if (deleting) {
    try {
      await run((context) => deleteMoved(context, plan));
    } catch (againError) {
      throw new UndoFailed(err, againError);
    }
    return;
  }
  undoing();
  try {
    await run((context) => undo(context, plan, model));
  } catch (undoError) {
    throw new UndoFailed(err, undoError);
  }
  throw err;
}

/** Finishes a replacement whose deletion of the old sheets failed part way: the new report is complete. */
async function deleteMoved(context: Excel.RequestContext, plan: BuildPlan): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/id');
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.id));
  for (const id of plan.moves.keys()) if (present.has(id)) context.workbook.worksheets.getItem(id).delete();
  await context.sync();
}

/** Puts the workbook back as the plan found it: new sheets and names gone, old ones back under their names. */
export async function undo(context: Excel.RequestContext, plan: BuildPlan, model: Workbook): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/id,items/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();
  const before = new Map(plan.existing.sheets.map((s) => [s.id, s]));
  // Every name the report owns goes (the new ones, and old ones still there), then the old ones come back as they were.
  const owned = new Set([...model.names, ...plan.oldNames].map((n) => lower(n.name)));
  for (const n of names.items) if (owned.has(lower(n.name))) n.delete();
  for (const s of sheets.items) if (!before.has(s.id)) s.delete();
  for (const s of sheets.items) {
    const was = before.get(s.id);
    if (was && s.name !== was.name) s.name = was.name;
  }
  for (const n of plan.oldNames) context.workbook.names.add(n.name, n.formula, n.comment || undefined);
  await context.sync();
}
