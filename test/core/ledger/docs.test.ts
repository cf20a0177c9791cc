/** docs/import.md lists every Chinese column title and every word import reads. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SYNONYMS } from '../../../src/core/ledger/fields';
import { CATEGORY_WORDS, KIND_WORDS, ONGOING_WORDS, STATUS_WORDS } from '../../../src/core/values';
import { ROOT } from '../../support/ledger';

const doc = readFileSync(path.join(ROOT, 'docs', 'import.md'), 'utf8');
const lower = doc.toLowerCase();

it('lists every Chinese column title of every kind of ledger', () => {
  for (const words of Object.values(SYNONYMS)) {
    for (const w of words.keys()) if (/[\u3400-\u9fff]/.test(w)) expect([w, doc.includes(w)]).toEqual([w, true]);
  }
});

it('lists every status word, no-date word, category word and kind word', () => {
  for (const list of [...Object.values(STATUS_WORDS), ONGOING_WORDS, ...Object.values(CATEGORY_WORDS), ...Object.values(KIND_WORDS)]) {
    for (const w of list) expect([w, lower.includes(w.toLowerCase())]).toEqual([w, true]);
  }
});
