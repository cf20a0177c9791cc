/** The progress bar of collect: on a terminal it shows, elsewhere it is quiet. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { collectCommand } from '../../src/cli/commands/collect';
import { progressBar } from '../../src/cli/progress';
import { cleanTemps, tempDir } from '../support/forms';
import { cli } from '../support/fixtures';

afterAll(cleanTemps);

function fakeStream(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  let written = '';
  s.on('data', (c: Buffer) => (written += c.toString('utf8')));
  Object.assign(s, { isTTY: tty, columns: 100, rows: 40 });
  return { stream: s, text: () => written };
}

describe('progress bar', () => {
  it('is quiet when the stream is not a terminal, or for a single item', () => {
    const pipe = fakeStream(false);
    const bar = progressBar(50, 'Collecting', pipe.stream);
    for (let i = 0; i < 50; i++) bar.tick(`r${i}.xlsx`);
    bar.stop();
    const tty = fakeStream(true);
    const one = progressBar(1, 'Collecting', tty.stream);
    one.tick('r.xlsx');
    one.stop();
    expect(pipe.text()).toBe('');
    expect(tty.text()).toBe('');
  });

  it('shows a bar on a terminal while collecting returns, and clears it before the results', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'd.yaml');
    fs.copyFileSync(path.join(__dirname, '../../seeds/shanghai-2025-q3.yaml'), data);
    const returns: string[] = [];
    for (const region of ['Shanghai', 'Yangtze River Delta']) {
      const out = path.join(dir, `${region}.xlsx`);
      expect((await cli('form', data, '--kind', 'indicators', '--region', region, '--out', out)).code).toBe(0);
      returns.push(out);
    }
    const tty = fakeStream(true);
    const lines: string[] = [];
    const code = await collectCommand(data, returns, { dryRun: true }, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, tty.stream);
    expect(code).toBe(0);
    expect(tty.text()).toContain('Collecting [');
    expect(tty.text()).toContain('2/2');
    expect(lines.at(-1)).toBe('dry run: 0 changes from 2 returns; nothing written');
  });
});
