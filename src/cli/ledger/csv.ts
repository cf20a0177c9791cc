/**
 * A ledger saved as CSV, on the command line: the core's reading of CSV
 * bytes (core/ledger/csv.ts), decoded by iconv-lite.
 */
import iconv from 'iconv-lite';
import { csvRecords, decodeCsv as decodeWith, type CsvEncoding } from '../../core/ledger/csv';

export type { CsvEncoding };

/** The text of a CSV file's bytes, and the encoding it was found in. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  return decodeWith(bytes, (b, encoding) => iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), encoding));
}

/** The records of CSV text; rejects with fast-csv's reason when the text is not CSV (an unclosed quote). */
export async function parseCsv(text: string): Promise<string[][]> {
  return csvRecords(text);
}
