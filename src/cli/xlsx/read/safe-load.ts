/**
 * Bounded loading of workbooks that come from outside (returned forms,
 * workbooks to extract): before anything is read, the file is checked to be
 * a zip package, its central directory is read (entry count, declared sizes
 * and ratios), and every entry is inflated and counted: it must unpack to
 * exactly its declared size (a small entry is inflated at once, never past
 * that size; a large part kept for reading at once into one buffer of that
 * size and a byte, on libuv's threads or, for a caller that works meanwhile,
 * inflated and counted in a worker thread; any other large one as a stream,
 * stopping as soon as a limit is passed), with the rows and cells of each
 * sheet counted (over its bytes) before the sheet is read. A file that is not a workbook, a truncated or
 * corrupt zip, a zip bomb or a sheet of a million rows gets a clear refusal
 * within bounded time and memory, never a crash.
 */
import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../../../core/errors';
import { MB } from '../../bytes';
import { countRowsAndCells, countRowsAndCellsIn, isSheetPart, RETURN_LIMITS, type LoadLimits } from '../../../core/read/limits';
import { SheetWorker, type Counted, type Inflated } from './sheet-worker';
import { PartsWorkbook, type Parts } from './parts-grid';
import type { SheetText } from './sheet-cells';
import type { PreparedCells } from './sheet-prepared';
import { decodeText } from './xml-scan';

export { RETURN_LIMITS, WORKBOOK_LIMITS, type LoadLimits } from '../../../core/read/limits';

const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** A refusal of the package, in both languages. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/** What was expected, in Chinese (`what` is said by the caller in English). */
const WHAT_ZH: Record<string, string> = {
  'a workbook (.xlsx)': '工作簿（.xlsx）',
  'a returned form (.xlsx)': '交回的表单（.xlsx）',
  'a ledger (.xlsx)': '台账（.xlsx）',
};
const whatZh = (what: string) => WHAT_ZH[what] ?? '工作簿（.xlsx）';

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip!),
    );
  });
}

const isSheet = isSheetPart;

/** Entries this large (declared) are inflated as a stream and counted chunk by chunk; smaller ones at once, bounded by their declared size. */
const STREAM_ABOVE = 4 * MB;

/**
 * A large part of at most this size (declared) is kept while it is counted,
 * for the reader that asks for it first (the Measures sheet of a report of
 * 100,000 measures is 92 MB); a larger one is only counted, and inflated
 * again when asked for, so that a workbook over the limits is refused
 * holding at most this much of its text.
 */
const KEEP_COUNTED = 128 * MB;

const tooMany = (e: yauzl.Entry, got: number) => new Error(`too many bytes in the stream. expected ${e.uncompressedSize}. got at least ${got}`);
const tooFew = (e: yauzl.Entry, got: number) => new Error(`not enough bytes in the stream. expected ${e.uncompressedSize}. got only ${got}`);

