/**
 * The words of `plan-report import`, in English and in Chinese: each
 * problem, and each part of the summary of what was read. One interface, two
 * languages, so that no message exists in one only.
 */
import type { Locale } from '../schema';
import type { Field, LedgerKind } from './fields';
import type { Issue } from './issues';
import { en } from './words-en';
import { zh } from './words-zh';

export interface LedgerWords {
  /** A field as the user knows it (`status`; `完成情况`). */
  field(f: Field): string;
  /** A problem's message, without its place; `column` is the title of the column it is in. */
  issue(issue: Issue, column: string | undefined): string;
  /** `file F7: message` / `file F7：message`. */
  located(file: string, cell: string | undefined, sheet: string | undefined, message: string): string;
  sheet(file: string, sheet: string | undefined, kind: LedgerKind, rows: number[], first: number, last: number): string;
  column(letter: string, title: string, field: string | undefined, cells: number, problems: number, period?: string): string;
  /** `padded`: the title padded to the width of the column of titles; `title`: as --map takes it. */
  notImported(letter: string, title: string, why: 'unknown' | 'ignored' | 'duplicate', cells: number, padded: string): string;
  plan(id: string, title: string, measures: number, groups: [string, number][]): string;
  catalog(id: string, title: string, entries: number): string;
  indicators(count: number, observations: number): string;
  idFrom(what: 'plan' | 'catalog', from: 'option' | 'sheet' | 'file' | 'position', id: string): string;
  ids(how: string[], planId: string): string;
  generatedIndicatorIds(ids: string[]): string;
  blankStatus(counts: [string, number][]): string;
  ongoing(n: number, column: string): string;
  remarks(n: number, column: string): string;
  emptyGroups(names: string[]): string;
  titleCategory(category: string, entries: number): string;
  skipped(sheets: string[]): string;
  skippedRows(headings: number, skipped: number): string;
  report(parts: { title?: string; region?: string; period?: string; locale?: string }, from: Record<string, 'option' | 'title' | undefined>): string;
  problems(n: number): string;
  dryRun(written: string, ok: boolean): string;
  written(out: string, counts: { plans: number; measures: number; catalogs: number; entries: number; indicators: number }): string;
  notWritten(n: number): string;
  exists(out: string): string;
  /** Refusals of the ledger file itself. */
  file: {
    missing: string;
    directory: string;
    notFile: string;
    empty: string;
    unreadable(code: string): string;
    tooLarge(mb: string, max: number): string;
    notLedger(ext: string): string;
    csv(reason: string): string;
  };
  usage: {
    map(bad: string[]): string;
    planId(id: string): string;
  };
}

export function ledgerWords(locale: Locale): LedgerWords {
  return locale === 'zh-CN' ? zh : en;
}
