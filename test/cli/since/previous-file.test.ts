/**
 * The previous report of generate --since read in a worker thread: the same
 * report as read in this thread, the same refusals (every problem, in both
 * languages), and a reading no longer wanted stopped. The worker runs its
 * TypeScript source through tsx, as the built command runs its JavaScript.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../../src/core/errors';
import { readPreviousFile, startPrevious } from '../../../src/cli/since/previous-file';
import { cli, ROOT } from '../../support/fixtures';

const SCRIPT = path.join(ROOT, 'src', 'cli', 'since', 'previous-worker.ts');
/** In a worker thread whatever the machine's load. */
const WORKER = { thread: true, script: SCRIPT, execArgv: ['--require', 'tsx/cjs'] };

let dir: string;
let report: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'previous-'));
  report = path.join(dir, 'q3.xlsx');
  expect((await cli('generate', path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), '--out', report)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What reading `file` throws, in this thread or the worker's. */
async function refusal(read: () => Promise<unknown>): Promise<InputError> {
  const err = await read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('the previous report read in a worker thread', () => {
  it('is the report read in this thread', async () => {
    const pending = startPrevious(report, WORKER);
    const inWorker = await pending.result();
    await pending.close();
    const here = await readPreviousFile(report);
    expect(inWorker).toEqual(here);
    expect(inWorker.data.plans?.[0].measures.length).toBeGreaterThan(0);
  }, 60_000);

  it('is refused as in this thread, with every problem in both languages', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not a zip at all');
    const form = path.join(dir, 'missing.xlsx');
    for (const file of [broken, form]) {
      const pending = startPrevious(file, WORKER);
      const inWorker = await refusal(() => pending.result());
      await pending.close();
      const here = await refusal(() => readPreviousFile(file));
      expect(inWorker.problems).toEqual(here.problems);
      expect(inWorker.total).toBe(here.total);
      expect(inWorker.problems[0].zh).toBeTruthy();
    }
  }, 60_000);

  it('is stopped when it is no longer wanted', async () => {
    const pending = startPrevious(report, WORKER);
    await pending.close();
    await expect(pending.result()).rejects.toThrow(/stopped/);
  }, 60_000);

  it('is read by the built worker beside the bundle that starts it (dist/cli, where the bundle looks for it)', async () => {
    const built = path.join(ROOT, 'dist', 'cli', 'previous-worker.js');
    expect(existsSync(built)).toBe(true);
    const pending = startPrevious(report, { thread: true, script: built });
    expect(await pending.result()).toEqual(await readPreviousFile(report));
    await pending.close();
  }, 60_000);

  it('is read in this thread without a thread, or where the worker script is not at hand', async () => {
    const inThread = startPrevious(report, { thread: false, script: SCRIPT, execArgv: WORKER.execArgv });
    expect(await inThread.result()).toEqual(await readPreviousFile(report));
    await inThread.close();
    const pending = startPrevious(report, { thread: true, script: path.join(dir, 'no-such-worker.js') });
    expect(await pending.result()).toEqual(await readPreviousFile(report));
    await pending.close();
  }, 60_000);
});
