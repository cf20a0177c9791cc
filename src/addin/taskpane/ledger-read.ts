/**
 * Importing a ledger (台账) in the pane, from the active sheet or from an
 * .xlsx chosen as the data file, through the core's ledger import (the one
 * `plan-report import` runs): the report's title, region and period as
 * typed in the pane, and what was read said in the pane's language
 * (ledger-ui.ts shows it).
 */
import { importLedger, type ImportResult, type SheetSummary } from '../../core/ledger/import';
import type { LedgerProblem } from '../../core/ledger/issues';
import type { CsvEncoding } from '../../core/ledger/csv';
import type { LedgerSheet } from '../../core/ledger/sheet';
import { ledgerWords } from '../../core/ledger/words';
import { fill, type Strings, type UiLocale } from './i18n';
import { dataCheckText } from './problem-text';
import { coreSaid } from './core-text';

/** Where a ledger comes from: the active sheet (its cells can be selected) or a chosen file. */
export interface LedgerSource {
  /** The file's name; undefined for a sheet of the open workbook. */
  file?: string;
  /** A CSV file's encoding, as its bytes were found in. */
  encoding?: CsvEncoding;
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
  /** A data check's path and English sentence (the item's tooltip). */
  details?: string;
}

/** A ledger problem in the pane's language; the report's missing title, region or period point to the inputs, not to command options. */
export function ledgerLine(p: LedgerProblem, words: Strings, ui: UiLocale): LedgerLine {
  if (p.issue.code === 'report') return { text: words.ledgerMissing[p.issue.field] };
  if (p.issue.code === 'bad-period') return { text: fill(words.ledgerBadPeriod, { text: p.issue.text }) };
  const where = p.cell ?? p.sheet;
  if (p.issue.code !== 'schema') return { where, text: ledgerWords(ui).issue(p.issue, p.column) };
  // What the data's checks found after the import: said as Check says it (in a cell's words, else as the core says it
  // in the pane's language), under the column's title; the data path only in the details.
  const issue: { message: string; zh?: string } = p.issue;
  const checked = dataCheckText(issue.message, ui) ?? coreSaid(issue, ui) ?? issue.message;
  return { where, text: p.column ? `${p.column}${ui === 'en' ? ': ' : '：'}${checked}` : checked, details: `${p.issue.path}: ${issue.message}` };
}

/** Are the problems only the report's title, region or period, which the inputs can give? */
export function onlyReportProblems(result: ImportResult): boolean {
  return result.problems.every((p) => p.issue.code === 'report' || p.issue.code === 'bad-period');
}

function sourceName(s: SheetSummary, file: string | undefined, words: Strings, heading: boolean): string {
  // A CSV file is one sheet, named after the file.
  if (file !== undefined && /\.(csv|tsv|txt)$/i.test(file)) return fill(words.ledgerFile, { file });
  if (file !== undefined) return fill(words.ledgerFileSheet, { file, sheet: s.sheet });
  return fill(heading ? words.ledgerSheet : words.ledgerSheetIn, { sheet: s.sheet });
}

/** `5 measures in 2 groups: 创新策源 (3), 产业促进 (2)`. */
export function itemsText(result: ImportResult, s: SheetSummary, words: Strings, ui: UiLocale): string {
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

/** Where the ledger was read: `the sheet "台账"`; as a heading, `Sheet "台账"`. */
export function sourceText(result: ImportResult, file: string | undefined, words: Strings, ui: UiLocale, heading = false): string {
  return result.sheets.map((s) => sourceName(s, file, words, heading)).join(ui === 'en' ? ', ' : '、');
}
