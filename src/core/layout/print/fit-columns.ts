/**
 * Data sheets print at a readable size: instead of shrinking a wide table to
 * the page width (55-60% for the Measures, about 6 pt), the sheet's columns
 * are fitted to the page width at TARGET_SCALE or more. First the columns
 * wider than what they hold are narrowed to it (a period, a kind, a figure:
 * their longest value or the longest word of their wrapping title); then the
 * widest wrapping text columns, so that their text wraps onto more lines, but
 * never below their longest word (a word is never broken across lines), nor,
 * while that is enough, below 18 characters.
 */
import type { Cell, Sheet } from '../model';
import { sheetRows } from '../rows';
import { STYLES, type Style } from '../styles';
import { lineWidth, longestWord, wrappedLines } from './wrap-lines';
import { columnsWidth, MIN_SCALE, POINTS_PER_CHAR, printableSize } from './page';

/** The scale planned for, above MIN_SCALE: engines measure text a little differently. */
export const TARGET_SCALE = MIN_SCALE + 0.05;
/** A wrapping column is not narrowed below its longest word; when even that is not enough (a word wider than this), not below this many. */
const LAST_WRAP_WIDTH = 12;
/** No column is narrowed to its content below this many characters. */
const MIN_WIDTH = 6;
/** A column of numbers or dates keeps room for a value of this many characters (one typed later may be longer). */
const NUMBER_WIDTH = 9;
/** A date as yyyy-mm-dd, and as yyyy年m月d日 (eight digits and three CJK characters), with the cell's padding. */
const DATE_WIDTH = 11;
const DATE_ZH_WIDTH = 15;
/** A column that does not wrap (ids, dates) widens to its longest value, up to this many characters. */
const MAX_FIXED_WIDTH = 24;
/** 9 characters and the cell's padding, as Excel writes the width (trunc((9 * 7 + 5) / 7 * 256) / 256). */
const EXCEL_NINE = 9.140625;
/** Bold (the header row) is this much wider than Calibri's regular letters. */
const BOLD = 1.06;
/** A row is at most 409 pt (27 lines) tall: lines past that, and text past what fills them, change nothing. */
const MAX_LINES = 28;
const MAX_SAMPLED_TEXT = 4000;
/** The rows looked at to tell which columns wrap (a data sheet's rows share their columns' styles). */
const SAMPLE_ROWS = 50;

interface Sample {
  /** Columns whose cells wrap their text, or are blank. */
  wraps: Set<number>;
  /** Columns with nothing in them. */
  blanks: Set<number>;
  /** Per column, the width its content needs on one line (values, and its title's longest word), in character cells. */
  content: number[];
  /** Per column, its longest word (values and title): the least it can wrap to without breaking a word. */
  word: number[];
  /** The sampled rows' wrapping text, per row and column. */
  rows: (string | undefined)[][];
}

/**
 * The columns (0-based) that can wrap: in the first rows under the header,
 * each of their cells wraps its text, or is blank (a column with nothing in
 * it needs no more width than its wrapped title).
 */
export function wrappingColumns(sheet: Sheet, headerRows = 1): Set<number> {
  return sampleColumns(sheet, headerRows).wraps;
}

/**
 * A number as Excel shows it with two decimals and thousands separators. Made once, when first needed: `toLocaleString`
 * with options makes a new formatter each call (some 30 us; the 1k x 40 indicators report asks a few thousand times),
 * and making this one costs some 30 ms (ICU's data), which most runs never need (twoDecimalsLength).
 */
