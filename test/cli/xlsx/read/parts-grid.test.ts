/**
 * Returned forms are read from their XML parts (parts-grid.ts), not through
 * exceljs: the grid must give what exceljs gave, cell for cell, for the forms
 * plan-report writes, forms filled and re-saved by exceljs, and workbooks
 * written by hand with what other programs write (shared strings, rich
 * text, dates in built-in and custom formats, the 1904 date system, merges,
 * formulas, booleans, errors, escapes). Where exceljs cannot read a workbook
 * (a namespace prefix, cells without a reference) the grid still can.
 */
import { columnLetter } from '../../../../src/core/layout/refs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { HEAD } from '../../../../src/core/forms/form';
import type { GridSheet, GridValue } from '../../../../src/core/read/grid';
import type { ReportData } from '../../../../src/core/schema';
import { exceljsGrid } from '../../../support/exceljs/reader';
import { slideFormula } from '../../../../src/cli/xlsx/read/parts-grid';
import { safeLoadGrid } from '../../../../src/cli/xlsx/read/safe-load';
import { cleanTemps, formBytes, loadBytes, saveBytes, tempDir } from '../../../support/forms';
import { handmade } from './handmade';

afterAll(cleanTemps);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [
    {
      id: 'P',
      title: 'p',
      measures: [
        { id: 'M1', title: 'one', status: 'in-progress', lead: 'Bureau', due: '2024-12-31', progress: 0.5, note: 'a & b <c>' },
        { id: 'M2', title: 'two 医药', status: 'completed', lead: 'Bureau', completed: '2024-06-30' },
        { id: 'M3', title: 'three\nlines', status: 'delayed', lead: 'Office' },
      ],
    },
  ],
  indicators: [{ id: 'I', name: 'Output', region: 'D', unit: 'CNY', observations: [{ period: '2024-Q2', value: 12.5, growth: 0.031 }] }],
  catalogs: [{ id: 'C', title: 'c', entries: [{ product: 'Stent', enterprise: 'E', category: 'device', listed: '2024-01-02', hospitals: 3 }] }],
};

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
let n = 0;
const put = (bytes: Buffer) => {
  const f = path.join(dir, `w${n++}.xlsx`);
  fs.writeFileSync(f, bytes);
  return f;
};

const norm = (v: GridValue) => (v instanceof Date ? `date ${isNaN(v.getTime()) ? 'invalid' : v.toISOString()}` : v);

/** Every cell of every sheet as exceljs gives it and as the parts grid gives it. */
async function compare(bytes: Buffer): Promise<{ cells: number }> {
  const viaExceljs = exceljsGrid(await loadBytes(bytes));
  const wb = await safeLoadGrid(put(bytes));
  const names = (await loadBytes(bytes)).worksheets.map((w) => w.name);
  expect(wb.sheetNames).toEqual(names);
  let cells = 0;
  for (const name of names) {
    const a = viaExceljs.sheet(name)!;
    const b = wb.sheet(name)!;
    expect({ name, rowCount: b.rowCount }).toEqual({ name, rowCount: a.rowCount });
    const width = widthOf(a) + 2;
    for (let r = 1; r <= a.rowCount + 1; r++)
      for (let c = 1; c <= width; c++) {
        const [x, y] = [norm(a.cell(r, c)), norm(b.cell(r, c))];
        if (!Object.is(x, y) && JSON.stringify(x) !== JSON.stringify(y)) expect({ name, r, c, value: y }).toEqual({ name, r, c, value: x });
        if (x !== null) cells++;
      }
  }
  expect(wb.sheet('no such sheet')).toBeUndefined();
  return { cells };
}

