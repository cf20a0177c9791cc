/**
 * Templates shared by email, inside Excel: a template workbook written by
 * `plan-report template`, opened in the fake Excel host, carries its template
 * to Build report, which then writes what `generate --template T.xlsx` writes;
 * the same template workbook picked in the pane's file input is read within
 * the command line's bounds; and forms, other versions, damaged and
 * non-workbook files are refused, each with its kind.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readCarriedTemplate } from '../../src/addin/excel/carried';
import { buildReportInWorkbook } from '../../src/addin/excel/report';
import { readTemplateWorkbook } from '../../src/addin/xlsx/read-template';
import { loadTemplate } from '../../src/cli/templates';
import { buildReport } from '../../src/core/layout/build';
import { TemplateWorkbookError } from '../../src/core/record/carried-template';
import type { Locale } from '../../src/core/schema';
import { CUSTOM_TEMPLATE_YAML } from '../support/custom-template';
import { describeExcelJs, describeFake, type DCell, type DWorkbook } from './compare';
import { openXlsx } from './fake-excel/open-xlsx';
import { ROOT, seed } from './support';
import { cliOk, OPTIONS } from '../support/fixtures';

const BEIJING = path.join(ROOT, 'seeds/beijing-2022-q3.yaml');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-shared-'));
  writeFileSync(path.join(dir, 'my-report.yaml'), CUSTOM_TEMPLATE_YAML);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What made a workbook and when (the About sheet's and the record's cells) said the same way for both. */
function withoutMaker(d: DWorkbook): DWorkbook {
  // The generator and the time it ran, as ISO text or as local time with its zone (2026-01-01 00:00 (UTC+00:00), 2026年1月1日 00:00（UTC+00:00）).
  const made = [
    /^plan-report (test|\d)/,
    /^\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    /^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/,
    /^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（UTC[+-]\d\d:\d\d）$/,
  ];
  const maker = (v: DCell['value']) => (typeof v === 'string' && made.some((m) => m.test(v)) ? '<maker>' : v);
  return {
    ...d,
    sheets: d.sheets.map((s) => ({ ...s, cells: Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, { ...c, value: maker(c.value) }])) })),
  };
}

for (const [name, locale] of [
  ['quarterly', 'zh-CN'],
  ['measures-only', 'en'],
  ['my-report.yaml', 'en'],
] as [string, Locale][]) {
  it(`a template workbook of ${name}, opened in Excel: Build report writes what generate --template T.xlsx writes`, async () => {
    const source = name.endsWith('.yaml') ? path.join(dir, name) : name;
    const tpl = path.join(dir, `${path.basename(name, '.yaml')}-t.xlsx`);
    await cliOk('template', source, '--out', tpl, '--locale', locale);
    const host = await openXlsx(readFileSync(tpl));

    const carried = await readCarriedTemplate(host.run, 'workbook');
    const expected = await loadTemplate(tpl);
    expect(carried).toEqual({ template: expected, locale });
    const data = seed('beijing-2022-q3');
    const model = buildReport((carried as { template: typeof expected }).template, data, locale, OPTIONS);
    await buildReportInWorkbook(host.run, model);

    const outDir = mkdtempSync(path.join(dir, 'gen-'));
    await cliOk('generate', BEIJING, '--template', tpl, '--locale', locale, '--out-dir', outDir);
    const generated = await describeExcelJs(readFileSync(path.join(outDir, readdirSync(outDir)[0])));
    const built = describeFake(host);
    expect(built.sheets.map((s) => s.name)).toEqual(generated.sheets.map((s) => s.name));
    const [a, b] = [withoutMaker(built), withoutMaker(generated)];
    a.sheets.forEach((s, i) => expect({ sheet: s.name, ...s }).toEqual({ sheet: s.name, ...b.sheets[i] }));
    // Excel's own name for a sheet's filter (the file's _xlnm._FilterDatabase) is the sheet's autoFilter in the host, compared above.
    expect(a.names).toEqual(Object.fromEntries(Object.entries(b.names).filter(([n]) => !n.startsWith('_xlnm.'))));
  }, 60_000);

  it(`the template workbook of ${name} picked in the pane gives its template, read as the command line reads it`, async () => {
    const source = name.endsWith('.yaml') ? path.join(dir, name) : name;
    const tpl = path.join(dir, `${path.basename(name, '.yaml')}-p.xlsx`);
    await cliOk('template', source, '--out', tpl);
    expect(await readTemplateWorkbook(new Uint8Array(readFileSync(tpl)), 'T.xlsx')).toEqual(await loadTemplate(tpl));
  });
}

async function refusal(bytes: Uint8Array): Promise<TemplateWorkbookError> {
  try {
    await readTemplateWorkbook(bytes, 'in.xlsx');
  } catch (err) {
    if (err instanceof TemplateWorkbookError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('a picked workbook that carries no usable template is refused', () => {
  it('a form', async () => {
    const form = path.join(dir, 'form.xlsx');
    // A copy of the seed: form keeps a register of sent forms beside its data file.
    const data = path.join(dir, 'beijing.yaml');
    writeFileSync(data, readFileSync(BEIJING));
    await cliOk('form', data, '--out', form);
    expect((await refusal(new Uint8Array(readFileSync(form)))).kind).toBe('form');
  });

  it('a newer version, and a damaged record', async () => {
    const tpl = path.join(dir, 'v.xlsx');
    await cliOk('template', 'quarterly', '--out', tpl);
    const zip = await JSZip.loadAsync(readFileSync(tpl));
    const part = Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f));
    let recordPart = '';
    for (const p of part) if ((await zip.file(p)!.async('string')).includes('>skeleton<')) recordPart = p;
    const xml = await zip.file(recordPart)!.async('string');
    const newer = await zip.file(recordPart, xml.replace('plan-report-workbook/v1', 'plan-report-workbook/v2')).generateAsync({ type: 'uint8array' });
    const err = await refusal(newer);
    expect(err.kind).toBe('version');
    expect(err.problems[0].message).toBe('is a workbook of layout "plan-report-workbook/v2"; expected "plan-report-workbook/v1"');
    const damaged = await zip.file(recordPart, xml.replace('&quot;sections&quot;', '&quot;sectoins&quot;')).generateAsync({ type: 'uint8array' });
    expect((await refusal(damaged)).kind).toBe('damaged');
  });

  it('a truncated workbook, a file that is not one, and one not made by plan-report', async () => {
    const tpl = path.join(dir, 'q.xlsx');
    await cliOk('template', 'quarterly', '--out', tpl);
    const bytes = new Uint8Array(readFileSync(tpl));
    const cut = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(cut.kind).toBe('unreadable');
    expect(cut.problems[0].message).toMatch(/^is not a complete \.xlsx workbook/);
    expect((await refusal(new TextEncoder().encode('template: x'))).problems[0].message).toBe('is not an .xlsx workbook (not a zip package)');
    const other = new JSZip();
    other.file('xl/workbook.xml', '<workbook><sheets/></workbook>');
    other.file('[Content_Types].xml', '<Types/>');
    const err = await refusal(await other.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(err.kind).toBe('notReport');
  });

  it('a zip bomb, before it is inflated', async () => {
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', ' '.repeat(50 * 1024 * 1024));
    const err = await refusal(await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(err.kind).toBe('unreadable');
    expect(err.problems[0].message).toMatch(/expected a workbook, not a zip bomb$/);
  });
});
