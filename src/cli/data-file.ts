import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { readData, summarize, type DataSummary } from '../core/data';
import { InputError, type Located } from '../core/errors';
import type { DataRows } from '../core/layout/context';
import { formatPath } from '../core/rules';
import type { ReportData } from '../core/schema';
import { NotStreamable, readStreamed, type ByteSource } from '../core/stream/read';
import { MB } from './bytes';
import { inputSize, isZip, MAX_JSON_BYTES, readTextInput, ZIP_INPUT } from './files';

/** Reads and validates a data file whole; throws an InputError naming every problem's file, line and column. */
export async function loadDataFile(file: string): Promise<ReportData> {
  return readData(await readTextInput(file), file);
}

/**
 * JSON data files larger than this are read as a stream by generate and
 * validate: memory stays flat in the number of measures and catalog entries.
 * Smaller files, and YAML, are read whole. PLAN_REPORT_STREAM_BYTES in the
 * environment overrides it (0 streams every JSON file).
 */
export const STREAM_JSON_BYTES = 16 * MB;

/** Bytes read at a time by the streamed reader; each chunk's digest is kept to tell whether the file changes between passes. */
const CHUNK_BYTES = 1 << 20;

export interface ReportInput {
  data: ReportData;
  /** When the data was read as a stream: where buildReport gets the measures and catalog entries. */
  rows?: DataRows;
  summary: DataSummary;
}

export interface LoadOptions {
  /** Read JSON files larger than this many bytes as a stream (default: PLAN_REPORT_STREAM_BYTES, else STREAM_JSON_BYTES). */
  streamAbove?: number;
  /** Bytes read at a time when streaming (tests use small chunks). */
  chunkBytes?: number;
  /** The largest JSON file read whole to locate its problems (default MAX_JSON_BYTES). */
  maxWholeBytes?: number;
  /** Told the bytes read so far and the file's size while a streamed file is being checked (a progress bar). */
  onRead?: (bytesRead: number, size: number) => void;
}

function streamThreshold(opts: LoadOptions): number {
  if (opts.streamAbove !== undefined) return opts.streamAbove;
  const env = process.env.PLAN_REPORT_STREAM_BYTES;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : STREAM_JSON_BYTES;
}

/**
 * A data file for a report: read whole (YAML, and JSON up to the stream
 * threshold) or, for a large JSON file, checked in one pass that keeps only
 * counts, with its rows read again as the workbook is written. A file the
 * streamed pass cannot vouch for is read whole, so every problem is reported
 * exactly as for a small file, at its line and column.
 */
export async function loadReportInput(file: string, opts: LoadOptions = {}): Promise<ReportInput> {
  if (/\.json$/i.test(file)) {
    const size = await inputSize(file);
    if (size > streamThreshold(opts)) {
      try {
        const source = fileSource(file, opts.chunkBytes ?? CHUNK_BYTES);
        const onRead = opts.onRead;
        if (onRead) source.progress = (read) => onRead(read, size);
        return readStreamed(source);
      } catch (err) {
        if (!(err instanceof NotStreamable)) throw err;
        const limit = opts.maxWholeBytes ?? MAX_JSON_BYTES;
        if (size > limit) throw tooLargeToLocate(file, size, limit, err);
      }
    }
  }
  const data = await loadDataFile(file);
  return { data, summary: summarize(data) };
}

/** A file too large to be read whole has its problems named by path only. */
function tooLargeToLocate(file: string, size: number, limit: number, err: NotStreamable): InputError {
  const problems: Located[] = err.problems.map((p) => ({ file, path: formatPath(p.path) || undefined, message: p.message }));
  problems.push({
    file,
    message:
      `is ${(size / MB).toFixed(1)} MB: too large to locate problems at a line and column (files of at most ${(limit / MB).toFixed(0)} MB are read whole to do so); ` +
      'the first problem found is named above by its path in the data',
  });
  return new InputError(problems);
}

function changed(file: string): InputError {
  return InputError.one(
    file,
    'changed while the report was being written (a large data file is read twice: to check it, then to write its rows); expected the file to stay the same until generate is done',
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
        throw InputError.one(file, `cannot read the file (${(err as NodeJS.ErrnoException).code}); expected a readable data file`);
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
          if (k === 0 && isZip(chunk)) throw InputError.one(file, ZIP_INPUT);
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
    text: (bytes, start, end) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('utf8', start, end),
  };
}
