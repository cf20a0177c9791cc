/** Folding changes into data (pure): conflicts hold back the conflicting returns' other changes to the item. */
import { collectReturns, type ReturnChanges } from '../../../src/core/forms/collect';
import type { Change } from '../../../src/core/forms/reader';
import type { ReportData } from '../../../src/core/schema';

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [
    {
      id: 'P',
      title: 'p',
      measures: [
        { id: 'J', title: 'joint', lead: 'A、B', status: 'in-progress', progress: 0.5 },
        { id: 'K', title: 'other', lead: 'A', status: 'not-started' },
      ],
    },
  ],
  indicators: [{ id: 'I', name: 'i', observations: [{ period: '2024-Q3', value: 1, growth: 0.1 }] }],
};

const m = (file: string, cell: string, id: string, field: 'status' | 'completed' | 'progress' | 'note', value: string | number | null): Change => ({
  file,
  cell,
  kind: 'measure',
  plan: 'P',
  id,
  field,
  value,
});

describe('conflicts hold back the whole item', () => {
  it("a status conflict holds back both returns' other changes to that measure, not their changes to others", () => {
    const a: ReturnChanges = {
      file: 'a.xlsx',
      changes: [m('a.xlsx', 'F8', 'J', 'status', 'completed'), m('a.xlsx', 'G8', 'J', 'completed', '2024-09-01'), m('a.xlsx', 'F9', 'K', 'status', 'delayed')],
    };
    const b: ReturnChanges = { file: 'b.xlsx', changes: [m('b.xlsx', 'F8', 'J', 'status', 'delayed'), m('b.xlsx', 'H8', 'J', 'progress', 0.5)] };
    const c: ReturnChanges = { file: 'c.xlsx', changes: [m('c.xlsx', 'I8', 'J', 'note', 'from c')] };
    const r = collectReturns(DATA, [a, b, c]);
    expect(r.conflicts.map((x) => `${x.item} ${x.field}`)).toEqual(['P J status']);
    // b's progress equals what the data holds: no change, so not listed as held back.
    expect(r.heldBack).toEqual([{ item: 'P J', field: 'completed', value: '2024-09-01', source: { file: 'a.xlsx', cell: 'G8' } }]);
    expect(r.data.plans![0].measures).toEqual([
      { id: 'J', title: 'joint', lead: 'A、B', status: 'in-progress', progress: 0.5, note: 'from c' },
      { id: 'K', title: 'other', lead: 'A', status: 'delayed' },
    ]);
  });

  it('an observation: a conflicting value holds back the same returns’ growth', () => {
    const o = (file: string, field: 'value' | 'growth', value: number): Change => ({
      file,
      cell: 'F8',
      kind: 'observation',
      indicator: 'I',
      period: '2024-Q3',
      field,
      value,
    });
    const r = collectReturns(DATA, [
      { file: 'x', changes: [o('x', 'value', 2), o('x', 'growth', 0.2)] },
      { file: 'y', changes: [o('y', 'value', 3)] },
    ]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.heldBack.map((h) => `${h.source.file} ${h.field}`)).toEqual(['x growth']);
    expect(r.data).toBe(DATA);
  });
});
