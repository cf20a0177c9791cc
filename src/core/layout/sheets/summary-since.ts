/**
 * The Summary's comparison with the previous report (`generate --since`): one
 * row per headline figure, with the previous report's value (a constant
 * carried from its workbook, its period in the header), this report's (the
 * named figure, live) and the change (a live formula, so an edit this
 * quarter moves it). A block of its own after the Summary's other blocks, so
 * that the Summary's layout without --since is unchanged.
 */
import type { Context } from '../context';
import type { DefinedName } from '../model';
import { headlines, RATE_FIGURES, type Headline } from '../../since/snapshot';
import { periodWords } from '../../i18n/wording';
import type { StyleName } from '../styles';
import type { SummaryOut } from './summary';

/** This report's headline figures that have a name in the workbook, in the Summary's order. */
export function liveHeadlines(ctx: Context, names: DefinedName[]): Headline[] {
  const named = new Set(names.map((n) => n.name));
  return headlines(ctx.data, ctx.figures, { plans: true, groups: true, catalogs: true, indicators: true }).filter((h) => named.has(h.name));
}

export function sinceBlock(ctx: Context, out: SummaryOut, current: Headline[]): void {
  const since = ctx.since!;
  const l = ctx.labels.since;
  const period = periodWords(String(since.previous.data.report.period), ctx.locale);
  out.block(
    l.comparedWith.replace('{period}', period),
    [ctx.labels.summary.planId, l.figure, l.previous.replace('{period}', period), l.now, l.change],
    current.length,
  );
  const before = since.previous.snapshot.figures;
  for (const h of current) {
    const rate = RATE_FIGURES.has(h.figure);
    const style: StyleName = rate ? 'figurePercent' : h.figure === 'latest' ? 'figureNumber' : 'figureInt';
    const changeStyle: StyleName = rate ? 'changePercent' : h.figure === 'latest' ? 'changeNumber' : 'changeInt';
    const was = before[h.name] ?? null;
    const change = was === null || h.value === null ? null : h.value - was;
    // A row that runs onto the next page goes under the table's header row again.
    // A group's row: its plan's id under the plan column, the group beside the figure, in the wide column (the
    // narrow first column wrapped "BJ-OPEN-2022 · Requires national authorization" on three lines).
    const figure = ctx.labels.figures[h.figure];
    out.item((r) => [
      { v: h.owner, s: 'wrap' },
      { v: h.group === undefined ? figure : `${h.group} · ${figure}`, s: 'wrap' },
      { v: was, s: style },
      { f: h.name, v: h.value, s: style },
      { f: `IF(OR($C${r}="",$D${r}=""),"",$D${r}-$C${r})`, v: change, s: changeStyle },
    ]);
  }
}
