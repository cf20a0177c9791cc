/**
 * The forms work beyond Excel: a filled form re-saved by LibreOffice Calc (a
 * headless conversion to xlsx, as a department using another program would
 * save it) still collects, every value intact; an unfilled one re-saved
 * collects as no change at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readData } from '../../src/core/data-file/read';
import { collectReturns } from '../../src/core/forms/collect';
import { allForms, FORM_COLUMNS, HEAD, type FormRequest } from '../../src/core/forms/form';
import { readReturn } from '../../src/core/forms/reader';
import type { Locale, ReportData } from '../../src/core/schema';
import { exceljsGrid, safeLoadWorkbook } from '../support/exceljs/reader';
import { safeLoadGrid } from '../../src/cli/xlsx/read/safe-load';
import { recalculate } from '../support/libreoffice';
import { reportData } from '../support/arbitrary-data';
import { cleanTemps, formBytes, formSheet, loadBytes, ROOT, saveBytes, tempDir, writeRegister } from '../support/forms';
import { cli } from '../support/fixtures';

jest.setTimeout(240_000);
afterAll(cleanTemps);

const FIRST = HEAD.header + 1;
/** The column of an indicator form's value (growth is the next). */
const VALUE = FORM_COLUMNS.indicators.findIndex((c) => c.field === 'value') + 1;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const seed = (name: string) => readData(fs.readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

const copied = (from: string, to: string) => (fs.copyFileSync(from, to), to);

interface Case {
  name: string;
  /** Made by \`plan-report form\` (the streaming writer users get), not by the reference writer. */
  cli?: string[];
  data: ReportData;
  req: FormRequest;
  locale: Locale;
  fill?: (ws: import('exceljs').Worksheet) => void;
}

/** Every form of a data set (each kind, each department), unfilled. */
function unfilled(tag: string, data: ReportData, locale: Locale): Case[] {
  return (['measures', 'indicators', 'catalog'] as const).flatMap((kind) =>
    allForms(data, { kind }, tag)
      .requests.filter(() => kind !== 'measures' || (data.plans ?? []).length)
      .map((req, i) => ({ name: `${tag}-${kind}-${i}`, data, req: kind === 'measures' ? { kind, plan: data.plans![0].id } : req, locale })),
  );
}

/** A return read as the collector reads it (the parts grid), which must read it as exceljs does. */
async function collectFile(file: string, data: ReportData) {
  const read = readReturn(await safeLoadGrid(file), path.basename(file), data, 'data.yaml');
  expect(read).toEqual(readReturn(exceljsGrid(await safeLoadWorkbook(file)), path.basename(file), data, 'data.yaml'));
  return read;
}

describe('forms re-saved by LibreOffice Calc', () => {
  const dir = tempDir();
  const beijing = seed('beijing-2022-q3');
  const suzhou = seed('suzhou-2022-q3');
  const shanghai = seed('shanghai-2025-q3');
  const randoms = fc.sample(reportData, { numRuns: 4, seed: 77 });

  const filled: Case[] = [
    {
      name: 'filled-measures-zh',
      data: beijing,
      req: { kind: 'measures', plan: beijing.plans![0].id },
      locale: 'zh-CN',
      fill: (ws) => {
        ws.getCell(FIRST, 6).value = '已完成';
        ws.getCell(FIRST, 7).value = utc('2022-09-15');
        ws.getCell(FIRST, 8).value = 0.123456789012;
        ws.getCell(FIRST, 9).value = '=HYPERLINK("http://x","y")';
        ws.getCell(FIRST + 1, 6).value = 'Delayed';
        ws.getCell(FIRST + 1, 9).value = "+1 -2 @x 'abc 医药 🧬\nsecond line";
        ws.getCell(FIRST + 2, 8).value = '35%';
        ws.getCell(FIRST + 2, 7).value = '2022/9/1';
        ws.getCell(FIRST + 3, 9).value = '0012';
        ws.getCell(FIRST + 4, 9).value = "'quoted";
      },
    },
    {
      name: 'filled-indicators',
      data: shanghai,
      req: { kind: 'indicators' },
      locale: 'en',
      fill: (ws) => {
        ws.getCell(FIRST, VALUE).value = 1234.5678;
        ws.getCell(FIRST, VALUE + 1).value = -0.0425;
        ws.getCell(FIRST + 1, VALUE).value = null;
        ws.getCell(FIRST + 1, VALUE + 1).value = null;
        ws.getCell(FIRST + 2, VALUE).value = 3e-7;
      },
    },
    {
      name: 'filled-catalog',
      data: suzhou,
      req: { kind: 'catalog' },
      locale: 'en',
      fill: (ws) => {
        ws.getCell(FIRST, 7).value = 12;
        ws.getCell(FIRST, 5).value = '国械注准20213140001';
        ws.getCell(FIRST + 1, 4).value = 'Device';
        ws.getCell(FIRST + 1, 6).value = utc('2021-12-01');
        const n = suzhou.catalogs![0].entries.length;
        ws.getCell(FIRST + n, 2).value = 'New product';
        ws.getCell(FIRST + n, 3).value = '@Enterprise';
        ws.getCell(FIRST + n, 4).value = '诊断试剂';
        ws.getCell(FIRST + n, 7).value = 0;
      },
    },
  ];
  filled.push({
    name: 'filled-cli-lead',
    // A copy: `form` writes its register of sent forms beside the data file.
    cli: [
      copied(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), path.join(dir, 'beijing.yaml')),
      '--lead',
      'Haidian District Government',
      '--locale',
      'zh-CN',
    ],
    data: beijing,
    req: { kind: 'measures', lead: 'Haidian District Government' },
    locale: 'zh-CN',
    fill: (ws) => {
      ws.getCell(FIRST, 6).value = '滞后';
      ws.getCell(FIRST, 8).value = 0.25;
      ws.getCell(FIRST, 9).value = '海淀区：=SUM(A1) 不是公式';
    },
  });
  const cases: Case[] = [
    ...filled,
    ...unfilled('beijing', beijing, 'en'),
    ...unfilled('suzhou', suzhou, 'zh-CN'),
    ...unfilled('shanghai', shanghai, 'en'),
    ...randoms.flatMap((d, i) => unfilled(`random${i}`, d, i % 2 ? 'zh-CN' : 'en')),
  ];
  const saved = new Map<string, string>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const c of cases) {
      let bytes: Buffer;
      if (c.cli) {
        const made = path.join(dir, `${c.name}-made.xlsx`);
        expect((await cli('form', ...c.cli, '--out', made)).code).toBe(0);
        bytes = fs.readFileSync(made);
      } else bytes = await formBytes(c.data, c.req, c.locale);
      const wb = await loadBytes(bytes);
      c.fill?.(formSheet(wb));
      const f = path.join(dir, `${c.name}.xlsx`);
      fs.writeFileSync(f, await saveBytes(wb));
      files.push(f);
    }
    const out = await recalculate(files, path.join(dir, 'libreoffice'));
    out.forEach((f, i) => saved.set(cases[i].name, f));
  });

  it('a filled form collects the same, value for value, as it did before LibreOffice saved it', async () => {
    for (const c of filled) {
      const before = collectReturns(c.data, [await collectFile(path.join(dir, `${c.name}.xlsx`), c.data)]);
      const after = collectReturns(c.data, [await collectFile(saved.get(c.name)!, c.data)]);
      expect(before.rows.length).toBeGreaterThanOrEqual(3);
      expect({ name: c.name, data: after.data }).toEqual({ name: c.name, data: before.data });
      expect(after.rows.map((r) => [r.item, r.field, r.old, r.new])).toEqual(before.rows.map((r) => [r.item, r.field, r.old, r.new]));
    }
  });

  it('an unfilled form of every kind, for seeds and random data, collects as no change at all', async () => {
    for (const c of cases.filter((x) => !x.fill)) {
      const r = await collectFile(saved.get(c.name)!, c.data);
      expect({ name: c.name, changes: r.changes }).toEqual({ name: c.name, changes: [] });
    }
    expect(cases.length).toBeGreaterThan(10);
  });

  it('plan-report collect takes the re-saved files on the command line', async () => {
    const data = path.join(dir, 'suzhou.yaml');
    fs.copyFileSync(path.join(ROOT, 'seeds', 'suzhou-2022-q3.yaml'), data);
    writeRegister(data);
    const r = await cli('collect', data, saved.get('filled-catalog')!);
    expect(r.code).toBe(0);
    const back = readData(fs.readFileSync(data, 'utf8'), data).catalogs![0].entries;
    expect(back[0]).toMatchObject({ registration: '国械注准20213140001', hospitals: 12 });
    expect(back[1]).toMatchObject({ category: 'device', listed: '2021-12-01' });
    expect(back.at(-1)).toEqual({ product: 'New product', enterprise: '@Enterprise', category: 'diagnostic', hospitals: 0 });
  });
});
