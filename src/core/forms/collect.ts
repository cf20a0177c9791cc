/**
 * Folds the changes of returned forms into a data set: pure, no I/O.
 *
 * - Two returns that set one field to different values are a conflict:
 *   listed, and neither applied. Equal values from several returns are one
 *   change (a measure led jointly is on the form of each of its departments).
 * - A conflict holds back every change the conflicting returns make to that
 *   item (a measure, an observation, an entry), not only the conflicting
 *   field: a status held back with its completion date applied would leave
 *   an in-progress measure with a completion date.
 * - A change to what the data already holds is no change, so collecting the
 *   same returns twice changes nothing the second time.
 * - The result is validated like a data file; a return whose changes make it
 *   invalid is refused whole, and the others are applied without it.
 * - The edits say, path by path, what changed, for rewriting the data file in
 *   place (keeping a YAML file's comments and key order).
 */
import type { Located } from '../errors';
import { pathWordsZh } from '../messages/place';
import { inLocale } from '../messages/said';
import { parsePeriod } from '../periods';
import { checkRules, formatPath, type Path } from '../rules';
import { dataSchema, entrySchema, measureSchema, observationSchema, type CatalogEntry, type Measure, type Observation, type ReportData } from '../schema';
import type { Scalar } from './form';
import { entryKey, type Change, type FormReturn, type Source } from './reader';
import { sameValue } from './values';

export type Edit =
  { op: 'set'; path: Path; value: string | number } | { op: 'delete'; path: Path } | { op: 'append'; path: Path; value: Record<string, unknown> };

/** One line of the table of changes. */
export interface ChangeRow {
  /** `BJ-OPEN-2022 BJ-07`, `SND-REV 2024`, `SZ-IFH-1 #3`. */
  item: string;
  field: string;
  old: Scalar;
  new: Scalar;
  sources: Source[];
}

export interface Conflict {
  item: string;
  field: string;
  claims: { value: Scalar; source: Source }[];
}

/** A change not applied because its return conflicts with another on the same item. */
export interface HeldBack {
  item: string;
  field: string;
  value: Scalar;
  source: Source;
}

export interface Collected {
  data: ReportData;
  edits: Edit[];
  rows: ChangeRow[];
  conflicts: Conflict[];
  /** Changes held back with a conflict: the conflicting returns' other changes to the same item. */
  heldBack: HeldBack[];
  /** Returns refused because their changes would make the data invalid. */
  refused: Map<string, Located[]>;
}

/** The order of a data item's keys in the format, as the schema lists them (new keys go in their place). */
export const KEY_ORDER: {
  readonly measure: readonly (keyof Measure)[];
  readonly observation: readonly (keyof Observation)[];
  readonly entry: readonly (keyof CatalogEntry)[];
} = {
  measure: Object.keys(measureSchema.shape) as (keyof Measure)[],
  observation: Object.keys(observationSchema.shape) as (keyof Observation)[],
  entry: Object.keys(entrySchema.shape) as (keyof CatalogEntry)[],
};

const ENTRY_FIELDS = KEY_ORDER.entry;

/** A claim: one return's value for one field. */
interface Claim {
  key: string;
  /** The item's key (without the field): a conflict holds back the conflicting returns' claims on it. */
  itemKey: string;
  item: string;
  field: string;
  value: Scalar;
  /** For a new entry, the whole entry. */
  entry?: CatalogEntry;
  change: Change;
}

const periodKey = (p: string) => parsePeriod(p)?.text ?? p;

function claimsOf(change: Change, data: ReportData): Claim[] {
  switch (change.kind) {
    case 'measure':
      return [
        {
          key: `m\u0000${change.plan}\u0000${change.id}\u0000${change.field}`,
          itemKey: `m\u0000${change.plan}\u0000${change.id}`,
          item: `${change.plan} ${change.id}`,
          field: change.field,
          value: change.value,
          change,
        },
      ];
    case 'observation':
      return [
        {
          key: `o\u0000${change.indicator}\u0000${periodKey(change.period)}\u0000${change.field}`,
          itemKey: `o\u0000${change.indicator}\u0000${periodKey(change.period)}`,
          item: `${change.indicator} ${change.period}`,
          field: change.field,
          value: change.value,
          change,
        },
      ];
    case 'entry':
      return [
        {
          key: `e\u0000${change.catalog}\u0000${change.index}\u0000${change.field}`,
          itemKey: `e\u0000${change.catalog}\u0000${change.index}`,
          item: `${change.catalog} #${change.index + 1}`,
          field: change.field,
          value: change.value,
          change,
        },
      ];
    case 'add': {
      const catalog = (data.catalogs ?? []).find((c) => c.id === change.catalog);
      const key = entryKey(change.entry.product, change.entry.enterprise);
      const index = catalog ? catalog.entries.findIndex((e) => entryKey(e.product, e.enterprise) === key) : -1;
      if (index >= 0) {
        // Already in the catalog (added by an earlier collection, or by hand): its given fields are corrections.
        return ENTRY_FIELDS.filter((f) => change.entry[f] !== undefined).map((f) => ({
          key: `e\u0000${change.catalog}\u0000${index}\u0000${f}`,
          itemKey: `e\u0000${change.catalog}\u0000${index}`,
          item: `${change.catalog} #${index + 1}`,
          field: f,
          value: change.entry[f] as Scalar,
          change: { ...change, kind: 'entry', index, field: f, value: change.entry[f] as Scalar } as Change,
        }));
      }
      return [
        {
          key: `a\u0000${change.catalog}\u0000${key}`,
          itemKey: `a\u0000${change.catalog}\u0000${key}`,
          item: `${change.catalog} (new entry)`,
          field: 'entry',
          value: JSON.stringify(orderKeys(change.entry, ENTRY_FIELDS)),
          entry: change.entry,
          change,
        },
      ];
    }
  }
}

