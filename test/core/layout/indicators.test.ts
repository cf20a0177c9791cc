/** The Indicators sheet's figure and helper columns: one formula a column, shared down the indicators' rows. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { buildReport } from '../../../src/core/layout/build';
import type { Cell, Sheet } from '../../../src/core/layout/model';
import { columnLetter } from '../../../src/core/layout/refs';
import type { ReportData } from '../../../src/core/schema';
import { OPTIONS, ROOT, quarterly } from '../../support/fixtures';

const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);
const indicatorsOf = (data: ReportData, locale: 'en' | 'zh-CN' = 'en'): Sheet =>
  buildReport(quarterly, data, locale, OPTIONS).sheets.find((s) => s.key === 'indicators')!;
/** The sheet's formula columns: those with a formula in row 2. */
const formulaColumns = (sheet: Sheet) => sheet.rows[1].cells.flatMap((c, i) => (c?.f ? [i] : []));
/** A row-2 formula moved to row `r`: its row-relative references (`$T2`, never `$T$2`) follow the row. */
const movedTo = (f: string, r: number) => f.replace(/(?<![A-Z$])\$([A-Z]{1,3})2(?![0-9])/g, `$$$1${r}`);

describe('the Indicators sheet', () => {
  it.each(['en', 'zh-CN'] as const)('writes each figure and helper column as one shared formula down the rows (%s)', (locale) => {
    const data = seed('shanghai-2025-q3');
    const sheet = indicatorsOf(data, locale);
    const n = data.indicators!.length;
    expect(n).toBeGreaterThan(5);
    const columns = formulaColumns(sheet);
    // The six figures, five helpers and the value format's code.
    expect(columns).toHaveLength(12);
    for (const c of columns) {
      const letter = columnLetter(c + 1);
      const first = sheet.rows[1].cells[c]!;
      expect(first.shares).toBe(`${letter}2:${letter}${n + 1}`);
      // Nothing in it is fixed to one indicator: no absolute reference into the sheet's rows, no code base as a number.
      expect(first.f).not.toMatch(/(?<![!:])\$[A-Z]{1,3}\$(?:[2-9]|\d\d)/);
      expect(first.f!.split('(ROW()-1)*100000').join('')).not.toMatch(/\d{6}/);
      for (let r = 3; r <= n + 1; r++) {
        const cell: Cell = sheet.rows[r - 1].cells[c]!;
        expect(cell.sharedFrom).toBe(`${letter}2`);
        expect(cell.f).toBe(movedTo(first.f!, r));
      }
    }
    // The helpers find the indicator's observation codes by the row's own position, as the Observations codes number it.
    expect(columns.filter((c) => sheet.rows[1].cells[c]!.f!.includes('(ROW()-1)*100000'))).toHaveLength(6);
  });

  it('keeps each row its own cached results and styles', () => {
    const data = seed('shanghai-2025-q3');
    const sheet = indicatorsOf(data);
    const latest = formulaColumns(sheet)[1];
    const values = sheet.rows.slice(1).map((row) => row.cells[latest]!.v);
    expect(new Set(values).size).toBeGreaterThan(3);
    // Latest is in its indicator's value format: the styles differ from row to row.
    const styles = new Set(sheet.rows.slice(1).map((row) => row.cells[latest]!.s));
    expect(styles.size).toBeGreaterThan(1);
  });

  it('writes a plain formula when there is only one indicator', () => {
    const data = seed('shanghai-2025-q3');
    const sheet = indicatorsOf({ ...data, indicators: data.indicators!.slice(0, 1) });
    for (const c of formulaColumns(sheet)) {
      expect(sheet.rows[1].cells[c]!.shares).toBeUndefined();
      expect(sheet.rows[1].cells[c]!.f).toEqual(expect.any(String));
    }
  });
});
