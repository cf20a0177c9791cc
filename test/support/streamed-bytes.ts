/** The .xlsx bytes the streaming writer (what users get) writes for a layout model, read back from a temporary file. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Workbook } from '../../src/core/layout/model';
import { streamWorkbook } from '../../src/cli/xlsx/write/write-stream';

export async function streamedBytes(model: Workbook, now?: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-streamed-'));
  try {
    const file = path.join(dir, 'workbook.xlsx');
    await streamWorkbook(model, file, [], undefined, now);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
