/**
 * The printed page in points, and how much of a sheet fits on it: the
 * geometry the print setup is planned with. Column widths are in character
 * cells of the default font (Calibri 11, a 7-pixel digit: 5.25 pt each),
 * row heights in points, as Excel and LibreOffice both measure them.
 */
import { DEFAULT_MARGINS, type Column, type PrintSetup, type Row } from '../model';

/** A4 in points. */
const A4 = { long: 841.89, short: 595.28 };
const POINTS_PER_INCH = 72;
/** The width of one character cell of a column, in points (7 px at 96 dpi). */
export const POINTS_PER_CHAR = 5.25;
/** The height of a row without its own height, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** No sheet prints smaller than this. */
export const MIN_SCALE = 0.8;

type Page = Pick<PrintSetup, 'orientation' | 'margins'>;

/** The width and height of the printed area of a page, in points, at 100%. */
export function printableSize(page: Page): { width: number; height: number } {
  const m = page.margins ?? DEFAULT_MARGINS;
  const [w, h] = page.orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  return { width: w - (m.left + m.right) * POINTS_PER_INCH, height: h - (m.top + m.bottom) * POINTS_PER_INCH };
}

/** The width of the columns that print (hidden ones do not), in points. */
export function columnsWidth(columns: Column[]): number {
  return columns.reduce((sum, c) => sum + (c.hidden ? 0 : c.width * POINTS_PER_CHAR), 0);
}

/** The scale a sheet fitted to the page width prints at: 1 when its columns fit, never more. */
export function fitScale(page: Page, columns: Column[]): number {
  const width = columnsWidth(columns);
  return width > 0 ? Math.min(1, printableSize(page).width / width) : 1;
}

/** How many points of rows one page holds at `scale`, kept a little short of the edge (engines round row heights). */
export function pageRowsHeight(page: Page, scale: number): number {
  return (printableSize(page).height / scale) * 0.96;
}

export function rowHeight(row: Row | undefined): number {
  return row?.height ?? DEFAULT_ROW_HEIGHT;
}
