/**
 * Data sheets print at a readable size: instead of shrinking a wide table to
 * the page width (55-60% for the Measures, about 6 pt), its widest wrapping
 * text columns are narrowed, so that their text wraps onto more lines, until
 * the sheet fits the page width at TARGET_SCALE or more.
 */
import type { Sheet } from '../model';
import { sheetRows } from '../rows';
import { STYLES, type Style } from '../styles';
import { columnsWidth, MIN_SCALE, POINTS_PER_CHAR, printableSize } from './page';

/** The scale planned for, above MIN_SCALE: engines measure text a little differently. */
export const TARGET_SCALE = MIN_SCALE + 0.05;
/** A wrapping column is not narrowed below this many characters, unless the sheet would print below MIN_SCALE... */
const MIN_WRAP_WIDTH = 18;
/** ...and then not below this many. */
const LAST_WRAP_WIDTH = 12;
/** The rows looked at to tell which columns wrap (a data sheet's rows share their columns' styles). */
const SAMPLE_ROWS = 50;

/**
 * The columns (0-based) that can wrap: in the first rows under the header,
 * each of their cells wraps its text, or is blank (a column with nothing in
 * it needs no more width than its wrapped title).
 */
export function wrappingColumns(sheet: Sheet, headerRows = 1): Set<number> {
  return sampleColumns(sheet, headerRows).wraps;
}

/** Which columns wrap or are blank (wraps), and which of those are blank (blanks), in the first rows under the header. */
function sampleColumns(sheet: Sheet, headerRows = 1): { wraps: Set<number>; blanks: Set<number> } {
  const fixed = new Set<number>();
  const filled = new Set<number>();
  let n = 0;
  // An on-demand body is sampled from the rows known without producing it (a large data file is read only twice).
  const rows = sheet.body && sheet.sample ? [...sheet.rows, ...sheet.sample] : sheetRows(sheet);
  for (const row of rows) {
    if (n++ < headerRows) continue;
    if (n > headerRows + SAMPLE_ROWS) break;
    row.cells.forEach((cell, c) => {
      if (!cell || cell.v === null) return;
      filled.add(c);
      if (!(cell.s && (STYLES[cell.s] as Style).align?.wrap)) fixed.add(c);
    });
  }
  const all = sheet.columns.map((_, c) => c);
  return { wraps: new Set(all.filter((c) => !fixed.has(c))), blanks: new Set(all.filter((c) => !filled.has(c))) };
}

/**
 * Narrows the sheet's columns with nothing in them, then its widest wrapping
 * columns, evenly from the widest down,
 * until its columns fit the page at TARGET_SCALE, none below 18 characters;
 * when that is not enough, below 18 (not below 12) until they fit at just
 * over MIN_SCALE.
 */
export function fitColumnsToPage(sheet: Sheet, sample = sampleColumns(sheet)): void {
  const { wraps } = sample;
  // First the columns with nothing in them (Beijing's lead departments): they need only their wrapped title.
  narrow(sheet, sample.blanks, TARGET_SCALE, LAST_WRAP_WIDTH);
  narrow(sheet, wraps, TARGET_SCALE, MIN_WRAP_WIDTH);
  narrow(sheet, wraps, MIN_SCALE + 0.01, LAST_WRAP_WIDTH);
}

function narrow(sheet: Sheet, wraps: Set<number>, scale: number, min: number): void {
  if (!sheet.print) return;
  const budget = printableSize(sheet.print).width / scale;
  const excess = (columnsWidth(sheet.columns) - budget) / POINTS_PER_CHAR;
  if (excess <= 0) return;
  const narrowable = sheet.columns.map((c, i) => (!c.hidden && wraps.has(i) && c.width > min ? i : -1)).filter((i) => i >= 0);
  if (!narrowable.length) return;
  // The level L such that cutting every narrowable column to L (not below min) removes the excess.
  const cut = (level: number) => narrowable.reduce((sum, i) => sum + Math.max(0, sheet.columns[i].width - level), 0);
  let lo = min;
  let hi = Math.max(...narrowable.map((i) => sheet.columns[i].width));
  if (cut(lo) <= excess) hi = lo;
  else {
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (cut(mid) > excess) lo = mid;
      else hi = mid;
    }
  }
  const level = Math.floor(hi);
  sheet.columns = sheet.columns.map((c, i) => (narrowable.includes(i) && c.width > level ? { ...c, width: Math.max(min, level) } : c));
}
