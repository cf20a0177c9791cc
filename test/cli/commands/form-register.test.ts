/**
 * The register of sent forms is locked while `form` adds to it: two `form`
 * runs at once (in two processes) both land in it, with one key, and every
 * form of both is collected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { registerFileOf } from '../../../src/core/forms/register';
import { cleanTemps, tempDir } from '../../support/forms';
import { cli, ROOT } from '../../support/fixtures';

afterAll(cleanTemps);

const LEADS = ['Health Commission', 'Commerce Bureau', 'Science Bureau'];

const YAML = `format: plan-report/v1
report:
  title: Test report
  region: Testland
  period: 2024-Q3
plans:
  - id: P1
    title: Plan one
    measures:
${LEADS.map((lead, i) => `      - { id: M${i + 1}, title: Measure ${i + 1}, lead: ${lead}, status: not-started }`).join('\n')}
`;

/** Runs `plan-report ARGS...` in as many processes at once as `runs` has, in the background of one shell; each exit code. */
function atOnce(runs: string[][]): string[] {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const script = `require(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))}).run(process.argv.slice(1)).then((c) => process.exit(c))`;
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const sh = runs.map((args) => `(${tsx} -e ${quote(script)} ${args.map(quote).join(' ')} >/dev/null 2>&1; echo $?) &`).join(' ');
  return spawnSync('sh', ['-c', `${sh} wait`], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n');
}

describe('form runs at once', () => {
  it('lose no entry of the register: every form of every run is entered under one key and can be collected', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, YAML);
    const outs = LEADS.map((_, i) => path.join(dir, `form-${i + 1}.xlsx`));
    // No register yet: each run would otherwise make its own, with its own key.
    expect(atOnce(LEADS.map((lead, i) => ['form', data, '--lead', lead, '--out', outs[i]]))).toEqual(LEADS.map(() => '0'));

    const register = JSON.parse(fs.readFileSync(registerFileOf(data), 'utf8')) as { forms: { file: string; lead: string }[] };
    expect(register.forms.map((f) => f.lead).sort()).toEqual([...LEADS].sort());
    expect(register.forms.map((f) => f.file).sort()).toEqual([...outs].sort());
    // Every form is known to the register and its seal matches (an untouched form: no change, exit 0).
    const r = await cli('collect', data, ...outs, '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a run waits for the one adding to the register, and says so', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, YAML);
    const lock = path.join(dir, '.data.yaml.forms.json.plan-report.lock');
    fs.writeFileSync(lock, `${process.ppid}\n`); // a live process holds it
    process.env.PLAN_REPORT_LOCK_WAIT_MS = '0';
    try {
      const r = await cli('form', data, '--lead', LEADS[0], '--out', path.join(dir, 'f.xlsx'));
      expect(r.code).toBe(1);
      expect(r.err.at(-1)).toMatch(/data\.yaml\.forms\.json: is being updated by another plan-report run/);
      expect(fs.existsSync(path.join(dir, 'f.xlsx'))).toBe(false);
      expect(fs.existsSync(registerFileOf(data))).toBe(false);
    } finally {
      delete process.env.PLAN_REPORT_LOCK_WAIT_MS;
    }
  });
});
