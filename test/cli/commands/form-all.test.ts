/**
 * `form --all` writes a few forms at once: each is still entered in the
 * register and told in the order of the requests, and a form that cannot be
 * written fails alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanTemps, listing, ROOT, tempDir } from '../../support/forms';
import { cli } from '../../support/fixtures';

afterAll(cleanTemps);

function seedCopy(name: string): string {
  const data = path.join(tempDir(), `${name}.yaml`);
  fs.copyFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), data);
  return data;
}

const told = (out: string[]) => out.filter((l) => l.includes(' -> ')).map((l) => path.basename(l.split(' -> ')[1].split(' (')[0]));
const registered = (data: string) =>
  (JSON.parse(fs.readFileSync(`${data}.forms.json`, 'utf8')) as { forms: { file: string }[] }).forms.map((f) => path.basename(f.file));

describe('form --all, several forms at once', () => {
  it('tells and registers the forms in the order of the requests, as one at a time would', async () => {
    const data = seedCopy('beijing-2022-q3');
    const dir = tempDir();
    const r = await cli('form', data, '--all', '--out-dir', dir);
    expect(r.code).toBe(0);
    expect(told(r.out)).toHaveLength(5);
    expect(registered(data)).toEqual(told(r.out));
    expect([...told(r.out)].sort()).toEqual(listing(dir));
  });

  it('fails one form that cannot be written, writes and registers the others', async () => {
    const data = seedCopy('beijing-2022-q3');
    const dir = tempDir();
    const first = await cli('form', seedCopy('beijing-2022-q3'), '--all', '--out-dir', tempDir());
    const names = told(first.out);
    // The second form's file is taken by a folder.
    fs.mkdirSync(path.join(dir, names[1]), { recursive: true });
    const r = await cli('form', data, '--all', '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain(`${path.join(dir, names[1])}: is a directory`);
    expect(told(r.out)).toEqual(names.filter((_, i) => i !== 1));
    expect(registered(data)).toEqual(told(r.out));
    expect(r.out.at(-1)).toBe(`4 forms written to ${dir}`);
  });
});
