/** Forms as a letter from the office: heading, wording, --due and --contact, fitted widths, the last figure beside the cell to fill. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { buildForm } from '../../../src/core/forms/build-form';
import { allForms, FORM_COLUMNS, HEAD, lastObservation, selectForm, type FormRequest } from '../../../src/core/forms/form';
import { formLabelsFor } from '../../../src/core/forms/labels';
import { checkLetterOptions, formLetter } from '../../../src/core/forms/letter';
import { digestOf } from '../../../src/core/forms/locked-content';
import { readReturn } from '../../../src/core/forms/reader';
import { textWidth } from '../../../src/core/layout/sheets/common';
import type { Cell, Sheet } from '../../../src/core/layout/model';
import { MAX_HEADER } from '../../../src/core/layout/print-text';
import { gridSheet, type GridValue } from '../../../src/core/read/grid';
import { formRecordRows, FORM_RECORD_SHEET, type FormRecord } from '../../../src/core/record/form-record';
import type { Locale, ReportData } from '../../../src/core/schema';
import { cleanTemps, formSheet, loadBytes, ROOT, tempDir } from '../../support/forms';
import { cli, OPTIONS } from '../../support/fixtures';

afterAll(cleanTemps);

const DATA: ReportData = {
  format: 'plan-report/v1',
  report: { title: 'T', region: 'Testland', period: '2024-Q3' },
  plans: [
    {
      id: 'P1',
      title: 'Plan one',
      measures: [
        { id: 'M1', title: 'First', lead: 'Health Commission', due: '2024-12-31', status: 'in-progress' },
        { id: 'M2', title: 'Second', lead: 'Commerce Bureau', status: 'not-started' },
      ],
    },
    { id: 'P2', title: 'Plan two', measures: [{ id: 'M1', title: 'Other', lead: 'Health Commission', status: 'delayed' }] },
  ],
  catalogs: [{ id: 'C1', title: 'Innovative products catalog', entries: [{ product: 'Pill', enterprise: 'Acme', category: 'drug' }] }],
  indicators: [
    {
      id: 'OUT',
      name: 'Output',
      region: 'North',
      unit: 'CNY bn',
      observations: [
        { period: '2024-Q1', value: 4 },
        { period: '2023-Q4', value: 3 },
        { period: '2024-Q2', growth: 0.1 },
        { period: '2024-Q3', value: 6 },
      ],
    },
    { id: 'REV', name: 'Revenue', region: 'North', observations: [{ period: '2023', value: 10 }] },
  ],
};

const build = (req: FormRequest, locale: Locale = 'en', letter = {}, data = DATA) =>
  buildForm(selectForm(data, req, 'd.yaml'), data, locale, { ...OPTIONS, letter });
const texts = (sheet: Sheet) => sheet.rows.flatMap((r) => r.cells.map((c) => c?.v)).filter((v): v is string => typeof v === 'string');

describe('--due and --contact', () => {
  it('are checked, each refusal naming the option and what was expected', () => {
    const check = (due?: string, contact?: string) => () => checkLetterOptions({ due, contact }, '2024-Q3', 'd.yaml');
    expect(check('2024-10-15', '  Zhang Wei,\n 010-6512 3456 ')()).toEqual({ due: '2024-10-15', contact: 'Zhang Wei, 010-6512 3456' });
    expect(check()()).toEqual({});
    expect(check('15/10/2024')).toThrow('d.yaml: --due "15/10/2024" is not a date; expected a date such as 2024-10-15 (YYYY-MM-DD)');
    expect(check('2024-02-30')).toThrow('--due "2024-02-30" is not a date');
    expect(check('2024-06-30')).toThrow(
      'd.yaml: --due 2024-06-30 is before the reporting period 2024-Q3 begins (2024-07-01); expected the date forms are to be sent back by',
    );
    expect(check('2024-07-01')()).toEqual({ due: '2024-07-01' });
    expect(check(undefined, '  ')).toThrow('d.yaml: --contact is empty; expected whom to ask');
    expect(check(undefined, 'a\u0007b')).toThrow('d.yaml: --contact holds a control character; expected plain text');
    expect(check(undefined, 'x'.repeat(201))).toThrow('d.yaml: --contact is 201 characters long; expected at most 200');
  });

  it('print the return date and the contact on the form sheet (as a date, 2022年9月20日 in zh-CN) and in the Instructions', () => {
    const { workbook, record } = build({ kind: 'measures', plan: 'P1' }, 'zh-CN', { due: '2024-10-15', contact: '张伟，010-65123456' });
    const [instructions, form] = workbook.sheets;
    expect(form.rows.slice(HEAD.scope, HEAD.scope + 2).map((r) => r.cells.map((c) => [c?.v, c?.s]))).toEqual([
      [
        ['报送截止日期', 'label'],
        [{ date: '2024-10-15' }, 'keyDateZh'],
      ],
      [
        ['联系人', 'label'],
        ['张伟，010-65123456', 'wrap'],
      ],
    ]);
    // The table moves down by the two rows; the record says where, for the collector.
    expect(record.headerRow).toBe(HEAD.header + 2);
    expect(form.rows[record.headerRow - 1].cells[0]?.v).toBe('方案');
    expect(form.freeze).toEqual({ rows: HEAD.header + 2, columns: 0 });
    expect(form.validations[0].range).toBe(`F${HEAD.header + 3}:F${HEAD.header + 4}`);
    expect(texts(instructions)).toContain('请于2024年10月15日前将填好的表格报送。如有疑问，请联系张伟，010-65123456。');
    const en = build({ kind: 'catalog' }, 'en', { due: '2024-10-15', contact: 'Zhang Wei.' }).workbook.sheets[0];
    expect(texts(en)).toContain('Please return the completed form by 2024-10-15. For questions, contact Zhang Wei.');
  });

  it('a form made with them is collected: filled, returned and read back through the command line', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'd.yaml');
    fs.copyFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), data);
    const form = path.join(dir, 'f.xlsx');
    const args = ['--plan', 'BJ-OPEN-2022', '--due', '2022-10-15', '--contact', 'Li Ming, 010-5555 1234', '--out', form];
    expect((await cli('form', data, ...args)).code).toBe(0);
    const wb = await loadBytes(fs.readFileSync(form));
    expect(wb.worksheets[0].name).toBe('Instructions');
    const ws = formSheet(wb);
    const first = HEAD.header + 3;
    expect(ws.getCell(first - 1, 1).value).toBe('Plan');
    expect(ws.getCell(HEAD.scope + 1, 2).value).toEqual(new Date(Date.UTC(2022, 9, 15)));
    ws.getCell(first, 6).value = 'Delayed';
    const ret = path.join(dir, 'r.xlsx');
    fs.writeFileSync(ret, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cli('collect', data, ret);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${ret} Measures!F${first}`);
  });

  it('a bad --due is refused before anything is written', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'd.yaml');
    fs.copyFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), data);
    const r = await cli('form', data, '--plan', 'BJ-OPEN-2022', '--due', '2022-13-01', '--out', path.join(dir, 'f.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`${data}: --due "2022-13-01" is not a date; expected a date such as 2024-10-15 (YYYY-MM-DD)`]);
    expect(fs.readdirSync(dir)).toEqual(['d.yaml']);
  });
});

describe('the wording of the letter', () => {
  it('a --plan form asks for "the measures of <plan>", a lead form for the measures "your department leads"', () => {
    const intro = (req: FormRequest, locale: Locale) => formLetter(selectForm(DATA, req, 'd'), DATA, locale).intro;
    expect(intro({ kind: 'measures', plan: 'P1' }, 'en')).toMatch(/^This form asks for the status of the measures of Plan one, as of the end of 2024-Q3\. /);
    expect(intro({ kind: 'measures', plan: 'P1' }, 'zh-CN')).toMatch(/^本表用于填报《Plan one》各项措施截至2024年第三季度末的进展情况。每行/);
    expect(intro({ kind: 'measures', lead: 'Health Commission' }, 'en')).toMatch(/^This form asks for the status of the measures your department leads, /);
    expect(intro({ kind: 'measures', lead: 'Health Commission' }, 'zh-CN')).toMatch(/^本表用于填报贵单位牵头的各项措施截至2024年第三季度末/);
    expect(intro({ kind: 'measures', lead: 'Health Commission', plan: 'P2' }, 'zh-CN')).toMatch(/^本表用于填报贵单位牵头的《Plan two》各项措施/);
    // A lead's measures all of one plan name it, as a form made with --plan and --lead does.
    expect(intro({ kind: 'measures', lead: 'Commerce Bureau' }, 'en')).toMatch(
      /^This form asks for the status of the measures of Plan one that your department leads, /,
    );
    expect(formLetter(selectForm(DATA, { kind: 'measures', lead: 'Commerce Bureau' }, 'd'), DATA, 'zh-CN').heading).toBe('《Plan one》措施进展情况表');
    expect(formLetter(selectForm(DATA, { kind: 'measures', lead: 'Health Commission' }, 'd'), DATA, 'zh-CN').heading).toBe('措施进展情况表');
    expect(intro({ kind: 'catalog' }, 'zh-CN')).toMatch(/^本表列出《Innovative products catalog》中的各条目。/);
    const to = formLetter(selectForm(DATA, { kind: 'measures', lead: 'Health Commission' }, 'd'), DATA, 'zh-CN').to;
    expect(to).toBe('Health Commission：');
    expect(formLetter(selectForm(DATA, { kind: 'measures', plan: 'P1' }, 'd'), DATA, 'en').to).toBeUndefined();
  });

  it("the heading and page headers name the plan's or catalog's title, and stay within 255 characters", () => {
    const { workbook } = build({ kind: 'catalog' }, 'en');
    expect(workbook.sheets.map((s) => s.rows[0].cells[0]?.v)).toEqual([
      'Catalog entries: Innovative products catalog',
      'Catalog entries: Innovative products catalog',
      expect.anything(),
    ]);
    expect(workbook.sheets[1].print?.header).toBe('&LCatalog entries: Innovative products catalog&RTestland 2024-Q3');
    expect(workbook.properties?.title).toBe('Catalog entries: Innovative products catalog');
    const long: ReportData = {
      ...DATA,
      report: { ...DATA.report, region: '区'.repeat(249) },
      plans: [{ ...DATA.plans![0], title: `A ${'very '.repeat(64)}long plan`, measures: [{ ...DATA.plans![0].measures[0], lead: 'L'.repeat(249) }] }],
    };
    for (const req of [
      { kind: 'measures', plan: 'P1' },
      { kind: 'measures', lead: 'L'.repeat(249) },
    ] as FormRequest[])
      for (const locale of ['en', 'zh-CN'] as const) {
        const sheets = build(req, locale, {}, long).workbook.sheets.slice(0, 2);
        for (const s of sheets) {
          expect(s.print!.header!.length).toBeLessThanOrEqual(MAX_HEADER);
          expect(s.print!.header).toContain('…');
        }
        // The cells keep the whole title and lead.
        const whole = req.plan
          ? locale === 'en'
            ? `Status of measures: ${long.plans![0].title}`
            : `《${long.plans![0].title}》措施进展情况表`
          : 'L'.repeat(249);
        expect(texts(sheets[1])).toContain(whole);
      }
  });
});

/** The width a cell's text needs: its characters, and 2 for the margins. */
const need = (v: Cell['v'] | undefined) => (typeof v === 'string' ? textWidth(v) + 2 : typeof v === 'number' ? String(v).length + 2 : 0);

