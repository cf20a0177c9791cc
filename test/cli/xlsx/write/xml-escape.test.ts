import fc from 'fast-check';
import { esc } from '../../../../src/cli/xlsx/write/xml';
import { encodeXstring } from '../../../../src/cli/xlsx/xstring';

/** The escaping esc() shortcuts: the OOXML encoding, then XML's specials, always both scans. */
const full = (s: string) => encodeXstring(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

describe('esc', () => {
  const texts = [
    'plain text 医药',
    "IF(('_figures'!$M$2=0),INDEX('Observations'!$C:$C,$N6)=\"\",NA())",
    '_figures only',
    'a literal _x0041_ and _x00zz_',
    'quote " amp & lt < gt >',
    'tab\tnewline\ncarriage\rreturn',
    'control \u0001\u001f and _ underscore',
    'lone \uD800 surrogate, pair \uD83E\uDDEC, lone \uDC00',
    '\uFFFE\uFFFF',
    '_x',
    '',
  ];
  it.each(texts)('escapes %j as the two full scans do', (s) => {
    expect(esc(s)).toBe(full(s));
  });
  it('escapes random text of specials, quotes and JSON as the two full scans do', () => {
    const piece = fc.constantFrom('&', '<', '>', '"', '&amp;', '_x0041_', '\u0001', '医', 'a', ' ', '\uD800', '{"k":"v"}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join('');
        expect(esc(s)).toBe(full(s));
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
  it('changes what needs it', () => {
    expect(esc('_x0041_ & "a"')).toBe('_x005F_x0041_ &amp; &quot;a&quot;');
    expect(esc('a\u0001')).toBe('a_x0001_');
  });
});
