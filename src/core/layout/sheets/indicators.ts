/**
 * The Indicators sheet: one row per indicator with its baseline and target,
 * then its figures (named `Indicator_<K>_*`) as formulas over the
 * Observations sheet, and hidden helper columns the figures share.
 */
import type { IndicatorField, Labels } from '../../i18n/labels';
import { monthIndex, period } from '../../periods';
import { nameKey } from '../../rules';
import type { Indicator } from '../../schema';
import type { IndicatorFigures } from '../../figures';
import type { Context } from '../context';
import { blankOnError, monthIndexOf, monthIndexOfDate } from '../formulas';
import type { Cell, DefinedName, Sheet, Validation } from '../model';
import { columnLetter, formulaString, sheetPrefix } from '../refs';
import { DATA_BAR_COLOR, valueStyle } from '../styles';
import { DEFAULT_DECIMALS, MAX_DECIMALS, VALUE_FORMATS, valueFormatCode, valueFormatKey, type ValueFormat, type ValueFormatKey } from '../../value-format';
import { dataSheet, formula, num, text } from './common';
import { OBSERVATION_CODE_BASE, observationCodeLetter } from './observations';
import type { ObservationOrder } from '../observation-order';

/** The figure columns after the indicator's own columns, in order. */
export const INDICATOR_FIGURES = ['latestPeriod', 'latest', 'growth', 'progress', 'cagr', 'requiredCagr'] as const;
const HELPERS = ['latestValueMonth', 'latestValueRow', 'latestMonth', 'latestRow', 'priorRow'] as const;
type Figure = (typeof INDICATOR_FIGURES)[number];
type Helper = (typeof HELPERS)[number];
type FigureColumn = Figure | Helper | 'valueFormat';
/** The columns after the indicator's own, in order: the figures, then the hidden helpers, the last one the value format's code. */
const ORDER: readonly FigureColumn[] = [...INDICATOR_FIGURES, ...HELPERS, 'valueFormat'];

const NAMED: Partial<Record<FigureColumn, string>> = {
  latest: 'Latest',
  growth: 'Growth',
  progress: 'Progress',
  cagr: 'CAGR',
  requiredCagr: 'RequiredCAGR',
};

export interface IndicatorsLayout {
  sheet: Sheet;
  names: DefinedName[];
  /** Column letter of a figure on the Indicators sheet. */
  figureLetter(f: (typeof INDICATOR_FIGURES)[number]): string;
  /** Column letter of the hidden code of each indicator's value format (value-format.ts), which the Observations sheet's formats read. */
  valueFormatLetter: string;
}

/** `observations`: the fast path while the observations are in order (observation-order.ts). */
export function indicatorsSheet(ctx: Context, observations: ObservationOrder): IndicatorsLayout {
  const labels = ctx.labels;
  const cols = ctx.indicators;
  const indicators = ctx.data.indicators ?? [];
  const first = cols.list.length + 1;
  const letter = (f: FigureColumn) => columnLetter(first + ORDER.indexOf(f));

  const sheet = dataSheet(ctx, {
    key: 'indicators',
    columns: cols,
    items: indicators,
    cell: (ind, field) => ownCell(labels, ind, field),
    validations: (col, last) => formatValidations(labels, col, last),
    conditionalFormats: (_col, last) => [
      { range: `${letter('progress')}2:${letter('progress')}${last}`, type: 'dataBar', color: DATA_BAR_COLOR, min: 0, max: 1 },
    ],
  });

  const titles: Record<FigureColumn, string> = { ...labels.figures, ...labels.helpers };
  sheet.rows[0].cells.push(...ORDER.map((f) => ({ v: titles[f], s: 'header' as const })));
  // 10 characters: the six figures beside the indicator's own columns still print at 80% or more.
  sheet.columns.push(...ORDER.map((f) => ({ width: 10, hidden: (HELPERS as readonly string[]).includes(f) || f === 'valueFormat' || undefined })));
  sheet.autoFilter = `A1:${letter('requiredCagr')}${Math.max(2, indicators.length + 1)}`;

  const refs = observationRefs(ctx, observations);
  // The sheet row of each indicator's first observation on the Observations sheet.
  const firstObsRow: number[] = [];
  indicators.reduce((row, ind, i) => ((firstObsRow[i] = row), row + ind.observations.length), 2);
  const reportMonth = monthIndex(period(ctx.data.report.period));

  const names: DefinedName[] = [];
  indicators.forEach((ind, i) => {
    const r = i + 2;
    const row: IndicatorRow = {
      at: (c) => `$${letter(c)}$${r}`,
      own: (field) => `$${cols.letter(field)}$${r}`,
      base: (i + 1) * OBSERVATION_CODE_BASE,
    };
    const cells = {
      ...helperCells(refs, row, cachedHelpers(ind, firstObsRow[i], reportMonth)),
      ...figureCells(refs, row, ctx.figures.indicators[i], valueFormatKey(ind)),
      valueFormat: valueFormatCell(labels, row, ind),
    };
    sheet.rows[r - 1].cells.push(...ORDER.map((c) => cells[c]));
    for (const [c, suffix] of Object.entries(NAMED)) {
      names.push({ name: `Indicator_${nameKey(ind.id)}_${suffix}`, sheet: sheet.name, cell: `${letter(c as FigureColumn)}${r}` });
    }
  });

  return { sheet, names, figureLetter: (f) => letter(f), valueFormatLetter: letter('valueFormat') };
}

