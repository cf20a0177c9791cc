/**
 * Located errors: every message a user sees names the file, the place in it
 * (line and column, or sheet and cell) and what was expected.
 */
import { placeWords, pathWordsZh } from './messages/place';
import { inLocale } from './messages/said';
import type { Locale } from './schema';

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
  /** The message in Chinese, where the place that found the problem says it (messages/said.ts). */
  zh?: string;
}

/** How a problem is said: in which language, and with its data path (`--verbose`) or, in Chinese, in words. */
export interface Telling {
  locale?: Locale;
  verbose?: boolean;
}

/**
 * One problem as a line: `plan.yaml:14:17: plans[0].measures[0].status: expected …`;
 * in Chinese `plan.yaml 第14行第17列：第1个方案第1项措施的“状态”：应为…`, the data path
 * added only when verbose.
 */
export function formatLocated(e: Located, how: Telling = {}): string {
  const zh = how.locale === 'zh-CN';
  const where = placeWords(e, zh);
  const message = inLocale(e, how.locale ?? 'en');
  if (!zh) return e.path ? `${where}: ${e.path}: ${message}` : `${where}: ${message}`;
  if (!e.path) return `${where}：${message}`;
  // A cell is what the user sees: its message names the column; the path is told only when asked for.
  if (e.cell !== undefined) return how.verbose ? `${where}（${e.path}）：${message}` : `${where}：${message}`;
  const what = pathWordsZh(e.path) + (how.verbose ? `（${e.path}）` : '');
  return `${where}：${what}：${message}`;
}

/** Thrown when input cannot be used; carries every problem found, not only the first. */
export class InputError extends Error {
  /** How many problems were found: more than are listed when the list was cut (its last line then says so). */
  readonly total: number;

  constructor(
    readonly problems: Located[],
    total?: number,
  ) {
    super(problems.map((p) => formatLocated(p)).join('\n'));
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
