/**
 * Page breaks planned while a sheet's rows are laid out (the Summary, the
 * Dashboard): the pager follows how much of the page the rows placed so far
 * take, so that a builder can keep a block (a chart with its table, a short
 * table with its title) on one page, and repeat a long table's header row at
 * the top of the page it runs onto.
 */
import type { PrintSetup } from '../model';
import { pageRowsHeight } from './page';

export class Pager {
  /** The rows after which a new page starts. */
  readonly breaks: number[] = [];
  private used = 0;
  private readonly capacity: number;

  constructor(page: Pick<PrintSetup, 'orientation' | 'margins'>, scale: number) {
    this.capacity = pageRowsHeight(page, scale);
  }

  /** Row heights (points) placed one after the other, as the rows are added. */
  place(height: number): void {
    this.used += height;
  }

  /** Whether `height` more points fit on the current page. */
  fits(height: number): boolean {
    return this.used + height <= this.capacity;
  }

  /** Whether `height` points fit on one page at all. */
  fitsOnePage(height: number): boolean {
    return height <= this.capacity;
  }

  /** A new page starts at `row` (the rows before it end the current page). */
  breakBefore(row: number): void {
    if (row > 1 && this.used > 0 && this.breaks[this.breaks.length - 1] !== row - 1) this.breaks.push(row - 1);
    this.used = 0;
  }
}
