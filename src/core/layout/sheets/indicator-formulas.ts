/**
 * The formulas of the Indicators sheet's figure and helper columns. Each
 * column's formula is the same in every indicator's row, shifted down a row
 * per row: it refers to its own row's cells by row-relative references
 * (`$T2`), and to its indicator's position by `ROW()-1` (the sheet's row less
 * its header, as the Observations codes number the indicators). So each
 * column is written as one shared formula, which the engines read once for
 * the whole column.
 */
import type { IndicatorField, Labels } from '../../i18n/labels';
import { DEFAULT_DECIMALS, MAX_DECIMALS, type ValueFormat } from '../../value-format';
import type { Context } from '../context';
import { blankOnError, monthIndexOf, monthIndexOfDate, rowFormula } from '../formulas';
import type { ObservationOrder } from '../observation-order';
import { formulaString, sheetPrefix } from '../refs';
import { OBSERVATION_CODE_BASE, observationCodeLetter } from './observations';

/** The figure columns after the indicator's own columns, in order. */
export const INDICATOR_FIGURES = ['latestPeriod', 'latest', 'growth', 'progress', 'cagr', 'requiredCagr'] as const;
export const HELPERS = ['latestValueMonth', 'latestValueRow', 'latestMonth', 'latestRow', 'priorRow'] as const;
export type Figure = (typeof INDICATOR_FIGURES)[number];
export type Helper = (typeof HELPERS)[number];
export type FigureColumn = Figure | Helper | 'valueFormat';
/** The columns after the indicator's own, in order: the figures, then the hidden helpers, the last one the value format's code. */
export const ORDER: readonly FigureColumn[] = [...INDICATOR_FIGURES, ...HELPERS, 'valueFormat'];

/** What every indicator's formulas refer to on the Observations sheet, and the fast path's condition. */
interface ObservationRefs {
  /** Ranges that grow when rows are appended: the indicator and value columns, and the observations' codes. */
  indicator: string;
  value: string;
  /** The codes: indicator position x OBSERVATION_CODE_BASE + month index (observations.ts). */
  codes: string;
  /** A whole column, for INDEX by sheet row. */
  column(f: 'period' | 'value' | 'growth'): string;
  /** The month index of the report period's end. */
  end: string;
  /** TRUE while the observations are in order. */
  inOrder: string;
  /** The word for a cumulative indicator, as a text literal. */
  cumulative: string;
}

function observationRefs(ctx: Context, observations: ObservationOrder): ObservationRefs {
  const range = (f: 'indicator' | 'value') => observations.range(ctx.col.observation(f).letter);
  return {
    indicator: range('indicator'),
    value: range('value'),
    codes: observations.range(observationCodeLetter(ctx)),
    column: (f) => {
      const c = ctx.col.observation(f);
      return `${sheetPrefix(c.sheet)}$${c.letter}:$${c.letter}`;
    },
    end: monthIndexOfDate('Report_Period_End'),
    inOrder: observations.inOrder,
    cumulative: formulaString(ctx.labels.kinds.cumulative),
  };
}

/** An indicator's row, as every row's formula refers to it. */
interface IndicatorRow {
  /** A figure or helper cell of the row: column absolute, row relative. */
  at(c: FigureColumn): string;
  /** One of the indicator's own cells: column absolute, row relative. */
  own(field: IndicatorField): string;
  /** Its observations' codes are base + month index: its position (its sheet row less the header's) x OBSERVATION_CODE_BASE. */
  base: string;
}

/**
 * Each figure and helper column's formula in any sheet row, built once a sheet. `letter` gives a figure
 * column's letter, `ownLetter` an indicator's own column's.
 */
