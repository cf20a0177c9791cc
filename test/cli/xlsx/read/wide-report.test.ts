/**
 * `extract` of reports an official changed in ways that made exceljs expand
 * every address (exceljs#1842, #2296, #2929): a data validation over the
 * whole sheet, 50,000 merged ranges. The bounded parts reader serves
 * extract (no exceljs): such a report is read, or refused, in about the time
 * of a normal report of the same size (compared with each other, never with
 * a clock limit).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { buildReport } from '../../../../src/core/layout/build';
import type { ReportData } from '../../../../src/core/schema';
import { cleanTemps, expectNoCrash, tempDir } from '../../../support/forms';
import { cli, OPTIONS, quarterly } from '../../../support/fixtures';
import { streamedBytes } from '../../../support/streamed-bytes';

afterAll(cleanTemps);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [
    {
      id: 'P',
      title: 'p',
      measures: Array.from({ length: 300 }, (_, i) => ({ id: `M${i}`, title: `measure ${i}`, status: 'in-progress' as const, lead: 'B', due: '2024-12-31' })),
    },
  ],
};

let dir: string;
let base: JSZip;
let measuresPart: string;
let measuresXml: string;
beforeAll(async () => {
  dir = tempDir();
  base = await JSZip.loadAsync(await streamedBytes(buildReport(quarterly, DATA, 'en', OPTIONS)));
  // The Measures sheet's part: the sheet whose XML holds the measures' ids.
  for (const name of Object.keys(base.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await base.file(name)!.async('string');
    if (xml.includes('M299')) [measuresPart, measuresXml] = [name, xml];
  }
}, 60_000);

/** The report with `inserted` put into the Measures sheet's XML before the element `before`. */
async function variant(before: string, inserted: string): Promise<string> {
  const at = measuresXml.indexOf(before);
  expect(at).toBeGreaterThan(0);
  const z = await JSZip.loadAsync(await base.generateAsync({ type: 'nodebuffer' }));
  z.file(measuresPart, measuresXml.slice(0, at) + inserted + measuresXml.slice(at));
  const f = path.join(dir, `v${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(f, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return f;
}

/** `extract` of the file: the best of 3 runs in ms, its exit code, and the measures it read. */
async function timeExtract(file: string): Promise<{ ms: number; code: number; measures?: number }> {
  let best = Infinity;
  let code = -1;
  for (let i = 0; i < 3; i++) {
    const out = path.join(dir, `out${Math.random().toString(36).slice(2)}.yaml`);
    const t = process.hrtime.bigint();
    const r = await cli('extract', file, '--out', out);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    expectNoCrash(r);
    code = r.code;
  }
  const measures =
    code === 0 ? Number(/\((\d+) measures/.exec((await cli('extract', file, '--out', path.join(dir, 'last.yaml'), '--force')).stdout)?.[1]) : undefined;
  return { ms: best, code, measures };
}

/** The same bytes inside an XML comment: a normal report of the same size (and packing). */
const asComment = (s: string) => `<!--${s.replace(/--/g, '__')}-->`;

describe('extract of a report an official widened', () => {
  it('a data validation over A1:XFD1048576 is read, in about the time of a normal report of its size', async () => {
    const dv = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b,c"</formula1></dataValidation></dataValidations>`;
    // Where Excel puts it: after the sheet's own validations' place, before the print setup.
    const hostile = await timeExtract(await variant('<pageMargins', dv));
    const normal = await timeExtract(await variant('<pageMargins', asComment(dv)));
    expect([hostile.code, hostile.measures]).toEqual([0, 300]);
    expect([normal.code, normal.measures]).toEqual([0, 300]);
    expect(hostile.ms).toBeLessThan(10 * normal.ms + 100);
  }, 60_000);

  it('50,000 merged ranges are read, in about the time of a normal report of their size', async () => {
    // Two cells each, in a notes area to the right of the data, one per row.
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="AA${i + 2}:AB${i + 2}"/>`).join('');
    const cells = `<mergeCells count="50000">${merges}</mergeCells>`;
    const before = measuresXml.includes('<mergeCells') ? '<mergeCells' : '<pageMargins';
    const hostile = await timeExtract(await variant(before, cells));
    const normal = await timeExtract(await variant(before, asComment(cells)));
    expect([hostile.code, hostile.measures]).toEqual([0, 300]);
    expect(normal.code).toBe(0);
    expect(hostile.ms).toBeLessThan(10 * normal.ms + 100);
  }, 60_000);

  it('50,000 merged ranges stacked over the same cells are refused, in about the time of a normal report of their size', async () => {
    // Each over a hundred rows of the status column: 5,000,000 cells, as many as a report may have.
    const merges = `<mergeCell ref="G2:G101"/>`.repeat(50_000);
    const cells = `<mergeCells count="50000">${merges}</mergeCells>`;
    const before = measuresXml.includes('<mergeCells') ? '<mergeCells' : '<pageMargins';
    const hostile = await timeExtract(await variant(before, cells));
    const normal = await timeExtract(await variant(before, asComment(cells)));
    expect(hostile.code).toBe(1); // overlapping merges: Excel never saves them
    expect(normal.code).toBe(0);
    expect(hostile.ms).toBeLessThan(10 * normal.ms + 100);
  }, 60_000);
});
