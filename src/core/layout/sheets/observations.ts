/** The Observations sheet: every indicator's observations, one row each. */
import type { ObservationField } from '../../i18n/labels';
import type { Indicator, Observation } from '../../schema';
import type { Context } from '../context';
import type { Cell, ConditionalFormat, Sheet } from '../model';
import { valueStyle } from '../styles';
import { VALUE_FORMAT_KEYS, valueFormatCode, valueFormatKey } from '../../value-format';
import { monthIndex, period } from '../../periods';
import { idLookup, monthIndexOf, rowCell, rowFormula } from '../formulas';
import { columnLetter, sheetPrefix } from '../refs';
import { dataSheet, num, text } from './common';

/**
 * Each observation row's code, in a hidden column after the data: its
 * indicator's position on the Indicators sheet x OBSERVATION_CODE_BASE + the
 * month index of its period (0 when the indicator is not found). The
 * indicator figures compare these numbers instead of parsing every
 * period and comparing every id for every indicator.
 */
export const OBSERVATION_CODE_BASE = 100000;

/** The code of an observation of the indicator at `position` (1-based): what the code formula computes. */
export function observationCode(position: number, periodText: string): number {
  return position * OBSERVATION_CODE_BASE + monthIndex(period(periodText));
}

/** The column letter of the observation code. */
export function observationCodeLetter(ctx: Context): string {
  return columnLetter(ctx.observations.list.length + 1);
}

interface Item {
  indicator: Indicator;
  obs: Observation;
}

/**
 * `valueFormatLetter`: the Indicators sheet's column of each indicator's value
 * format code. Each value prints in its indicator's format: the row's style
 * at generation, and conditional formats that look the code up by the row's
 * indicator, so that a row typed or sorted in later prints right too.
 */
export function observationsSheet(ctx: Context, valueFormatLetter: string): Sheet {
  const labels = ctx.labels;
  const indicators = ctx.data.indicators ?? [];
  const items: Item[] = indicators.flatMap((indicator) => indicator.observations.map((obs) => ({ indicator, obs })));
  const position = new Map(indicators.map((ind, i) => [ind.id, i + 1]));
  const ids = `${sheetPrefix(ctx.sheetName.indicators)}$${ctx.indicators.letter('id')}:$${ctx.indicators.letter('id')}`;
  const codeFormula = rowFormula((r) => {
    const at = (f: ObservationField) => `$${ctx.col.observation(f).letter}${r}`;
    const id = idLookup(at('indicator'));
    // The sheet row of the indicator, less its header row: its position.
    return `IFERROR((MATCH(${id},${ids},0)-1)*${OBSERVATION_CODE_BASE}+${monthIndexOf(at('period'))},0)`;
  });
  // Each indicator's value style and id cell, and each period's cell, made once: the rows are made again each time the
  // sheet is written, and an indicator's id and a period recur in every row of it (cells are never changed once made).
  const styles = new Map(indicators.map((ind) => [ind, valueStyle('value', valueFormatKey(ind))]));
  const styleOf = (ind: Indicator) => styles.get(ind)!;
  const idCells = new Map(indicators.map((ind) => [ind, text(ind.id)]));
  const periodCells = new Map<string, Cell | undefined>();
  const periodCell = (p: string) => {
    let c = periodCells.get(p);
    if (c === undefined) periodCells.set(p, (c = text(p, 'periodColumn')));
    return c;
  };
  const cell = ({ indicator, obs }: Item, field: ObservationField): Cell | undefined => {
    switch (field) {
      case 'indicator':
        return idCells.get(indicator);
      case 'period':
        return periodCell(obs.period);
      case 'value':
        return num(obs.value, styleOf(indicator));
      case 'growth':
        return num(obs.growth, 'percent');
    }
  };
  return dataSheet(ctx, {
    lazy: true,
    key: 'observations',
    columns: ctx.observations,
    items,
    cell,
    helpers: {
      titles: [labels.calc.observationCode],
      // Its formula written out only when read: the column is one shared formula, whose later cells the writer does not read.
      cells: (row, item) => [rowCell(codeFormula, row, item ? observationCode(position.get(item.indicator.id)!, item.obs.period) : 0)],
    },
    validations: (col, last) =>
      (['value', 'growth'] as const).map((f) => ({
        range: `${col(f)}2:${col(f)}${last}`,
        rule: { type: 'decimal' as const },
        prompt: { title: labels.validation.numberTitle, message: labels.validation.numberPrompt },
      })),
    conditionalFormats: (col, last) => valueFormats(ctx, `${col('value')}2:${col('value')}${last}`, valueFormatLetter),
  });
}

/**
 * One conditional format per value format: the row's indicator (its position,
 * from the row's hidden code) has that format's code on the Indicators sheet.
 * A row whose indicator is not found (code 0) reads the header: no format applies.
 */
function valueFormats(ctx: Context, range: string, valueFormatLetter: string): ConditionalFormat[] {
  const codes = `${sheetPrefix(ctx.sheetName.indicators)}$${valueFormatLetter}:$${valueFormatLetter}`;
  const position = `INT($${observationCodeLetter(ctx)}2/${OBSERVATION_CODE_BASE})+1`;
  return VALUE_FORMAT_KEYS.map((key) => ({
    range,
    type: 'expression' as const,
    formula: `INDEX(${codes},${position})=${valueFormatCode(key)}`,
    style: valueStyle('value', key),
  }));
}
