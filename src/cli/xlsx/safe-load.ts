/**
 * Bounded loading of workbooks that come from outside (returned forms,
 * workbooks to extract): before exceljs unpacks anything, the file is checked
 * to be a zip package, its central directory is read (entry count, declared
 * sizes and ratios), and every entry is inflated as a stream and counted,
 * stopping as soon as a limit is passed, with the rows and cells of each
 * sheet counted on the way. A file that is not a workbook, a truncated or
 * corrupt zip, a zip bomb or a sheet of a million rows gets a clear refusal
 * within bounded time and memory, never a crash.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { InputError } from '../../core/errors';

export interface LoadLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** Entries in the zip package (a workbook has a few dozen). */
  maxEntries: number;
  /** All entries unpacked, counted as they inflate (declared sizes may lie). */
  maxUnpackedBytes: number;
  /** An entry's unpacked size over its packed size, for entries above 1 MB unpacked. */
  maxRatio: number;
  /** Rows in all worksheets together. */
  maxRows: number;
  /** Cells in all worksheets together. */
  maxCells: number;
}

const MB = 1024 * 1024;

/** Returned forms: a form of a few thousand rows is far below these. */
export const RETURN_LIMITS: LoadLimits = {
  maxFileBytes: 20 * MB,
  maxEntries: 2000,
  maxUnpackedBytes: 200 * MB,
  maxRatio: 200,
  maxRows: 100_000,
  maxCells: 1_500_000,
};

/** Report workbooks (extract, `--template FILE.xlsx`): larger, still within what exceljs can hold in memory. */
export const WORKBOOK_LIMITS: LoadLimits = {
  maxFileBytes: 100 * MB,
  maxEntries: 5000,
  maxUnpackedBytes: 1024 * MB,
  maxRatio: 200,
  maxRows: 400_000,
  maxCells: 5_000_000,
};

const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

class Refusal extends Error {}

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip!),
    );
  });
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
// A row or cell element, with or without a namespace prefix (`<row `, `<x:c>`).
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Inflates every entry as a stream, counting bytes, rows and cells; refuses as soon as a limit is passed. */
async function inspect(buf: Buffer, limits: LoadLimits): Promise<void> {
  const zip = await openZip(buf);
  try {
    if (zip.entryCount > limits.maxEntries) throw new Refusal(`holds ${zip.entryCount} zip entries; expected a workbook of at most ${limits.maxEntries}`);
    const entries: yauzl.Entry[] = await new Promise((resolve, reject) => {
      const list: yauzl.Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        list.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve(list));
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entries.some((e) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(e.fileName))) {
      throw new Refusal('is a zip package but not a workbook (it has no xl/workbook.xml); expected an .xlsx workbook');
    }
    let declared = 0;
    for (const e of entries) {
      if (e.generalPurposeBitFlag & 1) throw new Refusal('is encrypted (a zip entry needs a password); expected a workbook saved without a password');
      declared += e.uncompressedSize;
      if (e.uncompressedSize > MB && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        throw new Refusal(
          `holds a part (${e.fileName}) that unpacks to ${size(e.uncompressedSize)} from ${size(e.compressedSize)}, a ratio of ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1; expected a workbook, not a zip bomb`,
        );
      }
    }
    if (declared > limits.maxUnpackedBytes)
      throw new Refusal(`unpacks to ${size(declared)}; expected a workbook of at most ${size(limits.maxUnpackedBytes)} unpacked`);

    let unpacked = 0;
    let rows = 0;
    let cells = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const sheet = isSheet(e.fileName);
      const stream: NodeJS.ReadableStream = await new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s!))));
      await new Promise<void>((resolve, reject) => {
        let tail = '';
        let entryBytes = 0;
        let settled = false;
        const fail = (err: Error) => {
          if (settled) return;
          settled = true;
          (stream as unknown as { destroy(): void }).destroy();
          reject(err);
        };
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          unpacked += chunk.length;
          if (unpacked > limits.maxUnpackedBytes)
            return fail(new Refusal(`unpacks to more than ${size(limits.maxUnpackedBytes)}; expected a smaller workbook (is it a zip bomb?)`));
          entryBytes += chunk.length;
          if (entryBytes > MB && entryBytes / Math.max(1, e.compressedSize) > limits.maxRatio) {
            return fail(
              new Refusal(`holds a part (${e.fileName}) that unpacks to far more than its ${size(e.compressedSize)}; expected a workbook, not a zip bomb`),
            );
          }
          if (!sheet) return;
          // Count element starts; keep a short tail so a tag split across chunks is counted once.
          const text = tail + chunk.toString('latin1');
          const cut = Math.max(0, text.length - 16);
          const whole = text.slice(0, cut);
          rows += count(whole, ROW);
          cells += count(whole, CELL);
          tail = text.slice(cut);
          if (rows > limits.maxRows)
            fail(
              new Refusal(
                `has more than ${limits.maxRows.toLocaleString('en')} rows in its sheets; expected a workbook of at most that many (refused before it is read whole)`,
              ),
            );
          else if (cells > limits.maxCells)
            fail(new Refusal(`has more than ${limits.maxCells.toLocaleString('en')} cells in its sheets; expected a workbook of at most that many`));
        });
        stream.on('end', () => {
          if (settled) return;
          if (sheet) {
            rows += count(tail, ROW);
            cells += count(tail, CELL);
            if (rows > limits.maxRows)
              return fail(
                new Refusal(
                  `has more than ${limits.maxRows.toLocaleString('en')} rows in its sheets; expected a workbook of at most that many (refused before it is read whole)`,
                ),
              );
          }
          settled = true;
          resolve();
        });
        stream.on('error', fail);
      });
    }
  } finally {
    zip.close();
  }
}

