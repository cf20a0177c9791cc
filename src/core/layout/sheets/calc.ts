/**
 * The hidden `_figures` sheet: the plan and group lists the Measures rows'
 * codes are looked up in, and one FREQUENCY array formula per list that
 * counts the rows of every code (see figure-codes.ts); the enterprise names
 * and catalog | enterprise codes the Catalog rows are looked up in, and their
 * counts (enterprise-codes.ts).
 */
import type { Context } from '../context';
import { ENTERPRISE_COLUMNS, type EnterpriseCodes } from '../enterprise-codes';
import { periodWindow } from '../../figures';
import { period } from '../../periods';
import { CALC_COLUMNS, CALC_SHEET, groupKey, PERIOD_COLUMNS, type FigureCodes } from '../figure-codes';
import { fullRange, reportPeriodFormulas, wildcardFree } from '../formulas';
import type { Cell, Row, Sheet } from '../model';
import type { ObservationOrder } from '../observation-order';
import { columnNumber, sheetPrefix } from '../refs';

/** Column widths of the sheet, A onwards. */
const WIDTHS = [16, 10, 10, 40, 10, 10, 40, 12, 10, 16, 4, 14, 14, 10, 10, 14, 14];

/** The sheet's rows, filled cell by cell at column letters. */
class CalcRows {
  readonly rows: Row[] = [];

  putAt(row: number, letter: string, cell: Cell): void {
    const r = (this.rows[row - 1] ??= { cells: [] });
    r.cells[columnNumber(letter) - 1] = cell;
  }

  put(row: number, col: keyof typeof CALC_COLUMNS, cell: Cell): void {
    this.putAt(row, CALC_COLUMNS[col], cell);
  }

  header(col: keyof typeof CALC_COLUMNS, v: string): void {
    this.put(1, col, { v, s: 'header' });
  }
}