export function indicatorFormulas(
  ctx: Context,
  observations: ObservationOrder,
  letter: (c: FigureColumn) => string,
  ownLetter: (f: IndicatorField) => string,
): Record<FigureColumn, (row: number) => string> {
  const refs = observationRefs(ctx, observations);
  const texts = (r: string): Record<FigureColumn, string> => {
    const row: IndicatorRow = {
      at: (c) => `$${letter(c)}${r}`,
      own: (f) => `$${ownLetter(f)}${r}`,
      base: `(ROW()-1)*${OBSERVATION_CODE_BASE}`,
    };
    return { ...helperFormulas(refs, row), ...figureFormulas(refs, row), valueFormat: valueFormatFormula(ctx.labels, row) };
  };
  const out = {} as Record<FigureColumn, (row: number) => string>;
  for (const c of ORDER) out[c] = rowFormula((r) => texts(r)[c]);
  return out;
}

/**
 * The code of the indicator's value format (valueFormatCode), from its
 * Format and Decimals cells as they are now: 1 a whole number, 10 + decimals
 * a percentage, 20 + decimals a number (a blank Format); 0 when the cells
 * say nothing the report knows.
 */
function valueFormatFormula(labels: Labels, row: IndicatorRow): string {
  const format = row.own('format');
  const decimals = row.own('decimals');
  // The locale's word (what the dropdown offers) or the data file's own token.
  const is = (f: ValueFormat) => `OR(${format}=${formulaString(labels.formats[f])},${format}=${formulaString(f)})`;
  const digits = (d: number) => `IF(${decimals}="",${d},IF(AND(${decimals}>=0,${decimals}<=${MAX_DECIMALS},INT(${decimals})=${decimals}),${decimals},-100))`;
  const code =
    `IF(${is('integer')},1,IF(${is('percent')},10+${digits(DEFAULT_DECIMALS.percent)},` +
    `IF(OR(${format}="",${is('number')}),20+${digits(DEFAULT_DECIMALS.number)},0)))`;
  return `MAX(0,IFERROR(${code},0))`;
}

/** Each helper: a few binary searches while the observations are in order, else a pass over them. */
function helperFormulas(refs: ObservationRefs, row: IndicatorRow): Record<Helper, string> {
  const { codes } = refs;
  const { base } = row;
  const slow = slowHelpers(refs, row);
  const fast = (inOrder: string, otherwise: string) => `IF(${refs.inOrder},${inOrder},${otherwise})`;
  const lm = row.at('latestMonth');
  const lr = row.at('latestRow');
  const lvm = row.at('latestValueMonth');
  const valueAt = (r: string) => `INDEX(${refs.column('value')},${r})`;
  const rowOfCode = (code: string) => `IFERROR(IF(INDEX(${codes},MATCH(${code},${codes},1))=${code},MATCH(${code},${codes},1)+1,0),0)`;
  const upTo = `MATCH(${base}+${refs.end},${codes},1)`;
  return {
    latestValueMonth: fast(`IF(${lr}=0,0,IF(${valueAt(lr)}<>"",${lm},${slow.latestValueMonth}))`, slow.latestValueMonth),
    latestValueRow: `IF(${lvm}=0,0,${fast(`IF(AND(${lvm}=${lm},${lr}>0),IF(${valueAt(lr)}<>"",${lr},${slow.latestValueRow}),${slow.latestValueRow})`, slow.latestValueRow)})`,
    latestMonth: fast(`MAX(0,IFERROR(INDEX(${codes},${upTo})-${base},0))`, slow.latestMonth),
    latestRow: `IF(${lm}=0,0,${fast(`MATCH(${base}+${lm},${codes},1)+1`, slow.latestRow)})`,
    priorRow: `IF(${lm}=0,0,${fast(rowOfCode(`${base}+${lm}-12`), slow.priorRow)})`,
  };
}

/** This indicator's observations up to the report period: codes in (base, base + end]. */
const upToEndOf = (refs: ObservationRefs, base: string) => `(${refs.codes}>${base})*(${refs.codes}<=${base}+${refs.end})`;

