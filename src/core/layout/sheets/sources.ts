/**
 * The Sources sheet: each plan and catalog with its title, region, issue date
 * and source, then each indicator with its name, region and source, read live
 * from the Indicators sheet (where they are edited; a reader skips these rows).
 */
import type { SourceField } from '../../i18n/labels';
import { isIsoDate } from '../../periods';
import type { Indicator, StreamableCatalog, StreamablePlan } from '../../schema';
import type { IndicatorField } from '../../i18n/labels';
import { resolveColumns } from '../columns';
import type { Context } from '../context';
import type { Cell, Sheet } from '../model';
import { absRef, sheetPrefix } from '../refs';
import { dataSheet, date, formula, text } from './common';

export const SOURCE_FIELDS = ['kind', 'id', 'title', 'region', 'issued', 'source'] as const satisfies readonly SourceField[];

type Item =
  { kind: 'plan'; plan: StreamablePlan } | { kind: 'catalog'; catalog: StreamableCatalog } | { kind: 'indicator'; indicator: Indicator; position: number };

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
    ...(ctx.has.indicators ? (ctx.data.indicators ?? []).map((indicator, i): Item => ({ kind: 'indicator', indicator, position: i + 1 })) : []),
  ];
  const cell = (item: Item, field: SourceField): Cell | undefined => {
    if (item.kind === 'indicator') return indicatorCell(ctx, item.indicator, item.position, field);
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

/** An indicator's cell: its kind, then a live reference to its cell on the Indicators sheet (blank stays blank). */
function indicatorCell(ctx: Context, ind: Indicator, position: number, field: SourceField): Cell | undefined {
  const own: Partial<Record<SourceField, [IndicatorField, string | undefined]>> = {
    id: ['id', ind.id],
    title: ['name', ind.name],
    region: ['region', ind.region],
    source: ['source', ind.source],
  };
  if (field === 'kind') return text(ctx.labels.sourceKinds.indicator);
  const it = own[field];
  if (!it) return undefined;
  const ref = `${sheetPrefix(ctx.sheetName.indicators)}${absRef(position + 1, ctx.indicators.index(it[0]))}`;
  return formula(`IF(${ref}="","",${ref})`, it[1] ?? null, field === 'id' ? 'text' : 'wrap');
}
