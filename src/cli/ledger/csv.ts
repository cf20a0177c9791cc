/**
 * A ledger saved as CSV: its bytes decoded (UTF-8 with or without a BOM,
 * UTF-16 with its BOM, else GB18030, a superset of the GBK that Excel and
 * WPS write in a Chinese locale), then split into records by fast-csv
 * (quotes, doubled quotes, CR LF, line breaks inside quotes). Tab-separated
 * text (Excel's "Unicode text") is read too.
 */
import { parseString } from '@fast-csv/parse';
import iconv from 'iconv-lite';

export type CsvEncoding = 'UTF-8' | 'UTF-16' | 'GB18030';

const CJK = /[\u3400-\u9fff]/;
/** Letters of two UTF-8 bytes beyond Latin (Greek, Cyrillic, Hebrew...): what GBK bytes give when they happen to be valid UTF-8. */
const MISREAD = /[\u0250-\u07ff]/;

/** The text of a CSV file's bytes, and the encoding it was found in. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16' };
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  // A short GBK text may happen to be valid UTF-8 too: then it reads as Cyrillic or Greek letters, and no Chinese.
  if (utf8 !== undefined && (CJK.test(utf8) || !MISREAD.test(utf8))) return { text: utf8, encoding: 'UTF-8' };
  const gb = iconv.decode(bytes, 'gb18030');
  if (utf8 !== undefined && !CJK.test(gb)) return { text: utf8, encoding: 'UTF-8' };
  return { text: gb, encoding: 'GB18030' };
}

/** The separator: a tab when the first line has tabs and no commas, else a comma. */
function delimiterOf(text: string): string {
  const line = /^[^\r\n]*/.exec(text)![0];
  return line.includes('\t') && !line.includes(',') ? '\t' : ',';
}

/** The records of CSV text; rejects with fast-csv's message when the text is not CSV (an unclosed quote). */
export function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter: delimiterOf(text), ignoreEmpty: false, trim: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}
