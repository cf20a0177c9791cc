/** What an import read, as lines for the user: each sheet, how each column was read, the items made, and the problems at their cells. */
import { textWidth } from '../layout/sheets/common';
import type { Locale } from '../schema';
import type { ImportResult, SheetSummary } from './import';
import type { LedgerProblem } from './issues';
import { ledgerWords, type LedgerWords } from './words';

function columnLines(W: LedgerWords, s: SheetSummary): string[] {
  const width = Math.max(...s.header.columns.map((c) => textWidth(c.title)));
  const letters = Math.max(...s.header.columns.map((c) => c.letter.length));
  return s.header.columns.map((c) => {
    const cells = s.counts.cells.get(c.col) ?? 0;
    const letter = c.letter.padEnd(letters);
    if (c.field === undefined) return `  ${W.notImported(letter, c.title, c.why ?? 'unknown', cells, pad(c.title, width))}`;
    return `  ${W.column(letter, pad(c.title, width), W.field(c.field), cells, s.counts.problems.get(c.col) ?? 0, c.period)}`;
  });
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - textWidth(s)));

function itemLines(W: LedgerWords, s: SheetSummary, result: ImportResult): string[] {
  const lines: string[] = [];
  const kind = s.header.kind;
  if (kind === 'measures') {
    const plan = result.data.plans?.find((p) => p.id === s.id);
    const groups = (plan?.groups ?? []).map((g): [string, number] => [g, plan!.measures.filter((m) => m.group === g).length]);
    lines.push(W.plan(s.id!, s.title!, s.items, groups), W.idFrom('plan', s.idFrom!, s.id!));
    const m = s.measures!;
    if (m.ids.size) lines.push(W.ids([...m.ids], s.id!));
    const blank = Object.entries(m.blankStatus).filter(([, n]) => n);
    if (blank.length) lines.push(W.blankStatus(blank));
    const due = s.header.columns.find((c) => c.field === 'due');
    if (m.ongoing && due) lines.push(W.ongoing(m.ongoing, due.title));
    const status = s.header.columns.find((c) => c.field === 'status');
    if (m.remarks && status) lines.push(W.remarks(m.remarks, status.title));
    if (m.emptyGroups.length) lines.push(W.emptyGroups(m.emptyGroups));
  } else if (kind === 'catalog') {
    lines.push(W.catalog(s.id!, s.title!, s.items), W.idFrom('catalog', s.idFrom!, s.id!));
    if (s.titleCategory) lines.push(W.titleCategory(s.titleCategory.category, s.titleCategory.entries));
  } else {
    lines.push(W.indicators(s.items, s.observations ?? 0));
    if (s.generatedIds?.length) lines.push(W.generatedIndicatorIds(s.generatedIds));
  }
  const rows = W.skippedRows(s.counts.headings, s.counts.skipped);
  if (rows) lines.push(rows);
  return lines.map((l) => `  ${l}`);
}

/** The summary of what was read; with `columns`, how each column was read too (--dry-run). */
export function summaryLines(result: ImportResult, file: string, locale: Locale, columns: boolean, bare = false): string[] {
  const W = ledgerWords(locale);
  const lines: string[] = [];
  for (const s of result.sheets) {
    const last = Math.max(s.counts.lastRow, s.header.first - 1);
    lines.push(W.sheet(file, bare ? undefined : s.sheet, s.header.kind, s.header.rows, s.header.first, last));
    if (columns) lines.push(...columnLines(W, s));
    lines.push(...itemLines(W, s, result));
  }
  if (result.skipped.length) lines.push(W.skipped(result.skipped));
  if (result.sheets.length) lines.push(W.report({ ...result.data.report }, result.report.from));
  return lines;
}

/** A problem as one line: the file, the cell (or sheet), and what was expected. */
export function problemLine(p: LedgerProblem, file: string, locale: Locale): string {
  const W = ledgerWords(locale);
  return W.located(file, p.cell, p.sheet, W.issue(p.issue, p.column));
}
