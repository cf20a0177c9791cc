/**
 * generate --since: the previous report read as extract reads it, its
 * refusals (each with its message, nothing written), the carried history, and
 * the round trip staying the identity.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readData } from '../../../src/core/data-file/read';
import { reportFigures } from '../../../src/core/figures';
import { cli, ROOT } from '../../support/fixtures';
import { exceljsGrid } from '../../support/exceljs/reader';
import { readPrevious } from '../../../src/core/since/previous';
import { formBytes } from '../../support/forms';

let dir: string;
const seedText = readFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), 'utf8');

/** The seed moved to another period and report date, with some measures' edits. */
function quarter(name: string, periodText: string, date: string, edit: (s: string) => string = (s) => s): string {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, edit(seedText.replace('period: 2022-Q3', `period: ${periodText}`).replace('date: 2022-09-20', `date: ${date}`)));
  return file;
}

/** The n-th `status: in-progress` of the text replaced. */
function setStatus(s: string, n: number, replacement: string): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = s.indexOf('status: in-progress', at + 1);
  return s.slice(0, at) + replacement + s.slice(at + 'status: in-progress'.length);
}

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

let q3: string;
let q3Bytes: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'since-'));
  q3 = path.join(dir, 'q3.xlsx');
  expect((await cli('generate', quarter('q3', '2022-Q3', '2022-09-20'), '--out', q3)).code).toBe(0);
  q3Bytes = readFileSync(q3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generate --since', () => {
  it('lists the changes, shows the previous figures and their change, and carries the trend', async () => {
    const q4data = quarter('q4', '2022-Q4', '2022-12-20', (s) => setStatus(s, 0, 'status: completed\n        completed: 2022-11-15'));
    const q4 = path.join(dir, 'q4.xlsx');
    const r = await cli('generate', q4data, '--since', q3, '--out', q4);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('since 2022-Q3');
    expect(r.stdout).toContain('2 changes listed');
    const wb = await book(q4);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Changes', 'Trend']));
    const changes = wb.getWorksheet('Changes')!;
    expect(changes.getRow(5).values).toEqual([undefined, 'Completed', 'BJ-OPEN-2022', 'BJ-07', expect.any(String), 'Status', 'In progress', 'Completed']);
    expect(changes.getCell('E6').value).toBe('Completed on');
    // The Summary's comparison: the previous value a constant, the change a formula.
    const summary = wb.getWorksheet('Summary')!;
    let row = 0;
    summary.eachRow((r, n) => {
      if (r.getCell(2).value === 'Completed' && r.getCell(1).value === 'BJ-OPEN-2022' && typeof r.getCell(3).value === 'number') row = n;
    });
    expect(row).toBeGreaterThan(0);
    expect(summary.getCell(row, 3).value).toBe(38);
    expect(summary.getCell(row, 4).value).toMatchObject({ formula: 'Plan_BJ_OPEN_2022_Completed', result: 39 });
    expect(summary.getCell(row, 5).value).toMatchObject({ formula: expect.stringContaining(`$D${row}-$C${row}`), result: 1 });

    // A third quarter on: the trend has one point per report.
    const q1data = quarter('q1', '2023-Q1', '2023-03-20', (s) =>
      setStatus(setStatus(s, 0, 'status: completed\n        completed: 2022-11-15'), 0, 'status: completed'),
    );
    const q1 = path.join(dir, 'q1.xlsx');
    expect((await cli('generate', q1data, '--since', q4, '--out', q1)).code).toBe(0);
    const trend = (await book(q1)).getWorksheet('Trend')!;
    expect([5, 6, 7].map((r) => trend.getCell(r, 1).value)).toEqual(['2022-Q3', '2022-Q4', '2023-Q1']);
    expect(trend.getCell(5, 2).value).toBeCloseTo(0.76, 12);
    expect(trend.getCell(6, 2).value).toBeCloseTo(39 / 50, 12);
    expect(trend.getCell(7, 2).value).toMatchObject({ formula: 'Plan_BJ_OPEN_2022_CompletionRate', result: 40 / 50 });
  });

  it('keeps the round trip the identity: extract gives back the data, not the carried history', async () => {
    const q4data = quarter('q4-rt', '2022-Q4', '2022-12-20');
    const q4 = path.join(dir, 'q4-rt.xlsx');
    expect((await cli('generate', q4data, '--since', q3, '--out', q4)).code).toBe(0);
    const out = path.join(dir, 'q4-rt.back.yaml');
    expect((await cli('extract', q4, '--out', out)).code).toBe(0);
    expect(readData(readFileSync(out, 'utf8'), out)).toEqual(readData(readFileSync(q4data, 'utf8'), q4data));
  });

  it('reads the previous report with the edits made in it since: its figures are recomputed from its rows', async () => {
    const wb = await book(q3);
    const ws = wb.getWorksheet('Measures')!;
    let row = 2;
    while (ws.getCell(row, 7).value !== 'In progress') row++;
    ws.getCell(row, 7).value = 'Completed';
    const edited = path.join(dir, 'q3-edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const previous = readPrevious(exceljsGrid(await book(edited)), edited);
    const before = reportFigures(readData(seedText, 'seed')).plans[0].completed;
    expect(previous.snapshot.figures.Plan_BJ_OPEN_2022_Completed).toBe(before + 1);
  });

  it('says when periods were skipped', async () => {
    const r = await cli('generate', quarter('q2-23', '2023-Q2', '2023-06-20'), '--since', q3, '--out', path.join(dir, 'q2-23.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('since 2022-Q3: the report skips the periods between 2022-Q3 and 2023-Q2');
  });
});

describe('generate --since refuses, with a message and nothing written', () => {
  const refused = async (data: string, previous: string, message: RegExp) => {
    const out = path.join(dir, `refused-${path.basename(data)}.xlsx`);
    const r = await cli('generate', data, '--since', previous, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  };

  it('a previous report of the same period', () =>
    refused(quarter('same', '2022-Q3', '2022-09-20'), q3, /q3\.xlsx.*is the report of 2022-Q3, the same period as .*expected a report of an earlier period/));

  it('a previous report of a later period', () =>
    refused(quarter('earlier', '2022-Q2', '2022-06-20'), q3, /is the report of 2022-Q3, a later period than .*\(2022-Q2\)/));

  it('a previous report of another region', () =>
    refused(
      quarter('shanghai', '2022-Q4', '2022-12-20', (s) => s.replace(/region: Beijing\b/, 'region: Shanghai')),
      q3,
      /is a report of "Beijing", but .* is of "Shanghai"; expected the previous report of the same region/,
    ));

  it('a previous report of another data format version', async () => {
    const wb = await book(q3);
    const record = wb.getWorksheet('_plan_report')!;
    record.getCell('B1').value = 'plan-report/v0';
    const other = path.join(dir, 'q3-v0.xlsx');
    await wb.xlsx.writeFile(other);
    await refused(quarter('v0', '2022-Q4', '2022-12-20'), other, /is of data format "plan-report\/v0"/);
  });

  it('a form instead of a report', async () => {
    const data = readData(seedText, 'seed');
    const form = path.join(dir, 'form.xlsx');
    writeFileSync(form, await formBytes(data, { kind: 'measures', plan: 'BJ-OPEN-2022' }));
    await refused(quarter('form', '2022-Q4', '2022-12-20'), form, /is a form made by `plan-report form`, not a report/);
  });

  it('a damaged file', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, readFileSync(q3).subarray(0, 2000));
    await refused(quarter('broken', '2022-Q4', '2022-12-20'), broken, /broken\.xlsx/);
  });

  it('several data files with one previous report', async () => {
    const r = await cli('generate', quarter('a', '2022-Q4', '2022-12-20'), quarter('b', '2022-Q4', '2022-12-20'), '--since', q3);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--since names the previous report of one data file/);
  });

  it('leaves the previous report as it was, byte for byte, after every run above', () => {
    expect(readFileSync(q3).equals(q3Bytes)).toBe(true);
  });
});
