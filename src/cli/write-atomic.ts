/**
 * File output that never harms the user's files: an output is written to a
 * temporary file beside the target and renamed into place, so a failure never
 * leaves a half-written file. No output replaces one of the inputs, or
 * anything that is not a regular file (a device, a pipe, a folder); a
 * symbolic link is written through, to the file it points to, and a file
 * replaced keeps its mode (and, where permitted, its owner).
 *
 * The checks, the folder, the rename and the cleanup are synchronous calls:
 * each is one system call on a small file, and `form --all` writes a
 * thousand files a run, where a promise's round trip through Node's thread
 * pool cost more than the call (bench/results.md). Only a caller's own write
 * may be asynchronous (a large workbook streamed).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { Stats } from 'node:fs';
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
const TEMPS = new Map<string, string[]>();

function tempsIn(dir: string): string[] {
  let names = TEMPS.get(dir);
  if (!names) {
    try {
      names = fs.readdirSync(dir).filter((n) => n.startsWith('.') && n.endsWith('.tmp'));
    } catch {
      names = [];
    }
    TEMPS.set(dir, names);
  }
  return names;
}

/** Removes the temporary files a killed run left for `base` in `dir` (those whose process is gone). */
function removeLeftovers(dir: string, base: string): void {
  const prefix = tmpPrefix(base);
  for (const name of tempsIn(dir)) {
    if (!name.startsWith(prefix)) continue;
    const m = TMP_SUFFIX.exec(name.slice(prefix.length));
    if (m && (Number(m[1]) === process.pid || !processAlive(Number(m[1])))) removeQuietly(path.join(dir, name));
  }
}

