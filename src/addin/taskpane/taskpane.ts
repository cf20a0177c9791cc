/// <reference types="office-js" />
/**
 * The task pane: Build report (from a data file, or from a ledger: the
 * active sheet, or an .xlsx or .csv chosen as the data file), Check workbook, Export
 * data, Insert charts and Save as template on the open workbook, in English
 * or Simplified Chinese as Excel is.
 */
import { summarize } from '../../core/data-file/counts';
import { readData } from '../../core/data-file/read';
import { reportLocale } from '../../core/report-defaults';
import { formatLocated, InputError, type Located } from '../../core/errors';
import { lazyLedgerSheet } from '../../core/ledger/sheet';
import { FORM_RECORD_SHEET } from '../../core/record/form-record';
import { readReportRecord, REPORT_RECORD_SHEET } from '../../core/record/report-record';
import { buildReport } from '../../core/layout/build';
import type { Locale, ReportData } from '../../core/schema';
import { readTemplate, type Template } from '../../core/template';
import { hostCapabilities, missingNote, type HostCapabilities } from '../excel/capabilities';
import { buildReportInWorkbook, REQUEST_BUDGET, UndoFailed, WorkbookConflict, type ExcelRun, type Phase } from '../excel/report';
import { checkWorkbook, dataFileName, dataFileText, insertCharts, selectCell, THIS_WORKBOOK, type ProblemCells } from '../excel/workbook';
import { readActiveSheet } from '../excel/active-sheet';
import { NoReportHere } from '../excel/read-grid';
import { fill, strings, uiLocale, type Strings, type UiLocale } from './i18n';
import { DEFAULT_TEMPLATE } from '../../core/template/default';
import { BUILT_IN, templateLabel } from './templates';
import { TemplateWorkbookError } from '../../core/record/carried-template';
import { readCarriedTemplate } from '../excel/carried';
import { readTemplateWorkbook, readWorkbookFile } from '../xlsx/read-template';
import { hideLedger, reportInputs, showLedger } from './ledger-ui';
import { itemsRead, ledgerLine, onlyReportProblems, runImport, sourceText, type LedgerSource } from './ledger-read';
import { showProblem } from './problem-text';
import { fileProblemLines } from './core-text';
import { isCsvFile, readCsvFile } from './csv-file';
import { previousInWorkbook } from '../excel/previous';
import { previousFromFile } from '../xlsx/read-previous';
import { CARRIED, refusalText, showCarried } from './carried-ui';
import { NoReport, saveAsTemplate } from '../excel/save-template';
import { XLSX_TYPE } from '../xlsx/write-package';
import { periodWords } from '../../core/i18n/wording';

declare const PLAN_REPORT_VERSION: string;
const GENERATOR = `plan-report ${PLAN_REPORT_VERSION} (Excel add-in)`;
/** A template workbook says what `plan-report template` says, so that the two are the same workbook. */
const TEMPLATE_GENERATOR = `plan-report ${PLAN_REPORT_VERSION}`;
const FROM_FILE = '__file__';

const run: ExcelRun = (batch) => Excel.run(batch);

/** The pane's words, in the language of Excel's interface. */
let words: Strings;
let ui: UiLocale;
let host: HostCapabilities;
/** The template the open workbook carries, if any. */
let carried: Template | undefined;
/** The ledger shown for import, if any. */
let ledger: LedgerSource | undefined;
/** The card whose button ran the current action: its messages are shown under it (or under the ledger shown from it). */
let near = 'workbook';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function applyStrings(): void {
  document.documentElement.lang = ui;
  document.title = words.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = words[el.dataset.text as keyof Strings];
    if (typeof value === 'string') el.textContent = value;
  }
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-placeholder]')) {
    const value = words[el.dataset.placeholder as keyof Strings];
    if (typeof value === 'string') el.placeholder = value;
  }
  const select = $<HTMLSelectElement>('template');
  select.replaceChildren(
    ...BUILT_IN.map((t) => new Option(templateLabel(t, ui), t.name, t.name === DEFAULT_TEMPLATE, t.name === DEFAULT_TEMPLATE)),
    new Option(words.templateFromFile, FROM_FILE),
  );
  for (const id of ['data-file', 'previous-file', 'template-file']) showFileName(id);
}

/** The chosen file's name beside its picker (the browser's own input is hidden: it speaks the browser's language). */
function showFileName(id: string): void {
  const file = $<HTMLInputElement>(id).files?.[0];
  const name = $(`${id}-name`);
  name.textContent = file ? file.name : words.noFile;
  name.title = file ? file.name : '';
  name.classList.toggle('empty', !file);
}

// ------------------------------------------------------------------ status

type State = 'busy' | 'done' | 'error';

