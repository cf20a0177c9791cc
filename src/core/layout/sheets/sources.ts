/** The Sources sheet: each plan and catalog with its title, region, issue date and source. */
import type { SourceField } from '../../i18n/labels';
import { isIsoDate } from '../../periods';
import type { StreamableCatalog, StreamablePlan } from '../../schema';
import { resolveColumns } from '../columns';
import type { Context } from '../context';
import type { Cell, Sheet } from '../model';
import { dataSheet, date, text } from './common';

export const SOURCE_FIELDS = ['kind', 'id', 'title', 'region', 'issued', 'source'] as const satisfies readonly SourceField[];

type Item = { kind: 'plan'; plan: StreamablePlan } | { kind: 'catalog'; catalog: StreamableCatalog };

export function sourcesSheet(ctx: Context): Sheet {
  const labels = ctx.labels;
  const columns = resolveColumns(
    undefined,
    SOURCE_FIELDS,
    labels.sourceFields,
    { kind: 10, id: 18, title: 60, region: 20, issued: 12, source: 60 },
    ctx.locale,
  );
  const items: Item[] = [
    ...(ctx.has.measures ? (ctx.data.plans ?? []).map((plan): Item => ({ kind: 'plan', plan })) : []),
    ...(ctx.has.catalog ? (ctx.data.catalogs ?? []).map((catalog): Item => ({ kind: 'catalog', catalog })) : []),
  ];
  const cell = (item: Item, field: SourceField): Cell | undefined => {
    const it = item.kind === 'plan' ? item.plan : item.catalog;
    switch (field) {
      case 'kind':
        return text(labels.sourceKinds[item.kind]);
      case 'id':
        return text(it.id);
      case 'title':
        return text(it.title, 'wrap');
      case 'region':
        return text(it.region, 'wrap');
      case 'issued':
        return it.issued === undefined ? undefined : isIsoDate(it.issued) ? date(it.issued) : text(it.issued, 'period');
      case 'source':
        return item.kind === 'plan' ? text(item.plan.source, 'wrap') : undefined;
    }
  };
  const sheet = dataSheet(ctx, { key: 'sources', columns, items, cell });
  sheet.validations = [];
  return sheet;
}
