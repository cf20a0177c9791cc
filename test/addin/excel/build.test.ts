/**
 * Building into a workbook: a fixed number of syncs whatever the size; an
 * existing report replaced, not duplicated; sheets and names that are not the
 * report's never touched; and a failure at any point leaves the workbook as
 * it was.
 */
import { buildReportInWorkbook, WorkbookConflict } from '../../../src/addin/excel/report';
import type { Workbook } from '../../../src/core/layout/model';
import { benchAddin } from '../../../bench/addin';
import { describeFake } from '../compare';
import { FakeExcel } from '../fake-excel/host';
import { measuresData, model, seed } from '../support';

/** A workbook of the user's own: a sheet with values, a formula and a name. */
async function ownWorkbook(): Promise<FakeExcel> {
  const host = new FakeExcel(['Budget']);
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Budget');
    ws.getRange('A1:B3').formulas = [
      ['Item', 'Amount'],
      ['Grants', 1200],
      ['Total', '=SUM(B2:B2)'],
    ];
    ws.getRange('B2:B3').numberFormat = [['#,##0'], ['#,##0']];
    ws.getRange('A1:B1').format.font.bold = true;
    context.workbook.names.add('BudgetTotal', ws.getRange('B3'));
  });
  return host;
}

const sheetNames = (host: FakeExcel) => host.state.sheets.map((s) => s.name);
const nameList = (host: FakeExcel) => host.state.names.map((n) => n.name).sort();
const budget = (host: FakeExcel) => (host.snapshot() as { sheets: { name: string }[] }).sheets.find((s) => s.name === 'Budget');

describe('syncs', () => {
  // Each measure row carries about 0.7 KB of cells and formulas: up to about 5,000
  // measures every sheet goes in one request of at most 4 MB; beyond that requests split.
  it('a report of 50 or 2,000 measures takes the same small number of syncs', async () => {
    const runs = await benchAddin([50, 2000]);
    console.log(
      `Office.js writer against the fake host:\n${runs.map((r) => `  ${r.measures} measures, ${r.kind}: ${r.syncs} syncs, ${r.ms} ms, largest request ${r.largestRequestMB.toFixed(2)} MB`).join('\n')}`,
    );
    const syncs = (n: number) => runs.filter((r) => r.measures === n).map((r) => r.syncs);
    expect(syncs(2000)).toEqual(syncs(50));
    expect(syncs(50)[0]).toBeLessThanOrEqual(6);
    expect(syncs(50)[1]).toBeLessThanOrEqual(8);
  }, 120_000);

  it('a request that would exceed the budget is split into more syncs, not refused', async () => {
    const m = model(measuresData(2000));
    const host = new FakeExcel();
    const { syncs } = await buildReportInWorkbook(host.run, m, undefined, 100_000);
    expect(syncs).toBeGreaterThan(6);
    expect(
      describeFake(
        host,
        m.sheets.map((s) => s.name),
      ),
    ).toEqual(
      await (async () => {
        const other = new FakeExcel();
        await buildReportInWorkbook(other.run, m);
        return describeFake(
          other,
          m.sheets.map((s) => s.name),
        );
      })(),
    );
  }, 60_000);
});