export function calcSheet(
  ctx: Context,
  codes: FigureCodes | undefined,
  groupRows: number | undefined,
  enterprises: EnterpriseCodes | undefined,
  order?: ObservationOrder,
): Sheet {
  const out = new CalcRows();
  if (codes) {
    planCounts(ctx, out, codes);
    if (codes.groups && codes.groupLetter && groupRows !== undefined) groupCounts(ctx, out, codes, codes.groupLetter, groupRows);
    periodCounts(ctx, out, codes);
  }
  if (enterprises) enterpriseCounts(ctx, out, enterprises);
  for (const { letter, title, value } of order?.cells ?? []) {
    out.putAt(1, letter, { v: title, s: 'header' });
    out.putAt(2, letter, value);
  }
  const rows = out.rows;
  for (let i = 0; i < rows.length; i++) rows[i] ??= { cells: [] };
  return {
    key: 'calc',
    name: CALC_SHEET,
    state: 'hidden',
    columns: WIDTHS.slice(0, rows[0].cells.length).map((width) => ({ width })),
    rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}

/** The plans' codes, and the rows of each plan and status class counted in one FREQUENCY. */
function planCounts(ctx: Context, out: CalcRows, codes: FigureCodes): void {
  const labels = ctx.labels.calc;
  out.header('planKey', labels.planKey);
  out.header('planBin', labels.code);
  out.header('planCount', labels.count);
  codes.plans.forEach((plan, i) => out.put(i + 2, 'planKey', { v: plan.id }));
  const counts = ctx.figures.plans.flatMap((f) => [f.measures - f.completed - f.cancelled - f.overdue, f.overdue, f.completed, f.cancelled]);
  counts.forEach((n, k) => {
    const row = k + 2;
    out.put(row, 'planBin', { v: 4 * (Math.floor(k / 4) + 1) + (k % 4) });
    out.put(row, 'planCount', k === 0 ? arrayFormula(ctx, codes.planLetter, 'planBin', counts.length, n) : { v: n, spilled: true });
  });
}

/**
 * The figures of the period: the first day of the reporting period and the last
 * day of the next one (from Report_Period, so that editing the period moves
 * them, as it moves Report_Period_End), and each plan's rows completed in the
 * period and due in the next one, counted from the period codes in one FREQUENCY.
 */
function periodCounts(ctx: Context, out: CalcRows, codes: FigureCodes): void {
  const labels = ctx.labels.calc;
  const window = periodWindow(period(ctx.data.report.period));
  // From the period's last day (Report_Period_End, which reads the period in either form) and its length.
  const months = reportPeriodFormulas(ctx.locale).months('Report_Period');
  const start = `DATE(YEAR(Report_Period_End),MONTH(Report_Period_End)+1-${months},1)`;
  const nextEnd = `DATE(YEAR(Report_Period_End),MONTH(Report_Period_End)+1+${months},0)`;
  out.putAt(1, PERIOD_COLUMNS.start, { v: labels.periodStart, s: 'header' });
  out.putAt(1, PERIOD_COLUMNS.nextEnd, { v: labels.nextPeriodEnd, s: 'header' });
  out.putAt(2, PERIOD_COLUMNS.start, { f: start, v: { date: window.start }, s: 'date' });
  out.putAt(2, PERIOD_COLUMNS.nextEnd, { f: nextEnd, v: { date: window.nextEnd }, s: 'date' });
  out.putAt(1, PERIOD_COLUMNS.bin, { v: labels.code, s: 'header' });
  out.putAt(1, PERIOD_COLUMNS.count, { v: labels.count, s: 'header' });
  const counts = ctx.figures.plans.flatMap((f) => [f.completedInPeriod, f.dueNext]);
  const n = counts.length;
  counts.forEach((v, k) => {
    const row = k + 2;
    out.putAt(row, PERIOD_COLUMNS.bin, { v: 2 * (Math.floor(k / 2) + 1) + (k % 2) });
    out.putAt(
      row,
      PERIOD_COLUMNS.count,
      k === 0
        ? {
            f: `IFERROR(FREQUENCY(${fullRange({ sheet: ctx.sheetName.measures, letter: codes.periodLetter })},$${PERIOD_COLUMNS.bin}$2:$${PERIOD_COLUMNS.bin}$${n + 1}),0)`,
            v,
            array: `${PERIOD_COLUMNS.count}2:${PERIOD_COLUMNS.count}${n + 1}`,
          }
        : { v, spilled: true },
    );
  });
}

/** The groups' keys (from the Summary's group rows, from `groupRows` on), and their rows counted in one FREQUENCY. */
function groupCounts(ctx: Context, out: CalcRows, codes: FigureCodes, groupLetter: string, groupRows: number): void {
  const labels = ctx.labels.calc;
  const groups = codes.groups!;
  out.header('groupKey', labels.groupKey);
  out.header('groupBin', labels.code);
  out.header('groupCount', labels.count);
  const summary = sheetPrefix(ctx.sheetName.summary);
  groups.forEach(({ plan, group }, j) => {
    const r = groupRows + j;
    out.put(j + 2, 'groupKey', {
      f: wildcardFree(`${summary}$A$${r}&"|"&${summary}$B$${r}`),
      v: groupKey(codes.plans[plan].id, codes.plans[plan].groups![group]),
    });
  });
  const counts = groups.flatMap(({ plan, group }) => {
    const f = ctx.figures.plans[plan].groups[group];
    return [f.measures - f.completed - f.cancelled, f.completed, f.cancelled];
  });
  counts.forEach((n, k) => {
    const row = k + 2;
    out.put(row, 'groupBin', { v: 4 * (Math.floor(k / 3) + 1) + (k % 3) + 1 });
    out.put(row, 'groupCount', k === 0 ? arrayFormula(ctx, groupLetter, 'groupBin', counts.length, n) : { v: n, spilled: true });
  });
}

/** The FREQUENCY over a Measures code column (`letter`) by the bins, spilling down the count column. */
function arrayFormula(ctx: Context, letter: string, bins: 'planBin' | 'groupBin', n: number, first: number): Cell {
  const count = bins === 'planBin' ? CALC_COLUMNS.planCount : CALC_COLUMNS.groupCount;
  const bin = CALC_COLUMNS[bins];
  return {
    // LibreOffice gives #VALUE! (Excel zeros) when no row has a code yet: IFERROR makes those zeros.
    f: `IFERROR(FREQUENCY(${fullRange({ sheet: ctx.sheetName.measures, letter })},$${bin}$2:$${bin}$${n + 1}),0)`,
    v: first,
    array: `${count}2:${count}${n + 1}`,
  };
}

/** The enterprise names, the catalog ids, and every known catalog | enterprise code with its rows counted in one FREQUENCY. */
function enterpriseCounts(ctx: Context, out: CalcRows, e: EnterpriseCodes): void {
  const labels = ctx.labels.calc;
  const columns = ENTERPRISE_COLUMNS;
  out.putAt(1, columns.name, { v: labels.enterprise, s: 'header' });
  out.putAt(1, columns.bin, { v: labels.pairCode, s: 'header' });
  out.putAt(1, columns.count, { v: labels.entries, s: 'header' });
  out.putAt(1, columns.catalog, { v: labels.catalogKey, s: 'header' });
  e.names.forEach((v, k) => out.putAt(k + 2, columns.name, { v }));
  e.catalogIds.forEach((v, k) => out.putAt(k + 2, columns.catalog, { v }));
  e.bins.forEach((v, k) => {
    out.putAt(k + 2, columns.bin, { v });
    out.putAt(
      k + 2,
      columns.count,
      k === 0 && e.frequency ? { f: e.frequency.formula, v: e.counts[0], array: e.frequency.range } : { v: e.counts[k], spilled: true },
    );
  });
}
