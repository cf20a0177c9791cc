/**
 * collect never loses an update nor harms the data file: two runs at once
 * both land (the second waits for the first), a run that waits too long is
 * refused with exit 1, a killed run's lock is taken over, a symbolic link is
 * written through and the file keeps its mode; text from a return reaches the
 * terminal with its control and bidi characters made visible.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { spawnSync } from 'node:child_process';
import { printable } from '../../../src/cli/io';
import { cleanTemps, expectNoCrash, formSheet, loadBytes, tempDir } from '../../support/forms';
import { cli, ROOT } from '../../support/fixtures';

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
      - { id: M1, title: First measure, lead: Health Commission, status: in-progress }
      - { id: M2, title: Second measure, lead: Commerce Bureau, status: not-started }
`;

async function filled(dir: string, data: string, name: string, lead: string, cell: string, value: string): Promise<string> {
  const form = path.join(dir, `form-${name}`);
  expect((await cli('form', data, '--lead', lead, '--out', form)).err).toEqual([]);
  const wb = await loadBytes(fs.readFileSync(form));
  formSheet(wb).getCell(cell).value = value;
  const out = path.join(dir, name);
  fs.writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return out;
}

/** A data file and two returns, each changing another measure's status. */
async function twoReturns(): Promise<{ dir: string; data: string; health: string; commerce: string }> {
  const dir = tempDir();
  const data = path.join(dir, 'data.yaml');
  fs.writeFileSync(data, YAML);
  const health = await filled(dir, data, 'health.xlsx', 'Health Commission', 'F8', 'Completed');
  const commerce = await filled(dir, data, 'commerce.xlsx', 'Commerce Bureau', 'F8', 'Delayed');
  return { dir, data, health, commerce };
}

const statuses = (file: string) => (readData(fs.readFileSync(file, 'utf8'), file).plans?.[0]?.measures ?? []).map((m) => m.status);

describe('two collect runs into one data file at once', () => {
  it('both changes land: the second run waits for the first, then reads what it wrote', async () => {
    const s = await twoReturns();
    const [a, b] = await Promise.all([cli('collect', s.data, s.health), cli('collect', s.data, s.commerce)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(statuses(s.data)).toEqual(['completed', 'delayed']);
    expect(fs.readdirSync(s.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('in two processes too', async () => {
    const s = await twoReturns();
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const script = `require(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))}).run(process.argv.slice(1)).then((c) => process.exit(c))`;
    // Both started at once, in the background of one shell; each exit code printed.
    const sh = [s.health, s.commerce].map((ret) => `(${tsx} -e '${script}' collect ${s.data} ${ret} >/dev/null 2>&1; echo $?) &`).join(' ');
    const r = spawnSync('sh', ['-c', `${sh} wait`], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['0', '0']);
    expect(statuses(s.data)).toEqual(['completed', 'delayed']);
  });

  it('a run that waits too long is refused with exit 1, and writes nothing', async () => {
    const s = await twoReturns();
    const lock = path.join(s.dir, '.data.yaml.plan-report.lock');
    fs.writeFileSync(lock, `${process.ppid}\n`); // a live process holds it
    process.env.PLAN_REPORT_LOCK_WAIT_MS = '0';
    try {
      const r = await cli('collect', s.data, s.health);
      expectNoCrash(r);
      expect(r.code).toBe(1);
      expect(r.err.at(-1)).toBe(
        `${s.data}: is being updated by another plan-report run (process ${process.ppid}); nothing was written: expected one run at a time on a data file (run again when it is done, or remove ${lock} if no run is going on)`,
      );
      expect(fs.readFileSync(s.data, 'utf8')).toBe(YAML);
    } finally {
      delete process.env.PLAN_REPORT_LOCK_WAIT_MS;
    }
  });

  it('a killed run’s lock is taken over', async () => {
    const s = await twoReturns();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const lock = path.join(s.dir, '.data.yaml.plan-report.lock');
    fs.writeFileSync(lock, `${dead}\n`);
    const r = await cli('collect', s.data, s.health);
    expect(r.code).toBe(0);
    expect(statuses(s.data)).toEqual(['completed', 'not-started']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a dry run takes no lock', async () => {
    const s = await twoReturns();
    fs.writeFileSync(path.join(s.dir, '.data.yaml.plan-report.lock'), `${process.ppid}\n`);
    expect((await cli('collect', s.data, s.health, '--dry-run')).code).toBe(0);
  });
});

describe('the data file is updated as it is', () => {
  it('a symbolic link is written through: the file it points to is updated, the link stays', async () => {
    const s = await twoReturns();
    const link = path.join(s.dir, 'current.yaml');
    fs.symlinkSync('data.yaml', link);
    const r = await cli('collect', link, s.health);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statuses(s.data)).toEqual(['completed', 'not-started']);
  });

  it('a 0600 data file stays 0600', async () => {
    const s = await twoReturns();
    fs.chmodSync(s.data, 0o600);
    expect((await cli('collect', s.data, s.health)).code).toBe(0);
    expect(fs.statSync(s.data).mode & 0o777).toBe(0o600);
  });
});

describe('text from a file reaches the terminal with control and bidi characters made visible', () => {
  it('printable shows C0, C1, bidi and line separators as \\u{..}, keeps tab, CJK and emoji', () => {
    expect(printable('a\u001b]0;title\u0007b\u009b2J\u202eevil\u2066x\u2069\u200e\u2028')).toBe(
      'a\\u{1B}]0;title\\u{7}b\\u{9B}2J\\u{202E}evil\\u{2066}x\\u{2069}\\u{200E}\\u{2028}',
    );
    expect(printable('卫健委\t进展 👩‍⚕️ 完成')).toBe('卫健委\t进展 👩‍⚕️ 完成');
  });

  it('a note with C1 controls and a bidi override is printed visibly by collect', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.yaml');
    fs.writeFileSync(data, YAML);
    const ret = await filled(dir, data, 'health.xlsx', 'Health Commission', 'I8', 'ok\u009b2J\u202edone\u001b[31m');
    const r = await cli('collect', data, ret, '--dry-run');
    expect(r.code).toBe(0);
    const all = [...r.out, ...r.err].join('\n');
    // eslint-disable-next-line no-control-regex
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(all).toContain('ok\\u{9B}2J\\u{202E}done');
  });
});
