import { formatLocated } from '../../../src/core/errors';
import { pathWordsZh, placeWords } from '../../../src/core/messages/place';
import { inLocale, said } from '../../../src/core/messages/said';

describe('messages in both languages', () => {
  it('says a data path in Chinese words', () => {
    expect(pathWordsZh('plans[0].measures[1].status')).toBe('第1个方案第2项措施的“状态”');
    expect(pathWordsZh('indicators[2].observations[0].value')).toBe('第3个指标第1条观测值的“数值”');
    expect(pathWordsZh('plans[1].measures[3]')).toBe('第2个方案的第4项措施');
    expect(pathWordsZh('report.period')).toBe('报告的“期间”');
    expect(pathWordsZh('report')).toBe('“报告信息”');
  });

  it('places a problem by line and column, or by cell', () => {
    expect(placeWords({ file: 'a.yaml', line: 3, column: 7 }, true)).toBe('a.yaml 第3行第7列');
    expect(placeWords({ file: 'a.yaml', line: 3, column: 7 }, false)).toBe('a.yaml:3:7');
    expect(placeWords({ file: 'f.xlsx', cell: '措施!G3' }, true)).toBe('f.xlsx 措施!G3');
  });

  it('says a registered sentence in Chinese from its English alone', () => {
    const s = said('expected a test sentence', '应为测试语句');
    expect(inLocale({ message: s.message }, 'zh-CN')).toBe('应为测试语句');
    expect(inLocale({ message: s.message }, 'en')).toBe('expected a test sentence');
    expect(inLocale({ message: 'unregistered' }, 'zh-CN')).toBe('unregistered');
  });

  it('formats a problem without its data path in Chinese unless verbose', () => {
    const p = { file: 'a.yaml', line: 2, column: 5, path: 'plans[0].measures[0].status', message: 'expected x', zh: '应为 x' };
    expect(formatLocated(p)).toBe('a.yaml:2:5: plans[0].measures[0].status: expected x');
    expect(formatLocated(p, { locale: 'zh-CN' })).toBe('a.yaml 第2行第5列：第1个方案第1项措施的“状态”：应为 x');
    expect(formatLocated(p, { locale: 'zh-CN', verbose: true })).toBe('a.yaml 第2行第5列：第1个方案第1项措施的“状态”（plans[0].measures[0].status）：应为 x');
  });
});
