/**
 * Reading a text input (a data file, or a template file) from disk, checked
 * before it is read: what is missing, a directory, too large, a workbook or
 * not UTF-8 text is refused with a message naming the file.
 */
import { promises as fs } from 'node:fs';
import { InputError, type Located } from '../../core/errors';
import { said } from '../../core/messages/said';
import { MB } from '../bytes';

/**
 * Data files larger than these are refused before reading. A YAML reader that
 * keeps positions needs about 60 times a file's size in memory (a 50 MB file
 * took 46 s and 3.3 GB here); JSON is read by JSON.parse, far leaner.
 */
export const MAX_YAML_BYTES = 20 * MB;
export const MAX_JSON_BYTES = 500 * MB;

const NO_FILE = said('no such file; expected a data file (YAML or JSON)', '文件不存在；应为数据文件（YAML 或 JSON）');
const DIRECTORY = said('is a directory; expected a data file (YAML or JSON)', '是文件夹；应为数据文件（YAML 或 JSON）');
const NOT_FILE = said('is not a regular file; expected a data file (YAML or JSON)', '不是普通文件；应为数据文件（YAML 或 JSON）');

/** A file that cannot be read, for InputError.one: its message, and its Chinese. */
export function cannotRead(code: string | undefined): [string, Partial<Located>] {
  return [`cannot read the file (${code}); expected a readable data file`, { zh: `无法读取此文件（${code}）；应为可读取的数据文件` }];
}

/** The size of an input file, refusing what is missing, a directory or not a regular file. */
export async function inputSize(file: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw InputError.one(file, NO_FILE.message, NO_FILE);
    throw InputError.one(file, ...cannotRead(code));
  }
  if (stat.isDirectory()) throw InputError.one(file, DIRECTORY.message, DIRECTORY);
  if (!stat.isFile()) throw InputError.one(file, NOT_FILE.message, NOT_FILE);
  return stat.size;
}

/** Whether bytes begin as a zip file (a workbook) does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export const ZIP_INPUT = said(
  'is a zip file (a workbook?); expected a data file in YAML or JSON',
  '是压缩文件（Excel 工作簿？）；应为 YAML 或 JSON 格式的数据文件',
);

const NOT_UTF8 = said('is not valid UTF-8 text; expected a data file saved as UTF-8', '不是有效的 UTF-8 文本；数据文件应以 UTF-8 编码保存');

/** Reads a text input (YAML or JSON), refusing what is missing, a directory, too large or not text. */
export async function readTextInput(file: string): Promise<string> {
  const json = /\.json$/i.test(file);
  const maxBytes = json ? MAX_JSON_BYTES : MAX_YAML_BYTES;
  const bytes = await inputSize(file);
  if (bytes > maxBytes) {
    const size = `is ${(bytes / MB).toFixed(1)} MB`;
    const zh = `为 ${(bytes / MB).toFixed(1)} MB；`;
    throw InputError.one(
      file,
      json
        ? `${size}; expected a JSON data file of at most ${MAX_JSON_BYTES / MB} MB`
        : `${size}; expected a YAML data file of at most ${MAX_YAML_BYTES / MB} MB (write larger data sets as JSON, read up to ${MAX_JSON_BYTES / MB} MB)`,
      {
        zh: json
          ? `${zh}JSON 数据文件应不超过 ${MAX_JSON_BYTES / MB} MB`
          : `${zh}YAML 数据文件应不超过 ${MAX_YAML_BYTES / MB} MB（更大的数据请写成 JSON，最大可读 ${MAX_JSON_BYTES / MB} MB）`,
      },
    );
  }
  const buf = await fs.readFile(file);
  if (isZip(buf)) throw InputError.one(file, ZIP_INPUT.message, ZIP_INPUT);
  const nul = buf.indexOf(0);
  if (nul !== -1)
    throw InputError.one(file, `holds binary data (a NUL byte at byte ${nul}); expected a text file in YAML or JSON`, {
      zh: `含有二进制数据（第 ${nul} 字节为 NUL）；应为 YAML 或 JSON 格式的文本文件`,
    });
  const text = buf.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  if (bad !== -1 && !buf.includes(Buffer.from('\uFFFD', 'utf8'))) {
    const line = text.slice(0, bad).split('\n').length;
    throw InputError.one(file, NOT_UTF8.message, { line, column: bad - text.lastIndexOf('\n', bad - 1), zh: NOT_UTF8.zh });
  }
  return text;
}
