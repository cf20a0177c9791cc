/**
 * A plain sheet's cells read from its bytes (sheet-bytes.ts) against the
 * same sheet read as text tag by tag (sheet-cells.ts, the oracle): the same
 * cells and rows, the same refusal, and the rows and cells counted as
 * limits.ts's regular expression counts them, for random sheets of the odd
 * and hostile forms a workbook from elsewhere may hold; where the bytes
 * reader gives up, the sheet is read as text (nothing of it kept).
 */
import fc from 'fast-check';
import { CellStore } from '../../../../src/cli/xlsx/read/cell-store';
import { PartsWorkbook, type Parts } from '../../../../src/cli/xlsx/read/parts-grid';
import { bytesText } from '../../../../src/cli/xlsx/read/safe-load';
import { SheetBytesReader } from '../../../../src/cli/xlsx/read/sheet-bytes';
import { SheetCells } from '../../../../src/cli/xlsx/read/sheet-cells';
import { prepareCells, replayPrepared, type PreparedCells } from '../../../../src/cli/xlsx/read/sheet-prepared';
import { countReading } from '../../../../src/cli/xlsx/read/sheet-worker-serve';
import { scanTags } from '../../../../src/cli/xlsx/read/xml-scan';
import { countRowsAndCellsIn } from '../../../../src/core/read/limits';
import { CELL_PIECES, ctx } from '../../../support/sheet-xml-pieces';

/** The cells' pieces, and more forms of rows, references and values for the reading of bytes to meet. */
const PIECES = [
  ...CELL_PIECES,
  '<row r="3" ht="45" customHeight="1" x14ac:dyDescent="0.25">',
  '<row r="0">',
  '<row r="2000000">',
  '<row spans="1:3" r="7">',
  '<row\n r="4">',
  '</row >',
  '<row r="5"/>',
  '<row xmlns:x="u" r="6">',
  '<row x:r="9">',
  '<c r="C2" s="01">',
  '<c r="F1" t="e">',
  '<c r="H2" t="n">',
  '<c r="I2" t="x">',
  '<c r="XFD3">',
  '<c r="A1&#x41;">',
  '<c r="a1" r="B2">',
  '<c/>',
  '<c r="A1" a="<c ">',
  '<col>',
  '<v>7</v></c>',
  '<v>1\r\n</v></c>',
  '<is><t>_x0041_</t></is></c>',
  "<f a='>'>",
  '<x:f>',
  ' ',
];

/** The cells of a store, its rows and what was counted. */
function contents(store: CellStore, maxRow: number): unknown[] {
  const got: unknown[] = [];
  for (let r = 0; r <= Math.min(maxRow, 20) + 1; r++)
    for (let c = 0; c <= 16384; c = c < 12 ? c + 1 : c === 12 ? 16384 : 16385) {
      const v = store.get(r, c);
      if (v !== null) got.push([r, c, v instanceof Date ? `date ${v.getTime()}` : v]);
    }
  return got;
}

/** The sheet read as text, as parts-grid reads it from `<sheetData>` to its end (the quick readings off). */
function oracle(bytes: Buffer, maxCol: number): unknown {
  const text = bytesText(bytes);
  const from = text.xml.indexOf('<sheetData>');
  const to = text.xml.indexOf('</sheetData>') + '</sheetData>'.length;
  const cellsText = { xml: text.xml.slice(from, to), slice: (s: number, e: number) => text.slice(from + s, from + e) };
  const store = new CellStore(cellsText.slice, false, ctx.strings);
  const cells = new SheetCells(cellsText, 'S', ctx, store, new Set(), maxCol, false);
  try {
    scanTags(cellsText.xml, cells);
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
  return { maxRow: cells.maxRow, got: contents(store, cells.maxRow) };
}

/** The sheet read from its bytes: undefined where the reader gives up. */
function fromBytes(bytes: Buffer, maxCol: number): { read: unknown; count?: { rows: number; cells: number } } | undefined {
  const src = bytesText(bytes).bytes!;
  const from = bytes.indexOf('<sheetData>') + '<sheetData>'.length;
  const end = bytes.indexOf('</sheetData>');
  const store = new CellStore(src.slice, false, ctx.strings, src.text);
  const cells = new SheetBytesReader(src, 'S', ctx, store, maxCol);
  try {
    if (!cells.read(from, end)) return undefined;
  } catch (err) {
    return { read: `error ${(err as Error).message}` };
  }
  return { read: { maxRow: cells.maxRow, got: contents(store, cells.maxRow) }, count: { rows: cells.rows, cells: cells.cells } };
}

const sheetXml = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 40 })
  .map((pieces) => `\ufeff<worksheet><sheetData>${pieces.join('').replace(/sheetData/g, '')}</sheetData></worksheet>`);

