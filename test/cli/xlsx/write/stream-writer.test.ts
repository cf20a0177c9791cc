/**
 * The streaming writer against the document-API (exceljs) writer: the same
 * layout model read back from both files is the same workbook, cell for cell
 * (values, formulas, styles), with the same names, validations, formats,
 * views, print setup and charts.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { buildReport } from '../../../../src/core/layout/build';
import { STATUSES, type ReportData } from '../../../../src/core/schema';
import { materialize } from '../../../../src/core/layout/rows';
import { xlsxBytes } from '../../../support/exceljs/xlsx-bytes';
import { streamWorkbook } from '../../../../src/cli/xlsx/write/write-stream';
import { reportData } from '../../../support/arbitrary-data';
import { OPTIONS, quarterly, ROOT } from '../../../support/fixtures';
import { sinceModel } from '../../../support/since';
import type { Workbook } from '../../../../src/core/layout/model';
import { readData } from '../../../../src/core/data-file/read';

const seed = (name: string): ReportData => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 1,000 measures over 4 plans, a catalog of 200 entries, 20 indicators of 8 quarters: tricky text included. */
function thousandRows(): ReportData {
  const tricky = ['=HYPERLINK("http://x","y")', '+1', '-2', '@x', "'abc", ' padded ', 'line\nbreak', '医疗器械 🧬', 'a*b?c~'];
  return {
    format: 'plan-report/v1',
    report: { title: '全省生物医药: 2024-Q2', region: 'Province', period: '2024-Q2', date: '2024-06-20' },
    plans: Array.from({ length: 4 }, (_, p) => ({
      id: `P-${p}`,
      title: `Plan ${p}`,
      groups: ['Municipal', 'National', 'District'],
      measures: Array.from({ length: 250 }, (_, i) => ({
        id: `M${i}`,
        title: `${tricky[i % tricky.length]} measure ${i}`,
        group: ['Municipal', 'National', 'District'][i % 3],
        ...(i % 4 ? { lead: `Department ${i % 13}` } : {}),
        ...(i % 5 ? { due: `2024-${String((i % 12) + 1).padStart(2, '0')}-15` } : {}),
        status: STATUSES[i % STATUSES.length],
        ...(i % 7 === 0 ? { completed: '2024-03-01', progress: 1 } : {}),
        ...(i % 3 === 0 ? { note: tricky[(i + 3) % tricky.length] } : {}),
      })),
    })),
    catalogs: [
      {
        id: 'C1',
        title: 'Catalog',
        issued: '2021-11',
        entries: Array.from({ length: 200 }, (_, i) => ({
          product: `Product ${i}`,
          enterprise: `Enterprise ${i % 37}`,
          category: (['drug', 'device', 'other'] as const)[i % 3],
          ...(i % 2 ? { hospitals: i % 5 } : {}),
        })),
      },
    ],
    indicators: Array.from({ length: 20 }, (_, k) => ({
      id: `I${k}`,
      name: `Indicator ${k}`,
      baseline: { period: '2020', value: 100 + k },
      target: { period: '2027', value: 400 + k },
      observations: Array.from({ length: 8 }, (_, q) => ({ period: `${2022 + Math.floor(q / 4)}-Q${(q % 4) + 1}`, value: 120 + k + q * 5 })),
    })),
  };
}

function styleOf(cell: ExcelJS.Cell) {
  const f = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const a = cell.alignment ?? {};
  return {
    numFmt: cell.numFmt || 'General',
    bold: !!f.bold,
    italic: !!f.italic,
    size: f.size ?? 11,
    color: f.color?.argb,
    fill: fill?.pattern === 'solid' ? fill.fgColor?.argb : undefined,
    h: a.horizontal,
    v: a.vertical,
    wrap: !!a.wrapText,
  };
}

function valueOf(cell: ExcelJS.Cell): unknown {
  if (cell.formula) return { formula: cell.formula, result: cell.result ?? null };
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return v ?? null;
}

