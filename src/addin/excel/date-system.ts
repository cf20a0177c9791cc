/// <reference types="office-js" />
/**
 * The open workbook's date system. Office.js gives (and takes) a date cell's
 * value as a serial number counted in the workbook's own system: from 1900,
 * or from 1904 (Mac Excel's old default, or File > Options > Advanced > "Use
 * 1904 date system"), where the same date is 1,462 lower. The property that
 * says so, `Workbook.use1904DateSystem`, is in Office.js's preview only (not in
 * any ExcelApi 1.x set), so the add-in asks Excel's own DATE function, which
 * counts in the workbook's system: DATE(2000,1,1) is 36526 from 1900 and
 * 35064 from 1904 (`workbook.functions`, ExcelApi 1.2). Nothing in the
 * workbook is touched.
 */
import { DAYS_1904 } from '../../core/forms/values';

/** DATE(2000,1,1) in the 1900 date system. */
const JAN_1_2000 = 36526;

/**
 * Queues the question (answered by the next `context.sync()`); the returned
 * function, called after that sync, says whether the workbook counts dates
 * from 1904. An answer that is not a number (a host that cannot evaluate
 * functions) is taken as the 1900 system, Excel's default.
 */
export function askDateSystem(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(2000, 1, 1);
  probe.load('value');
  return () => probe.value === JAN_1_2000 - DAYS_1904;
}
