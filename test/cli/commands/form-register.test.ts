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

describe('the register keeps the forms that can still come back', () => {
  const register = (data: string) => JSON.parse(fs.readFileSync(registerFileOf(data), 'utf8')) as { key: string; forms: { period: string; lead: string }[] };

  it('drops the forms of periods before the data file’s when form runs next quarter, and says so in both languages', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, YAML);
    expect((await cli('form', data, '--all', '--out-dir', path.join(dir, 'q3'))).code).toBe(0);
    expect((await cli('form', data, '--lead', LEADS[0], '--out', path.join(dir, 'again.xlsx'))).code).toBe(0);
    const q3 = register(data);
    expect(q3.forms.map((f) => f.period)).toEqual(['2024-Q3', '2024-Q3', '2024-Q3', '2024-Q3']);

    // Next quarter: the data file's period moves on; forms of 2024-Q3 can no longer be collected.
    fs.writeFileSync(data, YAML.replace('period: 2024-Q3', 'period: 2024-Q4'));
    const r = await cli('form', data, '--lead', LEADS[1], '--out', path.join(dir, 'q4.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${registerFileOf(data)}: 4 forms sent for periods before 2024-Q4 dropped from the register (collect takes returns for 2024-Q4 only)`,
    );
    const q4 = register(data);
    expect(q4.key).toBe(q3.key);
    expect(q4.forms.map((f) => [f.period, f.lead])).toEqual([['2024-Q4', LEADS[1]]]);
    // The form of this quarter is still collected; one of last quarter is refused as unknown, as before the drop.
    expect((await cli('collect', data, path.join(dir, 'q4.xlsx'), '--dry-run')).code).toBe(0);
    const old = await cli('collect', data, path.join(dir, 'again.xlsx'), '--dry-run');
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(
      /Measures!B3: the form is for period 2024-Q3; expected a form for 2024-Q4, the reporting period of .*data.yaml \(forms of earlier periods are no longer in /,
    );

    // Nothing more to drop: no line. In Chinese, the periods as an office writes them.
    fs.writeFileSync(data, YAML.replace('period: 2024-Q3', 'period: 2025-Q1'));
    const zh = await cli('form', data, '--lead', LEADS[2], '--out', path.join(dir, 'q1.xlsx'), '--locale', 'zh-CN');
    expect(zh.stdout).toContain(`${registerFileOf(data)}：已从登记册中删除 2025年第一季度以前各期发出的 1 份表单（汇入只收 2025年第一季度的表单）`);
    const same = await cli('form', data, '--lead', LEADS[0], '--out', path.join(dir, 'q1b.xlsx'));
    expect(same.stdout).not.toMatch(/dropped/);
    expect(register(data).forms.map((f) => f.period)).toEqual(['2025-Q1', '2025-Q1']);
  }, 60_000);
});
