/** The form writer: layout model (no I/O), the written file read back, the `form` command. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import { buildForm } from '../../../src/core/forms/build-form';
import { sha256Hex } from '../../../src/core/forms/digest';
import { allForms, departments, FORM_COLUMNS, HEAD, indicatorPeriod, leadIndex, selectForm, type FormRequest } from '../../../src/core/forms/form';
import { FORM_RECORD_SHEET, parseFormRecord, formRecordRows } from '../../../src/core/record/form-record';
import { period } from '../../../src/core/periods';
import type { Indicator, ReportData } from '../../../src/core/schema';
import { safeFileName } from '../../../src/cli/commands/form';
import { reportData } from '../../support/arbitrary-data';
import { cleanTemps, formBytes, listing, loadBytes, ROOT, tempDir } from '../../support/forms';
import { cli, OPTIONS } from '../../support/fixtures';

afterAll(cleanTemps);

const seed = (name: string) => path.join(ROOT, 'seeds', `${name}.yaml`);
const seedData = (name: string) => readData(fs.readFileSync(seed(name), 'utf8'), name);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'Testland', period: '2024-Q3' },
  plans: [
    {
      id: 'P1',
      title: 'Plan one',
      measures: [
        { id: 'M1', title: 'First', lead: 'Health Commission', due: '2024-12-31', status: 'in-progress', progress: 0.4, note: 'started' },
        { id: 'M2', title: 'Second', lead: 'Commerce Bureau; Health Commission (joint)', status: 'not-started' },
        { id: 'M3', title: 'Third', status: 'completed', completed: '2024-05-01' },
      ],
    },
    { id: 'P2', title: 'Plan two', measures: [{ id: 'M1', title: 'Other first', lead: 'health commission', status: 'delayed' }] },
  ],
  catalogs: [{ id: 'C1', title: 'Catalog', entries: [{ product: 'Pill', enterprise: 'Acme', category: 'drug', hospitals: 2 }] }],
  indicators: [
    { id: 'REV', name: 'Revenue', region: 'North', unit: 'CNY bn', observations: [{ period: '2023', value: 10 }] },
    { id: 'OUT', name: 'Output', region: 'South', observations: [{ period: '2024-Q3', value: 5, growth: 0.1 }] },
  ],
};

describe('sha256Hex', () => {
  it('agrees with node:crypto on known vectors and random text (Chinese, emoji, long)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 200, seed: 5 },
    );
    const long = '医'.repeat(40000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });
});

describe('which rows a form has', () => {
  it('a plan: its measures; a lead department: its measures across plans, its own or shared (ignoring case)', () => {
    expect(selectForm(DATA, { kind: 'measures', plan: 'P1' }, 'd').rows.map((r) => r[1])).toEqual(['M1', 'M2', 'M3']);
    const lead = selectForm(DATA, { kind: 'measures', lead: 'Health Commission' }, 'd');
    expect(lead.rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['P1/M1', 'P1/M2', 'P2/M1']);
    expect(selectForm(DATA, { kind: 'measures', lead: 'commerce bureau' }, 'd').rows.map((r) => r[1])).toEqual(['M2']);
    expect(selectForm(DATA, { kind: 'measures', lead: 'Health Commission', plan: 'P2' }, 'd').scope).toEqual({
      kind: 'measures',
      period: '2024-Q3',
      plan: 'P2',
      lead: 'Health Commission',
    });
  });

  it('--all: one form per lead department (a joint measure on the form of each), per region, per catalog', () => {
    const { requests, left } = allForms(DATA, { kind: 'measures' }, 'd');
    expect(requests.map((r) => r.lead)).toEqual(['Health Commission', 'Commerce Bureau']);
    expect(left).toBe(1);
    const rows = requests.map((r) => selectForm(DATA, r, 'd').rows.map((x) => `${x[0]}/${x[1]}`));
    expect(rows).toEqual([['P1/M1', 'P1/M2', 'P2/M1'], ['P1/M2']]);
    expect(allForms(DATA, { kind: 'indicators' }, 'd').requests.map((r) => r.region)).toEqual(['North', 'South']);
    expect(allForms(DATA, { kind: 'catalog' }, 'd').requests.map((r) => r.catalog)).toEqual(['C1']);
  });

  it('--all over leads repeated across measures and plans: each department once, in order; every leadless measure left', () => {
    const m = (id: string, lead?: string) => ({ id, title: id, ...(lead === undefined ? {} : { lead }), status: 'in-progress' as const });
    const repeated: ReportData = {
      ...DATA,
      plans: [
        { id: 'P1', title: 'p', measures: [m('A1', 'B'), m('A2', ' '), m('A3', 'A、B'), m('A4'), m('A5', 'B'), m('A6', ' ')] },
        { id: 'P2', title: 'q', measures: [m('B1', 'A、B'), m('B2', 'c'), m('B3', 'b '), m('B4', '、'), m('B5', '、')] },
      ],
    };
    const { requests, left } = allForms(repeated, { kind: 'measures' }, 'd');
    expect(requests.map((r) => r.lead)).toEqual(['B', 'A', 'c']);
    expect(left).toBe(5);
    const leads = leadIndex(repeated);
    const ids = (lead: string) => selectForm(repeated, { kind: 'measures', lead }, 'd', leads).rows.map((x) => x[1]);
    expect(ids('B')).toEqual(['A1', 'A3', 'A5', 'B1', 'B3']);
    expect(ids('A')).toEqual(['A3', 'B1']);
    expect(ids('A、B')).toEqual(['A3', 'B1']);
    for (const lead of ['B', 'A', 'c', 'A、B']) expect(ids(lead)).toEqual(selectForm(repeated, { kind: 'measures', lead }, 'd').rows.map((x) => x[1]));
  });

  it('reads the departments of a joint lead: 、 ; ； ， and a remark in brackets', () => {
    expect(departments('市科委、市卫健委')).toEqual(['市科委', '市卫健委']);
    expect(departments('市科委（牵头）；市卫健委; 市医保局，市药监局')).toEqual(['市科委', '市卫健委', '市医保局', '市药监局']);
    expect(departments('Commerce Bureau; Health Commission (joint)')).toEqual(['Commerce Bureau', 'Health Commission']);
    expect(departments('A、a、 A ')).toEqual(['A']);
    expect(departments('（待定）')).toEqual(['（待定）']);
    expect(departments('Haidian Health Bureau (office 2); Haidian Health Bureau (lead)')).toEqual([
      'Haidian Health Bureau (office 2)',
      'Haidian Health Bureau',
    ]);
    expect(departments('市发展改革委')).toEqual(['市发展改革委']);
    expect(departments(undefined)).toEqual([]);
    const joint: ReportData = {
      ...DATA,
      plans: [{ id: 'P', title: 'p', measures: [{ id: 'J', title: 'j', lead: '市科委、市卫健委', status: 'in-progress' }] }],
    };
    const all = allForms(joint, { kind: 'measures' }, 'd').requests;
    expect(all.map((r) => r.lead)).toEqual(['市科委', '市卫健委']);
    for (const r of all) expect(selectForm(joint, r, 'd', leadIndex(joint)).rows.map((x) => x[1])).toEqual(['J']);
    expect(selectForm(joint, { kind: 'measures', lead: '市卫健委' }, 'd').rows.map((x) => x[3])).toEqual(['市科委、市卫健委']);
  });

  it('--all says why there is no form to make: no lead department (use --plan), no catalogs', () => {
    const noLead: ReportData = {
      ...DATA,
      plans: [
        { id: 'P1', title: 'p', measures: [{ id: 'A', title: 'a', status: 'in-progress' }] },
        { id: 'P2', title: 'q', measures: [{ id: 'B', title: 'b', lead: ' ', status: 'in-progress' }] },
      ],
      catalogs: [],
    };
    expect(() => allForms(noLead, { kind: 'measures' }, 'd.yaml')).toThrow(
      'd.yaml: none of its 2 measures names a lead department, so --all has no department to make a form for; make one form per plan with --plan ID, without --all ("P1", "P2")',
    );
    expect(() => allForms(noLead, { kind: 'measures', plan: 'P2' }, 'd.yaml')).toThrow(
      'd.yaml: none of its 1 measure in plan P2 names a lead department, so --all has no department to make a form for; make one form per plan with --plan ID, without --all ("P2")',
    );
    const none =
      'd.yaml: has no catalogs, so there is no catalog form to make; expected a data file with a catalogs list (data-format.md), or another --kind (measures, indicators)';
    expect(() => allForms(noLead, { kind: 'catalog' }, 'd.yaml')).toThrow(none);
    expect(() => selectForm(noLead, { kind: 'catalog' }, 'd.yaml')).toThrow(none);
    expect(() => allForms({ ...noLead, plans: [] }, { kind: 'measures' }, 'd.yaml')).toThrow(
      'd.yaml: has no measures; expected plans with measures for a measures form',
    );
  });

  it('--all with the lead index (made once for many forms) gives each form the rows it has without it', () => {
    const same = (data: ReportData) => {
      const leads = leadIndex(data);
      const plans = [undefined, ...(data.plans ?? []).map((p) => p.id)];
      for (const plan of plans) {
        let requests: FormRequest[] = [];
        try {
          requests = allForms(data, { kind: 'measures', plan }, 'd').requests;
        } catch {
          // No form to make (no measures, or none with a lead): nothing to compare.
        }
        for (const r of requests) {
          const without = (() => {
            try {
              return selectForm(data, r, 'd');
            } catch (err) {
              return (err as Error).message;
            }
          })();
          const withIndex = (() => {
            try {
              return selectForm(data, r, 'd', leads);
            } catch (err) {
              return (err as Error).message;
            }
          })();
          expect(withIndex).toEqual(without);
        }
      }
    };
    same(DATA);
    fc.assert(
      fc.property(reportData, (data) => same(data)),
      { numRuns: 100, seed: 11 },
    );
  });

  it('refuses what the data does not have, saying what it has', () => {
    expect(() => selectForm(DATA, { kind: 'measures' }, 'd.yaml')).toThrow(
      'd.yaml: has 2 plans; expected --plan (one of: "P1", "P2"), --lead DEPARTMENT or --all',
    );
    expect(() => selectForm(DATA, { kind: 'measures', plan: 'P9' }, 'd.yaml')).toThrow('d.yaml: has no plan "P9"; expected one of: "P1", "P2"');
    expect(() => selectForm(DATA, { kind: 'measures', lead: 'Nobody' }, 'd.yaml')).toThrow(
      'd.yaml: has no measures led by "Nobody"; expected one of the lead departments:',
    );
    expect(() => selectForm(DATA, { kind: 'indicators', region: 'East' }, 'd.yaml')).toThrow(
      'd.yaml: has no indicators of region "East"; expected one of: "North", "South"',
    );
    expect(() => selectForm(DATA, { kind: 'catalog', catalog: 'C9' }, 'd.yaml')).toThrow('d.yaml: has no catalog "C9"; expected one of: "C1"');
    expect(() => selectForm(DATA, { kind: 'measures', plan: 'P1', period: '2024-Q5' }, 'd.yaml')).toThrow('d.yaml: --period "2024-Q5" is not a period');
  });

  it("an indicator's row asks for the latest whole period of its own kind", () => {
    const ind = (p?: string): Indicator => ({ id: 'I', name: 'I', observations: p ? [{ period: p, value: 1 }] : [] });
    const q3 = period('2024-Q3');
    expect(indicatorPeriod(ind('2020'), q3)).toBe('2023');
    expect(indicatorPeriod(ind('2020'), period('2024-Q4'))).toBe('2024');
    expect(indicatorPeriod(ind('2020-H2'), q3)).toBe('2024-H1');
    expect(indicatorPeriod(ind('2020-05'), q3)).toBe('2024-09');
    expect(indicatorPeriod(ind('2020-Q1'), q3)).toBe('2024-Q3');
    expect(indicatorPeriod(ind(), q3)).toBe('2024-Q3');
    expect(indicatorPeriod(ind('2020-Q1'), period('2024'))).toBe('2024-Q4');
    expect(indicatorPeriod(ind('2020-H1'), period('2024-02'))).toBe('2023-H2');
  });
});

describe('the form layout', () => {
  const { workbook, record: meta } = buildForm(selectForm(DATA, { kind: 'measures', plan: 'P1' }, 'd'), DATA, 'zh-CN', { ...OPTIONS, password: 'pw' });
  const [instructions, form, record] = workbook.sheets;

  it('locks what says what a row is, unlocks what is filled in, pre-filled with the current values in the form language', () => {
    expect(form.name).toBe('措施');
    expect(form.rows[HEAD.header - 1].cells.map((c) => c?.v)).toEqual(['方案', '编号', '措施', '牵头单位', '完成时限', '状态', '完成日期', '完成进度', '备注']);
    const first = form.rows[HEAD.header].cells;
    expect(first.map((c) => c?.locked ?? 'locked')).toEqual(['locked', 'locked', 'locked', 'locked', 'locked', false, false, false, false]);
    expect(first.map((c) => c?.v)).toEqual(['P1', 'M1', 'First', 'Health Commission', { date: '2024-12-31' }, '推进中', null, 0.4, 'started']);
    expect(first.map((c) => c?.s)).toEqual([
      'locked',
      'locked',
      'lockedWrap',
      'lockedWrap',
      'lockedDateZh',
      'input',
      'inputDateZh',
      'inputPercent',
      'inputTextWrap',
    ]);
    expect(form.rows[0].cells[0]?.v).toBe('《Plan one》措施进展情况表');
    expect(form.rows.slice(1, 4).map((r) => r.cells.map((c) => c?.v))).toEqual([
      ['地区', 'Testland'],
      ['报告期', '2024年第三季度'],
      ['方案', 'Plan one（P1）'],
    ]);
    expect(form.print?.header).toBe('&L《Plan one》措施进展情况表&RTestland 2024年第三季度');
    expect(form.protection).toEqual({ password: 'pw' });
  });

  it('validates every cell to fill: status from the localized list, dates, progress 0..1', () => {
    expect(form.validations.map((v) => [v.range, v.rule])).toEqual([
      ['F8:F10', { type: 'list', values: ['未启动', '推进中', '已完成', '滞后', '已取消'] }],
      ['G8:G10', { type: 'date' }],
      ['H8:H10', { type: 'decimal', min: 0, max: 1 }],
    ]);
  });

  it('has Instructions in the form language, and a very hidden, protected record of what made it', () => {
    expect(instructions.name).toBe('填表说明');
    expect(instructions.rows[0].cells[0]?.v).toBe('《Plan one》措施进展情况表');
    expect(JSON.stringify(instructions.rows)).toContain('本表用于填报《Plan one》各项措施截至2024年第三季度末的进展情况。');
    expect(JSON.stringify(instructions.rows)).toContain('未启动、推进中、已完成、滞后、已取消');
    expect(record).toMatchObject({ name: FORM_RECORD_SHEET, state: 'veryHidden', protection: { password: 'pw' } });
    expect(meta).toMatchObject({
      form: 'plan-report-form/v2',
      format: 'plan-report/v1',
      kind: 'measures',
      region: 'Testland',
      period: '2024-Q3',
      plan: 'P1',
      locale: 'zh-CN',
      sheet: '措施',
    });
    expect(meta.digest).toMatch(/^[0-9a-f]{64}$/);
    const rows = record.rows.map((r) => r.cells.map((c) => c?.v as string));
    expect(parseFormRecord(rows)).toEqual(meta);
  });

  it('a catalog form has rows for new entries, unlocked, with no number', () => {
    const { workbook: wb } = buildForm(selectForm(DATA, { kind: 'catalog' }, 'd'), DATA, 'en', OPTIONS);
    const sheet = wb.sheets[1];
    expect(sheet.rows.length).toBe(HEAD.header + 1 + 100);
    expect(sheet.rows[HEAD.header].cells.map((c) => c?.v)).toEqual([1, 'Pill', 'Acme', 'Drug', null, null, 2]);
    expect(sheet.rows[HEAD.header + 1].cells.map((c) => [c?.v, c?.locked ?? 'locked'])).toEqual([[null, 'locked'], ...Array(6).fill([null, false])]);
    expect(sheet.validations.map((v) => v.range)).toEqual(['D8:D108', 'F8:F108', 'G8:G108']);
  });

  it('keeps every record field through its chunked rows, even for long texts', () => {
    const long = { ...DATA, plans: [{ ...DATA.plans![0], measures: DATA.plans![0].measures.map((m) => ({ ...m, title: '长'.repeat(32767) })) }] };
    const { record: m } = buildForm(selectForm(long, { kind: 'measures', plan: 'P1' }, 'd'), long, 'en', OPTIONS);
    expect(parseFormRecord(formRecordRows(m))).toEqual(m);
    expect(formRecordRows(m).find((r) => r[0] === 'rows')!.length).toBeGreaterThan(3);
  });
});

const protection = (ws: import('exceljs').Worksheet) => (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;

describe('the written form', () => {
  it('is protected, with only the cells to fill unlocked, validations and a very hidden record', async () => {
    const wb = await loadBytes(await formBytes(DATA, { kind: 'measures', plan: 'P1' }));
    const ws = wb.getWorksheet('Measures')!;
    expect(protection(ws)).toMatchObject({ sheet: true });
    expect(protection(ws)).not.toHaveProperty('hashValue');
    expect(ws.getCell('F8').protection).toMatchObject({ locked: false });
    expect(ws.getCell('I10').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B8').protection?.locked).not.toBe(false);
    expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    expect(ws.getCell('E8').value).toEqual(new Date(Date.UTC(2024, 11, 31)));
    expect(ws.getCell('H8').numFmt).toBe('0.0%');
    expect(ws.getCell('F8').dataValidation).toMatchObject({ type: 'list', formulae: ['"Not started,In progress,Completed,Delayed,Cancelled"'] });
    expect(wb.getWorksheet(FORM_RECORD_SHEET)!.state).toBe('veryHidden');
    expect(protection(wb.getWorksheet('Instructions')!)).toMatchObject({ sheet: true });
  });

  it('with a password, protects every sheet with its hash', async () => {
    const wb = await loadBytes(await formBytes(DATA, { kind: 'indicators' }, 'en', 's3cret'));
    for (const ws of wb.worksheets) expect(protection(ws)).toMatchObject({ sheet: true, algorithmName: 'SHA-512', hashValue: expect.any(String) });
  });

  it('every kind of form for every seed carries columns that match its record', async () => {
    for (const name of ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1']) {
      const data = seedData(name);
      for (const kind of ['measures', 'indicators', 'catalog'] as const) {
        if (kind === 'catalog' && !data.catalogs?.length) continue;
        // A plan whose measures have no lead (Shanghai's) has no --all forms: its form is made with --plan.
        if (kind === 'measures' && !data.plans?.some((p) => p.measures.some((m) => m.lead?.trim()))) continue;
        for (const req of allForms(data, { kind }, name).requests) {
          const { workbook, record: meta } = buildForm(selectForm(data, req, name), data, 'en', OPTIONS);
          expect(meta.fields).toEqual(FORM_COLUMNS[kind].map((c) => c.field));
          expect(workbook.sheets[1].rows.length).toBe(meta.headerRow + meta.rows.length + meta.newRows);
        }
      }
    }
  });
});

describe('file names a clerk can attach', () => {
  it('are safe on every system, keep Chinese, and stay apart when cut', () => {
    expect(safeFileName('2024-Q3-Haidian District Government')).toBe('2024-Q3-Haidian-District-Government');
    expect(safeFileName('2024-Q3-卫生健康委员会')).toBe('2024-Q3-卫生健康委员会');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileName('..  hidden. ')).toBe('hidden');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('')).toBe('form');
    expect(safeFileName('\u0000\u0007')).toBe('form');
    const a = safeFileName(`2024-Q3-${'Department of '.repeat(10)}A`);
    const b = safeFileName(`2024-Q3-${'Department of '.repeat(10)}B`);
    expect(Array.from(a).length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const name = safeFileName(s);
        // eslint-disable-next-line no-control-regex -- control characters are what must not appear
        expect(name).not.toMatch(/[\u0000-\u001f<>:"/\\|?*]/);
        expect(name).not.toMatch(/^[.\s-]|[.\s]$/);
        expect(Array.from(name).length).toBeLessThanOrEqual(81);
        expect(name.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

/** A seed copied into a folder of its own: \`form\` writes its register of sent forms beside the data file. */
function seedCopy(name: string): string {
  const data = path.join(tempDir(), `${name}.yaml`);
  fs.copyFileSync(seed(name), data);
  return data;
}