/** An indicator's own cell; its values in the indicator's value format. */
function ownCell(labels: Labels, ind: Indicator, field: IndicatorField): Cell | undefined {
  const valueStyleOf = valueStyle('value', valueFormatKey(ind));
  switch (field) {
    case 'id':
      return text(ind.id);
    case 'name':
      return text(ind.name, 'wrap');
    case 'region':
      return text(ind.region, 'wrap');
    case 'unit':
      return text(ind.unit, 'wrap');
    case 'kind':
      // Blank means level, the default: a reader gives back exactly what the data file said.
      return ind.kind ? text(labels.kinds[ind.kind]) : undefined;
    case 'format':
      // Blank means number, the default, as for kind.
      return ind.format ? text(labels.formats[ind.format]) : undefined;
    case 'decimals':
      return num(ind.decimals, 'integer');
    case 'baselinePeriod':
      return text(ind.baseline?.period, 'periodColumn');
    case 'baselineValue':
      return num(ind.baseline?.value, valueStyleOf);
    case 'targetPeriod':
      return text(ind.target?.period, 'periodColumn');
    case 'targetValue':
      return num(ind.target?.value, valueStyleOf);
    case 'source':
      return text(ind.source, 'freeWrap');
    case 'note':
      return text(ind.note, 'freeWrap');
  }
}

/** A dropdown of the value formats in the locale's words, and the decimals from 0 to MAX_DECIMALS. */
function formatValidations(labels: Labels, col: (f: IndicatorField) => string, last: number): Validation[] {
  const v = labels.validation;
  return [
    {
      range: `${col('format')}2:${col('format')}${last}`,
      rule: { type: 'list', values: VALUE_FORMATS.map((f) => labels.formats[f]) },
      prompt: { title: v.formatTitle, message: v.formatPrompt },
    },
    {
      range: `${col('decimals')}2:${col('decimals')}${last}`,
      rule: { type: 'whole', min: 0, max: MAX_DECIMALS },
      prompt: { title: v.decimalsTitle, message: v.decimalsPrompt },
    },
  ];
}

/**
 * The code of the indicator's value format (valueFormatCode), from its
 * Format and Decimals cells as they are now: 1 a whole number, 10 + decimals
 * a percentage, 20 + decimals a number (a blank Format); 0 when the cells
 * say nothing the report knows.
 */
function valueFormatCell(labels: Labels, row: IndicatorRow, ind: Indicator): Cell {
  const format = row.own('format');
  const decimals = row.own('decimals');
  // The locale's word (what the dropdown offers) or the data file's own token.
  const is = (f: ValueFormat) => `OR(${format}=${formulaString(labels.formats[f])},${format}=${formulaString(f)})`;
  const digits = (d: number) => `IF(${decimals}="",${d},IF(AND(${decimals}>=0,${decimals}<=${MAX_DECIMALS},INT(${decimals})=${decimals}),${decimals},-100))`;
  const code =
    `IF(${is('integer')},1,IF(${is('percent')},10+${digits(DEFAULT_DECIMALS.percent)},` +
    `IF(OR(${format}="",${is('number')}),20+${digits(DEFAULT_DECIMALS.number)},0)))`;
  return formula(`MAX(0,IFERROR(${code},0))`, valueFormatCode(valueFormatKey(ind)), 'integer');
}

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

/** One indicator's row: its cells, and where its observations' codes start. */
interface IndicatorRow {
  /** A figure or helper cell of the row, absolute. */
  at(c: FigureColumn): string;
  /** One of the indicator's own cells, absolute. */
  own(field: IndicatorField): string;
  /** Its observations' codes are base + month index. */
  base: number;
}

/** The helpers' cached results, from the data: month indexes and sheet rows (0: none). */
function cachedHelpers(ind: Indicator, firstObsRow: number, reportMonth: number): Record<Helper, number> {
  const seen = ind.observations.map((o, k) => ({ o, k, mi: monthIndex(period(o.period)) })).filter((x) => x.mi <= reportMonth);
  const rowOf = (x?: { k: number }) => (x ? firstObsRow + x.k : 0);
  const maxBy = <T extends { mi: number }>(list: T[]) => list.reduce<T | undefined>((b, x) => (!b || x.mi > b.mi ? x : b), undefined);
  const latestValue = maxBy(seen.filter((x) => x.o.value !== undefined));
  const latest = maxBy(seen);
  const prior = latest ? ind.observations.map((o, k) => ({ k, mi: monthIndex(period(o.period)) })).find((x) => x.mi === latest.mi - 12) : undefined;
  return {
    latestValueMonth: latestValue?.mi ?? 0,
    latestValueRow: rowOf(latestValue),
    latestMonth: latest?.mi ?? 0,
    latestRow: rowOf(latest),
    priorRow: rowOf(prior),
  };
}