function widthOf(s: GridSheet): number {
  let w = 0;
  for (let r = 1; r <= s.rowCount; r++) for (let c = 1; c <= 60; c++) if (s.cell(r, c) !== null) w = Math.max(w, c);
  return w;
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/><numFmt numFmtId="166" formatCode="[Red][&gt;100]0;0"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/><xf numFmtId="166"/><xf numFmtId="47"/></cellXfs>' +
  '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>';

describe('the parts grid reads returned forms as exceljs did', () => {
  it('forms as plan-report writes them, of each kind and language', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const req of [{ kind: 'measures', plan: 'P' }, { kind: 'indicators' }, { kind: 'catalog', catalog: 'C' }] as const) {
        const { cells } = await compare(await formBytes(DATA, req, locale));
        expect(cells).toBeGreaterThan(20);
      }
    }
  });

  it('forms filled and saved by exceljs: shared strings, dates, rich text, formulas, booleans, errors, merges, escapes, links', async () => {
    const wb = await loadBytes(await formBytes(DATA, { kind: 'measures', plan: 'P' }));
    const ws = wb.getWorksheet('Measures')!;
    const first = HEAD.header + 1;
    ws.getCell(first, 6).value = 'Completed';
    ws.getCell(first, 7).value = new Date(Date.UTC(2024, 8, 15));
    ws.getCell(first, 8).value = 0.123456789012;
    ws.getCell(first, 9).value = { richText: [{ text: 'rich ' }, { font: { bold: true }, text: 'text' }] };
    ws.getCell(first + 1, 9).value = { formula: 'HYPERLINK("http://x","y")', result: 'y' };
    ws.getCell(first + 1, 8).value = true;
    ws.getCell(first + 2, 8).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell(first + 2, 9).value = 'line\r\nnext _x000D_ \u0001 "quoted" <tag> & 🧬';
    ws.getCell(first + 3, 9).value = { text: 'see https://example.org/a?b=1&c=2', hyperlink: 'https://example.org/a?b=1&c=2' };
    ws.getCell(first + 5, 2).value = 'below';
    ws.mergeCells(first + 6, 1, first + 7, 3);
    ws.getCell(first + 6, 1).value = 'merged';
    await compare(await saveBytes(wb));
  });

  it('workbooks written by hand, as other programs write them', async () => {
    const sheet =
      '<sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" s="1"><v>45424</v></c><c r="B2" s="2"><v>45424.5</v></c><c r="C2" s="3"><v>45424</v></c><c r="D2" s="4"><v>0.25</v></c><c r="E2" s="5"><v>7</v></c><c r="F2" s="6"><v>0.5</v></c></row>' +
      '<row r="3"><c r="A3" t="str"><v>a&amp;amp;b</v></c><c r="B3" t="inlineStr"><is><t>x&#13;&#10;y\r\nz&#x1F9EC;</t></is></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch </t></r></is></c><c r="B4" s="1"><f>TODAY()</f><v>45000</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>yx</v></c><c r="D4"><f t="array" ref="D4">SUM(A2:B2)</f><v>1</v></c></row>' +
      '<row r="5"><c r="A5"/><c r="B5" s="1"/><c r="C5" t="inlineStr"><is><t></t></is></c><c r="D5"><v>1e3</v></c><c r="E5"><v> 7 </v></c><c r="F5"><v>-0</v></c></row>' +
      '<row r="6" spans="1:3"><c r="A6" t="inlineStr"><is><t>merged</t></is></c><c r="B6" t="inlineStr"><is><t>hidden</t></is></c></row>' +
      '<row r="9"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A6:C7"/></mergeCells><dataValidations count="1"><dataValidation sqref="A1"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const strings =
      '<si><t>plain_x000D_</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></si><si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></si><si><t/></si>';
    await compare(
      handmade(
        [
          { name: 'S & <T>', xml: sheet },
          { name: 'Second', xml: '<sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData>' },
        ],
        { strings, styles: STYLES },
      ),
    );
    // The 1904 date system.
    await compare(
      handmade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>100</v></c></row></sheetData>' }], {
        styles: STYLES,
        workbookPr: '<workbookPr date1904="1"/>',
      }),
    );
  });

  it('reads what exceljs could not: a namespace prefix, cells without a reference, a shared formula as its own formula', async () => {
    const prefixed = await safeLoadGrid(
      put(
        handmade(
          [
            {
              name: 'S',
              xml: '<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData>',
            },
          ],
          { prefix: true },
        ),
      ),
    );
    const s = prefixed.sheet('S')!;
    expect([s.rowCount, s.cell(2, 2), s.cell(2, 3), s.cell(1, 1)]).toEqual([2, 'a', 3, null]);

    const positional = await safeLoadGrid(
      put(
        handmade([
          {
            name: 'S',
            xml: '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData>',
          },
        ]),
      ),
    );
    const p = positional.sheet('S')!;
    expect([p.cell(1, 1), p.cell(1, 2), p.cell(2, 3), p.cell(2, 4), p.rowCount]).toEqual(['a', 2, 3, 4, 2]);

    const shared = await safeLoadGrid(
      put(
        handmade([
          {
            name: 'S',
            xml: '<sheetData><row r="8"><c r="I8"><f t="shared" ref="I8:I10" si="0">HYPERLINK("http://x",$A8&amp;B8)</f><v>0</v></c></row><row r="9"><c r="I9"><f t="shared" si="0"/><v>0</v></c></row></sheetData>',
          },
        ]),
      ),
    );
    expect(shared.sheet('S')!.cell(8, 9)).toEqual({ formula: 'HYPERLINK("http://x",$A8&B8)' });
    expect(shared.sheet('S')!.cell(9, 9)).toEqual({ formula: 'HYPERLINK("http://x",$A9&B9)' });
    expect(slideFormula('SUM($A$1:B2)+Sheet2!C3*LOG10(D4)', 2, 1)).toBe('SUM($A$1:C4)+Sheet2!D5*LOG10(E6)');
  });

  it('reads each cell of many merges in one row as its merge’s first cell', async () => {
    // 3,000 merges of two cells in row 1 (A1:B1, C1:D1...), each first cell holding its merge's number.
    const cells = Array.from({ length: 3000 }, (_, i) => `<c r="${columnLetter(2 * i + 1)}1"><v>${i}</v></c>`).join('');
    const merges = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="${columnLetter(2 * i + 1)}1:${columnLetter(2 * i + 2)}1"/>`).join('');
    const s = (
      await safeLoadGrid(put(handmade([{ name: 'S', xml: `<sheetData><row r="1">${cells}</row></sheetData><mergeCells>${merges}</mergeCells>` }])))
    ).sheet('S')!;
    for (const i of [0, 1, 1499, 2999]) {
      expect(s.cell(1, 2 * i + 1)).toBe(i);
      expect(s.cell(1, 2 * i + 2)).toBe(i);
    }
    expect(s.cell(1, 6001)).toBeNull();
    expect(s.cell(2, 1)).toBeNull();
  });

  it('refuses a workbook whose parts cannot be read, naming the file', async () => {
    const f = put(handmade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData>' }], { strings: '<si><t>a</t></si>' }));
    const wb = await safeLoadGrid(f);
    expect(() => wb.sheet('S')).toThrow(`${f}: cannot be read as an .xlsx workbook (cell A1 of sheet "S" names shared string 4, which is missing)`);
    const g = put(
      handmade([
        {
          name: 'S',
          xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        },
      ]),
    );
    const h = await safeLoadGrid(g);
    expect(() => h.sheet('S')).toThrow(`${g}: has more than 1,500,000 cells in its sheets, counting merged cells; expected a workbook of at most that many`);
    const stacked = put(
      handmade([
        {
          name: 'S',
          xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="D1:E1"/><mergeCell ref="B2:C3"/></mergeCells>',
        },
      ]),
    );
    await expect((async () => (await safeLoadGrid(stacked)).sheet('S'))()).rejects.toThrow(
      `${stacked}: cannot be read as an .xlsx workbook (the merged ranges A1:B2 and B2:C3 of sheet "S" overlap; expected merged ranges that do not overlap, as Excel saves them)`,
    );
    const broken = put(handmade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr' }]));
    await expect((async () => (await safeLoadGrid(broken)).sheet('S'))()).rejects.toThrow(
      `${broken}: cannot be read as an .xlsx workbook (unterminated markup at character`,
    );
  });
});
