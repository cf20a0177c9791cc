/**
 * The formulas of the figures (data-format.md, "The figures"). Only functions
 * that Excel 2016 and LibreOffice both compute; no IF or IFERROR inside array
 * arguments (Excel 2016 evaluates those element-wise only in array formulas).
 *
 * Columns are referenced from row 2 to the last spreadsheet row, so that rows
 * appended to a data table are counted with no formula edited.
 */
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
