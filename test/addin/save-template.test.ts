/**
 * Save as template, on the fake Excel host: a report built in Excel from a
 * template gives back, as a template workbook, the same template (compared as
 * data), for the built-in templates and a custom one; the workbook holds the
 * same parts, with the same XML, as the one `plan-report template` writes for
 * that template (the same parts byte for byte at the same time; the command
 * itself, run at another moment, differs only in its times); a template
 * workbook opened in Excel and saved again is the workbook it was; and a
 * workbook without a report, or a form, is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoReport, saveAsTemplate } from '../../src/addin/excel/save-template';
import { buildReportInWorkbook } from '../../src/addin/excel/report';
import { readTemplateWorkbook } from '../../src/addin/xlsx/read-template';
import { loadTemplate } from '../../src/cli/templates';
import { GENERATOR } from '../../src/cli/version';
import { streamedBytes } from '../support/streamed-bytes';
import { packageTime } from '../../src/cli/xlsx/write/parts';
import { buildReport } from '../../src/core/layout/build';
import { TemplateWorkbookError } from '../../src/core/record/carried-template';
import type { Locale } from '../../src/core/schema';
import type { Template } from '../../src/core/template';
import { templateWorkbookModel } from '../../src/core/template/template-workbook';
import { CUSTOM_TEMPLATE_YAML } from '../support/custom-template';
import { cliOk, OPTIONS } from '../support/fixtures';
import { FakeExcel } from './fake-excel/host';
import { openXlsx } from './fake-excel/open-xlsx';
import { ROOT, seed, timeless, zipParts } from './support';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-report-save-template-'));
  writeFileSync(path.join(dir, 'my-report.yaml'), CUSTOM_TEMPLATE_YAML);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: [string, Locale][] = [
  ['quarterly', 'zh-CN'],
  ['measures-only', 'en'],
  ['my-report.yaml', 'en'],
  ['my-report.yaml', 'zh-CN'],
];

describe('Save as template', () => {
  for (const [name, locale] of CASES) {
    const source = () => (name.endsWith('.yaml') ? path.join(dir, name) : name);

    it(`${name} (${locale}): template -> report in Excel -> Save as template gives the same template, as the command line writes it`, async () => {
      const template: Template = await loadTemplate(source());
      const host = new FakeExcel(['My notes']);
      await buildReportInWorkbook(host.run, buildReport(template, seed('beijing-2022-q3'), locale, OPTIONS));

      const generatedAt = '2026-05-17T08:09:10.123Z';
      const saved = await saveAsTemplate(host.run, { generator: GENERATOR, generatedAt });
      expect(saved.file).toBe(`${template.name}.xlsx`);
      expect(saved.template).toEqual(template);

      // The same template, as data, read by the add-in's reader and by the command line's.
      expect(await readTemplateWorkbook(saved.bytes, saved.file)).toEqual(template);
      const file = path.join(dir, `saved-${template.name}-${locale}.xlsx`);
      writeFileSync(file, saved.bytes);
      expect(await loadTemplate(file)).toEqual(template);

      // The same parts, in the same order, byte for byte, as the streaming writer's for the same template and time.
      const expected = await streamedBytes(templateWorkbookModel(template, locale, { generator: GENERATOR, generatedAt }), packageTime(new Date(generatedAt)));
      const [ours, theirs] = [await zipParts(saved.bytes), await zipParts(expected)];
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [part, xml] of ours) expect({ part, xml }).toEqual({ part, xml: theirs.get(part) });
      expect(ours.get('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-05-17T08:09:10Z</dcterms:created>');

      // And what `plan-report template` writes, run at its own moment: the same but for the times.
      const cliFile = path.join(dir, `cli-${template.name}-${locale}.xlsx`);
      await cliOk('template', source(), '--out', cliFile, '--locale', locale);
      const now = await saveAsTemplate(host.run, { generator: GENERATOR, generatedAt: new Date().toISOString() });
      const [a, b] = [await zipParts(now.bytes), await zipParts(readFileSync(cliFile))];
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [part, xml] of a) expect({ part, xml: timeless(xml) }).toEqual({ part, xml: timeless(b.get(part)!) });
    }, 60_000);
  }

  it('a template workbook opened in Excel and saved as a template again is the workbook it was, but for its times', async () => {
    const tpl = path.join(dir, 'my-report-t.xlsx');
    await cliOk('template', path.join(dir, 'my-report.yaml'), '--out', tpl, '--locale', 'zh-CN');
    const host = await openXlsx(readFileSync(tpl));
    const saved = await saveAsTemplate(host.run, { generator: GENERATOR, generatedAt: new Date().toISOString() });
    const [a, b] = [await zipParts(saved.bytes), await zipParts(readFileSync(tpl))];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [part, xml] of a) expect({ part, xml: timeless(xml) }).toEqual({ part, xml: timeless(b.get(part)!) });
  }, 60_000);

  it('refuses a workbook without a report, and a form', async () => {
    const empty = new FakeExcel(['Sheet1']);
    const before = JSON.stringify(empty.snapshot());
    await expect(saveAsTemplate(empty.run, OPTIONS)).rejects.toThrow(NoReport);
    expect(JSON.stringify(empty.snapshot())).toBe(before);

    const data = path.join(dir, 'beijing.yaml');
    // A copy of the seed: form keeps a register of sent forms beside its data file.
    writeFileSync(data, readFileSync(path.join(ROOT, 'seeds/beijing-2022-q3.yaml')));
    const form = path.join(dir, 'form.xlsx');
    await cliOk('form', data, '--out', form);
    const err = await saveAsTemplate((await openXlsx(readFileSync(form))).run, OPTIONS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateWorkbookError);
    expect((err as TemplateWorkbookError).kind).toBe('form');
    expect((err as TemplateWorkbookError).problems[0].file).toBe('workbook');
  }, 60_000);
});
