/**
 * A large package zipped in blocks deflated side by side in Node's thread
 * pool, as pigz does: a part's bytes are cut into blocks of BLOCK_BYTES, each
 * deflated on its own with the 32 KB before it as its dictionary (so the
 * output is as small as one stream's) and ending on a byte boundary
 * (Z_SYNC_FLUSH; a part's last block ends the stream, Z_FINISH); the blocks'
 * output is written in order. The main thread writes the XML and hands each
 * block over once: yazl's stream a part deflated 64 KB at a time, each chunk
 * handed over through the event loop between rows, and the main thread
 * waited on those round trips for a tenth of a 15 MB workbook's time.
 *
 * The zip is laid out as yazl lays out the same entries (zip-blocks.test.ts
 * compares the two): a streamed part has a data descriptor after its data
 * (flag bit 3), a part made whole its CRC and sizes in its local header,
 * every central entry an Info-ZIP time stamp, and zip64 records where sizes,
 * offsets or the number of entries need them. Memory is bounded: at most
 * IN_FLIGHT blocks are deflated or wait to be written at once.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { crc32 } from './native-crc';
import { partBytes, type Part } from './parts';
import {
  centralEntry,
  dataDescriptor,
  DATA_DESCRIPTOR,
  dosDateTime,
  endOfCentralDirectory,
  localHeader,
  unixStamp,
  UTF8_NAME,
  ZIP64_ABOVE,
  type Entry,
} from './zip-records';

/** The bytes a block holds before it is deflated. */
export const BLOCK_BYTES = 1 << 18;
/** Deflate's window: the bytes before a block given to it as its dictionary. */
const WINDOW = 1 << 15;
/** Blocks deflated or waiting to be written at once: the thread pool's four threads' work, twice. */
const IN_FLIGHT = 8;

/** Deflates a block in the thread pool: the end of a part's data (`last`), or a block ending on a byte boundary. */
function deflate(bytes: Uint8Array, level: number, last: boolean, dictionary?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zlib.deflateRaw(bytes, { level, dictionary, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }, (err, out) =>
      err ? reject(err) : resolve(out),
    ),
  );
}

/**
 * Block buffers, used again: a new 256 KB buffer a block left the process some 10 MB larger by its end (the freed
 * ones stay with the C library's allocator).
 */
class Pool {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(BLOCK_BYTES);
  }

  give(buffer: Buffer): void {
    this.free.push(buffer);
  }
}

/**
 * What is written next: bytes, or bytes still being deflated, and what is made of them once everything before them
 * is written (`make`: a local header needs its own offset, a data descriptor the sizes of the blocks before it).
 */
interface Piece {
  data?: Buffer | Promise<Buffer>;
  make?: (offset: number, data?: Buffer) => Buffer;
}

/** The file being written: pieces in order, some still being deflated; at most IN_FLIGHT of those at once. */
class Output {
  private readonly queue: Piece[] = [];
  private deflating = 0;
  offset = 0;

  constructor(private readonly fd: number) {}

  /** Queues a piece to be written after everything queued before; waits while too many blocks are being deflated. */
  async put(piece: Piece): Promise<void> {
    if (piece.data instanceof Promise) {
      piece.data.catch(() => undefined); // awaited in order below: a failure meanwhile is not an unhandled one
      this.deflating++;
    }
    this.queue.push(piece);
    if (this.deflating >= IN_FLIGHT) await this.drain(IN_FLIGHT / 2);
  }

  /** Writes pieces in order until at most `keep` of those queued are still being deflated; everything when 0. */
  async drain(keep = 0): Promise<void> {
    while (this.queue.length && (keep === 0 || this.deflating > keep)) {
      const piece = this.queue.shift()!;
      let data = piece.data;
      if (data instanceof Promise) {
        data = await data;
        this.deflating--;
      }
      this.write(piece.make ? piece.make(this.offset, data) : data!);
    }
  }

  private write(data: Buffer): void {
    for (let done = 0; done < data.length;) done += fs.writeSync(this.fd, data, done, data.length - done);
    this.offset += data.length;
  }
}

export interface ZipOptions {
  level: number;
  /** Every entry's time. */
  mtime: Date;
  /** Whether a part is made whole and deflated at once (a small sheet, a chart) rather than streamed in blocks. */
  whole: (part: Extract<Part, { chunks: unknown }>) => boolean;
  /** Sizes and offsets above this are written in zip64 records: 0xfffffffe, as yazl; lower in tests. */
  zip64Above?: number;
}