/** Removes a file if it is there; a failure to is not this write's problem. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // left as it is
  }
}

/** A path's status (`link`: the link's own), or undefined where there is nothing or it cannot be read. */
function statOf(file: string, link = false): Stats | undefined {
  try {
    return (link ? fs.lstatSync : fs.statSync)(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
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
function makeFolder(target: string, dir: string): void {
  if (FOLDERS.has(dir)) return;
  makeFolderNow(target, dir);
  FOLDERS.add(dir);
}

function makeFolderNow(target: string, dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
    let part = dir;
    for (;;) {
      const st = statOf(part);
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
export function inputFiles(inputs: string[]): InputFile[] {
  return inputs.map((input) => ({ resolved: path.resolve(input), real: realPath(input), stat: statOf(input) }));
}

/** A path's real path (links resolved), or the path resolved where it has none (a file not there yet, a device). */
function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Checks the target and finds where to write: the target itself, or the file
 * a symbolic link points to. Refuses an input, a folder, a device or other
 * node that is not a regular file, a dangling link, and a name the file system
 * cannot hold.
 */
function resolveTarget(target: string, given: string[] | InputFile[]): { file: string; existing?: Stats } {
  if (target === '') throw InputError.one('""', EMPTY_NAME.message, EMPTY_NAME);
  if (/[\\/]$/.test(target) || /(^|[\\/])\.{1,2}$/.test(target)) throw InputError.one(target, NAMES_FOLDER.message, NAMES_FOLDER);
  const resolved = path.resolve(target);
  const long = resolved.split(path.sep).find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (long !== undefined)
    throw InputError.one(target, `cannot be written: a name in it is ${Buffer.byteLength(long)} bytes long; expected at most ${NAME_MAX} bytes a name`, {
      zh: `无法写入：路径中有一个名称长 ${Buffer.byteLength(long)} 字节；每个名称应不超过 ${NAME_MAX} 字节`,
    });
  const link = statOf(resolved, true);
  const existing = link ? statOf(resolved) : undefined;
  let file = resolved;
  if (link?.isSymbolicLink()) {
    if (!existing) throw InputError.one(target, DANGLING.message, DANGLING);
    // A link to a device or a pipe (/dev/stdout) may have no path to resolve; it is refused below as not a regular file.
    file = realPath(resolved);
  }
  const inputs = given.length && typeof given[0] === 'string' ? inputFiles(given as string[]) : (given as InputFile[]);
  for (const input of inputs) {
    if (input.real === file || input.resolved === resolved || same(input.stat, existing)) throw InputError.one(target, IS_INPUT.message, IS_INPUT);
  }
  if (existing?.isDirectory()) throw InputError.one(target, IS_FOLDER.message, IS_FOLDER);
  if (existing && !existing.isFile()) throw InputError.one(target, NOT_FILE.message, NOT_FILE);
  return { file, existing };
}

/** Gives the new file the old one's mode, and its owner where permitted. */
function keepMode(tmp: string, existing: Stats | undefined): void {
  if (!existing) return;
  fs.chmodSync(tmp, existing.mode & 0o7777);
  const mine = fs.statSync(tmp);
  if (mine.uid === existing.uid && mine.gid === existing.gid) return;
  try {
    fs.chownSync(tmp, existing.uid, existing.gid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** Where a write goes: the file (a link's target), what is there now, and the temporary file beside it. */
interface Place {
  target: string;
  file: string;
  existing?: Stats;
  dir: string;
  tmp: string;
}

/** The target checked (resolveTarget) and its folder made, with a killed run's leftovers removed. */
function placeOf(target: string, inputs: string[] | InputFile[]): Place {
  const { file, existing } = resolveTarget(target, inputs);
  const dir = path.dirname(file);
  const place = { target, file, existing, dir, tmp: path.join(dir, tmpName(path.basename(file))) };
  try {
    makeFolder(target, dir);
    removeLeftovers(dir, path.basename(file));
  } catch (err) {
    throw failed(place, err);
  }
  return place;
}

/**
 * Whether a write failed because the folder made or found earlier in this run is gone: it is then made again (or a
 * file in its place named), for the file to be written once more.
 */
function folderGone(place: Place, err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  if ((code !== 'ENOENT' && code !== 'ENOTDIR') || !FOLDERS.delete(place.dir)) return false;
  makeFolder(place.target, place.dir);
  return true;
}

/** The written temporary file put in place, with the old file's mode. */
function putInPlace(place: Place): void {
  keepMode(place.tmp, place.existing);
  fs.renameSync(place.tmp, place.file);
}

/** What to throw for a failed write, once its temporary file is removed. */
function failed(place: Place, err: unknown): unknown {
  // The cleanup fails where the path itself is bad (a folder that is a file): the first error is the one to tell.
  removeQuietly(place.tmp);
  if (err instanceof InputError || !(err as NodeJS.ErrnoException).code) return err;
  return cannotWrite(place.target, err as NodeJS.ErrnoException);
}

/**
 * Writes a file atomically: `write` fills a temporary file in the same
 * directory, which is then renamed over the target, so a failure never
 * leaves a half-written file. Refuses to overwrite any of `inputs`, or
 * anything that is not a regular file; writes through a symbolic link.
 */
export async function writeAtomic(target: string, inputs: string[] | InputFile[], write: (tmp: string) => Promise<void>): Promise<void> {
  const place = placeOf(target, inputs);
  try {
    await write(place.tmp).catch(async (err: unknown) => {
      if (!folderGone(place, err)) throw err;
      await write(place.tmp);
    });
    putInPlace(place);
  } catch (err) {
    throw failed(place, err);
  }
}

/** writeAtomic for bytes at hand: written in one synchronous call (a form of `form --all`, a data file). */
export function writeFileAtomic(target: string, bytes: Buffer | Uint8Array | string, inputs: string[] | InputFile[] = []): void {
  const place = placeOf(target, inputs);
  try {
    try {
      fs.writeFileSync(place.tmp, bytes);
    } catch (err) {
      if (!folderGone(place, err)) throw err;
      fs.writeFileSync(place.tmp, bytes);
    }
    putInPlace(place);
  } catch (err) {
    throw failed(place, err);
  }
}
