/** Walking a ledger's table: its data rows, the cells of a field, and counts for the summary. */
import type { GridValue } from '../read/grid';
import { cellText } from '../values';
import type { Column } from './columns';
import type { Field } from './fields';
import type { Header } from './header';
import type { LedgerProblem } from './issues';
import { readRow, type RowRead } from './rows';
import { cellName, rowTexts, type LedgerSheet } from './sheet';

/** What the summary tells of a sheet besides its columns. */
export interface TableCounts {
  /** Non-blank cells of each column, in the rows read as data. */
  cells: Map<number, number>;
  /** Problems found in each column. */
  problems: Map<number, number>;
  dataRows: number;
  headings: number;
  skipped: number;
  lastRow: number;
}

export class Table {
  readonly counts: TableCounts = { cells: new Map(), problems: new Map(), dataRows: 0, headings: 0, skipped: 0, lastRow: 0 };
  private readonly found: { row: number; col: number; problem: LedgerProblem }[] = [];
  private readonly headerTexts: (string | null)[];

  constructor(
    readonly sheet: LedgerSheet,
    readonly header: Header,
  ) {
    this.headerTexts = rowTexts(sheet, header.rows[header.rows.length - 1]);
  }

  /** Every row under the header, read as data, heading or row to pass over. */
  *rows(): Generator<{ row: number; read: RowRead }> {
    for (let row = this.header.first; row <= this.sheet.rowCount; row++) {
      const read = readRow(this.sheet, this.header, row, this.headerTexts);
      if (read.type === 'data') {
        this.counts.dataRows++;
        this.counts.lastRow = row;
        for (const c of this.header.columns) {
          if (cellText(this.sheet.cell(row, c.col)) !== null) this.counts.cells.set(c.col, (this.counts.cells.get(c.col) ?? 0) + 1);
        }
      } else if (read.type === 'heading') this.counts.headings++;
      else if (read.why !== 'blank') this.counts.skipped++;
      yield { row, read };
    }
  }

  /** The columns of a field, in order. */
  columns(field: Field): Column[] {
    return this.header.columns.filter((c) => c.field === field);
  }

  column(field: Field): Column | undefined {
    return this.header.columns.find((c) => c.field === field);
  }

  value(row: number, c: Column | undefined): GridValue {
    return c ? this.sheet.cell(row, c.col) : null;
  }

  cell(row: number, c: Column): string {
    return cellName(this.sheet, row, c.col);
  }

  /** The problems found, row by row, left to right. */
  get problems(): LedgerProblem[] {
    return [...this.found].sort((a, b) => a.row - b.row || a.col - b.col).map((f) => f.problem);
  }

  problem(row: number, c: Column, issue: LedgerProblem['issue']): void {
    this.found.push({ row, col: c.col, problem: { cell: this.cell(row, c), column: c.title, issue } });
    this.counts.problems.set(c.col, (this.counts.problems.get(c.col) ?? 0) + 1);
  }
}
