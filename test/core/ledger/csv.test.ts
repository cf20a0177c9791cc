/**
 * The core's reading of CSV ledgers (core/ledger/csv.ts), which the command
 * line and the add-in share: the platform's TextDecoder (the add-in's)
 * decodes as iconv-lite (the command line's) does, and the stream-free
 * parser gives what fast-csv's own stream gives, on random text.
 */
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import { decodeCsv as decodeCli } from '../../../src/cli/ledger/csv';
import { csvRecords, CsvSyntaxError, decodeCsv, looksBinary } from '../../../src/core/ledger/csv';
import { csvBytes, csvText, type CsvEncoding } from '../../support/ledger';

/** fast-csv's stream, as the command line read CSV before: its records, or `error`. */
function streamed(text: string, delimiter: string): Promise<string[][] | 'error'> {
  return new Promise((resolve) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter, ignoreEmpty: false, trim: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', () => resolve('error'))
      .on('end', () => resolve(rows));
  });
}

function parsed(text: string): string[][] | 'error' {
  try {
    return csvRecords(text);
  } catch (err) {
    expect(err).toBeInstanceOf(CsvSyntaxError);
    return 'error';
  }
}

describe('decoding CSV bytes with the platform TextDecoder (the add-in) and iconv-lite (the command line)', () => {
  const texts = [
    '序号,重点任务,完成情况\r\n1,建设新型研发机构,已完成\r\n',
    'Task,Status\r\nCafé,Done\r\n',
    '任务,备注\r\n检测,𠀀 🧬 鿿\r\n',
    '任务\t状态\r\n甲\t推进中\r\n',
  ];
  const encodings: CsvEncoding[] = ['utf8', 'utf8-bom', 'gbk', 'gb18030', 'utf16le'];

  it.each(encodings)('%s: the same text and encoding', (encoding) => {
    for (const text of texts) {
      if (encoding === 'gbk' && /[𠀀🧬鿿é]/u.test(text)) continue; // not in GBK
      const bytes = csvBytes(text, encoding);
      const got = decodeCsv(new Uint8Array(bytes));
      expect(got).toEqual(decodeCli(bytes));
      expect(got.text).toBe(text);
      expect(got.encoding).toBe({ utf8: 'UTF-8', 'utf8-bom': 'UTF-8', gbk: 'GB18030', gb18030: 'GB18030', utf16le: 'UTF-16' }[encoding]);
    }
  });

  it('takes GBK that happens to be valid UTF-8 as GBK', () => {
    // 医药 in GBK is D2 BD D2 A9: two valid two-byte UTF-8 sequences (Ҽ ҩ), no Chinese.
    const bytes = csvBytes('Task,医药', 'gbk');
    expect(decodeCsv(new Uint8Array(bytes))).toEqual({ text: 'Task,医药', encoding: 'GB18030' });
  });

  it('tells binary bytes from UTF-16 text', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0, 1]))).toBe(true);
    expect(looksBinary(new Uint8Array(csvBytes('任务\r\n', 'utf16le')))).toBe(false);
    expect(looksBinary(new Uint8Array(csvBytes('任务\r\n', 'gbk')))).toBe(false);
  });
});

describe("CSV text to records, by fast-csv's parser without its stream", () => {
  it('reads quotes, doubled quotes, CR LF, line breaks inside quotes and blank lines', () => {
    expect(csvRecords('a,b\r\n"x ""q"", y","two\nlines"\r\n\r\n,,\r\nlast')).toEqual([['a', 'b'], ['x "q", y', 'two\nlines'], [], ['', '', ''], ['last']]);
    expect(csvRecords('任务\t状态\n甲, 乙\t推进中\n')).toEqual([
      ['任务', '状态'],
      ['甲, 乙', '推进中'],
    ]);
  });

  it('says why text is not CSV', () => {
    expect(() => csvRecords('a,"b\n')).toThrow(expect.objectContaining({ kind: 'unclosed-quote', reason: `Parse Error: missing closing: '"'` }));
    expect(() => csvRecords('a,"b"c\n')).toThrow(expect.objectContaining({ kind: 'after-quote', got: 'c' }));
  });

  it("gives fast-csv's stream's records (or its refusal) on random text", async () => {
    const char = fc.constantFrom('a', '中', ',', '\t', '"', ' ', '\r', '\n', '\u3000');
    // A BOM only first: fast-csv's stream drops one wherever its last chunk starts, a quirk no file shows.
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(char, { maxLength: 40 }), async (bom, chars) => {
        const text = (bom ? '\ufeff' : '') + chars.join('');
        const delimiter = /^[^\r\n]*/.exec(text)![0];
        const expected = await streamed(text, delimiter.includes('\t') && !delimiter.includes(',') ? '\t' : ',');
        expect(parsed(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back what Excel writes, random rows of random text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', ' ', '\r\n', '\n', '𠀀'), maxLength: 8 }).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(csvRecords(csvText(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
