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

/** MS-DOS date and time in the machine's time zone, as yazl encodes an entry's mtime (clamped to 1980-2107). */
export function dosDateTime(when: Date): { date: number; time: number } {
  const min = new Date(1980, 0, 1);
  const max = new Date(2107, 11, 31, 23, 59, 58);
  const d = when < min ? min : when > max ? max : when;
  const date = (d.getDate() & 0x1f) | (((d.getMonth() + 1) & 0xf) << 5) | (((d.getFullYear() - 1980) & 0x7f) << 9);
  const time = Math.floor(d.getSeconds() / 2) | ((d.getMinutes() & 0x3f) << 5) | ((d.getHours() & 0x1f) << 11);
  return { date, time };
}

const VERSION_NEEDED = 20;
/** Unix, zip specification 6.3. */
const VERSION_MADE_BY = (3 << 8) | 63;
const UTF8_NAME = 1 << 11;
const DEFLATE = 8;
/** A regular file, rw-rw-r--, in the high half of the external attributes. */
const FILE_MODE = 0o100664;

/**
 * The fields a local header and a central directory entry share, in the same order from `at` (4 in the one, 6 in
 * the other): version needed, flags, method, time, date, CRC, compressed and uncompressed sizes, name length.
 */
function entryFields(b: Buffer, at: number, dos: { time: number; date: number }, d: Deflated, nameLength: number): void {
  b.writeUInt16LE(VERSION_NEEDED, at);
  b.writeUInt16LE(UTF8_NAME, at + 2);
  b.writeUInt16LE(DEFLATE, at + 4);
  b.writeUInt16LE(dos.time, at + 6);
  b.writeUInt16LE(dos.date, at + 8);
  b.writeUInt32LE(d.crc, at + 10);
  b.writeUInt32LE(d.data.length, at + 14);
  b.writeUInt32LE(d.size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}

/** The largest package this writes: beyond it a zip needs zip64 records, which zip-blocks.ts writes. */
const MAX_BYTES = 0xfffffffe;

/**
 * The zip file of `parts`, in their order, each deflated at `level`, with `mtime` as every entry's time. Undefined
 * when the parts are too large for a zip without zip64 records (never a small package's).
 */
export function zipInMemory(parts: WholePart[], mtime: Date, level: number): Buffer | undefined {
  const { date, time } = dosDateTime(mtime);
  const stamp = Math.max(-0x80000000, Math.min(0x7fffffff, Math.floor(mtime.getTime() / 1000)));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const d = deflated(part, level);
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4, { time, date }, d, name.length);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length + 9);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    entryFields(central, 6, { time, date }, d, name.length);
    central.writeUInt16LE(9, 30); // the Info-ZIP time stamp below
    central.writeUInt32LE(FILE_MODE * 0x10000, 38);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    // Info-ZIP universal time stamp ("UT"): modification time, with the access-time flag set as Info-ZIP sets it.
    central.writeUInt16LE(0x5455, 46 + name.length);
    central.writeUInt16LE(5, 48 + name.length);
    central.writeUInt8(3, 50 + name.length);
    central.writeInt32LE(stamp, 51 + name.length);
    locals.push(local, d.data);
    centrals.push(central);
    offset += local.length + d.data.length;
    if (offset > MAX_BYTES) return undefined;
  }
  const size = centrals.reduce((n, c) => n + c.length, 0);
  if (parts.length >= 0xffff || size >= 0xffff) return undefined;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
