/**
 * File output that never harms the user's files: an output is written to a
 * temporary file beside the target and renamed into place, so a failure never
 * leaves a half-written file, and no output overwrites one of the inputs.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../core/errors';

/**
 * Writes a file atomically: `write` fills a temporary file in the same
 * directory, which is then renamed over the target, so a failure never
 * leaves a half-written file. Refuses to overwrite any of `inputs`.
 */
export async function writeAtomic(target: string, inputs: string[], write: (tmp: string) => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  for (const input of inputs) {
    if (path.resolve(input) === resolved) throw InputError.one(target, 'is also an input; expected an output file that is not one of the inputs');
  }
  const existing = await fs.stat(resolved).catch(() => undefined);
  if (existing?.isDirectory()) throw InputError.one(target, 'is a directory; expected the path of a file to write');
  const tmp = path.join(path.dirname(resolved), `.${path.basename(resolved)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await fs.mkdir(path.dirname(resolved), { recursive: true });
    await write(tmp);
    await fs.rename(tmp, resolved);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    throw InputError.one(target, `cannot be written (${code}); expected a writable place for the output file`);
  }
}

export async function writeFileAtomic(target: string, bytes: Buffer | Uint8Array | string, inputs: string[] = []): Promise<void> {
  await writeAtomic(target, inputs, (tmp) => fs.writeFile(tmp, bytes));
}
