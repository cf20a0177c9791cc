/// <reference types="office-js" />
/**
 * The task pane: Build report, Check workbook, Export data and Insert charts
 * on the open workbook, in English or Simplified Chinese as Excel is.
 */
import { summarize } from '../../core/data-file/counts';
import { readData } from '../../core/data-file/read';
import { reportLocale } from '../../core/report-defaults';
import { formatLocated, InputError, type Located } from '../../core/errors';
import { buildReport } from '../../core/layout/build';
import type { Locale } from '../../core/schema';
import { readTemplate, type Template } from '../../core/template';
import { hostCapabilities, missingNote, type HostCapabilities } from '../excel/capabilities';
import { buildReportInWorkbook, REQUEST_BUDGET, UndoFailed, WorkbookConflict, type ExcelRun, type Phase } from '../excel/report';
import { checkWorkbook, dataFileName, dataFileText, insertCharts, readWorkbookData, selectCell, THIS_WORKBOOK } from '../excel/workbook';
import { fill, strings, uiLocale, type Strings, type UiLocale } from './i18n';
import { DEFAULT_TEMPLATE } from '../../core/template/default';
import { BUILT_IN, templateLabel } from './templates';
import { TemplateWorkbookError } from '../../core/record/carried-template';
import { readCarriedTemplate } from '../excel/carried';
import { previousInWorkbook } from '../excel/previous';
import { previousFromFile } from '../xlsx/read-previous';
import { readTemplateWorkbook } from '../xlsx/read-template';
import { CARRIED, refusalText, showCarried } from './carried-ui';

declare const PLAN_REPORT_VERSION: string;
const GENERATOR = `plan-report ${PLAN_REPORT_VERSION} (Excel add-in)`;
const FROM_FILE = '__file__';

const run: ExcelRun = (batch) => Excel.run(batch);

/** The pane's words, in the language of Excel's interface. */
let words: Strings;
let ui: UiLocale;
let host: HostCapabilities;
/** The template the open workbook carries, if any. */
let carried: Template | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function applyStrings(): void {
  document.documentElement.lang = ui;
  document.title = words.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = words[el.dataset.text as keyof Strings];
    if (typeof value === 'string') el.textContent = value;
  }
  const select = $<HTMLSelectElement>('template');
  select.replaceChildren(
    ...BUILT_IN.map((t) => new Option(templateLabel(t, ui), t.name, t.name === DEFAULT_TEMPLATE, t.name === DEFAULT_TEMPLATE)),
    new Option(words.templateFromFile, FROM_FILE),
  );
}

// ------------------------------------------------------------------ status

type State = 'busy' | 'done' | 'error';

function setStatus(state: State, message: string, progress?: number): void {
  const status = $('status');
  status.hidden = false;
  status.dataset.state = state;
  status.className = `status${state === 'error' ? ' error' : state === 'done' ? ' success' : ''}`;
  $('message').textContent = message;
  const bar = $('progress');
  bar.hidden = progress === undefined;
  if (progress !== undefined) {
    bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
    (bar.firstElementChild as HTMLElement).style.width = `${Math.round(progress * 100)}%`;
  }
  $('problems').replaceChildren();
}

/** Lists problems; those located at a cell select it when clicked. */
function listProblems(problems: Located[], clickable: boolean): void {
  $('problems').replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      const where = p.cell ?? (p.line !== undefined ? `${p.line}:${p.column ?? 1}` : '');
      const what = p.path ? `${p.path}: ${p.message}` : p.message;
      if (clickable && p.cell) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.cell = p.cell;
        const span = document.createElement('span');
        span.className = 'where';
        span.textContent = where;
        button.append(span, ` ${what}`);
        button.addEventListener('click', () => {
          selectCell(run, p.cell!).catch(() => setStatus('error', words.cannotSelect));
        });
        li.append(button);
      } else {
        li.textContent = where ? `${where} ${what}` : what;
        li.title = formatLocated(p);
      }
      return li;
    }),
  );
}

