/// <reference types="office-js" />
/**
 * The fake Excel host: `Excel.run` over an in-memory workbook, counting
 * syncs, operations and request sizes, and failing a chosen sync or
 * operation on demand (to prove that a failed build leaves the workbook as it
 * was).
 */
import { RequestContext, type Action, type Host } from './api';
import { FakeExcelError, MAX_COLS, WorkbookState, type SheetState } from './state';

export { FakeExcelError, WorkbookState } from './state';
export type { RequestContext } from './api';

export interface Failure {
  /** Fail the n-th sync from now (1-based), before any of its operations runs. */
  sync?: number;
  /** Fail the n-th operation from now (1-based): the operations before it in its batch are done. */
  op?: number;
  /** Fail the first operation whose name matches. */
  opName?: RegExp;
}

export interface BatchStats {
  ops: number;
  bytes: number;
}

/** Which Excel the fake stands for. */
export interface HostOptions {
  /** The newest ExcelApi set it has, `1.8`: a member of a newer set fails the sync (default: every set the add-in uses). */
  api?: string;
  /** Formulas spill arrays into the cells below, as Excel with dynamic arrays does (default true). */
  dynamicArrays?: boolean;
}

/** The hosts the tests name, as Microsoft's requirement-set pages give them. */
export const HOSTS = {
  /** Microsoft 365, Excel 2021 and later, Excel on the web. */
  full: { api: '1.20', dynamicArrays: true },
  /** Excel 2016 or 2019 bought once, updated to newer API sets: no dynamic arrays. */
  noDynamicArrays: { api: '1.17', dynamicArrays: false },
  /** Excel 2019 volume-licensed. */
  excel2019: { api: '1.8', dynamicArrays: false },
  /** Excel 2019 volume-licensed, as the other page has it. */
  excel2019early: { api: '1.7', dynamicArrays: false },
  /** Excel 2016 volume-licensed (MSI). */
  excel2016: { api: '1.1', dynamicArrays: false },
} satisfies Record<string, HostOptions>;

export class FakeExcel implements Host {
  readonly state: WorkbookState;
  readonly api: number;
  readonly dynamicArrays: boolean;
  syncs = 0;
  ops = 0;
  readonly batches: BatchStats[] = [];
  private failure?: { kind: 'sync' | 'op'; at: number } | { kind: 'name'; re: RegExp };

  constructor(sheetNames: string[] = ['Sheet1'], options: HostOptions = HOSTS.full) {
    this.state = new WorkbookState(sheetNames);
    this.api = Number((options.api ?? HOSTS.full.api).replace(/^1\./, ''));
    this.dynamicArrays = options.dynamicArrays ?? true;
  }

  /** `Office.context.requirements`: ExcelApi sets up to the host's. */
  readonly requirements = {
    isSetSupported: (name: string, minVersion = '1.1'): boolean => {
      if (name !== 'ExcelApi') return false;
      const m = /^1\.(\d+)$/.exec(minVersion);
      return !!m && Number(m[1]) <= this.api;
    },
  };

  /** `Excel.run`: a fresh request context; what is still queued when the batch ends is synced. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new RequestContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    const pending = (context as unknown as { queue: Action[] }).queue;
    if (pending.length) await context.sync();
    return result;
  };

  failNext(f: Failure): void {
    if (f.sync !== undefined) this.failure = { kind: 'sync', at: this.syncs + f.sync };
    else if (f.op !== undefined) this.failure = { kind: 'op', at: this.ops + f.op };
    else if (f.opName) this.failure = { kind: 'name', re: f.opName };
  }

  beginSync(batch: Action[]): void {
    this.syncs++;
    this.batches.push({ ops: batch.length, bytes: batch.reduce((n, a) => n + a.bytes, 0) });
    if (this.failure?.kind === 'sync' && this.failure.at === this.syncs) {
      this.failure = undefined;
      throw new FakeExcelError('GeneralException', 'injected failure: the connection to Excel was lost');
    }
  }

  beginOp(action: Action): void {
    this.ops++;
    const f = this.failure;
    if ((f?.kind === 'op' && f.at === this.ops) || (f?.kind === 'name' && f.re.test(action.name))) {
      this.failure = undefined;
      throw new FakeExcelError('GeneralException', `injected failure at ${action.name}`);
    }
  }

  resetCounts(): void {
    this.syncs = 0;
    this.ops = 0;
    this.batches.length = 0;
  }

  sheet(name: string): SheetState {
    const s = this.state.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Everything the workbook holds, as plain data (to compare before and after). */
  snapshot(): unknown {
    const st = this.state;
    const sheet = (s: SheetState) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [Math.floor(k / MAX_COLS) + 1, (k % MAX_COLS) + 1, c]),
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      merges: s.merges,
      validations: s.validations,
      conditionalFormats: s.conditionalFormats.map(({ id: _id, ...rest }) => rest),
      freeze: s.freeze,
      autoFilter: s.autoFilter,
      pageLayout: s.pageLayout,
      charts: s.charts.map(({ id: _id, ...rest }) => rest),
    });
    return JSON.parse(
      JSON.stringify({
        sheets: st.sheets.map(sheet),
        names: st.names
          .map((n) => ({ name: n.name, formula: st.nameFormula(n), comment: n.comment, visible: n.visible }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        activeSheetId: st.activeSheetId,
      }),
    );
  }
}
