/**
 * End to end, the quarterly cycle of issue 13: four quarters of one office.
 * Each quarter the data file moves to the next period, a form is made for the
 * plan, filled with random changes (fast-check), collected, and the quarter's
 * report generated --since the last one. The Changes sheet lists exactly the
 * changes the test made (by its own diff), the previous values are the
 * previous workbook's figures, the trend has one point per quarter; after a
 * LibreOffice recalculation every named figure and every change equals the
 * core's, and editing one status moves its change. A previous report
 * re-saved by LibreOffice still works as --since.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readData } from '../../src/core/data-file/read';
import { period, periodStart } from '../../src/core/periods';
import type { Measure, ReportData } from '../../src/core/schema';
import { cli, ROOT } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { expectedFigures, figureDifferences, readNamedCells } from '../support/named-figures';

const QUARTERS = ['2022-Q4', '2023-Q1', '2023-Q2'];
const PLAN = 'BJ-OPEN-2022';
const FORM_FIRST_ROW = 8;
const COL = { id: 2, status: 6, completed: 7, progress: 8 } as const;

let dir: string;
const data = () => path.join(dir, 'data.yaml');
const read = (): ReportData => readData(fs.readFileSync(data(), 'utf8'), data());

/** What the test changes in one measure through the form. */
interface Edit {
  row: number;
  status: 'completed' | 'delayed' | 'in-progress';
  progress: number;
}

/** Random edits of some open measures (rows of the form), from a fixed seed per quarter. */
function editsFor(open: number[], q: number): Edit[] {
  const arb = fc.uniqueArray(
    fc.record({
      row: fc.constantFrom(...open),
      status: fc.constantFrom<Edit['status']>('completed', 'delayed', 'in-progress'),
      progress: fc.integer({ min: 1, max: 9 }).map((n) => n / 10),
    }),
    { minLength: 2, maxLength: 6, selector: (e) => e.row },
  );
  return fc.sample(arb, { numRuns: 1, seed: 2026 + q })[0];
}

/** The test's own diff: (measure id, field) of every field that changed, for the fields the Changes sheet follows. */
function ownDiff(before: ReportData, after: ReportData): string[] {
  const was = new Map(before.plans![0].measures.map((m) => [m.id, m]));
  const out: string[] = [];
  for (const m of after.plans![0].measures)
    for (const f of ['status', 'completed', 'progress', 'due', 'lead'] as (keyof Measure)[]) if (was.get(m.id)![f] !== m[f]) out.push(`${m.id} ${f}`);
  return out.sort();
}

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const FIELD_KEYS: Record<string, string> = { Status: 'status', 'Completed on': 'completed', Progress: 'progress', Due: 'due', 'Lead department': 'lead' };

/** The Changes sheet's (measure id, field) pairs, and its kinds. */
async function listedChanges(file: string): Promise<{ pairs: string[]; kinds: string[] }> {
  const ws = (await book(file)).getWorksheet('Changes')!;
  const pairs: string[] = [];
  const kinds: string[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const kind = ws.getCell(r, 1).value;
    if (typeof kind !== 'string' || ws.getCell(r, 3).value === null) continue;
    kinds.push(kind);
    pairs.push(`${String(ws.getCell(r, 3).value)} ${FIELD_KEYS[String(ws.getCell(r, 5).value)]}`);
  }
  return { pairs: pairs.sort(), kinds };
}

/** The Summary's comparison block: figure name (from the live column's formula) -> previous, now, change. */
async function comparison(file: string): Promise<Map<string, { previous: unknown; now: unknown; change: unknown; row: number }>> {
  const ws = (await book(file)).getWorksheet('Summary')!;
  const out = new Map<string, { previous: unknown; now: unknown; change: unknown; row: number }>();
  ws.eachRow((row, n) => {
    const now = row.getCell(4).value as { formula?: string; result?: unknown } | null;
    if (now && typeof now === 'object' && now.formula && /^[A-Z][A-Za-z0-9_]*$/.test(now.formula)) {
      const change = row.getCell(5).value as { result?: unknown } | null;
      out.set(now.formula, { previous: row.getCell(3).value, now: now.result ?? null, change: change?.result ?? null, row: n });
    }
  });
  return out;
}

