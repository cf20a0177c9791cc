/**
 * Issue 13 in the add-in: an earlier report of the same region already in the
 * workbook is the previous one of the report built into it; another region,
 * or the same period, is replaced with no comparison; no report, nothing.
 */
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { previousInWorkbook } from '../../../src/addin/excel/previous';
import { buildReport } from '../../../src/core/layout/build';
import type { ReportData } from '../../../src/core/schema';
import { OPTIONS, quarterly } from '../../support/fixtures';
import { FakeExcel } from '../fake-excel/host';
import { previousFromFile } from '../../../src/addin/xlsx/read-previous';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import { InputError } from '../../../src/core/errors';
import { model, seed } from '../support';

const later = (data: ReportData, period: string, edit: (d: ReportData) => void = () => undefined): ReportData => {
  const d = structuredClone(data);
  d.report = { ...d.report, period };
  delete d.report.date;
  edit(d);
  return d;
};

describe('building into a workbook that holds an earlier report', () => {
  it('uses that report as the previous one, and says both periods', async () => {
    const host = new FakeExcel(['My notes']);
    await buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')));
    const q4 = later(seed('beijing-2022-q3'), '2022-Q4', (d) => {
      const m = d.plans![0].measures.find((x) => x.status === 'in-progress')!;
      Object.assign(m, { status: 'completed', completed: '2022-11-01' });
    });
    const found = await previousInWorkbook(host.run, q4);
    expect(found).toMatchObject({ from: '2022-Q3', to: '2022-Q4' });
    if (!found || !('previous' in found)) throw new Error('no previous report found');
    const m = buildReport(quarterly, q4, 'en', { ...OPTIONS, previous: found.previous });
    await buildReportInWorkbook(host.run, m);
    const changes = m.sheets.find((s) => s.key === 'changes')!;
    expect(changes.rows[2].cells[1]?.v).toBe(2); // status and completion date of the one measure
    // The new report, built over the old one, carries its trend: built again for 2023-Q1, it has two earlier points.
    const again = await previousInWorkbook(host.run, later(q4, '2023-Q1'));
    expect(again).toMatchObject({ from: '2022-Q4', to: '2023-Q1' });
    expect(again && 'previous' in again ? again.previous.history.map((s) => s.period) : []).toEqual(['2022-Q3']);
  });

  it('does not compare with a report of another region or of the same period: it says why', async () => {
    const host = new FakeExcel();
    await buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')));
    expect(await previousInWorkbook(host.run, seed('beijing-2022-q3'))).toEqual({ reason: expect.stringMatching(/the same period/) });
    expect(await previousInWorkbook(host.run, later(seed('suzhou-2022-q3'), '2022-Q4'))).toEqual({ reason: expect.stringMatching(/of "Beijing"/) });
  });

  it('finds nothing in a workbook without a report', async () => {
    expect(await previousInWorkbook(new FakeExcel(['Budget']).run, seed('beijing-2022-q3'))).toBeUndefined();
  });
});

describe('a previous report chosen as a file', () => {
  it('is read in the browser within the bounds, as generate --since reads it', async () => {
    const bytes = new Uint8Array(await xlsxBytes(model(seed('beijing-2022-q3'))));
    const found = await previousFromFile(bytes, 'q3.xlsx', later(seed('beijing-2022-q3'), '2023-Q1'));
    expect(found).toMatchObject({ from: '2022-Q3', to: '2023-Q1', note: expect.stringContaining('skips the periods') });
    expect(found.previous.snapshot.figures.Plan_BJ_OPEN_2022_Completed).toBe(38);
  });

  it('is refused with a plain input problem when damaged, or of the same period', async () => {
    const bytes = new Uint8Array(await xlsxBytes(model(seed('beijing-2022-q3'))));
    await expect(previousFromFile(bytes.subarray(0, 3000), 'cut.xlsx', seed('beijing-2022-q3'))).rejects.toThrow(/cut\.xlsx.*not a complete \.xlsx workbook/);
    await expect(previousFromFile(bytes.subarray(0, 3000), 'cut.xlsx', seed('beijing-2022-q3'))).rejects.toBeInstanceOf(InputError);
    await expect(previousFromFile(bytes, 'q3.xlsx', seed('beijing-2022-q3'))).rejects.toThrow(/the same period/);
  });
});
