/**
 * File output that never harms the user's files: an output is written to a
 * temporary file beside the target and renamed into place, so a failure never
 * leaves a half-written file. No output replaces one of the inputs, or
 * anything that is not a regular file (a device, a pipe, a folder); a
 * symbolic link is written through, to the file it points to, and a file
 * replaced keeps its mode (and, where permitted, its owner).
 */
import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../core/errors';
import { said } from '../core/messages/said';
import { processAlive } from './process-alive';

/** The longest file name (in bytes) most file systems allow. */
const NAME_MAX = 255;
const TMP_SUFFIX = /^\.plan-report-(\d+)\.tmp$/;

/**
 * The temporary file's name for `base`: `.<base>.plan-report-<pid>.tmp`, so a
 * later run on the same target recognises a leftover of a killed run. A long
 * name is cut (with a hash of the whole) to stay within the file system's limit.
 */
export function tmpPrefix(base: string): string {
  if (Buffer.byteLength(base) <= NAME_MAX - 40) return `.${base}`;
  let cut = base;
  while (Buffer.byteLength(cut) > NAME_MAX - 50) cut = cut.slice(0, -1);
  return `.${cut}-${createHash('sha256').update(base).digest('hex').slice(0, 8)}`;
}

function tmpName(base: string, pid = process.pid): string {
  return `${tmpPrefix(base)}.plan-report-${pid}.tmp`;
}

/**
 * The temporary files in a folder when this process first wrote there: a killed run's leftovers are there by
 * then. Listed once a folder, not once a file (`form --all` writes a thousand files into one folder).
 */
const TEMPS = new Map<string, Promise<string[]>>();

const tempsIn = (dir: string): Promise<string[]> => {
  let names = TEMPS.get(dir);
  if (!names) {
    names = fs
      .readdir(dir)
      .then((all) => all.filter((n) => n.startsWith('.') && n.endsWith('.tmp')))
      .catch(() => [] as string[]);
    TEMPS.set(dir, names);
  }
  return names;
};

