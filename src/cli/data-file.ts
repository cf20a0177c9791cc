import { readData } from '../core/data';
import type { ReportData } from '../core/schema';
import { readTextInput } from './files';

/** Reads and validates a data file; throws an InputError naming every problem's file, line and column. */
export async function loadDataFile(file: string): Promise<ReportData> {
  return readData(await readTextInput(file), file);
}
