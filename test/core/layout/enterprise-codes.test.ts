/** The Enterprises figure's codes in the layout model (enterprise-codes.ts), checked without any file. */
import { readData } from '../../../src/core/data-file/read';
import { buildReport } from '../../../src/core/layout/build';
import { compareNames, ENTERPRISE_COLUMNS } from '../../../src/core/layout/enterprise-codes';
import type { Cell, Workbook } from '../../../src/core/layout/model';
import { columnLetter, columnNumber } from '../../../src/core/layout/refs';
import { materialize } from '../../../src/core/layout/rows';
import type { ReportData } from '../../../src/core/schema';
import { OPTIONS, quarterly } from '../../support/fixtures';

function column(wb: Workbook, sheet: string, letter: string): (Cell | undefined)[] {
  const s = materialize(wb.sheets.find((x) => x.name === sheet)!);
  return s.rows.slice(1).map((r) => r.cells[columnNumber(letter) - 1]);
}

const data: ReportData = readData(
  `
format: plan-report/v1
report: { title: Two catalogs, region: Test, period: 2025-Q1 }
catalogs:
  - id: A
    title: First
    region: Test
    issued: 2024-01
    entries:
      - { product: p1, enterprise: Zeta Co, category: drug }
      - { product: p2, enterprise: alpha co, category: drug }
      - { product: p3, enterprise: ALPHA CO, category: drug }
      - { product: p4, enterprise: 苏州信达生物制药有限公司, category: drug }
  - id: B
    title: Second
    region: Test
    issued: 2024-01
    entries:
      - { product: p5, enterprise: Alpha Co, category: drug }
      - { product: p6, enterprise: Beta Co, category: drug }
  - id: C
    title: Empty
    region: Test
    issued: 2024-01
    entries: []
`,
  'two-catalogs.yaml',
);

describe('the Enterprises codes', () => {
  const wb = buildReport(quarterly, data, 'en', OPTIONS);
  const C = ENTERPRISE_COLUMNS;
  const values = (letter: string) => column(wb, '_figures', letter).map((c) => c?.v ?? null);

  it('lists every enterprise once, in lower case, in the order the engines sort text', () => {
    const names = values(C.name).filter((v) => v !== null);
    expect(names).toEqual(['alpha co', 'beta co', 'zeta co', '苏州信达生物制药有限公司']);
    expect([...names].sort((a, b) => compareNames(String(a), String(b)))).toEqual(names);
    expect(values(C.catalog).filter((v) => v !== null)).toEqual(['A', 'B', 'C']);
  });

  it('codes each known catalog | enterprise pair, ascending, counting its entries', () => {
    // (catalog position - 1) x 4 names + name position.
    expect(values(C.bin).filter((v) => v !== null)).toEqual([1, 3, 4, 5, 6]);
    expect(values(C.count).filter((v) => v !== null)).toEqual([2, 1, 1, 1, 1]);
    const first = column(wb, '_figures', C.count)[0]!;
    expect(first.array).toBe(`${C.count}2:${C.count}6`);
    expect(first.f).toMatch(/^IFERROR\(FREQUENCY\('Catalog'!\$\w+\$2:\$\w+\$1048576,\$H\$2:\$H\$6\),0\)$/);
  });

  it('gives each Catalog row its code and no new-enterprise mark, and the room rows none', () => {
    const sheet = wb.sheets.find((s) => s.key === 'catalog')!;
    const helpers = sheet.columns.length;
    const code = column(wb, sheet.name, columnLetter(helpers - 1));
    const fresh = column(wb, sheet.name, columnLetter(helpers));
    expect(code.slice(0, 6).map((c) => c?.v)).toEqual([3, 1, 1, 4, 5, 6]);
    expect(fresh.slice(0, 6).map((c) => c?.v)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(code[6]?.v ?? null).toBeNull();
    expect(code.every((c) => c?.f?.includes('MATCH(LOWER(') && c.f.includes('EXACT('))).toBe(true);
    expect(fresh.every((c) => c?.f?.startsWith('IF(OR('))).toBe(true);
    expect(sheet.columns.slice(-2).every((c) => c.hidden)).toBe(true);
  });

  it('counts a catalog from its own pairs plus its new enterprises, and an empty one from new enterprises only', () => {
    const summary = wb.sheets.find((s) => s.key === 'summary')!;
    const cells = materialize(summary).rows.flatMap((r) => r.cells);
    const enterprises = wb.names.filter((n) => /^Catalog_\w+_Enterprises$/.test(n.name)).map((n) => n.cell);
    const formulaAt = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return materialize(summary).rows[Number(m[2]) - 1].cells[columnNumber(m[1]) - 1]!;
    };
    expect(cells.length).toBeGreaterThan(0);
    const [a, b, c] = enterprises.map(formulaAt);
    expect([a.v, b.v, c.v]).toEqual([3, 2, 0]);
    expect(a.f).toMatch(/^COUNTIF\('_figures'!\$I\$2:\$I\$4,">0"\)\+COUNTIFS\(/);
    expect(b.f).toMatch(/^COUNTIF\('_figures'!\$I\$5:\$I\$6,">0"\)\+COUNTIFS\(/);
    expect(c.f).toMatch(/^COUNTIFS\(/);
  });
});
