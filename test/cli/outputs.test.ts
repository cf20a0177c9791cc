/**
 * Outputs replace only what is theirs: no device, pipe, folder or input is
 * replaced, a symbolic link is written through, a file keeps its mode and
 * owner, a killed run's temporary file is removed by the next run, and a bad
 * output path is bad input (exit 1, naming it), never an internal error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tmpPrefix, writeFileAtomic } from '../../src/cli/write-atomic';
import { cli } from '../support/fixtures';

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-outputs-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const VALID = (region = 'Testland') => `format: plan-report/v1
report:
  title: T
  region: ${region}
  period: 2024-Q1
plans:
  - id: P
    title: p
    measures:
      - { id: M0, title: m, status: completed }
`;

function dataFile(dir: string, region?: string): string {
  const file = path.join(dir, 'data.yaml');
  fs.writeFileSync(file, VALID(region));
  return file;
}

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.log('outputs.test: not run as root: the device node and owner cases are skipped (mknod and chown need root)');
const rootIt = asRoot ? it : it.skip;

describe('a target that is not a regular file is refused, never replaced', () => {
  rootIt('a character device (made with mknod, as /dev/null is) stays a device', async () => {
    const dir = tempDir();
    const dev = path.join(dir, 'null');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const r = await cli('generate', dataFile(dir), '--out', dev);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${dev}: is not a regular file (a device, a pipe or a socket); expected the path of a file to write, which is replaced whole`]);
    expect(fs.lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['data.yaml', 'null']);
  });

  it('a named pipe stays a pipe', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await cli('generate', dataFile(dir), '--out', fifo);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain('is not a regular file');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link to a device (as /dev/stdout is) is refused and stays a link', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'stdout.xlsx');
    fs.symlinkSync('/dev/null', link);
    const r = await cli('generate', dataFile(dir), '--out', link);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain('is not a regular file');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('a file replaced keeps what is not the output’s', () => {
  it('a symbolic link is written through: the file it points to is updated, the link stays', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'out.txt');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'out.txt');
    fs.symlinkSync(path.join('real', 'out.txt'), link);
    writeFileAtomic(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
    expect(fs.readdirSync(path.join(dir, 'real'))).toEqual(['out.txt']);
  });

  it('a link to nothing is refused', async () => {
    const dir = tempDir();
    const link = path.join(dir, 'out.txt');
    fs.symlinkSync('missing.txt', link);
    expect(() => writeFileAtomic(link, 'new')).toThrow('is a symbolic link to nothing');
  });

  it('a 0600 file stays 0600', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.yaml');
    fs.writeFileSync(file, 'old', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  rootIt('a file owned by another user keeps its owner', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'theirs.yaml');
    fs.writeFileSync(file, 'old');
    fs.chownSync(file, 4321, 4322);
    writeFileAtomic(file, 'new');
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([4321, 4322]);
  });

  it('a hard link to an input is an input', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.yaml');
    fs.writeFileSync(input, 'x');
    const other = path.join(dir, 'other.yaml');
    fs.linkSync(input, other);
    expect(() => writeFileAtomic(other, 'new', [input])).toThrow('is also an input');
    expect(fs.readFileSync(input, 'utf8')).toBe('x');
  });

  it('generate --template tpl.yaml --out tpl.yaml is refused: a template is an input', async () => {
    const dir = tempDir();
    const tpl = path.join(dir, 'tpl.yaml');
    fs.copyFileSync(path.resolve(__dirname, '../../templates/measures-only.yaml'), tpl);
    const before = fs.readFileSync(tpl);
    const r = await cli('generate', dataFile(dir), '--template', tpl, '--out', tpl);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${tpl}: is also an input; expected an output file that is not one of the inputs`]);
    expect(fs.readFileSync(tpl).equals(before)).toBe(true);
  });
});

describe('temporary files', () => {
  it('are named .<name>.plan-report-<pid>.tmp; a killed run’s leftover is removed by the next run, a live one’s kept', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'r.xlsx');
    // A process that has ended: its pid is not alive.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const leftover = path.join(dir, `.r.xlsx.plan-report-${dead}.tmp`);
    const live = path.join(dir, `.r.xlsx.plan-report-${process.ppid}.tmp`);
    const otherTarget = path.join(dir, `.q.xlsx.plan-report-${dead}.tmp`);
    for (const f of [leftover, live, otherTarget]) fs.writeFileSync(f, 'partial');
    const r = await cli('generate', dataFile(dir), '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(otherTarget), path.basename(live), 'data.yaml', 'r.xlsx'].sort());
  });

  it('a long name’s temporary file stays within the file system’s limit', () => {
    const long = `${'x'.repeat(250)}.xlsx`;
    expect(Buffer.byteLength(`${tmpPrefix(long)}.plan-report-4194304.tmp`)).toBeLessThanOrEqual(255);
    expect(tmpPrefix(long)).not.toBe(tmpPrefix(`${'x'.repeat(249)}y.xlsx`));
  });

  it('a 250-character name is written (its temporary file’s name is cut)', async () => {
    const dir = tempDir();
    const out = path.join(dir, `${'报'.repeat(80)}.xlsx`);
    const r = await cli('generate', dataFile(dir), '--out', out);
    expect(r.err).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['data.yaml', path.basename(out)].sort());
  });
});

describe('output folders', () => {
  it('are made once a process; one removed after its first file is made again for the next', async () => {
    const dir = path.join(tempDir(), 'forms');
    writeFileAtomic(path.join(dir, 'a.xlsx'), 'a');
    writeFileAtomic(path.join(dir, 'b.xlsx'), 'b');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    fs.rmSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, 'c.xlsx'), 'c');
    expect(fs.readdirSync(dir)).toEqual(['c.xlsx']);
    expect(fs.readFileSync(path.join(dir, 'c.xlsx'), 'utf8')).toBe('c');
  });

  it('one replaced by a file after its first file is refused, naming the file, and nothing is written', async () => {
    const dir = path.join(tempDir(), 'forms');
    writeFileAtomic(path.join(dir, 'a.xlsx'), 'a');
    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'not a folder');
    expect(() => writeFileAtomic(path.join(dir, 'b.xlsx'), 'b')).toThrow(`${dir} is a file, not a folder`);
    expect(fs.readFileSync(dir, 'utf8')).toBe('not a folder');
  });
});

describe('a bad output path is bad input: exit 1 naming it, not an internal error', () => {
  it('--out under a regular file', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'afile'), 'x');
    const out = path.join(dir, 'afile', 'r.xlsx');
    const r = await cli('generate', dataFile(dir), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${out}: cannot be written: ${path.join(dir, 'afile')} is a file, not a folder; expected a folder to write the output in`]);
  });

  it('--out-dir that is a regular file', async () => {
    const dir = tempDir();
    const afile = path.join(dir, 'afile');
    fs.writeFileSync(afile, 'x');
    const r = await cli('generate', dataFile(dir), '--out-dir', afile);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${path.join(afile, 'Testland-2024-Q1.xlsx')}: cannot be written: ${afile} is a file, not a folder; expected a folder to write the output in`,
    ]);
    expect(fs.readFileSync(afile, 'utf8')).toBe('x');
  });

  it('a 300-character --out', async () => {
    const dir = tempDir();
    const out = path.join(dir, `${'a'.repeat(295)}.xlsx`);
    const r = await cli('generate', dataFile(dir), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${out}: cannot be written: a name in it is 300 bytes long; expected at most 255 bytes a name`]);
  });

  it('a default name from a 390-character region', async () => {
    const dir = tempDir();
    const r = await cli('generate', dataFile(dir, 'R'.repeat(390)), '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${path.join(dir, `${'R'.repeat(390)}-2024-Q1.xlsx`)}: cannot be written: a name in it is 403 bytes long; expected at most 255 bytes a name`,
    ]);
  });

  it('--out newdir/ (a trailing slash) writes no file named newdir', async () => {
    const dir = tempDir();
    const out = `${path.join(dir, 'newdir')}/`;
    const r = await cli('generate', dataFile(dir), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${out}: names a folder; expected the path of a file to write (such as reports/report.xlsx)`]);
    expect(fs.readdirSync(dir)).toEqual(['data.yaml']);
  });

  it('--out "" says that the name is empty', async () => {
    const dir = tempDir();
    const r = await cli('generate', dataFile(dir), '--out', '');
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['"": an empty name was given for the output; expected the path of a file to write']);
  });
});
