/**
 * End to end, in LibreOffice: indicator values print in their indicator's
 * format, also on an Observations row typed after generation, and follow an
 * indicator's Format cell when it is changed in the workbook; the hidden
 * value-format codes and the Sources sheet's indicator rows recalculate to
 * what the core cached.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readData } from '../../src/core/data-file/read';
import { buildReport } from '../../src/core/layout/build';
import type { Cell, Sheet, Workbook } from '../../src/core/layout/model';
import { sheetRows } from '../../src/core/layout/rows';
import { rowSource } from '../../src/core/row-source';
import type { ReportData } from '../../src/core/schema';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';
import { convertToPdf, recalculate } from '../support/libreoffice';
import { OPTIONS, quarterly, ROOT } from '../support/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data: ReportData = readData(readFileSync(path.join(ROOT, 'seeds', 'shanghai-2025-q3.yaml'), 'utf8'), 'shanghai.yaml');
const sheetOf = (wb: Workbook, key: Sheet['key']) => wb.sheets.find((s) => s.key === key)!;

/**
 * The Shanghai report as an official leaves it: an observation typed in the
 * first empty Observations row (no style of its own: only the column's
 * conditional formats can format it), and YRD-ALLIANCE's Format changed to
 * Percentage on the Indicators sheet.
 */
function editedModel(): Workbook {
  const wb = buildReport(quarterly, data, 'en', OPTIONS);
  const obs = sheetOf(wb, 'observations');
  const rows = [...sheetRows(obs)].slice(1);
  const firstEmpty = rows.findIndex((r) => r.cells[0] === undefined);
  rows[firstEmpty] = { cells: [{ v: 'YRD-OUTPUT-SHARE' }, { v: '2024', s: 'period' }, { v: 0.25 }, ...rows[firstEmpty].cells.slice(3)] };
  obs.body = rowSource(rows.length, () => rows);
  const indicators = sheetOf(wb, 'indicators');
  const header = indicators.rows[0].cells.map((c) => c?.v);
  const alliance = indicators.rows.find((r) => r.cells[0]?.v === 'YRD-ALLIANCE')!;
  alliance.cells[header.indexOf('Format')] = { v: 'Percentage', s: 'text' } as Cell;
  return wb;
}

describe('value formats in LibreOffice', () => {
  let pdfText = '';
  let recalculated: ExcelJS.Workbook;
  const model = buildReport(quarterly, data, 'en', OPTIONS);

  beforeAll(async () => {
    const edited = path.join(dir, 'edited.xlsx');
    const plain = path.join(dir, 'plain.xlsx');
    await streamWorkbook(editedModel(), edited);
    await streamWorkbook(model, plain);
    const pdf = await convertToPdf(edited, dir);
    pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const [out] = await recalculate([plain], path.join(dir, 'recalculated'));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(out);
  }, 240_000);

  it("prints a row typed later, and an indicator whose Format changed, in the indicator's format", () => {
    const line = (id: string, period: string) => pdfText.split('\n').find((l) => new RegExp(`^${id}\\s+${period}\\s`).test(l));
    expect(line('YRD-OUTPUT-SHARE', '2024')).toMatch(/\s25%\s/);
    expect(line('YRD-OUTPUT-SHARE', '2023')).toMatch(/\s30%\s/);
    // YRD-ALLIANCE's values, 6 and 38 members, now print as percentages (1 decimal, Percentage's default).
    expect(line('YRD-ALLIANCE', '2021')).toMatch(/\s600\.0%\s/);
    expect(line('YRD-ALLIANCE', '2023')).toMatch(/\s3800\.0%\s/);
    expect(line('SH-C1-DRUGS', '2023')).toMatch(/\s4\s/);
  });

  it('recalculates the value-format codes and the Sources rows to the cached values', () => {
    for (const key of ['indicators', 'sources'] as const) {
      const sheet = sheetOf(model, key);
      const ws = recalculated.getWorksheet(sheet.name)!;
      let checked = 0;
      [...sheetRows(sheet)].forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          if (cell?.f === undefined || (key === 'indicators' && c !== sheet.columns.length - 1)) return;
          const got = ws.getCell(r + 1, c + 1).value as { result?: unknown } | null;
          const value = got !== null && typeof got === 'object' && 'result' in got ? got.result : got;
          expect({ key, r, c, value: value ?? null }).toEqual({ key, r, c, value: cell.v === null ? null : cell.v });
          checked++;
        }),
      );
      expect(checked).toBeGreaterThanOrEqual(data.indicators!.length);
    }
  });
});