/** The helpers as one pass over the observations each: what they fall back to once a row is out of order. */
function slowHelpers(refs: ObservationRefs, row: IndicatorRow): Record<Helper, string> {
  const { indicator, value, codes } = refs;
  const { base } = row;
  const upToEnd = upToEndOf(refs, base);
  const monthIs = (m: string) => `(${codes}=${base}+${m})`;
  const lm = row.at('latestMonth');
  return {
    latestValueMonth: `IFERROR(SUMPRODUCT(MAX(${upToEnd}*(${value}<>"")*(${codes}-${base}))),0)`,
    latestValueRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(row.at('latestValueMonth'))}*(${value}<>"")*ROW(${indicator}))),0)`,
    latestMonth: `IFERROR(SUMPRODUCT(MAX(${upToEnd}*(${codes}-${base}))),0)`,
    latestRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(lm)}*ROW(${indicator}))),0)`,
    priorRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(`${lm}-12`)}*ROW(${indicator}))),0)`,
  };
}

/** The sum of a cumulative indicator's observations up to the report period: one span of rows while in order, else a pass. */
function cumulativeSum(refs: ObservationRefs, row: IndicatorRow): string {
  const { codes } = refs;
  const { base } = row;
  const values = refs.column('value');
  const below = `IFERROR(MATCH(${base},${codes},1),0)`;
  const upTo = `MATCH(${base}+${refs.end},${codes},1)`;
  const inOrder = `IFERROR(IF(${upTo}<=${below},0,SUM(INDEX(${values},${below}+2):INDEX(${values},${upTo}+1))),0)`;
  return `IF(${refs.inOrder},${inOrder},SUMPRODUCT(${upToEndOf(refs, base)},${refs.value}))`;
}

/** The figures, from the helpers and the indicator's own cells. */
function figureFormulas(refs: ObservationRefs, row: IndicatorRow): Record<Figure, string> {
  const { at, own } = row;
  const column = refs.column;
  const cumulative = refs.cumulative;
  const kind = own('kind');
  const bv = own('baselineValue');
  const tv = own('targetValue');
  const baselineMonth = monthIndexOf(own('baselinePeriod'));
  const targetMonth = monthIndexOf(own('targetPeriod'));
  return {
    // A level's latest value, else (growth only) its latest observation: the period its Latest or Growth is of.
    latestPeriod:
      `IF(${kind}=${cumulative},IF(${at('latestRow')}=0,"",INDEX(${column('period')},${at('latestRow')})),` +
      `IF(${at('latestValueRow')}=0,IF(${at('latestRow')}=0,"",INDEX(${column('period')},${at('latestRow')})),INDEX(${column('period')},${at('latestValueRow')})))`,
    latest: blankOnError(
      // A cumulative total without any observation yet is blank, not its baseline (or 0): the data says nothing.
      `IF(${kind}=${cumulative},IF(${at('latestRow')}=0,"",N(${bv})+${cumulativeSum(refs, row)}),IF(${at('latestValueRow')}=0,"",INDEX(${column('value')},${at('latestValueRow')})))`,
    ),
    growth: blankOnError(
      `IF(${at('latestRow')}=0,"",IF(INDEX(${column('growth')},${at('latestRow')})<>"",INDEX(${column('growth')},${at('latestRow')}),` +
        `IF(OR(${at('priorRow')}=0,INDEX(${column('value')},${at('latestRow')})="",INDEX(${column('value')},${at('priorRow')})=""),"",` +
        `INDEX(${column('value')},${at('latestRow')})/INDEX(${column('value')},${at('priorRow')})-1)))`,
    ),
    progress: blankOnError(`IF(OR(${at('latest')}="",${tv}=""),"",(${at('latest')}-N(${bv}))/(${tv}-N(${bv})))`),
    cagr: blankOnError(
      `IF(OR(${kind}=${cumulative},${bv}="",${at('latestValueRow')}=0),"",IF(OR(${at('latestValueMonth')}<=${baselineMonth},${at('latest')}/${bv}<0),"",` +
        `(${at('latest')}/${bv})^(12/(${at('latestValueMonth')}-${baselineMonth}))-1))`,
    ),
    requiredCagr: blankOnError(
      `IF(OR(${kind}=${cumulative},${tv}="",${at('latestValueRow')}=0),"",IF(OR(${targetMonth}<=${refs.end},${tv}/${at('latest')}<0),"",` +
        `(${tv}/${at('latest')})^(12/(${targetMonth}-${at('latestValueMonth')}))-1))`,
    ),
  };
}