function setStatus(state: State, message: string, progress?: number): void {
  const status = $('status');
  const ledgerCard = $('ledger');
  (!ledgerCard.hidden && ledgerCard.previousElementSibling?.id === near ? ledgerCard : $(near)).after(status);
  status.hidden = false;
  status.dataset.state = state;
  status.className = `status${state === 'error' ? ' error' : state === 'done' ? ' success' : ''}`;
  $('message').textContent = message;
  $('message').title = '';
  const bar = $('progress');
  bar.hidden = progress === undefined;
  if (progress !== undefined) {
    bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
    (bar.firstElementChild as HTMLElement).style.width = `${Math.round(progress * 100)}%`;
  }
  $('problems').replaceChildren();
}

/** A problem as listed: where (a cell selects it when clicked), what, and the details kept for whoever needs them (the data path). */
interface Listed {
  where?: string;
  text: string;
  details?: string;
}

/** Lists problems; those located at a cell of this workbook select it when clicked. */
function listProblems(problems: Listed[], clickable: boolean): void {
  $('problems').replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      if (p.details) li.title = p.details;
      const span = document.createElement('span');
      span.className = 'where';
      span.textContent = p.where ?? '';
      const text = p.where ? ` ${p.text}` : p.text;
      if (clickable && p.where && /![A-Z]+[0-9]+$/.test(p.where)) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.cell = p.where;
        button.append(span, text);
        button.addEventListener('click', () => {
          selectCell(run, p.where!).catch(() => setStatus('error', words.cannotSelect));
        });
        li.append(button);
      } else if (p.where) li.append(span, text);
      else li.textContent = text;
      return li;
    }),
  );
}

/** The report's problems in the pane's language and the sheet's words, the data path kept in the details. */
function reportProblems(problems: Located[], cells?: ProblemCells): Listed[] {
  return problems.map((p) => {
    const shown = showProblem(p, cells, ui);
    return { ...shown, details: formatLocated(p, { locale: ui, verbose: true }) };
  });
}

function setBusy(busy: boolean): void {
  for (const id of ['build', 'check', 'export', 'charts', 'save-template', 'import-sheet', 'ledger-build', 'ledger-cancel'])
    $<HTMLButtonElement>(id).disabled = busy || !host.core;
}

/** Text with `word` (a command's or a file's name) kept on one line wherever it occurs. */
function unbroken(text: string, word: string): (string | HTMLElement)[] {
  return text.split(word).flatMap((part, i) => {
    if (i === 0) return [part];
    const span = document.createElement('span');
    span.className = 'nowrap';
    span.textContent = word;
    return [span, part];
  });
}

/** Says what this Excel cannot do: too old for the add-in, or without print setup and filters. */
function showHostNote(): void {
  const note = $('host-note');
  const missing = missingNote(host.features);
  const text = !host.core ? words.tooOld : missing === 'validation' ? words.limitedValidation : missing === 'print' ? words.limitedPrint : '';
  note.hidden = !text;
  // The command's name is not broken at its hyphen.
  note.replaceChildren(...unbroken(text, 'plan-report'));
  note.className = `note${host.core ? '' : ' error'}`;
  note.dataset.kind = !host.core ? 'tooOld' : (missing ?? '');
}

/**
 * Runs an action with the buttons disabled; shows what went wrong in words a
 * person can act on. Its messages are shown under the card of its button
 * (`near`), where the official is looking.
 */
