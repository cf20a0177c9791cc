/**
 * A catalog's Enterprises figure (distinct enterprise names, ignoring case)
 * in about one binary search per entry, not one pass over the entries per
 * entry.
 *
 * The `_figures` sheet lists every enterprise name the data has, in lower
 * case, sorted as the engines sort text, and the code of every known
 * (catalog, enterprise) pair: (catalog position - 1) x names + name position.
 * Each Catalog row carries, in hidden helper columns, from its own cells only:
 *
 *   enterprise code = the pair's code, found with MATCH(..., 1) (a binary
 *                     search) and kept only when EXACT confirms the name and
 *                     the code is a known pair; blank otherwise
 *   new enterprise  = for a row without a code: 1 when its catalog | name key
 *                     first occurs on this row (a MATCH over the rows above)
 *
 * One FREQUENCY array formula counts the rows of every known pair; a
 * catalog's Enterprises figure is the number of its pairs with a row, plus
 * its new enterprises. A name typed after generation, or one the engine
 * sorts differently from plan-report, has no code: it is counted by the
 * first-occurrence test, correct but a pass over the rows above it. Every
 * row of one name in one catalog takes the same path (the same lookup value
 * gives the same binary search), so no enterprise is counted twice.
 */
import type { CatalogEntry } from '../schema';
import type { Context } from './context';
import { fullRange, idLookup, rowCell, rowFormula, wildcardFree } from './formulas';
import { CALC_SHEET } from './figure-codes';
import { columnLetter, sheetPrefix } from './refs';

/** Columns of the `_figures` sheet that the Enterprises figures use. */
export const ENTERPRISE_COLUMNS = { name: 'G', bin: 'H', count: 'I', catalog: 'J' } as const;

/**
 * The order the names are listed in: ICU's root collation at base strength
 * (LibreOffice's MATCH compares with it; measured to agree on 18,000 English
 * and Chinese names), ties broken by code unit so the order is total. Made
 * at the first comparison: ICU's first collator costs 7.5 ms, which every
 * command loading this module paid at its start, catalogs or not.
 */
let collator: Intl.Collator | undefined;
export function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface EnterpriseCodes {
  /** Every enterprise name in lower case, sorted (`_figures` column G). */
  names: string[];
  /** Every known pair's code, ascending (column H), and its number of entries (column I, the FREQUENCY's cached result). */
  bins: number[];
  counts: number[];
  /** The catalogs' ids, in order (column J). */
  catalogIds: string[];
  /** The `_figures` range the FREQUENCY fills, and its formula. */
  frequency: { range: string; formula: string } | undefined;
  /** The Summary's Enterprises formula of catalog `i`, whose id is in `idCell`. */
  enterprises(i: number, idCell: string): string;
  /** The helper cells of a Catalog row (`item` absent: a room row below the data). */
  helperCells(row: number, item?: { catalog: number; entry: CatalogEntry }): { f: string; v: number | null }[];
}

/** A name's position as written: each name lowered and looked up once (an enterprise lists many products). */
function asWritten(position: Map<string, number>): (name: string) => number {
  const seen = new Map<string, number>();
  return (name) => {
    let p = seen.get(name);
    if (p === undefined) seen.set(name, (p = position.get(name.toLowerCase())!));
    return p;
  };
}

/** The Enterprises codes of a report, or undefined when it has no catalogs. */
export function enterpriseCodes(ctx: Context): EnterpriseCodes | undefined {
  const catalogs = ctx.data.catalogs ?? [];
  if (!ctx.has.catalog || !catalogs.length) return undefined;
  const perCatalog = ctx.figures.enterprises;
  const all = new Set<string>();
  for (const m of perCatalog) for (const name of m.keys()) all.add(name);
  const names = [...all].sort(compareNames);
  const position = new Map(names.map((n, k) => [n, k + 1]));
  const nameCount = names.length;
  const positionOf = asWritten(position);

  const bins: number[] = [];
  const counts: number[] = [];
  const slices: ({ first: number; last: number } | undefined)[] = [];
  perCatalog.forEach((m, c) => {
    const codes = [...m].map(([name, n]) => ({ code: c * nameCount + position.get(name)!, n })).sort((a, b) => a.code - b.code);
    slices.push(codes.length ? { first: bins.length + 2, last: bins.length + codes.length + 1 } : undefined);
    for (const x of codes) {
      bins.push(x.code);
      counts.push(x.n);
    }
  });

  const calc = sheetPrefix(CALC_SHEET);
  const columns = ENTERPRISE_COLUMNS;
  const list = (letter: string, n: number) => `${calc}$${letter}$2:$${letter}$${Math.max(2, n + 1)}`;
  const nameList = list(columns.name, nameCount);
  const binList = list(columns.bin, bins.length);
  const catalogList = list(columns.catalog, catalogs.length);
  const entry = (f: 'catalog' | 'enterprise') => ctx.col.entry(f);
  const fields = ctx.entries.list.length;
  const codeLetter = columnLetter(fields + 1);
  const newLetter = columnLetter(fields + 2);

  const codeFormula = rowFormula((r) => {
    const ent = `LOWER($${entry('enterprise').letter}${r})`;
    const at = `MATCH(${ent},${nameList},1)`;
    const code = `((MATCH(${idLookup(`$${entry('catalog').letter}${r}`)},${catalogList},0)-1)*${nameCount}+${at})`;
    return `IFERROR(IF(AND(EXACT(INDEX(${nameList},${at}),${ent}),INDEX(${binList},MATCH(${code},${binList},1))=${code}),${code},""),"")`;
  });
  const newFormula = rowFormula((r) => {
    const cat = entry('catalog').letter;
    const ent = entry('enterprise').letter;
    const key = (c: string, e: string) => wildcardFree(`${c}&"|"&LOWER(${e})`);
    const above = (l: string) => `$${l}$2:$${l}${r}`;
    return (
      `IF(OR($${ent}${r}="",$${codeLetter}${r}<>""),0,` +
      `SUMPRODUCT(--(MATCH(${key(`$${cat}${r}`, `$${ent}${r}`)},${key(above(cat), above(ent))},0)=ROWS(${above(ent)}))))`
    );
  });

  const sheet = ctx.sheetName.catalog;
  return {
    names,
    bins,
    counts,
    catalogIds: catalogs.map((c) => c.id),
    frequency: bins.length
      ? {
          range: `${columns.count}2:${columns.count}${bins.length + 1}`,
          // LibreOffice gives #VALUE! (Excel zeros) when no row has a code: IFERROR makes those zeros.
          formula: `IFERROR(FREQUENCY(${fullRange({ sheet, letter: codeLetter })},$${columns.bin}$2:$${columns.bin}$${bins.length + 1}),0)`,
        }
      : undefined,
    enterprises(i, idCell) {
      const s = slices[i];
      const known = s ? `COUNTIF(${calc}$${columns.count}$${s.first}:$${columns.count}$${s.last},">0")+` : '';
      return `${known}COUNTIFS(${fullRange(entry('catalog'))},${idCell},${fullRange({ sheet, letter: newLetter })},1)`;
    },
    helperCells(row, item) {
      const code = item && item.entry.enterprise !== '' ? item.catalog * nameCount + positionOf(item.entry.enterprise) : null;
      return [rowCell(codeFormula, row, code), rowCell(newFormula, row, 0)];
    },
  };
}
