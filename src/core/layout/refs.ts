/** A1 references. Columns and rows are 1-based. */

export const MAX_ROW = 1048576;

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function absRef(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

/** `'Sheet name'!` — always quoted, which is valid for every sheet name. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

export function parseCellRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** A text literal in a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
