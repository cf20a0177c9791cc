/**
 * The parts of a workbook's .xlsx package, in the order they go into the zip:
 * each part's name and its XML, the worksheets as a lazy sequence of chunks
 * (rows stream, the sheet is never whole in memory). Pure: no zip and no I/O,
 * so that two sinks write the same package, the command line's streaming zip
 * (write-stream.ts, yazl) and the add-in's Save as template (jszip, in the
 * browser).
 */
import type { Workbook } from '../../../core/layout/model';
import { rowCount } from '../../../core/layout/rows';
import { chartXml } from './chart-xml';
import { drawingXml, rels } from './drawing-xml';
import { APP_PROPS, contentTypes, corePropsXml, workbookRels, workbookXml } from './package-xml';
import { sheetXml } from './sheet-xml';
import { stylesXml } from './styles-xml';
import { CHUNK_BYTES, XmlBytes } from './xml-bytes';

const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const CORE = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';
const EXTENDED = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';

/** Rows written so far out of all rows of the workbook, as the sheets stream. */
export type RowsWritten = (done: number, total: number) => void;

/**
 * A part of the package: its XML whole, or (a worksheet) a sequence of chunks produced as the zip reads them, text or
 * its UTF-8 bytes (a sheet's rows are written as bytes: rows-xml.ts).
 */
export type Part =
  | { name: string; xml: string }
  | {
      name: string;
      chunks: Iterable<string | Uint8Array>;
      rows?: number;
      /** A worksheet's chunks with its rows written into `out`, a whole XmlBytes, not yielded (partBytes). */
      into?: (out: XmlBytes) => Iterable<string | Uint8Array>;
    };

/** A part's XML as one text (a small part, zipped whole; the add-in's jszip). */
export function partXml(part: Part): string {
  if ('xml' in part) return part.xml;
  const decoder = new TextDecoder();
  let xml = '';
  for (const chunk of part.chunks) xml += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return xml + decoder.decode();
}

/** The one buffer a small sheet is written into whole, kept from one part to the next (XmlBytes, `whole`). */
let whole: XmlBytes | undefined;
/** A buffer grown larger than this for a large sheet is not kept. */
const KEPT_BYTES = 1 << 20;

/**
 * A part's UTF-8 bytes, whole: a sheet's rows, already bytes, are not decoded to text and encoded again. A worksheet
 * is written into one buffer kept for the next part, and its bytes copied out of it: no new chunk a sheet.
 */
export function partBytes(part: Part): Buffer {
  if ('xml' in part) return Buffer.from(part.xml, 'utf8');
  if (part.into) {
    const out = (whole ??= new XmlBytes(CHUNK_BYTES, true));
    out.reset();
    try {
      for (const chunk of part.into(out)) {
        if (typeof chunk === 'string') out.utf8(chunk);
        else out.bytes(chunk);
      }
      return Buffer.from(out.written());
    } finally {
      if (out.capacity > KEPT_BYTES) whole = undefined;
    }
  }
  const chunks: Uint8Array[] = [];
  for (const chunk of part.chunks) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}

/** The time the package says it was written: ISO 8601 in UTC to the second, as docProps and zip entries carry it. */
export function packageTime(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Every part of the model's package, in the order the zip holds them. `onRows` follows the worksheets' rows as they are produced. */
export function packageParts(model: Workbook, now = packageTime(), onRows?: RowsWritten): Part[] {
  const total = model.sheets.reduce((n, s) => n + rowCount(s), 0);
  let before = 0;
  const parts: Part[] = [];
  const text = (name: string, xml: string) => parts.push({ name, xml });
  // A chart or drawing part is made when the zip reads it, not all up front: a thousand charts' XML is never held at once.
  const later = (name: string, make: () => string) =>
    parts.push({
      name,
      chunks: {
        *[Symbol.iterator]() {
          yield make();
        },
      },
    });
  const styles = stylesXml();
  let drawings = 0;
  let charts = 0;
  model.sheets.forEach((sheet, i) => {
    let drawing: string | undefined;
    if (sheet.charts?.length) {
      drawings++;
      drawing = 'rIdDrawing';
      const first = charts;
      sheet.charts.forEach((c) => later(`xl/charts/chart${++charts}.xml`, () => chartXml(c)));
      const anchored = sheet.charts;
      later(`xl/drawings/drawing${drawings}.xml`, () => drawingXml(anchored));
      text(
        `xl/drawings/_rels/drawing${drawings}.xml.rels`,
        rels(sheet.charts.map((_, k) => ({ id: `rId${k + 1}`, type: 'chart', target: `../charts/chart${first + k + 1}.xml` }))),
      );
      text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels([{ id: drawing, type: 'drawing', target: `../drawings/drawing${drawings}.xml` }]));
    }
    const offset = before;
    before += rowCount(sheet);
    const rows = onRows && ((r: number) => onRows(offset + r, total));
    parts.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      chunks: { [Symbol.iterator]: () => sheetXml(sheet, styles, i === 0, drawing, rows) },
      rows: rowCount(sheet),
      into: (out) => sheetXml(sheet, styles, i === 0, drawing, rows, out),
    });
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
  return parts;
}
