/**
 * A layout model as .xlsx bytes in the browser: the parts the command line's
 * streaming writer lists (src/cli/xlsx/write/parts.ts), zipped with jszip, so
 * that a workbook the add-in saves holds the same parts, with the same XML, as
 * the one `plan-report` writes. For small workbooks (template workbooks): each
 * sheet is joined whole in memory.
 */
import JSZip from 'jszip';
import type { Workbook } from '../../core/layout/model';
import { packageParts, packageTime, partXml } from '../../cli/xlsx/write/parts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The package of a model, written at `now` (ISO 8601, UTC, to the second). */
export async function packageBytes(model: Workbook, now = packageTime()): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(now);
  for (const part of packageParts(model, now)) {
    const xml = partXml(part);
    // No folder entries: the command line's package has none either.
    zip.file(part.name, xml, { date, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
