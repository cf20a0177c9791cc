/** Editing a data file in place: a YAML file keeps its comments, key order, styles and layout; JSON its indentation. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import type { Edit } from '../../../src/core/forms/collect';
import { editDataText } from '../../../src/core/data-file/edit';
import { ROOT } from '../../support/forms';

const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.yaml'));

describe('editDataText', () => {
  it('leaves every seed exactly as it was when there is nothing to change', () => {
    for (const f of seeds) {
      const text = fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8');
      expect(editDataText(text, f, [])).toBe(text);
    }
  });

  it('changes one value of a seed and nothing else', () => {
    const text = fs.readFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), 'utf8');
    const data = readData(text, 'b.yaml');
    const m = data.plans![0].measures.findIndex((x) => x.status === 'in-progress');
    const edited = editDataText(text, 'b.yaml', [{ op: 'set', path: ['plans', 0, 'measures', m, 'status'], value: 'completed' }]);
    const before = text.split('\n');
    const after = edited.split('\n');
    expect(after.length).toBe(before.length);
    const diff = before.map((l, i) => [l, after[i]]).filter(([a, b]) => a !== b);
    expect(diff.length).toBe(1);
    expect(diff[0][1]).toBe(diff[0][0].replace('in-progress', 'completed'));
  });

  const yaml4 = [
    '# four spaces',
    'format: plan-report/v1',
    'report:',
    '    title: T   # title',
    '    region: R',
    '    period: 2024-Q1',
    'plans:',
    '    - id: P',
    '      title: p',
    '      measures:',
    '          - id: M',
    '            title: m',
    '            status: in-progress',
    '            note: keep me   # a note',
    'indicators:',
    '    - id: I',
    '      name: i',
    '      observations: []',
    '',
  ].join('\n');

  it('keeps four-space indentation, inserting a new key where the format orders it', () => {
    const edits: Edit[] = [
      { op: 'set', path: ['plans', 0, 'measures', 0, 'status'], value: 'completed' },
      { op: 'set', path: ['plans', 0, 'measures', 0, 'completed'], value: '2024-03-01' },
      { op: 'append', path: ['indicators', 0, 'observations'], value: { period: '2024-Q1', value: 3 } },
    ];
    expect(editDataText(yaml4, 'd.yaml', edits)).toBe(
      yaml4
        .replace('            status: in-progress\n', '            status: completed\n            completed: 2024-03-01\n')
        .replace('      observations: []', '      observations: [ { period: 2024-Q1, value: 3 } ]'),
    );
  });

  it('deletes a key and keeps the comments of the others; keeps CRLF line ends and a byte-order mark', () => {
    const crlf = `\uFEFF${yaml4.replace(/\n/g, '\r\n')}`;
    const out = editDataText(crlf, 'd.yaml', [{ op: 'delete', path: ['plans', 0, 'measures', 0, 'note'] }]);
    expect(out).toBe(`\uFEFF${yaml4.replace('            note: keep me   # a note\n', '').replace(/\n/g, '\r\n')}`);
  });

  it('a layout the YAML writer cannot reproduce is re-indented, still with its comments, key order and values', () => {
    const odd =
      'format: plan-report/v1   # odd layout\nreport: {title: T, region: R, period: 2024-Q1}\nplans:\n-   id: P   # the plan\n    title: p\n    measures:\n    -   id: M\n        title: m\n        status: delayed\n';
    const out = editDataText(odd, 'd.yaml', [{ op: 'set', path: ['plans', 0, 'measures', 0, 'status'], value: 'completed' }]);
    expect(out).toContain('# odd layout');
    expect(out).toContain('# the plan');
    expect(out.indexOf('id: M')).toBeLessThan(out.indexOf('title: m'));
    expect(readData(out, 'd.yaml')).toEqual({
      ...readData(odd, 'd.yaml'),
      plans: [{ id: 'P', title: 'p', measures: [{ id: 'M', title: 'm', status: 'completed' }] }],
    });
  });

  it('writes text that looks like a formula, a number or a boolean as text that reads back the same', () => {
    const tricky = [
      '=HYPERLINK("http://x","y")',
      '+1',
      '-2',
      '@x',
      "'abc",
      'TRUE',
      'yes',
      '2020',
      '0012',
      'a: b',
      '# not a comment',
      'line one\nline two',
      ' padded ',
      '"quoted"',
      '医药 🧬',
    ];
    const edits: Edit[] = tricky.map((t, i) => ({ op: 'set', path: ['plans', 0, 'measures', 0, i % 2 ? 'note' : 'title'], value: t }));
    for (const e of edits) {
      const out = editDataText(yaml4, 'd.yaml', [e]);
      const m = readData(out, 'd.yaml').plans![0].measures[0] as Record<string, unknown>;
      expect(m[e.path[4] as string]).toBe((e as { value: string }).value);
    }
  });

  it('appends an entry as a flow mapping when its siblings are flow mappings, and as a block otherwise', () => {
    const text = 'catalogs:\n  - id: C\n    title: c\n    entries:\n      - { product: A, enterprise: E, category: drug }\n';
    const out = editDataText(text, 'd.yaml', [
      { op: 'append', path: ['catalogs', 0, 'entries'], value: { product: 'B', enterprise: 'E', category: 'device', hospitals: 2 } },
    ]);
    expect(out).toBe(`${text}      - { product: B, enterprise: E, category: device, hospitals: 2 }\n`);
    const block = 'catalogs:\n  - id: C\n    title: c\n    entries:\n      - product: A\n        enterprise: E\n        category: drug\n';
    expect(
      editDataText(block, 'd.yaml', [{ op: 'append', path: ['catalogs', 0, 'entries'], value: { product: 'B', enterprise: 'E', category: 'device' } }]),
    ).toBe(`${block}      - product: B\n        enterprise: E\n        category: device\n`);
  });

  it('changes or deletes an anchored value for its own item only: the first alias of it becomes the anchor', () => {
    const text = 'a: &s in-progress # first\nb: *s\nc: *s\nd: &s other\ne: *s\n';
    expect(editDataText(text, 'd.yaml', [{ op: 'set', path: ['a'], value: 'completed' }])).toBe(
      'a: completed # first\nb: &s in-progress\nc: *s\nd: &s other\ne: *s\n',
    );
    expect(editDataText(text, 'd.yaml', [{ op: 'delete', path: ['a'] }])).toBe('b: &s in-progress\nc: *s\nd: &s other\ne: *s\n');
    // An anchor no alias uses is simply dropped with the old value.
    expect(editDataText('a: &s x\nb: y\n', 'd.yaml', [{ op: 'set', path: ['a'], value: 'z' }])).toBe('a: z\nb: y\n');
  });

  it('refuses what it cannot edit in place (a YAML alias)', () => {
    const text = 'plans:\n  - &p\n    id: P\n    title: p\n    measures: []\n  - *p\n';
    expect(() => editDataText(text, 'd.yaml', [{ op: 'set', path: ['plans', 1, 'title'], value: 'x' }])).toThrow('no mapping at plans.1');
  });

  it('edits JSON in place: every byte but the edited values kept, a new key in the format order', () => {
    const json = '{\n\t"plans": [\n\t\t{\n\t\t\t"measures": [\n\t\t\t\t{ "status": "delayed", "id": "M", "title": "m", "note": "n" }\n\t\t\t]\n\t\t}\n\t]\n}\n';
    const out = editDataText(json, 'd.json', [
      { op: 'set', path: ['plans', 0, 'measures', 0, 'progress'], value: 0.5 },
      { op: 'delete', path: ['plans', 0, 'measures', 0, 'note'] },
    ]);
    expect(out).toBe(json.replace('"title": "m", "note": "n"', '"title": "m", "progress": 0.5'));
    expect(editDataText('{"a":1}', 'd.json', [{ op: 'set', path: ['a'], value: 2 }])).toBe('{"a":2}');
  });

  it('keeps a JSON file written one row a line as it is (a large file stays its size)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `M${i}`, title: `标题 ${i}`, status: 'not-started' }));
    const json = `{"format":"plan-report/v1","plans":[{"id":"P","measures":[\n${rows.join(',\n')}\n]}],"catalogs":[{"id":"C","entries":[\n{"product":"A"}\n]}],"indicators":[{"id":"I","observations":[{"period":"2023","value":1},{"period":"2024","value":2}]}]}\n`;
    const out = editDataText(json, 'd.json', [
      { op: 'set', path: ['plans', 0, 'measures', 7, 'status'], value: 'completed' },
      { op: 'set', path: ['plans', 0, 'measures', 7, 'completed'], value: '2024-09-30' },
      { op: 'append', path: ['catalogs', 0, 'entries'], value: { product: 'B', hospitals: 2 } },
      { op: 'delete', path: ['indicators', 0, 'observations', 0] },
      { op: 'set', path: ['indicators', 0, 'observations', 0, 'value'], value: 3 },
    ]);
    expect(out).toBe(
      json
        .replace('{"id":"M7","title":"标题 7","status":"not-started"}', '{"id":"M7","title":"标题 7","status":"completed","completed":"2024-09-30"}')
        .replace('{"product":"A"}\n', '{"product":"A"},\n{"product":"B","hospitals":2}\n')
        .replace('{"period":"2023","value":1},{"period":"2024","value":2}', '{"period":"2024","value":3}'),
    );
  });

  it('keeps the layout of a large JSON file however many edits it gets (each item found once, the text put together once)', () => {
    const n = 20_000;
    const rows = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `M${i}`, title: `标题 ${i} ${'x'.repeat(40)}`, status: 'not-started' }));
    const json = `{"format":"plan-report/v1","plans":[{"id":"P","measures":[\n${rows.join(',\n')}\n]}]}\n`;
    const edited = Array.from({ length: 2000 }, (_, i) => i * 10 + 3);
    const edits = edited.flatMap((i) => [
      { op: 'set' as const, path: ['plans', 0, 'measures', i, 'status'], value: 'completed' },
      { op: 'set' as const, path: ['plans', 0, 'measures', i, 'completed'], value: '2024-09-30' },
    ]);
    // 4,000 edits into 1.4 MB: more than the old one-scan-per-edit bound allowed, so the file used to be written anew.
    expect(json.length * edits.length).toBeGreaterThan(1e9);
    const out = editDataText(json, 'd.json', edits);
    const expected = rows.map((r, i) => (edited.includes(i) ? r.replace('"status":"not-started"}', '"status":"completed","completed":"2024-09-30"}') : r));
    expect(out).toBe(`{"format":"plan-report/v1","plans":[{"id":"P","measures":[\n${expected.join(',\n')}\n]}]}\n`);
  });

  it('appends to an indented JSON list as its last item is laid out', () => {
    const json = `${JSON.stringify({ catalogs: [{ id: 'C', entries: [{ product: 'A' }] }] }, null, 2)}\n`;
    const out = editDataText(json, 'd.json', [{ op: 'append', path: ['catalogs', 0, 'entries'], value: { product: 'B', hospitals: 2 } }]);
    expect(out).toBe(`${JSON.stringify({ catalogs: [{ id: 'C', entries: [{ product: 'A' }, { product: 'B', hospitals: 2 }] }] }, null, 2)}\n`);
  });
});
