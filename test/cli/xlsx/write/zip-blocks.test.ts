/**
 * The block writer (zip-blocks.ts) against yazl, which wrote every large
 * package before it: the same entries in the same layout (only the deflated
 * bytes differ), read back by yauzl and jszip as the parts' own bytes, in
 * zip64 form too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import * as yauzl from 'yauzl';
import { BLOCK_BYTES, zipInBlocks, type ZipOptions } from '../../../../src/cli/xlsx/write/zip-blocks';
import { partBytes, type Part } from '../../../../src/cli/xlsx/write/parts';
import { yazlZip } from '../../../support/yazl-zip';
import { madeWhole } from '../../../../src/cli/xlsx/write/write-stream';

const MTIME = new Date('2026-03-04T05:06:07Z');

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-zip-blocks-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rows of XML-like text with Chinese in them, cut into chunks of `chunk` bytes at most (UTF-8, whole characters). */
function* rowChunks(rows: number, chunk = 1 << 16): Generator<string | Uint8Array> {
  yield '<sheetData>';
  let text = '';
  for (let r = 1; r <= rows; r++) {
    text += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>指标 ${r % 97} 苏州高新区</t></is></c><c r="B${r}"><v>${(r * 7919) % 10007}</v></c></row>`;
    if (text.length * 3 >= chunk) {
      yield r % 2 ? Buffer.from(text, 'utf8') : text;
      text = '';
    }
  }
  yield `${text}</sheetData>`;
}

/** A package of every kind of part: text, a small sheet, a chart (chunks, no rows), large sheets, an empty one. */
function package_(): Part[] {
  return [
    { name: '[Content_Types].xml', xml: '<?xml version="1.0"?><Types/>' },
    { name: 'xl/worksheets/sheet1.xml', chunks: { [Symbol.iterator]: () => rowChunks(150) }, rows: 150 },
    { name: 'xl/charts/chart1.xml', chunks: { [Symbol.iterator]: () => rowChunks(3) } },
    { name: 'xl/worksheets/sheet2.xml', chunks: { [Symbol.iterator]: () => rowChunks(40_000) }, rows: 40_000 },
    // Exactly two blocks: the last block deflated is empty.
    { name: 'xl/worksheets/sheet3.xml', chunks: [new Uint8Array(BLOCK_BYTES).fill(0x61), new Uint8Array(BLOCK_BYTES).fill(0x62)], rows: 5000 },
    { name: 'xl/worksheets/sheet4.xml', chunks: [], rows: 5000 },
    { name: 'xl/workbook.xml', xml: '<workbook>名称</workbook>' },
  ];
}

async function blocks(parts: Part[], options: Partial<ZipOptions> = {}): Promise<Buffer> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  await zipInBlocks(parts, file, { level: 3, mtime: MTIME, whole: madeWhole, ...options });
  return fs.readFileSync(file);
}

/** Every entry read by yauzl (which checks the sizes and CRC as it inflates), by name, in the zip's order. */
function yauzlEntries(zip: Buffer): Promise<[string, Buffer][]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (err, file) => {
      if (err) return reject(err);
      const out: [string, Buffer][] = [];
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push([entry.fileName, Buffer.concat(chunks)]);
            file.readEntry();
          });
        }),
      );
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/** Whether the entries read are the parts, in order, byte for byte (a Buffer's equals: toEqual walks each byte). */
function sameParts(read: [string, Buffer][], parts: Part[]): boolean {
  return read.length === parts.length && read.every(([name, bytes], i) => name === parts[i].name && bytes.equals(partBytes(parts[i])));
}

/** The fields a central entry (from its offset 6) and a local header (from 4) share: version needed to CRC. */
function sharedFields(zip: Buffer, at: number) {
  return {
    needed: zip.readUInt16LE(at),
    flags: zip.readUInt16LE(at + 2),
    method: zip.readUInt16LE(at + 4),
    time: zip.readUInt16LE(at + 6),
    date: zip.readUInt16LE(at + 8),
    crc: zip.readUInt32LE(at + 10),
  };
}

interface Layout {
  local: Record<string, number | string>;
  central: Record<string, number | string>;
  descriptor?: Record<string, number>;
}

/** The fields of each entry's local header, data descriptor and central entry, but those that hold compressed sizes or offsets. */
function layout(zip: Buffer): { entries: Layout[]; end: Record<string, number | boolean> } {
  const { entries, end } = read(zip);
  return { entries, end };
}

/** The layout, and each entry's compressed size. */
function read(zip: Buffer): { entries: Layout[]; end: Record<string, number | boolean>; compressed: Map<string, number> } {
  const sizes = new Map<string, number>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const zip64 = zip.readUInt32LE(eocd - 20) === 0x07064b50;
  const count = zip64 ? Number(zip.readBigUInt64LE(eocd - 20 - 56 + 32)) : zip.readUInt16LE(eocd + 10);
  let at = zip64 ? Number(zip.readBigUInt64LE(eocd - 20 - 56 + 48)) : zip.readUInt32LE(eocd + 16);
  const entries: Layout[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    let offset = zip.readUInt32LE(at + 42);
    let compressed = zip.readUInt32LE(at + 20);
    const wide = extra.length > 9;
    if (wide) {
      expect(extra.readUInt16LE(9)).toBe(1);
      compressed = Number(extra.readBigUInt64LE(9 + 12));
      offset = Number(extra.readBigUInt64LE(9 + 20));
    }
    const central = {
      name,
      madeBy: zip.readUInt16LE(at + 4),
      ...sharedFields(zip, at + 6),
      size: wide ? Number(extra.readBigUInt64LE(9 + 4)) : zip.readUInt32LE(at + 24),
      sizeField: wide ? zip.readUInt32LE(at + 24) : 'plain',
      extraLength,
      // The Info-ZIP time stamp; zip64's tag and length.
      stamp: extra.subarray(0, 9).toString('hex'),
      zip64Head: wide ? extra.subarray(9, 13).toString('hex') : '',
      attributes: zip.readUInt32LE(at + 38),
    };
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    const localName = zip.readUInt16LE(offset + 26);
    const localExtra = zip.readUInt16LE(offset + 28);
    const local = {
      ...sharedFields(zip, offset + 4),
      size: zip.readUInt32LE(offset + 22),
      compressedKnown: zip.readUInt32LE(offset + 18) === 0 ? 0 : 1,
      extra: localExtra,
    };
    let descriptor: Record<string, number> | undefined;
    if (local.flags & 8) {
      const d = offset + 30 + localName + localExtra + compressed;
      descriptor = {
        signature: zip.readUInt32LE(d),
        crc: zip.readUInt32LE(d + 4),
        size: wide ? Number(zip.readBigUInt64LE(d + 16)) : zip.readUInt32LE(d + 12),
        compressedMatches: (wide ? Number(zip.readBigUInt64LE(d + 8)) : zip.readUInt32LE(d + 8)) === compressed ? 1 : 0,
      };
    }
    entries.push({ local, central, descriptor });
    sizes.set(name, compressed);
    at += 46 + nameLength + extraLength + zip.readUInt16LE(at + 32);
  }
  expect(at).toBe(zip64 ? eocd - 20 - 56 : eocd);
  return { entries, end: { zip64, count, comment: zip.readUInt16LE(eocd + 20) }, compressed: sizes };
}

describe('zip in blocks', () => {
  it('lays the entries out as yazl does, and every part reads back as its bytes (yauzl, jszip)', async () => {
    const parts = package_();
    const ours = await blocks(parts);
    expect(layout(ours)).toEqual(layout(await yazlZip(parts, MTIME)));
    expect(sameParts(await yauzlEntries(ours), parts)).toBe(true);
    const zip = await JSZip.loadAsync(ours);
    for (const p of parts) expect(Buffer.from(await zip.file(p.name)!.async('uint8array')).equals(partBytes(p))).toBe(true);
    // The large sheet went in several blocks, each given the 32 KB before it: no larger than one stream's deflate.
    const sheet = partBytes(parts[3]);
    expect(sheet.length).toBeGreaterThan(4 * BLOCK_BYTES);
    const oneStream = zlib.deflateRawSync(sheet, { level: 3 }).length;
    expect(read(ours).compressed.get('xl/worksheets/sheet2.xml')).toBeLessThanOrEqual(oneStream * 1.01);
  });

  it('writes zip64 records as yazl does when sizes and offsets pass the bound', async () => {
    const parts = package_();
    const ours = await blocks(parts, { zip64Above: -1 });
    const theirs = await yazlZip(parts, MTIME, { zip64: true });
    const [a, b] = [layout(ours), layout(theirs)];
    expect(a.end.zip64).toBe(true);
    expect(a.entries.every((e) => e.central.needed === 45)).toBe(true);
    expect(a).toEqual(b);
    expect(sameParts(await yauzlEntries(ours), parts)).toBe(true);
  });

  it('turns to zip64 only for the entries past the bound', async () => {
    const parts = package_();
    const ours = await blocks(parts, { zip64Above: 100_000 });
    const wide = layout(ours).entries.map((e) => [e.central.name, e.central.needed === 45]);
    // sheet2 is large; every entry after it starts past the bound.
    expect(wide).toEqual([
      ['[Content_Types].xml', false],
      ['xl/worksheets/sheet1.xml', false],
      ['xl/charts/chart1.xml', false],
      ['xl/worksheets/sheet2.xml', true],
      ['xl/worksheets/sheet3.xml', true],
      ['xl/worksheets/sheet4.xml', true],
      ['xl/workbook.xml', true],
    ]);
    expect(layout(ours).end.zip64).toBe(true);
    expect(sameParts(await yauzlEntries(ours), parts)).toBe(true);
  });

  it('rejects with the error of a part that fails half way, after the blocks in flight', async () => {
    const failing: Part = {
      name: 'xl/worksheets/sheet9.xml',
      rows: 40_000,
      chunks: {
        *[Symbol.iterator]() {
          let n = 0;
          for (const c of rowChunks(40_000)) {
            if (++n === 20) throw new Error('the data file changed while it was read');
            yield c;
          }
        },
      },
    };
    await expect(blocks([package_()[3], failing])).rejects.toThrow('the data file changed while it was read');
  });
});
