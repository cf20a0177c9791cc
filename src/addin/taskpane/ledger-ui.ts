/**
 * The pane's side of importing a ledger (台账), from the active sheet or from
 * an .xlsx chosen as the data file: the core's ledger import (the one
 * `plan-report import` runs) reads it, and the pane shows what was read
 * before anything is built: each column and the field it is read as (or
 * that it is not imported), the items made, the report's title, region and
 * period (editable), and every cell that cannot be read.
 */
import { importLedger, type ImportResult, type SheetSummary } from '../../core/ledger/import';
import type { LedgerProblem } from '../../core/ledger/issues';
import type { LedgerSheet } from '../../core/ledger/sheet';
import { ledgerWords } from '../../core/ledger/words';
import { fill, type Strings, type UiLocale } from './i18n';

/** Where a ledger comes from: the active sheet (its cells can be selected) or a chosen file. */
export interface LedgerSource {
  /** The file's name; undefined for a sheet of the open workbook. */
  file?: string;
  read(): Promise<LedgerSheet[]>;
}

/** What the report's title, region and period inputs hold (blank: as the ledger says). */
export interface ReportInputs {
  title?: string;
  region?: string;
  period?: string;
}

export function runImport(sheets: LedgerSheet[], inputs: ReportInputs): ImportResult {
  const opts = Object.fromEntries(
    Object.entries(inputs)
      .filter(([, v]) => v !== undefined && v.trim() !== '')
      .map(([k, v]) => [k, v!.trim()]),
  );
  return importLedger(sheets, opts);
}

/** A ledger's problem as the pane lists it. */
export interface LedgerLine {
  where?: string;
  text: string;
}

/** A ledger problem in the pane's language; the report's missing title, region or period point to the inputs, not to command options. */
export function ledgerLine(p: LedgerProblem, words: Strings, ui: UiLocale): LedgerLine {
  if (p.issue.code === 'report') return { text: words.ledgerMissing[p.issue.field] };
  if (p.issue.code === 'bad-period') return { text: fill(words.ledgerBadPeriod, { text: p.issue.text }) };
  return { where: p.cell ?? p.sheet, text: ledgerWords(ui).issue(p.issue, p.column) };
}

/** Are the problems only the report's title, region or period, which the inputs can give? */
export function onlyReportProblems(result: ImportResult): boolean {
  return result.problems.every((p) => p.issue.code === 'report' || p.issue.code === 'bad-period');
}

function sourceName(s: SheetSummary, file: string | undefined, words: Strings): string {
  return file === undefined ? fill(words.ledgerSheet, { sheet: s.sheet }) : fill(words.ledgerFileSheet, { file, sheet: s.sheet });
}

/** `5 measures in 2 groups: 创新策源 (3), 产业促进 (2)`. */
function itemsText(result: ImportResult, s: SheetSummary, words: Strings, ui: UiLocale): string {
  const kind = s.header.kind;
  if (kind === 'catalog') return fill(words.ledgerEntries, { count: s.items });
  if (kind === 'indicators') return fill(words.ledgerIndicators, { count: s.items, observations: s.observations ?? 0 });
  const plan = result.data.plans?.find((p) => p.id === s.id);
  const groups = plan?.groups ?? [];
  if (!groups.length) return fill(words.ledgerMeasures, { count: s.items });
  const count = (g: string) => plan!.measures.filter((m) => m.group === g).length;
  const list = groups.map((g) => (ui === 'en' ? `${g} (${count(g)})` : `${g}（${count(g)}）`)).join(ui === 'en' ? ', ' : '、');
  return fill(words.ledgerGroups, { count: s.items, groups: groups.length, list });
}

/** The items read, for the pane's message: `5 measures` (of every sheet read). */
export function itemsRead(result: ImportResult, words: Strings, ui: UiLocale): string {
  return result.sheets.map((s) => itemsText(result, s, words, ui)).join(ui === 'en' ? '; ' : '；');
}

export function sourceText(result: ImportResult, file: string | undefined, words: Strings, ui: UiLocale): string {
  return result.sheets.map((s) => sourceName(s, file, words)).join(ui === 'en' ? ', ' : '、');
}

const cell = (text: string, className?: string) => {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
};

/** Fills the ledger card: heading, what each sheet holds, the columns' table and the report's inputs. */
export function showLedger(result: ImportResult, file: string | undefined, words: Strings, ui: UiLocale): void {
  const $ = (id: string) => document.getElementById(id)!;
  $('ledger').hidden = false;
  $('ledger-heading').textContent = sourceText(result, file, words, ui);
  const lines: string[] = [];
  for (const s of result.sheets) {
    const last = Math.max(s.counts.lastRow, s.header.first - 1);
    const header = s.header.rows.length > 1 ? `${s.header.rows[0]}–${s.header.rows[s.header.rows.length - 1]}` : String(s.header.rows[0]);
    lines.push(fill(words.ledgerRows, { kind: words.ledgerKinds[s.header.kind], header, first: s.header.first, last }));
    lines.push(itemsText(result, s, words, ui));
    if (s.counts.skipped) lines.push(fill(words.ledgerSkippedRows, { count: s.counts.skipped }));
  }
  $('ledger-summary').textContent = lines.join('\n');
  const rows = result.sheets.flatMap((s) =>
    s.header.columns.map((c) => {
      const tr = document.createElement('tr');
      const cells = s.counts.cells.get(c.col) ?? 0;
      const field = c.field === undefined ? words.ledgerNotImported : `${c.period ? `${c.period} ` : ''}${words.fields[c.field] ?? c.field}`;
      tr.append(cell(c.letter), cell(c.title), cell(field), cell(fill(words.ledgerCells, { count: cells }), 'count'));
      if (c.field === undefined) tr.className = 'unmapped';
      tr.dataset.field = c.field ?? '';
      return tr;
    }),
  );
  document.querySelector('#ledger-columns tbody')!.replaceChildren(...rows);
  const report = result.data.report ?? {};
  const set = (id: string, value: string | undefined) => {
    const input = $(id) as HTMLInputElement;
    if (!input.value.trim()) input.value = value ?? '';
  };
  set('ledger-title', report.title);
  set('ledger-region', report.region);
  set('ledger-period', report.period);
}

export function hideLedger(): void {
  const ledger = document.getElementById('ledger');
  if (ledger) ledger.hidden = true;
  for (const id of ['ledger-title', 'ledger-region', 'ledger-period']) (document.getElementById(id) as HTMLInputElement).value = '';
}

export function reportInputs(): ReportInputs {
  const v = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
  return { title: v('ledger-title'), region: v('ledger-region'), period: v('ledger-period') };
}
