/** Reading filled forms back as the collector does. */
import type ExcelJS from 'exceljs';
import { readReturn, type FormReturn } from '../../src/core/forms/reader';
import type { ReportData } from '../../src/core/schema';
import { exceljsGrid } from './exceljs/reader';
import { loadBytes, saveBytes } from './forms';

/** Reads a filled form (an exceljs workbook), through its bytes, as a returned file is read. */
export async function readBack(wb: ExcelJS.Workbook, data: ReportData, file = 'return.xlsx'): Promise<FormReturn> {
  return readReturn(exceljsGrid(await loadBytes(await saveBytes(wb))), file, data, 'data.yaml');
}
