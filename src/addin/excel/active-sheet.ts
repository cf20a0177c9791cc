/// <reference types="office-js" />
/**
 * The active sheet read as a ledger (台账) for the core's ledger import: its
 * used range's values and formulas, and (where Excel has ExcelApi 1.13) its
 * merged ranges, in one sync, seen as the grid the command line reads from a
 * file: a cell covered by a merge reads as the merge's first cell, so that a
 * 牵头单位 merged down over three tasks gives each its lead. Without merges, a
 * merged range's value is in its first cell only.
 */
import type { GridSheet } from '../../core/read/grid';
import { ledgerSheet, type LedgerSheet } from '../../core/ledger/sheet';
import { parseCellRef } from '../../core/layout/refs';
import { ALL_FEATURES, type Features } from './capabilities';
import { officeGridSheet } from './read-grid';
import type { ExcelRun } from './report';

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** `Sheet1!A1:B3, 'My sheet'!C4` -> the rectangles (1-based). */
export function mergeRects(address: string): Merge[] {
  return address
    .split(',')
    .map((a) => a.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean)
    .map((a) => {
      const [from, to = from] = a.split(':');
      const p = parseCellRef(from);
      const q = parseCellRef(to);
      return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
    });
}

/** The sheet's cells with each merge's other cells reading as its first. */
function withMerges(grid: GridSheet, merges: Merge[]): GridSheet {
  if (!merges.length) return grid;
  return {
    name: grid.name,
    rowCount: Math.max(grid.rowCount, ...merges.map((m) => m.r2)),
    cell(row, col) {
      const m = merges.find((x) => row >= x.r1 && row <= x.r2 && col >= x.c1 && col <= x.c2);
      return m ? grid.cell(m.r1, m.c1) : grid.cell(row, col);
    },
  };
}

/** Asks for the sheet's merged ranges (ExcelApi 1.13); read after the sync. */
function readMerges(ws: Excel.Worksheet): () => Merge[] {
  const areas = ws.getRange().getMergedAreasOrNullObject();
  areas.load('address');
  return () => (areas.isNullObject ? [] : mergeRects(areas.address));
}

/** The active sheet's name and its cells as a ledger sheet. */
export async function readActiveSheet(run: ExcelRun, features: Features = ALL_FEATURES): Promise<LedgerSheet> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('values,formulas,rowIndex,columnIndex');
    const merges = features.merges ? readMerges(ws) : () => [];
    await context.sync();
    const range = r.isNullObject ? undefined : { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, formulas: r.formulas };
    return ledgerSheet(withMerges(officeGridSheet(ws.name, range), range ? merges() : []));
  });
}
