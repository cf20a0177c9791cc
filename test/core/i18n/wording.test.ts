import { dateWords, localTimeWords, periodWords } from '../../../src/core/i18n/wording';
import { footerText, MAX_HEADER, truncateHeader } from '../../../src/core/layout/print-text';
import { dateStyle } from '../../../src/core/layout/local-styles';
import { STYLES, type Style } from '../../../src/core/layout/styles';

describe('periods, dates and times as each locale writes them', () => {
  it('writes zh-CN periods as an office does', () => {
    expect(periodWords('2022-Q3', 'zh-CN')).toBe('2022年第三季度');
    expect(periodWords('2022-Q1', 'zh-CN')).toBe('2022年第一季度');
    expect(periodWords('2022-H1', 'zh-CN')).toBe('2022年上半年');
    expect(periodWords('2022-H2', 'zh-CN')).toBe('2022年下半年');
    expect(periodWords('2022-07', 'zh-CN')).toBe('2022年7月');
    expect(periodWords('2022', 'zh-CN')).toBe('2022年');
    expect(periodWords('2022-Q3', 'en')).toBe('2022-Q3');
  });

  it('writes zh-CN dates as 2022年9月20日, and keeps date cells dates through a number format', () => {
    expect(dateWords('2022-09-20', 'zh-CN')).toBe('2022年9月20日');
    expect(dateWords('2022-09-20', 'en')).toBe('2022-09-20');
    expect((STYLES[dateStyle('zh-CN', 'date')] as Style).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect((STYLES[dateStyle('en', 'keyDate')] as Style).numFmt).toBe('yyyy-mm-dd');
  });

  it('writes the generated time as local time with its zone', () => {
    expect(localTimeWords('2026-01-01T00:00:00.000Z', 'en', 480)).toBe('2026-01-01 08:00 (UTC+08:00)');
    expect(localTimeWords('2026-01-01T00:00:00.000Z', 'zh-CN', 480)).toBe('2026年1月1日 08:00（UTC+08:00）');
    expect(localTimeWords('2026-01-01T00:30:00.000Z', 'en', -330)).toBe('2025-12-31 19:00 (UTC-05:30)');
  });
});

describe('page headers and footers', () => {
  it('reads 第 1 页，共 9 页 in zh-CN and Page 1 of 9 in English', () => {
    expect(footerText('概览', 'zh-CN')).toBe('&L概览&R第 &P 页，共 &N 页');
    expect(footerText('Summary', 'en')).toBe('&LSummary&RPage &P of &N');
  });

  it('keeps a header within 255 characters, shortening the long part with an ellipsis', () => {
    const title = 'A'.repeat(322);
    const header = truncateHeader(title, 'Suzhou 2022-Q3');
    expect(header.length).toBeLessThanOrEqual(MAX_HEADER);
    expect(header).toMatch(/^&LA+…&RSuzhou 2022-Q3$/);
    const both = truncateHeader('B & '.repeat(100), 'C'.repeat(300));
    expect(both.length).toBeLessThanOrEqual(MAX_HEADER);
    expect(both).toMatch(/…&RC+…$/);
    expect(both).not.toMatch(/[^&]&[^&LR]/); // no escape split in two
    expect(truncateHeader('Short', 'Region 2022')).toBe('&LShort&RRegion 2022');
  });
});
