/**
 * The Indicators sheet: one row per indicator with its baseline and target,
 * then its figures (named `Indicator_<K>_*`) as formulas over the
 * Observations sheet, and hidden helper columns the figures share.
 */
import type { IndicatorField } from '../../i18n/labels';
import { monthIndex, period } from '../../periods';
import { nameKey } from '../../rules';
import type { Indicator } from '../../schema';
import type { Context } from '../context';
import { blankOnError, monthIndexOf, monthIndexOfDate } from '../formulas';
import type { Cell, DefinedName, Sheet } from '../model';
import { columnLetter, formulaString } from '../refs';
import { DATA_BAR_COLOR } from '../styles';
import { dataSheet, formula, num, text } from './common';
import { OBSERVATION_CODE_BASE, observationCodeLetter } from './observations';
import type { ObservationOrder } from '../observation-order';

/** The figure columns after the indicator's own columns, in order. */
export const INDICATOR_FIGURES = ['latestPeriod', 'latest', 'growth', 'progress', 'cagr', 'requiredCagr'] as const;
const HELPERS = ['latestValueMonth', 'latestValueRow', 'latestMonth', 'latestRow', 'priorRow'] as const;
type FigureColumn = (typeof INDICATOR_FIGURES)[number] | (typeof HELPERS)[number];

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
}

