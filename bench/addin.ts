/**
 * The add-in's writer against the fake Excel host, by size: syncs, time and
 * the largest request, building a new report and replacing it.
 * `npx tsx bench/addin.ts [N...]` (default 50 500 5000 20000).
 */
import { buildReportInWorkbook } from '../src/addin/excel/report';
import { FakeExcel } from '../test/addin/fake-excel/host';
import { measuresData, model } from '../test/addin/support';

export interface AddinRun {
  measures: number;
  kind: 'new' | 'update';
  syncs: number;
  ms: number;
  largestRequestMB: number;
}

export async function benchAddin(sizes: number[]): Promise<AddinRun[]> {
  const runs: AddinRun[] = [];
  for (const n of sizes) {
    const m = model(measuresData(n));
    const host = new FakeExcel();
    for (const kind of ['new', 'update'] as const) {
      host.resetCounts();
      const t = performance.now();
      await buildReportInWorkbook(host.run, m);
      runs.push({
        measures: n,
        kind,
        syncs: host.syncs,
        ms: Math.round(performance.now() - t),
        largestRequestMB: Math.max(...host.batches.map((b) => b.bytes)) / 1e6,
      });
    }
  }
  return runs;
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  benchAddin(sizes.length ? sizes : [50, 500, 5000, 20000]).then((runs) => {
    console.log('| measures | build | syncs | time (fake host) | largest request |\n| --- | --- | --- | --- | --- |');
    for (const r of runs) console.log(`| ${r.measures} | ${r.kind} | ${r.syncs} | ${r.ms} ms | ${r.largestRequestMB.toFixed(2)} MB |`);
  });
}
