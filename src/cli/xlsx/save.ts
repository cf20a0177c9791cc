/**
 * Saving a layout model. The streaming writer writes the files users get;
 * the exceljs document-API writer is the reference it is tested against
 * (and what a reader of this code can compare with exceljs's own docs).
 */
import type { Workbook } from '../../core/layout/model';
import { addCharts } from './charts/add-charts';
import { streamWorkbook, type RowsWritten } from './stream/write-stream';

/** The .xlsx bytes of a layout model through exceljs's document API, charts added: the reference writer. */
export async function xlsxBytes(model: Workbook): Promise<Buffer> {
  const { toExcelJs } = await import('./write-model'); // exceljs loads only when this is used
  return addCharts(Buffer.from(await toExcelJs(model).xlsx.writeBuffer()), model);
}

/** Writes a layout model to an .xlsx file (streamed, atomically); refuses to overwrite an input. */
export async function saveWorkbook(model: Workbook, file: string, inputs: string[] = [], onRows?: RowsWritten): Promise<void> {
  await streamWorkbook(model, file, inputs, onRows);
}