/** `observations`: the fast path while the observations are in order (observation-order.ts). */
export function indicatorsSheet(ctx: Context, observations: ObservationOrder): IndicatorsLayout {
  const L = ctx.labels;
  const cols = ctx.indicators;
  const indicators = ctx.data.indicators ?? [];
  const first = cols.list.length + 1;
  const order: FigureColumn[] = [...INDICATOR_FIGURES, ...HELPERS];
  const letter = (f: FigureColumn) => columnLetter(first + order.indexOf(f));

  const own = (ind: Indicator, field: IndicatorField): Cell | undefined => {
    switch (field) {
      case 'id':
        return text(ind.id);
      case 'name':
        return text(ind.name, 'wrap');
      case 'region':
        return text(ind.region, 'wrap');
      case 'unit':
        return text(ind.unit);
      case 'kind':
        // Blank means level, the default: a reader gives back exactly what the data file said.
        return ind.kind ? text(L.kinds[ind.kind]) : undefined;
      case 'baselinePeriod':
        return text(ind.baseline?.period, 'period');
      case 'baselineValue':
        return num(ind.baseline?.value);
      case 'targetPeriod':
        return text(ind.target?.period, 'period');
      case 'targetValue':
        return num(ind.target?.value);
    }
  };

  const sheet = dataSheet(ctx, {
    key: 'indicators',
    columns: cols,
    items: indicators,
    cell: own,
    conditionalFormats: (_col, last) => [
      { range: `${letter('progress')}2:${letter('progress')}${last}`, type: 'dataBar', color: DATA_BAR_COLOR, min: 0, max: 1 },
    ],
  });

  const titles: Record<FigureColumn, string> = { ...L.figures, ...L.helpers };
  sheet.rows[0].cells.push(...order.map((f) => ({ v: titles[f], s: 'header' as const })));
  sheet.columns.push(...order.map((f) => ({ width: 14, hidden: (HELPERS as readonly string[]).includes(f) || undefined })));
  sheet.autoFilter = `A1:${letter('requiredCagr')}${Math.max(2, indicators.length + 1)}`;

  // Ranges over the Observations sheet that grow when rows are appended.
  const obs = (f: 'indicator' | 'period' | 'value' | 'growth') => observations.range(ctx.col.observation(f).letter);
  const obsColumn = (f: 'period' | 'value' | 'growth') => {
    const c = ctx.col.observation(f);
    return `'${c.sheet.replace(/'/g, "''")}'!$${c.letter}:$${c.letter}`;
  };
  const I = obs('indicator');
  const V = obs('value');
  // The observations' codes: indicator position x OBSERVATION_CODE_BASE + month index (observations.ts).
  const K = observations.range(observationCodeLetter(ctx));
  const END = monthIndexOfDate('Report_Period_End');
  const cumulative = formulaString(L.kinds.cumulative);

  // The sheet row of each indicator's first observation on the Observations sheet.
  const firstObsRow: number[] = [];
  indicators.reduce((row, ind, i) => ((firstObsRow[i] = row), row + ind.observations.length), 2);
  const reportMonth = monthIndex(period(ctx.data.report.period));

  const names: DefinedName[] = [];
  indicators.forEach((ind, i) => {
    const r = i + 2;
    const f = ctx.figures.indicators[i];
    const at = (c: FigureColumn) => `$${letter(c)}$${r}`;
    const own = (field: IndicatorField) => `$${cols.letter(field)}$${r}`;
    const kind = own('kind');
    const bv = own('baselineValue');
    const tv = own('targetValue');
    // This indicator's observations up to the report period: codes in (base, base + END].
    const base = (i + 1) * OBSERVATION_CODE_BASE;
    const upToEnd = `(${K}>${base})*(${K}<=${base}+${END})`;
    const monthIs = (m: string) => `(${K}=${base}+${m})`;

    // Cached results of the helpers, from the data.
    const seen = ind.observations.map((o, k) => ({ o, k, mi: monthIndex(period(o.period)) })).filter((x) => x.mi <= reportMonth);
    const rowOf = (x?: { k: number }) => (x ? firstObsRow[i] + x.k : 0);
    const maxBy = <T extends { mi: number }>(list: T[]) => list.reduce<T | undefined>((b, x) => (!b || x.mi > b.mi ? x : b), undefined);
    const lv = maxBy(seen.filter((x) => x.o.value !== undefined));
    const la = maxBy(seen);
    const prior = la ? ind.observations.map((o, k) => ({ k, mi: monthIndex(period(o.period)) })).find((x) => x.mi === la.mi - 12) : undefined;

    // Each helper: a few binary searches while the observations are in order, else a pass over them.
    const S = observations.inOrder;
    const fast = (inOrder: string, otherwise: string) => `IF(${S},${inOrder},${otherwise})`;
    const lm = at('latestMonth');
    const lr = at('latestRow');
    const lvm = at('latestValueMonth');
    const valueAt = (row: string) => `INDEX(${obsColumn('value')},${row})`;
    const rowOfCode = (code: string) => `IFERROR(IF(INDEX(${K},MATCH(${code},${K},1))=${code},MATCH(${code},${K},1)+1,0),0)`;
    const slow = {
      latestValueMonth: `IFERROR(SUMPRODUCT(MAX(${upToEnd}*(${V}<>"")*(${K}-${base}))),0)`,
      latestValueRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(lvm)}*(${V}<>"")*ROW(${I}))),0)`,
      latestMonth: `IFERROR(SUMPRODUCT(MAX(${upToEnd}*(${K}-${base}))),0)`,
      latestRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(lm)}*ROW(${I}))),0)`,
      priorRow: `IFERROR(SUMPRODUCT(MAX(${monthIs(`${lm}-12`)}*ROW(${I}))),0)`,
      sum: `SUMPRODUCT(${upToEnd},${V})`,
    };
    const below = `IFERROR(MATCH(${base},${K},1),0)`;
    const upTo = `MATCH(${base}+${END},${K},1)`;
    const sum = fast(`IFERROR(IF(${upTo}<=${below},0,SUM(INDEX(${obsColumn('value')},${below}+2):INDEX(${obsColumn('value')},${upTo}+1))),0)`, slow.sum);

    const cells: Record<FigureColumn, Cell> = {
      latestValueMonth: formula(fast(`IF(${lr}=0,0,IF(${valueAt(lr)}<>"",${lm},${slow.latestValueMonth}))`, slow.latestValueMonth), lv?.mi ?? 0, 'integer'),
      latestValueRow: formula(
        `IF(${lvm}=0,0,${fast(`IF(AND(${lvm}=${lm},${lr}>0),IF(${valueAt(lr)}<>"",${lr},${slow.latestValueRow}),${slow.latestValueRow})`, slow.latestValueRow)})`,
        rowOf(lv),
        'integer',
      ),
      latestMonth: formula(fast(`MAX(0,IFERROR(INDEX(${K},${upTo})-${base},0))`, slow.latestMonth), la?.mi ?? 0, 'integer'),
      latestRow: formula(`IF(${lm}=0,0,${fast(`MATCH(${base}+${lm},${K},1)+1`, slow.latestRow)})`, rowOf(la), 'integer'),
      priorRow: formula(`IF(${lm}=0,0,${fast(rowOfCode(`${base}+${lm}-12`), slow.priorRow)})`, rowOf(prior), 'integer'),
      latestPeriod: formula(
        `IF(${kind}=${cumulative},IF(${at('latestRow')}=0,"",INDEX(${obsColumn('period')},${at('latestRow')})),IF(${at('latestValueRow')}=0,"",INDEX(${obsColumn('period')},${at('latestValueRow')})))`,
        f.latestPeriod,
        'period',
      ),
      latest: formula(
        blankOnError(`IF(${kind}=${cumulative},N(${bv})+${sum},IF(${at('latestValueRow')}=0,"",INDEX(${obsColumn('value')},${at('latestValueRow')})))`),
        f.latest,
        'figureNumber',
      ),
      growth: formula(
        blankOnError(
          `IF(${at('latestRow')}=0,"",IF(INDEX(${obsColumn('growth')},${at('latestRow')})<>"",INDEX(${obsColumn('growth')},${at('latestRow')}),` +
            `IF(OR(${at('priorRow')}=0,INDEX(${obsColumn('value')},${at('latestRow')})="",INDEX(${obsColumn('value')},${at('priorRow')})=""),"",` +
            `INDEX(${obsColumn('value')},${at('latestRow')})/INDEX(${obsColumn('value')},${at('priorRow')})-1)))`,
        ),
        f.growth,
        'figurePercent',
      ),
      progress: formula(blankOnError(`IF(OR(${at('latest')}="",${tv}=""),"",(${at('latest')}-N(${bv}))/(${tv}-N(${bv})))`), f.progress, 'figurePercent'),
      cagr: formula(
        blankOnError(
          `IF(OR(${kind}=${cumulative},${bv}="",${at('latestValueRow')}=0),"",IF(OR(${at('latestValueMonth')}<=${monthIndexOf(own('baselinePeriod'))},${at('latest')}/${bv}<0),"",` +
            `(${at('latest')}/${bv})^(12/(${at('latestValueMonth')}-${monthIndexOf(own('baselinePeriod'))}))-1))`,
        ),
        f.cagr,
        'figurePercent',
      ),
      requiredCagr: formula(
        blankOnError(
          `IF(OR(${kind}=${cumulative},${tv}="",${at('latestValueRow')}=0),"",IF(OR(${monthIndexOf(own('targetPeriod'))}<=${at('latestValueMonth')},${tv}/${at('latest')}<0),"",` +
            `(${tv}/${at('latest')})^(12/(${monthIndexOf(own('targetPeriod'))}-${at('latestValueMonth')}))-1))`,
        ),
        f.requiredCagr,
        'figurePercent',
      ),
    };
    sheet.rows[r - 1].cells.push(...order.map((c) => cells[c]));
    for (const [c, suffix] of Object.entries(NAMED)) {
      names.push({ name: `Indicator_${nameKey(ind.id)}_${suffix}`, sheet: sheet.name, cell: `${letter(c as FigureColumn)}${r}` });
    }
  });

  return { sheet, names, figureLetter: (f) => letter(f) };
}
