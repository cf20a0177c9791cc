/**
 * Indicator figures in a few binary searches each, while the Observations
 * rows are in order.
 *
 * Each Observations row has a code (indicator position x
 * OBSERVATION_CODE_BASE + month index, observations.ts). Two cells of the
 * `_figures` sheet say where the observations end and how many rows have a
 * smaller code than the row above (one pass over the rows for the whole
 * workbook). While none has, the codes ascend, and each indicator finds its
 * latest observation up to the report period, the one a year before it, and
 * the span it adds up with MATCH(..., 1), a binary search. Once a row is out
 * of order (an observation appended below another indicator's, a row left
 * blank), every indicator falls back to one pass over the rows per figure:
 * the same results, at the old cost, until the rows are sorted again.
 */
import type { Context } from './context';
import { CALC_SHEET } from './figure-codes';
import type { Cell } from './model';
import { sheetPrefix } from './refs';
import { observationCode, observationCodeLetter } from './sheets/observations';

/** Columns of the `_figures` sheet: the last row of the observations, and the rows out of order. */
export const ORDER_COLUMNS = { lastRow: 'L', outOfOrder: 'M' } as const;

export interface ObservationOrder {
  /** The `_figures` cells: header and value of each column. */
  cells: { letter: string; title: string; value: Cell }[];
  /** A formula that is TRUE while the codes ascend. */
  inOrder: string;
  /** An Observations column from the first observation to the last (a range that grows as rows are appended). */
  range(letter: string): string;
}

export function observationOrder(ctx: Context): ObservationOrder {
  const calc = sheetPrefix(CALC_SHEET);
  const obs = sheetPrefix(ctx.sheetName.observations);
  const k = observationCodeLetter(ctx);
  const ind = ctx.col.observation('indicator').letter;
  const last = `${calc}$${ORDER_COLUMNS.lastRow}$2`;
  const column = `${obs}$${k}:$${k}`;

  // Cached results: the codes as the data gives them.
  const indicators = ctx.data.indicators ?? [];
  let previous = -Infinity;
  let outOfOrder = 0;
  let rows = 0;
  indicators.forEach((indicator, i) => {
    for (const o of indicator.observations) {
      const code = observationCode(i + 1, o.period);
      if (code < previous) outOfOrder++;
      previous = code;
      rows++;
    }
  });
  const calcLabels = ctx.labels.calc;
  return {
    cells: [
      // The header counts as a filled row, so this is the last filled row's number (blank rows between would cut it short).
      {
        letter: ORDER_COLUMNS.lastRow,
        title: calcLabels.observationsEnd,
        value: { f: `MAX(2,COUNTIFS(${obs}$${ind}:$${ind},"<>"))`, v: Math.max(2, rows + 1) },
      },
      {
        letter: ORDER_COLUMNS.outOfOrder,
        title: calcLabels.outOfOrder,
        value: { f: `IF(${last}<3,0,SUMPRODUCT(--(${obs}$${k}$3:INDEX(${column},${last})<${obs}$${k}$2:INDEX(${column},${last}-1))))`, v: outOfOrder },
      },
    ],
    inOrder: `(${calc}$${ORDER_COLUMNS.outOfOrder}$2=0)`,
    range: (letter) => `${obs}$${letter}$2:INDEX(${obs}$${letter}:$${letter},${last})`,
  };
}
