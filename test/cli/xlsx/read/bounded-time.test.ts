/**
 * Hostile returns are refused or read in about the time of a normal return
 * of the same size (times compared with each other, never with a clock
 * limit): styles.xml full of unclosed `<numFmts>`, a sheet with unclosed
 * `<mergeCell` after its end, and random byte-level damage to real forms.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { RETURN_LIMITS, safeLoadGrid } from '../../../../src/cli/xlsx/read/safe-load';
import { InputError } from '../../../../src/core/errors';
import { readReturn } from '../../../../src/core/forms/reader';
import type { GridWorkbook } from '../../../../src/core/read/grid';
import type { ReportData } from '../../../../src/core/schema';
import { cleanTemps, formBytes, tempDir } from '../../../support/forms';
import { handmade } from './handmade';

afterAll(cleanTemps);

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
let n = 0;
const put = (bytes: Buffer) => {
  const f = path.join(dir, `t${n++}.xlsx`);
  fs.writeFileSync(f, bytes);
  return f;
};

/** Loads the workbook and reads every cell of sheet S: the best of 3 runs, in ms, and whether it was refused. */
async function timeRead(bytes: Buffer): Promise<{ ms: number; refused: boolean }> {
  const f = put(bytes);
  let best = Infinity;
  let refused = false;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    try {
      const s = (await safeLoadGrid(f)).sheet('S')!;
      for (let r = 1; r <= s.rowCount; r++) s.cell(r, 1);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      refused = true;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: best, refused };
}

/** `head`, a comment's worth of x, `tail`: `length` characters in all. */
const padded = (length: number, head: string, tail: string) => `${head}${'x'.repeat(length - head.length - tail.length)}${tail}`;
const CELLS = '<sheetData><row r="1"><c r="A1" s="1"><v>45550</v></c></row></sheetData>';
const XFS = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';

describe('hostile returns take about the time of normal ones of their size', () => {
  it('styles.xml with 110,000 unclosed <numFmts> (1 MB)', async () => {
    const count = 110_000;
    const styles = [`${'<numFmts>'.repeat(count)}${XFS}`, padded(9 * count + XFS.length, '<numFmts count="0"></numFmts><!--', `-->${XFS}`)];
    expect(styles[0].length).toBe(styles[1].length);
    const [h, o] = [
      await timeRead(handmade([{ name: 'S', xml: CELLS }], { styles: styles[0] })),
      await timeRead(handmade([{ name: 'S', xml: CELLS }], { styles: styles[1] })),
    ];
    expect([h.refused, o.refused]).toEqual([false, false]);
    expect(h.ms).toBeLessThan(10 * o.ms + 20);
  });

  it('80,000 unclosed <mergeCell after the end of a sheet (after </worksheet>)', async () => {
    // Under 1 MB unpacked: larger, such a repetitive part is refused for its packing ratio before it is read.
    const count = 80_000;
    const after = ['<mergeCell a'.repeat(count), padded(12 * count, '<!--', '-->')];
    expect(after[0].length).toBe(after[1].length);
    const [h, o] = [
      await timeRead(handmade([{ name: 'S', xml: CELLS, after: after[0] }], { styles: XFS })),
      await timeRead(handmade([{ name: 'S', xml: CELLS, after: after[1] }], { styles: XFS })),
    ];
    expect(h.refused).toBe(true);
    expect(o.refused).toBe(false);
    expect(h.ms).toBeLessThan(10 * o.ms + 20);
  });
});

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'R', period: '2024-Q3' },
  plans: [
    {
      id: 'P',
      title: 'p',
      measures: Array.from({ length: 200 }, (_, i) => ({ id: `M${i}`, title: `measure ${i}`, status: 'in-progress' as const, lead: 'B', due: '2024-12-31' })),
    },
  ],
};

/** Pieces that open markup and never close it, and others that break it. */
const SNIPPETS = ['<numFmts>', '<mergeCell a', '<c r="A1"', '<!--', '<![CDATA[', '<?x', '<!DOCTYPE x [', '"', "'", '<', '>', '&#x', '</', '<row r="9999999">'];

