/**
 * Loading a data file from disk: whole (validated, every problem located), or,
 * for a large JSON file, checked in one streamed pass and read again as the
 * workbook is written.
 */
import { summarize, type DataSummary } from '../../core/data-file/counts';
import { readData } from '../../core/data-file/read';
import { InputError, type Located } from '../../core/errors';
import type { DataRows } from '../../core/data-rows';
import { formatPath } from '../../core/rules';
import type { ReportData, StreamableData } from '../../core/schema';
import { NotStreamable, readStreamed } from '../../core/stream/read';
import { MB } from '../bytes';
import { fileSource } from './file-source';
import { inputSize, MAX_JSON_BYTES, readTextInput } from './input';

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

export interface ReportInput {
  /** The data; when read as a stream, its measures and catalog entries are read again from the file on each pass. */
  data: StreamableData;
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
  /** A streamed file's measures are kept by the pass that checks them (StreamOptions.keepMeasures), not read again. */
  keepMeasures?: boolean;
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
        const source = fileSource(file, opts.chunkBytes);
        const onRead = opts.onRead;
        if (onRead) source.progress = (read) => onRead(read, size);
        return readStreamed(source, { keepMeasures: opts.keepMeasures });
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
  const problems: Located[] = err.problems.map((p) => ({ file, path: formatPath(p.path) || undefined, message: p.message, zh: p.zh }));
  problems.push({
    file,
    message:
      `is ${(size / MB).toFixed(1)} MB: too large to locate problems at a line and column (files of at most ${(limit / MB).toFixed(0)} MB are read whole to do so); ` +
      'the first problem found is named above by its path in the data',
    zh:
      `为 ${(size / MB).toFixed(1)} MB，过大，无法指出问题所在的行和列（不超过 ${(limit / MB).toFixed(0)} MB 的文件才整体读取以定位问题）；` +
      '上面按数据中的位置列出了找到的第一个问题',
  });
  return new InputError(problems);
}
