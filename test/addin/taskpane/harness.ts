/**
 * The built task pane in headless Chromium against the fake Excel host, for
 * test files that open it: the add-in built once, served on 127.0.0.1, the
 * real office.js served where the page asks the CDN for it, followed by the
 * fake host.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addinBuild } from '../build-addin';
import { HOSTS, type FakeExcel, type HostOptions } from '../fake-excel/host';
import { ROOT } from '../support';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const OFFICE_JS = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export type Win = { fakeExcel: FakeExcel };

export interface Pane {
  page: Page;
  /** Errors the page threw. */
  errors: string[];
}

/** Starts the server and the browser before the file's tests, and stops them after; `open` opens a pane. */
export function paneHarness(): { open: (displayLanguage: string, host?: HostOptions) => Promise<Pane>; built: () => string } {
  let built: string;
  let server: http.Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    built = await addinBuild();
    const root = path.join(built, 'addin');
    server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
      const file = path.join(root, rel);
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(displayLanguage: string, host: HostOptions = HOSTS.full): Promise<Pane> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 380, height: 860 }, deviceScaleFactor: 1 });
    await context.addInitScript(`globalThis.FAKE_OFFICE = ${JSON.stringify({ displayLanguage, sheets: ['My notes'], host })};`);
    // Nothing leaves the machine; the CDN is answered from @microsoft/office-js, office.js followed by the fake host.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await context.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = path.join(OFFICE_JS, rel);
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      const body =
        rel === 'office.js' ? `${readFileSync(file, 'utf8')}\n;\n${readFileSync(path.join(built, 'fake/fake-host.js'), 'utf8')}` : readFileSync(file);
      return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    return { page, errors };
  }

  // The directory the add-in was built into (its `addin/` folder is what is served).
  return { open, built: () => built };
}

export interface Said {
  state: string;
  message: string;
}

const STATUS = `({ state: document.getElementById('status').dataset.state, message: document.getElementById('message').textContent })`;

/** Clicks a button and waits for the pane to say it is done (or failed). */
export async function press(page: Page, id: string): Promise<Said> {
  await page.click(`#${id}`);
  await page.waitForFunction(`['done', 'error'].includes(document.getElementById('status').dataset.state)`, undefined, { timeout: 20_000 });
  return page.evaluate(STATUS);
}

/** Chooses a file for a picker, and waits for the pane to say what it made of it. */
export async function choose(page: Page, id: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<Said> {
  await page.evaluate(`document.getElementById('status').dataset.state = 'stale'`);
  await page.setInputFiles(`#${id}`, file);
  await page.waitForFunction(`document.getElementById('status').dataset.state !== 'stale'`, undefined, { timeout: 20_000 });
  await page.waitForFunction(`['done', 'error'].includes(document.getElementById('status').dataset.state)`, undefined, { timeout: 20_000 });
  return page.evaluate(STATUS);
}
