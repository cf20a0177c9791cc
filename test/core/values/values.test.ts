import {
  describeValueProblem,
  parseCategoryWord,
  parseDateText,
  parseKindWord,
  parseNumber,
  parsePercent,
  parsePeriodText,
  parseStatusWord,
  parseWholeNumber,
  periodIn,
  type Parsed,
} from '../../../src/core/values';

const value = <T>(r: Parsed<T>): T | 'problem' => (r.ok ? r.value : 'problem');

describe('status words', () => {
  it.each([
    ['已完成', 'completed'],
    ['完成', 'completed'],
    [' 已 完成 ', 'completed'],
    ['推进中', 'in-progress'],
    ['正在推进', 'in-progress'],
    ['进行中', 'in-progress'],
    ['未启动', 'not-started'],
    ['尚未启动', 'not-started'],
    ['滞后', 'delayed'],
    ['延期', 'delayed'],
    ['取消', 'cancelled'],
    ['已取消', 'cancelled'],
    ['Completed', 'completed'],
    ['IN PROGRESS', 'in-progress'],
    ['in-progress', 'in-progress'],
    ['Not started', 'not-started'],
    ['canceled', 'cancelled'],
    ['Delayed', 'delayed'],
  ])('%s -> %s', (word, status) => expect(value(parseStatusWord(word))).toBe(status));

  it('reads a status word that begins a longer text, keeping the text', () => {
    expect(parseStatusWord('已完成，第一批名单已于6月发布')).toEqual({ ok: true, value: 'completed', remark: '已完成，第一批名单已于6月发布' });
    expect(parseStatusWord('推进中。已完成选址')).toMatchObject({ value: 'in-progress' });
  });

  it('refuses what is not a status word, saying which words are', () => {
    for (const w of ['差不多', '完成情况良好', '未完成', 42]) expect(value(parseStatusWord(w))).toBe('problem');
    const r = parseStatusWord('差不多');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeValueProblem(r.problem, 'en')).toBe(
      '"差不多" is not a status; expected one of: 未启动, 推进中, 已完成, 滞后, 已取消 (or Not started, In progress, Completed, Delayed, Cancelled)',
    );
    expect(describeValueProblem(r.problem, 'zh-CN')).toBe('“差不多”不是可识别的完成情况；应为以下之一：未启动、推进中、已完成、滞后、已取消');
  });

  it('reads blank as no status', () => {
    expect(value(parseStatusWord(null))).toBeNull();
    expect(value(parseStatusWord('  '))).toBeNull();
  });
});

