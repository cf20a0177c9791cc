/**
 * A small package (a form: ten parts of some 100 KB in all) zipped in memory
 * in one call, for one write. The bytes are those yazl writes for the same
 * entries added whole (addBuffer: sizes and CRC in the local header, no data
 * descriptor, an Info-ZIP time stamp in the central directory), which a test
 * checks; only the work differs. yazl deflates each part in Node's thread
 * pool through a zlib stream, which costs some 0.2 ms of the main thread a
 * part whatever its size; here each part is deflated synchronously, and a
 * part whose bytes are the same as the last one of its name (the styles, the
 * relationships, the properties: the same in every form of `form --all`) is
 * not deflated again.
 */
import * as zlib from 'node:zlib';
import { crc32 } from './native-crc';
import { centralEntry, dosDateTime, endOfCentralDirectory, localHeader, unixStamp, UTF8_NAME, ZIP64_ABOVE, type Entry } from './zip-records';

/** A part of the package, whole: its UTF-8 bytes. */
export interface WholePart {
  name: string;
  bytes: Buffer;
}

type Deflated = { raw: Buffer; crc: number; size: number; data: Buffer };

/** The last part deflated under each name; at most MAX_NAMES names are kept (a small package has fewer parts). */
const LAST = new Map<string, Deflated>();
const MAX_NAMES = 64;

function deflated(part: WholePart, level: number): Deflated {
  const last = LAST.get(part.name);
  const raw = part.bytes;
  if (last && (last.raw === raw || last.raw.equals(raw))) return last;
  const d: Deflated = { raw, crc: crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw, { level }) };
  if (!last && LAST.size >= MAX_NAMES) LAST.clear();
  LAST.set(part.name, d);
  return d;
}

/** The largest package this writes: beyond it a zip needs zip64 records, which zip-blocks.ts writes. */
const MAX_BYTES = ZIP64_ABOVE;

/**
 * The zip file of `parts`, in their order, each deflated at `level`, with `mtime` as every entry's time. Undefined
 * when the parts are too large for a zip without zip64 records (never a small package's).
 */
export function zipInMemory(parts: WholePart[], mtime: Date, level: number): Buffer | undefined {
  const dos = dosDateTime(mtime);
  const stamp = unixStamp(mtime);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const d = deflated(part, level);
    const e: Entry = { name: Buffer.from(part.name, 'utf8'), flags: UTF8_NAME, crc: d.crc, size: d.size, compressed: d.data.length, offset, wide: false };
    const local = localHeader(e, dos);
    locals.push(local, d.data);
    centrals.push(centralEntry(e, dos, stamp));
    offset += local.length + d.data.length;
    if (offset > MAX_BYTES) return undefined;
  }
  const size = centrals.reduce((n, c) => n + c.length, 0);
  if (parts.length >= 0xffff || size >= 0xffff) return undefined;
  return Buffer.concat([...locals, ...centrals, endOfCentralDirectory(parts.length, size, offset, MAX_BYTES)]);
}
