import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, type Result } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const seed = (name: string) => path.join(ROOT, 'seeds', `${name}.yaml`);
const BEIJING = seed('beijing-2022-q3');
const NANJING = seed('nanjing-2025-q1');
const SHANGHAI = seed('shanghai-2025-q3');
const SUZHOU = seed('suzhou-2022-q3');

/** Nothing printed looks like a stack trace. */
function expectNoStack(r: Result): void {
  expect(`\n${r.stdout}\n${r.stderr}`).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-cli-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

const isZip = (file: string) => fs.readFileSync(file).subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'binary'));
const listing = (dir: string) => fs.readdirSync(dir).sort();

/** A small valid data file's text. */
const VALID = `format: plan-report/v1
report:
  title: T
  region: Testland
  period: 2024-Q1
plans:
  - id: P
    title: p
    measures:
      - { id: M0, title: m, status: completed }
`;

describe('validate', () => {
  it('prints a summary line with counts for a seed, and exits 0', async () => {
    const r = await cli('validate', BEIJING);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`${BEIJING}: valid: 1 plan (50 measures), 0 catalogs (0 entries), 0 indicators (0 observations)`]);
    expect(r.err).toEqual([]);
  });

  it('validates several files, one line each, in order', async () => {
    const r = await cli('validate', BEIJING, NANJING, SHANGHAI, SUZHOU);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${BEIJING}: valid: 1 plan (50 measures), 0 catalogs (0 entries), 0 indicators (0 observations)`,
      `${NANJING}: valid: 0 plans (0 measures), 0 catalogs (0 entries), 2 indicators (2 observations)`,
      `${SHANGHAI}: valid: 1 plan (20 measures), 0 catalogs (0 entries), 8 indicators (6 observations)`,
      `${SUZHOU}: valid: 1 plan (6 measures), 1 catalog (25 entries), 2 indicators (2 observations)`,
    ]);
    expect(r.err).toEqual([]);
  });

  it('prints every problem of a bad file with file:line:column, nothing on stdout for it, and exits 1', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      bad,
      `format: plan-report/v1
report:
  title: T
  region: R
  period: 2024-Q5
plans:
  - id: P
    title: p
    measures:
      - { id: M0, title: m, status: done }
      - { id: M0, title: m, stauts: completed }
`,
    );
    const r = await cli('validate', BEIJING, bad, NANJING);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      `${BEIJING}: valid: 1 plan (50 measures), 0 catalogs (0 entries), 0 indicators (0 observations)`,
      `${NANJING}: valid: 0 plans (0 measures), 0 catalogs (0 entries), 2 indicators (2 observations)`,
    ]);
    expect(r.stdout).not.toContain(bad);
    expect(r.err).toEqual([
      `${bad}:5:11: report.period: expected a period (2024, 2024-H1, 2024-Q3 or 2024-07), got "2024-Q5"`,
      `${bad}:10:37: plans[0].measures[0].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead`,
      `${bad}:11:9: plans[0].measures[1].status: missing required key "status"; expected one of not-started | in-progress | completed | delayed | cancelled`,
      `${bad}:11:15: plans[0].measures[1].id: duplicate measure id "M0": already used by plans[0].measures[0]; expected a unique id`,
      `${bad}:11:29: plans[0].measures[1].stauts: unknown key "stauts"; expected one of: id, title, group, lead, due, status, completed, progress, note`,
      `${bad}: 5 problems`,
    ]);
    expectNoStack(r);
  });

  it('reports a missing file and a directory with exit 1 and no stack trace', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'missing.yaml');
    const r = await cli('validate', missing, dir);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      `${missing}: no such file; expected a data file (YAML or JSON)`,
      `${missing}: 1 problem`,
      `${dir}: is a directory; expected a data file (YAML or JSON)`,
      `${dir}: 1 problem`,
    ]);
    expectNoStack(r);
  });

  it('locates a problem deep in a JSON file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    fs.writeFileSync(
      file,
      '{\n  "format": "plan-report/v1",\n  "report": { "title": "T", "region": "R", "period": "2024-Q1" },\n  "indicators": [\n    { "id": "I", "name": "n", "observations": [\n      { "period": "2024-Q1", "value": "12.5" }\n    ] }\n  ]\n}\n',
    );
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${file}:6:39: indicators[0].observations[0].value: expected a finite number, got "12.5"; write 12.5 without quotes (a number, not text)`,
      `${file}: 1 problem`,
    ]);
  });
});

