/**
 * The records of a zip file, as yazl writes them for the same entries: the
 * local header before an entry's data (its CRC and sizes in it, or after the
 * data in a data descriptor), the central directory's entry with an Info-ZIP
 * time stamp and, past 4 GB, zip64's sizes and offset, and the end of the
 * central directory. Written by both zip writers: in memory (zip-memory.ts)
 * and in blocks (zip-blocks.ts).
 */

const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Unix, zip specification 6.3. */
const VERSION_MADE_BY = (3 << 8) | 63;
export const UTF8_NAME = 1 << 11;
export const DATA_DESCRIPTOR = 1 << 3;
const DEFLATE = 8;
/** A regular file, rw-rw-r--, in the high half of the external attributes. */
const FILE_MODE = 0o100664;
/** Above this a size or an offset is written in zip64 records (yazl's bound). */
export const ZIP64_ABOVE = 0xfffffffe;

/** MS-DOS date and time in the machine's time zone, as yazl encodes an entry's mtime (clamped to 1980-2107). */
export function dosDateTime(when: Date): { date: number; time: number } {
  const min = new Date(1980, 0, 1);
  const max = new Date(2107, 11, 31, 23, 59, 58);
  const d = when < min ? min : when > max ? max : when;
  const date = (d.getDate() & 0x1f) | (((d.getMonth() + 1) & 0xf) << 5) | (((d.getFullYear() - 1980) & 0x7f) << 9);
  const time = Math.floor(d.getSeconds() / 2) | ((d.getMinutes() & 0x3f) << 5) | ((d.getHours() & 0x1f) << 11);
  return { date, time };
}

/** The Info-ZIP time stamp's seconds since 1970 (clamped to what 32 bits hold, 1901-2038). */
export function unixStamp(when: Date): number {
  return Math.max(-0x80000000, Math.min(0x7fffffff, Math.floor(when.getTime() / 1000)));
}

export interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
  /** Whether its sizes and offset are written in zip64 records: decided once they are known. */
  wide: boolean;
}

export function localHeader(e: Entry, dos: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(30 + e.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(e.flags, 6);
  b.writeUInt16LE(DEFLATE, 8);
  b.writeUInt16LE(dos.time, 10);
  b.writeUInt16LE(dos.date, 12);
  if (!(e.flags & DATA_DESCRIPTOR)) {
    b.writeUInt32LE(e.crc, 14);
    b.writeUInt32LE(e.compressed, 18);
    b.writeUInt32LE(e.size, 22);
  }
  b.writeUInt16LE(e.name.length, 26);
  e.name.copy(b, 30);
  return b;
}

export function dataDescriptor(e: Entry): Buffer {
  const b = Buffer.alloc(e.wide ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(e.crc, 4);
  if (e.wide) {
    b.writeBigUInt64LE(BigInt(e.compressed), 8);
    b.writeBigUInt64LE(BigInt(e.size), 16);
  } else {
    b.writeUInt32LE(e.compressed, 8);
    b.writeUInt32LE(e.size, 12);
  }
  return b;
}

export function centralEntry(e: Entry, dos: { time: number; date: number }, stamp: number): Buffer {
  const extra = 9 + (e.wide ? 28 : 0);
  const b = Buffer.alloc(46 + e.name.length + extra);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(e.wide ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
  b.writeUInt16LE(e.flags, 8);
  b.writeUInt16LE(DEFLATE, 10);
  b.writeUInt16LE(dos.time, 12);
  b.writeUInt16LE(dos.date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.wide ? 0xffffffff : e.compressed, 20);
  b.writeUInt32LE(e.wide ? 0xffffffff : e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt16LE(extra, 30);
  b.writeUInt32LE(FILE_MODE * 0x10000, 38);
  b.writeUInt32LE(e.wide ? 0xffffffff : e.offset, 42);
  let at = 46 + e.name.copy(b, 46);
  // Info-ZIP universal time stamp ("UT"): modification time, with the access-time flag set as Info-ZIP sets it.
  b.writeUInt16LE(0x5455, at);
  b.writeUInt16LE(5, at + 2);
  b.writeUInt8(3, at + 4);
  b.writeInt32LE(stamp, at + 5);
  at += 9;
  if (e.wide) {
    // Zip64 extended information: sizes and offset, as yazl writes it (no disk number).
    b.writeUInt16LE(0x0001, at);
    b.writeUInt16LE(24, at + 2);
    b.writeBigUInt64LE(BigInt(e.size), at + 4);
    b.writeBigUInt64LE(BigInt(e.compressed), at + 12);
    b.writeBigUInt64LE(BigInt(e.offset), at + 20);
  }
  return b;
}

/** The end of the central directory, after zip64's record and locator when the entries, size or start need them. */
export function endOfCentralDirectory(count: number, size: number, start: number, above: number): Buffer {
  const wide = count >= 0xffff || size > above || start > above;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(wide ? 0xffff : count, 8);
  end.writeUInt16LE(wide ? 0xffff : count, 10);
  end.writeUInt32LE(wide ? 0xffffffff : size, 12);
  end.writeUInt32LE(wide ? 0xffffffff : start, 16);
  if (!wide) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(start), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(start + size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}
