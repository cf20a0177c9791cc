/**
 * The command line seals forms with Node's HMAC and digests their locked content with Node's SHA-256: the very seal
 * and digest the core's plain TypeScript makes (collect checks with either).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../src/core/data-file/read';
import { buildForm } from '../../src/core/forms/build-form';
import { selectForm } from '../../src/core/forms/form';
import { sealOf } from '../../src/core/forms/register';
import { nodeSeal, nodeSha256 } from '../../src/cli/forms-register';
import { OPTIONS } from '../support/fixtures';
import { ROOT } from '../support/forms';

const data = readData(fs.readFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), 'utf8'), 'beijing-2022-q3');
const KEYS = ['00'.repeat(32), 'ff'.repeat(32), '0123456789abcdef'.repeat(4)];

describe('nodeSeal', () => {
  it.each(KEYS)('equals sealOf under key %s, on text with Chinese, a lone surrogate and control characters', (key) => {
    const odd = structuredClone(data);
    odd.plans![0].measures[0].title = '医药 \uD800 lone, \u0001 control, 🧬 pair';
    for (const d of [data, odd]) {
      const { record } = buildForm(selectForm(d, { kind: 'measures', plan: d.plans![0].id }, 'd'), d, 'zh-CN', OPTIONS);
      expect(nodeSeal(record, key)).toMatch(/^[0-9a-f]{64}$/);
      expect(nodeSeal(record, key)).toBe(sealOf(record, key));
    }
  });
  it('differs by key and by record', () => {
    const { record } = buildForm(selectForm(data, { kind: 'measures', plan: data.plans![0].id }, 'd'), data, 'en', OPTIONS);
    expect(nodeSeal(record, KEYS[0])).not.toBe(nodeSeal(record, KEYS[1]));
    expect(nodeSeal({ ...record, period: '2022-Q4' }, KEYS[0])).not.toBe(nodeSeal(record, KEYS[0]));
  });
});

describe('nodeSha256', () => {
  it("gives a form the digest the core's SHA-256 gives it, on text with Chinese, a lone surrogate and control characters", () => {
    const odd = structuredClone(data);
    odd.plans![0].measures[0].title = '医药 \uD800 lone, \u0001 control, 🧬 pair';
    for (const d of [data, odd]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const content = selectForm(d, { kind: 'measures', plan: d.plans![0].id }, 'd');
        const core = buildForm(content, d, locale, OPTIONS).record;
        const node = buildForm(content, d, locale, { ...OPTIONS, sha256: nodeSha256 }).record;
        expect(node.digest).toMatch(/^[0-9a-f]{64}$/);
        expect(node).toEqual(core);
      }
    }
  });
});
