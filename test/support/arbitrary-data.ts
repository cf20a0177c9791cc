/**
 * fast-check generators of valid data sets, with the text that breaks naive
 * spreadsheets: Chinese, emoji, wildcards, operators, leading = + - @ ',
 * numbers and dates as text, and names that differ only in case.
 */
import fc from 'fast-check';
import { nameKey } from '../../src/core/rules';
import {
  CATEGORIES,
  FORMAT,
  STATUSES,
  type Catalog,
  type CatalogEntry,
  type Indicator,
  type Measure,
  type Observation,
  type Plan,
  type ReportData,
} from '../../src/core/schema';

const TRICKY = [
  'a*b',
  'a?b',
  'a~b',
  '~',
  '*',
  '?',
  '<5',
  '>=3',
  '=x',
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2',
  '@x',
  "'abc",
  '1',
  '01',
  '2020-01-01',
  'TRUE',
  'Ab',
  'aB',
  '医药',
  '医疗器械 🧬',
  'x"y',
];

/** Text of 1..n characters from a mix of scripts, or one of the tricky strings. */
export const text = (max = 30): fc.Arbitrary<string> =>
  fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.string({
          minLength: 1,
          maxLength: max,
          unit: fc.constantFrom(...Array.from('abcXYZ 019-_.,;:()*?~<>=+@\'"医药器械创新北京苏州上海🧬💊')),
        }),
      },
      { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
    )
    .filter((s) => s.trim().length > 0);

const id = fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/);
const uniqueIds = (min: number, max: number) => fc.uniqueArray(id, { minLength: min, maxLength: max, selector: (s) => nameKey(s).toLowerCase() });

export const isoDate = fc
  .date({ min: new Date(Date.UTC(2018, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined: the data files a user writes have no such keys. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const plan = (planId: string): fc.Arbitrary<Plan> =>
  fc
    .record({
      groups: maybe(fc.uniqueArray(text(20), { minLength: 1, maxLength: 4, selector: (g) => g.toLowerCase() })),
      ids: uniqueIds(0, 14),
      title: text(),
      region: maybe(text()),
      issued: maybe(isoDate),
      source: maybe(text(60)),
    })
    .chain(({ groups, ids, ...rest }) =>
      fc
        .tuple(
          ...ids.map((mid) =>
            fc
              .record({
                title: text(60),
                group: groups ? maybe(fc.constantFrom(...groups)) : fc.constant(undefined),
                lead: maybe(text()),
                due: maybe(isoDate),
                status: fc.constantFrom(...STATUSES),
                completed: maybe(isoDate),
                progress: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
                note: maybe(text(80)),
              })
              .map((m): Measure => compact({ id: mid, ...m })),
          ),
        )
        .map((measures): Plan => compact({ id: planId, ...rest, groups, measures })),
    );

const enterprisePool = ['Acme', 'ACME', 'acme', 'Innovent*', 'Innovent', 'Bei?Gene', 'BeiXGene', '恒瑞医药', 'Zai~Lab', 'Zai~~Lab', '1', '=x'];

const catalog = (catalogId: string): fc.Arbitrary<Catalog> =>
  fc
    .record({
      id: fc.constant(catalogId),
      title: text(),
      region: maybe(text()),
      issued: maybe(fc.oneof(isoDate, fc.constantFrom('2021-11', '2021', '2022-Q1', '2022-H2'))),
      entries: fc.array(
        fc
          .record({
            product: text(),
            enterprise: fc.oneof(fc.constantFrom(...enterprisePool), text(20)),
            category: fc.constantFrom(...CATEGORIES),
            registration: maybe(text(20)),
            listed: maybe(isoDate),
            hospitals: maybe(fc.nat({ max: 5 })),
          })
          .map((e): CatalogEntry => compact(e)),
        { maxLength: 12 },
      ),
    })
    .map((c) => compact(c));

const periodOfKind = (kind: 'year' | 'half' | 'quarter' | 'month') => {
  const year = fc.integer({ min: 2016, max: 2030 });
  switch (kind) {
    case 'year':
      return year.map(String);
    case 'half':
      return fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`);
    case 'quarter':
      return fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`);
    case 'month':
      return fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  }
};
const anyPeriod = fc.constantFrom('year', 'half', 'quarter', 'month' as const).chain((k) => periodOfKind(k as 'year'));
const value = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 5000 }) },
    { weight: 2, arbitrary: fc.double({ min: -100, max: 10000, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constant(0) },
  )
  .map((v) => v + 0); // a spreadsheet has no negative zero

const indicator = (indicatorId: string): fc.Arbitrary<Indicator> =>
  fc.constantFrom('year', 'half', 'quarter', 'month' as const).chain((kind) =>
    fc
      .record({
        name: text(),
        region: maybe(text()),
        unit: maybe(text(12)),
        kind: maybe(fc.constantFrom('level', 'cumulative' as const)),
        format: maybe(fc.constantFrom('percent', 'integer', 'number' as const)),
        decimals: maybe(fc.integer({ min: 0, max: 4 })),
        baseline: maybe(fc.record({ period: anyPeriod, value })),
        target: maybe(fc.record({ period: anyPeriod, value })),
        source: maybe(text()),
        note: maybe(text()),
        observations: fc.uniqueArray(
          fc.record({
            period: periodOfKind(kind as 'year'),
            value: maybe(value),
            growth: maybe(fc.double({ min: -0.5, max: 2, noNaN: true }).map((v) => v + 0)),
          }),
          { maxLength: 10, selector: (o) => o.period },
        ),
      })
      .map((r): Indicator => {
        const observations = r.observations.map((o): Observation => compact(o.value === undefined && o.growth === undefined ? { ...o, value: 1 } : o));
        // A whole number has no decimals (0 is allowed, and kept).
        const decimals = r.format === 'integer' && r.decimals ? undefined : r.decimals;
        return compact({ id: indicatorId, ...r, decimals, observations });
      }),
  );

export const reportData: fc.Arbitrary<ReportData> = fc
  .record({
    planIds: uniqueIds(0, 3),
    catalogIds: uniqueIds(0, 2),
    indicatorIds: uniqueIds(0, 4),
    title: text(),
    region: text(),
    period: periodOfKind('quarter'),
    date: maybe(isoDate),
    locale: maybe(fc.constantFrom('en', 'zh-CN' as const)),
  })
  .chain(({ planIds, catalogIds, indicatorIds, title, region, period, date, locale }) =>
    fc
      .record({
        plans: fc.tuple(...planIds.map(plan)),
        catalogs: fc.tuple(...catalogIds.map(catalog)),
        indicators: fc.tuple(...indicatorIds.map(indicator)),
      })
      .map((parts): ReportData => ({
        format: FORMAT,
        report: compact({ title, region, period, date, locale }),
        plans: parts.plans,
        catalogs: parts.catalogs,
        indicators: parts.indicators,
      })),
  );
