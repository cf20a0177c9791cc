/**
 * The built-in templates the build checked and put into the bundle (scripts/bundle-cli.js, checkedTemplates; read by
 * src/cli/templates.ts, checkedTemplate): the same template as reading the file, a fresh copy at each call, and none
 * for a text the build did not check (a built-in template edited after the build is read and checked as usual).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkedTemplate } from '../../src/cli/templates';
import { readTemplate } from '../../src/core/template';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkedTemplates } = require('../../scripts/bundle-cli') as { checkedTemplates: (read: typeof readTemplate) => string };

const DIR = path.resolve(__dirname, '..', '..', 'templates');
const NAMES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('built-in templates checked by the build', () => {
  const checked = checkedTemplates(readTemplate);

  it.each(NAMES)('gives %s as reading and checking its file does', (name) => {
    const file = path.join(DIR, `${name}.yaml`);
    const text = fs.readFileSync(file, 'utf8');
    const t = checkedTemplate(name, text, checked);
    expect(t).toEqual(readTemplate(text, file));
    // A fresh copy each time: a caller may change what it is given.
    expect(checkedTemplate(name, text, checked)).not.toBe(t);
  });

  it('gives nothing for a text the build did not check, or a name it does not know', () => {
    const text = fs.readFileSync(path.join(DIR, 'quarterly.yaml'), 'utf8');
    expect(checkedTemplate('quarterly', `${text}# edited\n`, checked)).toBeUndefined();
    expect(checkedTemplate('no-such-template', text, checked)).toBeUndefined();
  });

  it('gives nothing when not running from the bundle', () => {
    const text = fs.readFileSync(path.join(DIR, 'quarterly.yaml'), 'utf8');
    expect(checkedTemplate('quarterly', text)).toBeUndefined();
  });
});
