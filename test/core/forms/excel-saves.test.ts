/**
 * Returns as Excel 365 (zh-CN and en), Excel 2010, Mac Excel and WPS save
 * them: the project's own forms, filled, then rewritten construct by
 * construct the way those programs write their parts (shared strings with
 * rich text and phonetic runs, x14/x15 extension elements, calcChain, the
 * 1904 date system with and without the x15 `workbookPr`, inline strings,
 * East Asian built-in date formats, a picture placed in a cell), each
 * collected with the changes the department made.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { RETURN_LIMITS, safeLoadGrid } from '../../../src/cli/xlsx/read/safe-load';
import { readReturn, type Change } from '../../../src/core/forms/reader';
import type { Locale, ReportData } from '../../../src/core/schema';
import { cleanTemps, formBytes, tempDir } from '../../support/forms';

afterAll(cleanTemps);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [
    {
      id: 'P',
      title: 'p',
      measures: [
        { id: 'M1', title: 'one', status: 'in-progress', lead: 'B', due: '2024-12-31' },
        { id: 'M2', title: 'two', status: 'completed', lead: 'B', due: '2024-06-30', completed: '2024-06-28' },
      ],
    },
  ],
};

/** The form's sheet: the second, after its Instructions. */
const SHEET = 'xl/worksheets/sheet2.xml';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const X15 =
  '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>';
/** 2024-09-15 in the 1900 date system. */
const SEP15 = 45550;

type Parts = Map<string, string>;

async function partsOf(bytes: Buffer): Promise<Parts> {
  const z = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(z.files)) if (!z.files[name].dir) parts.set(name, await z.file(name)!.async('string'));
  return parts;
}

async function bytesOf(parts: Parts): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, text] of parts) z.file(name, text);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const edit = (parts: Parts, name: string, f: (xml: string) => string) => parts.set(name, f(parts.get(name)!));

/** Replaces cell `ref` of the form's sheet (empty or not) with `cell`, written in full. */
function setCell(parts: Parts, ref: string, cell: (style: string) => string): void {
  edit(parts, SHEET, (xml) => {
    const re = new RegExp(`<c r="${ref}"( s="(\\d+)")?[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${ref}`);
    return xml.replace(re, cell(m[2] ?? '0'));
  });
}

/** A new cell format with number format `id` (a built-in one, not defined in the workbook); its index. */
function addFormat(parts: Parts, id: number): number {
  let index = 0;
  edit(parts, 'xl/styles.xml', (xml) =>
    xml.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_w, count: string, body: string) => {
      index = Number(count);
      return `<cellXfs count="${index + 1}">${body}<xf numFmtId="${id}" fontId="0" fillId="8" borderId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf></cellXfs>`;
    }),
  );
  return index;
}

