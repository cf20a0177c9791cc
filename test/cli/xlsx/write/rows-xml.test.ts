/**
 * The rows of a worksheet written as bytes (rows-xml.ts, xml-bytes.ts) are
 * the UTF-8 of the XML that cellXml writes cell by cell: any cell, any text.
 */
import fc from 'fast-check';
import type { Cell, Row, Sheet } from '../../../../src/core/layout/model';
import { columnLetter } from '../../../../src/core/layout/refs';
import { STYLES, type StyleName } from '../../../../src/core/layout/styles';
import { rowsXml, type Covered } from '../../../../src/cli/xlsx/write/rows-xml';
import { stylesXml } from '../../../../src/cli/xlsx/write/styles-xml';
import { cellXml } from '../../../../src/cli/xlsx/write/xml';
import { XmlBytes } from '../../../../src/cli/xlsx/write/xml-bytes';
import { sharedCell } from '../../../../src/core/layout/sheets/common';
import { text } from '../../../support/arbitrary-data';

const styles = stylesXml();

/** The rows as the writer wrote them before they were bytes: each cell's cellXml, joined. */
function expectedXml(rows: Row[], covered: Covered): string {
  const shared = new Map<string, number>();
  let xml = '';
  rows.forEach((row, i) => {
    const r = i + 1;
    const extra = covered.get(r);
    let width = row.cells.length;
    if (extra) for (const c of extra.keys()) width = Math.max(width, c);
    let cells = '';
    for (let c = 0; c < width; c++) {
      const cell = row.cells[c];
      const at = columnLetter(c + 1) + r;
      if (cell) {
        let si: number | undefined;
        if (cell.shares) shared.set(at, (si = shared.size));
        else if (cell.sharedFrom) si = shared.get(cell.sharedFrom);
        cells += cellXml(at, cell, cell.locked === false ? styles.unlocked[cell.s ?? 'default'] : cell.s ? styles.xf[cell.s] : undefined, si);
      } else if (extra?.has(c + 1)) cells += cellXml(at, { v: null }, extra.get(c + 1));
    }
    if (!cells && row.height === undefined) return;
    xml += `<row r="${r}"${row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : ''}>${cells}</row>`;
  });
  return xml;
}

function writtenXml(rows: Row[], covered: Covered): string {
  const sheet = { rows, columns: [], merges: [], validations: [], conditionalFormats: [] } as unknown as Sheet;
  return Buffer.concat(Array.from(rowsXml(sheet, styles, covered))).toString('utf8');
}

/** Any UTF-16 text: control characters, `_xHHHH_`, XML's specials, unpaired surrogates, U+FFFE. */
const anyText = fc.oneof(
  text(40),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...Array.from('ab _x0041_&<>"\'\n\r\t\u0001\u00e9\u4e2d\ufffe\ud83e\udde0\ud800\udc00 ')), maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('_x0041_', '_X00ff_', 'a', ' ', '\u4e2d', '_', 'x'), maxLength: 6 }),
);
const styleName = fc.constantFrom(...(Object.keys(STYLES) as StyleName[]));
const value: fc.Arbitrary<Cell['v']> = fc.oneof(
  anyText,
  fc.double(),
  fc.integer({ min: -1e6, max: 1e16 }),
  fc.constantFrom(null, true, false, '', Infinity, NaN, -0, 1e21, 0.1 + 0.2),
  fc.constantFrom({ error: '#N/A' as const }, { date: '2024-02-29' }, { date: '1999-12-31' }),
);
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ v: value, s: fc.option(styleName, { nil: undefined }), locked: fc.constantFrom(undefined, false) }, { requiredKeys: ['v'] }),
  fc.record({ f: anyText, v: value, s: fc.option(styleName, { nil: undefined }) }, { requiredKeys: ['f', 'v'] }),
  fc.record({ f: fc.constant('SUM(A1:A2)'), v: value, array: fc.constant('B1:B3') }),
);

test('rows written as bytes are the UTF-8 of each cell as cellXml writes it', () => {
  const row = fc.record(
    { cells: fc.array(cell, { maxLength: 6 }), height: fc.option(fc.constantFrom(15, 22.5, 30, 409), { nil: undefined }) },
    { requiredKeys: ['cells'] },
  );
  fc.assert(
    fc.property(fc.array(row, { maxLength: 8 }), fc.boolean(), (rows, merge) => {
      const covered: Covered = new Map(
        merge
          ? [
              [
                1,
                new Map<number, number | undefined>([
                  [2, styles.xf.header],
                  [9, undefined],
                ]),
              ],
            ]
          : [],
      );
      expect(writtenXml(rows as Row[], covered)).toBe(expectedXml(rows as Row[], covered));
    }),
    { numRuns: 500 },
  );
});

test('a shared formula is written once, its later cells by their group, their formula never read', () => {
  const read: number[] = [];
  const master: Cell = { f: 'A2*2', v: 4, shares: 'B2:B4' };
  const later = (r: number, v: Cell['v']) =>
    sharedCell(
      {
        get f() {
          read.push(r);
          return `A${r}*2`;
        },
        v,
      },
      'B2',
    );
  const rows: Row[] = [{ cells: [] }, { cells: [{ v: 2 }, master] }, { cells: [{ v: 3 }, later(3, 6)] }, { cells: [undefined, later(4, null)] }];
  const xml = writtenXml(rows, new Map());
  expect(xml).toBe(
    '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>' +
      '<row r="4"><c r="B4" t="str"><f t="shared" si="0"/><v></v></c></row>',
  );
  expect(read).toEqual([]);
});

test('text is written as Buffer.from writes its UTF-8, across chunks', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 20 }), (texts) => {
      const out = new XmlBytes(64);
      for (const t of texts) out.utf8(t);
      expect(Buffer.concat(out.take(true)).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
    }),
  );
});
