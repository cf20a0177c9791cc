/**
 * A previous report chosen as a file in the task pane (issue 13): read in the
 * browser within the command line's bounds (read-template.ts), then as
 * `generate --since` reads one, with the same refusals.
 */
import { InputError } from '../../core/errors';
import { TemplateWorkbookError } from '../../core/record/carried-template';
import type { StreamableData } from '../../core/schema';
import { checkPrevious, readPrevious } from '../../core/since/previous';
import type { PreviousInWorkbook } from '../excel/previous';
import { readWorkbookFile } from './read-template';

export async function previousFromFile(bytes: Uint8Array, file: string, data: StreamableData): Promise<PreviousInWorkbook> {
  try {
    const previous = readPrevious(await readWorkbookFile(bytes, file), file);
    const { note, noteZh } = checkPrevious(data, 'the data file', previous);
    return { previous, from: String(previous.data.report.period), to: String(data.report.period), note, noteZh };
  } catch (err) {
    // Refused as a previous report, not as a template: the pane words plain input problems.
    if (err instanceof TemplateWorkbookError) throw new InputError(err.problems);
    throw err;
  }
}
