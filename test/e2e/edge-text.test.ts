/**
 * Text that breaks naive spreadsheets, one case per cell: 32,767-character
 * cells, newlines, and a leading = + - @ or ' — through a report (generate ->
 * extract) and through a form (form -> filled -> collect), always as text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../src/core/layout/build';
import { readReportWorkbook } from '../../src/core/read/report-reader';
import { collectReturns } from '../../src/core/forms/collect';
import { HEAD } from '../../src/core/forms/form';
import type { ReportData } from '../../src/core/schema';
import { exceljsGrid } from '../support/exceljs/reader';
import { xlsxBytes } from '../support/exceljs/xlsx-bytes';
import { encodeXstring } from '../../src/cli/xlsx/xstring';
import { readBack } from '../support/read-back';
import { cleanTemps, formBytes, loadBytes, tempDir } from '../support/forms';
import { cli, OPTIONS, quarterly } from '../support/fixtures';

afterAll(cleanTemps);

const LEADING = ['=1+1', '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1', '+cmd', '-2', '-x', '@x', '@SUM(A1)', "'abc", "''", '\t=x'];
const LONG = '长'.repeat(10000) + 'x\n'.repeat(5000) + 'y'.repeat(12767);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: LONG, region: '=R', period: '2024-Q2' },
  plans: [
    {
      id: 'P',
      title: '+plan',
      source: LONG,
      measures: [
        ...LEADING.map((t, i) => ({ id: `L${i}`, title: t, lead: t, note: t, status: 'in-progress' as const })),
        { id: 'long', title: LONG, lead: LONG, note: LONG, status: 'delayed' as const },
        { id: 'lines', title: 'one\ntwo\r\nthree\rfour', note: '\n\nleading newlines', status: 'completed' as const },
      ],
    },
  ],
  catalogs: [{ id: 'C', title: '@catalog', entries: [{ product: LONG, enterprise: "'quoted", category: 'device', registration: '-007' }] }],
  indicators: [{ id: 'I', name: LONG, unit: '=unit', observations: [{ period: '2024-Q2', value: 1 }] }],
};

describe('text that looks like a formula, and the longest cells', () => {
  it('generate -> extract gives the same data, cell by cell', async () => {
    expect(LONG.length).toBe(32767);
    const wb = await loadBytes(await xlsxBytes(buildReport(quarterly, DATA, 'en', OPTIONS)));
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((c) => expect(typeof c.formula === 'string' && LEADING.includes(`=${c.formula}`)).toBe(false)));
    expect(readReportWorkbook(exceljsGrid(wb), 'x.xlsx')).toEqual(DATA);
  });

  it('form -> unfilled -> collect changes nothing; filled with the same texts, collect gives them back as text', async () => {
    const data = structuredClone(DATA);
    const wb = await loadBytes(await formBytes(data, { kind: 'measures', plan: 'P' }));
    expect(collectReturns(data, [await readBack(wb, data)]).rows).toEqual([]);
    const ws = wb.getWorksheet('Measures')!;
    // (exceljs, the test's stand-in for a department's program, saves CR LF as LF; line ends alone are no change.)
    const notes = [...LEADING.slice(1), LONG, 'one\ntwo\nthree', '\u0007bell'];
    // Typed as Excel stores them (a control character as _x0007_).
    notes.forEach((n, i) => (ws.getCell(HEAD.header + 1 + i, 9).value = encodeXstring(n)));
    const result = collectReturns(data, [await readBack(wb, data)]);
    expect(result.data.plans![0].measures.slice(0, notes.length).map((m) => m.note)).toEqual(notes);
  });

  it('extract refuses a form, saying how to collect it', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'form.xlsx');
    fs.writeFileSync(f, await formBytes(DATA, { kind: 'measures', plan: 'P' }));
    const r = await cli('extract', f, '--out', path.join(dir, 'x.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${f}: is a form made by \`plan-report form\`, not a report; expected a report workbook (fold a returned form into the data file with \`plan-report collect DATA FORM...\`)`,
    ]);
    expect(fs.readdirSync(dir)).toEqual(['form.xlsx']);
  });
});
