import { catalogFigures, indicatorFigures, planFigures } from '../../src/core/figures';
import { cellXml } from '../../src/cli/xlsx/write/xml';
import { period } from '../../src/core/periods';
import type { Indicator, Measure, Plan } from '../../src/core/schema';

const measures = (n: number, status: Measure['status'], group?: string, extra: Partial<Measure> = {}): Measure[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${status}-${group ?? ''}-${i}`, title: 't', status, group, ...extra }));

describe('plan figures', () => {
  // Beijing's opening-up plan: 13 measures needing national authorization (6 done), 37 municipal (32 done).
  const beijing: Plan = {
    id: 'BJ-OPEN-2022',
    title: 'Beijing',
    groups: ['Requires national authorization', 'Municipal powers'],
    measures: [
      ...measures(6, 'completed', 'Requires national authorization'),
      ...measures(7, 'in-progress', 'Requires national authorization'),
      ...measures(32, 'completed', 'Municipal powers'),
      ...measures(5, 'in-progress', 'Municipal powers'),
    ],
  };

  it('gives the worked examples: 38 of 50 is 0.76; 32 of 37 is 0.8649; 6 of 13 is 0.4615', () => {
    const f = planFigures(beijing, '2022-09-20', period('2022-Q3'));
    expect(f.measures).toBe(50);
    expect(f.completed).toBe(38);
    expect(f.completionRate).toBeCloseTo(0.76, 10);
    expect(f.groups[0]).toMatchObject({ measures: 13, completed: 6 });
    expect(f.groups[0].completionRate).toBeCloseTo(0.4615, 4);
    expect(f.groups[1]).toMatchObject({ measures: 37, completed: 32 });
    expect(f.groups[1].completionRate).toBeCloseTo(0.8649, 4);
  });

  it('leaves cancelled measures out of the completion rate, and a rate of nothing blank', () => {
    const plan: Plan = { id: 'P', title: 'p', measures: [...measures(2, 'completed'), ...measures(2, 'cancelled'), ...measures(4, 'delayed')] };
    expect(planFigures(plan, '2024-01-01', period('2024-Q1')).completionRate).toBeCloseTo(2 / 6, 12);
    expect(planFigures({ id: 'P', title: 'p', measures: measures(3, 'cancelled') }, '2024-01-01', period('2024-Q1')).completionRate).toBeNull();
    expect(planFigures({ id: 'P', title: 'p', measures: [] }, '2024-01-01', period('2024-Q1')).completionRate).toBeNull();
  });

  it('counts overdue measures: due before the report date, neither completed nor cancelled', () => {
    const plan: Plan = {
      id: 'P',
      title: 'p',
      measures: [
        ...measures(1, 'in-progress', undefined, { due: '2024-06-29' }),
        ...measures(1, 'delayed', undefined, { due: '2024-01-01' }),
        ...measures(1, 'in-progress', undefined, { due: '2024-06-30' }), // due on the report date: not overdue
        ...measures(1, 'completed', undefined, { due: '2023-01-01' }),
        ...measures(1, 'cancelled', undefined, { due: '2023-01-01' }),
        ...measures(1, 'not-started'), // no due date
      ],
    };
    expect(planFigures(plan, '2024-06-30', period('2024-Q2')).overdue).toBe(2);
  });

  it('counts completions within the period by completion date, and open measures due in the next period', () => {
    const plan: Plan = {
      id: 'P',
      title: 'p',
      measures: [
        ...measures(1, 'completed', undefined, { completed: '2024-07-01' }), // first day of 2024-Q3
        ...measures(2, 'completed', undefined, { completed: '2024-09-30' }), // last day
        ...measures(1, 'completed', undefined, { completed: '2024-06-30' }), // the quarter before
        ...measures(1, 'completed', undefined, { completed: '2024-10-01' }), // after the period
        ...measures(1, 'completed'), // no completion date
        ...measures(1, 'in-progress', undefined, { completed: '2024-08-01' }), // a date but not completed
        ...measures(1, 'in-progress', undefined, { due: '2024-10-01' }), // first day of the next quarter
        ...measures(1, 'not-started', undefined, { due: '2024-12-31' }), // its last day
        ...measures(1, 'delayed', undefined, { due: '2024-09-30' }), // due this period: overdue, not next
        ...measures(1, 'delayed', undefined, { due: '2025-01-01' }), // the quarter after next
        ...measures(1, 'completed', undefined, { due: '2024-11-01', completed: '2024-08-15' }), // done early: completed, not due
        ...measures(1, 'cancelled', undefined, { due: '2024-11-01' }),
      ],
    };
    const f = planFigures(plan, '2024-10-15', period('2024-Q3'));
    expect(f.completedInPeriod).toBe(4);
    expect(f.dueNext).toBe(2);
  });

  it('takes the period of the report: a year counts a year of completions and the next year of dues', () => {
    const plan: Plan = {
      id: 'P',
      title: 'p',
      measures: [
        ...measures(1, 'completed', undefined, { completed: '2024-01-01' }),
        ...measures(1, 'completed', undefined, { completed: '2023-12-31' }),
        ...measures(1, 'in-progress', undefined, { due: '2025-12-31' }),
        ...measures(1, 'in-progress', undefined, { due: '2026-01-01' }),
      ],
    };
    expect(planFigures(plan, '2024-12-31', period('2024'))).toMatchObject({ completedInPeriod: 1, dueNext: 1 });
    expect(planFigures(plan, '2024-12-31', period('2024-12'))).toMatchObject({ completedInPeriod: 0, dueNext: 0 });
    expect(planFigures(plan, '2023-12-31', period('2023-H2'))).toMatchObject({ completedInPeriod: 1, dueNext: 0 });
  });

  it('matches groups ignoring case, and wildcard characters as themselves', () => {
    const plan: Plan = { id: 'P', title: 'p', groups: ['A*', 'b?'], measures: [...measures(2, 'completed', 'a*'), ...measures(1, 'completed', 'B?')] };
    const f = planFigures(plan, '2024-01-01', period('2024-Q1'));
    expect(f.groups.map((g) => g.measures)).toEqual([2, 1]);
  });
});

describe('catalog figures', () => {
  it('counts products, distinct enterprises ignoring case, and adoption', () => {
    const f = catalogFigures({
      id: 'C',
      title: 'c',
      entries: [
        { product: 'a', enterprise: 'Acme', category: 'drug', hospitals: 3 },
        { product: 'b', enterprise: 'ACME', category: 'device', hospitals: 0 },
        { product: 'c', enterprise: 'Other*', category: 'other' },
        { product: 'd', enterprise: 'Other', category: 'other', hospitals: 1 },
      ],
    });
    expect(f).toEqual({ products: 4, enterprises: 3, adopted: 2, adoptionRate: 0.5 });
  });

  it("gives Suzhou's first batch, 25 products of 18 enterprises", () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ product: `p${i}`, enterprise: `E${i % 18}`, category: 'other' as const }));
    // The source gives no procurement data: Adopted and AdoptionRate say nothing rather than "0 adopted, 0.0%".
    expect(catalogFigures({ id: 'SZ', title: 's', entries })).toMatchObject({ products: 25, enterprises: 18, adopted: null, adoptionRate: null });
    expect(catalogFigures({ id: 'E', title: 'e', entries: [] }).adoptionRate).toBeNull();
  });

  it('counts adoption once one entry has a hospitals value, missing ones as not adopted', () => {
    const entries = [
      { product: 'a', enterprise: 'A', category: 'drug' as const },
      { product: 'b', enterprise: 'B', category: 'drug' as const, hospitals: 0 },
    ];
    expect(catalogFigures({ id: 'C', title: 'c', entries })).toMatchObject({ adopted: 0, adoptionRate: 0 });
    entries[1] = { ...entries[1], hospitals: 2 };
    expect(catalogFigures({ id: 'C', title: 'c', entries })).toMatchObject({ adopted: 1, adoptionRate: 0.5 });
  });
});

describe('indicator figures', () => {
  const at = (p: string) => period(p);

  it("gives the Suzhou National Hi-Tech District's required CAGR: 4^(1/3) - 1 = 0.5874", () => {
    const snd: Indicator = {
      id: 'SND-REV',
      name: 'Revenue',
      baseline: { period: '2020', value: 200 },
      target: { period: '2023', value: 800 },
      observations: [{ period: '2020', value: 200 }],
    };
    const f = indicatorFigures(snd, at('2021-Q2'));
    expect(f.latest).toBe(200);
    expect(f.requiredCagr).toBeCloseTo(Math.pow(4, 1 / 3) - 1, 12);
    expect(f.requiredCagr).toBeCloseTo(0.5874, 4);
    expect(f.cagr).toBeNull(); // no span from the baseline
    expect(f.progress).toBe(0);
    expect(f.growth).toBeNull();
  });

  it('leaves RequiredCAGR blank once the report period ends at or after the target period', () => {
    const ind: Indicator = {
      id: 'T',
      name: 't',
      target: { period: '2023', value: 800 },
      observations: [{ period: '2020', value: 200 }],
    };
    expect(indicatorFigures(ind, at('2023-Q3')).requiredCagr).toBeCloseTo(Math.pow(4, 1 / 3) - 1, 12);
    expect(indicatorFigures(ind, at('2023-Q4')).requiredCagr).toBeNull(); // ends with the target period
    expect(indicatorFigures(ind, at('2023')).requiredCagr).toBeNull();
    expect(indicatorFigures(ind, at('2024-Q1')).requiredCagr).toBeNull();
    expect(indicatorFigures(ind, at('2024-Q1')).latest).toBe(200);
  });

  it('computes growth, progress and CAGR over quarters, ignoring periods after the report', () => {
    const ind: Indicator = {
      id: 'I',
      name: 'i',
      baseline: { period: '2020', value: 100 },
      target: { period: '2027', value: 300 },
      observations: [
        { period: '2024-Q1', value: 150 },
        { period: '2025-Q1', value: 180 },
        { period: '2025-Q2', value: 999 },
      ],
    };
    const f = indicatorFigures(ind, at('2025-Q1'));
    expect(f.latest).toBe(180);
    expect(f.latestPeriod).toBe('2025-Q1');
    expect(f.growth).toBeCloseTo(180 / 150 - 1, 12);
    expect(f.progress).toBeCloseTo(80 / 200, 12);
    expect(f.cagr).toBeCloseTo(Math.pow(1.8, 1 / 4.25) - 1, 12); // 2020 to 2025-Q1 is 4.25 years
    expect(f.requiredCagr).toBeCloseTo(Math.pow(300 / 180, 1 / 2.75) - 1, 12);
  });

  it('prefers a given growth, and takes Latest from the latest observation with a value', () => {
    const ind: Indicator = {
      id: 'N',
      name: 'n',
      observations: [
        { period: '2024', value: 2100, growth: 0.05 },
        { period: '2025', growth: 0.137 },
      ],
    };
    const f = indicatorFigures(ind, at('2025'));
    expect(f.latest).toBe(2100);
    expect(f.latestPeriod).toBe('2024');
    expect(f.growth).toBe(0.137);
  });

  it('sums a cumulative indicator onto its baseline, with no CAGR', () => {
    const ind: Indicator = {
      id: 'C',
      name: 'c',
      kind: 'cumulative',
      baseline: { period: '2024', value: 10 },
      target: { period: '2027', value: 510 },
      observations: [
        { period: '2025', value: 120 },
        { period: '2026', value: 130 },
      ],
    };
    const f = indicatorFigures(ind, at('2026-Q4'));
    expect(f.latest).toBe(260);
    expect(f.progress).toBeCloseTo(250 / 500, 12);
    expect(f.cagr).toBeNull();
    expect(f.requiredCagr).toBeNull();
    expect(f.growth).toBeCloseTo(130 / 120 - 1, 12);
    // Without any observation the total is blank, not 0 or the baseline: the data says nothing yet.
    expect(indicatorFigures({ ...ind, baseline: undefined, observations: [] }, at('2026')).latest).toBeNull();
    const none = indicatorFigures({ ...ind, observations: [] }, at('2026'));
    expect([none.latest, none.latestPeriod, none.progress]).toEqual([null, null, null]);
  });

  it('gives a growth-only indicator the period of its growth as As of (Nanjing +13.7%)', () => {
    const ind: Indicator = { id: 'NJ-OUT', name: 'Output', observations: [{ period: '2024', growth: 0.137 }] };
    const f = indicatorFigures(ind, at('2025-Q1'));
    expect([f.latest, f.latestPeriod, f.growth]).toEqual([null, '2024', 0.137]);
  });

  it('leaves blank what cannot be computed: zero or negative bases, passed targets, missing data', () => {
    const base = { id: 'X', name: 'x', observations: [{ period: '2024', value: -5 }] } as Indicator;
    expect(indicatorFigures({ ...base, baseline: { period: '2020', value: 10 } }, at('2024')).cagr).toBeNull(); // power of a negative number
    expect(indicatorFigures({ ...base, baseline: { period: '2020', value: 0 } }, at('2024')).cagr).toBeNull(); // division by zero
    expect(indicatorFigures({ ...base, target: { period: '2023', value: 10 } }, at('2024')).requiredCagr).toBeNull(); // target passed
    const flat = { ...base, baseline: { period: '2020', value: 7 }, target: { period: '2026', value: 7 } };
    expect(indicatorFigures(flat, at('2024')).progress).toBeNull(); // target equals baseline: division by zero
    expect(indicatorFigures({ id: 'E', name: 'e', target: { period: '2030', value: 1 }, observations: [] }, at('2024'))).toEqual({
      latest: null,
      latestPeriod: null,
      growth: null,
      progress: null,
      cagr: null,
      requiredCagr: null,
    });
    expect(
      indicatorFigures(
        {
          id: 'Z',
          name: 'z',
          observations: [
            { period: '2023', value: 0 },
            { period: '2024', value: 5 },
          ],
        },
        at('2024'),
      ).growth,
    ).toBeNull();
  });
});

describe('figures that overflow', () => {
  it('are blank, like any figure that cannot be computed (cumulative observations of 1e308)', () => {
    const ind: Indicator = {
      id: 'BIG',
      name: 'Big',
      kind: 'cumulative',
      target: { period: '2026', value: 1 },
      observations: [
        { period: '2024', value: 1e308 },
        { period: '2025', value: 1e308, growth: undefined },
      ],
    } as Indicator;
    const f = indicatorFigures(ind, period('2025')!);
    expect(f).toMatchObject({ latest: null, progress: null });
    expect(Object.values(f).every((v) => v === null || typeof v === 'string' || Number.isFinite(v))).toBe(true);
  });

  it('are never written as a number the file format cannot hold', () => {
    for (const v of [Infinity, -Infinity, NaN]) {
      expect(cellXml('A1', { v }, 3)).toBe('<c r="A1" s="3"/>');
      expect(cellXml('A1', { v, f: 'B1*2' }, undefined)).toBe('<c r="A1" t="str"><f>B1*2</f><v></v></c>');
    }
  });
});
