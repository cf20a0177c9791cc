/**
 * How a chart treats points without a value. A Dashboard line skips a period
 * that has no observation and is drawn on to the next one (dispBlanksAs
 * "span"): LibreOffice 7.4 draws an #N/A inside a line as 0 otherwise, which
 * reads as "the value fell to nothing". The Summary's bar charts keep gaps.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chartXml } from '../../../../src/cli/xlsx/write/chart-xml';
import { readData } from '../../../../src/core/data-file/read';
import { buildReport } from '../../../../src/core/layout/build';
import { OPTIONS, quarterly, ROOT } from '../../../support/fixtures';

const file = path.join(ROOT, 'seeds/shanghai-2025-q3.yaml');
const model = buildReport(quarterly, readData(readFileSync(file, 'utf8'), file), 'en', OPTIONS);
const charts = (key: string) => model.sheets.find((s) => s.key === key)!.charts ?? [];

describe('points without a value', () => {
  it('are spanned by the Dashboard lines', () => {
    expect(charts('dashboard').length).toBeGreaterThan(0);
    for (const chart of charts('dashboard')) {
      expect(chart.blanks).toBe('span');
      expect(chartXml(chart)).toContain('<c:dispBlanksAs val="span"/>');
    }
  });

  it('are gaps in the Summary charts', () => {
    expect(charts('summary').length).toBeGreaterThan(0);
    for (const chart of charts('summary')) expect(chartXml(chart)).toContain('<c:dispBlanksAs val="gap"/>');
  });
});
