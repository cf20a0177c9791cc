/**
 * The hidden `_figures` sheet: the plan and group lists the Measures rows'
 * codes are looked up in, and one FREQUENCY array formula per list that
 * counts the rows of every code (see figure-codes.ts).
 */
import type { Context } from '../context';
import { CALC_COLUMNS, CALC_SHEET, groupKey, type FigureCodes } from '../figure-codes';
import { fullRange, wildcardFree } from '../formulas';
import type { Cell, Row, Sheet } from '../model';
import { sheetPrefix } from '../refs';

export function calcSheet(ctx: Context, codes: FigureCodes, groupRows: number | undefined): Sheet {
  const L = ctx.labels.calc;
  const rows: Row[] = [];
  const put = (row: number, col: keyof typeof CALC_COLUMNS, cell: Cell) => {
    const r = (rows[row - 1] ??= { cells: [] });
    r.cells[CALC_COLUMNS[col].charCodeAt(0) - 65] = cell;
  };
  const header = (col: keyof typeof CALC_COLUMNS, v: string) => put(1, col, { v, s: 'header' });
  header('planKey', L.planKey);
  header('planBin', L.code);
  header('planCount', L.count);

  const sheetName = ctx.sheetName.measures;
  const figures = ctx.figures.plans;
  codes.plans.forEach((plan, i) => put(i + 2, 'planKey', { v: plan.id }));
  const planCounts = figures.flatMap((f) => [f.measures - f.completed - f.cancelled - f.overdue, f.overdue, f.completed, f.cancelled]);
  planCounts.forEach((n, k) => {
    const row = k + 2;
    put(row, 'planBin', { v: 4 * (Math.floor(k / 4) + 1) + (k % 4) });
    put(row, 'planCount', k === 0 ? arrayFormula(codes.planLetter, 'planBin', planCounts.length, n) : { v: n, spilled: true });
  });

  if (codes.groups && codes.groupLetter && groupRows !== undefined) {
    header('groupKey', L.groupKey);
    header('groupBin', L.code);
    header('groupCount', L.count);
    const summary = sheetPrefix(ctx.sheetName.summary);
    codes.groups.forEach(({ plan, group }, j) => {
      const r = groupRows + j;
      put(j + 2, 'groupKey', {
        f: wildcardFree(`${summary}$A$${r}&"|"&${summary}$B$${r}`),
        v: groupKey(codes.plans[plan].id, codes.plans[plan].groups![group]),
      });
    });
    const groupCounts = codes.groups.flatMap(({ plan, group }) => {
      const f = figures[plan].groups[group];
      return [f.measures - f.completed - f.cancelled, f.completed, f.cancelled];
    });
    groupCounts.forEach((n, k) => {
      const row = k + 2;
      put(row, 'groupBin', { v: 4 * (Math.floor(k / 3) + 1) + (k % 3) + 1 });
      put(row, 'groupCount', k === 0 ? arrayFormula(codes.groupLetter!, 'groupBin', groupCounts.length, n) : { v: n, spilled: true });
    });
  }

  function arrayFormula(letter: string, bins: 'planBin' | 'groupBin', n: number, first: number): Cell {
    const count = bins === 'planBin' ? CALC_COLUMNS.planCount : CALC_COLUMNS.groupCount;
    const bin = CALC_COLUMNS[bins];
    return {
      // LibreOffice gives #VALUE! (Excel zeros) when no row has a code yet: IFERROR makes those zeros.
      f: `IFERROR(FREQUENCY(${fullRange({ sheet: sheetName, letter })},$${bin}$2:$${bin}$${n + 1}),0)`,
      v: first,
      array: `${count}2:${count}${n + 1}`,
    };
  }

  for (let i = 0; i < rows.length; i++) rows[i] ??= { cells: [] };
  return {
    key: 'calc',
    name: CALC_SHEET,
    state: 'hidden',
    columns: [{ width: 16 }, { width: 10 }, { width: 10 }, ...(rows[0].cells.length > 3 ? [{ width: 40 }, { width: 10 }, { width: 10 }] : [])],
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}