function setBusy(busy: boolean): void {
  for (const id of ['build', 'check', 'export', 'charts']) $<HTMLButtonElement>(id).disabled = busy || !host.core;
}

/** Says what this Excel cannot do: too old for the add-in, or without print setup and filters. */
function showHostNote(): void {
  const note = $('host-note');
  const missing = missingNote(host.features);
  const text = !host.core ? words.tooOld : missing === 'validation' ? words.limitedValidation : missing === 'print' ? words.limitedPrint : '';
  note.hidden = !text;
  // The command's name is not broken at its hyphen.
  note.replaceChildren(
    ...text.split(/(plan-report)/).map((part) => {
      if (part !== 'plan-report') return part;
      const name = document.createElement('span');
      name.className = 'nowrap';
      name.textContent = part;
      return name;
    }),
  );
  note.className = `note${host.core ? '' : ' error'}`;
  note.dataset.kind = !host.core ? 'tooOld' : (missing ?? '');
}

/** Runs an action with the buttons disabled; shows what went wrong in words a person can act on. */
async function action(work: () => Promise<void>): Promise<void> {
  setBusy(true);
  try {
    await work();
  } catch (err) {
    showError(err);
  } finally {
    setBusy(false);
  }
}

function showError(err: unknown): void {
  if (err instanceof TemplateWorkbookError) {
    setStatus('error', refusalText(err, words));
    listProblems(err.problems, false);
  } else if (err instanceof InputError) {
    const file = err.problems[0]?.file ?? '';
    setStatus('error', fill(err.problems.length === 1 ? words.inputProblem : words.inputProblems, { file, count: err.problems.length }));
    listProblems(err.problems, false);
  } else if (err instanceof WorkbookConflict) {
    const text = { sheet: words.conflictSheet, name: words.conflictName, sheetName: words.conflictSheetName, meta: words.conflictMeta }[err.kind];
    setStatus('error', fill(text, { items: err.items.join(', ') }));
  } else if (err instanceof UndoFailed) {
    setStatus('error', fill(words.failedNotUndone, { message: err.message }));
  } else {
    setStatus('error', fill(words.failed, { message: (err as Error)?.message ?? String(err) }));
  }
}

// ------------------------------------------------------------------ actions

async function chosenTemplate(): Promise<Template> {
  const choice = $<HTMLSelectElement>('template').value;
  if (choice === CARRIED && carried) return carried;
  if (choice !== FROM_FILE) return (BUILT_IN.find((t) => t.name === choice) ?? BUILT_IN[0]).template;
  const file = $<HTMLInputElement>('template-file').files?.[0];
  if (!file) throw new Error(words.noTemplateFile);
  if (/\.xlsx$/i.test(file.name)) return readTemplateWorkbook(new Uint8Array(await file.arrayBuffer()), file.name);
  return readTemplate(await file.text(), file.name);
}

