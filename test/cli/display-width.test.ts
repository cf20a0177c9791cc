import { displayWidth, padEnd } from '../../src/cli/display-width';
import { percentText } from '../../src/cli/commands/collect-lines';

describe('display width', () => {
  it('counts East Asian wide and full-width characters as two columns, combining and zero-width ones as none', () => {
    expect(displayWidth('status')).toBe(6);
    expect(displayWidth('状态')).toBe(4);
    expect(displayWidth('（空白）')).toBe(8);
    expect(displayWidth('Ａ１，')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('已完成\u200b')).toBe(6);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('½…')).toBe(2);
  });

  it('pads to a width in columns', () => {
    expect(padEnd('状态', 6)).toBe('状态  ');
    expect(padEnd('note', 6)).toBe('note  ');
    expect(padEnd('完成进度', 6)).toBe('完成进度');
  });

  it('shows shares as percentages without floating-point noise', () => {
    expect(percentText(0.6)).toBe('60%');
    expect(percentText(0.07)).toBe('7%');
    expect(percentText(0.137)).toBe('13.7%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0)).toBe('0%');
  });
});
