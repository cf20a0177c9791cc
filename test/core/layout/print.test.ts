/**
 * The page plan: columns narrowed to print at a readable size, print areas
 * that print nothing while a table is empty, and page breaks that keep a
 * Summary table or a Dashboard block whole.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { buildReport } from '../../../src/core/layout/build';
import { DEFAULT_MARGINS, type Sheet } from '../../../src/core/layout/model';
import { fitColumnsToPage, TARGET_SCALE, twoDecimalsLength } from '../../../src/core/layout/print/fit-columns';
import { fitScale, MIN_SCALE } from '../../../src/core/layout/print/page';
import { Pager } from '../../../src/core/layout/print/pager';
import { blankPrintArea, tablePrintArea } from '../../../src/core/layout/print/print-area';
import { longestWord, measuredLines, wrappedLines } from '../../../src/core/layout/print/wrap-lines';
import { columnNumber } from '../../../src/core/layout/refs';
import { fitRowHeight } from '../../../src/core/layout/sheets/common';
import { sheetRows } from '../../../src/core/layout/rows';
import type { ReportData } from '../../../src/core/schema';
import { OPTIONS, quarterly, ROOT } from '../../support/fixtures';

const seed = (name: string) => readData(readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);
const PAGE = { orientation: 'landscape', paper: 'A4', fitToWidth: true, header: '', footer: '', margins: DEFAULT_MARGINS } as const;

/** A long text, wrapped where it is in the `wrap` style; a period, not wrapped, where it is in the `text` style. */
const LONG = 'a long sentence of several words that wraps over lines when its column is narrow, as a note does';
const PERIOD = '2025-Q3';

/** A sheet of one row whose cells are long text in the `wrap` style where `wraps`, else a period, plain. */
function sheetOf(widths: number[], wraps: boolean[]): Sheet {
  return {
    key: 'measures',
    name: 'T',
    state: 'visible',
    columns: widths.map((width) => ({ width })),
    rows: [
      { cells: widths.map(() => ({ v: 'Title', s: 'header' as const })) },
      { cells: wraps.map((w) => ({ v: w ? LONG : PERIOD, s: w ? 'wrap' : 'text' })) },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { ...PAGE },
  };
}

describe('columns fitted to the page', () => {
  it('narrows the columns wider than their content to it, then the widest wrapping columns until the sheet prints at the target scale', () => {
    const sheet = sheetOf([16, 10, 60, 26, 28, 12, 12, 14, 12, 48], [false, false, true, true, true, false, false, false, false, true]);
    expect(fitScale(PAGE, sheet.columns)).toBeLessThan(0.65);
    fitColumnsToPage(sheet);
    expect(fitScale(PAGE, sheet.columns)).toBeGreaterThanOrEqual(TARGET_SCALE);
    const widths = sheet.columns.map((c) => c.width);
    // A period and a one-word title need 8 characters; no column goes below 6, none is widened.
    const period = Math.ceil(longestWord(PERIOD));
    expect([widths[0], widths[1], widths[5], widths[6], widths[7], widths[8]]).toEqual(Array(6).fill(period));
    // Evenly from the widest: the narrowed columns (60 and 48) end at one width, above the others left alone.
    expect(widths[2]).toBe(widths[9]);
    expect([widths[3], widths[4]]).toEqual([26, 28]);
    expect(widths[2]).toBeGreaterThan(28);
    expect(widths[2]).toBeLessThan(48);
  });

  it('narrows first the wrapping columns that add the fewest lines, never below their longest word', () => {
    const sheet = sheetOf([16, 36, 40, ...Array(14).fill(11)], [false, true, true, ...Array(14).fill(false)]);
    const name = 'New domestic Class III medical device registrations approved';
    sheet.rows[1].cells[1] = { v: name, s: 'wrap' };
    fitColumnsToPage(sheet);
    expect(fitScale(PAGE, sheet.columns)).toBeGreaterThanOrEqual(TARGET_SCALE);
    const [nameWidth, noteWidth] = [sheet.columns[1].width, sheet.columns[2].width];
    // The short name gives its room to the long note, down to as many lines as the note takes, no word broken.
    expect(noteWidth).toBeGreaterThan(nameWidth);
    expect(wrappedLines(name, nameWidth)).toBeLessThanOrEqual(wrappedLines(LONG, noteWidth));
    expect(nameWidth).toBeGreaterThanOrEqual(longestWord(name));
    expect(noteWidth).toBeGreaterThanOrEqual(longestWord(LONG));
  });

  it('breaks words (not below 12 characters) only when nothing else prints the sheet at 80%', () => {
    const sheet = sheetOf([16, 36, 24, 18, ...Array(14).fill(11)], [false, true, true, true, ...Array(14).fill(false)]);
    const name = 'Pharmaceutical-innovation-alliance members';
    for (const c of [1, 2, 3]) sheet.rows[1].cells[c] = { v: name, s: 'wrap' };
    fitColumnsToPage(sheet);
    expect(fitScale(PAGE, sheet.columns)).toBeGreaterThanOrEqual(MIN_SCALE);
    const widths = sheet.columns.slice(1, 4).map((c) => c.width);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...widths)).toBeLessThan(longestWord(name));
  });

  it('narrows a column with nothing in it before the columns with text', () => {
    const sheet = sheetOf([16, 60, 28, 48, 12, 12, 14], [false, true, true, true, false, false, false]);
    sheet.rows[1].cells[2] = undefined;
    fitColumnsToPage(sheet);
    expect(sheet.columns[2].width).toBe(12);
    expect(sheet.columns[1].width).toBeGreaterThan(sheet.columns[2].width);
    expect(fitScale(PAGE, sheet.columns)).toBeGreaterThanOrEqual(TARGET_SCALE);
  });

  it('widens a column that does not wrap to show its whole value: a zh-CN date never prints as ###', () => {
    const sheet = sheetOf([20, 40, 12], [false, true, false]);
    sheet.rows[1].cells[2] = { v: { date: '2022-12-31' }, s: 'dateZh' };
    fitColumnsToPage(sheet);
    // 2022年12月31日: eight digits and three CJK characters.
    expect(sheet.columns[2].width).toBeGreaterThanOrEqual(15);
    expect(sheet.columns.slice(0, 2).map((c) => c.width)).toEqual([20, 40]);
  });

  it('leaves a sheet that fits alone', () => {
    const sheet = sheetOf([20, 40, 14], [false, true, false]);
    fitColumnsToPage(sheet);
    expect(sheet.columns.map((c) => c.width)).toEqual([20, 40, 14]);
  });
});

