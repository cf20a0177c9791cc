/**
 * Which built-in number formats show dates: every built-in date or time
 * format, with the East Asian ones (27-36, 50-58) that Chinese, Japanese and
 * Korean Excel write without a definition, read as dates in both date
 * systems; the other built-in formats read as numbers. Only the workbook's
 * own `<workbookPr>` sets the date system, not the `<x15:workbookPr>` that
 * Excel 2013 and later write in the workbook's extensions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDateFormatId } from '../../../../src/cli/xlsx/read/parts-grid';
import { safeLoadGrid } from '../../../../src/cli/xlsx/read/safe-load';
import { serialToDate } from '../../../../src/core/periods';
import { cleanTemps, tempDir } from '../../../support/forms';
import { handmade } from './handmade';

afterAll(cleanTemps);

const DATE_IDS = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];
const NUMBER_IDS = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49];
const X15 =
  '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>';
const SYSTEMS = [
  { name: '1900', workbookPr: '<workbookPr defaultThemeVersion="166925"/>', offset: 0 },
  { name: '1900, with the x15 extension', workbookPr: `<workbookPr defaultThemeVersion="166925"/>${X15}`, offset: 0 },
  { name: '1904', workbookPr: '<workbookPr date1904="1"/>', offset: 1462 },
  { name: '1904, with the x15 extension', workbookPr: `<workbookPr date1904="1" defaultThemeVersion="166925"/>${X15}`, offset: 1462 },
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
let n = 0;

async function cellA1(id: number, workbookPr: string) {
  const bytes = handmade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>45550</v></c></row></sheetData>' }], {
    styles: `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}" applyNumberFormat="1"/></cellXfs>`,
    workbookPr,
  });
  const f = path.join(dir, `d${n++}.xlsx`);
  fs.writeFileSync(f, bytes);
  const wb = await safeLoadGrid(f);
  return { wb, value: wb.sheet('S')!.cell(1, 1) };
}

describe('built-in date formats, in both date systems', () => {
  for (const system of SYSTEMS)
    describe(`the ${system.name} date system`, () => {
      it.each(DATE_IDS)('format %i shows a date', async (id) => {
        const { wb, value } = await cellA1(id, system.workbookPr);
        expect(value).toBeInstanceOf(Date);
        expect((value as Date).toISOString().slice(0, 10)).toBe(serialToDate(45550 + system.offset));
        expect(wb.date1904).toBe(system.offset > 0);
      });
    });

  it.each(NUMBER_IDS)('format %i shows a number', async (id) => {
    expect((await cellA1(id, '')).value).toBe(45550);
    expect(isDateFormatId(id)).toBe(false);
  });

  it('a format defined in the workbook wins over the built-in one of the same id', () => {
    expect(isDateFormatId(31)).toBe(true);
    expect(isDateFormatId(31, new Map([[31, '0.00']]))).toBe(false);
  });
});
