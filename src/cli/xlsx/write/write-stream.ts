/**
 * The streaming writer: the layout model written as XML strings straight
 * into a zip stream (yazl), sheet by sheet and row by row, charts included.
 * Nothing holds the whole workbook: memory is the model's small sheets plus
 * one chunk of rows at a time. The output goes to a temporary file that is
 * renamed into place.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { writeAtomic } from '../../write-atomic';
import type { Workbook } from '../../../core/layout/model';
import { chartXml } from './chart-xml';
import { drawingXml, rels } from './drawing-xml';
import { APP_PROPS, contentTypes, corePropsXml, workbookRels, workbookXml } from './package-xml';
import { useNativeCrc32 } from './native-crc';
import { rowCount } from '../../../core/layout/rows';
import { sheetXml } from './sheet-xml';
import { stylesXml } from './styles-xml';

const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const CORE = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';
const EXTENDED = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';

/** Rows written so far out of all rows of the workbook, as the sheets stream. */
export type RowsWritten = (done: number, total: number) => void;

/** Adds every part of the model's package to a zip file. */
export function addParts(zip: ZipFile, model: Workbook, onRows?: RowsWritten, now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')): void {
  const total = model.sheets.reduce((n, s) => n + rowCount(s), 0);
  let before = 0;
  const text = (name: string, xml: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), name, { mtime: new Date(now) });
  const styles = stylesXml();
  let drawings = 0;
  let charts = 0;
  model.sheets.forEach((sheet, i) => {
    let drawing: string | undefined;
    if (sheet.charts?.length) {
      drawings++;
      drawing = 'rIdDrawing';
      const first = charts;
      sheet.charts.forEach((c) => text(`xl/charts/chart${++charts}.xml`, chartXml(c)));
      text(`xl/drawings/drawing${drawings}.xml`, drawingXml(sheet.charts));
      text(
        `xl/drawings/_rels/drawing${drawings}.xml.rels`,
        rels(sheet.charts.map((_, k) => ({ id: `rId${k + 1}`, type: 'chart', target: `../charts/chart${first + k + 1}.xml` }))),
      );
      text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels([{ id: drawing, type: 'drawing', target: `../drawings/drawing${drawings}.xml` }]));
    }
    // Deflate level 3: a third of the default level's time for a sheet 5% larger (measured on 100,000 measures).
    const offset = before;
    before += rowCount(sheet);
    const rows = onRows && ((r: number) => onRows(offset + r, total));
    const xml = Readable.from(sheetXml(sheet, styles, i === 0, drawing, rows));
    xml.on('error', (err) => zip.emit('error', err)); // yazl pipes the stream without listening for its errors
    zip.addReadStream(xml, `xl/worksheets/sheet${i + 1}.xml`, { mtime: new Date(now), compressionLevel: 3 });
  });
  text('[Content_Types].xml', contentTypes(model, drawings, charts));
  text(
    '_rels/.rels',
    rels([
      { id: 'rId1', type: OFFICE_DOC, target: 'xl/workbook.xml' },
      { id: 'rId2', type: CORE, target: 'docProps/core.xml' },
      { id: 'rId3', type: EXTENDED, target: 'docProps/app.xml' },
    ]),
  );
  text('xl/workbook.xml', workbookXml(model));
  text('xl/_rels/workbook.xml.rels', rels(workbookRels(model)));
  text('xl/styles.xml', styles.xml);
  text('docProps/core.xml', corePropsXml(model, now));
  text('docProps/app.xml', APP_PROPS);
}

/** Writes a layout model to an .xlsx file by streaming, atomically; refuses to overwrite an input. */
export async function streamWorkbook(model: Workbook, target: string, inputs: string[] = [], onRows?: RowsWritten): Promise<void> {
  useNativeCrc32();
  await writeAtomic(target, inputs, async (tmp) => {
    const zip = new ZipFile();
    // A part that fails (a row that cannot be produced: a data file that changed while it was read) fails the
    // write, which then leaves no file; yazl reports it on the zip file, not on its output stream.
    const failed = new Promise<never>((_, reject) => zip.on('error', reject));
    addParts(zip, model, onRows);
    zip.end();
    const out = createWriteStream(tmp);
    await Promise.race([pipeline(zip.outputStream, out), failed]).catch((err) => {
      out.destroy();
      throw err;
    });
  });
}