describe('generate', () => {
  it('writes the workbook named by --out: a zip that exceljs reads, and exits 0', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'beijing.xlsx');
    const r = await cli('generate', BEIJING, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(new RegExp(`^${escape(BEIJING)} -> ${escape(out)} \\(50 measures, 0 catalog entries, 0 indicators; \\d+ named figures\\)$`));
    expect(isZip(out)).toBe(true);
    expect(listing(dir)).toEqual(['beijing.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
  });

  it('names the workbook <Region>-<period>.xlsx under --out-dir, and leaves no temporary file', async () => {
    const dir = tempDir();
    const outDir = path.join(dir, 'reports');
    const r = await cli('generate', BEIJING, SUZHOU, '--out-dir', outDir);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringMatching(new RegExp(`^${escape(BEIJING)} -> ${escape(path.join(outDir, 'Beijing-2022-Q3.xlsx'))} \\(`)),
      expect.stringMatching(
        new RegExp(`^${escape(SUZHOU)} -> ${escape(path.join(outDir, 'Suzhou-2022-Q3.xlsx'))} \\(6 measures, 25 catalog entries, 2 indicators;`),
      ),
    ]);
    expect(listing(outDir)).toEqual(['Beijing-2022-Q3.xlsx', 'Suzhou-2022-Q3.xlsx']);
    expect(isZip(path.join(outDir, 'Beijing-2022-Q3.xlsx'))).toBe(true);
    expect(isZip(path.join(outDir, 'Suzhou-2022-Q3.xlsx'))).toBe(true);
  });

  it('adds -zh-CN to the name with --locale zh-CN', async () => {
    const dir = tempDir();
    const r = await cli('generate', NANJING, '--locale', 'zh-CN', '--out-dir', dir);
    expect(r.code).toBe(0);
    expect(listing(dir)).toEqual(['Nanjing-2025-Q1-zh-CN.xlsx']);
    expect(isZip(path.join(dir, 'Nanjing-2025-Q1-zh-CN.xlsx'))).toBe(true);
  });

  it('uses --template measures-only, and adds the template name to the file name', async () => {
    const dir = tempDir();
    const r = await cli('generate', BEIJING, '--template', 'measures-only', '--out-dir', dir);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(listing(dir)).toEqual(['Beijing-2022-Q3-measures-only.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Beijing-2022-Q3-measures-only.xlsx'));
    const full = new ExcelJS.Workbook();
    const fullOut = path.join(dir, 'full.xlsx');
    expect((await cli('generate', BEIJING, '--out', fullOut)).code).toBe(0);
    await full.xlsx.readFile(fullOut);
    expect(wb.worksheets.length).toBeLessThan(full.worksheets.length);
  });

  describe('bad input: exit 1, a message naming the file, no output, input unchanged', () => {
    /** Runs generate on `file` with the output folder being the input's own folder; checks nothing changed there. */
    async function generateBad(dir: string, file: string, ...extra: string[]): Promise<Result> {
      const before = listing(dir);
      const bytes = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
      const r = await cli('generate', file, '--out-dir', dir, ...extra);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.length).toBeGreaterThan(0);
      for (const line of r.err) expect(line.startsWith(`${file}:`)).toBe(true);
      expect(listing(dir)).toEqual(before);
      if (bytes) expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expectNoStack(r);
      return r;
    }

    it('a missing file', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'missing.yaml');
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}: no such file; expected a data file (YAML or JSON)`]);
      expect(fs.existsSync(file)).toBe(false);
    });

    it('a directory', async () => {
      const dir = tempDir();
      const sub = path.join(dir, 'data.yaml');
      fs.mkdirSync(sub);
      const r = await generateBad(dir, sub);
      expect(r.err).toEqual([`${sub}: is a directory; expected a data file (YAML or JSON)`]);
      expect(listing(sub)).toEqual([]);
    });

    it('invalid YAML', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      fs.writeFileSync(file, `${VALID}   - { id: M1, title: m, status: completed }\n`);
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}:11:4: invalid YAML: All sequence items must start at the same column`]);
    });

    it('a wrong type deep in the file', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      fs.writeFileSync(file, `${VALID}      - { id: M1, title: m, status: in-progress, progress: "half" }\n`);
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}:11:60: plans[0].measures[1].progress: expected a finite number, got "half"`]);
    });

    it('an unknown key', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      fs.writeFileSync(file, VALID.replace('  region: Testland', '  region: Testland\n  regoin: Testland'));
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}:5:3: report.regoin: unknown key "regoin"; expected one of: title, region, period, date, locale`]);
    });

    it('a binary file (bytes with a NUL)', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      // Deterministic "random" bytes, none zero before byte 200.
      const bytes = Buffer.alloc(4096);
      let x = 12345;
      for (let i = 0; i < bytes.length; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = (x >> 16) & 0xff || 1;
      }
      bytes[200] = 0;
      fs.writeFileSync(file, bytes);
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}: holds binary data (a NUL byte at byte 200); expected a text file in YAML or JSON`]);
    });

    it('a zip file (a workbook) passed as data', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Data').getCell('A1').value = 'format: plan-report/v1';
      fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}: is a zip file (a workbook?); expected a data file in YAML or JSON`]);
    });

    it('a file that is not valid UTF-8, located', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      fs.writeFileSync(file, Buffer.concat([Buffer.from(VALID), Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}:11:6: is not valid UTF-8 text; expected a data file saved as UTF-8`]);
    });

    it('a 50 MB YAML file, refused by its size before it is read', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'big.yaml');
      const line = `${'lorem ipsum dolor sit amet '.repeat(37)}\n`;
      fs.writeFileSync(file, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      expect(fs.statSync(file).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      const r = await generateBad(dir, file);
      expect(r.err).toEqual([`${file}: is 50.0 MB; expected a YAML data file of at most 20 MB (write larger data sets as JSON, read up to 500 MB)`]);
    }, 30000);

    it('--out pointing at the input file itself is refused', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data.yaml');
      fs.writeFileSync(file, VALID);
      for (const out of [file, path.join(dir, '.', 'sub', '..', 'data.yaml')]) {
        const before = listing(dir);
        const r = await cli('generate', file, '--out', out);
        expect(r.code).toBe(1);
        expect(r.out).toEqual([]);
        expect(r.err).toEqual([`${out}: is also an input; expected an output file that is not one of the inputs`]);
        expect(fs.readFileSync(file, 'utf8')).toBe(VALID);
        expect(listing(dir)).toEqual(before);
        expectNoStack(r);
      }
    });

    it('--out pointing at an existing folder is refused as bad input, not an internal error', async () => {
      const dir = tempDir();
      const target = path.join(dir, 'report.xlsx');
      fs.mkdirSync(target);
      const r = await cli('generate', NANJING, '--out', target);
      // No temporary file is left beside the target, and nothing is written into the folder.
      expect(listing(dir)).toEqual(['report.xlsx']);
      expect(listing(target)).toEqual([]);
      expect(r.out).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.err.length).toBeGreaterThan(0);
      expect(r.err[0].startsWith(`${target}:`)).toBe(true);
      expectNoStack(r);
    });

    it('one bad file among good ones: the good ones are written, exit 1', async () => {
      const dir = tempDir();
      const bad = path.join(dir, 'bad.yaml');
      fs.writeFileSync(bad, VALID.replace('status: completed', 'status: done'));
      const r = await cli('generate', NANJING, bad, SUZHOU, '--out-dir', dir);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([
        `${bad}:10:37: plans[0].measures[0].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead`,
      ]);
      expect(r.out).toHaveLength(2);
      expect(listing(dir)).toEqual(['Nanjing-2025-Q1.xlsx', 'Suzhou-2022-Q3.xlsx', 'bad.yaml']);
    });
  });
});

describe('usage errors exit 2', () => {
  it('no arguments at all prints the usage', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/Usage: plan-report/);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/generate/);
  });

  it.each([
    [['generate'], "error: missing required argument 'data'"],
    [['validate'], "error: missing required argument 'data'"],
    [['generate', 'x.yaml', '--bogus'], "error: unknown option '--bogus'"],
    [['generate', 'x.yaml', '--locale', 'fr'], "error: option '-l, --locale <locale>' argument 'fr' is invalid. Allowed choices are en, zh-CN."],
    [['generate', 'a.yaml', 'b.yaml', '--out', 'x.xlsx'], 'error: --out names one workbook, but several data files were given; use --out-dir'],
    [['frobnicate'], "error: unknown command 'frobnicate'"],
  ])('%j', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toBe(message);
    expectNoStack(r);
  });

  it('--out with two data files writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    const r = await cli('generate', BEIJING, SUZHOU, '--out', out);
    expect(r.code).toBe(2);
    expect(listing(dir)).toEqual([]);
  });

  it.each(['validate', 'generate', 'template'])('%s --help exits 0 and prints examples', async (command) => {
    const r = await cli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: plan-report ${command}`);
    expect(r.stdout).toMatch(/\nExamples:\n {2}plan-report /);
    expect(r.err).toEqual([]);
  });
});

