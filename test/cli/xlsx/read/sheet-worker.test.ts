/**
 * A large sheet inflated and counted in a worker thread (generate --since's
 * loading): the same bytes, count, cells and refusals as in the main thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { countRowsAndCellsIn, RETURN_LIMITS, WORKBOOK_LIMITS, type LoadLimits } from '../../../../src/core/read/limits';
import { safeLoadGrid } from '../../../../src/cli/xlsx/read/safe-load';
import { SheetWorker } from '../../../../src/cli/xlsx/read/sheet-worker';
import { cleanTemps, minimalXlsx, tempDir } from '../../../support/forms';

afterAll(cleanTemps);

const MB = 1024 * 1024;

/** Sheet XML of `n` rows of three cells (text, number, shared string), some 90 bytes a row. */
function sheetXml(n: number): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++)
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>措施 ${r}</t></is></c><c r="B${r}"><v>${(r * 7919) % 100003}</v></c><c r="C${r}"/></row>`);
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  return Buffer.from(`${head}${rows.join('')}</sheetData></worksheet>`, 'utf8');
}

const sizeErrors = { tooMany: (n: number) => new Error(`too many: ${n}`), tooFew: (n: number) => new Error(`too few: ${n}`) };

describe('the sheet worker', () => {
  const xml = sheetXml(60_000);
  const deflated = zlib.deflateRawSync(xml, { level: 1 });
  const here = () => Promise.resolve(zlib.inflateRawSync(deflated));

  it('inflates a part and counts its rows and cells as the main thread does', async () => {
    const worker = new SheetWorker();
    try {
      const got = await worker.inflate(deflated, xml.length, here, sizeErrors);
      expect(got.bytes.equals(xml)).toBe(true);
      const want = { rows: 0, cells: 0 };
      countRowsAndCellsIn(xml, 0, xml.length, want);
      expect(got.counted).toEqual(want);
      expect(want).toEqual({ rows: 60_000, cells: 180_000 });
    } finally {
      worker.close();
    }
  });

  it('refuses a part that inflates to more or fewer bytes than declared, and damaged data, with its messages', async () => {
    const worker = new SheetWorker();
    try {
      await expect(worker.inflate(deflated, xml.length - 10, here, sizeErrors)).rejects.toThrow(`too many: ${xml.length - 9}`);
      await expect(worker.inflate(deflated, xml.length + 10, here, sizeErrors)).rejects.toThrow(`too few: ${xml.length}`);
      await expect(worker.inflate(deflated.subarray(0, 1000), xml.length, here, sizeErrors)).rejects.toThrow('unexpected end of file');
    } finally {
      worker.close();
    }
  });

  it('inflates in this thread, not counting, when the worker cannot run', async () => {
    const worker = new SheetWorker('throw new Error("no worker here")');
    try {
      const got = await worker.inflate(deflated, xml.length, here, sizeErrors);
      expect(got.bytes.equals(xml)).toBe(true);
      expect(got.counted).toBeUndefined();
    } finally {
      worker.close();
    }
  });
});

describe('a workbook loaded with its large sheets in the worker', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));

  /** What safeLoadGrid gives for the file: the sheet's row count and some cells, or its refusal; in the worker when `meanwhile`. */
  async function loaded(file: string, limits: LoadLimits, meanwhile: boolean): Promise<unknown> {
    let told = false;
    try {
      const wb = await safeLoadGrid(file, limits, undefined, meanwhile ? () => (told = true) : undefined);
      const s = wb.sheet(wb.sheetNames[0])!;
      return { told, rows: s.rowCount, cells: [1, 777, s.rowCount].map((r) => [s.cell(r, 1), s.cell(r, 2), s.cell(r, 3)]) };
    } catch (err) {
      return { told, refused: (err as Error).message };
    }
  }

  const x = sheetXml(60_000);
  const cases: [string, () => Buffer, LoadLimits][] = [
    ['sound', () => minimalXlsx({ name: 'sheet', data: sheetXml(60_000) }), WORKBOOK_LIMITS],
    ['over the rows allowed', () => minimalXlsx({ name: 'sheet', data: sheetXml(120_000) }), RETURN_LIMITS],
    [
      'declaring more bytes than it holds',
      () => minimalXlsx({ name: 'sheet', deflated: zlib.deflateRawSync(x), size: x.length + 1000, crc: 0 }),
      WORKBOOK_LIMITS,
    ],
    [
      'declaring fewer bytes than it holds',
      () => minimalXlsx({ name: 'sheet', deflated: zlib.deflateRawSync(x), size: x.length - 1000, crc: 0 }),
      WORKBOOK_LIMITS,
    ],
    [
      'damaged',
      () => {
        const d = Buffer.from(zlib.deflateRawSync(x));
        for (let i = d.length >> 1; i < (d.length >> 1) + 400; i += 3) d[i] ^= 0x5a;
        return minimalXlsx({ name: 'sheet', deflated: d, size: x.length, crc: 0 });
      },
      WORKBOOK_LIMITS,
    ],
  ];

  it('are larger than the parts inflated at once', () => expect(x.length).toBeGreaterThan(4 * MB));

  it.each(cases)('%s: as loaded in the main thread', async (name, bytes, limits) => {
    const file = path.join(dir, `${name.replace(/ /g, '-')}.xlsx`);
    fs.writeFileSync(file, bytes());
    const here = await loaded(file, limits, false);
    const there = await loaded(file, limits, true);
    expect({ ...(there as object), told: false }).toEqual(here);
    expect((there as { told: boolean }).told).toBe(true);
  });
});
