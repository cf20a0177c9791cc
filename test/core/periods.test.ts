import fc from 'fast-check';
import {
  dateToSerial,
  isIsoDate,
  monthIndex,
  nextPeriod,
  parsePeriod,
  period,
  periodEnd,
  periodStart,
  serialToDate,
  yearEarlier,
  yearsBetween,
} from '../../src/core/periods';

describe('periods', () => {
  it.each([
    ['2024', 'year', 12],
    ['2024-H1', 'half', 6],
    ['2024-H2', 'half', 12],
    ['2024-Q1', 'quarter', 3],
    ['2024-Q3', 'quarter', 9],
    ['2024-07', 'month', 7],
    ['2024-12', 'month', 12],
  ])('parses %s as a %s ending in month %i', (text, kind, endMonth) => {
    expect(parsePeriod(text)).toEqual({ text, kind, year: 2024, endMonth });
  });

  it('reads a year written as a number (unquoted YAML)', () => {
    expect(parsePeriod(2020)).toEqual({ text: '2020', kind: 'year', year: 2020, endMonth: 12 });
  });

  it.each(['2024-Q5', '2024-H3', '2024-13', '2024-00', '24', '2024-q1', '2024-Q1 ', '', '2024-1'])('refuses %p', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('ends a period on its last day', () => {
    expect(periodEnd(period('2024-Q3'))).toBe('2024-09-30');
    expect(periodEnd(period('2024-02'))).toBe('2024-02-29');
    expect(periodEnd(period('2023-02'))).toBe('2023-02-28');
    expect(periodEnd(period('2022-H1'))).toBe('2022-06-30');
    expect(periodEnd(period('2020'))).toBe('2020-12-31');
  });

  it('measures years between end months (2020 to 2025-Q1 is 51 months, 4.25 years)', () => {
    expect(monthIndex(period('2025-Q1')) - monthIndex(period('2020'))).toBe(51);
    expect(yearsBetween(period('2020'), period('2025-Q1'))).toBe(4.25);
    expect(yearsBetween(period('2020'), period('2023'))).toBe(3);
    expect(yearsBetween(period('2023'), period('2020'))).toBe(-3);
  });

  it('orders periods of different kinds by their end', () => {
    const sorted = ['2024', '2024-Q3', '2024-H1', '2024-07', '2023-12'].map(period).sort((a, b) => monthIndex(a) - monthIndex(b));
    expect(sorted.map((p) => p.text)).toEqual(['2023-12', '2024-H1', '2024-07', '2024-Q3', '2024']);
  });

  it('finds the same kind of period a year earlier', () => {
    expect(yearEarlier(period('2025-Q1')).text).toBe('2024-Q1');
    expect(yearEarlier(period('2025')).text).toBe('2024');
    expect(yearEarlier(period('2025-07')).text).toBe('2024-07');
  });

  it('checks ISO dates against the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it('reads a date as the grammar /^(\\d{4})-(\\d{2})-(\\d{2})$/ does, whatever the text', () => {
    const byGrammar = (text: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const days = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
      return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
    };
    const unit = fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', '\n', '٣', '０', 'a');
    const text = fc.oneof(
      fc.string({ unit, minLength: 8, maxLength: 11 }),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(text, (t) => expect(isIsoDate(t)).toBe(byGrammar(t))),
      { numRuns: 5000 },
    );
    for (const t of ['2024-02-29\n', '0000-02-29', '1900-02-29', '2000-02-29', '2024-00-10', '2024-04-31']) expect(isIsoDate(t)).toBe(byGrammar(t));
  });

  it('converts dates to spreadsheet serial numbers and back', () => {
    expect(dateToSerial('1900-03-01')).toBe(61);
    expect(dateToSerial('2022-06-30')).toBe(44742);
    expect(serialToDate(44742)).toBe('2022-06-30');
  });

  it('computes dates by arithmetic exactly as the Date object does, for every day of years 1-9999', () => {
    // dateToSerial and isIsoDate count days without a Date (a million measures have two million dates).
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const utc = new Date(0);
        utc.setUTCFullYear(y, m - 1, d);
        const real = utc.getUTCDate() === d;
        expect(isIsoDate(iso)).toBe(real);
        if (real) expect(dateToSerial(iso)).toBe(Math.round((utc.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000));
      }),
      { numRuns: 20000, seed: 11 },
    );
    for (const y of [1900, 2000, 2023, 2024, 2100]) {
      expect(periodEnd(period(`${y}-02`))).toBe(`${y}-02-${new Date(Date.UTC(y, 2, 0)).getUTCDate()}`);
    }
  });
});

describe('period start and the next period', () => {
  it('gives the first day of each kind of period', () => {
    expect(periodStart(period('2024-Q3'))).toBe('2024-07-01');
    expect(periodStart(period('2024-Q1'))).toBe('2024-01-01');
    expect(periodStart(period('2024-H2'))).toBe('2024-07-01');
    expect(periodStart(period('2024'))).toBe('2024-01-01');
    expect(periodStart(period('2024-12'))).toBe('2024-12-01');
  });

  it('follows a period with the next of its kind, across years', () => {
    expect(['2024-Q3', '2024-Q4', '2024-H2', '2024-12', '2024-01', '2024'].map((p) => nextPeriod(period(p)).text)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-H1',
      '2025-01',
      '2024-02',
      '2025',
    ]);
    const next = nextPeriod(period('2024-Q4'));
    expect(next).toEqual(period('2025-Q1'));
  });
});