describe('dates in officials spellings', () => {
  it.each<[string | number | Date, string | null]>([
    ['2022-06-28', '2022-06-28'],
    ['2022/6/28', '2022-06-28'],
    ['2022.6.28', '2022-06-28'],
    ['2022年6月28日', '2022-06-28'],
    ['２０２２年６月２８日', '2022-06-28'],
    ['20220628', '2022-06-28'],
    ['2022年6月', '2022-06-30'],
    ['2022年2月底', '2022-02-28'],
    ['2024年2月', '2024-02-29'],
    ['2022-06', '2022-06-30'],
    ['2022年6月上旬', '2022-06-10'],
    ['2022年6月中旬', '2022-06-20'],
    ['2022年6月下旬', '2022-06-30'],
    ['2022年底', '2022-12-31'],
    ['2022年年底', '2022-12-31'],
    ['2022年末', '2022-12-31'],
    ['2022年', '2022-12-31'],
    ['2022', '2022-12-31'],
    [2022, '2022-12-31'],
    ['2022年上半年', '2022-06-30'],
    ['2022年下半年', '2022-12-31'],
    ['2022年第三季度', '2022-09-30'],
    ['2022年三季度', '2022-09-30'],
    ['2022年第1季度', '2022-03-31'],
    ['2022年第四季度末', '2022-12-31'],
    ['2022-Q3', '2022-09-30'],
    ['2022Q2', '2022-06-30'],
    ['2022-2025年', '2025-12-31'],
    ['2022年—2025年', '2025-12-31'],
    ['2022年6月至12月', '2022-12-31'],
    ['June 2022', '2022-06-30'],
    ['30 June 2022', '2022-06-30'],
    ['Jun 28, 2022', '2022-06-28'],
    ['end of 2022', '2022-12-31'],
    ['Q3 2022', '2022-09-30'],
    [44740, '2022-06-28'],
    [44740.75, '2022-06-28'],
    [new Date(Date.UTC(2022, 5, 28)), '2022-06-28'],
    [null as unknown as string, null],
    ['—', null],
  ])('%s -> %s', (text, iso) => expect(value(parseDateText(text))).toBe(iso));

  it('reads 长期 and 持续推进 as no date, keeping the words', () => {
    expect(parseDateText('长期')).toEqual({ ok: true, value: null, ongoing: '长期' });
    expect(parseDateText(' 持续推进 ')).toEqual({ ok: true, value: null, ongoing: '持续推进' });
    expect(parseDateText('Ongoing')).toMatchObject({ value: null, ongoing: 'Ongoing' });
  });

  it('refuses what is no date, with a hint where one helps', () => {
    const hint = (v: string) => {
      const r = parseDateText(v);
      return r.ok ? 'read' : (r.problem.hint ?? 'none');
    };
    expect(hint('6月底')).toBe('no-year');
    expect(hint('2022-02-30')).toBe('no-such-date');
    expect(hint('2022年13月')).toBe('no-such-date');
    expect(hint('根据国家部署')).toBe('none');
    expect(hint('明年')).toBe('none');
    const r = parseDateText('6月底');
    if (!r.ok) {
      expect(describeValueProblem(r.problem, 'en')).toBe('"6月底" has no year; expected a date with its year, such as 2022年6月底 or 2022-06-30');
      expect(describeValueProblem(r.problem, 'zh-CN')).toBe('“6月底”缺少年份；应写明年份，如 2022年6月底 或 2022-06-30');
    }
  });

  it('refuses a formula, saying why', () => {
    const r = parseDateText({ formula: 'DATE(2022,6,28)' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeValueProblem(r.problem, 'en')).toMatch(/^holds a formula \(=DATE\(2022,6,28\)\); expected a value typed in/);
  });
});

describe('periods', () => {
  it.each<[string | number | Date, string]>([
    ['2022', '2022'],
    [2022, '2022'],
    ['2022年', '2022'],
    ['2022年度', '2022'],
    ['2022年上半年', '2022-H1'],
    ['2022-H2', '2022-H2'],
    ['2022年第三季度', '2022-Q3'],
    ['2022年3季度', '2022-Q3'],
    ['Q3 2022', '2022-Q3'],
    ['2022年6月', '2022-06'],
    ['2022-06', '2022-06'],
    [new Date(Date.UTC(2022, 6, 1)), '2022-07'],
  ])('%s -> %s', (text, p) => expect(value(parsePeriodText(text))).toBe(p));

  it('refuses what is no period', () => {
    for (const v of ['2022年13月', '去年', 44740.5, '2022年6月28日']) expect(value(parsePeriodText(v))).toBe('problem');
  });

  it('finds a period written in a column title', () => {
    expect(periodIn('2020年基数')).toEqual({ period: '2020', rest: '基数' });
    expect(periodIn('目标值（2025年）')).toEqual({ period: '2025', rest: '目标值' });
    expect(periodIn('2022年第三季度')).toEqual({ period: '2022-Q3', rest: '' });
    expect(periodIn('目标值')).toBeUndefined();
  });
});

describe('numbers and percentages', () => {
  it.each<[string | number, object, number | null | 'problem']>([
    ['60%', { share: true }, 0.6],
    ['６０％', { share: true }, 0.6],
    ['0.6', { share: true }, 0.6],
    [0.6, { share: true }, 0.6],
    ['100%', { share: true }, 1],
    [60, { share: true, percentColumn: true }, 0.6],
    [0.6, { share: true, percentColumn: true }, 0.6],
    ['13.7', { percentColumn: true }, 0.137],
    ['13.7%', {}, 0.137],
    [1.5, {}, 1.5],
    ['120%', { share: true }, 'problem'],
    [60, { share: true }, 'problem'],
    ['-5%', { share: true }, 'problem'],
    ['abc', {}, 'problem'],
    ['/', {}, null],
  ])('%s %j -> %s', (v, opts, n) => expect(value(parsePercent(v, opts))).toBe(n));

  it('says to write a % sign for a share over 1', () => {
    const r = parsePercent(60, { share: true });
    if (!r.ok) {
      expect(describeValueProblem(r.problem, 'en')).toBe('"60" is over 1; expected a share from 0 to 1 (write 60% for 60 percent)');
      expect(describeValueProblem(r.problem, 'zh-CN')).toBe('“60”大于1；应在 0 至 1 之间（表示百分之60请写 60%）');
    } else throw new Error('read');
  });

  it('reads numbers and counts', () => {
    expect(value(parseNumber('1,234.5'))).toBe(1234.5);
    expect(value(parseNumber(' -3 '))).toBe(-3);
    expect(value(parseNumber('12%'))).toBe('problem');
    expect(value(parseNumber('—'))).toBeNull();
    expect(value(parseWholeNumber('3家'))).toBe(3);
    expect(value(parseWholeNumber(4))).toBe(4);
    expect(value(parseWholeNumber(2.5))).toBe('problem');
    expect(value(parseWholeNumber(-1))).toBe('problem');
  });
});

describe('categories and kinds', () => {
  it.each([
    ['药品', 'drug'],
    ['创新药', 'drug'],
    ['医疗器械', 'device'],
    ['耗材', 'consumable'],
    ['体外诊断试剂', 'diagnostic'],
    ['IVD', 'diagnostic'],
    ['其他', 'other'],
    ['Device', 'device'],
  ])('%s -> %s', (w, c) => expect(value(parseCategoryWord(w))).toBe(c));

  it('reads kinds', () => {
    expect(value(parseKindWord('累计值'))).toBe('cumulative');
    expect(value(parseKindWord('水平值'))).toBe('level');
    expect(value(parseKindWord('Level'))).toBe('level');
    expect(value(parseKindWord('平均'))).toBe('problem');
  });
});

describe('pasted text that only looks right', () => {
  const ZWSP = '\u200b';

  it('reads a status word with invisible characters, and full-width words, as the word', () => {
    expect(value(parseStatusWord(`已完成${ZWSP}`))).toBe('completed');
    expect(value(parseStatusWord(`\ufeff推进中\u200d`))).toBe('in-progress');
    expect(value(parseStatusWord('\u2060滞后\u00ad'))).toBe('delayed');
    expect(value(parseStatusWord('Ｃｏｍｐｌｅｔｅｄ'))).toBe('completed');
    expect(value(parseStatusWord('ｉｎ　ｐｒｏｇｒｅｓｓ'))).toBe('in-progress');
    expect(value(parseStatusWord(`已完成${ZWSP}，名单已发布`))).toBe('completed');
    expect(value(parseCategoryWord(`药品${ZWSP}`))).toBe('drug');
    expect(value(parseKindWord('ＬＥＶＥＬ'))).toBe('level');
  });

  it('reads full-width and invisible-laden numbers, shares and dates', () => {
    expect(value(parsePercent('６０％', { share: true }))).toBe(0.6);
    expect(value(parsePercent(`60%${ZWSP}`, { share: true }))).toBe(0.6);
    expect(value(parseNumber('１２３４．５'))).toBe(1234.5);
    expect(value(parseNumber(`1,234.5${ZWSP}`))).toBe(1234.5);
    expect(value(parseWholeNumber('３家'))).toBe(3);
    expect(value(parseDateText(`2022/6/28${ZWSP}`))).toBe('2022-06-28');
    expect(value(parseDateText('２０２２／６／２８'))).toBe('2022-06-28');
  });

  it('takes a cell holding only invisible characters as blank', () => {
    expect(value(parseStatusWord(ZWSP))).toBeNull();
    expect(value(parseNumber(`${ZWSP}\u200c`))).toBeNull();
  });

  it('shows invisible characters in messages, so that the quoted value does not look allowed', () => {
    const r = parseStatusWord(`已完工${ZWSP}`);
    if (r.ok) throw new Error('read');
    expect(r.problem.got).toBe('已完工<U+200B>');
    expect(describeValueProblem(r.problem, 'en')).toMatch(/^"已完工<U\+200B>" is not a status;/);
    expect(describeValueProblem(r.problem, 'zh-CN')).toMatch(/^“已完工<U\+200B>”不是可识别的完成情况/);
    expect(value(parseNumber('12\u202e3'))).toBe(123);
    const n = parseNumber('十二\u202e');
    if (n.ok) throw new Error('read');
    expect(n.problem.got).toBe('十二<U+202E>');
    const c = parseNumber('1\u00072');
    if (c.ok) throw new Error('read');
    expect(c.problem.got).toBe('1<U+0007>2');
  });

  it('refuses an ambiguous decimal comma, rather than reading 1234,5 as 12345', () => {
    for (const v of ['1234,5', '1,5', '12,34', '1234，5', '１２３４，５', '12,345,6'])
      expect(parseNumber(v)).toEqual({ ok: false, problem: expect.objectContaining({ expected: 'number', hint: 'decimal-comma' }) });
    expect(parsePercent('12,5%')).toEqual({ ok: false, problem: expect.objectContaining({ expected: 'percent', hint: 'decimal-comma' }) });
    expect(parseWholeNumber('1,5')).toEqual({ ok: false, problem: expect.objectContaining({ expected: 'whole', hint: 'decimal-comma' }) });
    // Commas that separate thousands are read.
    expect(value(parseNumber('12,345'))).toBe(12345);
    expect(value(parseNumber('1,234,567.25'))).toBe(1234567.25);
    expect(value(parseNumber('-1,234'))).toBe(-1234);
    expect(value(parsePercent('1,050%'))).toBe(10.5);
    const r = parseNumber('1234,5');
    if (r.ok) throw new Error('read');
    expect(describeValueProblem(r.problem, 'en')).toBe(
      '"1234,5" has a comma that separates no thousands; expected a number with a decimal point (write 1234.5, or 12345 if the comma was a slip)',
    );
    expect(describeValueProblem(r.problem, 'zh-CN')).toBe(
      '“1234,5”中的逗号不是千位分隔符，无法判断所指数值；小数请用小数点（写作 1234.5；如逗号为误录入，写作 12345）',
    );
  });
});

describe('dates in a column of date cells', () => {
  it('reads numbers as serials in the workbook date system, and refuses words for no date where a date is asked', () => {
    expect(value(parseDateText(44740, { serials: true }))).toBe('2022-06-28');
    expect(value(parseDateText(43278, { serials: true, date1904: true }))).toBe('2022-06-28');
    expect(value(parseDateText(2022, { serials: true }))).toBe('1905-07-14');
    expect(value(parseDateText(2022))).toBe('2022-12-31');
    const r = parseDateText('长期', { noOngoing: true });
    if (r.ok) throw new Error('read');
    expect(describeValueProblem(r.problem, 'en')).toBe(
      '"长期" is not a date; expected a date such as 2022-06-30, 2022/6/30 or 2022年6月30日 (or a blank cell)',
    );
    expect(value(parseDateText('2022年6月28日', { noOngoing: true }))).toBe('2022-06-28');
  });
});