describe('random damage to a return', () => {
  it('is refused or read, in bounded time', async () => {
    const base = await formBytes(DATA, { kind: 'measures', plan: 'P' });
    const z = await JSZip.loadAsync(base);
    const names = Object.keys(z.files).filter((f) => f.endsWith('.xml') || f.endsWith('.rels'));
    const texts = new Map(await Promise.all(names.map(async (f) => [f, await z.file(f)!.async('string')] as const)));
    const read = async (bytes: Buffer) => {
      const f = put(bytes);
      const t = process.hrtime.bigint();
      try {
        readReturn(await safeLoadGrid(f, RETURN_LIMITS), f, DATA, 'data.yaml');
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
      }
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const normal = Math.min(await read(base), await read(base), await read(base));
    const damage = fc.record({
      part: fc.constantFrom(...names),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          cut: fc.nat({ max: 200 }),
          insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 })),
          repeat: fc.integer({ min: 1, max: 20_000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(damage, fc.nat(), fc.nat({ max: 255 }), async ({ part, edits }, byteAt, byte) => {
        let text = texts.get(part)!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert.repeat(e.repeat) + text.slice(at + e.cut);
        }
        const zz = await JSZip.loadAsync(base);
        zz.file(part, text);
        const bytes = await zz.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        // The XML damaged, then (once in four) one byte of the package itself.
        if (byteAt % 4 === 0) bytes[byteAt % bytes.length] = byte;
        const ms = await read(bytes);
        const scale = Math.max(1, bytes.length / base.length);
        expect(ms).toBeLessThan(20 * scale * normal + 200);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('a cell far below a return', () => {
  const place = async (row: number) => {
    const z = await JSZip.loadAsync(await formBytes(DATA, { kind: 'measures', plan: 'P' }));
    const sheets = Object.keys(z.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const sizes = await Promise.all(sheets.map(async (f) => (await z.file(f)!.async('string')).length));
    const part = sheets[sizes.indexOf(Math.max(...sizes))];
    const xml = await z.file(part)!.async('string');
    z.file(part, xml.replace('</sheetData>', `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`));
    return put(await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  };
  let cells = 0;
  /** The workbook, counting the cells read. */
  const counted = (wb: GridWorkbook): GridWorkbook =>
    new Proxy(wb, {
      get(target, key, receiver) {
        if (key !== 'sheet') return Reflect.get(target, key, receiver);
        return (name: string, columns?: number) => {
          const sheet = target.sheet(name, columns);
          if (!sheet) return sheet;
          return new Proxy(sheet, {
            get(t, k, r) {
              if (k !== 'cell') return Reflect.get(t, k, r);
              return (row: number, col: number) => (cells++, t.cell(row, col));
            },
          });
        };
      },
    });
  const problems = async (file: string) => {
    try {
      readReturn(counted(await safeLoadGrid(file, RETURN_LIMITS)), file, DATA, 'data.yaml');
      return [];
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return err.problems.map((p) => `${p.cell ?? ''} ${p.message}`);
    }
  };

  it("on Excel's last row is named, without walking the rows between", async () => {
    cells = 0;
    const near = await problems(await place(300));
    const nearCells = cells;
    cells = 0;
    const found = await problems(await place(1_048_576));
    expect(near.some((p) => /!A300 is below the form's rows/.test(p))).toBe(true);
    expect(found.some((p) => /!A1048576 is below the form's rows/.test(p))).toBe(true);
    // The far cell costs what the near one does: the million rows between are not read (they were, ten cells each).
    expect(cells).toBeLessThan(nearCells + 100);
  });

  it("beyond Excel's last row is refused as no workbook Excel saved", async () => {
    const found = await problems(await place(999_999_999));
    expect(found.join('\n')).toMatch(/beyond Excel's last row/);
  });
});
