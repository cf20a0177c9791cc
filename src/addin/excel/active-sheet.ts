/// <reference types="office-js" />
/**
 * The active sheet read as a ledger (台账) for the core's ledger import: its
 * used range's values and formulas in one sync, seen as the grid the command
 * line reads from a file. A merged cell reads as blank but for its first cell
 * (Office.js gives merges only from ExcelApi 1.13): a lead merged down over
 * several tasks names the first of them only.
 */
import { ledgerSheet, type LedgerSheet } from '../../core/ledger/sheet';
import { officeGridSheet } from './read-grid';
import type { ExcelRun } from './report';

/** The active sheet's name and its cells as a ledger sheet. */
export async function readActiveSheet(run: ExcelRun): Promise<LedgerSheet> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('values,formulas,rowIndex,columnIndex');
    await context.sync();
    const range = r.isNullObject ? undefined : { rowIndex: r.rowIndex, columnIndex: r.columnIndex, values: r.values, formulas: r.formulas };
    return ledgerSheet(officeGridSheet(ws.name, range));
  });
}
