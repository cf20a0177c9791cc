/**
 * The floor: the least a JavaScript writer can do to turn a data file into
 * an .xlsx of its rows. Reads the JSON with JSON.parse, builds each sheet's
 * XML as strings (inline strings, no shared-string table; numbers; dates as
 * serials with a date format; one formula per row with its cached result)
 * and streams it into a zip with yazl, with only the parts a workbook needs:
 * content types, relationships, workbook, the sheets, styles.
 *
 *   node floor-writer.js DATA.json OUT.xlsx
 *
 * Prints one JSON line to stdout: { rows, parseMs, writeMs }.
 */
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import * as yazl from 'yazl';
import { columnLetter, tablesOf, type Cell, type Table } from './rows';

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function esc(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

const STYLE = { date: 1, percent: 2, header: 3 } as const;

function cellXml(ref: string, cell: Cell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null) return '';
  if (typeof cell === 'string') {
    const space = /^\s|\s$/.test(cell) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${esc(cell)}</t></is></c>`;
  }
  if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  if ('d' in cell) return `<c r="${ref}"${s}><v>${cell.d}</v></c>`;
  if (typeof cell.v === 'number') return `<c r="${ref}"${s}><f>${esc(cell.f)}</f><v>${cell.v}</v></c>`;
  return `<c r="${ref}"${s} t="str"><f>${esc(cell.f)}</f><v>${esc(cell.v)}</v></c>`;
}

/** The sheet's XML in chunks of about 256 KB. */
function* sheetXml(table: Table): Generator<Buffer> {
  const letters = table.columns.map((_, i) => columnLetter(i + 1));
  const styles = table.columns.map((c) => (c.format ? STYLE[c.format] : 0));
  const last = `${letters[letters.length - 1]}${table.count + 1}`;
  let out =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/><cols>' +
    table.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('') +
    '</cols><sheetData><row r="1">' +
    table.columns.map((c, i) => cellXml(`${letters[i]}1`, c.title, STYLE.header)).join('') +
    '</row>';
  let r = 1;
  for (const row of table.rows()) {
    r++;
    let x = `<row r="${r}">`;
    for (let i = 0; i < row.length; i++) x += cellXml(letters[i] + r, row[i], styles[i]);
    out += `${x}</row>`;
    if (out.length > 1 << 18) {
      yield Buffer.from(out, 'utf8');
      out = '';
    }
  }
  out += `</sheetData><autoFilter ref="A1:${last}"/></worksheet>`;
  yield Buffer.from(out, 'utf8');
}

const CONTENT_TYPES = (n: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';

const WORKBOOK = (tables: Table[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets>' +
  tables.map((t, i) => `<sheet name="${esc(t.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
  '</sheets><calcPr calcId="191029"/></workbook>';

const WORKBOOK_RELS = (n: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  Array.from(
    { length: n },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('') +
  `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** Four cell formats: default, date (yyyy-mm-dd), percent, bold header. */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export async function writeFloor(dataFile: string, out: string): Promise<{ rows: number; parseMs: number; writeMs: number }> {
  const t0 = performance.now();
  const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  const tables = tablesOf(data);
  const t1 = performance.now();
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES(tables.length)), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(ROOT_RELS), '_rels/.rels');
  zip.addBuffer(Buffer.from(WORKBOOK(tables)), 'xl/workbook.xml');
  zip.addBuffer(Buffer.from(WORKBOOK_RELS(tables.length)), 'xl/_rels/workbook.xml.rels');
  zip.addBuffer(Buffer.from(STYLES), 'xl/styles.xml');
  tables.forEach((t, i) => zip.addReadStream(Readable.from(sheetXml(t), { objectMode: false }), `xl/worksheets/sheet${i + 1}.xml`));
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const file = fs.createWriteStream(out);
    file.on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject).pipe(file);
  });
  return { rows: tables.reduce((n, t) => n + t.count, 0), parseMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) };
}

if (require.main === module) {
  const [dataFile, out] = process.argv.slice(2);
  if (!dataFile || !out) {
    process.stderr.write('usage: floor-writer DATA.json OUT.xlsx\n');
    process.exit(2);
  }
  writeFloor(dataFile, out).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err) => {
      process.stderr.write(`floor-writer: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
