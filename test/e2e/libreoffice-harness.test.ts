import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { convertToPdf, findSoffice, recalculate } from '../support/libreoffice';

const soffice = findSoffice();
// Without LibreOffice the suite fails loudly (see the first test) rather than
// skipping: a recalculation check that silently does not run proves nothing.

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-lo-test-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeWrongCache(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 21;
  // The cached result is deliberately wrong: only a real recalculation gives 42.
  ws.getCell('B1').value = { formula: 'A1*2', result: 999 };
  ws.getCell('B2').value = { formula: 'SUM(A1,B1)', result: -1 };
  await wb.xlsx.writeFile(file);
}

describe('LibreOffice harness', () => {
  test('soffice is installed', () => {
    expect(soffice).not.toBeNull();
  });

  test('recalculate forces a full recalculation on load', async () => {
    const input = path.join(dir, 'in', 'wrong-cache.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    await writeWrongCache(input);

    const [out] = await recalculate([input], path.join(dir, 'out'));
    expect(out).toBe(path.join(dir, 'out', 'wrong-cache.xlsx'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out as string);
    const ws = wb.getWorksheet('S');
    expect(ws).toBeDefined();
    const b1 = ws?.getCell('B1').value as ExcelJS.CellFormulaValue;
    const b2 = ws?.getCell('B2').value as ExcelJS.CellFormulaValue;
    expect(b1.formula).toBe('A1*2');
    expect(b1.result).toBe(42);
    expect(b2.result).toBe(63);
  });

  test('several inputs in one run come back in input order', async () => {
    const a = path.join(dir, 'multi', 'b-first.xlsx');
    const b = path.join(dir, 'multi', 'a-second.xlsx');
    fs.mkdirSync(path.dirname(a), { recursive: true });
    await writeWrongCache(a);
    await writeWrongCache(b);
    const outs = await recalculate([a, b], path.join(dir, 'multi-out'));
    expect(outs).toEqual([path.join(dir, 'multi-out', 'b-first.xlsx'), path.join(dir, 'multi-out', 'a-second.xlsx')]);
    for (const out of outs) expect(fs.statSync(out).size).toBeGreaterThan(0);
  });

  test('concurrent calls each use their own profile', async () => {
    const inputs = [0, 1].map((i) => path.join(dir, 'conc', `c${i}.xlsx`));
    fs.mkdirSync(path.join(dir, 'conc'), { recursive: true });
    for (const input of inputs) await writeWrongCache(input);
    const outs = await Promise.all(inputs.map((input, i) => recalculate([input], path.join(dir, `conc-out${i}`))));
    for (const [out] of outs) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out as string);
      expect((wb.getWorksheet('S')?.getCell('B1').value as ExcelJS.CellFormulaValue).result).toBe(42);
    }
  });

  test('rejects a missing input file clearly', async () => {
    const missing = path.join(dir, 'no-such-file.xlsx');
    await expect(recalculate([missing], path.join(dir, 'out-missing'))).rejects.toThrow(/input file does not exist: .*no-such-file\.xlsx/);
  });

  test('refuses to overwrite an input', async () => {
    const input = path.join(dir, 'same', 'x.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    await writeWrongCache(input);
    await expect(recalculate([input], path.dirname(input))).rejects.toThrow(/would overwrite an input/);
  });

  test('rejects a file LibreOffice cannot load (soffice exits 0 without output)', async () => {
    const bogus = path.join(dir, 'bogus', 'broken.xlsx');
    fs.mkdirSync(path.dirname(bogus), { recursive: true });
    fs.writeFileSync(bogus, 'PK\u0003\u0004 this is not a zip');
    await expect(recalculate([bogus], path.join(dir, 'bogus-out'))).rejects.toThrow(/wrote no output|timed out/);
  });

  test('kills soffice and rejects on timeout', async () => {
    const input = path.join(dir, 'timeout', 'slow.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    await writeWrongCache(input);
    await expect(recalculate([input], path.join(dir, 'timeout-out'), { timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms/);
    expect(fs.existsSync(path.join(dir, 'timeout-out', 'slow.xlsx'))).toBe(false);
  });

  test('says how to install when soffice is missing', async () => {
    const input = path.join(dir, 'in', 'wrong-cache.xlsx');
    await expect(recalculate([input], path.join(dir, 'out-nosoffice'), { soffice: path.join(dir, 'no-soffice-here') })).rejects.toThrow(
      /install libreoffice-calc-nogui/,
    );
  });

  test('convertToPdf writes a PDF', async () => {
    const input = path.join(dir, 'pdf', 'report.xlsx');
    fs.mkdirSync(path.dirname(input), { recursive: true });
    await writeWrongCache(input);
    const pdf = await convertToPdf(input, path.join(dir, 'pdf-out'));
    expect(pdf).toBe(path.join(dir, 'pdf-out', 'report.pdf'));
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