async function action(work: () => Promise<void>, card: string): Promise<void> {
  near = card;
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
  if (err instanceof CsvRefused) {
    setStatus('error', err.message);
  } else if (err instanceof TemplateWorkbookError) {
    // The refusal says what the file is and what to do; the reader's own words stay in the details.
    setStatus('error', refusalText(err, words));
    $('message').title = err.problems.map((p) => formatLocated(p, { locale: ui, verbose: true })).join('\n');
  } else if (err instanceof NoReportHere) {
    setStatus('error', words.noReport);
  } else if (err instanceof InputError) {
    const file = err.problems[0]?.file ?? '';
    setStatus('error', fill(err.problems.length === 1 ? words.inputProblem : words.inputProblems, { file, count: err.problems.length }));
    listProblems(fileProblemLines(err.problems, ui), false);
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
  if (await isWorkbook(file)) return chooseWorkbook(file);
  if (isCsvFile(file)) return chooseCsv(file);
  await buildFrom(readData(await file.text(), file.name));
}

/** An .xlsx (or any zip package) chosen as the data file. */
async function isWorkbook(file: File): Promise<boolean> {
  if (/\.(xlsx|xlsm)$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;
}

/** Builds the report of `data` into the open workbook, with the template and language chosen. */
async function buildFrom(data: ReportData): Promise<void> {
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
  // The periods and the note of skipped periods as the pane's language says them (2022年第三季度).
  const from = since ? periodWords(since.from, ui) : '';
  const gap = ui === 'zh-CN' ? since?.noteZh : since?.note;
  note.textContent = since
    ? fill(chosen ? words.sinceFile : words.sinceFound, { from, to: periodWords(since.to, ui) }) + (gap ? (ui === 'zh-CN' ? `${gap}。` : ` (${gap})`) : '')
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
    const done = fill(result.replaced ? words.updated : words.built, { sheets });
    setStatus('done', since ? `${done}${ui === 'zh-CN' ? '' : ' '}${fill(words.sinceDone, { from })}` : done);
    await refreshCarried();
  } catch (err) {
    if (writing && !(err instanceof WorkbookConflict) && !(err instanceof UndoFailed)) {
      setStatus('error', fill(words.failedUndone, { message: (err as Error)?.message ?? String(err) }));
    } else throw err;
  }
}

// ------------------------------------------------------------------ ledgers

/**
 * An .xlsx chosen as the data file: a report, a template workbook or a form
 * is named for what it is; any other workbook is read as a ledger, and what
 * was read is shown for the official to build from.
 */
async function chooseWorkbook(file: File): Promise<void> {
  hideLedger();
  const wb = await readWorkbookFile(new Uint8Array(await file.arrayBuffer()), file.name);
  const name = fill(words.quoted, { name: file.name });
  if (wb.sheet(REPORT_RECORD_SHEET)) {
    let template = false;
    try {
      const sk = readReportRecord(wb, file.name).skeleton;
      template = sk.report.region === '-' && !sk.plans.length && !sk.catalogs.length;
    } catch {
      template = false;
    }
    setStatus('error', fill(template ? words.xlsxTemplate : words.xlsxReport, { file: name }));
    return;
  }
  if (wb.sheet(FORM_RECORD_SHEET)) {
    setStatus('error', fill(words.xlsxForm, { file: name }));
    return;
  }
  await previewLedger({ file: file.name, read: async () => wb.sheetNames.map((n) => lazyLedgerSheet(n, () => wb.sheet(n)!)) });
}

/** A CSV file chosen as the data file: read as a ledger (in whatever encoding Excel or WPS saved it), or said why it cannot be. */
async function chooseCsv(file: File): Promise<void> {
  hideLedger();
  const read = async () => {
    const got = await readCsvFile(file, words, ui);
    if ('refused' in got) throw new CsvRefused(got.refused);
    return got;
  };
  const first = await read();
  await previewLedger({ file: file.name, encoding: first.encoding, read: async () => [(await read()).sheet] });
}

/** A CSV file that cannot be read as a ledger: the sentence says why, in the pane's language. */
class CsvRefused extends Error {}

async function importSheet(): Promise<void> {
  hideLedger();
  await previewLedger({ read: async () => [await readActiveSheet(run, host.features)] });
}

/** Reads a ledger and shows how it was read, with its problems; nothing is built yet. */
async function previewLedger(source: LedgerSource): Promise<void> {
  setStatus('busy', source.file ? fill(words.reading, { file: source.file }) : words.readingSheet);
  const sheets = await source.read();
  const result = runImport(sheets, {});
  if (!result.sheets.length) {
    ledger = undefined;
    const file = fill(words.quoted, { name: source.file ?? '' });
    const inFile = source.encoding ? words.noLedgerCsv : words.noLedgerFile;
    setStatus('error', source.file ? fill(inFile, { file }) : fill(words.noLedger, { sheet: sheets[0]?.name ?? '' }));
    return;
  }
  ledger = source;
  // The ledger is shown under the card it came from: Build report (a file) or Import a ledger (this sheet).
  $(near).after($('ledger'));
  showLedger(result, source, words, ui);
  sayLedger(result, source);
}

/** Says what was read, or lists what cannot be (a cell of the active sheet selects it when clicked). */
function sayLedger(result: ReturnType<typeof runImport>, source: LedgerSource): void {
  if (!result.problems.length) {
    setStatus('done', fill(words.ledgerReady, { items: itemsRead(result, words, ui), source: sourceText(result, source.file, words, ui) }));
    return;
  }
  const lines = result.problems.map((p) => ledgerLine(p, words, ui));
  if (onlyReportProblems(result)) setStatus('error', lines.map((l) => l.text).join('\n'));
  else {
    const count = result.problems.length;
    const text = source.file
      ? fill(words.ledgerFileProblems, { file: source.file, count })
      : count === 1
        ? words.ledgerProblem
        : fill(words.ledgerProblems, { count });
    setStatus('error', text);
    listProblems(lines, !source.file);
  }
}

/** Reads the ledger again (it may have been corrected), with the report's title, region and period as typed, and builds its report. */
async function buildLedger(): Promise<void> {
  if (!ledger) return;
  const source = ledger;
  setStatus('busy', source.file ? fill(words.reading, { file: source.file }) : words.readingSheet);
  const result = runImport(await source.read(), reportInputs());
  if (!result.sheets.length || result.problems.length) {
    if (result.sheets.length) showLedger(result, source, words, ui);
    sayLedger(result, source);
    return;
  }
  await buildFrom(result.data);
  if ($('status').dataset.state === 'done') {
    ledger = undefined;
    hideLedger();
  }
}

async function check(): Promise<void> {
  setStatus('busy', words.checking);
  const result = await checkWorkbook(run);
  if (result.ok) {
    const s = summarize(result.data);
    setStatus('done', fill(words.checkOk, { measures: s.measures, entries: s.entries, indicators: s.indicators }));
  } else if ('noReport' in result) {
    setStatus('error', words.noReport);
  } else {
    setStatus('error', fill(result.problems.length === 1 ? words.checkProblem : words.checkProblems, { count: result.problems.length }));
    listProblems(reportProblems(result.problems, result.cells), true);
  }
}

/** Offers a file to save (Excel on the web and on Windows save it as a browser does). */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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
  // Read as Check reads it, so that its problems are said in the sheet's words.
  const result = await checkWorkbook(run);
  if (!result.ok) {
    if ('noReport' in result) return setStatus('error', words.noReport);
    setStatus('error', words.exportHasProblems);
    return listProblems(reportProblems(result.problems, result.cells), true);
  }
  const name = dataFileName(result.data);
  download(name, new Blob([dataFileText(result.data)], { type: 'application/x-yaml;charset=utf-8' }));
  setStatus('done', fill(words.exported, { file: name }));
}

