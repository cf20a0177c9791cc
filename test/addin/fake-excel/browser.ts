/**
 * The fake Excel host in a browser page, for the end-to-end test: after the
 * real office.js has loaded, `Excel.run` and `Office` are replaced by the
 * fake's, with the display language the test asks for
 * (`globalThis.FAKE_OFFICE.displayLanguage`). The page's workbook is
 * `globalThis.fakeExcel`.
 */
import { FakeExcel } from './host';

const g = globalThis as unknown as Record<string, unknown> & { FAKE_OFFICE?: { displayLanguage?: string; sheets?: string[] } };
const options = g.FAKE_OFFICE ?? {};
const host = new FakeExcel(options.sheets ?? ['Sheet1']);
const info = { host: 'Excel', platform: 'OfficeOnline' };

g.fakeExcel = host;
g.Excel = { run: host.run };
// office.js keeps using its own parts (Office.Promise...) after it loads: the fake inherits them.
g.Office = Object.assign(Object.create((g.Office as object | undefined) ?? null), {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: options.displayLanguage ?? 'en-US' },
  onReady(callback?: (i: typeof info) => void) {
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
});
