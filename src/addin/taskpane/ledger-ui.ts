/**
 * The pane's card of a ledger to import: what was read, before anything is
 * built: each column and the field it is read as (or that it is not
 * imported), the items made, and the report's title, region and period
 * (editable).
 */
import type { ImportResult } from '../../core/ledger/import';
import { fill, type Strings, type UiLocale } from './i18n';
import { itemsText, sourceText, type LedgerSource, type ReportInputs } from './ledger-read';

/** How an encoding is named to an official: GBK is the name Excel and WPS give it. */
const ENCODING_NAMES = { 'UTF-8': 'UTF-8', 'UTF-16': 'UTF-16', GB18030: 'GBK (GB18030)' };

const cell = (text: string, className?: string) => {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
};

/** Fills the ledger card: heading, what each sheet holds, the columns' table and the report's inputs. */
export function showLedger(result: ImportResult, source: LedgerSource, words: Strings, ui: UiLocale): void {
  const file = source.file;
  const $ = (id: string) => document.getElementById(id)!;
  $('ledger').hidden = false;
  $('ledger-heading').textContent = sourceText(result, file, words, ui, true);
  const lines: string[] = [];
  for (const s of result.sheets) {
    const last = Math.max(s.counts.lastRow, s.header.first - 1);
    const r = s.header.rows;
    const header = r.length > 1 ? fill(words.ledgerHeaderRows, { first: r[0], last: r[r.length - 1] }) : fill(words.ledgerHeaderRow, { row: r[0] });
    lines.push(fill(words.ledgerRows, { kind: words.ledgerKinds[s.header.kind], header, first: s.header.first, last }));
    lines.push(itemsText(result, s, words, ui));
    if (s.counts.skipped) lines.push(fill(words.ledgerSkippedRows, { count: s.counts.skipped }));
  }
  if (source.encoding) lines.push(fill(words.ledgerEncoding, { encoding: ENCODING_NAMES[source.encoding] }));
  $('ledger-summary').textContent = lines.join('\n');
  const rows = result.sheets.flatMap((s) =>
    s.header.columns.map((c) => {
      const tr = document.createElement('tr');
      const cells = s.counts.cells.get(c.col) ?? 0;
      const field = c.field === undefined ? words.ledgerNotImported : `${c.period ? `${c.period} ` : ''}${words.fields[c.field] ?? c.field}`;
      tr.append(cell(c.letter), cell(c.title), cell(field), cell(cells === 1 ? words.ledgerCell : fill(words.ledgerCells, { count: cells }), 'count'));
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
