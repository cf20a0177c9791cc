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
import { cleanTemps, minimalXlsx, ROOT, tempDir } from '../../../support/forms';
import { bundleThreadCode } from '../../../../src/cli/bundle-thread';
import { CellStore } from '../../../../src/cli/xlsx/read/cell-store';
import { bytesText } from '../../../../src/cli/xlsx/read/safe-load';
import { SheetBytesReader } from '../../../../src/cli/xlsx/read/sheet-bytes';
import { replayPrepared } from '../../../../src/cli/xlsx/read/sheet-prepared';
import { ctx } from '../../../support/sheet-xml-pieces';

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

describe('the sheet worker run from the bundle', () => {
  const DIST = path.join(ROOT, 'dist', 'cli');
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'plan-report.js'))) throw new Error('this test runs the built bundle: run `npm run build:cli` first (npm ci does)');
  });

  it("reads the part's cells too, within the limits it is sent: as the main thread reads them, whatever its columns", async () => {
    // A last row with a date, a shared string and a formula in column C, as an official's Excel may save a report.
    const last = '<row r="60001"><c r="A60001" s="1"><v>45550</v></c><c r="B60001" t="s"><v>1</v></c><c r="C60001"><f>A1+1</f><v>45551</v></c></row>';
    const xml = Buffer.from(sheetXml(60_000).toString('utf8').replace('</sheetData>', `${last}</sheetData>`), 'utf8');
    const deflated = zlib.deflateRawSync(xml, { level: 1 });
    const worker = new SheetWorker(bundleThreadCode(DIST, 'sheetWorker'));
    try {
      const got = await worker.inflate(deflated, xml.length, () => Promise.resolve(zlib.inflateRawSync(deflated)), sizeErrors, { maxRows: 1e6, maxCells: 1e7 });
      const want = { rows: 0, cells: 0 };
      countRowsAndCellsIn(xml, 0, xml.length, want);
      expect(got.counted).toEqual(want);
      expect(got.prepared?.firstUnplain).toBe(3);
      const src = bytesText(got.bytes).bytes!;
      const cells = (store: CellStore) => [1, 2, 777, 60_000, 60_001].map((r) => [1, 2, 3].map((c) => store.get(r, c)));
      for (const columns of [1, 2]) {
        const store = new CellStore(src.slice, false, ctx.strings, src.text);
        const from = got.bytes.indexOf('<sheetData>') + '<sheetData>'.length;
        expect(new SheetBytesReader(src, 'S', ctx, store, columns).read(from, got.bytes.indexOf('</sheetData>'))).toBe(true);
        const ready = replayPrepared(got.prepared!, src, ctx, columns)!;
        expect(cells(ready.store)).toEqual(cells(store));
        expect(cells(ready.store)[4].slice(0, 2)).toEqual([new Date(Date.UTC(2024, 8, 15)), columns > 1 ? ctx.strings()[1] : null]);
      }
      // Column C holds a formula: a reading of three columns is not replayed (the main thread reads it as text).
      expect(replayPrepared(got.prepared!, src, ctx, 3)).toBeUndefined();
      // Over the limits it is sent, counted, not read.
      const over = await worker.inflate(deflated, xml.length, () => Promise.resolve(zlib.inflateRawSync(deflated)), sizeErrors, {
        maxRows: 1e6,
        maxCells: 1000,
      });
      expect([over.counted, over.prepared]).toEqual([want, undefined]);
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