describe('plan-report form', () => {
  it('writes one form per lead department into a folder, and says which measures no form covers', async () => {
    const dir = tempDir();
    const data = seedCopy('beijing-2022-q3');
    const r = await cli('form', data, '--all', '--out-dir', dir);
    expect(r.code).toBe(0);
    expect(listing(dir)).toEqual([
      '2022-Q3-Beijing-Economic-and-Technological-Development-Zone.xlsx',
      '2022-Q3-Beijing-Municipal-Medical-Products-Administration.xlsx',
      '2022-Q3-Changping-District-Government.xlsx',
      '2022-Q3-Daxing-District-Government.xlsx',
      '2022-Q3-Haidian-District-Government.xlsx',
    ]);
    expect(r.out.at(-1)).toBe(`5 forms written to ${dir}`);
    // Each form entered in the register beside the data file, which only its owner can read (it holds the key of the seals).
    const register = JSON.parse(fs.readFileSync(`${data}.forms.json`, 'utf8'));
    const sent = register.forms.map((f: { file: string; lead: string; rows: unknown[] }) => [path.basename(f.file), f.lead, f.rows.length]);
    expect(sent.sort()).toEqual(listing(dir).map((f) => [f, expect.any(String), expect.any(Number)]));
    expect(register.key).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(fs.statSync(`${data}.forms.json`).mode & 0o777).toBe(0o600);
    expect(r.err).toEqual([`${data}: 45 measures have no lead department, so no form of --all asks about them; make their form with --plan ID`]);
  });

  it('writes one form with --out, in the language asked for, and names a default file after period and department', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'f.xlsx');
    const data = seedCopy('suzhou-2022-q3');
    const r = await cli('form', data, '--kind', 'catalog', '--locale', 'zh-CN', '--out', out);
    expect(r.code).toBe(0);
    // --locale zh-CN makes the form's words and the command's messages Chinese.
    expect(r.out).toEqual([`${data} -> ${out}（目录表单：目录 SZ-IFH-2021-1 的 25 项，另留 100 行供新增，2022年第三季度）`]);
    const wb = await loadBytes(fs.readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', '产品目录', FORM_RECORD_SHEET]);
    expect(listing(dir)).toEqual(['f.xlsx']);
  });

  it('refuses bad usage and names the problem; never overwrites the data file', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'd.yaml');
    fs.copyFileSync(seed('shanghai-2025-q3'), data);
    const before = fs.readFileSync(data);
    expect((await cli('form', data, '--all', '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
    const r = await cli('form', data, '--out', data);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${data}: is also an input; expected an output file that is not one of the inputs`]);
    const bad = await cli('form', data, '--kind', 'catalog', '--out', path.join(dir, 'c.xlsx'));
    expect(bad.err).toEqual([
      `${data}: has no catalogs, so there is no catalog form to make; expected a data file with a catalogs list (data-format.md), or another --kind (measures, indicators)`,
    ]);
    const all = await cli('form', data, '--kind', 'catalog', '--all', '--out-dir', path.join(dir, 'forms'));
    expect(all.err).toEqual(bad.err);
    expect(fs.readFileSync(data)).toEqual(before);
    expect(listing(dir)).toEqual(['d.yaml']);
  });
});
