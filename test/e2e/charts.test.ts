/**
 * Native charts end to end: LibreOffice opens a generated report, recalculates
 * and re-saves it, and the re-saved package still holds every chart bound to
 * the same ranges; the bars are visible on the Summary's first page; and when
 * a status changes in the workbook, the chart's series values follow.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readData } from '../../src/core/data-file/read';
import { monthIndex, period } from '../../src/core/periods';
import type { ReportData } from '../../src/core/schema';
import { buildReport } from '../../src/core/layout/build';
import type { Workbook } from '../../src/core/layout/model';
import { sheetRows } from '../../src/core/layout/rows';
import { SERIES_COLORS } from '../../src/core/layout/styles';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';
import { convertToPdf, recalculate } from '../support/libreoffice';
import { OPTIONS, quarterly } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'charts');
const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);
const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ChartPart {
  title: string;
  refs: string[];
  values: (number | null)[][];
}

/** Every chart part of a package: its title, the ranges its series point at, and their cached values. */
async function chartsOf(file: string): Promise<ChartPart[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files)
    .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    parts.map(async (p) => {
      const xml = await zip.file(p)!.async('string');
      const title = [...(/<c:title>[\s\S]*?<\/c:title>/.exec(xml)?.[0] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((m) => m[1])
        .join('')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      // Ranges only: LibreOffice writes a series name as a literal formula ("Completion rate").
      const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/'|&apos;/g, '')).filter((f) => f.includes('!'));
      const values = [...xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) => {
        const count = Number(/<c:ptCount val="(\d+)"/.exec(m[1])![1]);
        const out: (number | null)[] = Array(count).fill(null);
        for (const pt of m[1].matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(pt[1])] = Number(pt[2]);
        return out;
      });
      return { title, refs, values };
    }),
  );
}

