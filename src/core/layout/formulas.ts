/**
 * The formulas of the figures (data-format.md, "The figures"). Only functions
 * that Excel 2016 and LibreOffice both compute; no IF or IFERROR inside array
 * arguments (Excel 2016 evaluates those element-wise only in array formulas).
 *
 * Columns are referenced from row 2 to the last spreadsheet row, so that rows
 * appended to a data table are counted with no formula edited.
 */
import type { Locale } from '../schema';
import { MAX_ROW, sheetPrefix } from './refs';

/** A data column of a sheet, from its first data row to the sheet's last row. */
export interface ColumnRange {
  sheet: string;
  letter: string;
}

export function fullRange(c: ColumnRange): string {
  return `${sheetPrefix(c.sheet)}$${c.letter}$2:$${c.letter}$${MAX_ROW}`;
}

/**
 * An id cell as a MATCH lookup value against a list of ids (A-Z a-z 0-9 . _ -):
 * a typed `~ * ?` can only be a mismatch, so it becomes `|`, never a wildcard.
 */
export function idLookup(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","|"),"*","|"),"?","|")`;
}

/**
 * Text with no wildcard characters left, for MATCH against a computed array:
 * LibreOffice compares array lookups literally while Excel applies wildcards,
 * so escaping cannot serve both; replacing `~ * ?` (and the marker itself)
 * by CHAR(1) + a digit is one-to-one and leaves nothing to interpret.
 * Apply it to both the lookup value and the array.
 */
export function wildcardFree(expr: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr},CHAR(1),CHAR(1)&"1"),"~",CHAR(1)&"2"),"*",CHAR(1)&"3"),"?",CHAR(1)&"4")`;
}

/**
 * The month index (year * 12 + end month) of period text, element-wise over
 * a range with no IF: `2020` -> 2020*12+12, `2024-H1` -> +6, `2024-Q3` -> +9,
 * `2024-07` -> +7. A blank gives 0.
 */
export function monthIndexOf(p: string): string {
  const d7 = `("0"&MID(${p},7,1))`;
  const c6 = `MID(${p},6,1)`;
  return `(("0"&LEFT(${p},4))*12+12*(LEN(${p})=4)+(${c6}="H")*6*${d7}+(${c6}="Q")*3*${d7}` + `+(${c6}="0")*${d7}+(${c6}="1")*(10+${d7}))`;
}

/** The last day of a period written as the data writes it (`2022-Q3`): a date. */
export function periodEndOf(p: string): string {
  const pmi = monthIndexOf(p);
  return `DATE(INT((${pmi}-1)/12),MOD(${pmi}-1,12)+2,0)`;
}

/** The months a period written as the data writes it spans: 12, 6, 3 or 1. */
export function periodMonthsOf(p: string): string {
  const c6 = `MID(${p},6,1)`;
  return `IF(LEN(${p})=4,12,IF(${c6}="H",6,IF(${c6}="Q",3,1)))`;
}

/**
 * The formulas of a single period cell that holds either the data's form (`2022-Q3`) or the words a Chinese
 * workbook writes and an official types (2022年第三季度, 2022年3季度, 2022年上半年, 2022年6月, 2022年): text with 年
 * is read as words. (monthIndexOf stays for columns of periods, which keep the data's form.)
 */
const hasText = (p: string, s: string) => `ISNUMBER(FIND("${s}",${p}))`;

/** The end month (1-12) of a period in words: the quarter is the character before 季 (一二三四 or 1-4). */
function wordsEndMonth(p: string): string {
  const quarter = `3*(MOD(FIND(MID(${p},FIND("季",${p})-1,1),"一二三四1234")-1,4)+1)`;
  const month = `MID(${p},6,FIND("月",${p})-6)*1`;
  return `IF(${hasText(p, '季')},${quarter},IF(${hasText(p, '上半')},6,IF(${hasText(p, '下半')},12,IF(${hasText(p, '月')},${month},12))))`;
}

/** periodEndOf for a cell that may hold words (2022年第三季度). */
export function periodEndOfEither(p: string): string {
  return `IF(ISERROR(FIND("年",${p})),${periodEndOf(p)},DATE(("0"&LEFT(${p},4))*1,${wordsEndMonth(p)}+1,0))`;
}

/** periodMonthsOf for a cell that may hold words. */
export function periodMonthsOfEither(p: string): string {
  const words = `IF(${hasText(p, '季')},3,IF(${hasText(p, '半年')},6,IF(${hasText(p, '月')},1,12)))`;
  return `IF(ISERROR(FIND("年",${p})),${periodMonthsOf(p)},${words})`;
}

/**
 * The formulas over the report's period cell (Summary!B5): a Chinese report writes it in words and reads either form,
 * an English one holds the data's form.
 */
export function reportPeriodFormulas(locale: Locale): { end: (p: string) => string; months: (p: string) => string } {
  return locale === 'zh-CN' ? { end: periodEndOfEither, months: periodMonthsOfEither } : { end: periodEndOf, months: periodMonthsOf };
}

/** The month index of a date cell: the last month it falls in. */
export function monthIndexOfDate(cell: string): string {
  return `(YEAR(${cell})*12+MONTH(${cell}))`;
}

/**
 * A helper column's formula for any row, built once: the formula is built
 * with a placeholder row and split there, and each row joins the pieces with
 * its number (a million rows call it).
 */
export function rowFormula(build: (r: string) => string): (row: number) => string {
  const pieces = build('\u0000').split('\u0000');
  return (row) => pieces.join(String(row));
}

/**
 * A helper column's cell in `row`: its formula (rowFormula) written out only
 * when read. A data sheet writes a helper column as one shared formula, so
 * the streaming writer reads only the first row's (sheets/common.ts).
 */
export function rowCell<V>(formula: (row: number) => string, row: number, v: V): { f: string; v: V } {
  return new RowCell(formula, row, v);
}

class RowCell<V> {
  readonly #formula: (row: number) => string;
  readonly #row: number;
  constructor(
    formula: (row: number) => string,
    row: number,
    readonly v: V,
  ) {
    this.#formula = formula;
    this.#row = row;
  }

  get f(): string {
    return this.#formula(this.#row);
  }
}

/** Wraps a figure so that a value that cannot be computed is blank, not an error. */
export function blankOnError(expr: string): string {
  return `IFERROR(${expr},"")`;
}
