/**
 * `plan-report collect DATA RETURN...`: folds returned forms into the data
 * file. A bad return is refused whole (every problem printed with its file,
 * sheet and cell) and the good ones still apply; conflicting returns are
 * listed and neither applied; a table of changes ends the output. The data
 * file is written atomically (a YAML file keeps its comments and key order),
 * never with --dry-run; the returns are only read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { editDataText } from '../../core/data-file/edit';
import { sameJson } from '../../core/data-file/same-json';
import { readData } from '../../core/data-file/read';
import { syntaxOf } from '../../core/data-file/structured-text';
import { dataText } from '../../core/data-file/write';
import { InputError, type Located } from '../../core/errors';
import { collectReturns, type Collected, type ReturnChanges } from '../../core/forms/collect';
import type { ReportData } from '../../core/schema';
import { dataIndex, readReturn } from '../../core/forms/reader';
import { inputSize, readTextInput } from '../data-file/input';
import { sentFormsOf } from '../forms-register';
import { EXIT, type Io } from '../io';
import { withLock } from '../lock';
import { progressBar } from '../progress';
import { writeFileAtomic } from '../write-atomic';
import { RETURN_LIMITS, safeLoadGrid } from '../xlsx/read/safe-load';
import { problemLine, say, type Voice } from '../voice';
import { changeTable, conflictLine, heldBackLine } from './collect-lines';

export { changeTable } from './collect-lines';

export interface CollectOptions {
  out?: string;
  dryRun?: boolean;
}

/** A file's size and modification time, to tell whether it changed. */
async function statStamp(file: string): Promise<string> {
  const st = await fs.stat(file, { bigint: true });
  return `${st.size}:${st.mtimeNs}:${st.ino}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The files, each once (the same file named twice is read once). */
function unique(files: string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads each return against the data, one at a time: its changes when it is good, its problems when it is refused. */
async function readReturns(
  files: string[],
  data: ReportData,
  dataFile: string,
  out: string,
  stderr: NodeJS.WriteStream,
  voice: Voice,
): Promise<{ accepted: ReturnChanges[]; refused: Map<string, Located[]> }> {
  const accepted: ReturnChanges[] = [];
  const refused = new Map<string, Located[]>();
  const index = dataIndex(data);
  const sent = await sentFormsOf(dataFile);
  const bar = progressBar(files.length, say(voice, 'Collecting', '正在收集'), stderr);
  for (const file of files) {
    try {
      if (path.resolve(file) === path.resolve(dataFile))
        throw InputError.one(file, 'is the data file; expected a returned form (.xlsx)', { zh: '是数据文件本身；应为交回的表单（.xlsx）' });
      if (path.resolve(file) === path.resolve(out))
        throw InputError.one(file, 'is also the output; expected a returned form that is not written to', {
          zh: '同时是输出文件；应为不被写入的交回表单',
        });
      // One return at a time, and only its changes kept: copied, so that they hold on to nothing of the workbook's text.
      const read = readReturn(await safeLoadGrid(file, RETURN_LIMITS, 'a returned form (.xlsx)'), file, data, dataFile, index, sent);
      accepted.push({ file, changes: structuredClone(read.changes) });
    } catch (err) {
      if (!(err instanceof InputError)) {
        bar.stop();
        throw err;
      }
      refused.set(file, err.problems);
    } finally {
      bar.tick(file);
    }
  }
  bar.stop();
  return { accepted, refused };
}

/** Each return read or refused (with its problems), the conflicts, and the table of changes. */
function printOutcome(
  { io, voice }: Told,
  dataFile: string,
  files: string[],
  refused: Map<string, Located[]>,
  changed: Map<string, number>,
  result: Pick<Collected, 'conflicts' | 'heldBack' | 'rows'>,
): void {
  for (const file of files) {
    const problems = refused.get(file);
    if (problems) {
      const n = problems.length;
      io.err(say(voice, `${file}: refused (${plural(n, 'problem')}); nothing of it is applied`, `${file}：不予采用（${n} 个问题），其内容均未采用`));
      for (const p of problems) io.err(problemLine(p, voice));
    } else {
      const n = changed.get(file)!;
      io.out(say(voice, `${file}: read (${plural(n, 'changed cell')})`, `${file}：已读取（${n} 处修改）`));
    }
  }
  for (const c of result.conflicts) io.err(conflictLine(c, voice));
  for (const h of result.heldBack) io.err(heldBackLine(h, voice));

  if (result.rows.length) {
    io.out(say(voice, `Changes to ${dataFile} (${result.rows.length}):`, `${dataFile} 的修改（${result.rows.length} 处）：`));
    for (const line of changeTable(result.rows, voice.locale)) io.out(line);
  }
}

/**
 * Collects returns into the data file. Unless it is a dry run, the data file
 * is locked from its reading to its writing, so that two runs at once never
 * lose one's changes: the second waits for the first (and reads what it wrote).
 */
export async function collectCommand(
  dataFile: string,
  returnFiles: string[],
  opts: CollectOptions,
  io: Io,
  stderr: NodeJS.WriteStream = process.stderr,
  voice: Voice = { locale: 'en', verbose: false },
): Promise<number> {
  const told = { io, voice, stderr };
  if (opts.dryRun) return collectInto(dataFile, returnFiles, opts, told);
  await inputSize(dataFile);
  return withLock(dataFile, () => collectInto(dataFile, returnFiles, opts, told), {
    onWait: (pid) =>
      io.err(
        say(
          voice,
          `${dataFile}: another plan-report run (process ${pid || 'unknown'}) is updating it; waiting for it to finish`,
          `${dataFile}：另一个 plan-report 进程（${pid || '进程号不明'}）正在更新该文件，等待其完成`,
        ),
      ),
  });
}

/** Where the command's lines go, and in which words. */
interface Told {
  io: Io;
  voice: Voice;
  stderr: NodeJS.WriteStream;
}

/** The last line's count of trouble: `; 1 return refused, 2 conflicts`. */
function troubleTail(voice: Voice, refused: number, conflicts: number): string {
  if (voice.locale === 'zh-CN') {
    const parts = [refused ? `${refused} 份表单不予采用` : '', conflicts ? `${conflicts} 处冲突` : ''].filter(Boolean);
    return parts.length ? `；${parts.join('，')}` : '';
  }
  const parts = [refused ? `${plural(refused, 'return')} refused` : '', conflicts ? plural(conflicts, 'conflict') : ''].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

async function collectInto(dataFile: string, returnFiles: string[], opts: CollectOptions, told: Told): Promise<number> {
  const { io, voice } = told;
  const stamp = await statStamp(dataFile);
  const text = await readTextInput(dataFile);
  const data = readData(text, dataFile);
  const out = opts.out ?? dataFile;

  const files = unique(returnFiles);
  const { accepted, refused } = await readReturns(files, data, dataFile, out, told.stderr, voice);
  const changed = new Map(accepted.map((r) => [r.file, r.changes.length]));
  const result = collectReturns(data, accepted);
  for (const [file, problems] of result.refused) refused.set(file, problems);
  printOutcome(told, dataFile, files, refused, changed, result);

  const applied = files.length - refused.size;
  const n = result.rows.length;
  const tail = troubleTail(voice, refused.size, result.conflicts.length);
  if (opts.dryRun) {
    io.out(
      say(
        voice,
        `dry run: ${plural(n, 'change')} from ${plural(applied, 'return')}; nothing written${tail}`,
        `试运行：来自 ${applied} 份表单的 ${n} 处修改；未写入任何内容${tail}`,
      ),
    );
  } else if (!n && opts.out === undefined) {
    io.out(say(voice, `no changes: ${dataFile} left as it was${tail}`, `没有修改：${dataFile} 保持原样${tail}`));
  } else {
    // The data file edited in place, or written anew when --out asks for the other syntax.
    const sameSyntax = syntaxOf(out) === syntaxOf(dataFile);
    const cannot = (why: string) =>
      InputError.one(dataFile, `cannot be edited in place (${why}); nothing was written: write the result anew with --out FILE (.yaml or .json)`, {
        zh: '无法在原文件中直接修改；未写入任何内容：请用 --out 将结果另写为新文件（.yaml 或 .json）',
      });
    let edited: string;
    try {
      edited = !sameSyntax ? dataText(result.data, syntaxOf(out)) : result.rows.length ? editDataText(text, dataFile, result.edits) : text;
    } catch (err) {
      throw cannot((err as Error).message.split('\n')[0]);
    }
    // The edited text must read back as exactly the collected data; otherwise nothing is written.
    // (The data file's own text, unchanged, was read as the data already.)
    if (!(sameSyntax && edited === text && result.data === data)) {
      let back: unknown;
      try {
        back = readData(edited, out, syntaxOf(out));
      } catch {
        back = undefined;
      }
      if (back === undefined || !sameJson(back, result.data)) throw cannot('the edited file would not read back as the collected data');
    }
    // Another program (an editor) may have saved the data file meanwhile: its changes are not written over.
    if ((await statStamp(dataFile)) !== stamp)
      throw InputError.one(
        dataFile,
        'changed while the returns were being collected; nothing was written: expected the file to stay the same until collect is done (run it again)',
        { zh: '在收集期间被其他程序修改；未写入任何内容：收集完成前该文件应保持不变（请重新运行）' },
      );
    writeFileAtomic(out, edited, files);
    io.out(
      say(
        voice,
        `${out}: written (${plural(n, 'change')} from ${plural(applied, 'return')})${tail}`,
        `${out}：已写入（来自 ${applied} 份表单的 ${n} 处修改）${tail}`,
      ),
    );
  }
  return refused.size || result.conflicts.length ? EXIT.input : EXIT.ok;
}
