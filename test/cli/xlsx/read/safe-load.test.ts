/**
 * Hostile returns: not a workbook, a truncated or damaged zip, zip bombs, a
 * sheet of a million rows, too many entries. Each gets a clear refusal naming
 * the file, never a crash; the good returns beside them still apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { safeLoadWorkbook } from '../../../support/exceljs/reader';
import { cleanTemps, expectNoCrash, formBytes, listing, loadBytes, minimalXlsx, saveBytes, tempDir, writeRegister, zip } from '../../../support/forms';
import { cli } from '../../../support/fixtures';
import type { ReportData } from '../../../../src/core/schema';

afterAll(cleanTemps);

const MB = 1024 * 1024;
const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [{ id: 'P', title: 'p', measures: [{ id: 'M', title: 'm', status: 'in-progress' }] }],
};

/** Raw deflate of `mb` megabytes of spaces, made in 1 MB blocks (each ends on a byte boundary, so blocks concatenate). */
function deflatedSpaces(mb: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MB, 0x20), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array(mb).fill(block), Buffer.from([0x03, 0x00])]);
}

/** Sheet XML with `n` rows (a block of 1,000 distinct rows repeated: larger than deflate's window, so it packs like real rows). */
function rowsXml(n: number): Buffer {
  const block = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${(i * 7919) % 100003}</v></c></row>`).join('');
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  return Buffer.from(`${head}${block.repeat(Math.ceil(n / 1000))}</sheetData></worksheet>`, 'utf8');
}

let dir: string;
const file = (name: string, bytes: Buffer | string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};
let form: Buffer;

beforeAll(async () => {
  dir = tempDir();
  form = await formBytes(DATA, { kind: 'measures', plan: 'P' });
});

describe('safeLoadWorkbook refuses, naming the file', () => {
  it('what is not a workbook: text, a PDF, an empty file, an empty zip, a directory, a missing file', async () => {
    await expect(safeLoadWorkbook(file('text.xlsx', 'Dear colleague, please find attached'))).rejects.toThrow(
      /text\.xlsx: is not an \.xlsx workbook \(not a zip package\)$/,
    );
    await expect(safeLoadWorkbook(file('doc.xlsx', '%PDF-1.7\n...'))).rejects.toThrow('doc.xlsx: is not an .xlsx workbook (not a zip package)');
    await expect(safeLoadWorkbook(file('empty.xlsx', ''))).rejects.toThrow('empty.xlsx: is empty; expected a workbook (.xlsx)');
    await expect(safeLoadWorkbook(file('nothing.xlsx', zip([])))).rejects.toThrow('nothing.xlsx: is an empty zip package; expected an .xlsx workbook');
    await expect(safeLoadWorkbook(dir)).rejects.toThrow(`${dir}: is a directory; expected a workbook (.xlsx)`);
    await expect(safeLoadWorkbook(path.join(dir, 'gone.xlsx'))).rejects.toThrow('gone.xlsx: no such file; expected a workbook (.xlsx)');
  });

  it('an Excel 97-2003 file, or a workbook encrypted with a password to open it', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]);
    await expect(safeLoadWorkbook(file('old.xlsx', ole))).rejects.toThrow(
      'old.xlsx: is an encrypted workbook or an Excel 97-2003 (.xls) file; expected an .xlsx workbook saved without a password to open it',
    );
  });

  it('a truncated zip, and a damaged one', async () => {
    await expect(safeLoadWorkbook(file('half.xlsx', form.subarray(0, Math.floor(form.length / 2))))).rejects.toThrow(
      /half\.xlsx: is not a complete \.xlsx workbook: the zip package is truncated or damaged \(.+\); expected the workbook as saved/,
    );
    const damaged = Buffer.from(form);
    for (let i = 200; i < Math.min(damaged.length - 2000, 4000); i += 7) damaged[i] ^= 0x5a;
    await expect(safeLoadWorkbook(file('damaged.xlsx', damaged))).rejects.toThrow(
      /damaged\.xlsx: (is not a complete \.xlsx workbook|cannot be read as an \.xlsx workbook)/,
    );
  });

  it('a zip bomb: a small file whose sheet unpacks to 300 MB', async () => {
    const bomb = minimalXlsx({ name: 'sheet', deflated: deflatedSpaces(300), size: 300 * MB, crc: 0 });
    expect(bomb.length).toBeLessThan(MB);
    await expect(safeLoadWorkbook(file('bomb.xlsx', bomb))).rejects.toThrow(
      /bomb\.xlsx: holds a part \(xl\/worksheets\/sheet1\.xml\) that unpacks to 300\.0 MB from \d+ KB, a ratio of \d+:1; expected a workbook, not a zip bomb/,
    );
  });

  it('a zip bomb that lies about its sizes (small declared size, 300 MB inside)', async () => {
    const liar = minimalXlsx({ name: 'sheet', deflated: deflatedSpaces(300), size: 4000, crc: 0 });
    await expect(safeLoadWorkbook(file('liar.xlsx', liar))).rejects.toThrow(
      'liar.xlsx: holds a part that unpacks to more than the size it declares; expected a workbook, not a zip bomb',
    );
  });

  it('a sheet of a million rows, counted as it unpacks, before exceljs reads it', async () => {
    const xml = rowsXml(1_000_000);
    const million = minimalXlsx({ name: 'sheet', deflated: zlib.deflateRawSync(xml, { level: 1 }), size: xml.length, crc: 0 });
    const f = file('million.xlsx', million);
    await expect(safeLoadWorkbook(f)).rejects.toThrow(
      'million.xlsx: has more than 100,000 rows in its sheets; expected a workbook of at most that many (refused before it is read whole)',
    );
    // extract's limit is larger, still far below a million.
    const r = await cli('extract', f, '--out', path.join(dir, 'million.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${f}: has more than 400,000 rows in its sheets; expected a workbook of at most that many (refused before it is read whole)`]);
  });

  it('too many zip entries, and an encrypted entry', async () => {
    const many = zip(Array.from({ length: 2500 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<x/>') })));
    await expect(safeLoadWorkbook(file('many.xlsx', many))).rejects.toThrow('many.xlsx: holds 2500 zip entries; expected a workbook of at most 2000');
    const enc = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<a/>') }]);
    enc.writeUInt16LE(0x0801, 6); // local header: encrypted
    enc.writeUInt16LE(0x0801, enc.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8); // central directory: encrypted
    await expect(safeLoadWorkbook(file('enc.xlsx', enc))).rejects.toThrow(
      'enc.xlsx: is encrypted (a zip entry needs a password); expected a workbook saved without a password',
    );
  });

  it('a valid zip that is no workbook, and a workbook exceljs cannot read', async () => {
    await expect(safeLoadWorkbook(file('notxlsx.xlsx', zip([{ name: 'readme.txt', data: Buffer.from('hello') }])))).rejects.toThrow(
      'notxlsx.xlsx: is a zip package but not a workbook (it has no xl/workbook.xml); expected an .xlsx workbook',
    );
    const broken = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') },
    ]);
    await expect(safeLoadWorkbook(file('broken.xlsx', broken))).rejects.toThrow(
      /broken\.xlsx: (cannot be read as an \.xlsx workbook \(.+\)|has no sheets; expected an \.xlsx workbook)$/,
    );
  });

  it('still loads a real form, and a large honest one', async () => {
    const wb = await safeLoadWorkbook(file('form.xlsx', form));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instructions', 'Measures', '_plan_report_form']);
    const big = await loadBytes(form);
    const ws = big.getWorksheet('Measures')!;
    for (let r = 20; r < 5020; r++) ws.getCell(r, 9).value = `note ${r} `.repeat(20);
    await expect(safeLoadWorkbook(file('big.xlsx', await saveBytes(big)))).resolves.toBeTruthy();
  });
});

