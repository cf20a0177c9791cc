/**
 * The same rows as the floor, written with exceljs's document API (the whole
 * workbook in memory, then `writeFile`), the way most JavaScript code writes
 * an .xlsx.
 *
 *   node exceljs-writer.js DATA.json OUT.xlsx
 *
 * Prints one JSON line to stdout: { rows, parseMs, writeMs }.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { tablesOf, type Cell } from './rows';

const NUM_FMT = { date: 'yyyy-mm-dd', percent: '0%' } as const;
const EPOCH = Date.UTC(1899, 11, 30);

function value(cell: Cell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('d' in cell) return new Date(EPOCH + cell.d * 86_400_000);
  return { formula: cell.f, result: cell.v } as ExcelJS.CellFormulaValue;
}

export async function writeExcelJs(dataFile: string, out: string): Promise<{ rows: number; parseMs: number; writeMs: number }> {
  const t0 = performance.now();
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  const tables = tablesOf(data);
  const t1 = performance.now();
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ header: c.title, width: c.width, style: c.format ? { numFmt: NUM_FMT[c.format] } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const row of t.rows()) ws.addRow(row.map(value));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: t.count + 1, column: t.columns.length } };
  }
  await wb.xlsx.writeFile(out);
  return { rows: tables.reduce((n, t) => n + t.count, 0), parseMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) };
}

if (require.main === module) {
  const [dataFile, out] = process.argv.slice(2);
  if (!dataFile || !out) {
    process.stderr.write('usage: exceljs-writer DATA.json OUT.xlsx\n');
    process.exit(2);
  }
  writeExcelJs(dataFile, out).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err) => {
      process.stderr.write(`exceljs-writer: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
