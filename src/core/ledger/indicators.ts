/**
 * Indicators from a ledger: one row per indicator with a column per period
 * (2021年 | 2022年 | 2025年目标), or one row per observation (指标名称 | 期间 |
 * 数值 | 增速) with the indicator's name repeated, merged down, or left blank
 * under it. An indicator is known by its 编号, else by its name and region;
 * its unit, kind, baseline and target come from its first row that gives
 * them, and must agree with any other.
 */
import { parsePeriod } from '../periods';
import { ID_PATTERN, type Indicator, type Observation, type Point } from '../schema';
import { cellText, parseKindWord, parseNumber, parsePercent, parsePeriodText } from '../values';
import type { Column } from './columns';
import type { Field } from './fields';
import type { Table } from './table';

interface Building {
  ind: Indicator;
  /** The id as written (kept, or `I-<number>`), before generated ones are given. */
  id?: string;
  row: number;
  /** Where each field was first given. */
  first: Map<string, string>;
  periods: Map<string, string>;
  periodKind?: { kind: string; cell: string };
  cells: Map<string, string>;
}

export interface IndicatorsRead {
  indicators: Indicator[];
  /** Data paths within each indicator (`observations[2]`) to cells, by the indicator's index here. */
  cells: Map<string, string>[];
  /** The ids made from the indicators' order (no 编号 given). */
  generatedIds: string[];
}

function periodOf(t: Table, row: number, c: Column | undefined, fallback?: string): string | null | undefined {
  if (!c) return fallback ?? null;
  const r = parsePeriodText(t.value(row, c));
  if (!r.ok) {
    t.problem(row, c, { code: 'value', field: c.field!, problem: r.problem });
    return undefined;
  }
  return r.value ?? fallback ?? null;
}

/** A value typed as a percentage (`30%`, `３０％`): a share, 0.3. */
const typedAsPercent = (v: unknown) => typeof v === 'string' && /[%％]\s*$/.test(v);

function numberOf(t: Table, row: number, c: Column | undefined, growth = false): number | null | undefined {
  if (!c) return null;
  const v = t.value(row, c);
  // A growth is a rate; a value is a share when typed as one (30%) or in a column whose title says % (占比（%）).
  const r = growth || c.percent || typedAsPercent(v) ? parsePercent(v, { percentColumn: c.percent }) : parseNumber(v);
  if (!r.ok) {
    t.problem(row, c, { code: 'value', field: c.field!, problem: r.problem });
    return undefined;
  }
  return r.value;
}

/** Sets a field from a row, or says where it was first given differently. */
function give<K extends 'unit' | 'region' | 'kind' | 'baseline' | 'target'>(
  t: Table,
  b: Building,
  key: K,
  value: Indicator[K] | undefined,
  row: number,
  c: Column,
  field: Field,
): void {
  if (value === undefined || value === null) return;
  const had = b.ind[key];
  if (had === undefined) {
    b.ind[key] = value;
    b.first.set(key, t.cell(row, c));
    b.cells.set(key, t.cell(row, c));
  } else if (JSON.stringify(had) !== JSON.stringify(value)) t.problem(row, c, { code: 'differs', field, first: b.first.get(key)! });
}

function point(t: Table, row: number, which: 'baseline' | 'target'): { point?: Point; column?: Column } {
  const vc = t.column(`${which}.value`);
  const pc = t.column(`${which}.period`);
  const value = numberOf(t, row, vc);
  const period = periodOf(t, row, pc, vc?.period);
  if (value === undefined || period === undefined || value === null) return {};
  if (period === null) {
    t.problem(row, vc!, { code: 'no-period', field: `${which}.value` });
    return {};
  }
  return { point: { period, value }, column: vc };
}

function addObservation(t: Table, b: Building, o: Observation, row: number, c: Column): void {
  const cell = t.cell(row, c);
  const first = b.periods.get(o.period);
  if (first) return void t.problem(row, c, { code: 'duplicate-period', period: o.period, first });
  const kind = parsePeriod(o.period)!.kind;
  if (b.periodKind && b.periodKind.kind !== kind) return void t.problem(row, c, { code: 'mixed-periods', period: o.period, first: b.periodKind.cell });
  b.periodKind ??= { kind, cell };
  b.periods.set(o.period, cell);
  b.cells.set(`observations[${b.ind.observations.length}]`, cell);
  b.ind.observations.push(o);
}

