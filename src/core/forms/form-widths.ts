/**
 * The widths of a form's columns, fitted so that no label, column title or
 * locked value is cut: a column is widened to its longest value (up to a
 * limit, past which its text wraps), to the longest word of its title, and
 * column A to the labels of the block at the top of the form. And the
 * heights of merged cells and the heading in page headers, which the
 * layout's fitRowHeights does not measure.
 */
import { textWidth } from '../layout/sheets/common';
import type { Locale } from '../schema';
import type { FormColumn, Scalar } from './form';

/** A column of one-line values is widened up to this; past it, its text wraps. */
const MAX_FIT = 30;
/** The widest date a column shows: 2024-12-31, or 2024年12月31日 in zh-CN. */
const DATE_WIDTH: Record<Locale, number> = { en: 10, 'zh-CN': 14 };
/** Room for the cell's margins (and bold text, a little wider). */
const PAD = 2;

export interface FittedColumns {
  widths: number[];
  /** Columns whose values are too long for one line: their cells wrap. */
  wrap: boolean[];
  /** Lines of the header row. */
  headerLines: number;
}

const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map(textWidth));

/** `shown(v, j)` is the text a cell of column `j` shows (words for statuses and categories). */
export function fitColumns(
  columns: FormColumn[],
  titles: string[],
  rows: Scalar[][],
  labels: string[],
  locale: Locale,
  shown: (v: Scalar, j: number) => string,
): FittedColumns {
  const widths = columns.map((c) => c.width);
  const wrap = columns.map((c) => c.type === 'wrap');
  columns.forEach((c, j) => {
    // A title wraps at its spaces (Chinese anywhere) onto at most two lines.
    const t = titles[j];
    const cjk = textWidth(t) > t.length;
    widths[j] = Math.max(widths[j], (cjk ? Math.ceil(textWidth(t) / 2) : longestWord(t)) + PAD);
    if (c.type === 'date') widths[j] = Math.max(widths[j], DATE_WIDTH[locale] + PAD);
    if (c.type === 'wrap' || c.type === 'date') return;
    let longest = 0;
    for (const row of rows) {
      const v = row[j];
      if (v !== null && v !== undefined) longest = Math.max(longest, textWidth(shown(v, j)));
    }
    if (longest + PAD > MAX_FIT) {
      wrap[j] = c.type === 'text';
      widths[j] = Math.max(widths[j], MAX_FIT);
    } else widths[j] = Math.max(widths[j], longest + PAD);
  });
  widths[0] = Math.max(widths[0], ...labels.map((l) => textWidth(l) + PAD + 1));
  const headerLines = Math.max(
    2,
    ...titles.map((t, j) => {
      const room = widths[j] - 1;
      return textWidth(t) > t.length ? Math.ceil(textWidth(t) / room) : wordLines(t, room);
    }),
  );
  return { widths, wrap, headerLines };
}

/** The lines `text` takes when wrapped at its spaces within `room` characters. */
function wordLines(text: string, room: number): number {
  let lines = 1;
  let used = 0;
  for (const w of text.split(/\s+/)) {
    const n = textWidth(w);
    if (used && used + 1 + n > room) {
      lines++;
      used = n;
    } else used += used ? 1 + n : n;
  }
  return lines;
}

/** A heading's characters (16 pt, bold) are this many times as wide as a cell's. */
export const HEADING_SCALE = 1.7;
/** The longest heading a page header shows, in portrait and in landscape (a longer one is cut with an ellipsis). */
export const HEADER_ROOM = { portrait: 70, landscape: 110 } as const;

/** The heading as a page header shows it: at most `room` characters, so that it does not run into the right part. */
export function headerHeading(heading: string, room: number): string {
  const chars = Array.from(heading);
  let width = 0;
  let n = 0;
  while (n < chars.length && width + textWidth(chars[n]) <= room - 1) width += textWidth(chars[n++]);
  return n === chars.length ? heading : `${chars.slice(0, n).join('').trimEnd()}…`;
}

/** The height of wrapped text in a cell (or merged cells) `width` characters wide, at `lineHeight` points a line. */
export function wrappedHeight(text: string, width: number, lineHeight = 15): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(4, width - 2))), 0);
  return Math.min(409, lines * lineHeight);
}
