/**
 * A CSV ledger chosen as the data file: read as `plan-report import` reads
 * it (core/ledger/csv.ts: UTF-8 with or without a BOM, GBK/GB18030 as Excel
 * writes it in a Chinese locale, UTF-16), decoded by the browser's
 * TextDecoder; or a sentence in the pane's language saying why it cannot be.
 */
import { csvRecords, CsvSyntaxError, decodeCsv, looksBinary, MAX_CSV_BYTES, type CsvEncoding } from '../../core/ledger/csv';
import { rowsSheet, type LedgerSheet } from '../../core/ledger/sheet';
import { ledgerWords } from '../../core/ledger/words';
import { fill, type Strings, type UiLocale } from './i18n';

/** .csv, and the .txt and .tsv that Excel's "Unicode text" and other tools write. */
export function isCsvFile(file: { name: string }): boolean {
  return /\.(csv|tsv|txt)$/i.test(file.name);
}

export type CsvRead = { sheet: LedgerSheet; encoding: CsvEncoding } | { refused: string };

/** Why the text is not CSV, in the pane's language. */
function reasonOf(err: CsvSyntaxError, words: Strings): string {
  if (err.kind === 'unclosed-quote') return words.csvUnclosedQuote;
  if (err.kind === 'after-quote') return fill(words.csvAfterQuote, { got: err.got ?? '' });
  return err.reason;
}

/** The ledger sheet of a CSV file (named after the file), or why it cannot be read. */
export async function readCsvFile(file: File, words: Strings, ui: UiLocale): Promise<CsvRead> {
  const name = fill(words.quoted, { name: file.name });
  const join = (sentence: string) => (ui === 'en' ? `${name} ${sentence}` : `${name}${sentence}`);
  if (file.size > MAX_CSV_BYTES) return { refused: join(ledgerWords(ui).file.tooLarge((file.size / 1024 / 1024).toFixed(1), MAX_CSV_BYTES / 1024 / 1024)) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!bytes.length) return { refused: join(ledgerWords(ui).file.empty) };
  if (looksBinary(bytes)) return { refused: fill(words.csvNotText, { file: name }) };
  let decoded: ReturnType<typeof decodeCsv>;
  try {
    decoded = decodeCsv(bytes);
  } catch (err) {
    // A browser without the GB18030 decoder (TextDecoder throws RangeError): UTF-8 is read by every browser.
    if (!(err instanceof RangeError)) throw err;
    return { refused: fill(words.csvNoDecoder, { file: name }) };
  }
  const { text, encoding } = decoded;
  try {
    return { sheet: rowsSheet(file.name.replace(/\.[^.]*$/, ''), csvRecords(text)), encoding };
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { refused: join(ledgerWords(ui).file.csv(reasonOf(err, words))) };
  }
}