describe('collect with hostile returns among good ones', () => {
  it('refuses each clearly, applies the good one, exits 1, and never crashes', async () => {
    const d = tempDir();
    const data = path.join(d, 'data.yaml');
    fs.writeFileSync(
      data,
      'format: plan-report/v1\nreport: { title: T, region: R, period: 2024-Q3 }\nplans:\n  - id: P\n    title: p\n    measures:\n      - { id: M, title: m, status: in-progress }\n',
    );
    writeRegister(data); // the register of sent forms that `form` would have written
    const good = await loadBytes(form);
    good.getWorksheet('Measures')!.getCell('F8').value = 'Completed';
    const put = (name: string, bytes: Buffer | string) => {
      const f = path.join(d, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const goodFile = put('good.xlsx', await saveBytes(good));
    const hostile = [
      put('letter.xlsx', 'not a workbook'),
      put('half.xlsx', form.subarray(0, 3000)),
      put('bomb.xlsx', minimalXlsx({ name: 'sheet', deflated: deflatedSpaces(200), size: 200 * MB, crc: 0 })),
      put('rows.xlsx', minimalXlsx({ name: 'sheet', data: rowsXml(150_000) })),
    ];
    const r = await cli('collect', data, hostile[0], goodFile, ...hostile.slice(1));
    expect(r.code).toBe(1);
    for (const h of hostile) expect(r.err).toContainEqual(expect.stringMatching(new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (?!refused)`)));
    expect(r.err.filter((l) => / refused \(1 problem\)/.test(l))).toHaveLength(4);
    expect(r.out.at(-1)).toBe(`${data}: written (1 change from 1 return); 4 returns refused`);
    expect(fs.readFileSync(data, 'utf8')).toContain('{ id: M, title: m, status: completed }');
    expect(listing(d)).toEqual(['bomb.xlsx', 'data.yaml', 'data.yaml.forms.json', 'good.xlsx', 'half.xlsx', 'letter.xlsx', 'rows.xlsx']);
    expectNoCrash(r);
  });
});
