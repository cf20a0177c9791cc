/**
 * The fake Excel host in a browser page, for the end-to-end test, installed
 * right after the real office.js: `Excel.run` is the fake's, and `Office`
 * keeps office.js's own parts but answers `onReady` and `context` (with the
 * display language and the Excel the test asks for, `globalThis.FAKE_OFFICE`:
 * its requirement sets and dynamic arrays) as Excel would. The page's workbook is `globalThis.fakeExcel`.
 */
import { FakeExcel, type HostOptions } from './host';

type Office = Record<string, unknown> & { onReady?: () => Promise<unknown> };
const g = globalThis as unknown as Record<string, unknown> & {
  Office?: Office;
  FAKE_OFFICE?: { displayLanguage?: string; sheets?: string[]; host?: HostOptions };
};
const options = g.FAKE_OFFICE ?? {};
const host = new FakeExcel(options.sheets ?? ['Sheet1'], options.host);
const info = { host: 'Excel', platform: 'OfficeOnline' };
const context = { displayLanguage: options.displayLanguage ?? 'en-US', requirements: host.requirements };

g.fakeExcel = host;
g.Excel = { run: host.run };

// Outside Office, office.js finishes setting itself up later, replacing `Office` and its context:
// the fake is ready once office.js is (or after 5 s), and puts its parts back then.
const officeReady = Promise.race([g.Office?.onReady?.() ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 5000))]);

const fixed = (value: unknown): PropertyDescriptor => ({ get: () => value, set: () => {}, enumerable: true, configurable: true });

function install(): void {
  Object.defineProperties((g.Office ??= {}), {
    HostType: fixed({ Excel: 'Excel' }),
    context: fixed(context),
    onReady: fixed(onReady),
  });
}

function onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
  return officeReady.then(() => {
    install();
    callback?.(info);
    return info;
  });
}

install();
