/**
 * Every text of the task pane, in both languages: no jargon of the
 * machinery (round trips, syncs, data paths), and no English sentence in
 * Chinese but for the names of commands and products.
 */
import { strings } from '../../src/addin/taskpane/i18n';

function texts(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
  return [];
}

const JARGON = /round trip|\bsyncs?\b|往返|请求|\bpath\b|plans\[|measures\[|--\w|\bschema\b|\bzod\b|\bYAML errors?\b/i;
/** Names a Chinese text may hold: commands, products, file kinds, and the examples of what to write. */
const NAMES = /plan-report( (collect|template))?|Microsoft 365|Excel( \d{4})?|WPS|VBA|YAML|JSON|CSV UTF-8|\.xlsx|_plan_report|\d{4}-Q\d|\d{4}-H\d/g;

describe('the pane says things in words officials use', () => {
  for (const ui of ['en', 'zh-CN'] as const) {
    it(`in ${ui}, no text speaks of the machinery`, () => {
      const found = texts(strings(ui)).filter(([, t]) => JARGON.test(t));
      expect(found).toEqual([]);
    });
  }

  it('in Chinese, no text holds an English sentence', () => {
    const found = texts(strings('zh-CN')).filter(([, t]) => /[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}/.test(t.replace(NAMES, '')));
    expect(found).toEqual([]);
  });

  it('has every text in both languages', () => {
    expect(texts(strings('zh-CN')).map(([k]) => k)).toEqual(texts(strings('en')).map(([k]) => k));
  });
});
