/**
 * The Dashboard's selector block end to end (issue 16): a report with more
 * indicators than charts is written with its dropdown cell set to one
 * indicator, then another; LibreOffice recalculates it on load, and the
 * selector's table and its chart's series are that indicator's observations,
 * latest last, a gap where an observation has no value. Each choice is also
 * made over Observations rows out of order (each indicator's rows newest
 * first), where the formulas take their slow path (SMALL and MATCH).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readData } from '../../src/core/data-file/read';
import { buildReport } from '../../src/core/layout/build';
import type { Sheet } from '../../src/core/layout/model';
import { labelsFor } from '../../src/core/i18n';
import type { Indicator, ReportData } from '../../src/core/schema';
import type { Template } from '../../src/core/template';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';
import { recalculate } from '../support/libreoffice';
import { OPTIONS, quarterly } from '../support/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-selector-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 8 indicators, the i-th with 3 + i quarterly observations up to 2025-Q3, every third one without a value. */
function indicators(): Indicator[] {
  return Array.from({ length: 8 }, (_, i) => {
    const count = 3 + i;
    const observations = Array.from({ length: count }, (_, k) => {
      const q = 2025 * 4 + 2 - (count - 1 - k);
      const p = `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
      return k % 3 === 2 ? { period: p, growth: 0.01 * k } : { period: p, value: 100 * (i + 1) + k * 1.5 };
    });
    return {
      id: `IND-${i + 1}`,
      name: i % 2 ? `指标 ${i + 1}` : `Indicator ${i + 1}`,
      region: 'Test',
      unit: 'units',
      kind: 'level',
      observations,
      ...(i % 2 ? {} : { target: { period: '2027', value: 1000 + i } }),
    } as Indicator;
  });
}

const base = readData(readFileSync(path.resolve(__dirname, '../../seeds/nanjing-2025-q1.yaml'), 'utf8'), 'nanjing') as ReportData;
const ordered: ReportData = { ...base, report: { ...base.report, period: '2025-Q3' }, indicators: indicators() };
const reversed: ReportData = { ...ordered, indicators: ordered.indicators!.map((ind) => ({ ...ind, observations: [...ind.observations].reverse() })) };
const template: Template = { ...quarterly, sections: quarterly.sections.map((s) => (s.section === 'dashboard' ? { ...s, charts: 2 } : s)) };
const labels = labelsFor('en').charts;

/** The dropdown cell's row: the one labelled as the selector's. */
const choiceRow = (sheet: Sheet) => sheet.rows.findIndex((r) => r.cells[0]?.v === labels.selectorLabel) + 1;

interface Case {
  name: string;
  data: ReportData;
  chosen: number;
}
const cases: Case[] = [3, 6].flatMap((chosen) => [
  { name: `ordered-${chosen}`, data: ordered, chosen },
  { name: `reversed-${chosen}`, data: reversed, chosen },
]);
const written: Record<string, { file: string; row: number }> = {};
let recalculated: string[] = [];

beforeAll(async () => {
  for (const c of cases) {
    const model = buildReport(template, c.data, 'en', OPTIONS);
    const sheet = model.sheets.find((s) => s.key === 'dashboard')!;
    const row = choiceRow(sheet);
    const ind = c.data.indicators![c.chosen];
    // The official's choice, written into the dropdown cell; the cached results are still the first choice's.
    sheet.rows[row - 1].cells[1] = { ...sheet.rows[row - 1].cells[1]!, v: `${ind.name} (${ind.id})` };
    const file = path.join(dir, `${c.name}.xlsx`);
    await streamWorkbook(model, file);
    written[c.name] = { file, row };
  }
  recalculated = await recalculate(
    cases.map((c) => written[c.name].file),
    path.join(dir, 'out'),
  );
}, 240_000);

/** The observations the selector must show, in period order. */
function expected(ind: Indicator): { period: string; value: number | null }[] {
  return [...ind.observations].sort((a, b) => (a.period < b.period ? -1 : 1)).map((o) => ({ period: o.period, value: o.value ?? null }));
}

const resultOf = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'formula' in v ? (v.result ?? null) : v);
const numberOrGap = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The selector chart's cached series after LibreOffice saved it: the one whose title is the selector's. */
async function selectorSeries(file: string): Promise<(number | null)[][]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes(labels.selectorChart)) continue;
    return [...xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) => {
      const out: (number | null)[] = Array(Number(/<c:ptCount val="(\d+)"/.exec(m[1])![1])).fill(null);
      for (const pt of m[1].matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(pt[1])] = Number(pt[2]);
      return out;
    });
  }
  throw new Error(`no selector chart in ${file}`);
}

describe('the Dashboard selector, recalculated by LibreOffice', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('shows the chosen indicator (%s)', async (_name, i) => {
    const c = cases[i];
    const ind = c.data.indicators![c.chosen];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated[i]);
    const ws = wb.getWorksheet('Dashboard')!;
    const first = written[c.name].row + 2;
    const want = expected(ind);
    const rows = 10; // the most observations any indicator has
    const got = Array.from({ length: rows }, (_, k) => ({
      period: String(resultOf(ws.getCell(first + k, 1).value) ?? ''),
      value: numberOrGap(resultOf(ws.getCell(first + k, 2).value)),
    }));
    expect(got).toEqual([...want, ...Array.from({ length: rows - want.length }, () => ({ period: '', value: null }))]);
    const target = Array.from({ length: want.length }, (_, k) => numberOrGap(resultOf(ws.getCell(first + k, 3).value)));
    expect(target).toEqual(want.map(() => ind.target?.value ?? null));
    // The chart LibreOffice saved reads the same cells.
    const [values, targets] = await selectorSeries(recalculated[i]);
    expect(values.slice(0, want.length)).toEqual(want.map((w) => w.value));
    expect(targets.slice(0, want.length)).toEqual(want.map(() => ind.target?.value ?? null));
  });
});
