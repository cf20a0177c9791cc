/**
 * Issue 16: a report of a thousand indicators has a bounded number of chart
 * parts (the Dashboard charts DASHBOARD_CHARTS of them, plus its selector),
 * not one per indicator.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { buildReport } from '../../../../src/core/layout/build';
import type { Indicator, ReportData } from '../../../../src/core/schema';
import { DASHBOARD_CHARTS } from '../../../../src/core/template';
import { streamWorkbook } from '../../../../src/cli/xlsx/write/write-stream';
import { OPTIONS, quarterly } from '../../../support/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-bound-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thousandIndicators(): ReportData {
  const quarters = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
  const indicators = Array.from({ length: 1000 }, (_, i) => ({
    id: `IND-${i + 1}`,
    name: `Indicator ${i + 1}`,
    region: 'Province',
    kind: 'level',
    observations: quarters.map((period, k) => ({ period, value: i + k })),
    ...(i % 3 === 0 ? { target: { period: '2027', value: 2 * i } } : {}),
  })) as Indicator[];
  return { format: 'plan-report/v1', report: { title: 'Indicators', region: 'Province', period: '2025-Q3', date: '2025-10-20' }, indicators };
}

it('writes a bounded number of chart parts for 1,000 indicators', async () => {
  const file = path.join(dir, 'thousand.xlsx');
  await streamWorkbook(buildReport(quarterly, thousandIndicators(), 'en', OPTIONS), file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(parts).toHaveLength(DASHBOARD_CHARTS + 1);
  const drawings = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
  expect(drawings).toHaveLength(1);
});
