/** The zip writers' CRC-32: Node's own, or buffer-crc32 on a Node without zlib.crc32 (before 20.15), the same values. */
import { crc32 } from '../../../../src/cli/xlsx/write/native-crc';

type Crc = typeof crc32;

/** native-crc's crc32 as it loads on a Node whose zlib has no crc32. */
function withoutNative(): Crc {
  let loaded: Crc | undefined;
  jest.isolateModules(() => {
    jest.doMock('node:zlib', () => ({ ...jest.requireActual<object>('node:zlib'), crc32: undefined }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (require('../../../../src/cli/xlsx/write/native-crc') as { crc32: Crc }).crc32;
    jest.dontMock('node:zlib');
  });
  return loaded!;
}

/** CRC-32 (IEEE, reflected) bit by bit: the reference. */
function reference(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

describe('CRC-32 of zip entries', () => {
  const samples = [Buffer.alloc(0), Buffer.from('plan-report 医药 🧬'), Buffer.alloc(70_000, 0x61), new Uint8Array([0, 255, 1, 254]).subarray(1, 3)];

  it('gives the CRC-32 of the bytes, continuing a previous one, with zlib.crc32 or without it', () => {
    expect(reference(Buffer.from('a'))).toBe(0xe8b7be43);
    for (const crc of [crc32, withoutNative()]) {
      for (const bytes of samples) {
        expect(crc(bytes)).toBe(reference(bytes));
        expect(crc(bytes, 0x1234abcd)).toBe(reference(bytes, 0x1234abcd));
      }
      // In parts, as the block writer computes it.
      const whole = Buffer.from('<row r="1"><c><v>42</v></c></row>'.repeat(1000));
      expect(crc(whole.subarray(7000), crc(whole.subarray(0, 7000)))).toBe(reference(whole));
    }
  });
});