describe('nothing is cut', () => {
  const seed = (name: string) => readData(fs.readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8'), name);

  it('every label of the block, every column title and every locked one-line value fits its column, in every seed form and both languages', () => {
    for (const name of ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1']) {
      const data = seed(name);
      for (const kind of ['measures', 'indicators', 'catalog'] as const)
        for (const req of allForms(data, { kind }, name).requests)
          for (const locale of ['en', 'zh-CN'] as const) {
            const { workbook, record } = buildForm(selectForm(data, req, name), data, locale, { ...OPTIONS, letter: { due: '2030-01-31', contact: 'x' } });
            const form = workbook.sheets[1];
            const widths = form.columns.map((c) => c.width);
            for (let r = HEAD.region; r < record.headerRow - 2; r++) expect(widths[0]).toBeGreaterThanOrEqual(need(form.rows[r - 1].cells[0]?.v));
            const header = form.rows[record.headerRow - 1];
            header.cells.forEach((c, j) => {
              const words = String(c?.v).split(' ');
              for (const w of words) expect(widths[j]).toBeGreaterThanOrEqual(Math.min(need(w), 2 + textWidth(w) / 2));
            });
            for (const row of form.rows.slice(record.headerRow))
              row.cells.forEach((c, j) => {
                if (c && c.s === 'locked') expect([name, kind, locale, j, widths[j]]).toEqual([name, kind, locale, j, Math.max(widths[j], need(c.v))]);
              });
          }
    }
  });
});

describe('the last figure beside the cell to fill', () => {
  it('is the latest observation with a value before the period asked, with its period', () => {
    expect(lastObservation(DATA.indicators![0], '2024-Q3')).toEqual({ period: '2024-Q1', value: 4 });
    expect(lastObservation(DATA.indicators![0], '2024-Q1')).toEqual({ period: '2023-Q4', value: 3 });
    expect(lastObservation(DATA.indicators![0], '2023-Q4')).toBeUndefined();
    const { rows } = selectForm(DATA, { kind: 'indicators' }, 'd');
    const at = (field: string) => FORM_COLUMNS.indicators.findIndex((c) => c.field === field);
    expect(rows.map((r) => [r[at('id')], r[at('lastPeriod')], r[at('lastValue')], r[at('period')], r[at('value')]])).toEqual([
      ['OUT', '2024-Q1', 4, '2024-Q3', 6],
      ['REV', null, null, '2023', 10],
    ]);
    // Locked, just left of the period asked and the cells to fill.
    expect(FORM_COLUMNS.indicators.map((c) => `${c.field}${c.locked ? '' : '*'}`)).toEqual([
      'id',
      'name',
      'region',
      'unit',
      'lastPeriod',
      'lastValue',
      'period',
      'value*',
      'growth*',
    ]);
    const { workbook } = build({ kind: 'indicators' }, 'zh-CN');
    expect(workbook.sheets[1].rows[HEAD.header - 1].cells.map((c) => c?.v)).toEqual([
      '编号',
      '指标',
      '地区',
      '单位',
      '上期',
      '上期数',
      '期间',
      '数值',
      '同比增长',
    ]);
  });

  it('an indicator form made before these columns (plan-report-form/v2, 7 columns) is still collected', () => {
    const { workbook, record } = build({ kind: 'indicators' });
    const drop = [4, 5];
    const keep = <T>(xs: T[]) => xs.filter((_, j) => !drop.includes(j));
    const earlier = { ...record, fields: keep(record.fields), rows: record.rows.map(keep) } as FormRecord;
    earlier.digest = digestOf(earlier, earlier.rows);
    const cellValue = (c: Cell | undefined): GridValue =>
      c === undefined || c.v === undefined || (typeof c.v === 'object' && c.v !== null) ? null : (c.v as GridValue);
    const grid = workbook.sheets[1].rows.map((r, i) => {
      const values = r.cells.map(cellValue);
      return i >= record.headerRow - 1 ? keep(values) : values;
    });
    // The department fills the value of the first row, in the earlier layout's column F.
    grid[record.headerRow][5] = 7.5;
    const sheets = [gridSheet(workbook.sheets[1].name, grid), gridSheet(FORM_RECORD_SHEET, formRecordRows(earlier) as GridValue[][])];
    const back = readReturn({ sheet: (n) => sheets.find((s) => s.name === n) }, 'r.xlsx', DATA, 'd.yaml');
    expect(back.changes).toEqual([
      { file: 'r.xlsx', cell: `Indicators!F${record.headerRow + 1}`, kind: 'observation', indicator: 'OUT', period: '2024-Q3', field: 'value', value: 7.5 },
    ]);
  });
});

it('labels of every language have the same keys', () => {
  const keys = (o: unknown, p = ''): string[] => (typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, `${p}.${k}`)) : [p]);
  expect(keys(formLabelsFor('zh-CN'))).toEqual(keys(formLabelsFor('en')));
});