function orderKeys<T extends object>(o: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of order) if ((o as Record<string, unknown>)[k] !== undefined) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

const sourceOf = (c: Change): Source => ({ file: c.file, cell: c.cell });

/** What collecting needs of a return: its file and its changes. */
export type ReturnChanges = Pick<FormReturn, 'file' | 'changes'>;

/** One pass: merge, detect conflicts, apply. */
function applyOnce(data: ReportData, returns: ReturnChanges[]): Omit<Collected, 'refused'> & { touched: Map<string, Source[]> } {
  const { chosen, conflicts, heldBack } = mergeClaims(data, returns);
  const applied = new Applied(data);
  for (const claims of chosen) applied.apply(claims);
  const next = applied.now();
  // An observation left with neither a value nor a growth is removed.
  if (applied.copied)
    for (const ind of next.indicators ?? []) ind.observations = ind.observations.filter((o) => o.value !== undefined || o.growth !== undefined);
  return { data: next, edits: editsOf(data, next, applied), rows: applied.rows, conflicts, heldBack, touched: applied.touched };
}

/**
 * The returns' claims by field: those that agree (chosen, one value from one
 * or more returns), those that conflict, and those held back because their
 * return conflicts with another on the same item.
 */
function mergeClaims(data: ReportData, returns: ReturnChanges[]): { chosen: Claim[][]; conflicts: Conflict[]; heldBack: HeldBack[] } {
  const byKey = new Map<string, Claim[]>();
  for (const r of returns) {
    for (const change of r.changes) {
      for (const claim of claimsOf(change, data)) {
        const list = byKey.get(claim.key);
        if (list) list.push(claim);
        else byKey.set(claim.key, [claim]);
      }
    }
  }
  const conflicts: Conflict[] = [];
  const agreed: Claim[][] = [];
  /** The returns (files) in a conflict, by item. */
  const conflicting = new Map<string, Set<string>>();
  for (const claims of byKey.values()) {
    if (claims.every((c) => sameValue(c.value, claims[0].value))) agreed.push(claims);
    else {
      conflicts.push({ item: claims[0].item, field: claims[0].field, claims: claims.map((c) => ({ value: c.value, source: sourceOf(c.change) })) });
      const files = conflicting.get(claims[0].itemKey) ?? conflicting.set(claims[0].itemKey, new Set()).get(claims[0].itemKey)!;
      for (const c of claims) files.add(c.change.file);
    }
  }
  const chosen: Claim[][] = [];
  const heldBack: HeldBack[] = [];
  for (const claims of agreed) {
    const files = conflicting.get(claims[0].itemKey);
    const kept = files ? claims.filter((c) => !files.has(c.change.file)) : claims;
    for (const c of claims)
      if (!kept.includes(c) && !sameValue(valueNow(data, c.change) ?? null, c.value))
        heldBack.push({ item: c.item, field: c.field, value: c.value, source: sourceOf(c.change) });
    if (kept.length) chosen.push(kept);
  }
  return { chosen, conflicts, heldBack };
}

/** The value the data holds for a change's field (null when absent), to tell a held-back change from no change; undefined for a new entry. */
function valueNow(data: ReportData, c: Change): Scalar | undefined {
  const field = (item: object | undefined, f: string) => (item ? (((item as Record<string, unknown>)[f] ?? null) as Scalar) : null);
  switch (c.kind) {
    case 'measure':
      return field(
        data.plans?.find((p) => p.id === c.plan)?.measures.find((m) => m.id === c.id),
        c.field,
      );
    case 'observation':
      return field(
        data.indicators?.find((i) => i.id === c.indicator)?.observations.find((o) => periodKey(o.period) === periodKey(c.period)),
        c.field,
      );
    case 'entry':
      return field(data.catalogs?.find((k) => k.id === c.catalog)?.entries[c.index], c.field);
    case 'add':
      return undefined;
  }
}

