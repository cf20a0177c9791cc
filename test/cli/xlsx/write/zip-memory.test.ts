/**
 * The in-memory zip of small packages (a form, a small report) against yazl,
 * which wrote every package before: the same parts give the same bytes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { ZipFile } from 'yazl';
import { yazlWorkbook } from '../../../support/yazl-zip';
import { buildForm } from '../../../../src/core/forms/build-form';
import { selectForm } from '../../../../src/core/forms/form';
import { buildReport } from '../../../../src/core/layout/build';
import { readData } from '../../../../src/core/data-file/read';
import type { Workbook } from '../../../../src/core/layout/model';
import { streamWorkbook } from '../../../../src/cli/xlsx/write/write-stream';
import { packageParts, partBytes } from '../../../../src/cli/xlsx/write/parts';
import { zipInMemory, type WholePart } from '../../../../src/cli/xlsx/write/zip-memory';
import { OPTIONS, quarterly, ROOT } from '../../../support/fixtures';

const seed = (name: string) => readData(fs.readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);
const NOW = '2026-03-04T05:06:07Z';

/** yazl's zip of the parts, each added whole (as the streaming writer adds a small part). */
async function yazlBytes(parts: WholePart[] | Workbook): Promise<Buffer> {
  if (!Array.isArray(parts)) return yazlWorkbook(parts, NOW);
  const zip = new ZipFile();
  for (const p of parts) zip.addBuffer(p.bytes, p.name, { mtime: new Date(NOW), compressionLevel: 3 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const whole = (model: Workbook): WholePart[] => packageParts(model, NOW).map((p) => ({ name: p.name, bytes: partBytes(p) }));

function formModel(locale: 'en' | 'zh-CN'): Workbook {
  const data = seed('beijing-2022-q3');
  const content = selectForm(data, { kind: 'measures', plan: data.plans![0].id }, 'beijing.yaml');
  return buildForm(content, data, locale, OPTIONS).workbook;
}

describe('in-memory zip of a small package', () => {
  it("writes yazl's bytes for a form and for a small report with charts, again when the parts repeat", async () => {
    const report = buildReport(quarterly, seed('suzhou-2022-q3'), 'zh-CN', OPTIONS);
    expect(report.sheets.some((s) => s.charts?.length)).toBe(true);
    for (const model of [formModel('en'), formModel('zh-CN'), report]) {
      const expected = await yazlBytes(whole(model));
      expect(zipInMemory(whole(model), new Date(NOW), 3)).toEqual(expected);
      // The second time the parts are those deflated before.
      expect(zipInMemory(whole(model), new Date(NOW), 3)).toEqual(expected);
    }
    // A form's parts are all small, so the streams wrote these very bytes.
    expect(await yazlBytes(formModel('zh-CN'))).toEqual(zipInMemory(whole(formModel('zh-CN')), new Date(NOW), 3));
  });

  it('deflates a part again when its XML differs from the last one of its name', async () => {
    const a = [{ name: 'x.xml', bytes: Buffer.from('<a>一</a>', 'utf8') }];
    const b = [{ name: 'x.xml', bytes: Buffer.from('<a>二</a>', 'utf8') }];
    for (const parts of [a, b, a]) {
      const zip = await JSZip.loadAsync(zipInMemory(parts, new Date(NOW), 3)!);
      expect(await zip.file('x.xml')!.async('string')).toBe(parts[0].bytes.toString('utf8'));
    }
  });

  it('writes each form its own parts when forms of two languages follow one another (no part of the last one is kept for another)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-zip-memory-'));
    try {
      for (const [k, locale] of (['en', 'zh-CN', 'en', 'zh-CN'] as const).entries()) {
        const model = formModel(locale);
        const file = path.join(dir, `form-${k}.xlsx`);
        await streamWorkbook(model, file);
        const zip = await JSZip.loadAsync(fs.readFileSync(file));
        for (const part of whole(model)) {
          // The package's time is the writing's: docProps/core.xml is compared without it.
          const written = (await zip.file(part.name)!.async('string')).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'T');
          expect(written).toBe(part.bytes.toString('utf8').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'T'));
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes each sheet whole into the one kept buffer as its chunks stream it, a large sheet's too, one after another", () => {
    const report = buildReport(quarterly, seed('suzhou-2022-q3'), 'zh-CN', OPTIONS);
    // A sheet of some 2 MB: the kept buffer grows for it and is let go of after it (a form's sheets follow).
    const large = formModel('en');
    const sheet = large.sheets[1];
    large.sheets[1] = { ...sheet, rows: [...sheet.rows, ...Array.from({ length: 3000 }, () => sheet.rows[sheet.rows.length - 1])] };
    for (const model of [formModel('en'), report, large, formModel('zh-CN')]) {
      for (const part of packageParts(model, NOW)) {
        if ('xml' in part) continue;
        const streamed = Buffer.concat(Array.from(part.chunks, (c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
        expect(partBytes(part).equals(streamed)).toBe(true);
      }
    }
  });

  it('is what streamWorkbook writes for a form: the parts yazl streams', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-zip-memory-'));
    try {
      const model = formModel('zh-CN');
      const file = path.join(dir, 'form.xlsx');
      await streamWorkbook(model, file);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const names = packageParts(model, NOW).map((p) => p.name);
      expect(Object.keys(zip.files)).toEqual(names);
      const sheet = whole(model)
        .find((p) => p.name === 'xl/worksheets/sheet2.xml')!
        .bytes.toString('utf8');
      expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).toBe(sheet);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
