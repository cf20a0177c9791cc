/**
 * Reading a ledger file: an .xlsx workbook through the bounded parts reader
 * that `collect` uses (merged cells read as their first cell), or a CSV file
 * (csv.ts). Refusals name the file and say what was expected.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { lazyLedgerSheet, rowsSheet, type LedgerSheet } from '../../core/ledger/sheet';
import type { LedgerWords } from '../../core/ledger/words';
import { WORKBOOK_LIMITS, safeLoadGrid } from '../xlsx/read/safe-load';
import { CsvSyntaxError, looksBinary, MAX_CSV_BYTES } from '../../core/ledger/csv';
import { decodeCsv, parseCsv, type CsvEncoding } from './csv';

export { MAX_CSV_BYTES };

export interface LedgerFile {
  sheets: LedgerSheet[];
  /** Set for a CSV file: the encoding its bytes were found in. */
  encoding?: CsvEncoding;
}

const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
const TEXT = /\.(csv|txt|tsv)$/i;

async function head(file: string, W: LedgerWords): Promise<{ size: number; bytes: Buffer }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw InputError.one(file, code === 'ENOENT' ? W.file.missing : W.file.unreadable(code));
  }
  if (stat.isDirectory()) throw InputError.one(file, W.file.directory);
  if (!stat.isFile()) throw InputError.one(file, W.file.notFile);
  if (stat.size === 0) throw InputError.one(file, W.file.empty);
  const fd = await fs.open(file, 'r');
  try {
    const bytes = Buffer.alloc(8);
    await fd.read(bytes, 0, 8, 0);
    return { size: stat.size, bytes };
  } finally {
    await fd.close();
  }
}

async function readCsv(file: string, W: LedgerWords): Promise<LedgerFile> {
  const bytes = await fs.readFile(file);
  if (looksBinary(bytes)) throw InputError.one(file, W.file.notLedger(path.extname(file)));
  const { text, encoding } = decodeCsv(bytes);
  let rows: string[][];
  try {
    rows = await parseCsv(text);
  } catch (err) {
    // fast-csv's message, without the rest of the text it quotes: `Parse Error: missing closing: '"'`.
    if (!(err instanceof CsvSyntaxError)) throw err;
    throw InputError.one(file, W.file.csv(err.reason));
  }
  return { sheets: [rowsSheet(path.basename(file, path.extname(file)), rows)], encoding };
}

/** The sheets of a ledger file (.xlsx, .xlsm, .csv, .txt, .tsv). */
export async function readLedgerFile(file: string, W: LedgerWords): Promise<LedgerFile> {
  const { size, bytes } = await head(file, W);
  if (isZip(bytes) || WORKBOOK.test(file)) {
    const wb = await safeLoadGrid(file, WORKBOOK_LIMITS, 'a ledger (.xlsx)');
    return { sheets: wb.sheetNames.map((name) => lazyLedgerSheet(name, () => wb.sheet(name)!)) };
  }
  if (!TEXT.test(file)) throw InputError.one(file, W.file.notLedger(path.extname(file)));
  if (size > MAX_CSV_BYTES) throw InputError.one(file, W.file.tooLarge((size / 1024 / 1024).toFixed(1), MAX_CSV_BYTES / 1024 / 1024));
  return readCsv(file, W);
}
