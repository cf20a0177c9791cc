import fc from 'fast-check';
import { matchByKey, matchByTwoKeys, reportChanges, type PlanMeasure, type ReportItems } from '../../../src/core/since/match';
import type { Measure } from '../../../src/core/schema';

const m = (id: string, extra: Partial<Measure> = {}): Measure => ({ id, title: `Measure ${id}`, status: 'in-progress', ...extra });
const items = (date: string, measures: PlanMeasure[], extra: Partial<ReportItems> = {}): ReportItems => ({
  date,
  measures,
  entries: [],
  indicators: [],
  ...extra,
});
const inPlan = (plan: string, ...list: Measure[]) => list.map((measure) => ({ plan, measure }));

describe('matching items across reports', () => {
  it('pairs items by key whatever their order, and keeps the unmatched on each side in their order', () => {
    const r = matchByKey(['a', 'b', 'c', 'd'], ['d', 'x', 'b', 'a'], (s) => s);
    expect(r.pairs).toEqual([
      ['d', 'd'],
      ['b', 'b'],
      ['a', 'a'],
    ]);
    expect(r.gone).toEqual(['c']);
    expect(r.added).toEqual(['x']);
  });

  it('pairs repeated keys in order: the first before with the first after', () => {
    const before = [
      { k: 'a', n: 1 },
      { k: 'a', n: 2 },
    ];
    const after = [{ k: 'a', n: 3 }];
    const r = matchByKey(before, after, (x) => x.k);
    expect(r.pairs).toEqual([[before[0], after[0]]]);
    expect(r.gone).toEqual([before[1]]);
  });

  it('pairs by a key in two parts as by the whole key, for random items (repeated keys, either side empty)', () => {
    const item = fc.record({ o: fc.constantFrom('p', 'P', 'q', ''), i: fc.constantFrom('a', 'b', 'ab', ''), n: fc.nat(3) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.array(item, { maxLength: 12 }), (before, after) => {
        const whole = matchByKey(before, after, (x) => `${x.o}\u0000${x.i}`);
        expect(
          matchByTwoKeys(
            before,
            after,
            (x) => x.o,
            (x) => x.i,
          ),
        ).toEqual(whole);
        const seen: [unknown, unknown][] = [];
        const given = matchByTwoKeys(
          before,
          after,
          (x) => x.o,
          (x) => x.i,
          (b, a) => seen.push([b, a]),
        );
        expect(seen).toEqual(whole.pairs);
        expect(given).toEqual({ ...whole, pairs: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('matches measures by plan and id ignoring case, in another order: nothing changed, nothing listed', () => {
    const before = items('2024-06-30', inPlan('P-1', m('a'), m('b')));
    const after = items('2024-06-30', [...inPlan('p-1', m('B')), ...inPlan('P-1', m('A'))]);
    expect(reportChanges(before, after)).toEqual([]);
  });

  it('the same measure id in two plans is two measures', () => {
    const before = items('2024-06-30', [...inPlan('P', m('1')), ...inPlan('Q', m('1', { status: 'completed' }))]);
    const after = items('2024-09-30', [...inPlan('P', m('1', { status: 'completed' })), ...inPlan('Q', m('1', { status: 'completed' }))]);
    expect(reportChanges(before, after)).toEqual([
      { kind: 'completed', owner: 'P', item: '1', title: 'Measure 1', field: 'status', before: 'in-progress', after: 'completed' },
    ]);
  });

  it('lists removed and added measures, and finds a renamed id by its title', () => {
    const before = items('2024-06-30', inPlan('P', m('1'), m('2'), m('3', { title: 'Same title' }), m('4', { title: 'Same title' })));
    const after = items('2024-09-30', inPlan('P', m('1'), m('2-new', { title: 'Measure 2' }), m('3', { title: 'Same title' }), m('5', { title: 'Brand new' })));
    const changes = reportChanges(before, after);
    expect(changes).toEqual([
      { kind: 'renamed', owner: 'P', item: '2-new', title: 'Measure 2', field: 'id', before: '2', after: '2-new' },
      { kind: 'added', owner: 'P', item: '5', title: 'Brand new', field: 'status', before: null, after: 'in-progress' },
      { kind: 'removed', owner: 'P', item: '4', title: 'Same title', field: 'status', before: 'in-progress', after: null },
    ]);
  });

  it('does not guess a rename when a title is not unique', () => {
    const before = items('2024-06-30', inPlan('P', m('1', { title: 'T' }), m('2', { title: 'T' })));
    const after = items('2024-09-30', inPlan('P', m('3', { title: 'T' })));
    expect(reportChanges(before, after).map((c) => c.kind)).toEqual(['added', 'removed', 'removed']);
  });

  it('puts the news first: completed, then newly overdue, then other changes', () => {
    const before = items('2024-06-30', inPlan('P', m('lead', { lead: 'A' }), m('late', { due: '2024-08-01' }), m('done', { due: '2024-12-31' })));
    const after = items(
      '2024-09-30',
      inPlan(
        'P',
        m('lead', { lead: 'B' }),
        m('late', { due: '2024-08-01' }),
        m('done', { due: '2024-12-31', status: 'completed', completed: '2024-09-01', progress: 1 }),
      ),
    );
    expect(reportChanges(before, after).map((c) => [c.kind, c.item, c.field, c.before, c.after])).toEqual([
      ['completed', 'done', 'status', 'in-progress', 'completed'],
      ['completed', 'done', 'completed', null, '2024-09-01'],
      ['completed', 'done', 'progress', null, 1],
      ['overdue', 'late', 'due', '2024-08-01', '2024-08-01'],
      ['changed', 'lead', 'lead', 'A', 'B'],
    ]);
  });

  it('a measure already overdue last time is not newly overdue', () => {
    const before = items('2024-06-30', inPlan('P', m('x', { due: '2024-01-01' })));
    const after = items('2024-09-30', inPlan('P', m('x', { due: '2024-01-01' })));
    expect(reportChanges(before, after)).toEqual([]);
  });

  it('lists catalog entries added, removed and changed, matched by catalog, product and enterprise', () => {
    const e = (product: string, hospitals?: number) => ({ catalog: 'C', entry: { product, enterprise: 'Co', category: 'drug' as const, hospitals } });
    const before = items('2024-06-30', [], { entries: [e('a'), e('b', 1), e('gone')] });
    const after = items('2024-09-30', [], { entries: [e('b', 3), e('a'), e('new')] });
    expect(reportChanges(before, after).map((c) => [c.kind, c.item, c.field, c.before, c.after])).toEqual([
      ['entryAdded', 'new · Co', 'category', null, 'drug'],
      ['entryRemoved', 'gone · Co', 'category', 'drug', null],
      ['entryChanged', 'b · Co', 'hospitals', 1, 3],
    ]);
  });

  it('lists new and changed observations of each indicator, and every observation of a new indicator', () => {
    const ind = (id: string, observations: { period: string; value?: number }[]) => ({ id, name: id, observations });
    const before = items('2024-06-30', [], {
      indicators: [
        ind('I', [
          { period: '2023', value: 1 },
          { period: '2024-Q1', value: 2 },
        ]),
      ],
    });
    const after = items('2024-09-30', [], {
      indicators: [
        ind('J', [{ period: '2024', value: 9 }]),
        ind('i', [
          { period: '2023', value: 1.5 },
          { period: '2024-Q1', value: 2 },
          { period: '2024-Q2', value: 3 },
        ]),
      ],
    });
    expect(reportChanges(before, after).map((c) => [c.owner, c.item, c.before, c.after])).toEqual([
      ['J', '2024', null, 9],
      ['i', '2023', 1, 1.5],
      ['i', '2024-Q2', null, 3],
    ]);
  });
});