async function build(): Promise<void> {
  const file = $<HTMLInputElement>('data-file').files?.[0];
  if (!file) {
    setStatus('error', words.noDataFile);
    return;
  }
  setStatus('busy', fill(words.reading, { file: file.name }), 0);
  const data = readData(await file.text(), file.name);
  const template = await chosenTemplate();
  const choice = $<HTMLSelectElement>('locale').value;
  const locale = reportLocale(data, choice ? (choice as Locale) : undefined);
  // Issue 13: an earlier report of the same region in this workbook is the previous one; the pane says so before anything is replaced.
  // A previous report chosen as a file comes first; its refusals are shown like a data file's problems.
  const previousFile = $<HTMLInputElement>('previous-file').files?.[0];
  const chosen = previousFile ? await previousFromFile(new Uint8Array(await previousFile.arrayBuffer()), previousFile.name, data) : undefined;
  const found = chosen ?? (await previousInWorkbook(run, data));
  const since = found && 'previous' in found ? found : undefined;
  // Said in a note that stays while the build's phases pass, before anything is replaced.
  const note = $<HTMLElement>('since-note');
  note.hidden = !since;
  note.textContent = since
    ? fill(chosen ? words.sinceFile : words.sinceFound, { from: since.from, to: since.to }) + (since.note ? ` (${since.note})` : '')
    : '';
  const model = buildReport(template, data, locale, { generator: GENERATOR, generatedAt: new Date().toISOString(), previous: since?.previous });
  let writing = false;
  try {
    const result = await buildReportInWorkbook(
      run,
      model,
      (phase: Phase, step, total) => {
        writing = writing || phase !== 'inspect';
        setStatus('busy', words.phases[phase], step / total);
      },
      REQUEST_BUDGET,
      host.features,
    );
    const sheets = model.sheets.filter((s) => s.state === 'visible').length;
    const done = fill(result.replaced ? words.updated : words.built, { sheets, names: model.names.length, syncs: result.syncs });
    setStatus('done', since ? `${done} ${fill(words.sinceDone, { from: since.from })}` : done);
    await refreshCarried();
  } catch (err) {
    if (writing && !(err instanceof WorkbookConflict) && !(err instanceof UndoFailed)) {
      setStatus('error', fill(words.failedUndone, { message: (err as Error)?.message ?? String(err) }));
    } else throw err;
  }
}

async function check(): Promise<void> {
  setStatus('busy', words.checking);
  const result = await checkWorkbook(run);
  if (result.ok) {
    const s = summarize(result.data);
    setStatus('done', fill(words.checkOk, { measures: s.measures, entries: s.entries, indicators: s.indicators }));
  } else {
    setStatus('error', fill(result.problems.length === 1 ? words.checkProblem : words.checkProblems, { count: result.problems.length }));
    listProblems(result.problems, true);
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-yaml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function exportData(): Promise<void> {
  setStatus('busy', words.exporting);
  try {
    const data = await readWorkbookData(run);
    const name = dataFileName(data);
    download(name, dataFileText(data));
    setStatus('done', fill(words.exported, { file: name }));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    setStatus('error', words.exportHasProblems);
    listProblems(err.problems, true);
  }
}

async function charts(): Promise<void> {
  setStatus('busy', words.inserting);
  try {
    const count = await insertCharts(run, GENERATOR, host.features);
    setStatus('done', count ? fill(words.inserted, { count }) : words.noCharts);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    setStatus('error', fill(err.problems.length === 1 ? words.checkProblem : words.checkProblems, { count: err.problems.length }));
    listProblems(err.problems, true);
  }
}

/** Looks for the template the open workbook carries, and offers it first. */
async function refreshCarried(): Promise<void> {
  if (!host.core) return;
  const found = await readCarriedTemplate(run, THIS_WORKBOOK).catch(() => undefined);
  carried = showCarried($<HTMLSelectElement>('template'), $('carried-note'), found, words, ui);
  $('template-file-field').hidden = $<HTMLSelectElement>('template').value !== FROM_FILE;
}

function start(): void {
  ui = uiLocale(Office.context?.displayLanguage);
  words = strings(ui);
  host = hostCapabilities(Office.context.requirements);
  applyStrings();
  showHostNote();
  setBusy(false);
  $<HTMLSelectElement>('template').addEventListener('change', (e) => {
    $('template-file-field').hidden = (e.target as HTMLSelectElement).value !== FROM_FILE;
  });
  $('build').addEventListener('click', () => action(build));
  $('check').addEventListener('click', () => action(check));
  $('export').addEventListener('click', () => action(exportData));
  $('charts').addEventListener('click', () => action(charts));
  $('app').hidden = false;
  void refreshCarried().finally(() => (document.body.dataset.ready = 'true'));
}

Office.onReady(() => start());