/** Each helper: a few binary searches while the observations are in order, else a pass over them. */
function helperCells(refs: ObservationRefs, row: IndicatorRow, cached: Record<Helper, number>): Record<Helper, Cell> {
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
    latestValueMonth: formula(
      fast(`IF(${lr}=0,0,IF(${valueAt(lr)}<>"",${lm},${slow.latestValueMonth}))`, slow.latestValueMonth),
      cached.latestValueMonth,
      'integer',
    ),
    latestValueRow: formula(
      `IF(${lvm}=0,0,${fast(`IF(AND(${lvm}=${lm},${lr}>0),IF(${valueAt(lr)}<>"",${lr},${slow.latestValueRow}),${slow.latestValueRow})`, slow.latestValueRow)})`,
      cached.latestValueRow,
      'integer',
    ),
    latestMonth: formula(fast(`MAX(0,IFERROR(INDEX(${codes},${upTo})-${base},0))`, slow.latestMonth), cached.latestMonth, 'integer'),
    latestRow: formula(`IF(${lm}=0,0,${fast(`MATCH(${base}+${lm},${codes},1)+1`, slow.latestRow)})`, cached.latestRow, 'integer'),
    priorRow: formula(`IF(${lm}=0,0,${fast(rowOfCode(`${base}+${lm}-12`), slow.priorRow)})`, cached.priorRow, 'integer'),
  };
}

/** This indicator's observations up to the report period: codes in (base, base + end]. */
const upToEndOf = (refs: ObservationRefs, base: number) => `(${refs.codes}>${base})*(${refs.codes}<=${base}+${refs.end})`;

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

/** The figures, from the helpers and the indicator's own cells; `cached` their values from the data; Latest in the indicator's format. */
function figureCells(refs: ObservationRefs, row: IndicatorRow, cached: IndicatorFigures, format: ValueFormatKey): Record<Figure, Cell> {
  const { at, own } = row;
  const column = refs.column;
  const cumulative = refs.cumulative;
  const kind = own('kind');
  const bv = own('baselineValue');
  const tv = own('targetValue');
  const baselineMonth = monthIndexOf(own('baselinePeriod'));
  const targetMonth = monthIndexOf(own('targetPeriod'));
  return {
    latestPeriod: formula(
      // A level's latest value, else (growth only) its latest observation: the period its Latest or Growth is of.
      `IF(${kind}=${cumulative},IF(${at('latestRow')}=0,"",INDEX(${column('period')},${at('latestRow')})),` +
        `IF(${at('latestValueRow')}=0,IF(${at('latestRow')}=0,"",INDEX(${column('period')},${at('latestRow')})),INDEX(${column('period')},${at('latestValueRow')})))`,
      cached.latestPeriod,
      'periodColumn',
    ),
    latest: formula(
      blankOnError(
        // A cumulative total without any observation yet is blank, not its baseline (or 0): the data says nothing.
        `IF(${kind}=${cumulative},IF(${at('latestRow')}=0,"",N(${bv})+${cumulativeSum(refs, row)}),IF(${at('latestValueRow')}=0,"",INDEX(${column('value')},${at('latestValueRow')})))`,
      ),
      cached.latest,
      valueStyle('figure', format),
    ),
    growth: formula(
      blankOnError(
        `IF(${at('latestRow')}=0,"",IF(INDEX(${column('growth')},${at('latestRow')})<>"",INDEX(${column('growth')},${at('latestRow')}),` +
          `IF(OR(${at('priorRow')}=0,INDEX(${column('value')},${at('latestRow')})="",INDEX(${column('value')},${at('priorRow')})=""),"",` +
          `INDEX(${column('value')},${at('latestRow')})/INDEX(${column('value')},${at('priorRow')})-1)))`,
      ),
      cached.growth,
      'figurePercent',
    ),
    progress: formula(blankOnError(`IF(OR(${at('latest')}="",${tv}=""),"",(${at('latest')}-N(${bv}))/(${tv}-N(${bv})))`), cached.progress, 'figurePercent'),
    cagr: formula(
      blankOnError(
        `IF(OR(${kind}=${cumulative},${bv}="",${at('latestValueRow')}=0),"",IF(OR(${at('latestValueMonth')}<=${baselineMonth},${at('latest')}/${bv}<0),"",` +
          `(${at('latest')}/${bv})^(12/(${at('latestValueMonth')}-${baselineMonth}))-1))`,
      ),
      cached.cagr,
      'figurePercent',
    ),
    requiredCagr: formula(
      blankOnError(
        `IF(OR(${kind}=${cumulative},${tv}="",${at('latestValueRow')}=0),"",IF(OR(${targetMonth}<=${refs.end},${tv}/${at('latest')}<0),"",` +
          `(${tv}/${at('latest')})^(12/(${targetMonth}-${at('latestValueMonth')}))-1))`,
      ),
      cached.requiredCagr,
      'figurePercent',
    ),
  };
}
