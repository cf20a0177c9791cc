/**
 * The Dashboard's selector block (issue 16): any indicator, chosen by its name
 * and id in a dropdown cell (its list: hidden column LIST_COL, choiceListCells),
 * its observations in a table computed from the Observations rows and a line
 * chart of them against its target.
 *
 * Every formula works in Excel 2016 and LibreOffice without array entry, and
 * reads the Observations rows as they are now (edited, sorted, typed later),
 * through their hidden codes (indicator position x OBSERVATION_CODE_BASE +
 * month index, observations.ts):
 *
 *   p      = MATCH(choice, the list, 0)                      its position
 *   n      = COUNTIFS(codes, >= p x BASE, codes, < (p+1) x BASE)   its rows
 *   start  = COUNTIF(codes, < p x BASE) + MAX(0, n - R)    the codes before its (latest R) rows
 *   code k = INDEX(codes, start + k) while the codes ascend, else SMALL(codes, start + k); #N/A after n
 *   row k  = start + k + 1 while they ascend, else MATCH(code k, codes, 0) + 1
 *
 * so the block costs three passes over the codes whatever the order, plus a
 * SMALL and a MATCH per table row while the rows are out of order. The
 * period, value and target are INDEX lookups; a row without an observation
 * is #N/A (a gap in the chart, shown in the background colour).
 */
import type { Indicator } from '../../schema';
import { monthIndex, parsePeriod } from '../../periods';
import type { Context } from '../context';
import type { Cell, CellValue, Chart, ConditionalFormat, Row, Validation } from '../model';
import type { ObservationOrder } from '../observation-order';
import { absRef, columnLetter, formulaString, sheetPrefix } from '../refs';
import { SERIES_COLORS, valueStyle } from '../styles';
import { VALUE_FORMAT_KEYS, valueFormatCode, valueFormatKey } from '../../value-format';
import { MAX_AXIS_PERIODS } from '../dashboard-periods';
import { CHART_COLS, HEADING_HEIGHT, LIST_COL, NA, ROW_COL, TABLE_ROWS_MIN, TOTAL_COL } from './dashboard-grid';
import { OBSERVATION_CODE_BASE, observationCodeLetter } from './observations';

export interface SelectorBlock {
  rows: Row[];
  chart: Chart;
  merges: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
}

/** What the selector reads, beside the Observations codes. */
export interface SelectorInput {
  order: ObservationOrder;
  /** The Indicators sheet's column of each indicator's value format code. */
  valueFormatLetter: string;
  /** The 0-based position of the indicator chosen at generation. */
  initial: number;
}

/** The table's rows: the most observations any indicator has, at most MAX_AXIS_PERIODS, at least one. */
export function selectorRows(indicators: Indicator[]): number {
  return Math.min(MAX_AXIS_PERIODS, Math.max(1, ...indicators.map((ind) => ind.observations.length)));
}

/** The dropdown cell spans columns B to this one (64 characters: a long name and its id), the note the rest of the row. */
const CHOICE_COLS = 7;

/** An absolute reference, and one whose row is relative (a table row's own helper cells). */
const ref = (col: number, row: number) => `$${columnLetter(col)}$${row}`;
const rowRef = (col: number, row: number) => `$${columnLetter(col)}${row}`;