describe('template', () => {
  it('lists the built-in templates', async () => {
    const r = await cli('template');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      expect.stringMatching(/^measures-only\s+Measures implementation report - /),
      expect.stringMatching(/^quarterly\s+Quarterly implementation report - /),
    ]);
  });

  it('writes a workbook carrying a template, which generate then uses', async () => {
    const dir = tempDir();
    const tpl = path.join(dir, 'q.xlsx');
    const r = await cli('template', 'measures-only', '--out', tpl);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`template "measures-only" -> ${tpl} (use it with: plan-report generate DATA --template ${tpl})`]);
    expect(isZip(tpl)).toBe(true);

    const outDir = path.join(dir, 'out');
    const g = await cli('generate', BEIJING, '--template', tpl, '--out-dir', outDir);
    expect(g.code).toBe(0);
    expect(g.err).toEqual([]);
    expect(listing(outDir)).toEqual(['Beijing-2022-Q3-measures-only.xlsx']);
    expect(isZip(path.join(outDir, 'Beijing-2022-Q3-measures-only.xlsx'))).toBe(true);
  });

  it('generate --template with an unknown name exits 1 naming the available templates', async () => {
    const dir = tempDir();
    const r = await cli('generate', BEIJING, '--template', 'no-such-name', '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'no-such-name: no such template; expected one of measures-only, quarterly, or the path of a template file (.yaml, .json) or workbook (.xlsx)',
    ]);
    expect(listing(dir)).toEqual([]);
  });

  it('a broken template file gives a located error and exit 1', async () => {
    const dir = tempDir();
    const tpl = path.join(dir, 'mine.yaml');
    fs.writeFileSync(
      tpl,
      'template: plan-report-template/v1\nname: mine\nsections:\n  - section: summary\n    blocks: [plans, catalogs]\n  - section: measures\n    columns: [id, stauts]\n',
    );
    const before = listing(dir);
    for (const argv of [
      ['generate', BEIJING, '--template', tpl, '--out-dir', dir],
      ['template', tpl, '--out', path.join(dir, 'mine.xlsx')],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([
        `${tpl}:5:21: sections[0].blocks[1]: block "catalogs" needs the section "catalog", which this template does not have; expected that section too, or no "catalogs" block`,
        `${tpl}:7:19: sections[1].columns[1]: expected a column: a field name (plan | id | title | group | lead | due | status | completed | progress | note) or a mapping with field, title, width, hidden, got "stauts"`,
      ]);
      expect(listing(dir)).toEqual(before);
      expectNoStack(r);
    }
  });

  it('--template pointing at a workbook not made by plan-report exits 1 with a clear message', async () => {
    const dir = tempDir();
    const other = path.join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await wb.xlsx.writeFile(other);
    const before = listing(dir);
    const r = await cli('generate', BEIJING, '--template', other, '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`${other}: has no "_plan_report" sheet; expected a workbook made by plan-report`]);
    expect(listing(dir)).toEqual(before);
    expectNoStack(r);
  });

  it('--template pointing at a file that is not a workbook at all exits 1', async () => {
    const dir = tempDir();
    const fake = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(fake, 'not a workbook');
    const r = await cli('generate', BEIJING, '--template', fake, '--out-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${fake}: is not an .xlsx workbook (not a zip package)`]);
    expect(listing(dir)).toEqual(['fake.xlsx']);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
