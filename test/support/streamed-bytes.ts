/** The .xlsx bytes the streaming writer (what users get) writes for a layout model, kept in memory. */
import { ZipFile } from 'yazl';
import type { Workbook } from '../../src/core/layout/model';
import { addParts } from '../../src/cli/xlsx/write/write-stream';

export async function streamedBytes(model: Workbook): Promise<Buffer> {
  const zip = new ZipFile();
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  addParts(zip, model);
  zip.end();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  })();
  await Promise.race([done, failed]);
  return Buffer.concat(chunks);
}
