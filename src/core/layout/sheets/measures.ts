/** The Measures sheet: every plan's measures, one row each. */
import type { MeasureField } from '../../i18n/labels';
import type { RowSource } from '../../row-source';
import type { Measure, StreamablePlan } from '../../schema';
import { STATUSES } from '../../schema';
import { measureItems, type Context } from '../context';
import { columnLetter, formulaString } from '../refs';
import type { Cell, ConditionalFormat, Sheet } from '../model';
import { DATA_BAR_COLOR, type StyleName } from '../styles';
import { dataSheet, date, num, text } from './common';
import { PERIOD_FLAG, type FigureCodes } from '../figure-codes';
import { dateStyle } from '../local-styles';

interface Item {
  plan: StreamablePlan;
  measure: Measure;
}

const STATUS_STYLES: Record<(typeof STATUSES)[number], StyleName> = {
  completed: 'statusCompleted',
  'in-progress': 'statusInProgress',
  delayed: 'statusDelayed',
  'not-started': 'statusNotStarted',
  cancelled: 'statusCancelled',
};

export function measuresSheet(ctx: Context, codes: FigureCodes | undefined): Sheet {
  const labels = ctx.labels;
  const items: RowSource<Item> = measureItems(ctx);
  const cell = ({ plan, measure: m }: Item, field: MeasureField): Cell | undefined => {
    switch (field) {
      case 'plan':
        return text(plan.id);
      case 'id':
        return text(m.id);
      case 'title':
        return text(m.title, 'wrap');
      case 'group':
        return text(m.group, 'wrap');
      case 'lead':
        return text(m.lead, 'wrap');
      case 'due':
        return date(m.due, dateStyle(ctx.locale, 'date'));
      case 'status':
        return text(labels.statuses[m.status]);
      case 'completed':
        return date(m.completed, dateStyle(ctx.locale, 'date'));
      case 'progress':
        return num(m.progress, 'percent');
      case 'note':
        return text(m.note, 'freeWrap');
    }
  };
  const completed = formulaString(labels.statuses.completed);
  const cancelled = formulaString(labels.statuses.cancelled);
  const planIndex = new Map((ctx.data.plans ?? []).map((p, i) => [p.id, i]));
  return dataSheet(ctx, {
    lazy: true,
    key: 'measures',
    columns: ctx.measures,
    items,
    cell,
    helpers: codes && {
      titles: [labels.calc.planCode, ...(codes.groupLetter ? [labels.calc.groupCode] : []), labels.calc.periodCode],
      cells: (row, item) => codes.helperCells(row, item && { plan: planIndex.get(item.plan.id)!, measure: item.measure }),
    },
    validations: (col, last) => [
      {
        range: `${col('status')}2:${col('status')}${last}`,
        rule: { type: 'list', values: STATUSES.map((s) => labels.statuses[s]) },
        prompt: { title: labels.validation.statusTitle, message: labels.validation.statusPrompt },
      },
      ...(['due', 'completed'] as const).map((f) => ({
        range: `${col(f)}2:${col(f)}${last}`,
        rule: { type: 'date' as const },
        prompt: { title: labels.validation.dateTitle, message: labels.validation.datePrompt },
      })),
      {
        range: `${col('progress')}2:${col('progress')}${last}`,
        rule: { type: 'decimal', min: 0, max: 1 },
        prompt: { title: labels.validation.progressTitle, message: labels.validation.progressPrompt },
      },
    ],
    conditionalFormats: (col, last) => {
      const status = `$${col('status')}2`;
      const due = `$${col('due')}2`;
      const rows = `A2:${columnLetter(ctx.measures.list.length)}${last}`;
      return [
        {
          range: rows,
          type: 'expression',
          formula: `AND(ISNUMBER(${due}),${due}<Report_Date,${status}<>${completed},${status}<>${cancelled})`,
          style: 'overdue',
        },
        ...(codes ? periodFormats(codes, rows) : []),
        ...STATUSES.map((s): ConditionalFormat => ({
          range: `${col('status')}2:${col('status')}${last}`,
          type: 'expression',
          formula: `${status}=${formulaString(labels.statuses[s])}`,
          style: STATUS_STYLES[s],
        })),
        { range: `${col('progress')}2:${col('progress')}${last}`, type: 'dataBar', color: DATA_BAR_COLOR, min: 0, max: 1 },
      ];
    },
  });
}

/** The figures of the period on the rows: completed within it (green), or open and due within the next one (orange), read from the period code. */
function periodFormats(codes: FigureCodes, rows: string): ConditionalFormat[] {
  const code = `$${codes.periodLetter}2`;
  return (['completedInPeriod', 'dueNext'] as const).map((flag) => ({
    range: rows,
    type: 'expression',
    formula: `AND(ISNUMBER(${code}),MOD(${code},2)=${PERIOD_FLAG[flag]})`,
    style: flag,
  }));
}
