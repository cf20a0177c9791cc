/**
 * Finding a ledger's header: the row (or two rows) that name its columns,
 * below any title rows, and what each column means. A two-row header has a
 * merged title over titles of its own (完成情况 over 状态 and 完成时间); a
 * cell covered by a merge reads as the merge's first cell, so a column
 * merged down both rows reads its title twice.
 */
import { meaning, resolveColumns, type Column, type MapEntry } from './columns';
import { FIELDS, headerKey, KEY_FIELD, LEDGER_KINDS, type Field, type LedgerKind } from './fields';
import { columnLetter, rowTexts, type LedgerSheet } from './sheet';

export interface Header {
  kind: LedgerKind;
  /** The header's rows (one or two). */
  rows: number[];
  columns: Column[];
  /** The texts of the rows above the header (the ledger's title, 填报单位...). */
  titles: string[];
  /** The first row of data. */
  first: number;
}

/** Rows searched for a header. */
const HEADER_ROWS = 40;

function distinct(texts: (string | null)[]): string[] {
  return [...new Set(texts.filter((t): t is string => t !== null))];
}

/** The fields a row's titles name, for a kind (a map's names counting too). */
function rowFields(texts: (string | null)[], kind: LedgerKind, map: MapEntry[]): Set<Field> {
  const fields = new Set<Field>();
  const keys = new Set(texts.filter((t): t is string => t !== null).map(headerKey));
  for (const t of texts) {
    if (t === null) continue;
    const m = meaning(t, kind);
    if (m && m.field !== 'ignore') fields.add(m.field);
  }
  for (const e of map) {
    const f = e.fieldFor(kind);
    if (f && f !== 'ignore' && keys.has(headerKey(e.name))) fields.add(f);
  }
  return fields;
}

/** Whether the row under a header row is a second header row: each of its titles repeats the one above (merged down) or names a field. */
function isSubRow(top: (string | null)[], below: (string | null)[], kind: LedgerKind): boolean {
  let own = 0;
  for (let i = 0; i < below.length; i++) {
    const t = below[i];
    if (t === null || t === top[i]) continue;
    const m = meaning(t, kind);
    if (!m || !m.exact) return false;
    own++;
  }
  return own > 0;
}

/** The merged title over column i of a two-row header: its own top cell, or (a CSV file keeps a merge's text in its first cell only) the nearest one to the left over titles of their own. */
function parentOf(top: (string | null)[], below: (string | null)[], i: number): string | null {
  for (let j = i; j >= 0; j--) {
    if (top[j] !== null) return top[j];
    if (below[j] === null) return null;
  }
  return null;
}

function buildColumns(sheet: LedgerSheet, row: number, two: boolean): Column[] {
  const top = rowTexts(sheet, row);
  const below = two ? rowTexts(sheet, row + 1) : [];
  const columns: Column[] = [];
  for (let i = 0; i < top.length; i++) {
    const sub = two ? below[i] : null;
    const parent = two && sub !== null && sub !== top[i] ? parentOf(top, below, i) : null;
    const own = parent !== null ? sub : top[i];
    if (own === null) continue;
    const title = parent !== null ? `${parent}/${own}` : own;
    columns.push({
      col: i + 1,
      letter: columnLetter(i + 1),
      title,
      keys: parent !== null ? [own, parent] : [own],
      percent: /%|％|百分比|percent/i.test(title),
    });
  }
  return columns;
}

export interface FindOptions {
  kind?: LedgerKind;
  map?: MapEntry[];
}

/** The ledger's header, or undefined when no row names at least two fields, the kind's key field among them. */
export function findHeader(sheet: LedgerSheet, opts: FindOptions = {}): Header | undefined {
  const map = opts.map ?? [];
  const kinds = opts.kind ? [opts.kind] : LEDGER_KINDS;
  let best: { row: number; kind: LedgerKind; score: number } | undefined;
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_ROWS); r++) {
    const texts = rowTexts(sheet, r);
    if (distinct(texts).length < 2) continue;
    for (const kind of kinds) {
      const fields = rowFields(texts, kind, map);
      if (!fields.has(KEY_FIELD[kind]) || fields.size < 2) continue;
      if (!best || fields.size > best.score) best = { row: r, kind, score: fields.size };
    }
  }
  if (!best) return undefined;
  const { row, kind } = best;
  const two = row < sheet.rowCount && isSubRow(rowTexts(sheet, row), rowTexts(sheet, row + 1), kind);
  const columns = resolveColumns(buildColumns(sheet, row, two), kind, map);
  const titles: string[] = [];
  for (let r = 1; r < row; r++) {
    const texts = distinct(rowTexts(sheet, r));
    if (texts.length) titles.push(texts.join(' '));
  }
  return { kind, rows: two ? [row, row + 1] : [row], columns, titles, first: row + (two ? 2 : 1) };
}

/** The fields of a kind, for messages. */
export function fieldsOf(kind: LedgerKind): readonly Field[] {
  return FIELDS[kind];
}