/**
 * Loads an .xlsx file with exceljs within the limits, refusing what is
 * missing, not a workbook, damaged, encrypted or too large, with a message
 * naming the file. `what` says what was expected (`a workbook (.xlsx)`).
 */
export async function safeLoadWorkbook(file: string, limits: LoadLimits = RETURN_LIMITS, what = 'a workbook (.xlsx)'): Promise<ExcelJS.Workbook> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw InputError.one(file, code === 'ENOENT' ? `no such file; expected ${what}` : `cannot read the file (${code}); expected ${what}`);
  }
  if (stat.isDirectory()) throw InputError.one(file, `is a directory; expected ${what}`);
  if (!stat.isFile()) throw InputError.one(file, `is not a regular file; expected ${what}`);
  if (stat.size === 0) throw InputError.one(file, `is empty; expected ${what}`);
  if (stat.size > limits.maxFileBytes)
    throw InputError.one(file, `is ${(stat.size / MB).toFixed(1)} MB; expected a workbook of at most ${limits.maxFileBytes / MB} MB`);
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    throw InputError.one(file, `cannot read the file (${(err as NodeJS.ErrnoException).code}); expected ${what}`);
  }
  const magic = buf.subarray(0, 4).toString('binary');
  if (magic === '\u00d0\u00cf\u0011\u00e0') {
    throw InputError.one(file, 'is an encrypted workbook or an Excel 97-2003 (.xls) file; expected an .xlsx workbook saved without a password to open it');
  }
  if (magic !== 'PK\u0003\u0004') {
    if (magic === 'PK\u0005\u0006') throw InputError.one(file, 'is an empty zip package; expected an .xlsx workbook');
    throw InputError.one(file, 'is not an .xlsx workbook (not a zip package)');
  }
  try {
    await inspect(buf, limits);
  } catch (err) {
    if (err instanceof Refusal) throw InputError.one(file, err.message);
    if (/too many bytes in the stream/.test((err as Error).message)) {
      throw InputError.one(file, 'holds a part that unpacks to more than the size it declares; expected a workbook, not a zip bomb');
    }
    throw InputError.one(
      file,
      `is not a complete .xlsx workbook: the zip package is truncated or damaged (${(err as Error).message.split('\n')[0]}); expected the workbook as saved`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw InputError.one(file, `cannot be read as an .xlsx workbook (${(err as Error).message.split('\n')[0]})`);
  }
  if (!wb.worksheets.length) throw InputError.one(file, 'has no sheets; expected an .xlsx workbook');
  return wb;
}
