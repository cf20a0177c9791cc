/**
 * The hidden `_figures` sheet: the plan and group lists the Measures rows'
 * codes are looked up in, and one FREQUENCY array formula per list that
 * counts the rows of every code (see figure-codes.ts); the enterprise names
 * and catalog | enterprise codes the Catalog rows are looked up in, and their
 * counts (enterprise-codes.ts).
 */
import type { Context } from '../context';
import { ENTERPRISE_COLUMNS, type EnterpriseCodes } from '../enterprise-codes';
import { CALC_COLUMNS, CALC_SHEET, groupKey, type FigureCodes } from '../figure-codes';
import { fullRange, wildcardFree } from '../formulas';
import type { Cell, Row, Sheet } from '../model';
import type { ObservationOrder } from '../observation-order';
import { columnNumber, sheetPrefix } from '../refs';

export function calcSheet(
  ctx: Context,
  codes: FigureCodes | undefined,
  groupRows: number | undefined,
  enterprises: EnterpriseCodes | undefined,
  order?: ObservationOrder,
): Sheet {
  const calcLabels = ctx.labels.calc;
  const sheetName = ctx.sheetName.measures;
  const rows: Row[] = [];
  const putAt = (row: number, letter: string, cell: Cell) => {
    const r = (rows[row - 1] ??= { cells: [] });
    r.cells[columnNumber(letter) - 1] = cell;
  };
  const put = (row: number, col: keyof typeof CALC_COLUMNS, cell: Cell) => putAt(row, CALC_COLUMNS[col], cell);
  const header = (col: keyof typeof CALC_COLUMNS, v: string) => put(1, col, { v, s: 'header' });
  if (codes) planAndGroupCounts(codes);
  if (enterprises) enterpriseCounts(enterprises);
  for (const { letter, title, value } of order?.cells ?? []) {
    putAt(1, letter, { v: title, s: 'header' });
    putAt(2, letter, value);
  }

  function enterpriseCounts(e: EnterpriseCodes) {
    const enterpriseColumns = ENTERPRISE_COLUMNS;
    putAt(1, enterpriseColumns.name, { v: calcLabels.enterprise, s: 'header' });
    putAt(1, enterpriseColumns.bin, { v: calcLabels.pairCode, s: 'header' });
    putAt(1, enterpriseColumns.count, { v: calcLabels.entries, s: 'header' });
    putAt(1, enterpriseColumns.catalog, { v: calcLabels.catalogKey, s: 'header' });
    e.names.forEach((v, k) => putAt(k + 2, enterpriseColumns.name, { v }));
    e.catalogIds.forEach((v, k) => putAt(k + 2, enterpriseColumns.catalog, { v }));
    e.bins.forEach((v, k) => {
      putAt(k + 2, enterpriseColumns.bin, { v });
      putAt(
        k + 2,
        enterpriseColumns.count,
        k === 0 && e.frequency ? { f: e.frequency.formula, v: e.counts[0], array: e.frequency.range } : { v: e.counts[k], spilled: true },
      );
    });
  }

  function planAndGroupCounts(codes: FigureCodes) {
    header('planKey', calcLabels.planKey);
    header('planBin', calcLabels.code);
    header('planCount', calcLabels.count);

    const figures = ctx.figures.plans;
    codes.plans.forEach((plan, i) => put(i + 2, 'planKey', { v: plan.id }));
    const planCounts = figures.flatMap((f) => [f.measures - f.completed - f.cancelled - f.overdue, f.overdue, f.completed, f.cancelled]);
    planCounts.forEach((n, k) => {
      const row = k + 2;
      put(row, 'planBin', { v: 4 * (Math.floor(k / 4) + 1) + (k % 4) });
      put(row, 'planCount', k === 0 ? arrayFormula(codes.planLetter, 'planBin', planCounts.length, n) : { v: n, spilled: true });
    });

    if (codes.groups && codes.groupLetter && groupRows !== undefined) {
      header('groupKey', calcLabels.groupKey);
      header('groupBin', calcLabels.code);
      header('groupCount', calcLabels.count);
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
    columns: [
      { width: 16 },
      { width: 10 },
      { width: 10 },
      { width: 40 },
      { width: 10 },
      { width: 10 },
      { width: 40 },
      { width: 12 },
      { width: 10 },
      { width: 16 },
      { width: 4 },
      { width: 14 },
      { width: 14 },
    ].slice(0, rows[0].cells.length),
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}