describe('wrapped lines', () => {
  it('break at spaces, between CJK characters, and inside a word longer than the column', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('aaaa bbbb', 6)).toBe(2);
    expect(wrappedLines('aaaa bbbb', 11)).toBe(1);
    expect(wrappedLines('x'.repeat(25), 11)).toBe(3);
    // 2.1 characters each: four to a line of a 10-character column.
    expect(wrappedLines('实现目标所需年均复合增长率', 10)).toBe(4);
    expect(wrappedLines('目标 2027 年 500 件', 30)).toBe(1);
  });

  it('make a row 15 pt a line, and 16 pt a line of Chinese (CJK faces are taller than Calibri)', () => {
    const columns = [{ width: 10 }, { width: 10 }];
    const height = (...v: string[]) => fitRowHeight({ cells: v.map((x) => ({ v: x, s: 'wrap' as const })) }, columns).height;
    expect(height('short')).toBeUndefined();
    expect(height('医药'.repeat(2))).toBeUndefined();
    expect(height('aaaa bbbb cccc')).toBe(30);
    expect(height('实现目标所需年均复合增长率')).toBe(64);
    // The taller of the two: four lines of Chinese (64 pt) against more of Latin letters (15 pt each).
    const latin = 'x'.repeat(70);
    expect(wrappedLines(latin, 10)).toBeGreaterThan(4);
    expect(height('实现目标所需年均复合增长率', latin)).toBe(wrappedLines(latin, 10) * 15);
    expect(height('实现目标所需年均复合增长率', 'aaaa bbbb cccc')).toBe(64);
  });

  it('are measured the same with and without the shortcut for short text', () => {
    const letters = fc.constantFrom(' ', '\t', 'i', 'm', 'W', '0', '医', '药', '🧬', '\uD800', '\u0001', 'é', '_');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (chars, width) => {
        const text = chars.join('');
        expect(wrappedLines(text, width)).toBe(measuredLines(text, width));
      }),
      { numRuns: 3000, seed: 16 },
    );
    // At the edge: as many CJK characters as fit exactly.
    for (let n = 1; n < 30; n++)
      for (const w of [n * 2.1, n * 2.1 + 0.7, n * 2 + 1]) expect(wrappedLines('医'.repeat(n), w)).toBe(measuredLines('医'.repeat(n), w));
  });

  it('are counted as the first, plainer measuring counted them (words placed by a closure)', () => {
    // Calibri's advance widths as wrap-lines.ts holds them: '0' 1038, ' ' 463, 'i' 470, 'm' 1636, 'W' 1822, '_' 1020.
    const widths: Record<string, number> = { ' ': 463, '0': 1038, i: 470, m: 1636, W: 1822, _: 1020 };
    const reference = (text: string, width: number): number => {
      const room = Math.max(1, width - 0.7);
      const charWidth = (ch: string) => (widths[ch] !== undefined ? (widths[ch] / 1038) * 1.05 : 1.05);
      let lines = 1;
      let used = 0;
      let word = 0;
      const place = () => {
        if (!word) return;
        if (used > 0 && used + word > room) {
          lines++;
          used = 0;
        }
        while (word > room) {
          word -= room;
          lines++;
        }
        used += word;
        word = 0;
      };
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x09) {
          place();
          if (used > 0) used += charWidth(' ');
        } else if ((c >= 0x2e80 && !(c >= 0xd800 && c <= 0xdfff)) || (c >= 0xd800 && c <= 0xdbff)) {
          place();
          word = 1.97 * 1.05;
          place();
        } else if (c >= 0xdc00 && c <= 0xdfff) continue;
        else word += charWidth(text[i]);
      }
      place();
      return lines;
    };
    const letters = fc.constantFrom(' ', '\t', 'i', 'm', 'W', '0', '医', '药', '🧬', '\uD800', '\uDC00', '\u0001', 'é', '_');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 60 }), fc.double({ min: 1, max: 60, noNaN: true }), (chars, width) => {
        const text = chars.join('');
        expect(measuredLines(text, width)).toBe(reference(text, width));
      }),
      { numRuns: 5000, seed: 16 },
    );
  });

  it('measure Latin text by its letters: narrower than a digit on average, as LibreOffice wraps it with Carlito', () => {
    // Rendered on two lines in a 42-character column (pdftotext -bbox); counting letters as digits gave three.
    expect(wrappedLines('Yangtze River Delta Pharmaceutical Innovation and Development Alliance member units', 42)).toBe(2);
    // Narrow letters fit more to a line than wide ones.
    expect(wrappedLines('i'.repeat(20), 11)).toBe(1);
    expect(wrappedLines('m'.repeat(20), 11)).toBe(4);
    // A word cannot wrap: its width (with the cell's padding) is the least a column needs to keep it whole.
    expect(longestWord('Pharmaceutical industry')).toBeGreaterThan(longestWord('drug industry'));
    expect(wrappedLines('Pharmaceutical', Math.ceil(longestWord('Pharmaceutical')))).toBe(1);
    expect(wrappedLines('Pharmaceutical', Math.ceil(longestWord('Pharmaceutical')) - 1)).toBe(2);
  });
});