/** The observations of a row: from 期间 with 数值/增速, and from columns of their own period. */
function observations(t: Table, b: Building, row: number): void {
  const long = { period: t.column('period'), value: t.columns('value').find((c) => !c.period), growth: t.columns('growth').find((c) => !c.period) };
  const period = periodOf(t, row, long.period);
  const value = numberOf(t, row, long.value);
  const growth = numberOf(t, row, long.growth, true);
  if (period !== undefined && value !== undefined && growth !== undefined) {
    const some = value !== null || growth !== null;
    if (period !== null && some) addObservation(t, b, observation(period, value, growth), row, long.value ?? long.growth ?? long.period!);
    else if (period !== null) t.problem(row, long.period!, { code: 'no-observation', field: 'value' });
    else if (some) t.problem(row, (value !== null ? long.value : long.growth)!, { code: 'no-observation', field: 'period' });
  }
  const wide = new Map<string, { value?: number | null; growth?: number | null; column: Column }>();
  for (const c of t.header.columns) {
    if (!c.period || (c.field !== 'value' && c.field !== 'growth')) continue;
    const n = numberOf(t, row, c, c.field === 'growth');
    if (n === undefined || n === null) continue;
    const o = wide.get(c.period) ?? { column: c };
    o[c.field] = n;
    wide.set(c.period, o);
  }
  for (const [p, o] of wide) addObservation(t, b, observation(p, o.value ?? null, o.growth ?? null), row, o.column);
}

function observation(period: string, value: number | null, growth: number | null): Observation {
  const o: Observation = { period };
  if (value !== null) o.value = value;
  if (growth !== null) o.growth = growth;
  return o;
}

function hasObservation(t: Table, row: number): boolean {
  return t.header.columns.some((c) => (c.field === 'value' || c.field === 'growth' || c.field === 'period') && cellText(t.value(row, c)) !== null);
}

/** The indicator a row belongs to: by its 编号, else its name and region; a row without a name continues the one above. */
function indicatorOf(t: Table, row: number, byKey: Map<string, Building>, last: Building | undefined): Building | undefined {
  const nameCol = t.column('name')!;
  const name = cellText(t.value(row, nameCol));
  const idCol = t.column('id');
  const idText = cellText(t.value(row, idCol))?.normalize('NFKC');
  if (name === null && idText == null) {
    if (last && hasObservation(t, row)) return last;
    t.problem(row, nameCol, { code: 'missing', field: 'name' });
    return undefined;
  }
  const region = cellText(t.value(row, t.column('region')));
  const key = idText ? `id:${idText.toLowerCase()}` : `name:${name}\u0000${region ?? ''}`;
  let b = byKey.get(key);
  if (!b) {
    if (name === null) {
      t.problem(row, nameCol, { code: 'missing', field: 'name' });
      return undefined;
    }
    let id: string | undefined;
    if (idText) {
      if (/^\d+$/.test(idText)) id = `I-${idText.replace(/^0+(?=\d)/, '')}`;
      else if (ID_PATTERN.test(idText)) id = idText;
      else t.problem(row, idCol!, { code: 'value', field: 'id', problem: { expected: 'id', got: idText } });
    }
    b = { ind: { id: '', name, observations: [] }, id, row, first: new Map(), periods: new Map(), cells: new Map([['', t.cell(row, nameCol)]]) };
    byKey.set(key, b);
  }
  return b;
}

/** Reads a sheet of indicators; ids made from their place count on from `before` (the indicators of earlier sheets). */
export function readIndicators(t: Table, before = 0): IndicatorsRead {
  const byKey = new Map<string, Building>();
  let last: Building | undefined;
  for (const { row, read } of t.rows()) {
    if (read.type !== 'data') continue;
    const b = indicatorOf(t, row, byKey, last);
    if (!b) continue;
    last = b;
    for (const [key, field] of [
      ['region', 'region'],
      ['unit', 'unit'],
    ] as const) {
      const c = t.column(field);
      if (c) give(t, b, key, cellText(t.value(row, c)) ?? undefined, row, c, field);
    }
    const kindCol = t.column('kind');
    if (kindCol) {
      const k = parseKindWord(t.value(row, kindCol));
      if (!k.ok) t.problem(row, kindCol, { code: 'value', field: 'kind', problem: k.problem });
      else give(t, b, 'kind', k.value ?? undefined, row, kindCol, 'kind');
    }
    for (const which of ['baseline', 'target'] as const) {
      const p = point(t, row, which);
      if (p.point) give(t, b, which, p.point, row, p.column!, `${which}.value`);
    }
    observations(t, b, row);
    // Values typed as percentages (30%) make a share: the indicator prints as one.
    const valued = t.header.columns.filter((c) => c.field === 'value' || c.field === 'baseline.value' || c.field === 'target.value');
    if (valued.some((c) => (c.percent && t.value(row, c) !== null) || typedAsPercent(t.value(row, c)))) b.ind.format ??= 'percent';
  }
  const all = [...byKey.values()];
  const generated: string[] = [];
  const indicators = all.map((b, i) => {
    if (b.id === undefined) generated.push(`I-${before + i + 1}`);
    return ordered({ ...b.ind, id: b.id ?? `I-${before + i + 1}` });
  });
  return { indicators, cells: all.map((b) => b.cells), generatedIds: generated };
}

function ordered(i: Indicator): Indicator {
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'name', 'region', 'unit', 'kind', 'format', 'baseline', 'target', 'observations'] as const) if (i[k] !== undefined) out[k] = i[k];
  return out as Indicator;
}
