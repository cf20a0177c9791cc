/**
 * `plan-report template --from REPORT.xlsx`: the template a report (or a
 * template workbook) carries, written as a template workbook again; and the
 * refusals of a form, a workbook of another version and one not made by
 * plan-report.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { loadTemplate } from '../../../src/cli/templates';
import { readTemplate } from '../../../src/core/template';
import { CUSTOM_TEMPLATE_YAML } from '../../support/custom-template';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BEIJING = path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml');

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-from-'));
  fs.writeFileSync(path.join(dir, 'my-report.yaml'), CUSTOM_TEMPLATE_YAML);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('template --from', () => {
  for (const name of ['quarterly', 'measures-only', 'my-report.yaml']) {
    it(`writes the template a report made with ${name} carries, the same template as data`, async () => {
      const source = name.endsWith('.yaml') ? path.join(dir, name) : name;
      const original = await loadTemplate(source);
      const outDir = fs.mkdtempSync(path.join(dir, 'gen-'));
      expect((await cli('generate', BEIJING, '--template', source, '--out-dir', outDir, '--locale', 'zh-CN')).code).toBe(0);
      const [report] = fs.readdirSync(outDir);
      const tpl = path.join(outDir, 't.xlsx');
      const r = await cli('template', '--from', path.join(outDir, report), '--out', tpl);
      expect(r).toEqual({ code: 0, out: [`template "${original.name}" -> ${tpl} (use it with: plan-report generate DATA --template ${tpl})`], err: [] });
      expect(await loadTemplate(tpl)).toEqual(original);
      // And once more, from the template workbook itself.
      const again = path.join(outDir, 'again.xlsx');
      expect((await cli('template', '--from', tpl, '--out', again)).code).toBe(0);
      expect(await loadTemplate(again)).toEqual(original);
    });
  }

  it('the custom template read back equals the file it came from', async () => {
    expect(await loadTemplate(path.join(dir, 'my-report.yaml'))).toEqual(readTemplate(CUSTOM_TEMPLATE_YAML, 'x.yaml'));
  });

  it('refuses a form, naming it', async () => {
    const form = path.join(dir, 'form.xlsx');
    // A copy of the seed: form keeps a register of sent forms beside its data file.
    const data = path.join(dir, 'beijing.yaml');
    fs.copyFileSync(BEIJING, data);
    expect((await cli('form', data, '--out', form)).code).toBe(0);
    const r = await cli('template', '--from', form, '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${form}: is a form made by \`plan-report form\` (to be filled in and returned), not a report; expected a template workbook made by \`plan-report template\`, or a report workbook`,
    ]);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('refuses a template name beside --from, and a file that is not a workbook', async () => {
    const a = await cli('template', 'quarterly', '--from', 'r.xlsx');
    expect(a.code).toBe(1);
    expect(a.err).toEqual(['r.xlsx: --from names the workbook whose template is written; give it without a template name ("quarterly")']);
    const b = await cli('template', '--from', BEIJING);
    expect(b.code).toBe(1);
    expect(b.err).toEqual([`${BEIJING}: expected a report or template workbook ending in .xlsx`]);
  });
});