describe('updating', () => {
  it('replaces the report already in the workbook, in place, and touches nothing else', async () => {
    const host = await ownWorkbook();
    const before = budget(host);
    const first = model(seed('beijing-2022-q3'));
    await buildReportInWorkbook(host.run, first);
    expect(sheetNames(host)).toEqual(['Budget', ...first.sheets.map((s) => s.name)]);
    // Move the user's sheet after the report: the new report takes the old one's place.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Budget').position = first.sheets.length;
    });
    const second = model(seed('suzhou-2022-q3'), 'zh-CN');
    const result = await buildReportInWorkbook(host.run, second);
    expect(result.replaced).toBe(true);
    expect(sheetNames(host)).toEqual([...second.sheets.map((s) => s.name), 'Budget']);
    expect(nameList(host)).toEqual(['BudgetTotal', ...second.names.map((n) => n.name)].sort());
    expect(budget(host)).toEqual(before);
    expect(host.state.nameFormula(host.state.nameByName('BudgetTotal')!)).toBe('=Budget!$B$3');
    expect(host.state.sheetByName('Summary')).toBeUndefined();
    expect(host.sheet('_plan_report').visibility).toBe('VeryHidden');
    // Built again with the same data: the same report, no duplicates.
    const again = describeFake(host);
    await buildReportInWorkbook(host.run, second);
    expect(describeFake(host)).toEqual(again);
  });

  it('refuses, touching nothing, when a sheet of the user has a name the report needs', async () => {
    const host = await ownWorkbook();
    await host.run(async (context) => {
      context.workbook.worksheets.add('Measures');
    });
    const before = host.snapshot();
    await expect(buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')))).rejects.toThrow(WorkbookConflict);
    await expect(buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')))).rejects.toThrow('Measures');
    expect(host.snapshot()).toEqual(before);
  });

  it('refuses, touching nothing, when a name of the user is one the report needs', async () => {
    const host = await ownWorkbook();
    await host.run(async (context) => {
      context.workbook.names.add('Report_Date', context.workbook.worksheets.getItem('Budget').getRange('B2'));
    });
    const before = host.snapshot();
    await expect(buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')))).rejects.toThrow(/names.*Report_Date/);
    expect(host.snapshot()).toEqual(before);
  });

  it('refuses a template whose sheet names Excel does not allow, before touching anything', async () => {
    const host = await ownWorkbook();
    const before = host.snapshot();
    const m = model(seed('nanjing-2025-q1'));
    m.sheets[1].name = 'Indicators/2025';
    await expect(buildReportInWorkbook(host.run, m)).rejects.toThrow('Indicators/2025');
    expect(host.snapshot()).toEqual(before);
  });
});

describe('failures leave the workbook as it was', () => {
  /** A workbook with the user's sheet and a report in it, and the report that replaces it. */
  async function scenario(): Promise<{ host: FakeExcel; next: Workbook }> {
    const host = await ownWorkbook();
    await buildReportInWorkbook(host.run, model(seed('beijing-2022-q3')));
    return { host, next: model(seed('shanghai-2025-q3'), 'zh-CN') };
  }

  it('a sync that fails, at every sync of the build', async () => {
    const dry = await scenario();
    dry.host.resetCounts();
    await buildReportInWorkbook(dry.host.run, dry.next);
    const syncs = dry.host.syncs;
    const finished = describeFake(dry.host);
    for (let k = 1; k <= syncs; k++) {
      const { host, next } = await scenario();
      const before = host.snapshot();
      host.failNext({ sync: k });
      const outcome = await buildReportInWorkbook(host.run, next).then(
        () => 'done',
        (e: Error) => e.message,
      );
      if (k < syncs) {
        expect({ k, outcome }).toEqual({ k, outcome: expect.stringContaining('injected failure') });
        expect({ k, workbook: host.snapshot() }).toEqual({ k, workbook: before });
      } else {
        // The last sync only deletes the old report's sheets: the new report is complete, so that is finished instead.
        expect({ k, outcome }).toEqual({ k, outcome: 'done' });
        expect(describeFake(host)).toEqual(finished);
      }
    }
  }, 60_000);

  it('an operation that fails part way through a batch (the operations before it done)', async () => {
    const dry = await scenario();
    dry.host.resetCounts();
    await buildReportInWorkbook(dry.host.run, dry.next);
    const batches = dry.host.batches.map((b) => b.ops);
    const finished = describeFake(dry.host);
    const total = batches.reduce((a, b) => a + b, 0);
    const cleanupFrom = total - batches[batches.length - 1] + 1;
    const picks = new Set<number>([1, 2, cleanupFrom - 1, cleanupFrom, total]);
    for (let i = 1; i <= 24; i++) picks.add(Math.ceil((i * total) / 25));
    for (const op of [...picks].sort((a, b) => a - b)) {
      const { host, next } = await scenario();
      const before = host.snapshot();
      host.failNext({ op });
      const outcome = await buildReportInWorkbook(host.run, next).then(
        () => 'done',
        (e: Error) => e.message,
      );
      if (op < cleanupFrom) {
        expect({ op, outcome }).toEqual({ op, outcome: expect.stringContaining('injected failure') });
        expect({ op, workbook: host.snapshot() }).toEqual({ op, workbook: before });
      } else {
        expect({ op, outcome }).toEqual({ op, outcome: 'done' });
        expect(describeFake(host)).toEqual(finished);
      }
    }
  }, 60_000);

  it('a formula Excel refuses, in a new workbook and over an old report', async () => {
    for (const make of [async () => ({ host: await ownWorkbook(), next: model(seed('suzhou-2022-q3')) }), scenario]) {
      const { host, next } = await make();
      const summary = next.sheets[0];
      summary.rows[summary.rows.length - 1].cells.push({ v: 1, f: 'SUM(A1' });
      const before = host.snapshot();
      await expect(buildReportInWorkbook(host.run, next)).rejects.toThrow(/problem with this formula/);
      expect(host.snapshot()).toEqual(before);
    }
  });
});
