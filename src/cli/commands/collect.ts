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
import { formatLocated, InputError, type Located } from '../../core/errors';
import { collectReturns, type ChangeRow, type Collected, type Conflict, type HeldBack, type ReturnChanges } from '../../core/forms/collect';
import type { Scalar } from '../../core/forms/form';
import type { ReportData } from '../../core/schema';
import { visible } from '../../core/values';
import { dataIndex, readReturn } from '../../core/forms/reader';
import { textWidth } from '../../core/layout/sheets/common';
import { inputSize, readTextInput } from '../data-file/input';
import { sentFormsOf } from '../forms-register';
import { EXIT, type Io } from '../io';
import { withLock } from '../lock';
import { progressBar } from '../progress';
import { writeFileAtomic } from '../write-atomic';
import { RETURN_LIMITS, safeLoadGrid } from '../xlsx/read/safe-load';

export interface CollectOptions {
  out?: string;
  dryRun?: boolean;
}

/** A value in the table: blank, a number, or text cut to a readable length on one line. */
function show(v: Scalar): string {
  if (v === null) return '(blank)';
  if (typeof v === 'number') return String(v);
  // eslint-disable-next-line no-control-regex
  const one = v.replace(/\r\n|\r|\n/g, '\u21b5').replace(/[\u0000-\u001f]/g, '?');
  const chars = Array.from(one);
  return chars.length > 40 ? `${chars.slice(0, 37).join('')}...` : one;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - textWidth(s)));
}

/** The table of changes: item, field, old, new, and where the new value came from. */
export function changeTable(rows: ChangeRow[]): string[] {
  const head = ['item', 'field', 'old', 'new', 'from'];
  const body = rows.map((r) => [r.item, r.field, show(r.old), show(r.new), r.sources.map((s) => `${s.file} ${s.cell}`).join(', ')]);
  const widths = head.map((h, i) => Math.max(textWidth(h), ...body.map((b) => textWidth(b[i]))));
  return [head, ...body].map((cells) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ')}`.trimEnd());
}

function conflictLine(c: Conflict): string {
  const claims = c.claims.map((x) => `${x.value === null ? 'blank' : visible(JSON.stringify(x.value))} (${x.source.file} ${x.source.cell})`);
  return `conflict: ${c.item} ${c.field}: ${claims.join(' vs ')}; neither applied`;
}

function heldBackLine(h: HeldBack): string {
  return `held back: ${h.item} ${h.field}: ${h.value === null ? 'blank' : visible(JSON.stringify(h.value))} (${h.source.file} ${h.source.cell}); its return conflicts with another on ${h.item}, so none of its changes to ${h.item} is applied`;
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
): Promise<{ accepted: ReturnChanges[]; refused: Map<string, Located[]> }> {
  const accepted: ReturnChanges[] = [];
  const refused = new Map<string, Located[]>();
  const index = dataIndex(data);
  const sent = await sentFormsOf(dataFile);
  const bar = progressBar(files.length, 'Collecting', stderr);
  for (const file of files) {
    try {
      if (path.resolve(file) === path.resolve(dataFile)) throw InputError.one(file, 'is the data file; expected a returned form (.xlsx)');
      if (path.resolve(file) === path.resolve(out)) throw InputError.one(file, 'is also the output; expected a returned form that is not written to');
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
  io: Io,
  dataFile: string,
  files: string[],
  refused: Map<string, Located[]>,
  changed: Map<string, number>,
  result: Pick<Collected, 'conflicts' | 'heldBack' | 'rows'>,
): void {
  for (const file of files) {
    const problems = refused.get(file);
    if (problems) {
      io.err(`${file}: refused (${plural(problems.length, 'problem')}); nothing of it is applied`);
      for (const p of problems) io.err(formatLocated(p));
    } else {
      const n = changed.get(file)!;
      io.out(`${file}: read (${plural(n, 'changed cell')})`);
    }
  }
  for (const c of result.conflicts) io.err(conflictLine(c));
  for (const h of result.heldBack) io.err(heldBackLine(h));

  if (result.rows.length) {
    io.out(`Changes to ${dataFile} (${result.rows.length}):`);
    for (const line of changeTable(result.rows)) io.out(line);
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
): Promise<number> {
  if (opts.dryRun) return collectInto(dataFile, returnFiles, opts, io, stderr);
  await inputSize(dataFile);
  return withLock(dataFile, () => collectInto(dataFile, returnFiles, opts, io, stderr), {
    onWait: (pid) => io.err(`${dataFile}: another plan-report run (process ${pid || 'unknown'}) is updating it; waiting for it to finish`),
  });
}

async function collectInto(dataFile: string, returnFiles: string[], opts: CollectOptions, io: Io, stderr: NodeJS.WriteStream): Promise<number> {
  const stamp = await statStamp(dataFile);
  const text = await readTextInput(dataFile);
  const data = readData(text, dataFile);
  const out = opts.out ?? dataFile;

  const files = unique(returnFiles);
  const { accepted, refused } = await readReturns(files, data, dataFile, out, stderr);
  const changed = new Map(accepted.map((r) => [r.file, r.changes.length]));
  const result = collectReturns(data, accepted);
  for (const [file, problems] of result.refused) refused.set(file, problems);
  printOutcome(io, dataFile, files, refused, changed, result);

  const applied = files.length - refused.size;
  const trouble = [refused.size ? `${plural(refused.size, 'return')} refused` : '', result.conflicts.length ? plural(result.conflicts.length, 'conflict') : '']
    .filter(Boolean)
    .join(', ');
  const tail = trouble ? `; ${trouble}` : '';
  if (opts.dryRun) {
    io.out(`dry run: ${plural(result.rows.length, 'change')} from ${plural(applied, 'return')}; nothing written${tail}`);
  } else if (!result.rows.length && opts.out === undefined) {
    io.out(`no changes: ${dataFile} left as it was${tail}`);
  } else {
    // The data file edited in place, or written anew when --out asks for the other syntax.
    const sameSyntax = syntaxOf(out) === syntaxOf(dataFile);
    const cannot = (why: string) =>
      InputError.one(dataFile, `cannot be edited in place (${why}); nothing was written: write the result anew with --out FILE (.yaml or .json)`);
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
      );
    await writeFileAtomic(out, edited, files);
    io.out(`${out}: written (${plural(result.rows.length, 'change')} from ${plural(applied, 'return')})${tail}`);
  }
  return refused.size || result.conflicts.length ? EXIT.input : EXIT.ok;
}