const mark = (m: Map<number, Set<number>>, a: number, b: number) => (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);

/** The chosen claims applied to the data, with what they touched. */
class Applied {
  /** The data is copied only once something changes (collecting returns that change nothing copies nothing). */
  private copy: ReportData | undefined;
  readonly rows: ChangeRow[] = [];
  /** Data paths each return touched, for locating validation problems. */
  readonly touched = new Map<string, Source[]>();
  /** `plan:measure` of each measure changed. */
  readonly touchedMeasures = new Set<string>();
  /** Observations and entries changed, by indicator and catalog. */
  readonly touchedObservations = new Map<number, Set<number>>();
  readonly touchedEntries = new Map<number, Set<number>>();
  /** Entries added, by catalog. */
  readonly addedEntries = new Map<number, number>();

  constructor(private readonly data: ReportData) {}

  get copied(): boolean {
    return this.copy !== undefined;
  }

  now(): ReportData {
    return this.copy ?? this.data;
  }

  private mutable(): ReportData {
    return (this.copy ??= structuredClone(this.data));
  }

  private touch(path: Path, sources: Source[]): void {
    this.touched.set(formatPath(path), sources);
  }

  /** One field's claims (all the same value). */
  apply(claims: Claim[]): void {
    const claim = claims[0];
    const sources = claims.map((x) => sourceOf(x.change));
    const c = claim.change;
    const data = this.data;
    switch (c.kind) {
      case 'measure': {
        const p = data.plans!.findIndex((x) => x.id === c.plan);
        const m = data.plans![p].measures.findIndex((x) => x.id === c.id);
        if (this.set(claim, sources, (d) => d.plans![p].measures[m], c.field)) {
          this.touchedMeasures.add(`${p}:${m}`);
          this.touch(['plans', p, 'measures', m, c.field], sources);
        }
        break;
      }
      case 'observation':
        this.applyObservation(claim, sources, c);
        break;
      case 'entry': {
        const k = data.catalogs!.findIndex((x) => x.id === c.catalog);
        if (this.set(claim, sources, (d) => d.catalogs![k].entries[c.index], c.field)) {
          mark(this.touchedEntries, k, c.index);
          this.touch(['catalogs', k, 'entries', c.index, c.field], sources);
        }
        break;
      }
      case 'add':
        this.addEntry(claim, sources, c);
        break;
    }
  }

  /** A value for an observation, added when the indicator has none for the period (unless the value is blank). */
  private applyObservation(claim: Claim, sources: Source[], c: Extract<Change, { kind: 'observation' }>): void {
    const i = this.data.indicators!.findIndex((x) => x.id === c.indicator);
    let o = this.now().indicators![i].observations.findIndex((x) => periodKey(x.period) === periodKey(c.period));
    if (o === -1) {
      if (claim.value === null) return;
      o = this.mutable().indicators![i].observations.push({ period: c.period } as Observation) - 1;
    }
    const at = o;
    if (this.set(claim, sources, (d) => d.indicators![i].observations[at], c.field)) {
      mark(this.touchedObservations, i, o);
      this.touch(['indicators', i, 'observations', o, c.field], sources);
    }
  }

  private addEntry(claim: Claim, sources: Source[], c: Extract<Change, { kind: 'add' }>): void {
    const k = this.data.catalogs!.findIndex((x) => x.id === c.catalog);
    const entry = orderKeys(claim.entry!, ENTRY_FIELDS);
    const index = this.mutable().catalogs![k].entries.push(entry) - 1;
    this.addedEntries.set(k, (this.addedEntries.get(k) ?? 0) + 1);
    this.rows.push({
      item: `${c.catalog} #${index + 1}`,
      field: '(new entry)',
      old: null,
      new: `${entry.product} (${entry.enterprise}), ${entry.category}`,
      sources,
    });
    this.touch(['catalogs', k, 'entries', index], sources);
  }

  /** Sets (or, to null, removes) a field of the item `at` finds, unless it already holds the value; true when it changed. */
  private set(claim: Claim, sources: Source[], at: (d: ReportData) => object, field: string): boolean {
    const value = claim.value;
    const old = ((at(this.now()) as Record<string, unknown>)[field] ?? null) as Scalar;
    if (sameValue(old, value)) return false;
    const target = at(this.mutable()) as Record<string, unknown>;
    if (value === null) delete target[field];
    else target[field] = value;
    this.rows.push({ item: claim.item, field, old, new: value, sources });
    return true;
  }
}

type Fields = Record<string, unknown>;

