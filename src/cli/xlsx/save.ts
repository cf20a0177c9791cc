import type { Workbook } from '../../core/layout/model';
import { writeFileAtomic } from '../files';
import { toExcelJs } from './write-model';

/** The .xlsx bytes of a layout model. */
export async function xlsxBytes(model: Workbook): Promise<Buffer> {
  return Buffer.from(await toExcelJs(model).xlsx.writeBuffer());
}

/** Writes a layout model to an .xlsx file atomically. */
export async function saveWorkbook(model: Workbook, file: string, inputs: string[] = []): Promise<void> {
  await writeFileAtomic(file, await xlsxBytes(model), inputs);
}
