/**
 * The quick reading of a sheet's XML: the tokenizer reads tags by hand as
 * the regular expression TAG says (its grammar), attributes as before, a
 * large sheet's bytes as Latin-1 with each value decoded as UTF-8, and only
 * the columns a reader asks for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { PartsWorkbook } from '../../../../src/cli/xlsx/read/parts-grid';
import { safeLoadGrid, WORKBOOK_LIMITS } from '../../../../src/cli/xlsx/read/safe-load';
import { attributesOf, decodeText, scanXml, TAG, XmlError } from '../../../../src/cli/xlsx/read/xml-scan';
import type { GridSheet } from '../../../../src/core/read/grid';
import { cleanTemps, tempDir } from '../../../support/forms';
import { handmade } from './handmade';

afterAll(cleanTemps);

/** The events of the tokenizer as TAG alone reads them (the reading before the quick one), or the error. */
function byTag(xml: string): string[] {
  const out: string[] = [];
  let pos = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      out.push(`text ${xml.slice(pos)}`);
      break;
    }
    if (lt > pos) out.push(`text ${xml.slice(pos, lt)}`);
    TAG.lastIndex = lt + 1;
    const m = TAG.exec(xml);
    if (!m) return [...out, `error unterminated markup at character ${lt}`];
    pos = TAG.lastIndex;
    if (m[2] !== undefined) {
      if (m[1]) out.push(`close ${m[2]}`);
      else {
        let attrs = m[3];
        const self = attrs.endsWith('/');
        if (self) attrs = attrs.slice(0, -1);
        out.push(`open ${m[2]} [${attrs}] ${self}`);
        if (self) out.push(`close ${m[2]}`);
      }
    } else if (m[4] !== undefined) out.push(`cdata ${m[4]}`);
  }
  return out;
}

function byScan(xml: string): string[] {
  const out: string[] = [];
  try {
    scanXml(xml, {
      open: (name, attrs, self) => out.push(`open ${name} [${attrs}] ${self}`),
      close: (name) => out.push(`close ${name}`),
      text: (raw, cdata) => out.push(cdata ? `cdata ${raw}` : `text ${raw}`),
    });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    out.push(`error ${err.message}`);
  }
  return out;
}

/** The attributes as they were read before (a map by local name, values decoded, declarations left out). */
function attributesBefore(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  let i = 0;
  while (i < attrs.length) {
    if (isSpace(attrs.charCodeAt(i))) {
      i++;
      continue;
    }
    const eq = attrs.indexOf('=', i);
    if (eq < 0) break;
    const name = attrs.slice(i, eq).trim();
    let j = eq + 1;
    while (j < attrs.length && isSpace(attrs.charCodeAt(j))) j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") break;
    const end = attrs.indexOf(quote, j + 1);
    if (end < 0) break;
    const colon = name.indexOf(':');
    if (!(colon >= 0 && name.slice(0, colon) === 'xmlns') && name !== 'xmlns')
      out[colon < 0 ? name : name.slice(colon + 1)] = decodeText(attrs.slice(j + 1, end));
    i = end + 1;
  }
  return out;
}

const PIECES = [
  '<c r="A1" s="2" t="inlineStr">',
  '<x:c r="B1">',
  '</c>',
  '</x:c >',
  '<v>',
  '</v>',
  '<f t="shared" si="0"/>',
  '<is><t>',
  '</t></is>',
  '<a:b:c>',
  '<1x>',
  '</>',
  '<c a=">" b=\'"\'>',
  '<c a="',
  "'",
  '"',
  '<!-- c -->',
  '<!--',
  '<![CDATA[ <c> ]]>',
  '<![CDATA[',
  '<?pi x?>',
  '<!DOCTYPE x [<!ENTITY e "v">]>',
  '<row/>',
  '<row r="2" />',
  '< c>',
  '<c\tr="A1"\n>',
  '<_:x>',
  '<x.y-z>',
  'text &amp; 医药 ',
  '>',
  '<',
];