/** Everything a workbook file holds that the model decides, as plain data to compare. */
async function describe_(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null && !cell.formula) return;
        cells[cell.address] = { value: valueOf(cell), style: styleOf(cell) };
      }),
    );
    const m = ws as unknown as {
      dataValidations: { model: Record<string, unknown> };
      conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; style?: { numFmt?: { formatCode?: string } } }[] }[];
    };
    return {
      name: ws.name,
      state: ws.state,
      cells,
      widths: ws.columns.map((c) => [c.width, !!c.hidden]),
      heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height ?? null),
      merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      freeze: (ws.views ?? [])
        .filter((v) => v.state === 'frozen')
        .map((v) => [v.state, (v as ExcelJS.WorksheetViewFrozen).ySplit ?? 0, (v as ExcelJS.WorksheetViewFrozen).xSplit ?? 0]),
      autoFilter: ws.autoFilter ?? null,
      validations: Object.keys(m.dataValidations.model).length,
      validationAt: ['G2', 'D2', 'C2', 'F2', 'G1051'].map((a) => {
        const v = m.dataValidations.model[a] as { type?: string; formulae?: unknown[] } | undefined;
        return v ? [v.type, v.formulae] : null;
      }),
      formats: m.conditionalFormattings.map((c) => [c.ref, c.rules.map((r) => [r.type, r.formulae ?? [], r.style?.numFmt?.formatCode ?? null])]),
      page:
        ws.state !== 'visible'
          ? null
          : [
              ws.pageSetup.paperSize,
              ws.pageSetup.orientation,
              ws.pageSetup.fitToPage,
              ws.pageSetup.fitToWidth,
              ws.pageSetup.fitToHeight,
              ws.headerFooter?.oddHeader,
              ws.headerFooter?.oddFooter,
            ],
    };
  });
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model
    .filter((n) => !n.name.startsWith('_xlnm'))
    .map((n) => [n.name, n.ranges.map((r) => r.replace(/'/g, ''))])
    .sort();
  const zip = await JSZip.loadAsync(readFileSync(file));
  const charts = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort()
      .map((f) => zip.file(f)!.async('string')),
  );
  return { sheets, names, charts };
}

async function bothWriters(data: ReportData, name: string, built?: Workbook) {
  const model = built ?? buildReport(quarterly, data, data.report.locale ?? 'en', OPTIONS);
  const doc = path.join(dir, `${name}-doc.xlsx`);
  const streamed = path.join(dir, `${name}-stream.xlsx`);
  fs.writeFileSync(doc, await xlsxBytes(model));
  await streamWorkbook(model, streamed);
  return { doc: await describe_(doc), streamed: await describe_(streamed) };
}

describe('streaming writer', () => {
  it('writes the same workbook as the document API at 1,000 rows, cell for cell', async () => {
    const { doc, streamed } = await bothWriters(thousandRows(), 'thousand');
    expect(streamed.sheets.map((s) => s.name)).toEqual(doc.sheets.map((s) => s.name));
    for (const [i, s] of streamed.sheets.entries()) {
      const d = doc.sheets[i];
      expect(Object.keys(s.cells).length).toBe(Object.keys(d.cells).length);
      for (const key of Object.keys(d) as (keyof typeof d)[]) expect({ sheet: s.name, key, value: s[key] }).toEqual({ sheet: s.name, key, value: d[key] });
    }
    expect(streamed.sheets.find((s) => s.name === 'Measures')!.cells.A1001).toBeDefined();
    expect(streamed.names).toEqual(doc.names);
    expect(streamed.charts).toEqual(doc.charts);
    expect(streamed.charts.length).toBeGreaterThan(20);
  });

  it('writes the same workbook for a report made --since a previous one (issue 13)', async () => {
    const data = seed('suzhou-2022-q3');
    const { doc, streamed } = await bothWriters(data, 'since', await sinceModel(data, 'zh-CN'));
    expect(streamed.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['变化情况', '趋势']));
    expect(streamed).toEqual(doc);
    expect(streamed.charts.some((c) => JSON.stringify(c).includes('各期完成率'))).toBe(true);
  });

  it('writes the same Dashboard selector (a dropdown of a range, its formats and chart) as the document API (issue 16)', async () => {
    const data = thousandRows();
    const t = { ...quarterly, sections: quarterly.sections.map((sec) => (sec.section === 'dashboard' ? { ...sec, charts: 3 } : sec)) };
    for (const locale of ['en', 'zh-CN'] as const) {
      const { doc, streamed } = await bothWriters(data, `selector-${locale}`, buildReport(t, data, locale, OPTIONS));
      expect(streamed).toEqual(doc);
      expect(JSON.stringify(streamed.sheets)).toContain('$P$1:$P$20');
      // The Summary's three, the selector's and three indicators'.
      expect(streamed.charts).toHaveLength(7);
    }
  });

  it('writes the same workbook for random data sets', async () => {
    const samples = fc.sample(reportData, { numRuns: 8, seed: 5 });
    for (const [i, data] of samples.entries()) {
      const { doc, streamed } = await bothWriters(data, `random-${i}`);
      expect(streamed).toEqual(doc);
    }
  });

  it('protects sheets and leaves fillable cells unlocked, as the document API does', async () => {
    const model = buildReport(quarterly, thousandRows(), 'en', OPTIONS);
    const at = model.sheets.findIndex((x) => x.key === 'measures');
    const measures = (model.sheets[at] = materialize(model.sheets[at]));
    measures.protection = {};
    const status = measures.table!.fields.indexOf('status');
    for (const row of measures.rows.slice(1)) if (row.cells[status]) row.cells[status] = { ...row.cells[status]!, locked: false };
    measures.rows[1].cells[15] = { v: null, locked: false };
    const doc = path.join(dir, 'protected-doc.xlsx');
    const streamed = path.join(dir, 'protected-stream.xlsx');
    fs.writeFileSync(doc, await xlsxBytes(model));
    await streamWorkbook(model, streamed);
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('Measures')!;
      const sp = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      return { sp, g2: ws.getCell('G2').protection, a2: ws.getCell('A2').protection ?? {}, p2: ws.getCell('P2').protection };
    };
    const [d, st] = [await read(doc), await read(streamed)];
    expect(st).toEqual(d);
    expect(st.g2).toMatchObject({ locked: false });
    expect(st.sp).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
  });

  it('protects the workbook structure when the model asks, with or without a password', async () => {
    for (const password of [undefined, 'secret']) {
      const model = { ...buildReport(quarterly, thousandRows(), 'en', OPTIONS), structureProtection: { password } };
      const file = path.join(dir, `structure-${password ?? 'none'}.xlsx`);
      await streamWorkbook(model, file);
      const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/workbook.xml')!.async('string');
      const tag = /<workbookProtection[^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(tag).toContain('lockStructure="1"');
      if (password)
        expect(tag).toMatch(
          /workbookAlgorithmName="SHA-512" workbookHashValue="[A-Za-z0-9+/=]{88}" workbookSaltValue="[A-Za-z0-9+/=]{24}" workbookSpinCount="100000"/,
        );
      else expect(tag).not.toContain('HashValue');
      // Still a workbook exceljs reads, in the element order the schema asks (workbookPr, workbookProtection, bookViews).
      expect(xml.indexOf('<workbookPr')).toBeLessThan(xml.indexOf('<workbookProtection'));
      expect(xml.indexOf('<workbookProtection')).toBeLessThan(xml.indexOf('<bookViews'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.length).toBe(model.sheets.length);
    }
  });

  it('leaves no file behind when it cannot write, and never overwrites an input', async () => {
    const model = buildReport(quarterly, thousandRows(), 'en', OPTIONS);
    const input = path.join(dir, 'input.yaml');
    fs.writeFileSync(input, 'x');
    await expect(streamWorkbook(model, input, [input])).rejects.toThrow('is also an input');
    await expect(streamWorkbook(model, dir)).rejects.toThrow('is a directory');
    expect(readFileSync(input, 'utf8')).toBe('x');
  });
});
