/**
 * Located errors: every message a user sees names the file, the place in it
 * (line and column, or sheet and cell) and what was expected.
 */

export interface Located {
  /** The file the problem is in, as the user named it. */
  file: string;
  /** 1-based line and column in a text file. */
  line?: number;
  column?: number;
  /** `Sheet!A1` in a workbook. */
  cell?: string;
  /** The data path, `plans[0].measures[4].status`. */
  path?: string;
  message: string;
}

export function formatLocated(e: Located): string {
  let where = e.file;
  if (e.line !== undefined) where += `:${e.line}:${e.column ?? 1}`;
  if (e.cell !== undefined) where += ` ${e.cell}`;
  return e.path ? `${where}: ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

/** Thrown when input cannot be used; carries every problem found, not only the first. */
export class InputError extends Error {
  /** How many problems were found: more than are listed when the list was cut (its last line then says so). */
  readonly total: number;

  constructor(
    readonly problems: Located[],
    total?: number,
  ) {
    super(problems.map(formatLocated).join('\n'));
    this.name = 'InputError';
    this.total = total ?? problems.length;
  }

  static one(file: string, message: string, place: Partial<Located> = {}): InputError {
    return new InputError([{ file, message, ...place }]);
  }
}

export function byPlace(a: Located, b: Located): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
