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

export const HAIDIAN_TITLE = '海淀区2022年第三季度生物医药产业重点任务推进台账';
/**
 * A district office's ledger as it keeps it: a title row, a two-row header (完成情况 over 状态 and 完成时间), group
 * headings, 长期, a column the report has no field for (联系人).
 */
export const HAIDIAN_LEDGER: (string | number | null)[][] = [
  [HAIDIAN_TITLE],
  ['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '完成情况', null, '进展情况', '联系人'],
  [null, null, null, null, null, '状态', '完成时间'],
  ['一、创新策源'],
  [1, '建设新型研发机构', '区科委', '区财政局', '2022年6月', '已完成', '2022年6月28日', '已挂牌运行', '张三'],
  [2, '引进高层次人才', '区人才局', null, '长期', '推进中', null, '已引进12人', '李四'],
  [3, '建设概念验证中心', '区科委', '中关村管委会', '2022年第四季度', '未启动'],
  ['二、产业促进'],
  [1, '建设生物医药产业园', '区投促中心', null, '2022年底', '滞后', null, '用地手续办理中', '王五'],
  [2, '举办产业对接会', '区商务局', '区科委、区卫健委', '2022/9/30', '已完成', '2022/9/28'],
];

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