function modelCharts(model: Workbook): ChartPart[] {
  return model.sheets.flatMap((s) =>
    (s.charts ?? []).map((c) => ({
      title: c.title,
      refs: c.series.flatMap((x) => [x.categories, x.values]).map((r) => r.replace(/'/g, '')),
      values: c.series.map((x) => x.cache.values),
    })),
  );
}

/** Sets one cell of a sheet to inline text, straight in the package (exceljs would drop the charts on save). */
async function setCellText(file: string, out: string, sheetPart: string, ref: string, text: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file(sheetPart)!.async('string');
  const re = new RegExp(`<c r="${ref}"([^>]*)>[\\s\\S]*?</c>`);
  const found = re.exec(xml);
  expect(found).not.toBeNull();
  const attrs = found![1].replace(/\s*t="[^"]*"/, '');
  zip.file(sheetPart, xml.replace(re, `<c r="${ref}"${attrs} t="inlineStr"><is><t>${text}</t></is></c>`));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** The share of a PPM image's pixels close to an RGB colour. */
function colourShare(ppmFile: string, rgb: string): number {
  const buf = readFileSync(ppmFile);
  const header = buf.subarray(0, 40).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = buf.length - w * h * 3;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  let hits = 0;
  for (let i = start; i < buf.length; i += 3) if (Math.abs(buf[i] - r) + Math.abs(buf[i + 1] - g) + Math.abs(buf[i + 2] - b) < 30) hits++;
  return hits / (w * h);
}

const models = {
  beijing: buildReport(quarterly, seed('beijing-2022-q3'), 'en', OPTIONS),
  suzhou: buildReport(quarterly, seed('suzhou-2022-q3'), 'en', OPTIONS),
  shanghai: buildReport(quarterly, seed('shanghai-2025-q3'), 'zh-CN', OPTIONS),
};
/**
 * Shanghai as an official edits it: an observation appended under the first
 * indicator that has some, the rows sorted by indicator id (not the
 * Indicators sheet's order), then a row added below the data. The model is
 * the generated one; only its Observations sheet is the edited one.
 */
function editedShanghai(): { model: Workbook; data: ReportData } {
  const data = seed('shanghai-2025-q3') as ReportData;
  const edited: ReportData = JSON.parse(JSON.stringify(data));
  const inds = edited.indicators!;
  inds.find((i) => i.id === 'YRD-ALLIANCE')!.observations.push({ period: '2024', value: 45 });
  const model = buildReport(quarterly, data, 'en', OPTIONS);
  const sorted = { ...edited, indicators: [...inds].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  const rows = buildReport(quarterly, sorted, 'en', OPTIONS).sheets.find((s) => s.key === 'observations')!;
  const below = buildReport(
    quarterly,
    { ...edited, indicators: [{ ...inds.find((i) => i.id === 'SH-C1-DRUGS')!, observations: [{ period: '2024', value: 7 }] }] },
    'en',
    OPTIONS,
  );
  const added = [...sheetRows(below.sheets.find((s) => s.key === 'observations')!)][1];
  const all = [...sheetRows(rows)];
  const at = model.sheets.findIndex((s) => s.key === 'observations');
  // The added row goes into the first empty row below the data, whose hidden code formula is already there.
  const room = 1 + inds.reduce((n, i) => n + i.observations.length, 0);
  all[room] = { cells: [...added.cells.slice(0, 4), ...all[room].cells.slice(4)] };
  model.sheets[at] = { ...rows, rows: all, body: undefined };
  inds.find((i) => i.id === 'SH-C1-DRUGS')!.observations.push({ period: '2024', value: 7 });
  return { model, data: edited };
}
const edit = editedShanghai();

const files: Record<string, string> = {};
let resaved: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, model] of Object.entries(models)) {
    files[name] = path.join(dir, `${name}.xlsx`);
    await streamWorkbook(model, files[name]);
  }
  // Beijing with one measure's status changed from In progress to Completed, in the Measures sheet (sheet2).
  const measures = models.beijing.sheets.find((s) => s.key === 'measures')!;
  const status = measures.table!.fields.indexOf('status');
  const row = [...sheetRows(measures)].findIndex((r, i) => i > 0 && r.cells[status]?.v === 'In progress') + 1;
  files.editedShanghai = path.join(dir, 'edited-shanghai.xlsx');
  await streamWorkbook(edit.model, files.editedShanghai);
  files.edited = path.join(dir, 'edited.xlsx');
  await setCellText(files.beijing, files.edited, 'xl/worksheets/sheet2.xml', `G${row}`, 'Completed');
  const names = Object.keys(files);
  const out = await recalculate(
    names.map((n) => files[n]),
    path.join(dir, 'resaved'),
  );
  resaved = Object.fromEntries(names.map((n, i) => [n, out[i]]));
}, 240_000);