/** The edits of one item's fields, `before` to `after` (absent: every field deleted); ids and periods stay. */
function fieldEdits(path: Path, before: Fields, after: Fields | undefined, order: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  for (const f of order) {
    if (f === 'id' || f === 'period') continue;
    const [a, b] = [before[f], after?.[f]];
    if (a === b) continue;
    if (b === undefined) edits.push({ op: 'delete', path: [...path, f] });
    else edits.push({ op: 'set', path: [...path, f], value: b as string | number });
  }
  return edits;
}

/** The edits, item by item: changed fields of existing items, appended items, then removed observations (last, from the end). */
function editsOf(data: ReportData, next: ReportData, applied: Applied): Edit[] {
  const edits: Edit[] = [];
  for (const pm of applied.touchedMeasures) {
    const [p, m] = pm.split(':').map(Number);
    edits.push(
      ...fieldEdits(
        ['plans', p, 'measures', m],
        data.plans![p].measures[m] as unknown as Fields,
        next.plans![p].measures[m] as unknown as Fields,
        KEY_ORDER.measure,
      ),
    );
  }
  for (const [k, indexes] of applied.touchedEntries) {
    for (const e of indexes) {
      if (e >= data.catalogs![k].entries.length) continue;
      edits.push(
        ...fieldEdits(
          ['catalogs', k, 'entries', e],
          data.catalogs![k].entries[e] as unknown as Fields,
          next.catalogs![k].entries[e] as unknown as Fields,
          KEY_ORDER.entry,
        ),
      );
    }
  }
  for (const [k, n] of applied.addedEntries) {
    const entries = next.catalogs![k].entries;
    for (const e of entries.slice(entries.length - n)) edits.push({ op: 'append', path: ['catalogs', k, 'entries'], value: { ...e } });
  }
  const removals: Edit[] = [];
  for (const [i, indexes] of applied.touchedObservations) {
    const before = data.indicators![i].observations;
    const after = next.indicators![i].observations;
    const find = (period: string) => after.find((o) => periodKey(o.period) === periodKey(period));
    for (const o of [...indexes].filter((x) => x < before.length).sort((a, b) => b - a)) {
      const now = find(before[o].period);
      if (now) edits.push(...fieldEdits(['indicators', i, 'observations', o], before[o] as unknown as Fields, now as unknown as Fields, KEY_ORDER.observation));
      else removals.push({ op: 'delete', path: ['indicators', i, 'observations', o] });
    }
    const known = new Set(before.map((o) => periodKey(o.period)));
    for (const o of after)
      if (!known.has(periodKey(o.period)))
        edits.push({ op: 'append', path: ['indicators', i, 'observations'], value: orderKeys(o, KEY_ORDER.observation) as unknown as Fields });
  }
  edits.push(...removals);
  return edits;
}

/**
 * Applies the changes of the returns to the data. A return whose changes
 * make the data invalid is refused, and the rest applied again without it.
 */
export function collectReturns(data: ReportData, returns: ReturnChanges[]): Collected {
  const refused = new Map<string, Located[]>();
  let kept = returns;
  for (;;) {
    const once = applyOnce(data, kept);
    // Nothing changed: the data is as the caller read and validated it.
    if (once.data === data) return { data, edits: once.edits, rows: once.rows, conflicts: once.conflicts, heldBack: once.heldBack, refused };
    const parsed = dataSchema.safeParse(once.data);
    const problems: { path: Path; message: string; zh?: string }[] = parsed.success
      ? checkRules(parsed.data)
      : parsed.error.issues.map((i) => ({ path: i.path as Path, message: i.message }));
    if (!problems.length) return { data: parsed.data!, edits: once.edits, rows: once.rows, conflicts: once.conflicts, heldBack: once.heldBack, refused };
    const blamed = new Set<string>();
    for (const p of problems) {
      let sources: Source[] | undefined;
      for (let n = p.path.length; n >= 0 && !sources; n--) sources = once.touched.get(formatPath(p.path.slice(0, n)));
      for (const s of sources ?? []) {
        blamed.add(s.file);
        const list = refused.get(s.file) ?? refused.set(s.file, []).get(s.file)!;
        // The data path is the problem's own (said in words in Chinese), so that the English reads `cell: path: message`.
        list.push({
          file: s.file,
          cell: s.cell,
          path: formatPath(p.path),
          message: `${p.message}; the form is refused`,
          zh: `${pathWordsZh(formatPath(p.path))}：${inLocale(p, 'zh-CN')}；该表单不予采用`,
        });
      }
    }
    // Problems no return caused were in the data already: the caller validated it, so this cannot loop.
    if (!blamed.size) throw new Error(`collected data is invalid: ${problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ')}`);
    kept = kept.filter((r) => !blamed.has(r.file));
  }
}