describe('the quick tokenizer', () => {
  it('reads every tag, text and error as TAG reads them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }), (pieces) => {
        const xml = pieces.join('');
        expect(byScan(xml)).toEqual(byTag(xml));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads attributes as they were read before', () => {
    const parts = [
      'r="A1"',
      " s='3'",
      ' x:t="str"',
      ' xmlns="u"',
      ' xmlns:x="u"',
      ' a = "b"',
      '\u00a0v="1"',
      ' c="&amp;&#65;"',
      ' d="',
      ' e',
      '=',
      ' "',
      ' f=g',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...parts), fc.string({ maxLength: 4 })), { maxLength: 8 }), (list) => {
        const attrs = list.join('');
        expect(attributesOf(attrs)).toEqual(attributesBefore(attrs));
      }),
      { numRuns: 3000 },
    );
  });
});

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>';

/** A sheet of `rows` rows of text (Chinese, escapes, entities, CDATA, rich text), dates, numbers and formulas in 5 columns. */
function bigSheet(rows: number): string {
  const out: string[] = ['<sheetData>'];
  for (let r = 1; r <= rows; r++) {
    const text =
      r % 7 === 0
        ? '<is><r><t>富</t></r><r><t xml:space="preserve"> text_x000D_ </t></r></is>'
        : r % 5 === 0
          ? '<is><t><![CDATA[<b> & ]]>医药</t></is>'
          : `<is><t>措施 ${r} &amp; &#x1F9EC; "q" 'a' ${'x'.repeat(r % 40)}</t></is>`;
    out.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr">${text}</c><c r="B${r}" s="1"><v>${45000 + (r % 900)}</v></c>` +
        `<c r="C${r}"><v>${r / 8}</v></c><c r="D${r}" t="str"><f>A${r}&amp;"x"</f><v>y&amp;amp;z</v></c>` +
        `<c r="E${r}"><f t="shared" ${r === 1 ? `ref="E1:E${rows}" ` : ''}si="0">${r === 1 ? 'B1*2' : ''}</f><v>1</v></c></row>`,
    );
  }
  out.push('</sheetData><mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>');
  return out.join('');
}

/** The same workbook read from its parts' text (as the add-in reads a template) and by the bounded loader. */
async function bothWays(bytes: Buffer): Promise<[PartsWorkbook, PartsWorkbook]> {
  const file = path.join(dir, `big${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, bytes);
  const z = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(z.files)) if (!z.files[name].dir) parts.set(name.toLowerCase(), await z.file(name)!.async('string'));
  return [new PartsWorkbook(parts, file, WORKBOOK_LIMITS.maxCells), await safeLoadGrid(file, WORKBOOK_LIMITS)];
}

function expectSameCells(a: GridSheet, b: GridSheet, columns: number, width = columns): void {
  expect(b.rowCount).toBe(a.rowCount);
  for (let r = 1; r <= a.rowCount + 1; r++)
    for (let c = 1; c <= width; c++) {
      // After the columns asked for, cells read as blank.
      const [x, y] = [c <= columns ? a.cell(r, c) : null, b.cell(r, c)];
      if (JSON.stringify(x) !== JSON.stringify(y)) expect({ r, c, y }).toEqual({ r, c, y: x });
    }
}

describe('a large sheet, read from its bytes', () => {
  it('reads as from its text: UTF-8 values, entities, CDATA, rich text, dates, formulas, merges', async () => {
    const xml = bigSheet(40_000);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(4 * 1024 * 1024); // read from its bytes (safe-load.ts)
    const [text, bytes] = await bothWays(handmade([{ name: 'S', xml }], { styles: STYLES }));
    expectSameCells(text.sheet('S')!, bytes.sheet('S')!, 5, 6);
    expect(bytes.sheet('S')!.cell(1, 1)).toBe(`措施 1 & 🧬 "q" 'a' x`);
    expect(bytes.sheet('S')!.cell(4, 2)).toBe('措施 3 & 🧬 "q" \'a\' xxx'); // covered by the merge A3:B4
    expect(bytes.sheet('S')!.cell(3, 5)).toEqual({ formula: 'B3*2' });
  }, 60_000);

  it('reads only the columns asked for, the same cells in them', async () => {
    const bytes = handmade([{ name: 'S', xml: bigSheet(2000) }], { styles: STYLES });
    const [, wb] = await bothWays(bytes);
    const all = wb.sheet('S')!;
    const [, again] = await bothWays(bytes);
    expectSameCells(all, again.sheet('S', 2)!, 2, 5);
    // Asked again for more columns, the sheet is read again; for fewer, the sheet read stands.
    expectSameCells(all, again.sheet('S', 5)!, 5);
    expect(again.sheet('S', 1)).toBe(again.sheet('S', 5));
  });
});