const reports: string[] = [];
const quarterData: ReportData[] = [];
const lists: { pairs: string[]; kinds: string[]; expected: string[] }[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'since-chain-'));
  // Forms write a register beside the data file: the seed is copied first.
  fs.copyFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), data());
  const first = path.join(dir, '2022-Q3.xlsx');
  expect((await cli('generate', data(), '--out', first)).code).toBe(0);
  reports.push(first);
  quarterData.push(read());
  for (const [q, quarter] of QUARTERS.entries()) {
    // The office moves its data file to the next quarter; the report date is the quarter's last day.
    const text = fs
      .readFileSync(data(), 'utf8')
      .replace(/period: \d{4}-Q\d/, `period: ${quarter}`)
      .replace(/\n {2}date: [\d-]+/, '');
    fs.writeFileSync(data(), text);
    const before = read();
    const form = path.join(dir, `form-${quarter}.xlsx`);
    const made = await cli('form', data(), '--plan', PLAN, '--out', form);
    expect(made.err).toEqual([]);
    const wb = await book(form);
    // The form sheet comes after the Instructions.
    const ws = wb.getWorksheet('Measures')!;
    const open: number[] = [];
    for (let r = FORM_FIRST_ROW; ws.getCell(r, COL.id).value; r++) if (ws.getCell(r, COL.status).value !== 'Completed') open.push(r);
    for (const e of editsFor(open, q)) {
      ws.getCell(e.row, COL.status).value = e.status === 'completed' ? 'Completed' : e.status === 'delayed' ? 'Delayed' : 'In progress';
      ws.getCell(e.row, COL.progress).value = e.status === 'completed' ? 1 : e.progress;
      if (e.status === 'completed') ws.getCell(e.row, COL.completed).value = new Date(`${periodStart(period(quarter))}T00:00:00Z`);
    }
    const returned = path.join(dir, `return-${quarter}.xlsx`);
    await wb.xlsx.writeFile(returned);
    const collected = await cli('collect', data(), returned);
    expect({ code: collected.code, err: collected.err }).toEqual({ code: 0, err: [] });
    const after = read();
    const out = path.join(dir, `${quarter}.xlsx`);
    const r = await cli('generate', data(), '--since', reports.at(-1)!, '--out', out);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: [] });
    lists.push({ ...(await listedChanges(out)), expected: ownDiff(before, after) });
    reports.push(out);
    quarterData.push(after);
  }
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('four quarters, each generated --since the last', () => {
  it('lists exactly the changes the test made, the completed first', () => {
    for (const l of lists) {
      expect(l.expected.length).toBeGreaterThan(0);
      expect(l.pairs).toEqual(l.expected);
      const firstOther = l.kinds.findIndex((k) => k !== 'Completed');
      if (firstOther >= 0) expect(l.kinds.slice(firstOther)).not.toContain('Completed');
    }
  });

  it("shows the previous workbook's figures as the previous values", async () => {
    for (let q = 1; q < reports.length; q++) {
      const previous = await readNamedCells(reports[q - 1]);
      const shown = await comparison(reports[q]);
      expect(shown.size).toBeGreaterThan(5);
      for (const [name, row] of shown) expect({ name, previous: row.previous ?? null }).toEqual({ name, previous: previous.get(name)?.value ?? null });
    }
  });

  it('carries one trend point per quarter', async () => {
    const trend = (await book(reports.at(-1)!)).getWorksheet('Trend')!;
    expect([5, 6, 7, 8].map((r) => trend.getCell(r, 1).value)).toEqual(['2022-Q3', ...QUARTERS]);
    expect(trend.getCell(9, 1).value).toBeNull();
  });
});

describe('after a LibreOffice recalculation', () => {
  let recalculated: string[];
  let shown: Map<string, { previous: unknown; now: unknown; change: unknown; row: number }>;
  let edited: Map<string, { previous: unknown; now: unknown; change: unknown; row: number }>;

  beforeAll(async () => {
    const last = reports.at(-1)!;
    // An official completes one more measure in the new workbook.
    const wb = await book(last);
    const ws = wb.getWorksheet('Measures')!;
    let r = 2;
    while (!['In progress', 'Delayed', 'Not started'].includes(String(ws.getCell(r, 7).value))) r++;
    ws.getCell(r, 7).value = 'Completed';
    const editedFile = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(editedFile);
    recalculated = await recalculate([last, editedFile, reports[0]], path.join(dir, 'recalculated'), { timeoutMs: 240_000 });
    shown = await comparison(recalculated[0]);
    edited = await comparison(recalculated[1]);
  }, 300_000);

  it('every named figure equals the core, and every change is now minus previous', async () => {
    const names = await readNamedCells(recalculated[0]);
    expect(figureDifferences(names, expectedFigures(quarterData.at(-1)!))).toEqual([]);
    for (const [name, row] of shown) {
      const now = names.get(name)!.value as number | null;
      expect({ name, now: row.now ?? null }).toEqual({ name, now: now === 0 ? null : now });
      const previous = row.previous as number | null;
      if (previous === null || now === null) expect(row.change ?? null).toBeNull();
      // exceljs reads LibreOffice's cached 0 (`<v>0</v>`) as no result.
      else expect((row.change as number | null) ?? 0).toBeCloseTo(now - previous, 9);
    }
  });

  it('editing one status moves its change', () => {
    const key = `Plan_${PLAN.replace(/-/g, '_')}_Completed`;
    expect(edited.get(key)!.change as number).toBe((shown.get(key)!.change as number) + 1);
    expect(edited.get(key)!.previous).toBe(shown.get(key)!.previous);
  });

  it('a previous report re-saved by LibreOffice still works as --since', async () => {
    const q4text = fs.readFileSync(data(), 'utf8').replace(/period: \d{4}-Q\d/, 'period: 2022-Q4');
    const q4data = path.join(dir, 'resaved-q4.yaml');
    fs.writeFileSync(q4data, q4text);
    const r = await cli('generate', q4data, '--since', recalculated[2], '--out', path.join(dir, 'resaved-q4.xlsx'));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: [] });
    expect(r.stdout).toContain('since 2022-Q3');
  });
});
