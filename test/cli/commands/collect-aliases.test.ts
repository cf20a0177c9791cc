/**
 * Property: a valid data file that reuses values through YAML anchors and
 * aliases (a department's name, a status, a due date, a note, each written
 * once with `&a` and then `*a`) validates with every alias read as its
 * anchor's value, and `collect` edits it in place: a return's change lands
 * on its own measure only (never on the others that share the anchor), and
 * the file reads back as the collected data. Reading and the in-place editor
 * share one alias bound (bounds.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import type { Measure } from '../../../src/core/schema';
import { cleanTemps, expectNoCrash, formSheet, loadBytes, tempDir } from '../../support/forms';
import { cli } from '../../support/fixtures';

afterAll(cleanTemps);

const LEADS = ['Health Commission', '卫健委', 'Commerce Bureau'];
const STATUSES = ['not-started', 'in-progress', 'delayed'] as const;
const DUES = ['2024-12-31', '2025-06-30'];
const NOTES = ['on track', '进展顺利'];

interface Row {
  lead: number;
  status: number;
  due?: number;
  note?: number;
  /** Per field, whether a repeated value is written as an alias of its first occurrence (else written again). */
  alias: boolean[];
  flow: boolean;
}

const row: fc.Arbitrary<Row> = fc.record({
  lead: fc.nat({ max: LEADS.length - 1 }),
  status: fc.nat({ max: STATUSES.length - 1 }),
  due: fc.option(fc.nat({ max: DUES.length - 1 }), { nil: undefined }),
  note: fc.option(fc.nat({ max: NOTES.length - 1 }), { nil: undefined }),
  alias: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  flow: fc.boolean(),
});

/** The data file's text, with each value's first occurrence anchored and later ones (where the row says so) aliases; and the measures it means. */
function dataFile(rows: Row[]): { text: string; measures: Measure[]; values: Map<string, string> } {
  const anchors = new Map<string, string>();
  const written = (field: number, r: Row, value: string): string => {
    const key = `${field}|${value}`;
    const anchor = anchors.get(key);
    if (anchor !== undefined && r.alias[field]) return `*${anchor}`;
    if (anchor !== undefined) return value;
    const name = `v${anchors.size}`;
    anchors.set(key, name);
    return `&${name} ${value}`;
  };
  const measures: Measure[] = [];
  const lines = rows.map((r, i) => {
    const m: Measure = { id: `M${i}`, title: `Measure ${i}`, lead: LEADS[r.lead], status: STATUSES[r.status] };
    const fields: [string, string][] = [
      ['id', m.id],
      ['title', m.title],
      ['lead', written(0, r, LEADS[r.lead])],
    ];
    if (r.due !== undefined) {
      m.due = DUES[r.due];
      fields.push(['due', written(2, r, DUES[r.due])]);
    }
    fields.push(['status', written(1, r, m.status)]);
    if (r.note !== undefined) {
      m.note = NOTES[r.note];
      fields.push(['note', written(3, r, NOTES[r.note])]);
    }
    measures.push(m);
    // An alias in a flow mapping needs a space before the comma (`*v0 ,`): the comma could be part of its name.
    if (r.flow) return `      - { ${fields.map(([k, v]) => `${k}: ${v}${v.startsWith('*') ? ' ' : ''}`).join(', ')} }`;
    return fields.map(([k, v], j) => `${j ? '        ' : '      - '}${k}: ${v}`).join('\n');
  });
  const text = `format: plan-report/v1\nreport:\n  title: Aliases\n  region: Testland\n  period: 2024-Q3\nplans:\n  - id: P1\n    title: Plan one\n    measures:\n${lines.join('\n')}\n`;
  const values = new Map([...anchors].map(([key, name]) => [name, key.slice(key.indexOf('|') + 1)]));
  return { text, measures, values };
}

/** The file's head, then each measure's lines. */
const chunks = (text: string): string[] => text.split(/\n(?= {6}- )/);

/** A pattern of a measure's lines as written, where each alias may have become its anchor with the anchor's value. */
function asWritten(chunk: string, values: Map<string, string>): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = chunk.split(/\*(v\d+) ?/);
  const pattern = parts.map((p, i) => (i % 2 ? `(?:\\*${p} ?|&${p} ${escape(values.get(p)!)})` : escape(p))).join('');
  return new RegExp(`^${pattern}\\n?$`);
}

describe('data files with anchors and aliases', () => {
  it('validate, and collect changes one measure in place, leaving those that share its anchors as they were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.nat(), fc.boolean(), async (rows, pick, withNote) => {
        const { text, measures, values } = dataFile(rows);
        const dir = tempDir();
        const data = path.join(dir, 'data.yaml');
        fs.writeFileSync(data, text);
        expect(readData(text, data).plans![0].measures).toEqual(measures);

        // One department's form; one of its measures completed (and, sometimes, its note changed).
        const lead = measures[pick % measures.length].lead!;
        const ofLead = measures.filter((m) => m.lead === lead);
        const k = pick % ofLead.length;
        const form = path.join(dir, 'form.xlsx');
        const made = await cli('form', data, '--lead', lead, '--out', form);
        expect(made.err).toEqual([]);
        const wb = await loadBytes(fs.readFileSync(form));
        const ws = formSheet(wb);
        expect(ws.getCell(`B${8 + k}`).value).toBe(ofLead[k].id);
        ws.getCell(`F${8 + k}`).value = 'Completed';
        ws.getCell(`G${8 + k}`).value = new Date('2024-09-30T00:00:00Z');
        if (withNote) ws.getCell(`I${8 + k}`).value = '已完成';
        const ret = path.join(dir, 'return.xlsx');
        fs.writeFileSync(ret, Buffer.from(await wb.xlsx.writeBuffer()));

        const r = await cli('collect', data, ret);
        expectNoCrash(r);
        expect(r.err).toEqual([]);
        expect(r.code).toBe(0);
        const expected = measures.map((m) =>
          m.id === ofLead[k].id ? { ...m, status: 'completed', completed: '2024-09-30', ...(withNote ? { note: '已完成' } : {}) } : m,
        );
        const after = fs.readFileSync(data, 'utf8');
        expect(readData(after, data).plans![0].measures).toEqual(expected);
        // Edited in place: the other measures are written as they were, but for an alias that became the anchor the edited measure gave up.
        const before = chunks(text);
        const now = chunks(after);
        expect(now.length).toBe(before.length);
        const edited = measures.indexOf(measures.find((m) => m.id === ofLead[k].id)!) + 1;
        now.forEach((chunk, i) => {
          if (i !== edited) expect(chunk).toMatch(asWritten(before[i], values));
        });
      }),
      { numRuns: 25, seed: 15 },
    );
  }, 240_000);
});