describe('print areas', () => {
  it('cover a table from under its header over its visible columns, and a blank cell right of everything', () => {
    const sheet = sheetOf([10, 10, 10], [false, false, false]);
    sheet.columns.push({ width: 12, hidden: true });
    expect(tablePrintArea(sheet, 1001)).toBe('A2:C1001');
    expect(blankPrintArea(sheet)).toBe('E1:E1');
  });

  it('leave the empty data sheets and the chartless Dashboard printing nothing (Beijing), every table printing its rows', () => {
    const model = buildReport(quarterly, seed('beijing-2022-q3'), 'en', OPTIONS);
    const print = (key: string) => model.sheets.find((s) => s.key === key)!;
    for (const key of ['catalog', 'indicators', 'observations']) {
      const sheet = print(key);
      const [, first, col, last] = /^A(\d+):([A-Z]+)(\d+)$/.exec(sheet.print!.area!)!;
      expect([first, sheet.print!.repeatRows]).toEqual(['2', '1:1']);
      // Every cell of the area is blank (the hidden helper columns are outside it, or hidden).
      const rows = [...sheetRows(sheet)].slice(1, Number(last));
      expect(rows.every((r) => r.cells.slice(0, columnNumber(col)).every((c, i) => !c || c.v === null || sheet.columns[i]?.hidden))).toBe(true);
    }
    const dashboard = print('dashboard');
    const cell = /^([A-Z]+)1:\1(1)$/.exec(dashboard.print!.area!)!;
    expect(dashboard.rows.every((r) => r.cells.length < columnNumber(cell[1]))).toBe(true);
    expect(print('measures').print!.area).toMatch(/^A2:[A-Z]+\d+$/);
  });
});