describe('native charts', () => {
  it('are in the written package, bound to the report ranges, with the figures cached', async () => {
    for (const [name, model] of Object.entries(models)) {
      const written = await chartsOf(files[name]);
      expect({ name, charts: written }).toEqual({ name, charts: modelCharts(model) });
    }
    const [plans, groups] = await chartsOf(files.beijing);
    expect(plans.title).toBe('Completion rate by plan');
    expect(plans.values[0][0]).toBeCloseTo(0.76, 12);
    expect(groups.values[0].map((v) => Number(v!.toFixed(4)))).toEqual([0.4615, 0.8649]);
    expect(groups.refs).toEqual([expect.stringMatching(/^Summary!\$B\$\d+:\$B\$\d+$/), expect.stringMatching(/^Summary!\$E\$\d+:\$E\$\d+$/)]);
  });

  it('draws the Suzhou catalog by category, and each Shanghai indicator against its target', async () => {
    const suzhou = await chartsOf(files.suzhou);
    expect(suzhou.map((c) => c.title)).toEqual([
      'Completion rate by plan',
      'Catalog products by category',
      'High-end medical device and biomedicine industry output value / revenue',
      'Medical device and bio-pharmaceutical enterprises gathered (2023 target derived from 200+ new enterprises a year)',
    ]);
    expect(suzhou[1].values).toEqual([[0, 0, 0, 0, 25]]);
    // Observed in 2020; the target, a marked point at 2023 on the time axis.
    expect(suzhou[2].values).toEqual([
      [200, null, null],
      [null, null, 800],
    ]);
    const shanghai = await chartsOf(files.shanghai);
    expect(shanghai[0].title).toBe('各方案完成率');
    expect(shanghai.length).toBe(2 + models.shanghai.sheets.find((s) => s.key === 'dashboard')!.charts!.length);
  });

  it('survive a LibreOffice round trip with every series range intact, and exceljs still reads the file', async () => {
    for (const name of ['beijing', 'suzhou', 'shanghai']) {
      const before = await chartsOf(files[name]);
      const after = await chartsOf(resaved[name]);
      // LibreOffice may number the chart parts in another order.
      const key = (c: ChartPart) => `${c.title} ${c.refs.join(' ')}`;
      expect(after.map(key).sort()).toEqual(before.map(key).sort());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files[name]);
      expect(wb.worksheets.length).toBe(models[name as keyof typeof models].sheets.length);
    }
  });

  it('show each indicator its own observations after rows are appended and sorted', async () => {
    const charts = await chartsOf(resaved.editedShanghai);
    const end = monthIndex(period(edit.data.report.period));
    const dashboard = edit.model.sheets.find((s) => s.key === 'dashboard')!.charts!;
    expect(dashboard.length).toBe((edit.data.indicators ?? []).length);
    for (const ind of edit.data.indicators ?? []) {
      const chart = charts.find((c) => c.title === ind.name)!;
      const own = ind.observations
        .filter((o) => monthIndex(period(o.period)) <= end)
        .sort((a, b) => monthIndex(period(a.period)) - monthIndex(period(b.period)))
        .map((o) => o.value);
      expect({ id: ind.id, values: chart.values[0].filter((v) => v !== null) }).toEqual({ id: ind.id, values: own });
      if (ind.target) expect({ id: ind.id, target: chart.values[1].filter((v) => v !== null) }).toEqual({ id: ind.id, target: [ind.target.value] });
    }
    // The Summary and the dashboard agree: the alliance's latest value is the one appended.
    const alliance = charts.find((c) => c.title.includes('Alliance'))!;
    expect(alliance.values[0].filter((v) => v !== null)).toEqual([6, 38, 45]);
  });

  it('follow a status changed in the workbook: the series values are live', async () => {
    const [plans, groups] = await chartsOf(resaved.edited);
    expect(plans.values[0][0]).toBeCloseTo(39 / 50, 12);
    const changed = groups.values[0];
    expect(changed.some((v, i) => Math.abs(v! - [6 / 13, 32 / 37][i]) > 1e-9)).toBe(true);
    expect(changed[0]! + changed[1]!).toBeCloseTo(6 / 13 + 32 / 37 + (changed[0]! > 6 / 13 + 1e-9 ? 1 / 13 : 1 / 37), 12);
  });

  it('are visible on the first page of the printed Summary', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = await convertToPdf(files.beijing, dir);
    // -singlefile: the name does not depend on the page count (pdftoppm pads page numbers to its digits).
    execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')]);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, 'beijing-summary')]);
    const ppm = path.join(dir, 'page.ppm');
    const png = path.join(ARTIFACTS, 'beijing-summary.png');
    expect(statSync(png).size).toBeGreaterThan(10_000);
    // The bars are drawn in the first series colour, used nowhere else on the page.
    expect(colourShare(ppm, SERIES_COLORS[0])).toBeGreaterThan(0.01);
  });

  it('are left out with --no-charts', async () => {
    const model = buildReport(quarterly, seed('suzhou-2022-q3'), 'en', { ...OPTIONS, charts: false });
    expect(model.sheets.flatMap((s) => s.charts ?? [])).toEqual([]);
    const file = path.join(dir, 'nocharts.xlsx');
    await streamWorkbook(model, file);
    expect(await chartsOf(file)).toEqual([]);
  });
});
