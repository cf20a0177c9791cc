/**
 * The add-in on older Excel, against fake hosts of the requirement sets
 * Microsoft's pages give them (fake-excel/host.ts HOSTS): the report builds
 * on ExcelApi 1.8 and 1.7 without what those lack (print setup, filters,
 * indentation; drop-down lists and chart number formats on 1.7), and where
 * Excel has no dynamic arrays each FREQUENCY count gets a formula of its own.
 * The figures, recalculated by LibreOffice (which, like Excel without dynamic
 * arrays, computes a one-cell array formula in that cell only), equal the
 * core's and the full build's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { xlsxBytes } from '../../support/exceljs/xlsx-bytes';
import { frequencyCell, withoutArrayFormulas } from '../../../src/addin/excel/array-formulas';
import { ALL_FEATURES, hostCapabilities, missingNote } from '../../../src/addin/excel/capabilities';
import { buildReportInWorkbook } from '../../../src/addin/excel/report';
import { checkWorkbook, insertCharts } from '../../../src/addin/excel/workbook';
import type { Workbook } from '../../../src/core/layout/model';
import type { Locale, ReportData } from '../../../src/core/schema';
import { reportData } from '../../support/arbitrary-data';
import { recalculate } from '../../support/libreoffice';
import { expectedFigures, figureDifferences, readNamedCells } from '../../support/named-figures';
import { describeFake, type DSheet, type DWorkbook } from '../compare';
import { FakeExcel, HOSTS, type HostOptions } from '../fake-excel/host';
import { fakeWorkbookXlsx } from '../fake-xlsx';
import { model, seed } from '../support';

/** Builds the model into a new workbook on a host, with the features it has. */
async function buildOn(options: HostOptions, m: Workbook): Promise<FakeExcel> {
  const host = new FakeExcel(['Sheet1'], options);
  const { core, features } = hostCapabilities(host.requirements);
  expect(core).toBe(true);
  await buildReportInWorkbook(host.run, m, undefined, undefined, features);
  return host;
}

/** A description without what older Excel leaves out, and without the counts' formulas (compared apart). */
function comparable(d: DWorkbook, without: { validations?: boolean } = {}): DWorkbook {
  const sheet = (s: DSheet): DSheet => {
    const { print: _print, autoFilter: _filter, validations, ...rest } = s;
    // The counts of _figures: one spilled formula, or one formula a cell.
    const isCount = (v: DSheet['cells'][string]['value']) => typeof v === 'object' && 'formula' in v && /^(IFERROR\(FREQUENCY|COUNTIFS?)\(/.test(v.formula);
    const cells = Object.fromEntries(
      Object.entries(s.cells)
        .map(([a, { indent: _indent, ...c }]) => [a, s.name === '_figures' && isCount(c.value) ? { ...c, value: undefined } : c] as const)
        .map(([a, c]) => [a, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))])
        .filter(([, c]) => Object.keys(c).length),
    );
    return { ...rest, cells, validations: without.validations ? [] : validations };
  };
  return { ...d, sheets: d.sheets.map(sheet) };
}

describe('what the pane learns of each Excel', () => {
  it.each([
    ['full', true, undefined],
    ['noDynamicArrays', true, undefined],
    ['excel2019', true, 'print'],
    ['excel2019early', true, 'validation'],
    ['excel2016', false, 'validation'],
  ] as const)('%s: core %s, note %s', (name, core, note) => {
    const caps = hostCapabilities(new FakeExcel(['Sheet1'], HOSTS[name]).requirements);
    expect({ core: caps.core, note: missingNote(caps.features) }).toEqual({ core, note });
  });
});

