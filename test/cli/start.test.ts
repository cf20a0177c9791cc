/**
 * Starting the command from its bundle (src/cli/start.ts) and the bundle's
 * text made ASCII (scripts/bundle-cli.js): a small bundle of the same shape
 * as the build's, in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE, CACHE, loadBundle, type Cli } from '../../src/cli/start';
import { cleanTemps, tempDir } from '../support/forms';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asciiOnly } = require('../../scripts/bundle-cli') as { asciiOnly: (code: string) => string };

afterAll(cleanTemps);

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Runs `code` in a process of its own, with `start` the module under test; what it prints, as JSON. The cache is
 * made and taken apart from jest's: within one process V8 compiles a source it has compiled before from its own
 * memory, without looking at the cache offered, and a jest worker may have run `generate`, which changes a V8 flag
 * (V8 refuses a cache made under other flags).
 */
function apart<T>(code: string): T {
  const script = `const start = require(${JSON.stringify(path.join(ROOT, 'src/cli/start.ts'))}); (async () => { ${code} })().then((r) => console.log(JSON.stringify(r)))`;
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

/** Whether V8 took the bundle's cache, and what the bundle computed, at a start of its own. */
function startApart(dir: string): { cached: boolean; where: [string, string, number] } {
  return apart(`const l = start.loadBundle(${JSON.stringify(dir)}); return { cached: l.cached, where: l.cli.where() };`);
}

/** Makes the bundle's cache at a start of its own, after `warm` (code run with the bundle's exports as `cli`). */
function cacheApart(dir: string, warm = ''): number {
  return apart(`return start.makeBundleCache(${JSON.stringify(dir)}, async (cli) => { ${warm} });`);
}

/** A folder with a bundle as scripts/bundle-cli.js writes one: its id line, then node's module wrapper. */
function bundleDir(id = 'a1b2c3d4e5f60718'): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'helper.js'), 'module.exports = 41;\n');
  const body = [
    `// plan-report bundle ${id}`,
    '(function (exports, require, module, __filename, __dirname) {',
    "const path = require('node:path');",
    "exports.where = () => [path.basename(__filename), __dirname, require('./helper') + 1];",
    'exports.run = async (argv) => argv.map((a) => a.toUpperCase()).join(" ").length;',
    'exports.loadCommands = async () => {};',
    '})',
  ];
  fs.writeFileSync(path.join(dir, BUNDLE), body.join('\n'));
  return dir;
}

type Test = Cli & { where(): [string, string, number] };

describe('the bundle', () => {
  it('runs as a CommonJS module of its folder: its own name and folder, require from there', () => {
    const dir = bundleDir();
    const { cli, cached } = loadBundle(dir);
    expect((cli as Test).where()).toEqual([BUNDLE, path.resolve(dir), 42]);
    expect(cached).toBe(false);
  });

  it('starts with the code cache made after it ran, and V8 takes it', async () => {
    const dir = bundleDir();
    const size = cacheApart(dir, "await cli.run(['warm', 'up']);");
    expect(size).toBeGreaterThan(0);
    const bytes = fs.readFileSync(path.join(dir, CACHE));
    expect(bytes.toString('latin1', 0, 17)).toBe('a1b2c3d4e5f60718\n');
    expect(startApart(dir)).toEqual({ cached: true, where: [BUNDLE, path.resolve(dir), 42] });
    expect(await loadBundle(dir).cli.run(['a', 'b'])).toBe(3);
  });

  it('ignores a cache made for another bundle, and one V8 refuses, and still runs', () => {
    const dir = bundleDir('1111111111111111');
    cacheApart(dir);
    // The bundle rebuilt (another id) without its cache made again.
    const other = bundleDir('2222222222222222');
    fs.copyFileSync(path.join(dir, CACHE), path.join(other, CACHE));
    expect(startApart(other)).toEqual({ cached: false, where: [BUNDLE, path.resolve(other), 42] });
    // A cache of the right bundle whose bytes are not V8's.
    fs.writeFileSync(path.join(dir, CACHE), Buffer.concat([Buffer.from('1111111111111111\n'), Buffer.alloc(4096, 7)]));
    expect(startApart(dir)).toEqual({ cached: false, where: [BUNDLE, path.resolve(dir), 42] });
  });

  it('gone, is a module not found, naming the main.js that starts it (bin/plan-report then says "not built")', () => {
    const dir = tempDir();
    let error: NodeJS.ErrnoException | undefined;
    try {
      loadBundle(dir);
    } catch (err) {
      error = err as NodeJS.ErrnoException;
    }
    expect(error?.code).toBe('MODULE_NOT_FOUND');
    expect(error?.message).toContain(path.join(path.resolve(dir), 'main.js'));
  });

  it('refuses a file that is not a bundle of the build', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, BUNDLE), 'module.exports = 1;\n');
    expect(() => loadBundle(dir)).toThrow(/not a bundle made by scripts\/bundle-cli\.js/);
  });
});

describe("the bundle's text in ASCII", () => {
  // Regular expressions as the ledger's and the messages' code has them: CJK in classes, an escaped full-width
  // parenthesis, an emoji under the u flag, a backslash before the character that is itself escaped.
  const cases: [string, string[]][] = [
    ['/^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?$/', ['2022年9月20日', '2022-09-20', '2022年9月20', '2022/9/20号', '2022年9日']],
    ['/[（(]\\s*共同\\s*[)）]/', ['区卫生健康委（共同）', '(共同)', '共同']],
    ['/\\（/', ['（', '(', '\\（']],
    ['/^[🧬]$/u', ['🧬', '\ud83e', 'a']],
    ['/\\\\年/', ['\\年', '年']],
    ['/[^\\u0000-\\u007f]+/g', ['医药 plan 🧬']],
  ];
  it.each(cases)('%s matches as before', (literal, inputs) => {
    const ascii = asciiOnly(literal);
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    const before = new Function(`return ${literal};`)() as RegExp;
    const after = new Function(`return ${ascii};`)() as RegExp;
    expect(after.flags).toBe(before.flags);
    for (const s of inputs) expect(s.match(after)).toEqual(s.match(before));
  });

  it('keeps names and strings', () => {
    const code = 'const 期间 = "季度"; const s = `年${期间}`;';
    const ascii = asciiOnly(code);
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    expect(new Function(`${ascii} return [期间, s];`)()).toEqual(['季度', '年季度']);
  });
});
