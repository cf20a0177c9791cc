/**
 * A template workbook picked in the task pane (an .xlsx made by `plan-report
 * template`, or any report), read in the browser within the bounds the
 * command line applies (core/read/limits.ts): the file's size, its zip
 * entries, their declared sizes and ratios, every entry inflated as a stream
 * and counted (it must unpack to exactly what it declares), the rows and
 * cells of its sheets; then its XML parts read by the command line's parts
 * reader (pure, bundled here) and its template by the core's record reader.
 */
import JSZip from 'jszip';
import { InputError } from '../../core/errors';
import { carriedTemplate, TemplateWorkbookError } from '../../core/record/carried-template';
import { CELL, countMatches, isSheetPart, ROW, WORKBOOK_LIMITS, type LoadLimits } from '../../core/read/limits';
import type { Template } from '../../core/template';
import { PartsWorkbook, type Parts } from '../../cli/xlsx/read/parts-grid';

const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** jszip's stream of an entry's bytes as they inflate. */
interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', f: (err: Error) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** jszip keeps an entry's declared sizes in `_data`, and streams it with `internalStream` (neither in its typings). */
type Entry = JSZip.JSZipObject & { _data?: { uncompressedSize?: number; compressedSize?: number }; internalStream(type: 'uint8array'): StreamHelper };

class Refusal extends Error {}

const refuse = (file: string, message: string) => new TemplateWorkbookError('unreadable', InputError.one(file, message));

/** The entry inflated as a stream, counted; refused once it passes its declared size or the limits. */
function inflate(e: Entry, declared: number, limits: LoadLimits, count: { unpacked: number; rows: number; cells: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let settled = false;
    const helper = e.internalStream('uint8array');
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      helper.pause();
      reject(err);
    };
    helper
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        bytes += chunk.length;
        count.unpacked += chunk.length;
        if (bytes > declared) return fail(new Refusal('holds a part that unpacks to more than the size it declares; expected a workbook, not a zip bomb'));
        if (count.unpacked > limits.maxUnpackedBytes)
          return fail(new Refusal(`unpacks to more than ${size(limits.maxUnpackedBytes)}; expected a smaller workbook`));
        chunks.push(chunk);
      })
      .on('error', (err: Error) => fail(err))
      .on('end', () => {
        if (settled) return;
        settled = true;
        if (bytes < declared) return reject(new Error(`not enough bytes in the stream. expected ${declared}. got only ${bytes}`));
        const all = new Uint8Array(bytes);
        let at = 0;
        for (const c of chunks) all.set(c, (at += c.length) - c.length);
        const text = new TextDecoder('utf-8').decode(all);
        resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      })
      .resume();
  });
}

/** The declared sizes of the package's entries, checked against the limits. */
function checkEntries(entries: Entry[], limits: LoadLimits): void {
  if (entries.length > limits.maxEntries) throw new Refusal(`holds ${entries.length} zip entries; expected a workbook of at most ${limits.maxEntries}`);
  if (!entries.some((e) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(e.name)))
    throw new Refusal('is a zip package but not a workbook (it has no xl/workbook.xml); expected an .xlsx workbook');
  let declared = 0;
  for (const e of entries) {
    const unpacked = e._data?.uncompressedSize ?? 0;
    const packed = Math.max(1, e._data?.compressedSize ?? 0);
    declared += unpacked;
    if (unpacked > MB && unpacked / packed > limits.maxRatio)
      throw new Refusal(`holds a part (${e.name}) that unpacks to ${size(unpacked)} from ${size(packed)}; expected a workbook, not a zip bomb`);
  }
  if (declared > limits.maxUnpackedBytes)
    throw new Refusal(`unpacks to ${size(declared)}; expected a workbook of at most ${size(limits.maxUnpackedBytes)} unpacked`);
}

/** The XML parts' text by lowercased name, every entry inflated and counted. */
async function readParts(bytes: Uint8Array, limits: LoadLimits): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const entries = Object.values(zip.files).filter((e) => !e.dir) as Entry[];
  checkEntries(entries, limits);
  const parts: Parts = new Map();
  const count = { unpacked: 0, rows: 0, cells: 0 };
  for (const e of entries) {
    const text = await inflate(e, e._data?.uncompressedSize ?? 0, limits, count);
    if (isSheetPart(e.name)) {
      count.rows += countMatches(text, ROW);
      count.cells += countMatches(text, CELL);
      if (count.rows > limits.maxRows)
        throw new Refusal(`has more than ${limits.maxRows.toLocaleString('en')} rows in its sheets; expected a workbook of at most that many`);
      if (count.cells > limits.maxCells)
        throw new Refusal(`has more than ${limits.maxCells.toLocaleString('en')} cells in its sheets; expected a workbook of at most that many`);
    }
    if (/\.(xml|rels)$/i.test(e.name)) parts.set(e.name.replace(/^\/+/, '').toLowerCase(), text);
  }
  return parts;
}

/** A picked workbook's cells, read within the limits; refusals are TemplateWorkbookErrors of kind `unreadable` (their InputError inside). */
export async function readWorkbookBytes(bytes: Uint8Array, file: string, limits: LoadLimits = WORKBOOK_LIMITS): Promise<PartsWorkbook> {
  if (bytes.length === 0) throw refuse(file, 'is empty; expected an .xlsx workbook');
  if (bytes.length > limits.maxFileBytes)
    throw refuse(file, `is ${(bytes.length / MB).toFixed(1)} MB; expected a workbook of at most ${limits.maxFileBytes / MB} MB`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
    throw refuse(file, 'is an encrypted workbook or an Excel 97-2003 (.xls) file; expected an .xlsx workbook saved without a password');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) throw refuse(file, 'is not an .xlsx workbook (not a zip package)');
  try {
    return new PartsWorkbook(await readParts(bytes, limits), file, limits.maxCells);
  } catch (err) {
    if (err instanceof InputError) throw new TemplateWorkbookError('unreadable', err);
    if (err instanceof Refusal) throw refuse(file, err.message);
    throw refuse(
      file,
      `is not a complete .xlsx workbook: the zip package is truncated or damaged (${(err as Error).message.split('\n')[0]}); expected the workbook as saved`,
    );
  }
}

/** The template a picked workbook carries; refuses what is not a template or report workbook, in the kinds the pane words. */
export async function readTemplateWorkbook(bytes: Uint8Array, file: string, limits: LoadLimits = WORKBOOK_LIMITS): Promise<Template> {
  const wb = await readWorkbookBytes(bytes, file, limits);
  try {
    return carriedTemplate(wb, file);
  } catch (err) {
    if (err instanceof InputError && !(err instanceof TemplateWorkbookError)) throw new TemplateWorkbookError('unreadable', err);
    throw err;
  }
}
