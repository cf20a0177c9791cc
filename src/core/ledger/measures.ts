/**
 * A plan from a ledger of measures: one measure per data row, its group
 * from a 分类 column or the heading above it, its status from the officials'
 * words (blank: completed when a completion date or 100% is given, in
 * progress when some progress is, else not started), its due date from
 * theirs (长期 and the like: none, the words kept in the note).
 */
import { ID_PATTERN, type Measure, type Plan, type Status } from '../schema';
import { cellText, parseDateText, parsePercent, parseStatusWord, type StatusRead } from '../values';
import type { Column } from './columns';
import { labelledNote } from './note';
import type { Table } from './table';

export type IdSource = 'column' | 'prefixed' | 'grouped' | 'generated';

export interface MeasureStats {
  /** How the measures' ids were made (more than one when the 序号 column is partly blank or mixed). */
  ids: Set<IdSource>;
  /** Blank statuses, by the status given them. */
  blankStatus: Partial<Record<Status, number>>;
  /** Due dates written as 长期 or the like (no due date; the words kept in the note). */
  ongoing: number;
  /** Status words that began a longer text (the text kept in the note). */
  remarks: number;
  /** Group headings with no measure under them (left out). */
  emptyGroups: string[];
}

export interface PlanRead {
  plan: Plan;
  /** Data paths within the plan (`measures[3].status`) to the cells they came from. */
  cells: Map<string, string>;
  stats: MeasureStats;
}

interface Row {
  row: number;
  measure: Omit<Measure, 'id'> & { id?: string };
  /** The 序号 as written, when it is only numbers (`3`, `1.2`). */
  number?: string;
}

/** A 序号 made an id: `3` and `（3）` are numbers (prefixed later), `BJ-01` is kept, anything else is a problem. */
function readId(t: Table, row: number, c: Column | undefined): { id?: string; number?: string } | undefined {
  if (!c) return {};
  const v = t.value(row, c);
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) return {};
  const text = cellText(v)?.normalize('NFKC');
  if (!text) return {};
  const bare = text.replace(/^[(（]\s*|\s*[)）.、]$/g, '');
  if (/^\d+(\.\d+)*$/.test(bare)) return { number: bare.replace(/^0+(?=\d)/, '') };
  if (ID_PATTERN.test(text)) return { id: text };
  t.problem(row, c, { code: 'value', field: 'id', problem: { expected: 'id', got: String(cellText(v)) } });
  return undefined;
}

function defaultStatus(m: Row['measure']): Status {
  if (m.completed !== undefined || m.progress === 1) return 'completed';
  if (m.progress !== undefined && m.progress > 0) return 'in-progress';
  return 'not-started';
}

/** One data row as a measure (without its id), or undefined when it has no title. */
function readMeasure(t: Table, row: number, group: string | undefined, stats: MeasureStats): Row | undefined {
  const col = (f: Parameters<Table['column']>[0]) => t.column(f);
  const title = col('title')!;
  const titleText = cellText(t.value(row, title));
  if (titleText === null) {
    t.problem(row, title, { code: 'missing', field: 'title' });
    return undefined;
  }
  const id = readId(t, row, col('id'));
  const m: Row['measure'] = { title: titleText, status: 'not-started' };
  const groupText = cellText(t.value(row, col('group')));
  if (groupText !== null || group !== undefined) m.group = groupText ?? group;
  const lead = cellText(t.value(row, col('lead')));
  if (lead !== null) m.lead = lead;
  const notes: string[] = [];
  const due = col('due');
  if (due) {
    const r = parseDateText(t.value(row, due));
    if (!r.ok) t.problem(row, due, { code: 'value', field: 'due', problem: r.problem });
    else if (r.value !== null) m.due = r.value;
    else if (r.ongoing !== undefined) {
      stats.ongoing++;
      notes.push(labelledNote(due.title, r.ongoing));
    }
  }
  const completed = col('completed');
  if (completed) {
    const r = parseDateText(t.value(row, completed));
    if (!r.ok || r.ongoing !== undefined)
      t.problem(row, completed, { code: 'value', field: 'completed', problem: r.ok ? { expected: 'date', got: r.ongoing! } : r.problem });
    else if (r.value !== null) m.completed = r.value;
  }
  const progress = col('progress');
  if (progress) {
    const r = parsePercent(t.value(row, progress), { share: true, percentColumn: progress.percent });
    if (!r.ok) t.problem(row, progress, { code: 'value', field: 'progress', problem: r.problem });
    else if (r.value !== null) m.progress = r.value;
  }
  const status = col('status');
  const s: StatusRead = status ? parseStatusWord(t.value(row, status)) : { ok: true, value: null };
  if (!s.ok) t.problem(row, status!, { code: 'value', field: 'status', problem: s.problem });
  else if (s.value !== null) m.status = s.value;
  else {
    m.status = defaultStatus(m);
    stats.blankStatus[m.status] = (stats.blankStatus[m.status] ?? 0) + 1;
  }
  if (s.ok && s.remark !== undefined) {
    stats.remarks++;
    notes.push(labelledNote(status!.title, s.remark));
  }
  // The note column's text first, then the other columns kept in the note with their titles, then 长期 and status remarks.
  const noteColumns = t.columns('note').sort((a, b) => Number(a.labelled ?? false) - Number(b.labelled ?? false));
  const note = noteColumns.flatMap((c) => {
    const text = cellText(t.value(row, c));
    return text === null ? [] : [c.labelled ? labelledNote(c.title, text) : text];
  });
  const all = [...note, ...notes];
  if (all.length) m.note = all.join('\n');
  if (id?.id !== undefined) m.id = id.id;
  return id?.number !== undefined ? { row, measure: m, number: id.number } : { row, measure: m };
}