/** A zip being written: its entries so far, the file's pieces, the block buffers. */
class BlockZip {
  private readonly entries: Entry[] = [];
  private readonly pool = new Pool();
  /** The 32 KB before the next block of a streamed part, its dictionary. */
  private readonly window = Buffer.allocUnsafeSlow(WINDOW);
  private readonly dos: { time: number; date: number };
  private readonly above: number;

  constructor(
    private readonly out: Output,
    private readonly options: ZipOptions,
  ) {
    this.dos = dosDateTime(options.mtime);
    this.above = options.zip64Above ?? ZIP64_ABOVE;
  }

  private entry(name: string, flags: number): Entry {
    const e = { name: Buffer.from(name, 'utf8'), flags, crc: 0, size: 0, compressed: 0, offset: 0, wide: false };
    this.entries.push(e);
    return e;
  }

  private widen(e: Entry): void {
    e.wide = e.size > this.above || e.compressed > this.above || e.offset > this.above;
  }

  /** A part made whole: deflated in one call, its CRC and sizes in its local header. */
  async whole(part: Part): Promise<void> {
    const bytes = partBytes(part);
    const e = this.entry(part.name, UTF8_NAME);
    e.crc = crc32(bytes);
    e.size = bytes.length;
    await this.out.put({
      data: deflate(bytes, this.options.level, true),
      make: (offset, data) => {
        e.offset = offset;
        e.compressed = data!.length;
        this.widen(e);
        return Buffer.concat([localHeader(e, this.dos), data!]);
      },
    });
  }

  /**
   * A part streamed in blocks, its CRC and sizes in a data descriptor after them. Each block is copied into a buffer
   * of the pool, handed back once it is deflated; the 32 KB before it is kept apart (zlib copies a dictionary when a
   * deflate starts, so the buffer it came from may be filled again meanwhile).
   */
  async streamed(part: Extract<Part, { chunks: unknown }>): Promise<void> {
    const e = this.entry(part.name, UTF8_NAME | DATA_DESCRIPTOR);
    await this.out.put({
      make: (offset) => {
        e.offset = offset;
        return localHeader(e, this.dos);
      },
    });
    const counted = (_: number, data?: Buffer) => {
      e.compressed += data!.length;
      return data!;
    };
    let block = this.pool.take();
    let held = 0;
    let windowed = false;
    const submit = async (last: boolean) => {
      const buffer = block;
      const deflated = deflate(buffer.subarray(0, held), this.options.level, last, windowed ? this.window : undefined);
      const back = () => this.pool.give(buffer);
      deflated.then(back, back);
      if (!last) {
        buffer.copy(this.window, 0, held - WINDOW, held);
        windowed = true;
        block = this.pool.take();
        held = 0;
      }
      await this.out.put({ data: deflated, make: counted });
    };
    for (const chunk of part.chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      e.crc = crc32(bytes, e.crc);
      e.size += bytes.length;
      for (let from = 0; from < bytes.length;) {
        const n = Math.min(bytes.length - from, BLOCK_BYTES - held);
        block.set(from === 0 && n === bytes.length ? bytes : bytes.subarray(from, from + n), held);
        held += n;
        from += n;
        if (held === BLOCK_BYTES) await submit(false);
      }
    }
    await submit(true);
    await this.out.put({
      make: () => {
        this.widen(e);
        return dataDescriptor(e);
      },
    });
  }

  /** The central directory and its end, once every entry is written. */
  async end(): Promise<void> {
    await this.out.drain();
    const start = this.out.offset;
    const stamp = unixStamp(this.options.mtime);
    const central = Buffer.concat(this.entries.map((e) => centralEntry(e, this.dos, stamp)));
    await this.out.put({ data: Buffer.concat([central, endOfCentralDirectory(this.entries.length, central.length, start, this.above)]) });
    await this.out.drain();
  }
}

/**
 * Writes `parts` as a zip file to `file` (created or truncated). Rejects when a part's chunks throw or a write fails,
 * leaving the file for the caller to remove (writeAtomic).
 */
export async function zipInBlocks(parts: Part[], file: string, options: ZipOptions): Promise<void> {
  const fd = fs.openSync(file, 'w');
  try {
    const zip = new BlockZip(new Output(fd), options);
    for (const part of parts) {
      if ('xml' in part || options.whole(part)) await zip.whole(part);
      else await zip.streamed(part);
    }
    await zip.end();
  } finally {
    fs.closeSync(fd);
  }
}