/** The selector block, its heading at sheet row `top`. */
export function selectorBlock(ctx: Context, input: SelectorInput, top: number): SelectorBlock {
  const labels = ctx.labels.charts;
  const indicators = ctx.data.indicators!;
  const ind = indicators[input.initial];
  const rowCount = selectorRows(indicators);
  const choiceRow = top + 1;
  const headerRow = top + 2;
  const first = top + 3;
  const last = first + rowCount - 1;
  const ind$ = sheetPrefix(ctx.sheetName.indicators);
  const indCol = (f: 'unit' | 'targetValue') => `${ind$}$${ctx.indicators.letter(f)}:$${ctx.indicators.letter(f)}`;
  const position = ref(ROW_COL, choiceRow);
  const list = `${ref(LIST_COL, 1)}:${ref(LIST_COL, indicators.length)}`;
  const count = ref(ROW_COL, headerRow);
  const start = ref(TOTAL_COL, headerRow);
  const codes = input.order.range(observationCodeLetter(ctx));
  const cached = cachedTable(ctx, input.initial, rowCount);
  const base = OBSERVATION_CODE_BASE;

  const choiceCells: (Cell | undefined)[] = [
    { v: labels.selectorLabel, s: 'label' },
    { v: choiceText(ind), s: 'choice' },
    ...Array.from({ length: CHOICE_COLS - 2 }, () => undefined),
    { v: labels.selectorNote, s: 'muted' },
  ];
  choiceCells[ROW_COL - 1] = { f: `IFERROR(MATCH(${ref(2, choiceRow)},${list},0),0)`, v: input.initial + 1, s: 'integer' };
  const valueHeader = `${labels.value}${ind.unit ? ` (${ind.unit})` : ''}`;
  const word = formulaString(labels.value);
  const unit = `INDEX(${indCol('unit')},${position}+1)`;
  const headerCells: (Cell | undefined)[] = [
    { v: labels.period, s: 'header' },
    { f: `IF(${position}<1,${word},IF(${unit}="",${word},${word}&" ("&${unit}&")"))`, v: valueHeader, s: 'header' },
    { v: labels.target, s: 'header' },
  ];
  headerCells[ROW_COL - 1] = {
    f: `IF(${position}<1,0,COUNTIFS(${codes},">="&${position}*${base},${codes},"<"&(${position}+1)*${base}))`,
    v: cached.count,
    s: 'integer',
  };
  headerCells[TOTAL_COL - 1] = { f: `IF(${count}=0,0,COUNTIF(${codes},"<"&${position}*${base})+MAX(0,${count}-${rowCount}))`, v: cached.start, s: 'integer' };

  const rows: Row[] = [
    { cells: [labels.selectorTitle, null, null].map((v) => ({ v, s: 'sectionTitle' as const })), height: HEADING_HEIGHT },
    { cells: choiceCells, height: 21 },
    { cells: headerCells },
  ];
  const cells = { position, count, start, codes, target: `INDEX(${indCol('targetValue')},${position}+1)` };
  rows.push(...tableRows(ctx, input, cells, first, rowCount, cached.rows));
  return {
    rows,
    chart: selectorChart(ctx, first, last, headerRow, cached.rows, ind),
    merges: [
      `B${choiceRow}:${columnLetter(CHOICE_COLS)}${choiceRow}`,
      `${columnLetter(CHOICE_COLS + 1)}${choiceRow}:${columnLetter(CHART_COLS[1])}${choiceRow}`,
    ],
    validations: [
      {
        range: `B${choiceRow}`,
        rule: { type: 'listRange', source: list },
        prompt: { title: labels.selectorPromptTitle, message: labels.selectorPrompt },
      },
    ],
    // The values print as the chosen indicator's format says: its code on the Indicators sheet.
    conditionalFormats: VALUE_FORMAT_KEYS.map((key) => ({
      range: `B${first}:C${last}`,
      type: 'expression' as const,
      formula: `INDEX(${ind$}$${input.valueFormatLetter}:$${input.valueFormatLetter},${position}+1)=${valueFormatCode(key)}`,
      style: valueStyle('value', key),
    })),
  };
}

/** The cells the table rows read: the chosen position, its rows' count and start, the codes' range, its target. */
interface TableRefs {
  position: string;
  count: string;
  start: string;
  codes: string;
  target: string;
}

/** The table's rows from sheet row `first`: period, value, target, and the hidden code and Observations row. */
function tableRows(ctx: Context, input: SelectorInput, refs: TableRefs, first: number, n: number, cached: (CachedRow | undefined)[]): Row[] {
  const ind = ctx.data.indicators![input.initial];
  const style = valueStyle('value', valueFormatKey(ind));
  const { count, start, codes, target } = refs;
  const value = obsColumn(ctx, 'value');
  return Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const r = first + i;
    const c = cached[i];
    const code = rowRef(ROW_COL, r);
    const obsRow = rowRef(TOTAL_COL, r);
    const cells: (Cell | undefined)[] = [
      { f: `IF(${obsRow}=0,"",INDEX(${obsColumn(ctx, 'period')},${obsRow}))`, v: c?.period ?? '', s: 'period' },
      { f: `IF(${obsRow}=0,NA(),IF(INDEX(${value},${obsRow})="",NA(),INDEX(${value},${obsRow})))`, v: c?.value ?? NA, s: style },
      { f: `IF(${obsRow}=0,NA(),IF(${target}="",NA(),${target}))`, v: c ? (ind.target?.value ?? NA) : NA, s: style },
    ];
    cells[ROW_COL - 1] = {
      f: `IF(${k}>${count},NA(),IF(${input.order.inOrder},INDEX(${codes},${start}+${k}),SMALL(${codes},${start}+${k})))`,
      v: c?.code ?? NA,
      s: 'integer',
    };
    cells[TOTAL_COL - 1] = { f: `IF(ISNA(${code}),0,IF(${input.order.inOrder},${start}+${k}+1,MATCH(${code},${codes},0)+1))`, v: c?.row ?? 0, s: 'integer' };
    return { cells };
  });
}

