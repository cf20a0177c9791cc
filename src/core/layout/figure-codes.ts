/**
 * Plan and group figures that cost one pass over the measures, not one pass
 * per figure.
 *
 * COUNTIFS over the Measures columns costs a pass over every row for each
 * figure: a province's 100 plans with 7 groups each are 2,500 such passes,
 * 40 s of LibreOffice recalculation at 100,000 measures. Instead each measure
 * row carries two codes in hidden helper columns of the Measures sheet, from
 * its own cells only (so sorting, editing or appending a row keeps them right):
 *
 *   plan code  = 4 x (the plan's position in the plan list) + the status class
 *   group code = 4 x (the group's position in the group list) + the status class
 *
 * found with MATCH, which stops at the first hit and is cached by the
 * engines for repeated lookups. The status class is 0 open, 1 open and
 * overdue, 2 completed, 3 cancelled. On the hidden `_figures` sheet one
 * FREQUENCY array formula per list counts every code in one pass; the
 * Summary's figures add up those counts. Helper formulas fill the data rows
 * and the ROOM_ROWS rows below them, like the validations and formats.
 */
import { periodWindow } from '../figures';
import { period } from '../periods';
import type { Measure, StreamablePlan } from '../schema';
import { SUMMARY_BLOCKS, type SummaryBlock } from '../template';
import type { Context } from './context';
import { idLookup, rowCell, rowFormula, wildcardFree } from './formulas';
import { columnLetter, formulaString, sheetPrefix } from './refs';

/** The hidden sheet of the counts (a fixed name, like the very hidden `_plan_report`). */
export const CALC_SHEET = '_figures';

export const STATUS_CLASS = { open: 0, overdue: 1, completed: 2, cancelled: 3 } as const;

/** Columns of the `_figures` sheet. */
export const CALC_COLUMNS = { planKey: 'A', planBin: 'B', planCount: 'C', groupKey: 'D', groupBin: 'E', groupCount: 'F' } as const;

/**
 * Columns of the `_figures` sheet for the figures of the period: the bins and
 * counts of the period codes, and (row 2) the first day of the reporting
 * period and the last day of the next one, computed from Report_Period.
 */
export const PERIOD_COLUMNS = { bin: 'N', count: 'O', start: 'P', nextEnd: 'Q' } as const;

/** The period code's flag: completed within the period, or open and due within the next one. */
export const PERIOD_FLAG = { completedInPeriod: 0, dueNext: 1 } as const;

export interface GroupSlot {
  plan: number;
  group: number;
}

export interface FigureCodes {
  plans: StreamablePlan[];
  /** Every group of every plan, in the Summary's order; absent when the Summary has no group block. */
  groups?: GroupSlot[];
  /** Measures sheet columns of the plan code and the group code. */
  planLetter: string;
  groupLetter?: string;
  /** Measures sheet column of the period code: 2 x plan position + PERIOD_FLAG, blank for a row that is neither. */
  periodLetter: string;
  /** The `_figures` cell counting plan `i`'s measures completed in the period, or due in the next one. */
  periodCount(i: number, flag: keyof typeof PERIOD_FLAG): string;
  /** The `_figures` cell counting plan `i`'s measures of a status class. */
  planCount(i: number, cls: keyof typeof STATUS_CLASS): string;
  /** The `_figures` cells counting group `j`'s measures: open (with overdue), completed, cancelled. */
  groupCount(j: number, cls: 'open' | 'completed' | 'cancelled'): string;
  /** All the counts of plan `i` (its measures), and of group `j`, as one range. */
  planCounts(i: number): string;
  groupCounts(j: number): string;
  /** The helper cells of a Measures row (`item` absent: a room row below the data). */
  helperCells(row: number, item?: { plan: number; measure: Measure }): { f: string; v: number | null }[];
}

function summaryBlocks(ctx: Context): readonly SummaryBlock[] {
  const summary = ctx.template.sections.find((sec) => sec.section === 'summary');
  return (summary?.section === 'summary' ? summary.blocks : undefined) ?? SUMMARY_BLOCKS;
}

/** Whether the Summary shows group figures (summary.ts decides the same way). */
export function hasGroupBlock(ctx: Context): boolean {
  return ctx.has.summary && summaryBlocks(ctx).includes('groups') && (ctx.data.plans ?? []).some((p) => p.groups?.length);
}

export function statusClass(m: Measure, date: string): number {
  if (m.status === 'completed') return STATUS_CLASS.completed;
  if (m.status === 'cancelled') return STATUS_CLASS.cancelled;
  return m.due !== undefined && m.due < date ? STATUS_CLASS.overdue : STATUS_CLASS.open;
}

/** The key of a group as the helper column and the `_figures` sheet compute it. */
export function groupKey(planId: string, group: string): string {
  const s = `${planId}|${group}`;
  const escape = /\u0001/g; // eslint-disable-line no-control-regex -- U+0001 is the escape character of these codes
  return s.replace(escape, '\u00011').replace(/~/g, '\u00012').replace(/\*/g, '\u00013').replace(/\?/g, '\u00014');
}

