/**
 * The quick readings of a large sheet, each against the reading it replaces
 * (the oracle): cells read at once (a `<v>`, an inline string, a cell passed
 * over to its `</c>`) against every tag read one by one; the rows and cells
 * counted over the bytes against the regular expression over their Latin-1
 * text; the end of `<sheetData>` found around its name against the regular
 * expression. Random sheet XML, with the odd and hostile forms a workbook
 * from elsewhere may hold.
 */
import fc from 'fast-check';
import { CellStore } from '../../../../src/cli/xlsx/read/cell-store';
import { SheetCells, textOf } from '../../../../src/cli/xlsx/read/sheet-cells';
import { findEndTag, scanTags } from '../../../../src/cli/xlsx/read/xml-scan';
import { countRowsAndCells, countRowsAndCellsIn } from '../../../../src/core/read/limits';
import { CELL_PIECES, ctx } from '../../../support/sheet-xml-pieces';

/** Every cell of the sheet XML as read, the rows and pictures, or the error. */
function cellsOf(xml: string, maxCol: number, quick: boolean): unknown {
  const text = textOf(xml);
  const store = new CellStore(text.slice, false, ctx.strings);
  const pictures = new Set<string>();
  const cells = new SheetCells(text, 'S', ctx, store, pictures, maxCol, quick);
  try {
    scanTags(xml, cells);
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
  const got: unknown[] = [];
  for (let r = 0; r <= cells.maxRow + 1; r++)
    for (let c = 0; c <= 12; c++) {
      const v = store.get(r, c);
      if (v !== null) got.push([r, c, v instanceof Date ? `date ${v.getTime()}` : v]);
    }
  return { maxRow: cells.maxRow, got, pictures: [...pictures].sort() };
}

const sheetXml = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CELL_PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 40 }),
    fc.boolean(),
  )
  .map(([pieces, closed]) => `<worksheet><sheetData>${pieces.join('')}${closed ? '</sheetData>' : ''}</worksheet>`);

describe('cells read at once', () => {
  it('are the cells the tags read one by one give, for random sheets', () => {
    fc.assert(
      fc.property(sheetXml, fc.constantFrom(Infinity, 1, 3, 10), (xml, maxCol) => {
        expect(cellsOf(xml, maxCol, true)).toEqual(cellsOf(xml, maxCol, false));
      }),
      { numRuns: 4000 },
    );
  });

  it('are the same for well-formed rows as plan-report and Excel write them', () => {
    const row = (r: number) =>
      `<row r="${r}"><c r="A${r}" s="2" t="inlineStr"><is><t>M-${r}</t></is></c><c r="B${r}" s="1"><v>45267</v></c>` +
      `<c r="C${r}" t="s"><v>${r % 3}</v></c><c r="K${r}"><f t="shared" si="0"/><v>6</v></c><c r="L${r}" t="str"><f>A${r}</f><v></v></c></row>`;
    const xml = `<worksheet><sheetData>${[1, 2, 3, 4].map(row).join('')}</sheetData></worksheet>`;
    for (const maxCol of [Infinity, 3]) {
      const quick = cellsOf(xml, maxCol, true) as { got: unknown[] };
      expect(quick).toEqual(cellsOf(xml, maxCol, false));
      expect(quick.got.length).toBe(maxCol === 3 ? 12 : 20);
    }
  });
});

const COUNT_PIECES = [
  '<row',
  '<row ',
  '<row>',
  '<row/',
  '<c',
  '<c ',
  '<c>',
  '<c/',
  '<x:c ',
  '<x:row>',
  '<a.b-c_d:c\t',
  '<1:c ',
  '<:c ',
  '<c:c ',
  '<row:x ',
  '<cc ',
  '<rows ',
  '<',
  ':',
  'c',
  'row',
  ' ',
  '\u00a0',
  '\u0085',
  '\u00ff',
  '\n',
  '\u000b',
];

describe('rows and cells counted over the bytes', () => {
  it('are counted as the regular expression counts them in the Latin-1 text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...COUNT_PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 }), (pieces) => {
        const bytes = Buffer.from(pieces.join(''), 'latin1');
        const text = bytes.toString('latin1');
        const want = { rows: 0, cells: 0 };
        countRowsAndCells(text, want);
        const got = { rows: 0, cells: 0 };
        countRowsAndCellsIn(bytes, 0, bytes.length, got);
        expect(got).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the end of a sheet's cells", () => {
  const END = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData\s*>/g;
  const PIECES = [
    '</sheetData>',
    '</x:sheetData >',
    '</sheetData\n\u00a0>',
    '</9:sheetData>',
    '</:sheetData>',
    '</a:b:sheetData>',
    '<sheetData>',
    'sheetData',
    '</',
    '<',
    '/',
    ':',
    'x',
    ' ',
    '>',
    '</sheetDatax>',
    '</x.y-z:sheetData>',
  ];
  it('is found where the regular expression finds it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 20 }), fc.nat(20), (pieces, from0) => {
        const xml = pieces.join('');
        const from = Math.min(from0, xml.length);
        END.lastIndex = from;
        const m = END.exec(xml);
        expect(findEndTag(xml, 'sheetData', from)).toEqual(m ? [m.index, m.index + m[0].length] : undefined);
      }),
      { numRuns: 5000 },
    );
  });
});