let twoDecimals: Intl.NumberFormat | undefined;
const TWO_DECIMALS = () => (twoDecimals ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/**
 * The length of `x` (>= 0) as TWO_DECIMALS formats it (`12,345.68`), told from its shortest decimal text: its integer
 * digits, one separator a three, and three for the decimals; one digit more where rounding to two decimals carries
 * into a new one (99.996: `100.00`). A tie at the third decimal (99.995, its binary value either side of it), a
 * number of 21 digits or more, one in exponent form, and Infinity or NaN are formatted.
 */
export function twoDecimalsLength(x: number): number {
  if (!Number.isFinite(x)) return TWO_DECIMALS().format(x).length;
  const s = String(x);
  if (s.includes('e')) return x < 1 ? 4 : TWO_DECIMALS().format(x).length;
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  let digits = whole.length;
  if (frac.length > 2 && frac.startsWith('99') && /^9+$/.test(whole)) {
    if (frac === '995') return TWO_DECIMALS().format(x).length;
    if (frac[2] >= '5') digits++;
  }
  return digits + Math.floor((digits - 1) / 3) + 3;
}

/** The width a value needs on one line, in character cells: text by its letters, a number or date by its digits. */
function valueWidth(cell: Cell): number {
  const v = cell.v;
  if (typeof v === 'string') return lineWidth(v);
  if (cell.f) return Math.max(NUMBER_WIDTH, typeof v === 'string' ? lineWidth(v) : 0);
  if (typeof v === 'number') {
    const digits = twoDecimalsLength(Math.abs(v));
    return Math.max(NUMBER_WIDTH, digits + 2);
  }
  if (v === null || v === undefined) return 0;
  // A date: 2022-12-31, or 2022年12月31日 in a zh-CN style.
  return cell.s?.endsWith('Zh') ? DATE_ZH_WIDTH : DATE_WIDTH;
}

/** Which columns wrap or are blank, which are blank, and how wide their content is, from the header and the first rows under it. */
function sampleColumns(sheet: Sheet, headerRows = 1): Sample {
  const fixed = new Set<number>();
  const filled = new Set<number>();
  const content = sheet.columns.map(() => MIN_WIDTH);
  const word = sheet.columns.map(() => 0);
  const rows: (string | undefined)[][] = [];
  let n = 0;
  // An on-demand body is sampled from the rows known without producing it (a large data file is read only twice).
  const sampled = sheet.body && sheet.sample ? [...sheet.rows, ...sheet.sample] : sheetRows(sheet);
  for (const row of sampled) {
    const header = n++ < headerRows;
    if (n > headerRows + SAMPLE_ROWS) break;
    row.cells.forEach((cell, c) => {
      // A formula is content, even while its result is blank (a figure with no data yet).
      if (!cell || (cell.v === null && !cell.f) || c >= content.length) return;
      if (header) {
        if (typeof cell.v === 'string') (rows[n] ??= [])[c] = cell.v;
        // A title wraps: its longest word is all it needs.
        if (typeof cell.v === 'string') content[c] = Math.max(content[c], longestWord(cell.v) * BOLD);
        word[c] = Math.max(word[c], typeof cell.v === 'string' ? longestWord(cell.v) * BOLD : 0);
        return;
      }
      filled.add(c);
      const wraps = Boolean(cell.s && (STYLES[cell.s] as Style).align?.wrap);
      if (!wraps) fixed.add(c);
      if (wraps && typeof cell.v === 'string') (rows[n] ??= [])[c] = cell.v.slice(0, MAX_SAMPLED_TEXT);
      content[c] = Math.max(content[c], valueWidth(cell));
      word[c] = Math.max(word[c], typeof cell.v === 'string' ? (wraps ? longestWord(cell.v) : lineWidth(cell.v)) : valueWidth(cell));
    });
  }
  const all = sheet.columns.map((_, c) => c);
  return {
    wraps: new Set(all.filter((c) => !fixed.has(c))),
    blanks: new Set(all.filter((c) => !filled.has(c))),
    content,
    word,
    rows: rows.filter(Boolean),
  };
}

/**
 * Widens each column that does not wrap to show all of its value (an id, a
 * zh-CN date: never cut, never ###), up to 24 characters. Then fits a sheet
 * wider than the page at TARGET_SCALE: its columns wider than
 * their content narrowed to it (a blank one to its title, keeping room for
 * a number, or 12 characters of text); then its columns with nothing in them; then its
 * wrapping columns, one character at a time, each time the one whose
 * narrowing adds the fewest lines to the rows (a short name narrows before a
 * long note, down to the note's lines), never below its longest word; and
 * only when that is not enough, evenly below the longest word, not below 12,
 * until the columns fit at just over MIN_SCALE.
 */
export function fitColumnsToPage(sheet: Sheet, sample = sampleColumns(sheet)): void {
  if (!sheet.print) return;
  const { wraps, blanks, content } = sample;
  const need = (c: number) => Math.ceil(blanks.has(c) ? Math.max(content[c], wraps.has(c) ? LAST_WRAP_WIDTH : NUMBER_WIDTH) : content[c]);
  sheet.columns = sheet.columns.map((col, c) =>
    col.hidden || wraps.has(c) || need(c) <= col.width ? col : { ...col, width: Math.min(need(c), Math.max(col.width, MAX_FIXED_WIDTH)) },
  );
  if (excess(sheet, TARGET_SCALE) > 0) narrowToPage(sheet, sample, need);
  // A width of 9 is exceljs's default, which it leaves out of the file: 9 characters as Excel stores them instead.
  sheet.columns = sheet.columns.map((col) => (col.width === 9 ? { ...col, width: EXCEL_NINE } : col));
}

function narrowToPage(sheet: Sheet, sample: Sample, need: (c: number) => number): void {
  const { wraps, blanks, word } = sample;
  sheet.columns = sheet.columns.map((col, c) => (col.hidden || need(c) >= col.width ? col : { ...col, width: need(c) }));
  const words = (c: number) => Math.ceil(Math.max(MIN_WIDTH, word[c]));
  // First the columns with nothing in them (Beijing's lead departments): they need only their wrapped title.
  narrow(sheet, blanks, TARGET_SCALE, () => LAST_WRAP_WIDTH);
  narrowByLines(sheet, sample, TARGET_SCALE, words);
  narrow(sheet, wraps, MIN_SCALE + 0.01, (c) => Math.min(words(c), LAST_WRAP_WIDTH));
}

/**
 * Narrows the wrapping columns one character at a time until the sheet fits
 * at `scale`: each time the column (of those above their floor) whose
 * narrowing adds the fewest lines to the sampled rows, a row being as many
 * lines as its tallest cell; the widest of those on a tie.
 */
function narrowByLines(sheet: Sheet, sample: Sample, scale: number, floor: (c: number) => number): void {
  const columns = sheet.columns.map((c) => ({ ...c }));
  const cols = [...sample.wraps].filter((c) => !columns[c].hidden);
  const cache = new Map<string, number[]>();
  /** Lines of each sampled row's text in column c at width w. */
  const lines = (c: number, w: number): number[] => {
    const key = `${c}:${w}`;
    let got = cache.get(key);
    if (!got) {
      got = sample.rows.map((row) =>
        Math.min(
          MAX_LINES,
          (row[c] ?? '').split('\n').reduce((sum, part) => sum + wrappedLines(part, w), 0),
        ),
      );
      cache.set(key, got);
    }
    return got;
  };
  /** The sampled rows' lines with column c at width w: each row as many as its tallest cell, at least 1. */
  const total = (c: number, w: number): number => {
    // Each column's lines looked up once a call, not once a row (the 1k x 40 indicators report: 10 ms of its build).
    const each = cols.map((o) => (o === c ? lines(c, w) : lines(o, columns[o].width)));
    let sum = 0;
    for (let r = 0; r < sample.rows.length; r++) {
      let most = 1;
      for (const l of each) if (l[r] > most) most = l[r];
      sum += most;
    }
    return sum;
  };
  let over = Math.ceil(excess({ ...sheet, columns }, scale));
  while (over > 0) {
    let best = -1;
    let bestCost = Infinity;
    for (const c of cols) {
      if (columns[c].width - 1 < floor(c)) continue;
      const cost = total(c, columns[c].width - 1) - total(c, columns[c].width);
      if (cost < bestCost || (cost === bestCost && columns[c].width > columns[best].width)) {
        best = c;
        bestCost = cost;
      }
    }
    if (best < 0) break;
    columns[best].width--;
    over--;
  }
  sheet.columns = columns;
}

/** How many character cells the sheet's columns are wider than the page at `scale`. */
function excess(sheet: Sheet, scale: number): number {
  return (columnsWidth(sheet.columns) - printableSize(sheet.print!).width / scale) / POINTS_PER_CHAR;
}

function narrow(sheet: Sheet, wraps: Set<number>, scale: number, floor: (c: number) => number): void {
  if (!sheet.print) return;
  const over = excess(sheet, scale);
  if (over <= 0) return;
  const narrowable = sheet.columns.map((c, i) => (!c.hidden && wraps.has(i) && c.width > floor(i) ? i : -1)).filter((i) => i >= 0);
  if (!narrowable.length) return;
  // The level L such that cutting every narrowable column to L (not below its floor) removes the excess.
  const cut = (level: number) => narrowable.reduce((sum, i) => sum + Math.max(0, sheet.columns[i].width - Math.max(level, floor(i))), 0);
  let lo = 0;
  let hi = Math.max(...narrowable.map((i) => sheet.columns[i].width));
  if (cut(lo) <= over) hi = lo;
  else {
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (cut(mid) > over) lo = mid;
      else hi = mid;
    }
  }
  const level = Math.floor(hi);
  sheet.columns = sheet.columns.map((c, i) => (narrowable.includes(i) && c.width > level ? { ...c, width: Math.max(floor(i), level) } : c));
}
