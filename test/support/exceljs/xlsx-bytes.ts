/**
 * The reference writer: the layout model written through exceljs's document
 * API, charts added to the package afterwards. Users get the streaming writer
 * (src/cli/xlsx/write); tests compare the two cell for cell, and read the
 * reference's output where a test needs a workbook exceljs made.
 */
import type { Workbook } from '../../../src/core/layout/model';
import { addCharts } from './add-charts';
import { toExcelJs } from './write-model';

/** The .xlsx bytes of a layout model through exceljs's document API, charts added. */
export async function xlsxBytes(model: Workbook): Promise<Buffer> {
  return addCharts(Buffer.from(await toExcelJs(model).xlsx.writeBuffer()), model);
}
