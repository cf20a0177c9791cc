/**
 * A locked date cell holding a number no date has (a damaged file, or a
 * number typed over the sheet's protection) is a changed locked cell, said as
 * such, never an internal error (random damage found `serialToDate` throwing
 * RangeError for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockedValue, serialDate } from '../../../src/core/forms/values';
import { cli } from '../../support/fixtures';
import { cleanTemps, formSheet, loadBytes, tempDir } from '../../support/forms';

afterAll(cleanTemps);

describe('a locked date serial', () => {
  it('is its ISO date within 1900-01-01 .. 9999-12-31, in either date system', () => {
    expect(serialDate(45292, false)).toBe('2024-01-01');
    expect(serialDate(45292 - 1462, true)).toBe('2024-01-01');
    expect(serialDate(2958465, false)).toBe('9999-12-31');
  });

  it('is its own text when no date has it, so that it differs from any locked date', () => {
    for (const v of [1e20, -5, 0, 2958466, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(() => lockedValue('date', v)).not.toThrow();
      expect(lockedValue('date', v)).toBe(String(v));
    }
  });
});

describe('collect of a return whose locked due date holds 1e20', () => {
  it('refuses it naming the cell, exit 1, data file untouched', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    const text = [
      'format: plan-report/v1',
      'report: { title: Test, region: Haidian, period: 2024-Q3 }',
      'plans:',
      '  - id: P1',
      '    title: Plan one',
      '    measures:',
      '      - { id: M1, title: First, lead: Health Commission, due: 2024-12-31, status: in-progress }',
      '',
    ].join('\n');
    fs.writeFileSync(data, text);
    const form = path.join(dir, 'form.xlsx');
    expect((await cli('form', data, '--plan', 'P1', '--out', form)).code).toBe(0);
    const wb = await loadBytes(fs.readFileSync(form));
    const ws = formSheet(wb);
    expect(ws.getCell('E8').value).toBeInstanceOf(Date);
    ws.getCell('E8').value = 1e20;
    const back = path.join(dir, 'back.xlsx');
    fs.writeFileSync(back, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cli('collect', data, back);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/E8: .*locked/i);
    expect(r.err.join('\n')).not.toMatch(/internal error/);
    expect(fs.readFileSync(data, 'utf8')).toBe(text);
  }, 60_000);
});