/** The codes of a report, or undefined when it has no plans to count. */
export function figureCodes(ctx: Context): FigureCodes | undefined {
  const plans = ctx.data.plans ?? [];
  if (!ctx.has.measures || !plans.length) return undefined;
  const labels = ctx.labels;
  const calc = sheetPrefix(CALC_SHEET);
  const fields = ctx.measures.list.length;
  const planLetter = columnLetter(fields + 1);
  const groups: GroupSlot[] | undefined = hasGroupBlock(ctx) ? plans.flatMap((p, plan) => (p.groups ?? []).map((_, group) => ({ plan, group }))) : undefined;
  const groupLetter = groups?.length ? columnLetter(fields + 2) : undefined;
  const periodLetter = columnLetter(fields + (groupLetter ? 3 : 2));
  const window = periodWindow(period(ctx.data.report.period));
  const groupIndex = new Map<string, number>();
  groups?.forEach(({ plan, group }, j) => groupIndex.set(`${plan}\u0000${plans[plan].groups![group].toLowerCase()}`, j));

  const col = (f: Parameters<Context['col']['measure']>[0], row: string) => `$${ctx.col.measure(f).letter}${row}`;
  const completed = formulaString(labels.statuses.completed);
  const cancelled = formulaString(labels.statuses.cancelled);
  const planKeys = `${calc}$${CALC_COLUMNS.planKey}$2:$${CALC_COLUMNS.planKey}$${plans.length + 1}`;
  const groupKeys = groups ? `${calc}$${CALC_COLUMNS.groupKey}$2:$${CALC_COLUMNS.groupKey}$${groups.length + 1}` : '';

  const planFormula = rowFormula((r) => {
    const status = col('status', r);
    const due = col('due', r);
    const plan = idLookup(col('plan', r));
    const cls = `IF(${status}=${completed},2,IF(${status}=${cancelled},3,IF(AND(ISNUMBER(${due}),${due}<Report_Date),1,0)))`;
    return `IFERROR(MATCH(${plan},${planKeys},0)*4+${cls},"")`;
  });
  const groupFormula =
    groupLetter &&
    rowFormula((r) => `IFERROR(MATCH(${wildcardFree(`${col('plan', r)}&"|"&${col('group', r)}`)},${groupKeys},0)*4+MOD($${planLetter}${r},4),"")`);

  const start = `${calc}$${PERIOD_COLUMNS.start}$2`;
  const nextEnd = `${calc}$${PERIOD_COLUMNS.nextEnd}$2`;
  const periodFormula = rowFormula((r) => {
    const code = `$${planLetter}${r}`;
    const done = col('completed', r);
    const due = col('due', r);
    const completedIn = `AND(MOD(${code},4)=2,ISNUMBER(${done}),${done}>=${start},${done}<=Report_Period_End)`;
    const dueNext = `AND(MOD(${code},4)<2,ISNUMBER(${due}),${due}>Report_Period_End,${due}<=${nextEnd})`;
    return `IFERROR(IF(${completedIn},INT(${code}/4)*2,IF(${dueNext},INT(${code}/4)*2+1,"")),"")`;
  });
  const periodCode = (plan: number, m: Measure, cls: number): number | null => {
    if (cls === STATUS_CLASS.completed && m.completed !== undefined && m.completed >= window.start && m.completed <= window.end)
      return (plan + 1) * 2 + PERIOD_FLAG.completedInPeriod;
    if (cls < STATUS_CLASS.completed && m.due !== undefined && m.due > window.end && m.due <= window.nextEnd) return (plan + 1) * 2 + PERIOD_FLAG.dueNext;
    return null;
  };

  return {
    plans,
    groups,
    planLetter,
    groupLetter,
    periodLetter,
    periodCount: (i, flag) => `${calc}$${PERIOD_COLUMNS.count}$${2 + 2 * i + PERIOD_FLAG[flag]}`,
    planCount: (i, cls) => `${calc}$${CALC_COLUMNS.planCount}$${2 + 4 * i + STATUS_CLASS[cls]}`,
    groupCount: (j, cls) => `${calc}$${CALC_COLUMNS.groupCount}$${2 + 3 * j + (cls === 'open' ? 0 : STATUS_CLASS[cls] - 1)}`,
    planCounts: (i) => `${calc}$${CALC_COLUMNS.planCount}$${2 + 4 * i}:$${CALC_COLUMNS.planCount}$${2 + 4 * i + 3}`,
    groupCounts: (j) => `${calc}$${CALC_COLUMNS.groupCount}$${2 + 3 * j}:$${CALC_COLUMNS.groupCount}$${2 + 3 * j + 2}`,
    helperCells(row, item) {
      const code = item ? (item.plan + 1) * 4 + statusClass(item.measure, ctx.date) : null;
      const cells = [rowCell(planFormula, row, code)];
      if (groupFormula) {
        const g = item?.measure.group;
        const j = g === undefined ? undefined : groupIndex.get(`${item!.plan}\u0000${g.toLowerCase()}`);
        cells.push(rowCell(groupFormula, row, j === undefined || code === null ? null : (j + 1) * 4 + (code % 4)));
      }
      cells.push(rowCell(periodFormula, row, item && code !== null ? periodCode(item.plan, item.measure, code % 4) : null));
      return cells;
    },
  };
}
