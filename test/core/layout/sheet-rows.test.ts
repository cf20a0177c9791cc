/**
 * sheetRows (src/core/layout/rows.ts), the one way writers read a sheet's rows: its held rows, then its body produced
 * on demand, again on each pass; left early, the body's source is let go of (a data file read again is closed).
 */
import type { Row, Sheet } from '../../../src/core/layout/model';
import { sheetRows } from '../../../src/core/layout/rows';
import { rowSource } from '../../../src/core/row-source';

const row = (v: string): Row => ({ cells: [{ v }] });

function sheetWithBody(n: number, events: string[]): Sheet {
  return {
    rows: [row('header')],
    body: rowSource(n, function* () {
      events.push('open');
      try {
        for (let i = 1; i <= n; i++) yield row(`r${i}`);
      } finally {
        events.push('closed');
      }
    }),
  } as unknown as Sheet;
}

const values = (rows: Iterable<Row>) => [...rows].map((r) => r.cells[0]?.v);

describe('sheetRows', () => {
  it('gives the held rows, then the body, again on each pass', () => {
    const events: string[] = [];
    const sheet = sheetWithBody(3, events);
    expect(values(sheetRows(sheet))).toEqual(['header', 'r1', 'r2', 'r3']);
    expect(values(sheetRows(sheet))).toEqual(['header', 'r1', 'r2', 'r3']);
    expect(events).toEqual(['open', 'closed', 'open', 'closed']);
  });

  it('gives a sheet without a body its rows', () => {
    const sheet = { rows: [row('a'), row('b')] } as unknown as Sheet;
    expect(values(sheetRows(sheet))).toEqual(['a', 'b']);
  });

  it('lets go of the body when left before its end, and opens none when left in the held rows', () => {
    const events: string[] = [];
    const sheet = sheetWithBody(5, events);
    for (const r of sheetRows(sheet)) if (r.cells[0]?.v === 'r2') break;
    expect(events).toEqual(['open', 'closed']);
    for (const r of sheetRows(sheet)) if (r.cells[0]?.v === 'header') break;
    expect(events).toEqual(['open', 'closed']);
  });
});
