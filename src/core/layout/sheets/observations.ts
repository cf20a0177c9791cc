/** The Observations sheet: every indicator's observations, one row each. */
import type { ObservationField } from '../../i18n/labels';
import type { Indicator, Observation } from '../../schema';
import type { Context } from '../context';
import type { Cell, Sheet } from '../model';
import { dataSheet, num, text } from './common';

interface Item {
  indicator: Indicator;
  obs: Observation;
}

export function observationsSheet(ctx: Context): Sheet {
  const L = ctx.labels;
  const items: Item[] = (ctx.data.indicators ?? []).flatMap((indicator) => indicator.observations.map((obs) => ({ indicator, obs })));
  const cell = ({ indicator, obs }: Item, field: ObservationField): Cell | undefined => {
    switch (field) {
      case 'indicator':
        return text(indicator.id);
      case 'period':
        return text(obs.period, 'period');
      case 'value':
        return num(obs.value, 'number');
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
    validations: (col, last) =>
      (['value', 'growth'] as const).map((f) => ({
        range: `${col(f)}2:${col(f)}${last}`,
        rule: { type: 'decimal' as const },
        prompt: { title: L.validation.numberTitle, message: L.validation.numberPrompt },
      })),
  });
}