describe('page breaks', () => {
  it('start a new page only when a block does not fit on the rest of one', () => {
    const pager = new Pager(PAGE, 1);
    pager.place(300);
    expect(pager.fits(100)).toBe(true);
    expect(pager.fits(200)).toBe(false);
    pager.breakBefore(21);
    pager.place(200);
    expect(pager.breaks).toEqual([20]);
    expect(pager.fitsOnePage(10_000)).toBe(false);
  });

  it('repeat a long Summary table header on the page it runs onto, and keep Dashboard blocks whole', () => {
    const data = seed('shanghai-2025-q3') as ReportData;
    const base = data.indicators![0];
    const indicators = Array.from({ length: 40 }, (_, i) => ({ ...base, id: `IND-${i + 1}`, observations: [{ period: '2024', value: i }] }));
    const model = buildReport(quarterly, { ...data, indicators }, 'en', OPTIONS);
    const summary = model.sheets.find((s) => s.key === 'summary')!;
    const breaks = summary.print!.rowBreaks!;
    expect(breaks.length).toBeGreaterThan(1);
    const header = summary.rows.find((r) => r.cells[0]?.s === 'header' && r.cells[1]?.v === 'Name')!;
    // The row after each break inside the indicators table is a copy of its header.
    const first = summary.rows.indexOf(header) + 1;
    const inside = breaks.filter((b) => b > first);
    expect(inside.length).toBeGreaterThan(0);
    for (const b of inside) expect(summary.rows[b].cells.map((c) => c?.v)).toEqual(header.cells.map((c) => c?.v));
    const dashboard = model.sheets.find((s) => s.key === 'dashboard')!;
    const dashBreaks = dashboard.print!.rowBreaks!;
    expect(dashBreaks.length).toBeGreaterThan(1);
    // No chart spans a break.
    for (const chart of dashboard.charts!) expect(dashBreaks.some((b) => b >= chart.from.row && b < chart.to.row - 1)).toBe(false);
  });
});

describe('the Summary ID column', () => {
  it('is as wide as its longest id, so that none is cut, and stays 18 for short ones', () => {
    const shanghai = buildReport(quarterly, seed('shanghai-2025-q3'), 'zh-CN', OPTIONS).sheets.find((s) => s.key === 'summary')!;
    // YRD-INNOV-DRUG-SHARE, bold: about 23.7 character cells.
    expect(shanghai.columns[0].width).toBeGreaterThanOrEqual(Math.ceil(longestWord('YRD-INNOV-DRUG-SHARE')));
    expect(shanghai.columns[0].width).toBeLessThanOrEqual(30);
    const beijing = buildReport(quarterly, seed('beijing-2022-q3'), 'en', OPTIONS).sheets.find((s) => s.key === 'summary')!;
    expect(beijing.columns[0].width).toBe(18);
  });
});

describe("a number's width as Excel shows it with two decimals", () => {
  const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  it('is the length Intl formats it to, told without Intl (its rounding carries, ties, exponents and Infinity included)', () => {
    const edges = [
      0,
      5e-324,
      1e-7,
      0.004,
      0.005,
      0.995,
      9.995,
      9.996,
      99.995,
      99.9951,
      999.994,
      999.995,
      999.996,
      9999.999,
      99999.995,
      1e15,
      999999999999999.9,
      1e21,
      1.7976931348623157e308,
      Infinity,
      NaN,
    ];
    for (const x of edges) expect([x, twoDecimalsLength(x)]).toEqual([x, intl.format(x).length]);
    const nines = fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 99999 })).map(([n, f]) => Number(`${'9'.repeat(n)}.99${f}`));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e25, noNaN: true }),
          fc.integer({ min: 0 }).map((n) => n / 1000),
          nines,
        ),
        (x) => {
          expect(twoDecimalsLength(x)).toBe(intl.format(x).length);
        },
      ),
      { numRuns: 20000 },
    );
  });
});