describe('an older Excel builds the report without what it lacks', () => {
  const m = model(seed('suzhou-2022-q3'));
  const names = m.sheets.map((s) => s.name);
  let full: FakeExcel;
  beforeAll(async () => {
    full = await buildOn(HOSTS.full, m);
  });

  it.each(['excel2019', 'excel2019early', 'noDynamicArrays'] as const)('%s', async (name) => {
    const host = await buildOn(HOSTS[name], m);
    const lacksValidation = name === 'excel2019early';
    expect(comparable(describeFake(host, names), { validations: lacksValidation })).toEqual(
      comparable(describeFake(full, names), { validations: lacksValidation }),
    );
    const measures = host.sheet(names[m.sheets.findIndex((s) => s.key === 'measures')]);
    const hasPrint = name === 'noDynamicArrays';
    expect({ print: Object.keys(measures.pageLayout.headersFooters).length > 0, filter: !!measures.autoFilter }).toEqual({ print: hasPrint, filter: hasPrint });
    expect(measures.validations.length > 0).toBe(!lacksValidation);
    // Each count of _figures is a formula of its own: no cell waits for a spill.
    const calc = host.sheet('_figures');
    const counts = [...calc.cells.entries()].filter(([, c]) => /^=COUNTIFS?\(/.test(c.formula ?? ''));
    expect(counts.length).toBe(m.sheets.find((s) => s.key === 'calc')!.rows.flatMap((r) => r.cells.filter((c) => c?.array || c?.spilled)).length);
    // Charts are all there; their number formats only where Excel has ExcelApi 1.8.
    const charts = m.sheets.flatMap((s) => host.sheet(s.name).charts);
    expect(charts.length).toBe(m.sheets.reduce((n, s) => n + (s.charts?.filter((c) => c.series.length).length ?? 0), 0));
    expect(charts.every((c) => (c.valueAxis.numberFormat !== undefined) === !lacksValidation)).toBe(true);
  });

  it('and the report checks, and its charts are inserted again, there', async () => {
    const host = await buildOn(HOSTS.excel2019early, m);
    const { features } = hostCapabilities(host.requirements);
    expect((await checkWorkbook(host.run)).ok).toBe(true);
    expect(await insertCharts(host.run, 'plan-report test', features)).toBeGreaterThan(0);
  });

  it('an Excel refuses what is newer than it has: the full build on ExcelApi 1.8 fails, and leaves the workbook as it was', async () => {
    const host = new FakeExcel(['Sheet1'], HOSTS.excel2019);
    const before = host.snapshot();
    await expect(buildReportInWorkbook(host.run, m, undefined, undefined, ALL_FEATURES)).rejects.toThrow(/ApiNotFound|could not be found/);
    expect(host.snapshot()).toEqual(before);
  });
});

describe('array formulas cell by cell', () => {
  it('count what FREQUENCY counts in each cell: up to the first bin, then above the previous bin up to this one', () => {
    const f = "IFERROR(FREQUENCY('My, sheet'!$K$2:$K$1048576,$B$2:$B$5),0)";
    expect(frequencyCell(f, 0)).toBe(`COUNTIF('My, sheet'!$K$2:$K$1048576,"<="&$B$2)`);
    expect(frequencyCell(f, 3)).toBe(`COUNTIFS('My, sheet'!$K$2:$K$1048576,">"&$B$4,'My, sheet'!$K$2:$K$1048576,"<="&$B$5)`);
    expect(() => frequencyCell(f, 4)).toThrow('outside the bins');
    expect(() => frequencyCell('SUM(A1:A3)', 0)).toThrow('cannot be written on an Excel without dynamic arrays');
  });

  it('every array formula the layout builds is one they can write', () => {
    const models = [
      ...(['en', 'zh-CN'] as Locale[]).flatMap((l) =>
        ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1'].map((s) => model(seed(s), l)),
      ),
      ...fc.sample(reportData, { numRuns: 20, seed: 20260301 }).map((d) => model(d)),
    ];
    for (const mm of models) {
      for (const sheet of mm.sheets) {
        const flat = withoutArrayFormulas(sheet);
        expect(flat.rows.some((r) => r.cells.some((c) => c?.array || c?.spilled))).toBe(false);
        // Cached values and styles stay.
        sheet.rows.forEach((r, i) =>
          r.cells.forEach((c, j) => expect({ v: flat.rows[i].cells[j]?.v, s: flat.rows[i].cells[j]?.s }).toEqual({ v: c?.v, s: c?.s })),
        );
      }
    }
  });
});

describe('the figures of an older Excel equal the full build', () => {
  const cases: { label: string; data: ReportData; host: HostOptions; template?: string; locale?: Locale }[] = [
    ...['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1'].map((s) => ({
      label: `${s} on ExcelApi 1.8`,
      data: seed(s),
      host: HOSTS.excel2019,
    })),
    { label: 'suzhou-2022-q3 (zh-CN) on ExcelApi 1.7', data: seed('suzhou-2022-q3'), host: HOSTS.excel2019early, locale: 'zh-CN' },
    { label: 'beijing-2022-q3 (measures-only) on ExcelApi 1.7', data: seed('beijing-2022-q3'), host: HOSTS.excel2019early, template: 'measures-only' },
    { label: 'shanghai-2025-q3 on an updated Excel 2019 (no dynamic arrays)', data: seed('shanghai-2025-q3'), host: HOSTS.noDynamicArrays },
    ...fc.sample(reportData, { numRuns: 6, seed: 20260302 }).map((data, i) => ({ label: `random data set ${i} on ExcelApi 1.8`, data, host: HOSTS.excel2019 })),
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-versions-'));
  /** Per case: the add-in's workbook and the command line's (the full build), recalculated. */
  const recalculated: { addin: string; cli: string }[] = [];
  let spilledOnOld = '';

  beforeAll(async () => {
    const inputs: string[] = [];
    for (const [i, c] of cases.entries()) {
      const m = model(c.data, c.locale ?? 'en', c.template ?? 'quarterly');
      const host = await buildOn(c.host, m);
      inputs.push(path.join(dir, `addin-${i}.xlsx`), path.join(dir, `cli-${i}.xlsx`));
      writeFileSync(inputs[inputs.length - 2], await fakeWorkbookXlsx(host));
      writeFileSync(inputs[inputs.length - 1], await xlsxBytes(m));
    }
    // The full build's spilled formulas, saved by an Excel that does not spill them.
    const spilled = await buildOn(HOSTS.full, model(cases[1].data));
    inputs.push(path.join(dir, 'spilled-on-old.xlsx'));
    writeFileSync(inputs[inputs.length - 1], await fakeWorkbookXlsx(spilled));
    const out = await recalculate(inputs, path.join(dir, 'recalculated'), { timeoutMs: 240_000 });
    cases.forEach((_, i) => recalculated.push({ addin: out[2 * i], cli: out[2 * i + 1] }));
    spilledOnOld = out[out.length - 1];
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases.map((c, i) => [c.label, i] as const))('%s', async (_label, i) => {
    const c = cases[i];
    const parts = c.template === 'measures-only' ? { plans: true, catalogs: false, indicators: false } : undefined;
    const expected = expectedFigures(c.data, parts);
    const addin = await readNamedCells(recalculated[i].addin);
    expect(figureDifferences(addin, expected)).toEqual([]);
    const cli = await readNamedCells(recalculated[i].cli);
    expect(Object.fromEntries([...addin].map(([k, v]) => [k, v.value]))).toEqual(Object.fromEntries([...cli].map(([k, v]) => [k, v.value])));
  });

  it('while the spilled formulas, on an Excel without dynamic arrays, would count wrong', async () => {
    expect(figureDifferences(await readNamedCells(spilledOnOld), expectedFigures(cases[1].data)).length).toBeGreaterThan(0);
  });
});
