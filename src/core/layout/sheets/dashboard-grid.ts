/** Where the Dashboard's blocks put things: shared by the indicator blocks (dashboard.ts) and the selector block (dashboard-selector.ts). */
import type { CellValue } from '../model';

/** A chart is at least this many rows tall: two blocks print on one landscape A4 page. */
export const TABLE_ROWS_MIN = 10;
export const HEADING_HEIGHT = 20;
/** The chart's columns (first, last + 1). */
export const CHART_COLS: [number, number] = [5, 13];
/** The hidden column of each table row's Observations row (the selector: its observation's code). */
export const ROW_COL = 14;
/** The hidden column of a cumulative indicator's running total (the selector: its rows' Observations rows). */
export const TOTAL_COL = 15;
/** The selector's hidden list of choices, one row per indicator from row 1: its name and id. */
export const LIST_COL = 16;
export const NA: CellValue = { error: '#N/A' };
