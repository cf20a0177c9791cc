/** Test support for `plan-report import`: writing ledgers (workbooks with exceljs, CSV as bytes), running the command, reading what it wrote. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readData } from '../../src/core/data-file/read';
import type { ReportData } from '../../src/core/schema';
import { cli, type Result } from './fixtures';

export const ROOT = path.resolve(__dirname, '../..');
/** The ledgers the tests write, kept for trying the command by hand (git ignores them). */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'ledgers');

export type Cell = string | number | Date | null | { formula: string };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Ranges to merge, `A1:H1`. */
  merges?: string[];
}

/** Writes a workbook of the sheets, as Excel would save it (merged cells keep their value in the first cell only). */
export async function writeLedger(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030' | 'utf16le';

/** CSV text as Excel writes it: a field quoted when it holds a comma, a quote or a line break; CR LF between records. */
export function csvText(rows: (string | number | null)[][], delimiter = ','): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return new RegExp(`[${delimiter}"\\r\\n]`).test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
}

export function csvBytes(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    default:
      return iconv.encode(text, encoding);
  }
}

export function writeCsv(file: string, rows: (string | number | null)[][], encoding: CsvEncoding, delimiter = ','): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, csvBytes(csvText(rows, delimiter), encoding));
  return file;
}

const temps: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-import-'));
  temps.push(dir);
  return dir;
}
export function removeTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Imports a ledger into a data file in a temporary folder; gives the data read back (as validate reads it) and what was printed. */
export async function importData(ledger: string, ...args: string[]): Promise<{ data: ReportData; result: Result; out: string }> {
  const out = path.join(tempDir(), 'data.yaml');
  const result = await cli('import', ledger, '--out', out, '--locale', 'en', ...args);
  if (result.code !== 0) throw new Error(`import ${ledger} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return { data: readData(fs.readFileSync(out, 'utf8'), out), result, out };
}
