/**
 * A ledger saved as CSV, for the command line and the add-in alike: its
 * bytes decoded (UTF-8 with or without a BOM, UTF-16 with its BOM, else
 * GB18030, a superset of the GBK that Excel and WPS write in a Chinese
 * locale), then split into records by fast-csv's parser (quotes, doubled
 * quotes, CR LF, line breaks inside quotes). Tab-separated text (Excel's
 * "Unicode text") is read too.
 *
 * The decoding is the platform's WHATWG `TextDecoder` by default (browsers,
 * and Node built with full ICU, as its releases are); the command line
 * passes iconv-lite's. fast-csv's parser is its stream-free part (the
 * package's stream needs Node), so that the add-in bundles the same parser.
 */
import { Parser } from '@fast-csv/parse/build/src/parser';
import { ParserOptions } from '@fast-csv/parse/build/src/ParserOptions';

export type CsvEncoding = 'UTF-8' | 'UTF-16' | 'GB18030';

/** Decodes bytes in one of the WHATWG encodings' labels the ledger reader asks for. */
export type Decode = (bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be' | 'gb18030') => string;

/** CSV files larger than this are refused: a ledger is a few hundred rows. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

const CJK = /[\u3400-\u9fff]/;
/** Letters of two UTF-8 bytes beyond Latin (Greek, Cyrillic, Hebrew...): what GBK bytes give when they happen to be valid UTF-8. */
const MISREAD = /[\u0250-\u07ff]/;

const platformDecode: Decode = (bytes, encoding) => new TextDecoder(encoding).decode(bytes);

/** The text of a CSV file's bytes, and the encoding it was found in. */
export function decodeCsv(bytes: Uint8Array, decode: Decode = platformDecode): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16' };
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  // A short GBK text may happen to be valid UTF-8 too: then it reads as Cyrillic or Greek letters, and no Chinese.
  if (utf8 !== undefined && (CJK.test(utf8) || !MISREAD.test(utf8))) return { text: utf8, encoding: 'UTF-8' };
  const gb = decode(bytes, 'gb18030');
  if (utf8 !== undefined && !CJK.test(gb)) return { text: utf8, encoding: 'UTF-8' };
  return { text: gb, encoding: 'GB18030' };
}

/** Bytes with a NUL that are not UTF-16: a binary file (a picture, an old .xls), not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.includes(0);
}

/** The separator: a tab when the first line has tabs and no commas, else a comma. */
function delimiterOf(text: string): string {
  const line = /^[^\r\n]*/.exec(text)![0];
  return line.includes('\t') && !line.includes(',') ? '\t' : ',';
}

/** Why CSV text cannot be read, in a form each language can say. */
export class CsvSyntaxError extends Error {
  constructor(
    /** fast-csv's reason, without the rest of the text it quotes: `Parse Error: missing closing: '"'`. */
    readonly reason: string,
    /** What went wrong: a quote never closed, or text after a closing quote (`got`). */
    readonly kind: 'unclosed-quote' | 'after-quote' | 'other',
    readonly got?: string,
  ) {
    super(reason);
    this.name = 'CsvSyntaxError';
  }
}

function syntaxError(err: Error): CsvSyntaxError {
  const reason = err.message.split(' in line')[0].split('. at ')[0].replace(/\s+/g, ' ').trim();
  if (/missing closing/.test(reason)) return new CsvSyntaxError(reason, 'unclosed-quote');
  const after = /got: '(.*)'$/s.exec(reason);
  return after ? new CsvSyntaxError(reason, 'after-quote', after[1]) : new CsvSyntaxError(reason, 'other');
}

/** The records of CSV text (a blank line is an empty record); throws CsvSyntaxError when the text is not CSV (an unclosed quote). */
export function csvRecords(text: string): string[][] {
  const parser = new Parser(new ParserOptions({ delimiter: delimiterOf(text), ignoreEmpty: false, trim: false }));
  try {
    return parser.parse(text, false).rows;
  } catch (err) {
    throw syntaxError(err as Error);
  }
}
