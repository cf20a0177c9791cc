/**
 * The register of sent forms on disk (core/forms/register.ts says what it
 * holds): read by `form` to add the forms it makes and by `collect` to check
 * returns, written atomically and readable by its owner only (it holds the
 * key of the seals).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import { InputError, type Located } from '../core/errors';
import { sealText, type FormRecord, type FormSeal } from '../core/record/form-record';
import {
  dropEarlierForms,
  parseRegister,
  REGISTER_FORMAT,
  registerFileOf,
  registerParts,
  sentForm,
  sentFormText,
  type FormRegister,
  type SentForm,
} from '../core/forms/register';
import type { SentForms } from '../core/forms/reader';
import { withLock } from './lock';
import { writeAtomic } from './write-atomic';

/**
 * The register's file: beside the data file itself, so that a data file
 * reached through a symbolic link has the same register as through its own name.
 */
async function registerFile(dataFile: string): Promise<string> {
  return registerFileOf(await fs.realpath(dataFile).catch(() => dataFile));
}

/** The register beside a data file: undefined when there is none; a damaged one is refused with its problem. */
async function readRegister(file: string): Promise<FormRegister | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw InputError.one(file, `cannot read the register of sent forms (${code}); expected a readable file`, {
      zh: `无法读取已发表单登记册（${code}）；应为可读取的文件`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw InputError.one(file, `the register of sent forms is not JSON (${(err as Error).message}); expected the file as \`plan-report form\` wrote it`, {
      zh: '已发表单登记册已损坏（不是 JSON）；应为“plan-report form”所写的原样文件',
    });
  }
  const register = parseRegister(json);
  if (typeof register === 'string')
    throw InputError.one(file, `the register of sent forms is damaged (${register}); expected the file as \`plan-report form\` wrote it`, {
      zh: '已发表单登记册已损坏；应为“plan-report form”所写的原样文件',
    });
  return register;
}

/** For `collect`: the register beside the data file, or, when there is none, the problem every return gets. */
export async function sentFormsOf(dataFile: string): Promise<SentForms> {
  const file = await registerFile(dataFile);
  const register = await readRegister(file);
  const missing: Located = {
    file: dataFile,
    message: `has no register of sent forms beside it (${file}), so no return can be checked; expected the forms to be made by \`plan-report form\` from this data file (make the forms again and send those)`,
    zh: `旁边没有已发表单登记册（${file}），无法核对交回的表单；表单应由“plan-report form”从该数据文件制作（请重新制作表单并发送）`,
  };
  return { file, register, missing };
}

/** What `form` does with the register it holds. */
export interface OpenRegister {
  file: string;
  register: FormRegister;
  seal: () => FormSeal;
  add: (record: FormRecord, out: string) => void;
  /** Drops the forms that earlier runs sent for periods before `period` (dropEarlierForms); says how many. */
  dropBefore: (period: string) => number;
  save: () => Promise<void>;
}

/**
 * For `form`: runs `fn` with the register to add forms to (a new one, with a
 * new key, when there is none), holding the register's lock from its reading
 * to its writing, so that two `form` runs at once never lose one's forms (nor
 * seal them with two keys): the second waits for the first.
 */
export async function withRegister<T>(dataFile: string, fn: (register: OpenRegister) => Promise<T>, onWait?: (holder: number) => void): Promise<T> {
  const file = await registerFile(dataFile);
  return withLock(file, async () => fn(await openRegister(dataFile, file)), { onWait });
}

/**
 * sealOf (the core's, in plain TypeScript for the add-in) with Node's HMAC: the same seal, a tenth of the time
 * (`form --all` seals a thousand forms). Both hash the UTF-8 bytes, lone surrogates as U+FFFD.
 */
export function nodeSeal(record: FormRecord, key: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(sealText(record), 'utf8').digest('hex');
}

/** A new form's seal under the register's `key`: a random id, and the HMAC of its record (nodeSeal). */
export const sealUnder = (key: string): FormSeal => ({ id: randomBytes(16).toString('hex'), seal: (record) => nodeSeal(record, key) });

/** sha256Hex (the core's, for the add-in) with Node's hash, for a form's digest: the same digest, a tenth of the time. */
export function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Writes a file's text part by part (a register of 1,000 forms is some 18 MB: not joined into one string, nor its bytes). */
function writeParts(file: string, parts: string[]): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

async function openRegister(dataFile: string, file: string): Promise<OpenRegister> {
  const register = (await readRegister(file)) ?? { format: REGISTER_FORMAT, key: randomBytes(32).toString('hex'), forms: [] };
  let added = 0;
  /** The forms this run adds, each with its text in the file (made as it is added: the main thread waits for the threads meanwhile). */
  const sent = new Map<SentForm, string>();
  return {
    file,
    register,
    seal: () => sealUnder(register.key),
    add: (record, out) => {
      const entry = sentForm(record, out);
      register.forms.push(entry);
      sent.set(entry, sentFormText(entry));
      added++;
    },
    dropBefore: (period) => dropEarlierForms(register, period, new Set(sent.keys())),
    save: async () => {
      if (!added) return;
      const parts = registerParts(register, (f) => sent.get(f) ?? sentFormText(f));
      parts.push('\n');
      await writeAtomic(file, [dataFile], async (tmp) => writeParts(tmp, parts));
    },
  };
}