/** The compressed bytes of an entry, after its local header. */
function entryData(buf: Buffer, e: yauzl.Entry): Buffer {
  const at = e.relativeOffsetOfLocalHeader;
  if (at + 30 > buf.length) throw new Error(`local file header overflows file bounds: ${at} + 30 > ${buf.length}`);
  const signature = buf.readUInt32LE(at);
  if (signature !== 0x04034b50) throw new Error(`invalid local file header signature: 0x${signature.toString(16)}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw new Error(`file data overflows file bounds: ${start} + ${e.compressedSize} > ${buf.length}`);
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new Error(`unsupported compression method: ${e.compressionMethod}`);
  return buf.subarray(start, start + e.compressedSize);
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * XML's bytes as text to scan: Latin-1, one character a byte (markup is
 * ASCII, and Latin-1 text is made at once), with the text of a piece decoded
 * as UTF-8 when it holds a byte above ASCII, as the whole would have been
 * (a piece is cut between tags, never inside a character). A byte order mark
 * is left out.
 */
export function bytesText(bytes: Buffer, prepared?: PreparedCells): SheetText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let xml: string | undefined;
  // Buffer's own slicers (what toString calls, without its checks of the encoding's name).
  const raw = bytes as Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
  const slice = (start: number, end: number) => {
    const from = bom + start;
    const to = bom + end;
    for (let i = from; i < to; i++) if (raw[i] > 127) return raw.utf8Slice(from, to);
    return raw.latin1Slice(from, to);
  };
  // A value's text decoded: at once when it is ASCII with no entity and no CR (most values), else as decodeText decodes it.
  const text = (start: number, end: number) => {
    const from = bom + start;
    const to = bom + end;
    for (let i = from; i < to; i++) {
      const b = raw[i];
      if (b > 127 || b === 38 || b === 13) return decodeText(slice(start, end));
    }
    return raw.latin1Slice(from, to);
  };
  return {
    // Made only when the sheet is read as text (sheet-bytes.ts reads a plain one from its bytes).
    get xml() {
      return (xml ??= bytes.toString('latin1', bom));
    },
    slice,
    bytes: { bytes, base: bom, slice, text, prepared },
  };
}

/**
 * The parts' text by name: small parts held, large ones (already inflated
 * once and counted within the limits) inflated again each time they are
 * asked for, and not held after, so that the text of a large sheet lives
 * only while the sheet is parsed.
 */
class LazyParts extends Map<string, string> {
  private readonly lazy = new Map<string, () => { bytes: Buffer; prepared?: PreparedCells }>();

  /**
   * A large part, inflated again each time it is asked for; `first`, its bytes as counted, given to the first asking
   * and dropped, with its cells when the worker thread read them (`prepared`).
   */
  later(name: string, bytes: () => Buffer, first?: Buffer, prepared?: PreparedCells): void {
    let held = first && { bytes: first, prepared };
    this.lazy.set(name, () => {
      const got = held ?? { bytes: bytes() };
      held = undefined;
      return got;
    });
  }

  override get(name: string): string | undefined {
    return super.get(name) ?? (this.lazy.has(name) ? withoutBom(this.lazy.get(name)!().bytes.toString('utf8')) : undefined);
  }

  /** A large part's text for scanning: its bytes as Latin-1, each value decoded as UTF-8 where it is more than ASCII (parts-grid.ts). */
  sheetText(name: string): SheetText | undefined {
    const got = this.lazy.get(name)?.();
    return got && bytesText(got.bytes, got.prepared);
  }

  override has(name: string): boolean {
    return super.has(name) || this.lazy.has(name);
  }
}

/** Parts kept as text for reading: the XML parts and relationships. */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** The entries' declared sizes within the limits: no encrypted entry, no part packed too tightly, not too much in all. */
function checkDeclared(entries: yauzl.Entry[], limits: LoadLimits): void {
  let declared = 0;
  for (const e of entries) {
    if (e.generalPurposeBitFlag & 1)
      throw new Refusal(
        'is encrypted (a zip entry needs a password); expected a workbook saved without a password',
        '已加密（需要密码才能打开）；应为未设打开密码的工作簿',
      );
    declared += e.uncompressedSize;
    if (e.uncompressedSize > MB && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
      throw new Refusal(
        `holds a part (${e.fileName}) that unpacks to ${size(e.uncompressedSize)} from ${size(e.compressedSize)}, a ratio of ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1; expected a workbook, not a zip bomb`,
        `其中一个部件（${e.fileName}）由 ${size(e.compressedSize)} 解压为 ${size(e.uncompressedSize)}，压缩比异常；应为正常的工作簿，而非“压缩炸弹”`,
      );
    }
  }
  if (declared > limits.maxUnpackedBytes)
    throw new Refusal(
      `unpacks to ${size(declared)}; expected a workbook of at most ${size(limits.maxUnpackedBytes)} unpacked`,
      `解压后为 ${size(declared)}；工作簿解压后最多应为 ${size(limits.maxUnpackedBytes)}`,
    );
}

/**
 * Inflates every entry, counting bytes, rows and cells; refuses as soon as a
 * limit is passed. Every entry must unpack to exactly the size it declares
 * (the declared sizes were checked against the limits first). Gives the text
 * of the XML parts when `keep` is set, by lowercased name.
 */
async function inspect(buf: Buffer, limits: LoadLimits, keep: boolean, onInflating?: () => void): Promise<Parts> {
  const kept = new LazyParts();
  const zip = await openZip(buf);
  let worker: SheetWorker | undefined;
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new Refusal(
        `holds ${zip.entryCount} zip entries; expected a workbook of at most ${limits.maxEntries}`,
        `压缩包内有 ${zip.entryCount} 个条目；工作簿最多应有 ${limits.maxEntries} 个`,
      );
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
      throw new Refusal(
        'is a zip package but not a workbook (it has no xl/workbook.xml); expected an .xlsx workbook',
        '是压缩包而不是工作簿（其中没有 xl/workbook.xml）；应为 .xlsx 工作簿',
      );
    }
    checkDeclared(entries, limits);

    const count = { unpacked: 0, rows: 0, cells: 0 };
    // A caller that works meanwhile has its large sheets inflated and counted in a worker thread (sheet-worker.ts).
    if (onInflating && entries.some((e) => isSheet(e.fileName) && keepsWhole(e, keep) && e.compressionMethod === 8)) worker = new SheetWorker();
    const whole = startWhole(buf, entries, keep, worker, limits);
    onInflating?.();
    const keepText = (e: yauzl.Entry, text: string) => kept.set(e.fileName.replace(/^\/+/, '').toLowerCase(), withoutBom(text));
    // Large parts are only counted here, and inflated again when a reader asks for them (LazyParts): a workbook over
    // the limits is refused in flat memory, never after holding its sheets' text, and a sheet not read is never held.
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const sheet = isSheet(e.fileName);
      const data = entryData(buf, e);
      const wanted = keep && isXmlPart(e.fileName);
      const inflating = whole.get(e) ?? (keepsWhole(e, keep) ? inflateWhole(data, e).then((bytes): Inflated => ({ bytes })) : undefined);
      if (inflating) {
        const { bytes, counted, prepared } = await inflating;
        countWhole(bytes, e, limits, count, sheet, counted);
        kept.later(e.fileName.replace(/^\/+/, '').toLowerCase(), () => inflateAtOnce(data, e), bytes, prepared);
      } else if (e.uncompressedSize <= STREAM_ABOVE) {
        const bytes = inflateAtOnce(data, e);
        count.unpacked += bytes.length;
        const text = sheet || wanted ? bytes.toString('utf8') : undefined;
        if (sheet) {
          countRowsAndCells(text!, count);
          checkRowsAndCells(count, limits);
        }
        if (wanted) keepText(e, text!);
      } else {
        // A part over KEEP_COUNTED, or not kept, is inflated as a stream and counted chunk by chunk, and not held.
        await inflateStreaming(data, e, limits, count, sheet);
        if (wanted) kept.later(e.fileName.replace(/^\/+/, '').toLowerCase(), () => inflateAtOnce(data, e));
      }
    }
  } finally {
    zip.close();
    worker?.close();
  }
  return kept;
}

/** A large XML part of at most KEEP_COUNTED (declared), kept for its first reader: inflated whole, then counted. */
const keepsWhole = (e: yauzl.Entry, keep: boolean) =>
  keep && !e.fileName.endsWith('/') && isXmlPart(e.fileName) && e.uncompressedSize > STREAM_ABOVE && e.uncompressedSize <= KEEP_COUNTED;

/**
 * The large parts kept for a reader, started inflating at once, each into
 * one buffer of its declared size, on libuv's threads (while the caller goes
 * on: generate checks its data file meanwhile), as many as KEEP_COUNTED holds
 * together; the others are inflated whole when they are counted, in turn.
 * With `worker`, a deflated sheet is inflated and counted in its thread, and
 * its cells read there too when it is within `limits` on its own.
 */
function startWhole(buf: Buffer, entries: yauzl.Entry[], keep: boolean, worker?: SheetWorker, limits?: LoadLimits): Map<yauzl.Entry, Promise<Inflated>> {
  const whole = new Map<yauzl.Entry, Promise<Inflated>>();
  let started = 0;
  for (const e of entries) {
    if (!keepsWhole(e, keep) || started + e.uncompressedSize > KEEP_COUNTED) continue;
    started += e.uncompressedSize;
    const data = entryData(buf, e);
    const inflating =
      worker && isSheet(e.fileName) && e.compressionMethod === 8
        ? worker.inflate(
            data,
            e.uncompressedSize,
            () => inflateWhole(data, e),
            { tooMany: (n) => tooMany(e, n), tooFew: (n) => tooFew(e, n) },
            limits && { maxRows: limits.maxRows, maxCells: limits.maxCells },
          )
        : inflateWhole(data, e).then((bytes): Inflated => ({ bytes }));
    // A refusal of an earlier part leaves it unread: its failure is not one to say.
    inflating.catch(() => undefined);
    whole.set(e, inflating);
  }
  return whole;
}

/**
 * A large entry inflated on libuv's threads in one task, into one buffer of
 * its declared size and a byte more (no chunks to gather and copy); an entry
 * that would unpack to more is stopped when that buffer is full.
 */
function inflateWhole(data: Buffer, e: yauzl.Entry): Promise<Buffer> {
  if (e.compressionMethod === 0) return Promise.resolve().then(() => inflateAtOnce(data, e));
  return new Promise<Buffer>((resolve, reject) => {
    const stream = zlib.createInflateRaw({ chunkSize: Math.max(64, e.uncompressedSize + 1) });
    let got: Buffer | undefined;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      if (got) return fail(tooMany(e, got.length + chunk.length));
      if (chunk.length > e.uncompressedSize) return fail(tooMany(e, chunk.length));
      got = chunk;
    });
    stream.on('end', () => {
      if (settled) return;
      const n = got?.length ?? 0;
      if (n < e.uncompressedSize) return fail(tooFew(e, n));
      settled = true;
      resolve(got!);
    });
    stream.on('error', fail);
    stream.end(data);
  });
}

/**
 * A part inflated whole, counted as inflateStreaming counts one (its bytes,
 * its rows and cells when it is a sheet) against the limits. `counted`: its
 * rows and cells, when the worker counted them (sheet-worker.ts).
 */
function countWhole(
  bytes: Buffer,
  e: yauzl.Entry,
  limits: LoadLimits,
  count: { unpacked: number; rows: number; cells: number },
  sheet: boolean,
  counted?: Counted,
): void {
  count.unpacked += bytes.length;
  if (count.unpacked > limits.maxUnpackedBytes) throw unpacksTooMuch(limits);
  if (bytes.length > MB && bytes.length / Math.max(1, e.compressedSize) > limits.maxRatio) throw bombPart(e);
  if (!sheet) return;
  if (counted) {
    count.rows += counted.rows;
    count.cells += counted.cells;
  } else countRowsAndCellsIn(bytes, 0, bytes.length, count);
  checkRowsAndCells(count, limits);
}

/** An entry inflated at once (a small one when first read, a large one again once counted within the limits); never more than it declares is unpacked. */
function inflateAtOnce(data: Buffer, e: yauzl.Entry): Buffer {
  if (e.compressionMethod === 0) {
    if (data.length > e.uncompressedSize) throw tooMany(e, data.length);
    if (data.length < e.uncompressedSize) throw tooFew(e, data.length);
    return data;
  }
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooMany(e, e.uncompressedSize + 1);
    throw err;
  }
  if (out.length > e.uncompressedSize) throw tooMany(e, out.length);
  if (out.length < e.uncompressedSize) throw tooFew(e, out.length);
  return out;
}

const unpacksTooMuch = (limits: LoadLimits) =>
  new Refusal(
    `unpacks to more than ${size(limits.maxUnpackedBytes)}; expected a smaller workbook (is it a zip bomb?)`,
    `解压后超过 ${size(limits.maxUnpackedBytes)}；应为更小的工作簿（是否为“压缩炸弹”？）`,
  );

const bombPart = (e: yauzl.Entry) =>
  new Refusal(
    `holds a part (${e.fileName}) that unpacks to far more than its ${size(e.compressedSize)}; expected a workbook, not a zip bomb`,
    `其中一个部件（${e.fileName}）解压后远大于其 ${size(e.compressedSize)}；应为正常的工作簿，而非“压缩炸弹”`,
  );

function checkRowsAndCells(count: { rows: number; cells: number }, limits: LoadLimits): void {
  if (count.rows > limits.maxRows)
    throw new Refusal(
      `has more than ${limits.maxRows.toLocaleString('en')} rows in its sheets; expected a workbook of at most that many (refused before it is read whole)`,
      `各工作表合计超过 ${limits.maxRows} 行；工作簿最多应有这么多行（未读完即已拒收）`,
    );
  if (count.cells > limits.maxCells)
    throw new Refusal(
      `has more than ${limits.maxCells.toLocaleString('en')} cells in its sheets; expected a workbook of at most that many`,
      `各工作表合计超过 ${limits.maxCells} 个单元格；工作簿最多应有这么多单元格`,
    );
}

/** A large entry, inflated as a stream and counted chunk by chunk (a sheet's rows and cells too), stopping at the first limit passed. */
function inflateStreaming(
  data: Buffer,
  e: yauzl.Entry,
  limits: LoadLimits,
  count: { unpacked: number; rows: number; cells: number },
  sheet: boolean,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let tail = '';
    let entryBytes = 0;
    let settled = false;
    const stream = e.compressionMethod === 8 ? zlib.createInflateRaw() : new PassThrough();
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      count.unpacked += chunk.length;
      entryBytes += chunk.length;
      if (entryBytes > e.uncompressedSize) return fail(tooMany(e, entryBytes));
      if (count.unpacked > limits.maxUnpackedBytes) return fail(unpacksTooMuch(limits));
      if (entryBytes > MB && entryBytes / Math.max(1, e.compressedSize) > limits.maxRatio) {
        return fail(bombPart(e));
      }
      if (!sheet) return;
      // Count element starts; keep a short tail so a tag split across chunks is counted once.
      const text = tail + chunk.toString('latin1');
      const cut = Math.max(0, text.length - 16);
      const whole = text.slice(0, cut);
      countRowsAndCells(whole, count);
      tail = text.slice(cut);
      try {
        checkRowsAndCells(count, limits);
      } catch (err) {
        fail(err as Error);
      }
    });
    stream.on('end', () => {
      if (settled) return;
      if (entryBytes < e.uncompressedSize) return fail(tooFew(e, entryBytes));
      if (sheet) {
        countRowsAndCells(tail, count);
        try {
          checkRowsAndCells(count, limits);
        } catch (err) {
          return fail(err as Error);
        }
      }
      settled = true;
      resolve();
    });
    stream.on('error', fail);
    // Fed in slices, so that a refusal stops the inflating early.
    const SLICE = 64 * 1024;
    let at = 0;
    const feed = () => {
      while (!settled && at < data.length) {
        const more = stream.write(data.subarray(at, Math.min(at + SLICE, data.length)));
        at += SLICE;
        if (!more) return void stream.once('drain', feed);
      }
      if (!settled) stream.end();
    };
    feed();
  });
}

/** The file's bytes once it is found to be a zip package of a sensible size; refuses anything else. */
async function readPackage(file: string, limits: LoadLimits, what: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw InputError.one(file, code === 'ENOENT' ? `no such file; expected ${what}` : `cannot read the file (${code}); expected ${what}`, {
      zh: code === 'ENOENT' ? `文件不存在；应为${whatZh(what)}` : `无法读取该文件（${code}）；应为${whatZh(what)}`,
    });
  }
  if (stat.isDirectory()) throw InputError.one(file, `is a directory; expected ${what}`, { zh: `是文件夹；应为${whatZh(what)}` });
  if (!stat.isFile()) throw InputError.one(file, `is not a regular file; expected ${what}`, { zh: `不是普通文件；应为${whatZh(what)}` });
  if (stat.size === 0) throw InputError.one(file, `is empty; expected ${what}`, { zh: `是空文件；应为${whatZh(what)}` });
  if (stat.size > limits.maxFileBytes)
    throw InputError.one(file, `is ${(stat.size / MB).toFixed(1)} MB; expected a workbook of at most ${limits.maxFileBytes / MB} MB`, {
      zh: `大小为 ${(stat.size / MB).toFixed(1)} MB；工作簿最大应为 ${limits.maxFileBytes / MB} MB`,
    });
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw InputError.one(file, `cannot read the file (${code}); expected ${what}`, { zh: `无法读取该文件（${code}）；应为${whatZh(what)}` });
  }
  const magic = buf.subarray(0, 4).toString('binary');
  if (magic === '\u00d0\u00cf\u0011\u00e0') {
    throw InputError.one(file, 'is an encrypted workbook or an Excel 97-2003 (.xls) file; expected an .xlsx workbook saved without a password to open it', {
      zh: '是加密的工作簿或 Excel 97-2003（.xls）文件；应为未设打开密码的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx）',
    });
  }
  if (magic !== 'PK\u0003\u0004') {
    if (magic === 'PK\u0005\u0006')
      throw InputError.one(file, 'is an empty zip package; expected an .xlsx workbook', { zh: '是空的压缩包；应为 .xlsx 工作簿' });
    throw InputError.one(file, 'is not an .xlsx workbook (not a zip package)', { zh: '不是 .xlsx 工作簿（不是压缩包格式）' });
  }
  return buf;
}

/** Checks the package within the limits (inspect), with the refusals named after the file. */
async function checkPackage(file: string, buf: Buffer, limits: LoadLimits, keep: boolean, onInflating?: () => void): Promise<Parts> {
  try {
    return await inspect(buf, limits, keep, onInflating);
  } catch (err) {
    if (err instanceof Refusal) throw InputError.one(file, err.message, { zh: err.zh });
    if (/too many bytes in the stream/.test((err as Error).message)) {
      throw InputError.one(file, 'holds a part that unpacks to more than the size it declares; expected a workbook, not a zip bomb', {
        zh: '其中一个部件解压后大于其声明的大小；应为正常的工作簿，而非“压缩炸弹”',
      });
    }
    throw InputError.one(
      file,
      `is not a complete .xlsx workbook: the zip package is truncated or damaged (${(err as Error).message.split('\n')[0]}); expected the workbook as saved`,
      { zh: '不是完整的 .xlsx 工作簿：压缩包被截断或已损坏；应为原样保存的工作簿' },
    );
  }
}

/**
 * The bytes of an .xlsx file once the package passed every check within the
 * limits (every entry inflated and counted), for a reader other than the
 * parts reader (the tests' exceljs reference). `what` says what was expected
 * (`a workbook (.xlsx)`).
 */
export async function checkedPackage(file: string, limits: LoadLimits = RETURN_LIMITS, what = 'a workbook (.xlsx)'): Promise<Buffer> {
  const buf = await readPackage(file, limits, what);
  await checkPackage(file, buf, limits, false);
  return buf;
}

/**
 * The cell values of an .xlsx file, after the checks, read from its XML parts
 * (parts-grid.ts): returned forms, read by the thousand, and report
 * workbooks (extract, `--template FILE.xlsx`). Only the parts' text is kept,
 * and a sheet is parsed when it is first asked for. Refuses what is missing,
 * not a workbook, damaged, encrypted or too large, with a message naming the
 * file; `what` says what was expected (`a workbook (.xlsx)`). `onInflating`
 * is told once its large parts are inflating on libuv's threads, so that
 * the caller may work meanwhile (it is not told when the file is refused first).
 */
export async function safeLoadGrid(
  file: string,
  limits: LoadLimits = RETURN_LIMITS,
  what = 'a workbook (.xlsx)',
  onInflating?: () => void,
): Promise<PartsWorkbook> {
  const buf = await readPackage(file, limits, what);
  const parts = await checkPackage(file, buf, limits, true, onInflating);
  const wb = new PartsWorkbook(parts, file, limits.maxCells);
  if (!wb.sheetNames.length) throw InputError.one(file, 'has no sheets; expected an .xlsx workbook', { zh: '没有工作表；应为 .xlsx 工作簿' });
  return wb;
}
