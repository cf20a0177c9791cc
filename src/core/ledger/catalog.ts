/**
 * A catalog from a ledger of products: one entry per data row. The
 * category comes from its column; when a catalog's title names one category
 * only (创新药品目录, 医疗器械产品目录) and no column gives it, that one.
 */
import { CATEGORIES, type Catalog, type CatalogEntry, type Category } from '../schema';
import { CATEGORY_WORDS, cellText, parseCategoryWord, parseDateText, parseWholeNumber } from '../values';
import type { Table } from './table';

export interface CatalogRead {
  catalog: Catalog;
  cells: Map<string, string>;
  /** The category the title gave the entries without one, and how many. */
  titleCategory?: { category: Category; entries: number };
}

/** The one category a title names, if it names exactly one (words of two characters or more). */
export function titleCategory(titles: string[]): Category | undefined {
  const text = titles.join(' ').toLowerCase();
  const found = CATEGORIES.filter((c) => c !== 'other' && CATEGORY_WORDS[c].some((w) => w.length >= 2 && /[^\x20-\x7e]/.test(w) && text.includes(w)));
  return found.length === 1 ? found[0] : undefined;
}

export function readCatalog(t: Table, id: string, title: string): CatalogRead {
  const entries: CatalogEntry[] = [];
  const cells = new Map<string, string>();
  const fallback = titleCategory(t.header.titles);
  let fromTitle = 0;
  for (const { row, read } of t.rows()) {
    if (read.type !== 'data') continue;
    const product = t.column('product')!;
    const productText = cellText(t.value(row, product));
    if (productText === null) {
      t.problem(row, product, { code: 'missing', field: 'product' });
      continue;
    }
    const e: Partial<CatalogEntry> = { product: productText };
    const enterprise = t.column('enterprise');
    const enterpriseText = cellText(t.value(row, enterprise));
    if (enterpriseText !== null) e.enterprise = enterpriseText;
    else t.problem(row, enterprise ?? product, { code: 'missing', field: 'enterprise', ...(enterprise ? {} : { noColumn: true }) });
    const category = t.column('category');
    const c = category ? parseCategoryWord(t.value(row, category)) : ({ ok: true, value: null } as const);
    if (!c.ok) t.problem(row, category!, { code: 'value', field: 'category', problem: c.problem });
    else if (c.value !== null) e.category = c.value;
    else if (fallback) {
      e.category = fallback;
      fromTitle++;
    } else t.problem(row, category ?? product, { code: 'missing', field: 'category', ...(category ? {} : { noColumn: true }) });
    const registration = cellText(t.value(row, t.column('registration')));
    if (registration !== null) e.registration = registration;
    const listed = t.column('listed');
    if (listed) {
      const r = parseDateText(t.value(row, listed));
      if (!r.ok || r.ongoing !== undefined)
        t.problem(row, listed, { code: 'value', field: 'listed', problem: r.ok ? { expected: 'date', got: r.ongoing! } : r.problem });
      else if (r.value !== null) e.listed = r.value;
    }
    const hospitals = t.column('hospitals');
    if (hospitals) {
      const r = parseWholeNumber(t.value(row, hospitals));
      if (!r.ok) t.problem(row, hospitals, { code: 'value', field: 'hospitals', problem: r.problem });
      else if (r.value !== null) e.hospitals = r.value;
    }
    const i = entries.length;
    for (const col of t.header.columns) if (col.field) cells.set(`entries[${i}].${col.field}`, t.cell(row, col));
    cells.set(`entries[${i}]`, t.cell(row, product));
    entries.push(e as CatalogEntry);
  }
  const read: CatalogRead = { catalog: { id, title, entries }, cells };
  if (fromTitle) read.titleCategory = { category: fallback!, entries: fromTitle };
  return read;
}
