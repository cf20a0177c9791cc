/**
 * The streaming writer: the layout model written as XML straight into a zip
 * file, sheet by sheet and row by row, charts included, deflated in blocks
 * beside the writing (zip-blocks.ts); a small package (a form) zipped in
 * memory and written at once (zip-memory.ts). Nothing holds the whole
 * workbook: memory is the model's small sheets plus a few blocks of rows.
 * The output goes to a temporary file that is renamed into place. The parts
 * themselves are listed by parts.ts, which the add-in zips too.
 */
import { writeAtomic, writeFileAtomic, type InputFile } from '../../write-atomic';
import type { Workbook } from '../../../core/layout/model';
import { packageParts, packageTime, partBytes, type Part, type RowsWritten } from './parts';
import { zipInBlocks } from './zip-blocks';
import { zipInMemory, type WholePart } from './zip-memory';

/**
 * A sheet of at most this many rows is made whole and deflated in one call: streamed, it would cost more than its rows
 * (a form's sheets are some 50 rows, and `form --all` writes a thousand forms).
 */
const SMALL_SHEET = 200;
/** Deflate level 3: a third of the default level's time for a sheet 5% larger (measured on 100,000 measures). */
const LEVEL = 3;
/**
 * A package of at most this many parts, none of them a sheet of more than SMALL_SHEET rows, is zipped in memory and
 * written in one write (zip-memory.ts): a form's ten parts cost a third of the time yazl's streams took.
 */
const SMALL_PACKAGE = 64;

/**
 * The UTF-8 bytes of the last text part of each name made whole: a part whose XML is that of the last one (the styles,
 * the relationships, the properties: the same in every form of `form --all`) is not encoded again. At most
 * SMALL_PACKAGE names are kept.
 */
const ENCODED = new Map<string, { xml: string; bytes: Buffer }>();

function wholeBytes(part: Part): Buffer {
  if (!('xml' in part)) return partBytes(part);
  const last = ENCODED.get(part.name);
  if (last?.xml === part.xml) return last.bytes;
  const bytes = partBytes(part);
  if (!last && ENCODED.size >= SMALL_PACKAGE) ENCODED.clear();
  ENCODED.set(part.name, { xml: part.xml, bytes });
  return bytes;
}

/** The parts made whole when every one is small (a form, a small report); undefined for a larger package. */
function wholeParts(parts: Part[]): WholePart[] | undefined {
  if (parts.length > SMALL_PACKAGE) return undefined;
  if (parts.some((p) => 'chunks' in p && !madeWhole(p))) return undefined;
  return parts.map((p) => ({ name: p.name, bytes: wholeBytes(p) }));
}

/**
 * Writes a layout model to an .xlsx file by streaming, atomically; refuses to overwrite an input. A small package is
 * zipped in memory and written at once, in one synchronous write: its XML, and the model once the caller drops it,
 * are garbage of this turn, not kept while `form --all` builds the next forms (which V8 would move to the old
 * generation, at a cost). `now` is the time the package says it was written.
 */
export function streamWorkbook(model: Workbook, target: string, inputs: string[] | InputFile[] = [], onRows?: RowsWritten, now = packageTime()): Promise<void> {
  let parts: Part[];
  let mtime: Date;
  try {
    mtime = new Date(now);
    parts = packageParts(model, now, onRows);
    const whole = wholeParts(parts);
    const bytes = whole && zipInMemory(whole, mtime, LEVEL);
    if (bytes) {
      writeFileAtomic(target, bytes, inputs);
      return Promise.resolve();
    }
  } catch (err) {
    return Promise.reject(err as Error);
  }
  return streamParts(parts, mtime, target, inputs);
}

/** Whether a large package's part is made whole, not streamed: a small sheet, and a chart or a drawing (one chunk, no rows). */
export function madeWhole(part: Extract<Part, { chunks: unknown }>): boolean {
  return part.rows === undefined || part.rows <= SMALL_SHEET;
}

/** Writes a large package's parts in blocks deflated side by side (zip-blocks.ts), each sheet streamed as it is written. */
async function streamParts(parts: Part[], mtime: Date, target: string, inputs: string[] | InputFile[]): Promise<void> {
  await writeAtomic(target, inputs, (tmp) => zipInBlocks(parts, tmp, { level: LEVEL, mtime, whole: madeWhole }));
}
