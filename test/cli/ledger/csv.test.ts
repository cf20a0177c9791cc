import iconv from 'iconv-lite';
import { decodeCsv, parseCsv } from '../../../src/cli/ledger/csv';
import { csvBytes, csvText } from '../../support/ledger';

describe('CSV bytes to text', () => {
  const text = '序号,重点任务,完成情况\r\n1,建设创新平台,已完成\r\n';

  it('reads UTF-8 with and without a BOM, GBK, GB18030 and UTF-16', () => {
    expect(decodeCsv(csvBytes(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeCsv(csvBytes(text, 'utf8-bom'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeCsv(csvBytes(text, 'gbk'))).toEqual({ text, encoding: 'GB18030' });
    expect(decodeCsv(csvBytes('任务,备注\r\n检测,𠀀 🧬\r\n', 'gb18030'))).toEqual({ text: '任务,备注\r\n检测,𠀀 🧬\r\n', encoding: 'GB18030' });
    expect(decodeCsv(csvBytes('任务\t状态\r\n甲\t推进中\r\n', 'utf16le'))).toEqual({ text: '任务\t状态\r\n甲\t推进中\r\n', encoding: 'UTF-16' });
  });

  it('takes GBK bytes that happen to be valid UTF-8 for GBK', () => {
    // 医药 in GBK is D2 BD D2 A9: valid UTF-8 too, for two Cyrillic letters.
    const bytes = iconv.encode('Task,医药', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(decodeCsv(bytes)).toEqual({ text: 'Task,医药', encoding: 'GB18030' });
  });

  it('keeps plain ASCII and accented UTF-8 as UTF-8', () => {
    expect(decodeCsv(Buffer.from('Task,Status\r\nCafé,Done\r\n'))).toEqual({ text: 'Task,Status\r\nCafé,Done\r\n', encoding: 'UTF-8' });
  });
});

describe('CSV text to records', () => {
  it('reads quotes, doubled quotes, CR LF and line breaks inside quotes, keeping blank lines as empty records', async () => {
    expect(await parseCsv('a,b\r\n"x ""q"", y","two\nlines"\r\n\r\n,,\r\nlast')).toEqual([['a', 'b'], ['x "q", y', 'two\nlines'], [], ['', '', ''], ['last']]);
  });

  it('reads tab-separated text', async () => {
    expect(await parseCsv('任务\t状态\n甲, 乙\t推进中\n')).toEqual([
      ['任务', '状态'],
      ['甲, 乙', '推进中'],
    ]);
  });

  it('reads back what the test writer writes', async () => {
    const rows = [
      ['a', 'b,c', ' d ', 'e"f', 'g\r\nh'],
      ['1', '', '', '', ''],
    ];
    expect(await parseCsv(csvText(rows))).toEqual(rows);
  });

  it('rejects an unclosed quote', async () => {
    await expect(parseCsv('a,"b\n')).rejects.toThrow(/missing closing/);
  });
});