/** The measures' ids: kept, numbers prefixed with the plan's id (with the group's number when numbering restarts in each group), or M-1, M-2... */
function assignIds(rows: Row[], planId: string, groups: string[], stats: MeasureStats): void {
  const numbers = rows.filter((r) => r.number !== undefined).map((r) => r.number!);
  const restarts = new Set(numbers).size < numbers.length && groups.length > 0;
  rows.forEach((r, i) => {
    if (r.measure.id !== undefined) stats.ids.add('column');
    else if (r.number !== undefined && restarts && r.measure.group !== undefined) {
      r.measure.id = `${planId}-${groups.indexOf(r.measure.group) + 1}.${r.number}`;
      stats.ids.add('grouped');
    } else if (r.number !== undefined) {
      r.measure.id = `${planId}-${r.number}`;
      stats.ids.add('prefixed');
    } else {
      r.measure.id = `M-${i + 1}`;
      stats.ids.add('generated');
    }
  });
}

/** Reads a sheet of measures as the plan `planId`. */
export function readPlan(t: Table, planId: string, title: string): PlanRead {
  const stats: MeasureStats = { ids: new Set(), blankStatus: {}, ongoing: 0, remarks: 0, emptyGroups: [] };
  const rows: Row[] = [];
  const headings: string[] = [];
  let outer: string | undefined;
  let inner: string | undefined;
  for (const { row, read } of t.rows()) {
    if (read.type === 'heading') {
      if (read.level === 1) [outer, inner] = [read.name, undefined];
      else inner = read.name;
      headings.push(outer && inner ? `${outer} / ${inner}` : (inner ?? outer!));
      continue;
    }
    if (read.type !== 'data') continue;
    const group = outer && inner ? `${outer} / ${inner}` : (inner ?? outer);
    const r = readMeasure(t, row, group, stats);
    if (r) rows.push(r);
  }
  const groups: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const g = r.measure.group;
    if (g !== undefined && !seen.has(g.toLowerCase())) {
      seen.add(g.toLowerCase());
      groups.push(g);
    }
  }
  stats.emptyGroups = [...new Set(headings)].filter((h) => !seen.has(h.toLowerCase()));
  assignIds(rows, planId, groups, stats);
  checkIds(t, rows);
  const cells = new Map<string, string>();
  const measures = rows.map((r, i) => {
    for (const c of t.header.columns) if (c.field) cells.set(`measures[${i}].${c.field}`, t.cell(r.row, c));
    cells.set(`measures[${i}]`, t.cell(r.row, t.column('title')!));
    return orderMeasure(r.measure as Measure);
  });
  const plan: Plan = { id: planId, title, ...(groups.length ? { groups } : {}), measures };
  return { plan, cells, stats };
}

/** Ids must be unique in the plan (ignoring case) and valid. */
function checkIds(t: Table, rows: Row[]): void {
  const first = new Map<string, Row>();
  const idCol = t.column('id');
  const titleCol = t.column('title')!;
  for (const r of rows) {
    const id = r.measure.id!;
    const at = idCol && cellText(t.value(r.row, idCol)) !== null ? idCol : titleCol;
    if (!ID_PATTERN.test(id)) {
      t.problem(r.row, at, { code: 'bad-id', id });
      continue;
    }
    const earlier = first.get(id.toLowerCase());
    if (earlier) t.problem(r.row, at, { code: 'duplicate-id', id, first: t.cell(earlier.row, at) });
    else first.set(id.toLowerCase(), r);
  }
}

/** The keys in the data format's order. */
function orderMeasure(m: Measure): Measure {
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note'] as const) if (m[k] !== undefined) out[k] = m[k];
  return out as Measure;
}
