/**
 * What changed between two reports of the same region: items matched across
 * them by their keys (plan id + measure id, catalog id + product +
 * enterprise, indicator id + observation period; ids compared ignoring case,
 * as the data format's uniqueness rules do), in any order. A measure whose id
 * was renamed is found by its title: an unmatched measure gone and an
 * unmatched one added in the same plan with the same title (and no other
 * with it) are one measure, renamed. Pure: no I/O.
 */
import type { CatalogEntry, Indicator, Measure, Observation } from '../schema';

/** What a row of the Changes sheet says, in the order an official reads them: the news first. */
export const CHANGE_KINDS = [
  'completed',
  'overdue',
  'changed',
  'renamed',
  'added',
  'removed',
  'entryAdded',
  'entryRemoved',
  'entryChanged',
  'observation',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type MeasureChangeField = 'status' | 'completed' | 'progress' | 'due' | 'lead' | 'id';
export type EntryChangeField = 'category' | 'registration' | 'listed' | 'hospitals';
export type ChangeField = MeasureChangeField | EntryChangeField | 'value' | 'growth';

/** A value before or after: text, a status, an ISO date, or a number (progress and hospitals as themselves). */
export type ChangeValue = string | number | null;

export interface Change {
  kind: ChangeKind;
  /** The plan, catalog or indicator id. */
  owner: string;
  /** The measure id, `product · enterprise`, or the observation's period. */
  item: string;
  /** The measure's title (or the entry's product). */
  title?: string;
  field?: ChangeField;
  before: ChangeValue;
  after: ChangeValue;
}

export interface PlanMeasure {
  plan: string;
  measure: Measure;
}

export interface CatalogItem {
  catalog: string;
  entry: CatalogEntry;
}

/** The parts of a report compared: measures with their plan, entries with their catalog, indicators. */
export interface ReportItems {
  /** The report date: a measure open and due before it is overdue. */
  date: string;
  measures: Iterable<PlanMeasure>;
  entries: Iterable<CatalogItem>;
  indicators: readonly Indicator[];
}

const MEASURE_FIELDS: readonly MeasureChangeField[] = ['status', 'completed', 'progress', 'due', 'lead'];
const ENTRY_FIELDS: readonly EntryChangeField[] = ['category', 'registration', 'listed', 'hospitals'];

const fold = (s: string) => s.toLowerCase();

const entryKey = (e: CatalogItem) => `${fold(e.catalog)}\u0000${e.entry.product}\u0000${e.entry.enterprise}`;
const titleKey = (m: PlanMeasure) => `${fold(m.plan)}\u0000${m.measure.title.trim().replace(/\s+/g, ' ')}`;

const isOpen = (m: Measure) => m.status !== 'completed' && m.status !== 'cancelled';
const isOverdue = (m: Measure, date: string) => isOpen(m) && m.due !== undefined && m.due < date;
const orNull = (v: ChangeValue | undefined): ChangeValue => (v === undefined ? null : v);

/** The items before waiting under one key, by their index: one, or a queue when the key repeats. */
type Waiting = number | { at: number; list: number[] };

/**
 * The matching both matchByKey and matchByTwoKeys do: each item before waits
 * in the queues `queuesOf` gives it (made when `make`) under `keyOf`; each item
 * after takes the first one waiting there, if any.
 */
function matchIn<T>(
  before: Iterable<T>,
  after: Iterable<T>,
  queuesOf: (t: T, make: boolean) => Map<string, Waiting> | undefined,
  keyOf: (t: T) => string,
  onPair?: (before: T, after: T) => void,
): { pairs: [T, T][]; gone: T[]; added: T[] } {
  const order: T[] = [];
  for (const b of before) {
    const queues = queuesOf(b, true)!;
    const k = keyOf(b);
    const i = order.push(b) - 1;
    const w = queues.get(k);
    if (w === undefined) queues.set(k, i);
    else if (typeof w === 'number') queues.set(k, { at: 0, list: [w, i] });
    else w.list.push(i);
  }
  const pairs: [T, T][] = [];
  const added: T[] = [];
  const matched = new Uint8Array(order.length);
  for (const a of after) {
    const queues = queuesOf(a, false);
    const k = queues && keyOf(a);
    const w = queues?.get(k!);
    let i = -1;
    if (typeof w === 'number') {
      i = w;
      queues!.delete(k!);
    } else if (w !== undefined) {
      i = w.list[w.at++];
      if (w.at === w.list.length) queues!.delete(k!);
    }
    if (i < 0) added.push(a);
    else {
      if (onPair) onPair(order[i], a);
      else pairs.push([order[i], a]);
      matched[i] = 1;
    }
  }
  return { pairs, gone: order.filter((_, i) => !matched[i]), added };
}

/**
 * Pairs of items with the same key (the k-th of a key before with the k-th
 * after), and those left on either side, each in its own order. With
 * `onPair`, each pair is given to it as it is found (in the order of
 * `after`) and not kept: the items after that are matched are not held.
 */
export function matchByKey<T>(
  before: Iterable<T>,
  after: Iterable<T>,
  key: (t: T) => string,
  onPair?: (before: T, after: T) => void,
): { pairs: [T, T][]; gone: T[]; added: T[] } {
  const waiting = new Map<string, Waiting>();
  return matchIn(before, after, () => waiting, key, onPair);
}

/**
 * matchByKey with a key in two parts, `outer` and `inner` (the same pairs
 * as with the key `outer + "\u0000" + inner`, when neither part holds
 * U+0000): items are waited for by their outer key, then their inner key,
 * so that no key string is made and hashed an item (a measure's plan and
 * its id: a plan's id is read once a plan, not once a measure).
 */
export function matchByTwoKeys<T>(
  before: Iterable<T>,
  after: Iterable<T>,
  outer: (t: T) => string,
  inner: (t: T) => string,
  onPair?: (before: T, after: T) => void,
): { pairs: [T, T][]; gone: T[]; added: T[] } {
  const waiting = new Map<string, Map<string, Waiting>>();
  const queuesOf = (t: T, make: boolean) => {
    const o = outer(t);
    let queues = waiting.get(o);
    if (!queues && make) waiting.set(o, (queues = new Map()));
    return queues;
  };
  return matchIn(before, after, queuesOf, inner, onPair);
}

/** A measure's plan id as matched (ignoring case), folded once a plan. */
function planKeys(): (m: PlanMeasure) => string {
  const plans = new Map<string, string>();
  return (m) => {
    let plan = plans.get(m.plan);
    if (plan === undefined) plans.set(m.plan, (plan = fold(m.plan)));
    return plan;
  };
}
const measureIdKey = (m: PlanMeasure) => fold(m.measure.id);

/** Gone and added measures of one plan with the same title, each title once on each side: the same measure under a new id. */
function renamed(gone: PlanMeasure[], added: PlanMeasure[]): { pairs: [PlanMeasure, PlanMeasure][]; gone: PlanMeasure[]; added: PlanMeasure[] } {
  const once = (list: PlanMeasure[]) => {
    const count = new Map<string, number>();
    for (const m of list) count.set(titleKey(m), (count.get(titleKey(m)) ?? 0) + 1);
    return (m: PlanMeasure) => count.get(titleKey(m)) === 1;
  };
  const goneOnce = once(gone);
  const addedOnce = once(added);
  const m = matchByKey(gone.filter(goneOnce), added.filter(addedOnce), (x) => titleKey(x));
  const paired = new Set(m.pairs.flat());
  return { pairs: m.pairs, gone: gone.filter((x) => !paired.has(x)), added: added.filter((x) => !paired.has(x)) };
}

function measureChanges(before: ReportItems, after: ReportItems, out: Change[]): void {
  const compare = (b: PlanMeasure, a: PlanMeasure, rename: boolean) => {
    const was = b.measure;
    const now = a.measure;
    const kind: ChangeKind =
      now.status === 'completed' && was.status !== 'completed'
        ? 'completed'
        : isOverdue(now, after.date) && !isOverdue(was, before.date)
          ? 'overdue'
          : 'changed';
    const at = { owner: a.plan, item: now.id, title: now.title };
    if (rename) out.push({ kind: kind === 'changed' ? 'renamed' : kind, ...at, field: 'id', before: was.id, after: now.id });
    let any = rename;
    for (const f of MEASURE_FIELDS) {
      if (was[f] === now[f]) continue;
      out.push({ kind, ...at, field: f, before: orNull(was[f]), after: orNull(now[f]) });
      any = true;
    }
    // Newly overdue with nothing edited: the report date passed its due date.
    if (!any && kind === 'overdue') out.push({ kind, ...at, field: 'due', before: orNull(was.due), after: orNull(now.due) });
  };
  // Measures matched by id are compared as they are met (the rows after may be read from a file, not held).
  const byId = matchByTwoKeys(before.measures, after.measures, planKeys(), measureIdKey, (b, a) => compare(b, a, false));
  const byTitle = renamed(byId.gone, byId.added);
  for (const [b, a] of byTitle.pairs) compare(b, a, true);
  for (const a of byTitle.added)
    out.push({ kind: 'added', owner: a.plan, item: a.measure.id, title: a.measure.title, field: 'status', before: null, after: a.measure.status });
  for (const b of byTitle.gone)
    out.push({ kind: 'removed', owner: b.plan, item: b.measure.id, title: b.measure.title, field: 'status', before: b.measure.status, after: null });
}

function entryChanges(before: ReportItems, after: ReportItems, out: Change[]): void {
  const m = matchByKey(before.entries, after.entries, entryKey);
  const at = (e: CatalogItem) => ({ owner: e.catalog, item: `${e.entry.product} · ${e.entry.enterprise}`, title: e.entry.product });
  for (const a of m.added) out.push({ kind: 'entryAdded', ...at(a), field: 'category', before: null, after: a.entry.category });
  for (const b of m.gone) out.push({ kind: 'entryRemoved', ...at(b), field: 'category', before: b.entry.category, after: null });
  for (const [b, a] of m.pairs)
    for (const f of ENTRY_FIELDS)
      if (b.entry[f] !== a.entry[f]) out.push({ kind: 'entryChanged', ...at(a), field: f, before: orNull(b.entry[f]), after: orNull(a.entry[f]) });
}

function observationChanges(before: ReportItems, after: ReportItems, out: Change[]): void {
  const m = matchByKey(before.indicators, after.indicators, (i) => fold(i.id));
  const previous = new Map(m.pairs.map(([b, a]) => [a, b]));
  for (const a of after.indicators) {
    const b = previous.get(a);
    const obs = matchByKey<Observation>(b?.observations ?? [], a.observations, (o) => String(o.period));
    const at = (o: Observation) => ({ kind: 'observation' as const, owner: a.id, item: String(o.period) });
    const was = new Map(obs.pairs.map(([x, y]) => [y, x]));
    // In the new report's order: a new observation is one with nothing before.
    for (const y of a.observations)
      for (const f of ['value', 'growth'] as const) {
        const x = was.get(y);
        if (x?.[f] !== y[f] && (x !== undefined || y[f] !== undefined)) out.push({ ...at(y), field: f, before: orNull(x?.[f]), after: orNull(y[f]) });
      }
  }
}

/** Every change from one report to the next, sorted so that the news comes first (CHANGE_KINDS), each kind in the new report's order. */
export function reportChanges(before: ReportItems, after: ReportItems): Change[] {
  const out: Change[] = [];
  measureChanges(before, after, out);
  entryChanges(before, after, out);
  observationChanges(before, after, out);
  const rank = new Map(CHANGE_KINDS.map((k, i) => [k, i]));
  // Array.prototype.sort is stable: within a kind, the order they were found in.
  return out.sort((x, y) => rank.get(x.kind)! - rank.get(y.kind)!);
}
