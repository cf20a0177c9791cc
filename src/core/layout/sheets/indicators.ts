/**
 * The Indicators sheet: one row per indicator with its baseline and target,
 * then its figures (named `Indicator_<K>_*`) as formulas over the
 * Observations sheet, and hidden helper columns the figures share. Each
 * figure and helper column is one shared formula (indicator-formulas.ts).
 */
import type { IndicatorField, Labels } from '../../i18n/labels';
import { monthIndex, period } from '../../periods';
import { nameKey } from '../../rules';
import type { Indicator } from '../../schema';
import type { Context } from '../context';
import type { Cell, CellValue, DefinedName, Sheet, Validation } from '../model';
import { columnLetter } from '../refs';
import { DATA_BAR_COLOR, valueStyle, type StyleName } from '../styles';
import { MAX_DECIMALS, VALUE_FORMATS, valueFormatCode, valueFormatKey } from '../../value-format';
import { dataSheet, num, sharedRowCell, text } from './common';
import { HELPERS, INDICATOR_FIGURES, ORDER, indicatorFormulas, type FigureColumn, type Helper } from './indicator-formulas';
import type { ObservationOrder } from '../observation-order';
import type { IndicatorFigures } from '../../figures';

export { INDICATOR_FIGURES } from './indicator-formulas';

const NAMED: Partial<Record<FigureColumn, string>> = {
  latest: 'Latest',
  growth: 'Growth',
  progress: 'Progress',
  cagr: 'CAGR',
  requiredCagr: 'RequiredCAGR',
};

/** Each figure and helper column's style; Latest's is its indicator's value format. */
const STYLE: Record<Exclude<FigureColumn, 'latest'>, StyleName> = {
  latestPeriod: 'periodColumn',
  growth: 'figurePercent',
  progress: 'figurePercent',
  cagr: 'figurePercent',
  requiredCagr: 'figurePercent',
  latestValueMonth: 'integer',
  latestValueRow: 'integer',
  latestMonth: 'integer',
  latestRow: 'integer',
  priorRow: 'integer',
  valueFormat: 'integer',
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

  const formulas = indicatorFormulas(ctx, observations, letter, (f) => cols.letter(f));
  const last = indicators.length + 1;
  const cellOf = (c: FigureColumn, r: number, v: CellValue, s: StyleName): Cell => {
    const L = letter(c);
    // Row 2 holds each column's shared formula (when there is a row below to share it with); the rows below refer to it.
    if (r > 2) return sharedRowCell(formulas[c], r, v, s, `${L}2`);
    const f = formulas[c](r);
    return last > 2 ? { f, v, s, shares: `${L}2:${L}${last}` } : { f, v, s };
  };
  // The sheet row of each indicator's first observation on the Observations sheet.
  const firstObsRow: number[] = [];
  indicators.reduce((row, ind, i) => ((firstObsRow[i] = row), row + ind.observations.length), 2);
  const reportMonth = monthIndex(period(ctx.data.report.period));

  const names: DefinedName[] = [];
  const named = Object.entries(NAMED).map(([c, suffix]) => ({ suffix, letter: letter(c as FigureColumn) }));
  indicators.forEach((ind, i) => {
    const r = i + 2;
    const helpers = cachedHelpers(ind, firstObsRow[i], reportMonth);
    const figures = ctx.figures.indicators[i];
    const key = valueFormatKey(ind);
    // Each column's cached value read where it is, not spread into one object a row (1,000 rows: 10 ms of the build).
    const value = (c: FigureColumn): CellValue =>
      c === 'valueFormat' ? valueFormatCode(key) : c in helpers ? helpers[c as Helper] : figures[c as keyof IndicatorFigures];
    const latestStyle = valueStyle('figure', key);
    const cells = sheet.rows[r - 1].cells;
    for (const c of ORDER) cells.push(cellOf(c, r, value(c), c === 'latest' ? latestStyle : STYLE[c]));
    const idKey = nameKey(ind.id);
    for (const n of named) names.push({ name: `Indicator_${idKey}_${n.suffix}`, sheet: sheet.name, cell: `${n.letter}${r}` });
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
 * The helpers' cached results, from the data: month indexes and sheet rows (0: none). The latest observation up to the
 * report's period (the first of equal months), the latest with a value, and the first 12 months before the latest.
 */
function cachedHelpers(ind: Indicator, firstObsRow: number, reportMonth: number): Record<Helper, number> {
  const obs = ind.observations;
  const months = obs.map((o) => monthIndex(period(o.period)));
  let latest = -1;
  let latestValue = -1;
  for (let k = 0; k < obs.length; k++) {
    const mi = months[k];
    if (mi > reportMonth) continue;
    if (latest < 0 || mi > months[latest]) latest = k;
    if (obs[k].value !== undefined && (latestValue < 0 || mi > months[latestValue])) latestValue = k;
  }
  const prior = latest < 0 ? -1 : months.indexOf(months[latest] - 12);
  const rowOf = (k: number) => (k < 0 ? 0 : firstObsRow + k);
  return {
    latestValueMonth: latestValue < 0 ? 0 : months[latestValue],
    latestValueRow: rowOf(latestValue),
    latestMonth: latest < 0 ? 0 : months[latest],
    latestRow: rowOf(latest),
    priorRow: rowOf(prior),
  };
}