/** Inline strings moved to a shared string table, as Excel writes every text; `rich` replaces the text of some entries by runs. */
function toSharedStrings(parts: Parts, rich: Record<string, string> = {}): void {
  const table: string[] = [];
  for (const name of [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
    edit(parts, name, (xml) =>
      xml.replace(/<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>([\s\S]*?)<\/t><\/is><\/c>/g, (_w, a: string, b: string, text: string) => {
        table.push(rich[text] ?? `<t xml:space="preserve">${text}</t>`);
        return `<c ${a}t="s"${b}><v>${table.length - 1}</v></c>`;
      }),
    );
  parts.set(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${MAIN}" count="${table.length}" uniqueCount="${table.length}">${table.map((t) => `<si>${t}</si>`).join('')}</sst>`,
  );
  addPart(parts, 'sharedStrings', 'sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml');
}

function addPart(parts: Parts, type: string, target: string, contentType: string): void {
  edit(parts, 'xl/_rels/workbook.xml.rels', (xml) =>
    xml.replace('</Relationships>', `<Relationship Id="rId${type}" Type="${REL}/${type}" Target="${target}"/></Relationships>`),
  );
  edit(parts, '[Content_Types].xml', (xml) => xml.replace('</Types>', `<Override PartName="/xl/${target}" ContentType="${contentType}"/></Types>`));
}

/** What Excel 2013 and later add: the x15 workbookPr and absPath, x14ac row attributes, a calcChain. */
function excel365(parts: Parts, workbookPr = '<workbookPr defaultThemeVersion="166925"/>'): void {
  edit(parts, 'xl/workbook.xml', (xml) =>
    xml
      .replace(
        /<workbook ([^>]*)>/,
        `<workbook $1 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>`,
      )
      .replace(
        /<workbookPr[^>]*\/>/,
        `${workbookPr}<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\dept\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>`,
      )
      .replace('</workbook>', `${X15}</workbook>`),
  );
  edit(parts, SHEET, (xml) =>
    xml
      .replace(
        /<worksheet ([^>]*)>/,
        '<worksheet $1 xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac">',
      )
      .replace(/<row r="(\d+)"/g, '<row r="$1" x14ac:dyDescent="0.25"'),
  );
  parts.set('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="${MAIN}"><c r="A1" i="3"/></calcChain>`);
  addPart(parts, 'calcChain', 'calcChain.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml');
}

/** The 1904 date system as Mac Excel saves it: the flag, and every date's serial 1,462 days smaller (`shift: false` only flips the flag, as switching an open workbook does). */
function to1904(parts: Parts, x15: boolean, shift = true): void {
  edit(parts, 'xl/workbook.xml', (xml) =>
    xml
      .replace(/<workbookPr([^>]*)\/>/, '<workbookPr date1904="1"$1/>')
      .replace('</workbook>', x15 && !xml.includes(X15) ? `${X15}</workbook>` : '</workbook>'),
  );
  if (shift)
    edit(parts, SHEET, (xml) =>
      xml.replace(/(<c r="[EG]\d+"(?: s="\d+")?><v>)(\d+)(<\/v>)/g, (_w, a: string, n: string, b: string) => `${a}${Number(n) - 1462}${b}`),
    );
}

/** The department's edits to measure M1 (row 8): completed on 2024-09-15, with a note. */
function fill(parts: Parts, locale: Locale, opts: { dateFormat?: number } = {}): void {
  const done = locale === 'zh-CN' ? '已完成' : 'Completed';
  setCell(parts, 'F8', (s) => `<c r="F8" s="${s}" t="inlineStr"><is><t>${done}</t></is></c>`);
  setCell(parts, 'G8', (s) => `<c r="G8" s="${opts.dateFormat === undefined ? s : addFormat(parts, opts.dateFormat)}"><v>${SEP15}</v></c>`);
  setCell(parts, 'I8', (s) => `<c r="I8" s="${s}" t="inlineStr"><is><t>checked</t></is></c>`);
}

const EXPECTED = [
  { cell: 'Measures!F8', field: 'status', value: 'completed' },
  { cell: 'Measures!G8', field: 'completed', value: '2024-09-15' },
  { cell: 'Measures!I8', field: 'note', value: 'checked' },
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
let n = 0;

async function collect(locale: Locale, rewrite: (parts: Parts) => void): Promise<Change[]> {
  const parts = await partsOf(await formBytes(DATA, { kind: 'measures', plan: 'P' }, locale));
  rewrite(parts);
  const file = path.join(dir, `r${n++}.xlsx`);
  fs.writeFileSync(file, await bytesOf(parts));
  return readReturn(await safeLoadGrid(file, RETURN_LIMITS), file, DATA, 'data.yaml').changes;
}

const brief = (changes: Change[]) =>
  changes.map((c) => ({ cell: c.cell.replace(/^措施/, 'Measures'), field: 'field' in c ? c.field : c.kind, value: 'value' in c ? c.value : null }));

describe('returns as real Excel saves them', () => {
  it('Excel 365 (en): shared strings with rich text and phonetic runs, x14/x15 extensions, calcChain', async () => {
    const changes = await collect('en', (p) => {
      fill(p, 'en');
      toSharedStrings(p, {
        checked: '<r><t>che</t></r><r><rPr><b/><sz val="11"/></rPr><t>cked</t></r><rPh sb="0" eb="1"><t>チェック</t></rPh><phoneticPr fontId="1"/>',
      });
      excel365(p);
    });
    expect(brief(changes)).toEqual(EXPECTED);
  });

  it('Excel 365 (zh-CN): a date in built-in format 31 (yyyy"年"m"月"d"日") and a note typed as a date in format 57', async () => {
    const changes = await collect('zh-CN', (p) => {
      fill(p, 'zh-CN', { dateFormat: 31 });
      setCell(p, 'I8', () => `<c r="I8" s="${addFormat(p, 57)}"><v>${SEP15}</v></c>`);
      toSharedStrings(p);
      excel365(p);
    });
    expect(brief(changes).map((c) => c.value)).toEqual(['completed', '2024-09-15', '2024-09-15']);
  });

  it('Excel 2010: shared strings, no extensions', async () => {
    const changes = await collect('en', (p) => {
      fill(p, 'en');
      toSharedStrings(p);
      edit(p, 'xl/workbook.xml', (xml) => xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr defaultThemeVersion="124226"/>'));
    });
    expect(brief(changes)).toEqual(EXPECTED);
  });

  it('WPS: inline strings, a bare workbookPr', async () => {
    const changes = await collect('zh-CN', (p) => {
      fill(p, 'zh-CN');
      edit(p, 'xl/workbook.xml', (xml) => xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr/>'));
    });
    expect(brief(changes).map((c) => c.value)).toEqual(['completed', '2024-09-15', 'checked']);
  });

  it('Mac Excel in the 1904 date system, with the x15 workbookPr (Excel 2016 and later) and without it (Excel 2011)', async () => {
    for (const x15 of [true, false]) {
      const untouched = await collect('en', (p) => {
        toSharedStrings(p);
        if (x15) excel365(p);
        to1904(p, x15);
      });
      expect(untouched).toEqual([]);
      const filled = await collect('en', (p) => {
        fill(p, 'en');
        toSharedStrings(p);
        if (x15) excel365(p);
        to1904(p, x15);
      });
      expect(brief(filled)).toEqual(EXPECTED);
    }
  });

  it('a date typed as a plain number (General format) in a 1904 workbook counts from 1904', async () => {
    const changes = await collect('en', (p) => {
      to1904(p, true);
      setCell(p, 'G8', () => `<c r="G8"><v>${SEP15 - 1462}</v></c>`);
    });
    expect(brief(changes)).toEqual([{ cell: 'Measures!G8', field: 'completed', value: '2024-09-15' }]);
  });

  it('a workbook switched to the 1904 date system is refused, saying so', async () => {
    await expect(collect('en', (p) => to1904(p, true, false))).rejects.toThrow(
      /Measures!E8: the workbook was switched to the 1904 date system: every date of column due moved by 1,462 days \(2024-12-31 now reads 2029-01-01\)/,
    );
  });

  it('a picture placed in a cell (Excel 365) is refused with its cell', async () => {
    const err = collect('en', (p) => {
      fill(p, 'en');
      setCell(p, 'I8', (s) => `<c r="I8" s="${s}" t="e" vm="1"><v>#VALUE!</v></c>`);
      toSharedStrings(p);
      excel365(p);
      p.set(
        'xl/metadata.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<metadata xmlns="${MAIN}" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"><metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>`,
      );
      addPart(p, 'sheetMetadata', 'metadata.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml');
    });
    await expect(err).rejects.toThrow(/Measures!I8: note: a picture was placed in the cell; expected a value typed in/);
  });
});

describe('free-text columns in the Text format', () => {
  it('forms give product, enterprise and registration cells the Text format (49, "@")', async () => {
    const catalog: ReportData = {
      ...DATA,
      catalogs: [{ id: 'C', title: 'c', entries: [{ product: 'Stent', enterprise: 'E', category: 'device', listed: '2024-01-02', hospitals: 3 }] }],
    };
    const parts = await partsOf(await formBytes(catalog, { kind: 'catalog', catalog: 'C' }));
    const styles = parts.get('xl/styles.xml')!;
    const textFormat = [...styles.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    const formatOf = (ref: string) => {
      const s = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(parts.get(SHEET)!)![1];
      const cellXfs = styles.slice(styles.indexOf('<cellXfs'));
      return [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)][Number(s)][1];
    };
    expect(textFormat).toContain('49');
    // Product, enterprise and registration of the entry; a new row's registration.
    expect(['B8', 'C8', 'E8', 'E9'].map(formatOf)).toEqual(['49', '49', '49', '49']);
    expect(formatOf('G8')).not.toBe('49');
  });
});
