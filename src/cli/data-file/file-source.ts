/**
 * A data file read in fixed chunks, as many times as the streamed reader
 * needs (src/core/stream/read.ts), each reading checked against the first.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { InputError } from '../../core/errors';
import type { ByteSource } from '../../core/stream/read';
import { cannotRead, isZip, ZIP_INPUT } from './input';

/** Node's Buffer decodes UTF-8 with utf8Slice (what toString('utf8', start, end) calls after checking its arguments). */
type Utf8Slicing = Buffer & { utf8Slice(start: number, end: number): string };

/** Bytes read at a time by the streamed reader; each chunk's digest is kept to tell whether the file changes between passes. */
const CHUNK_BYTES = 1 << 20;

function changed(file: string): InputError {
  return InputError.one(
    file,
    'changed while the report was being written (a large data file is read twice: to check it, then to write its rows); expected the file to stay the same until generate is done',
    { zh: '在生成报告期间被改动（大的数据文件要读两遍：先检查，再写入各行）；在生成完成之前，请勿改动此文件' },
  );
}

/**
 * A file read in fixed chunks. The first reading keeps a SHA-256 digest of
 * each chunk; every later reading checks each chunk against it before
 * handing it on, so the rows written are the rows that were checked.
 */
export function fileSource(file: string, chunkBytes = CHUNK_BYTES): ByteSource {
  const digests: Buffer[] = [];
  let recorded = false;
  return {
    *chunks() {
      if (!recorded && digests.length) throw new Error('the first reading of the file was not finished');
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch (err) {
        if (recorded) throw changed(file);
        throw InputError.one(file, ...cannotRead((err as NodeJS.ErrnoException).code));
      }
      try {
        const buf = Buffer.allocUnsafe(chunkBytes);
        let k = 0;
        for (let pos = 0; ; k++) {
          let n = 0;
          while (n < chunkBytes) {
            const r = fs.readSync(fd, buf, n, chunkBytes - n, pos + n);
            if (r === 0) break;
            n += r;
          }
          if (n === 0) break;
          const chunk = buf.subarray(0, n);
          if (k === 0 && isZip(chunk)) throw InputError.one(file, ZIP_INPUT.message, ZIP_INPUT);
          const digest = createHash('sha256').update(chunk).digest();
          if (!recorded) digests.push(digest);
          else if (k >= digests.length || !digest.equals(digests[k])) throw changed(file);
          yield chunk;
          pos += n;
          if (n < chunkBytes) {
            k++;
            break;
          }
        }
        if (!recorded) recorded = true;
        else if (k !== digests.length) throw changed(file);
      } finally {
        fs.closeSync(fd);
      }
    },
    // Buffer's own utf8Slice: toString's checks of its arguments cost a third of decoding one row of a million.
    text: (bytes, start, end) =>
      ((Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Utf8Slicing).utf8Slice(start, end),
  };
}
