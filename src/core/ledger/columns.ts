/**
 * What each column of a header means: its title matched against the
 * kind's words (a title under a merged one read with it), then --map, then
 * one column per field: a weaker title gives way and takes its second
 * meaning (完成时间 beside 完成时限: the completion date; 完成情况 beside 状态:
 * a note), or is left out as a duplicate. Every note column after the first
 * is kept in the note with its title.
 */
import { periodIn } from '../values';
import { fieldNamed, headerKey, matchHeader, type Field, type HeaderMatch, type LedgerKind } from './fields';

export interface Column {
  col: number;
  letter: string;
  /** The title as the user sees it; `完成情况/状态` under a merged title. */
  title: string;
  /** The title's words for matching: its own, then the merged title above it. */
  keys: string[];
  field?: Field;
  /** Why a column is not imported. */
  why?: 'unknown' | 'ignored' | 'duplicate';
  /** A note column kept with its title (`配合单位：区科委`). */
  labelled?: boolean;
  /** A period written in the title (`2021年` of a table with a column per year, `2020年基数`). */
  period?: string;
  /** The title says its numbers are percentages (`进度（%）`). */
  percent?: boolean;
  /** Set by --map. */
  mapped?: boolean;
  match?: HeaderMatch;
}

/** What a title means in a kind of ledger: a word of the kind, or (indicators) a period, alone or with a value's word. */
export function meaning(title: string, kind: LedgerKind): (HeaderMatch & { period?: string }) | undefined {
  const m = matchHeader(title, kind);
  if (kind !== 'indicators' || (m && m.exact)) return m;
  const p = periodIn(title);
  if (!p) return m;
  if (p.rest === '') return { field: 'value', exact: true, length: 4, period: p.period };
  const rest = matchHeader(p.rest, kind);
  if (rest && ['value', 'growth', 'baseline.value', 'target.value', 'baseline.period', 'target.period'].includes(rest.field))
    return { ...rest, period: p.period };
  return m;
}

/** One `title=field` of --map. */
export interface MapEntry {
  /** A column's title (or letter) as the user wrote it. */
  name: string;
  /** The field as the user wrote it. */
  target: string;
  fieldFor(kind: LedgerKind): Field | 'ignore' | undefined;
  /** Set once a column of some sheet answers to the name. */
  used?: boolean;
}

/** --map's text as entries; `bad` lists the parts that are not `title=field`. */
export function parseMap(text: string): { entries: MapEntry[]; bad: string[] } {
  const entries: MapEntry[] = [];
  const bad: string[] = [];
  for (const part of text.split(/[,，;；\n]/)) {
    if (part.trim() === '') continue;
    const at = Math.max(part.lastIndexOf('='), part.lastIndexOf('＝'));
    const name = at < 0 ? '' : part.slice(0, at).trim();
    const target = at < 0 ? '' : part.slice(at + 1).trim();
    if (!name || !target) {
      bad.push(part.trim());
      continue;
    }
    entries.push({ name, target, fieldFor: (kind) => fieldNamed(target, kind) });
  }
  return { entries, bad };
}

const STRONG: HeaderMatch = { field: 'note', exact: true, length: 99 };

/** A column under a merged title: its own title, read with the merged one (完成情况 over 完成时间: the completion date). */
function subMeaning(own: string, parent: string, kind: LedgerKind): ReturnType<typeof meaning> {
  const mo = meaning(own, kind);
  const mp = meaning(parent, kind);
  if (kind === 'measures' && mp?.field === 'status' && (mo?.field === 'due' || ['时间', '日期'].includes(headerKey(own))))
    return { field: 'completed', exact: true, length: headerKey(own).length };
  return mo ?? meaning(parent + own, kind) ?? mp;
}

function answers(c: Column, name: string): boolean {
  const key = headerKey(name);
  if (key !== '' && (headerKey(c.title) === key || c.keys.some((k) => headerKey(k) === key))) return true;
  return /^[A-Z]{1,3}$/.test(name.trim()) && c.letter === name.trim();
}

function rank(c: Column): number[] {
  const m = c.match!;
  return [c.mapped ? 1 : 0, m.exact ? 1 : 0, m.weak ? 0 : 1, m.length, -c.col];
}

function compareRank(a: Column, b: Column): number {
  const x = rank(a);
  const y = rank(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
  return 0;
}

/** Each column's field, or why it is left out. */
export function resolveColumns(columns: Column[], kind: LedgerKind, map: MapEntry[]): Column[] {
  for (const c of columns) {
    const m = c.keys.length > 1 ? subMeaning(c.keys[0], c.keys[1], kind) : meaning(c.title, kind);
    if (!m) c.why = 'unknown';
    else if (m.field === 'ignore') c.why = 'ignored';
    else {
      c.field = m.field;
      c.match = m;
      c.labelled = m.labelled;
      if (m.period) c.period = m.period;
    }
  }
  for (const e of map) {
    const field = e.fieldFor(kind);
    for (const c of columns) {
      if (!answers(c, e.name)) continue;
      e.used = true;
      if (field === undefined) continue;
      c.mapped = true;
      c.labelled = undefined;
      if (field === 'ignore') {
        c.field = undefined;
        c.why = 'ignored';
      } else {
        c.field = field;
        c.why = undefined;
        c.match = { ...STRONG, field };
      }
    }
  }
  const taken = new Set<string>();
  const slot = (f: Field, c: Column) => `${f}@${c.period ?? ''}`;
  for (const c of columns.filter((x) => x.field !== undefined).sort(compareRank)) {
    if (c.field === 'note') continue;
    if (!taken.has(slot(c.field!, c))) {
      taken.add(slot(c.field!, c));
      continue;
    }
    const fallback = c.match!.fallback;
    if (fallback !== undefined && (fallback === 'note' || !taken.has(slot(fallback, c)))) {
      c.field = fallback;
      if (fallback !== 'note') taken.add(slot(fallback, c));
    } else {
      c.field = undefined;
      c.why = 'duplicate';
    }
  }
  let main = false;
  for (const c of columns) {
    if (c.field !== 'note') continue;
    if (!main && !c.labelled) main = true;
    else c.labelled = true;
  }
  return columns;
}
