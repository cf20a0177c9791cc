/**
 * The Changes sheet (变化情况) of a report made `--since` a previous one:
 * every change from the previous report's data to this one's, the news first
 * (since/match.ts). Values as they were and are: a constant record of the
 * comparison, not formulas.
 */
import type { Context, Since } from '../context';
import type { Cell, Sheet } from '../model';
import type { Change, ChangeValue } from '../../since/match';
import { STATUSES, CATEGORIES, type Category, type Status } from '../../schema';
import { dateStyle } from '../local-styles';
import { printSetup, text } from './common';
import { TAB_COLORS, valueStyle, type StyleName } from '../styles';
import { valueFormatKey } from '../../value-format';
import { periodWords } from '../../i18n/wording';

const WIDTHS = [22, 20, 22, 50, 18, 20, 20];
/** The header row; changes start on the next row. */
export const CHANGES_HEADER_ROW = 4;

const isStatus = (v: ChangeValue): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
const isCategory = (v: ChangeValue): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);

/** `valueStyles`: each indicator's value style, by id (valueStylesOf). */
function valueCell(ctx: Context, c: Change, v: ChangeValue, valueStyles: Map<string, StyleName>): Cell | undefined {
  if (v === null) return undefined;
  switch (c.field) {
    case 'status':
      return text(isStatus(v) ? ctx.labels.statuses[v] : String(v));
    case 'category':
      return text(isCategory(v) ? ctx.labels.categories[v] : String(v));
    case 'completed':
    case 'due':
    case 'listed':
      return typeof v === 'string' ? { v: { date: v }, s: dateStyle(ctx.locale, 'date') } : { v };
    case 'progress':
    case 'growth':
      return { v, s: 'percent' };
    case 'hospitals':
      return { v, s: 'integer' };
    case 'value':
      return { v, s: valueStyles.get(c.owner) ?? 'number' };
    default:
      return text(String(v), 'wrap');
  }
}

/** Each indicator's value style, by id: in its own format (420, not 420.00, for a whole number); a gone one's as it was. */
function valueStylesOf(ctx: Context, since: Since): Map<string, StyleName> {
  const styles = new Map<string, StyleName>();
  for (const ind of [...(since.previous.data.indicators ?? []), ...(ctx.data.indicators ?? [])]) styles.set(ind.id, valueStyle('value', valueFormatKey(ind)));
  return styles;
}

/** `name`: the sheet's name, `Changes` in the locale unless a template's sheet has it. */
export function changesSheet(ctx: Context, since: Since, name: string): Sheet {
  const l = ctx.labels.since;
  const header = [l.kind, l.owner, l.item, l.title, l.field, l.before, l.after];
  const period = periodWords(String(since.previous.data.report.period), ctx.locale);
  const valueStyles = valueStylesOf(ctx, since);
  const rows: Sheet['rows'] = [
    { cells: [{ v: l.changesTitle, s: 'title' }], height: 30 },
    { cells: [{ v: l.previousReport.replace('{period}', period), s: 'subtitle' }] },
    {
      cells: [
        { v: l.changeCount, s: 'label' },
        { v: since.changes.length, s: 'integer' },
      ],
    },
    { cells: header.map((v) => ({ v, s: 'header' as const })), height: 30 },
  ];
  // A blank cell of the table (no value before, no title) still carries the table's rule beneath it.
  const blank = (): Cell => ({ v: null, s: 'text' });
  for (const c of since.changes)
    rows.push({
      cells: [
        { v: l.kinds[c.kind], s: c.kind === 'completed' ? 'newsCompleted' : c.kind === 'overdue' ? 'newsOverdue' : 'label' },
        text(c.owner) ?? blank(),
        // An observation's item is its period: as the locale writes it (2022年第三季度).
        text(c.kind === 'observation' ? periodWords(c.item, ctx.locale) : c.item, 'wrap') ?? blank(),
        text(c.title, 'wrap') ?? blank(),
        (c.field ? text(l.fields[c.field]) : undefined) ?? blank(),
        valueCell(ctx, c, c.before, valueStyles) ?? blank(),
        valueCell(ctx, c, c.after, valueStyles) ?? blank(),
      ],
    });
  if (!since.changes.length) rows.push({ cells: [{ v: l.none, s: 'muted' }] });
  const last = Math.max(CHANGES_HEADER_ROW, CHANGES_HEADER_ROW + since.changes.length);
  return {
    key: 'changes',
    name,
    state: 'visible',
    columns: WIDTHS.map((width) => ({ width })),
    rows,
    merges: ['A1:G1', 'A2:G2'],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: CHANGES_HEADER_ROW, columns: 0 },
    autoFilter: `A${CHANGES_HEADER_ROW}:G${last}`,
    print: printSetup(ctx, name, `${CHANGES_HEADER_ROW}:${CHANGES_HEADER_ROW}`),
    tabColor: TAB_COLORS.summary,
  };
}
