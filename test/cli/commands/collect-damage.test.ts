/**
 * Property: a return damaged byte by byte (bytes changed, cut out, repeated
 * or the file cut short, in the zip itself rather than in its XML) is
 * refused or read by `collect`, which completes with exit 0 or 1 and a
 * message, never an internal error (exit 70) or a stack trace; the data
 * file is never changed by a dry run. Damage inside the XML parts, timed
 * against a normal return, is in test/cli/xlsx/read/bounded-time.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { cleanTemps, expectNoCrash, formSheet, loadBytes, tempDir } from '../../support/forms';
import { cli } from '../../support/fixtures';

afterAll(cleanTemps);

const YAML = `format: plan-report/v1
report:
  title: Test report
  region: Testland
  period: 2024-Q3
plans:
  - id: P1
    title: Plan one
    measures:
${Array.from({ length: 30 }, (_, i) => `      - { id: M${i}, title: Measure ${i}, lead: Health Commission, due: 2024-12-31, status: in-progress }`).join('\n')}
`;

const damage = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 5000 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 4 },
);

describe('a return damaged byte by byte', () => {
  it('is refused or read by collect with exit 0 or 1, never an internal error', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, YAML);
    const form = path.join(dir, 'form.xlsx');
    expect((await cli('form', data, '--plan', 'P1', '--out', form)).code).toBe(0);
    const wb = await loadBytes(fs.readFileSync(form));
    formSheet(wb).getCell('F8').value = 'Completed';
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const ret = path.join(dir, 'return.xlsx');
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        let b = base;
        for (const e of edits) {
          const at = e.at % b.length;
          if (e.kind === 'set') (b = Buffer.from(b))[at] = e.byte;
          else if (e.kind === 'cut') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.length)]);
          else if (e.kind === 'repeat')
            b = Buffer.concat([b.subarray(0, at), Buffer.concat(Array(e.times).fill(b.subarray(at, at + e.length))), b.subarray(at)]);
          else b = b.subarray(0, Math.max(1, at));
        }
        fs.writeFileSync(ret, b);
        const r = await cli('collect', data, ret, '--dry-run');
        expectNoCrash(r);
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) {
          refused++;
          expect(r.stderr).toContain(ret);
        }
        expect(fs.readFileSync(data, 'utf8')).toBe(YAML);
      }),
      { numRuns: 60, seed: 18 },
    );
    expect(refused).toBeGreaterThan(30);
  }, 120_000);
});