/** A choice in the dropdown: names need not be unique (the 1k benchmark's 1,000 indicators have 180 names), ids are. */
function choiceText(ind: Indicator): string {
  return `${ind.name} (${ind.id})`;
}

/**
 * The dropdown's list, the cell of column LIST_COL on rows 1..n: each
 * indicator's name and id as the Indicators sheet has them now (an edited
 * name shows in the list; the choice made before must then be made again).
 */
export function choiceListCells(ctx: Context): Cell[] {
  const ind$ = sheetPrefix(ctx.sheetName.indicators);
  const at = (f: 'id' | 'name', r: number) => `${ind$}$${ctx.indicators.letter(f)}$${r}`;
  return ctx.data.indicators!.map((ind, i) => ({ f: `IF(${at('id', i + 2)}="","",${at('name', i + 2)}&" ("&${at('id', i + 2)}&")")`, v: choiceText(ind) }));
}

function obsColumn(ctx: Context, field: 'period' | 'value'): string {
  const c = ctx.col.observation(field);
  return `${sheetPrefix(c.sheet)}$${c.letter}:$${c.letter}`;
}

interface CachedRow {
  code: number;
  row: number;
  period: string;
  value: CellValue;
}

/** What the formulas give for the indicator at `at` (0-based) and the data as generated. */
function cachedTable(ctx: Context, at: number, tableRows: number): { count: number; start: number; rows: (CachedRow | undefined)[] } {
  const indicators = ctx.data.indicators!;
  const before = indicators.slice(0, at).reduce((n, ind) => n + ind.observations.length, 0);
  const ind = indicators[at];
  const sorted = ind.observations
    .map((o, k) => ({ o, row: before + k + 2, month: monthIndex(parsePeriod(o.period)!) }))
    .sort((a, b) => a.month - b.month || a.row - b.row);
  const skip = Math.max(0, sorted.length - tableRows);
  const rows = Array.from({ length: tableRows }, (_, k) => {
    const s = sorted[skip + k];
    if (!s) return undefined;
    return { code: (at + 1) * OBSERVATION_CODE_BASE + s.month, row: s.row, period: s.o.period, value: s.o.value ?? NA };
  });
  return { count: sorted.length, start: sorted.length ? before + skip : 0, rows };
}

function selectorChart(ctx: Context, first: number, last: number, headerRow: number, cached: (CachedRow | undefined)[], ind: Indicator): Chart {
  const labels = ctx.labels.charts;
  const sheet = sheetPrefix(ctx.sheetName.dashboard);
  const range = (c: number) => `${sheet}${absRef(first, c)}:${absRef(last, c)}`;
  const categories = cached.map((c) => c?.period ?? '');
  const value = (v: CellValue | undefined) => (typeof v === 'number' ? v : null);
  return {
    kind: 'line',
    title: labels.selectorChart,
    from: { row: headerRow, col: CHART_COLS[0] },
    to: { row: headerRow + Math.max(TABLE_ROWS_MIN, last - headerRow + 1), col: CHART_COLS[1] },
    series: [
      {
        name: labels.value,
        color: SERIES_COLORS[0],
        categories: range(1),
        values: range(2),
        cache: { categories, values: cached.map((c) => value(c?.value)) },
      },
      {
        name: labels.target,
        color: SERIES_COLORS[1],
        categories: range(1),
        values: range(3),
        cache: { categories, values: cached.map((c) => (c ? (ind.target?.value ?? null) : null)) },
      },
    ],
    percent: false,
    // Any indicator's values: the axis reads them as they are.
    numFmt: 'General',
    dataLabels: false,
    lineStyles: ['solid', 'dashed'],
    blanks: 'span',
  };
}