describe("a plain sheet's cells read from its bytes", () => {
  it('are the cells, rows, refusals and counts of the sheet read as text, for random sheets', () => {
    let read = 0;
    fc.assert(
      fc.property(sheetXml, fc.constantFrom(Infinity, 1, 3, 10), (xml, maxCol) => {
        const bytes = Buffer.from(xml, 'utf8');
        const got = fromBytes(bytes, maxCol);
        if (got === undefined) return;
        read++;
        expect(got.read).toEqual(oracle(bytes, maxCol));
        if (got.count) {
          const want = { rows: 0, cells: 0 };
          countRowsAndCellsIn(bytes, bytes.indexOf('<sheetData>'), bytes.indexOf('</sheetData>'), want);
          expect(got.count).toEqual(want);
        }
      }),
      { numRuns: 6000 },
    );
    // Most random sheets hold something the reader leaves to the text; enough are read for the comparison to say something.
    expect(read).toBeGreaterThan(300);
  });

  it('read in advance for any number of columns, replay as they are read for those columns', () => {
    let replayed = 0;
    fc.assert(
      fc.property(sheetXml, fc.constantFrom(Infinity, 1, 3, 10), (xml, maxCol) => {
        const bytes = Buffer.from(xml, 'utf8');
        const src = bytesText(bytes).bytes!;
        const prepared = prepareCells(src);
        const ready = prepared && replayPrepared(prepared, src, ctx, maxCol);
        if (!ready) return;
        replayed++;
        // What is replayed is what the reading of those columns reads; that reading never gives up or refuses then.
        expect(fromBytes(bytes, maxCol)?.read).toEqual({ maxRow: ready.maxRow, got: contents(ready.store, ready.maxRow) });
      }),
      { numRuns: 6000 },
    );
    expect(replayed).toBeGreaterThan(300);
  });

  it('read in advance, are counted as the whole part is counted; more cells than allowed are not read', () => {
    let read = 0;
    fc.assert(
      fc.property(sheetXml, (xml) => {
        const bytes = Buffer.from(xml, 'utf8');
        const want = { rows: 0, cells: 0 };
        countRowsAndCellsIn(bytes, 0, bytes.length, want);
        const got = { rows: 0, cells: 0 };
        let kept: PreparedCells | undefined;
        countReading({ maxRows: 1e9, maxCells: 1e9 }, (p) => (kept = p))(bytes, 0, bytes.length, got);
        expect(got).toEqual(want);
        if (kept) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
    const three = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"/></row></sheetData></worksheet>');
    expect(prepareCells(bytesText(three).bytes!, 3)?.count).toBe(2);
    expect(prepareCells(bytesText(three).bytes!, 1)).toBeUndefined();
  });

  it('reads rows as plan-report and Excel write them, hidden code cells passed over', () => {
    const row = (r: number) =>
      `<row r="${r}" ht="45" customHeight="1"><c r="A${r}" s="2" t="inlineStr"><is><t>M-${r} 医药</t></is></c><c r="B${r}" s="1"><v>45267</v></c>` +
      `<c r="C${r}" t="s"><v>${r % 3}</v></c><c r="K${r}"><f t="shared" si="0"/><v>6</v></c><c r="L${r}" t="str"><f>A${r}</f><v></v></c></row>`;
    const bytes = Buffer.from(`<worksheet><sheetData>${[1, 2, 3, 4].map(row).join('')}</sheetData><mergeCells/></worksheet>`, 'utf8');
    expect(fromBytes(bytes, Infinity)).toBeUndefined();
    const got = fromBytes(bytes, 3)!;
    expect(got.read).toEqual(oracle(bytes, 3));
    expect((got.read as { got: unknown[] }).got.length).toBe(12);
    expect(got.count).toEqual({ rows: 4, cells: 20 });
  });
});

/** A workbook's parts with one sheet, given as a large sheet is (safe-load.ts): from its bytes, or (the oracle) as their text. */
function partsOf(sheet: string, fromBytes: boolean | 'prepared'): Parts {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts = new Map<string, string>([
    ['_rels/.rels', `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', sheet],
  ]) as Parts;
  // The text as a large sheet's was read before: its bytes as Latin-1 (places in messages are bytes), without them.
  parts.sheetText = (name) => {
    if (name !== 'xl/worksheets/sheet1.xml') return undefined;
    const text = bytesText(Buffer.from(sheet, 'utf8'));
    // Read in advance as the worker thread reads it (sheet-prepared.ts), then replayed.
    if (fromBytes === 'prepared') text.bytes!.prepared = prepareCells(text.bytes!);
    return fromBytes ? text : { xml: text.xml, slice: text.slice };
  };
  return parts;
}

/** What a reader of the sheet gets: its rows, its cells' values (merges followed), or the refusal. */
function readOf(parts: Parts, columns: number): unknown {
  try {
    const s = new PartsWorkbook(parts, 'f.xlsx', 1e6).sheet('S', columns)!;
    const got: unknown[] = [];
    for (let r = 0; r <= Math.min(s.rowCount, 20) + 1; r++)
      for (let c = 0; c <= 12; c++) {
        const v = s.cell(r, c);
        if (v !== null) got.push([r, c, v instanceof Date ? `date ${v.getTime()}` : v]);
      }
    return { rows: s.rowCount, got };
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
}

const AROUND = [
  '<dimension ref="A1:M9"/>',
  '<!-- <sheetData> -->',
  '<x:sheetData>',
  '<sheetData/>',
  '<sheetData >',
  '<sheetData>',
  '</sheetData>',
  '</sheetData >',
  '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
  '<mergeCell ref="C3:A1"/>',
  '<!--',
  '<c r="A1"><v>9</v></c>',
  '<row r="12">',
];

const wholeSheet = fc
  .tuple(
    fc.array(fc.constantFrom(...AROUND), { maxLength: 3 }),
    fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...AROUND) }), { maxLength: 30 }),
    fc.array(fc.constantFrom(...AROUND), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(
    ([before, cells, after, bom]) => `${bom ? '\ufeff' : ''}<worksheet>${before.join('')}<sheetData>${cells.join('')}</sheetData>${after.join('')}</worksheet>`,
  );

describe('a large sheet read by the parts reader from its bytes', () => {
  it('reads as the sheet read as text: rows, cells, merges, refusals', () => {
    fc.assert(
      fc.property(wholeSheet, fc.constantFrom(Infinity, 2, 10), (sheet, columns) => {
        const text = readOf(partsOf(sheet, false), columns);
        expect(readOf(partsOf(sheet, true), columns)).toEqual(text);
        expect(readOf(partsOf(sheet, 'prepared'), columns)).toEqual(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads to the first </sheetData>, though its end is searched from the part's end", () => {
    // A refusal in the cells before a later `</sheetData>`, the text after the first one not XML: read as text.
    const refused = '<worksheet><sheetData><row r="2000000"></sheetData><c a="</sheetData></worksheet>';
    // The same, its first end written with a space: no `</sheetData>` but the last, and the text after the first not XML.
    const spaced = '<worksheet><sheetData><row r="2000000"></sheetData ><c a="</sheetData></worksheet>';
    // Cells after the first one: not read (they are not cells of the sheet).
    const after =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><x>&lt;/sheetData></x><c r="B1"><v>2</v></c></sheetData></worksheet>';
    for (const sheet of [refused, spaced, after])
      for (const columns of [Infinity, 2])
        for (const mode of [true, 'prepared'] as const) expect(readOf(partsOf(sheet, mode), columns)).toEqual(readOf(partsOf(sheet, false), columns));
    expect(readOf(partsOf(after, true), 2)).toEqual({ rows: 1, got: [[1, 1, 1]] });
  });
});