async function charts(): Promise<void> {
  setStatus('busy', words.inserting);
  try {
    const count = await insertCharts(run, GENERATOR, host.features);
    setStatus('done', count ? fill(words.inserted, { count }) : words.noCharts);
  } catch (err) {
    if (!(err instanceof InputError) || err instanceof NoReportHere) throw err;
    // The data cannot be read: its problems as Check says them.
    await check();
  }
}

async function saveTemplate(): Promise<void> {
  setStatus('busy', words.savingTemplate);
  try {
    const saved = await saveAsTemplate(run, { generator: TEMPLATE_GENERATOR, generatedAt: new Date().toISOString() });
    download(saved.file, new Blob([saved.bytes as BlobPart], { type: XLSX_TYPE }));
    const name = fill(words.quoted, { name: templateLabel({ name: saved.template.name, template: saved.template }, ui) });
    const text = fill(words.savedTemplate, { name, file: saved.file });
    setStatus('done', text);
    // The file's name is not broken at a hyphen.
    $('message').replaceChildren(...unbroken(text, saved.file));
  } catch (err) {
    if (!(err instanceof NoReport)) throw err;
    setStatus('error', words.saveTemplateNoReport);
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
  $<HTMLInputElement>('data-file').addEventListener('change', () => {
    showFileName('data-file');
    const file = $<HTMLInputElement>('data-file').files?.[0];
    if (!file) return;
    // A workbook chosen as the data file is read at once: a ledger is shown for import, anything else named for what it is.
    void action(async () => {
      if (await isWorkbook(file)) await chooseWorkbook(file);
      else if (isCsvFile(file)) await chooseCsv(file);
      else hideLedger();
    }, 'build-card');
  });
  $<HTMLInputElement>('template-file').addEventListener('change', () => showFileName('template-file'));
  $<HTMLInputElement>('previous-file').addEventListener('change', () => showFileName('previous-file'));
  $<HTMLSelectElement>('template').addEventListener('change', (e) => {
    $('template-file-field').hidden = (e.target as HTMLSelectElement).value !== FROM_FILE;
  });
  $('build').addEventListener('click', () => action(build, 'build-card'));
  $('check').addEventListener('click', () => action(check, 'workbook'));
  $('export').addEventListener('click', () => action(exportData, 'workbook'));
  $('charts').addEventListener('click', () => action(charts, 'workbook'));
  $('save-template').addEventListener('click', () => action(saveTemplate, 'workbook'));
  $('import-sheet').addEventListener('click', () => action(importSheet, 'import-card'));
  $('ledger-build').addEventListener('click', () => action(buildLedger, near));
  $('ledger-cancel').addEventListener('click', () => {
    ledger = undefined;
    hideLedger();
    $('status').hidden = true;
  });
  $('app').hidden = false;
  void refreshCarried().finally(() => (document.body.dataset.ready = 'true'));
}

Office.onReady(() => start());
