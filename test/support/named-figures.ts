/**
 * Named figures: what the core says each workbook name must hold, and what a
 * workbook file actually holds under each name.
 */
import ExcelJS from 'exceljs';
import { reportDate } from '../../src/core/report-defaults';
import { reportFigures } from '../../src/core/figures';
import { dateToSerial } from '../../src/core/periods';
import { nameKey } from '../../src/core/rules';
import type { ReportData } from '../../src/core/schema';

/** A figure's value: a number, or null for a blank. Dates are serial numbers. */
export type FigureValue = number | null;

/** Every name of workbook.md with the core's value, for the parts of the data a template shows. */
export function expectedFigures(data: ReportData, parts = { plans: true, catalogs: true, indicators: true }): Map<string, FigureValue> {
  const f = reportFigures(data);
  const out = new Map<string, FigureValue>();
  out.set('Report_Date', dateToSerial(reportDate(data)));
  if (parts.plans) {
    (data.plans ?? []).forEach((p, i) => {
      const K = `Plan_${nameKey(p.id)}`;
      const pf = f.plans[i];
      out.set(`${K}_Measures`, pf.measures);
      out.set(`${K}_Completed`, pf.completed);
      out.set(`${K}_CompletionRate`, pf.completionRate);
      out.set(`${K}_Overdue`, pf.overdue);
      out.set(`${K}_CompletedInPeriod`, pf.completedInPeriod);
      out.set(`${K}_DueNext`, pf.dueNext);
      pf.groups.forEach((g, n) => {
        out.set(`${K}_Group${n + 1}_Measures`, g.measures);
        out.set(`${K}_Group${n + 1}_Completed`, g.completed);
        out.set(`${K}_Group${n + 1}_CompletionRate`, g.completionRate);
      });
    });
  }
  if (parts.catalogs) {
    (data.catalogs ?? []).forEach((c, i) => {
      const K = `Catalog_${nameKey(c.id)}`;
      const cf = f.catalogs[i];
      out.set(`${K}_Products`, cf.products);
      out.set(`${K}_Enterprises`, cf.enterprises);
      out.set(`${K}_Adopted`, cf.adopted);
      out.set(`${K}_AdoptionRate`, cf.adoptionRate);
    });
  }
  if (parts.indicators) {
    (data.indicators ?? []).forEach((ind, i) => {
      const K = `Indicator_${nameKey(ind.id)}`;
      const v = f.indicators[i];
      out.set(`${K}_Latest`, v.latest);
      out.set(`${K}_Growth`, v.growth);
      out.set(`${K}_Progress`, v.progress);
      out.set(`${K}_CAGR`, v.cagr);
      out.set(`${K}_RequiredCAGR`, v.requiredCagr);
    });
  }
  return out;
}

export interface NamedCell {
  sheet: string;
  address: string;
  formula?: string;
  value: FigureValue | string;
}

function toFigure(v: unknown): FigureValue | string {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return Math.round(v.getTime() / 86400000 + 25569);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'object' && v && 'error' in v) return `#ERROR ${(v as { error: string }).error}`;
  return String(v);
}

/** Every defined name of a workbook, resolved to its single cell and the value (cached result) there. */
export function namedCells(wb: ExcelJS.Workbook): Map<string, NamedCell> {
  const out = new Map<string, NamedCell>();
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of model) {
    if (name.startsWith('_xlnm.')) continue; // built-in names: filter ranges, print titles
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ranges[0] ?? '');
    if (!m) throw new Error(`name ${name} is not a single cell: ${ranges.join(' ')}`);
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const address = `${m[3]}${m[4]}`;
    const cell = wb.getWorksheet(sheet)?.getCell(address);
    if (!cell) throw new Error(`name ${name} points at a missing sheet ${sheet}`);
    const formula = cell.formula || undefined;
    out.set(name, { sheet, address, formula, value: toFigure(formula ? cell.result : cell.value) });
  }
  return out;
}

export async function readNamedCells(file: string): Promise<Map<string, NamedCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return namedCells(wb);
}

/** Equal within the 15 significant digits a spreadsheet engine keeps. */
export function sameFigure(actual: FigureValue | string, expected: FigureValue): boolean {
  if (expected === null || actual === null) return actual === expected;
  if (typeof actual !== 'number') return false;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** The names whose values differ, as readable lines (empty when all agree). */
export function figureDifferences(actual: Map<string, NamedCell>, expected: Map<string, FigureValue>): string[] {
  const diffs: string[] = [];
  for (const [name, want] of expected) {
    const got = actual.get(name);
    if (!got) diffs.push(`${name}: missing (expected ${want})`);
    else if (!sameFigure(got.value, want)) diffs.push(`${name} (${got.sheet}!${got.address}): got ${got.value}, expected ${want}`);
  }
  return diffs;
}
