/**
 * yazl's zip of a package's parts, as the command line wrote every large
 * workbook before zip-blocks.ts: a part made whole with addBuffer (its XML,
 * a small sheet), a sheet streamed with addReadStream. The reference the
 * in-memory and block writers' layouts are compared with.
 */
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Workbook } from '../../src/core/layout/model';
import { packageParts, packageTime, partBytes, type Part } from '../../src/cli/xlsx/write/parts';
import { madeWhole } from '../../src/cli/xlsx/write/write-stream';

export interface YazlOptions {
  level?: number;
  /** yazl's forceZip64Format, on every entry and the end of the central directory. */
  zip64?: boolean;
}

/** The zip yazl writes of `parts` (each entry dated `mtime`), in memory. */
export async function yazlZip(parts: Part[], mtime: Date, options: YazlOptions = {}): Promise<Buffer> {
  const zip = new ZipFile();
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  const entry = { mtime, compressionLevel: options.level ?? 3, forceZip64Format: options.zip64 ?? false };
  for (const part of parts) {
    if ('xml' in part || madeWhole(part)) {
      zip.addBuffer(partBytes(part), part.name, entry);
      continue;
    }
    const xml = Readable.from(part.chunks);
    xml.on('error', (err) => zip.emit('error', err));
    zip.addReadStream(xml, part.name, entry);
  }
  zip.end({ forceZip64Format: options.zip64 ?? false, comment: '' });
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  })();
  await Promise.race([done, failed]);
  return Buffer.concat(chunks);
}

/** yazl's zip of a layout model's package, written at `now`. */
export function yazlWorkbook(model: Workbook, now = packageTime()): Promise<Buffer> {
  return yazlZip(packageParts(model, now), new Date(now));
}
