/**
 * `generate --since` as built (bin/plan-report, the bundle `npm ci` and `npm
 * run build:cli` make): the previous report's large Measures sheet is
 * inflated, counted and its cells read in a worker thread that runs the
 * bundle (sheet-worker-serve.ts), then replayed in the main thread
 * (sheet-prepared.ts). The same command run in process from the sources has
 * no bundle: its worker only inflates and counts, and the main thread reads
 * the cells. Both write the same report, part by part, and say the same.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cli } from '../../support/fixtures';
import { cleanTemps, ROOT, tempDir } from '../../support/forms';
import { timeless } from '../../support/timeless';

afterAll(cleanTemps);

const BIN = path.join(ROOT, 'bin', 'plan-report');
const STATUSES = ['completed', 'in-progress', 'not-started', 'delayed'];

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'plan-report.js')))
    throw new Error('these tests run the built command: run `npm run build:cli` first (npm ci does)');
});

/** A data file of `n` measures in two plans for `period`; `shift` moves the statuses (a quarter's changes). */
function dataFile(dir: string, name: string, period: string, n: number, shift: number): string {
  const measures = (plan: number) =>
    Array.from({ length: n / 2 }, (_, i) => {
      const status = STATUSES[(i * 7 + (i % 13 === 0 ? shift : 0)) % 4];
      return {
        id: `M-${plan}-${i + 1}`,
        title: `Measure ${i + 1} of plan ${plan}: support the registration of innovative medical devices (措施 ${i + 1})`,
        lead: `District Bureau ${i % 37}`,
        due: `2025-${String((i % 12) + 1).padStart(2, '0')}-28`,
        status,
        ...(status === 'completed' ? { completed: '2025-06-30' } : status === 'in-progress' ? { progress: ((i % 9) + 1) / 10 } : {}),
        note: i % 5 === 0 ? 'Awaiting national approval; the draft was submitted in May.' : undefined,
      };
    });
  const data = {
    format: 'plan-report/v1',
    report: { title: 'Biomedical measures (synthetic)', region: 'Synthetic City', period },
    plans: [1, 2].map((p) => ({ id: `PLAN-${p}`, title: `Plan ${p}`, measures: measures(p) })),
  };
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

/** Every part of a workbook, its generation time masked. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, timeless(await zip.file(name)!.async('string')));
  return out;
}

describe('generate --since with the previous Measures sheet read in the bundle worker', () => {
  it('writes the report the command run from the sources writes', async () => {
    const dir = tempDir();
    // 8,000 measures: a Measures sheet of some 6 MB, large enough to be inflated off the main thread (over 4 MB).
    const previous = path.join(dir, 'previous.xlsx');
    expect((await cli('generate', dataFile(dir, 'q2', '2025-Q2', 8000, 0), '--out', previous)).code).toBe(0);
    const current = dataFile(dir, 'q3', '2025-Q3', 8000, 1);
    const built = spawnSync(process.execPath, [BIN, 'generate', current, '--since', previous, '--out', path.join(dir, 'built.xlsx')], {
      encoding: 'utf8',
    });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const here = await cli('generate', current, '--since', previous, '--out', path.join(dir, 'here.xlsx'));
    expect(here.code).toBe(0);
    expect(built.stdout.trim()).toBe(here.stdout.replace(/here\.xlsx/g, 'built.xlsx').trim());
    expect(built.stdout).toMatch(/since 2025-Q2 .*: [1-9][\d,]* changes listed/);
    const [a, b] = [await parts(path.join(dir, 'built.xlsx')), await parts(path.join(dir, 'here.xlsx'))];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect({ name, text }).toEqual({ name, text: b.get(name) });
    const sheet = (await JSZip.loadAsync(fs.readFileSync(previous))).file('xl/worksheets/sheet2.xml')!;
    expect((await sheet.async('nodebuffer')).length).toBeGreaterThan(4 * 1024 * 1024);
  }, 120_000);
});
