/** The Catalog sheet: every catalog's entries, one row each. */
import type { EntryField } from '../../i18n/labels';
import type { RowSource } from '../../row-source';
import { CATEGORIES, type CatalogEntry, type StreamableCatalog } from '../../schema';
import { entryItems, type Context } from '../context';
import type { EnterpriseCodes } from '../enterprise-codes';
import type { Cell, Sheet } from '../model';
import { DATA_BAR_COLOR } from '../styles';
import { dataSheet, date, num, text } from './common';
import { dateStyle } from '../local-styles';

interface Item {
  catalog: StreamableCatalog;
  entry: CatalogEntry;
}

export function catalogSheet(ctx: Context, codes: EnterpriseCodes | undefined): Sheet {
  const labels = ctx.labels;
  const items: RowSource<Item> = entryItems(ctx);
  const position = new Map((ctx.data.catalogs ?? []).map((c, i) => [c, i]));
  const cell = ({ catalog, entry: e }: Item, field: EntryField): Cell | undefined => {
    switch (field) {
      case 'catalog':
        return text(catalog.id);
      case 'product':
        return text(e.product, 'freeWrap');
      case 'enterprise':
        return text(e.enterprise, 'freeWrap');
      case 'category':
        return text(labels.categories[e.category]);
      case 'registration':
        return text(e.registration, 'freeText');
      case 'listed':
        return date(e.listed, dateStyle(ctx.locale, 'date'));
      case 'hospitals':
        return num(e.hospitals, 'integer');
    }
  };
  return dataSheet(ctx, {
    lazy: true,
    key: 'catalog',
    columns: ctx.entries,
    items,
    cell,
    helpers: codes && {
      titles: [labels.calc.enterpriseCode, labels.calc.newEnterprise],
      cells: (row, item) => codes.helperCells(row, item && { catalog: position.get(item.catalog)!, entry: item.entry }),
    },
    validations: (col, last) => [
      {
        range: `${col('category')}2:${col('category')}${last}`,
        rule: { type: 'list', values: CATEGORIES.map((c) => labels.categories[c]) },
        prompt: { title: labels.validation.categoryTitle, message: labels.validation.categoryPrompt },
      },
      {
        range: `${col('listed')}2:${col('listed')}${last}`,
        rule: { type: 'date' },
        prompt: { title: labels.validation.dateTitle, message: labels.validation.datePrompt },
      },
      {
        range: `${col('hospitals')}2:${col('hospitals')}${last}`,
        rule: { type: 'whole', min: 0 },
        prompt: { title: labels.validation.hospitalsTitle, message: labels.validation.hospitalsPrompt },
      },
    ],
    conditionalFormats: (col, last) => [{ range: `${col('hospitals')}2:${col('hospitals')}${last}`, type: 'dataBar', color: DATA_BAR_COLOR }],
  });
}