/** Removes the temporary files a killed run left for `base` in `dir` (those whose process is gone). */
async function removeLeftovers(dir: string, base: string): Promise<void> {
  const prefix = tmpPrefix(base);
  const names = await tempsIn(dir);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = TMP_SUFFIX.exec(name.slice(prefix.length));
    if (m && (Number(m[1]) === process.pid || !processAlive(Number(m[1])))) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Why a path cannot be written, in words (and the system's code). */
function cannotWrite(target: string, err: NodeJS.ErrnoException): InputError {
  const code = err.code ?? 'error';
  const why: Record<string, [string, string]> = {
    ENAMETOOLONG: [
      `its name is longer than the file system allows (at most ${NAME_MAX} bytes a name); expected a shorter name`,
      `名称超出文件系统允许的长度（每个名称最多 ${NAME_MAX} 字节）；请用短一些的名称`,
    ],
    EACCES: ['permission denied; expected a folder you may write in', '没有写入权限；请选择您有权写入的文件夹'],
    EPERM: ['permission denied; expected a folder you may write in', '没有写入权限；请选择您有权写入的文件夹'],
    EROFS: ['the file system is read-only; expected a writable place for the output file', '文件系统为只读；请选择可写入的位置保存输出文件'],
    ENOSPC: ['the disk is full; nothing was written: free some space and run again', '磁盘已满，未写入任何内容；请腾出空间后重新运行'],
    EDQUOT: ['the disk quota is used up; nothing was written: free some space and run again', '磁盘配额已用完，未写入任何内容；请腾出空间后重新运行'],
    EISDIR: ['is a directory; expected the path of a file to write', '是文件夹；应为要写入的文件路径'],
  };
  const [en, zh] = why[code] ?? ['expected a writable place for the output file', '请选择可写入的位置保存输出文件'];
  return InputError.one(target, `cannot be written (${code}): ${en}`, { zh: `无法写入（${code}）：${zh}` });
}

/**
 * The folders this process made or found (`form --all` writes a thousand files into one folder: made once, not once
 * a file). A folder that is gone when a file is written into it is made again (writeAtomic).
 */
const FOLDERS = new Set<string>();

/** Makes the target's folder, once a process; one of its parts that is a file is named. */
async function makeFolder(target: string, dir: string): Promise<void> {
  if (FOLDERS.has(dir)) return;
  await makeFolderNow(target, dir);
  FOLDERS.add(dir);
}

async function makeFolderNow(target: string, dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
    let part = dir;
    for (;;) {
      const st = await fs.stat(part).catch(() => undefined);
      if ((st && !st.isDirectory()) || path.dirname(part) === part) break;
      part = path.dirname(part);
    }
    throw InputError.one(target, `cannot be written: ${part} is a file, not a folder; expected a folder to write the output in`, {
      zh: `无法写入：${part} 是文件而不是文件夹；应为用来保存输出的文件夹`,
    });
  }
}

const EMPTY_NAME = said('an empty name was given for the output; expected the path of a file to write', '输出文件的名称为空；应为要写入的文件路径');
const NAMES_FOLDER = said(
  'names a folder; expected the path of a file to write (such as reports/report.xlsx)',
  '指的是文件夹；应为要写入的文件路径（如 reports/report.xlsx）',
);
const DANGLING = said(
  'is a symbolic link to nothing (its file is missing); expected a file to write, or a link to one',
  '是指向不存在文件的符号链接；应为要写入的文件，或指向文件的链接',
);
const IS_INPUT = said('is also an input; expected an output file that is not one of the inputs', '同时是输入文件；输出文件不能是输入文件之一');
const IS_FOLDER = said('is a directory; expected the path of a file to write', '是文件夹；应为要写入的文件路径');
const NOT_FILE = said(
  'is not a regular file (a device, a pipe or a socket); expected the path of a file to write, which is replaced whole',
  '不是普通文件（设备、管道或套接字）；应为要写入的文件路径（整个文件将被替换）',
);

/** The same file, by device and inode (hard links and symbolic links included). */
function same(a: Stats | undefined, b: Stats | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}

/** An input an output must not replace: its path as given, resolved, its real path and its file (if any). */
export interface InputFile {
  resolved: string;
  real: string;
  stat?: Stats;
}

/**
 * The inputs, each looked up once: `form --all` checks a thousand outputs against the same data file and register.
 * A file that does not exist yet (a register written at the end of the run) is known by its path alone.
 */
export async function inputFiles(inputs: string[]): Promise<InputFile[]> {
  return Promise.all(
    inputs.map(async (input) => ({
      resolved: path.resolve(input),
      real: await fs.realpath(input).catch(() => path.resolve(input)),
      stat: await fs.stat(input).catch(() => undefined),
    })),
  );
}

/**
 * Checks the target and finds where to write: the target itself, or the file
 * a symbolic link points to. Refuses an input, a folder, a device or other
 * node that is not a regular file, a dangling link, and a name the file system
 * cannot hold.
 */
async function resolveTarget(target: string, given: string[] | InputFile[]): Promise<{ file: string; existing?: Stats }> {
  if (target === '') throw InputError.one('""', EMPTY_NAME.message, EMPTY_NAME);
  if (/[\\/]$/.test(target) || /(^|[\\/])\.{1,2}$/.test(target)) throw InputError.one(target, NAMES_FOLDER.message, NAMES_FOLDER);
  const resolved = path.resolve(target);
  const long = resolved.split(path.sep).find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (long !== undefined)
    throw InputError.one(target, `cannot be written: a name in it is ${Buffer.byteLength(long)} bytes long; expected at most ${NAME_MAX} bytes a name`, {
      zh: `无法写入：路径中有一个名称长 ${Buffer.byteLength(long)} 字节；每个名称应不超过 ${NAME_MAX} 字节`,
    });
  const link = await fs.lstat(resolved).catch(() => undefined);
  const existing = link ? await fs.stat(resolved).catch(() => undefined) : undefined;
  let file = resolved;
  if (link?.isSymbolicLink()) {
    if (!existing) throw InputError.one(target, DANGLING.message, DANGLING);
    // A link to a device or a pipe (/dev/stdout) may have no path to resolve; it is refused below as not a regular file.
    file = await fs.realpath(resolved).catch(() => resolved);
  }
  const inputs = given.length && typeof given[0] === 'string' ? await inputFiles(given as string[]) : (given as InputFile[]);
  for (const input of inputs) {
    if (input.real === file || input.resolved === resolved || same(input.stat, existing)) throw InputError.one(target, IS_INPUT.message, IS_INPUT);
  }
  if (existing?.isDirectory()) throw InputError.one(target, IS_FOLDER.message, IS_FOLDER);
  if (existing && !existing.isFile()) throw InputError.one(target, NOT_FILE.message, NOT_FILE);
  return { file, existing };
}

/** Gives the new file the old one's mode, and its owner where permitted. */
async function keepMode(tmp: string, existing: Stats | undefined): Promise<void> {
  if (!existing) return;
  await fs.chmod(tmp, existing.mode & 0o7777);
  const mine = await fs.stat(tmp);
  if (mine.uid !== existing.uid || mine.gid !== existing.gid) {
    await fs.chown(tmp, existing.uid, existing.gid).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPERM') throw err;
    });
  }
}

/**
 * Writes a file atomically: `write` fills a temporary file in the same
 * directory, which is then renamed over the target, so a failure never
 * leaves a half-written file. Refuses to overwrite any of `inputs`, or
 * anything that is not a regular file; writes through a symbolic link.
 */
export async function writeAtomic(target: string, inputs: string[] | InputFile[], write: (tmp: string) => Promise<void>): Promise<void> {
  const { file, existing } = await resolveTarget(target, inputs);
  const dir = path.dirname(file);
  const tmp = path.join(dir, tmpName(path.basename(file)));
  try {
    await makeFolder(target, dir);
    await removeLeftovers(dir, path.basename(file));
    await write(tmp).catch(async (err: NodeJS.ErrnoException) => {
      // The folder was made or found earlier in this run and is gone now: made again (or a file in its place named),
      // and the file written once more.
      if ((err.code !== 'ENOENT' && err.code !== 'ENOTDIR') || !FOLDERS.delete(dir)) throw err;
      await makeFolder(target, dir);
      await write(tmp);
    });
    await keepMode(tmp, existing);
    await fs.rename(tmp, file);
  } catch (err) {
    // The cleanup fails where the path itself is bad (a folder that is a file): the first error is the one to tell.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof InputError || !(err as NodeJS.ErrnoException).code) throw err;
    throw cannotWrite(target, err as NodeJS.ErrnoException);
  }
}

export async function writeFileAtomic(target: string, bytes: Buffer | Uint8Array | string, inputs: string[] = []): Promise<void> {
  await writeAtomic(target, inputs, (tmp) => fs.writeFile(tmp, bytes));
}
