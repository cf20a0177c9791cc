/**
 * plan-report collect: returns folded into the data file; every refusal names
 * the return's file, sheet and cell, and leaves the data file as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readData } from '../../../src/core/data-file/read';
import { digestOf } from '../../../src/core/forms/locked-content';
import { FORM_RECORD_KEYS, FORM_RECORD_SHEET, parseFormRecord } from '../../../src/core/record/form-record';
import { cleanTemps, expectNoCrash, formSheet, listing, loadBytes, ROOT, tempDir } from '../../support/forms';
import { cli } from '../../support/fixtures';

afterAll(cleanTemps);

const YAML = `# Quarterly data of the test office.
format: plan-report/v1
report:
  title: Test report
  region: Testland
  period: 2024-Q3

plans:
  - id: P1
    title: Plan one   # the first plan
    measures:
      - id: M1
        title: First measure
        lead: Health Commission
        due: 2024-12-31
        status: in-progress   # as of June
        progress: 0.4
      - id: M2
        title: Second measure
        lead: Commerce Bureau
        status: not-started
      - { id: M3, title: Third measure, lead: Health Commission, status: completed, completed: 2024-05-01 }

catalogs:
  - id: C1
    title: Catalog one
    entries:
      - { product: Pill, enterprise: Acme, category: drug, hospitals: 2 }

indicators:
  - id: REV
    name: Revenue
    region: North
    unit: CNY bn
    observations:
      - { period: "2023", value: 10 }   # annual
`;

interface Setup {
  dir: string;
  data: string;
  /** Makes a form with the CLI, fills it with `fill`, and saves it as `name` in returns/. */
  filled(name: string, formArgs: string[], fill?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string>;
}

function setup(text = YAML, dataName = 'data.yaml'): Setup {
  const dir = tempDir();
  const data = path.join(dir, dataName);
  fs.writeFileSync(data, text);
  fs.mkdirSync(path.join(dir, 'returns'));
  fs.mkdirSync(path.join(dir, 'forms'));
  return {
    dir,
    data,
    async filled(name, formArgs, fill) {
      const form = path.join(dir, 'forms', name);
      const r = await cli('form', data, ...formArgs, '--out', form);
      expect(r.err).toEqual([]);
      const wb = await loadBytes(fs.readFileSync(form));
      fill?.(formSheet(wb), wb);
      const out = path.join(dir, 'returns', name);
      fs.writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
      return out;
    },
  };
}

const bytes = (f: string) => fs.readFileSync(f);
/** A record sheet's rows as text, as the collector reads them. */
const recordRowsOf = (sheet: ExcelJS.Worksheet): (string | undefined)[][] =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => ((row as unknown[]) ?? []).slice(1).map((v) => (v === undefined || v === null ? undefined : String(v))));

const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('collect applies returns', () => {
  it('writes the changes into a YAML data file, keeping its comments, key order and styles, and prints a table', async () => {
    const s = setup();
    const health = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F8').value = 'Completed';
      ws.getCell('G8').value = dateCell('2024-09-30');
      ws.getCell('H8').value = 1;
      ws.getCell('I9').value = 'Done in May; see "report" #3';
    });
    const r = await cli('collect', s.data, health);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      `${health}: read (4 changed cells)`,
      `Changes to ${s.data} (4):`,
      '  item   field      old          new                           from',
      `  P1 M1  status     in-progress  completed                     ${health} Measures!F8`,
      `  P1 M1  completed  (blank)      2024-09-30                    ${health} Measures!G8`,
      `  P1 M1  progress   40%          100%                          ${health} Measures!H8`,
      `  P1 M3  note       (blank)      Done in May; see "report" #3  ${health} Measures!I9`,
      `${s.data}: written (4 changes from 1 return)`,
    ]);
    const text = fs.readFileSync(s.data, 'utf8');
    expect(text).toBe(
      YAML.replace(
        '        status: in-progress   # as of June\n        progress: 0.4\n',
        '        status: completed   # as of June\n        completed: 2024-09-30\n        progress: 1\n',
      ).replace(
        '{ id: M3, title: Third measure, lead: Health Commission, status: completed, completed: 2024-05-01 }',
        `{ id: M3, title: Third measure, lead: Health Commission, status: completed, completed: 2024-05-01, note: 'Done in May; see "report" #3' }`,
      ),
    );
    expect(listing(s.dir)).toEqual(['data.yaml', 'data.yaml.forms.json', 'forms', 'forms/health.xlsx', 'returns', 'returns/health.xlsx']);
  });

  it('collecting the same returns again changes nothing, and leaves the file untouched', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1'], (ws) => {
      ws.getCell('F9').value = 'Delayed';
      ws.getCell('I9').value = "+1 -2 @x 'abc";
    });
    expect((await cli('collect', s.data, ret)).code).toBe(0);
    const once = bytes(s.data);
    const mtime = fs.statSync(s.data).mtimeMs;
    const again = await cli('collect', s.data, ret);
    expect(again.code).toBe(0);
    expect(again.out.at(-1)).toBe(`no changes: ${s.data} left as it was`);
    expect(bytes(s.data)).toEqual(once);
    expect(fs.statSync(s.data).mtimeMs).toBe(mtime);
    expect(readData(once.toString('utf8'), 'd.yaml').plans![0].measures[1]).toEqual({
      id: 'M2',
      title: 'Second measure',
      lead: 'Commerce Bureau',
      status: 'delayed',
      note: "+1 -2 @x 'abc",
    });
  });

  it('--dry-run prints the table and writes nothing', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1'], (ws) => void (ws.getCell('F9').value = '推进中'));
    const before = bytes(s.data);
    const r = await cli('collect', s.data, ret, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out.slice(1)).toEqual([
      `Changes to ${s.data} (1):`,
      '  item   field   old          new          from',
      `  P1 M2  status  not-started  in-progress  ${ret} Measures!F9`,
      'dry run: 1 change from 1 return; nothing written',
    ]);
    expect(bytes(s.data)).toEqual(before);
    expect(listing(s.dir)).toEqual(['data.yaml', 'data.yaml.forms.json', 'forms', 'forms/p1.xlsx', 'returns', 'returns/p1.xlsx']);
  });

  it('--out writes elsewhere (in the syntax of its name), never over a return', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1'], (ws) => void (ws.getCell('F9').value = 'Cancelled'));
    const before = bytes(s.data);
    const out = path.join(s.dir, 'updated.json');
    expect((await cli('collect', s.data, ret, '--out', out)).code).toBe(0);
    expect(bytes(s.data)).toEqual(before);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).plans[0].measures[1].status).toBe('cancelled');
    const retBytes = bytes(ret);
    const r = await cli('collect', s.data, ret, '--out', ret);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${ret}: is also the output; expected a returned form that is not written to`);
    expect(bytes(ret)).toEqual(retBytes);
  });

  it('rewrites a JSON data file with its own indentation and key order', async () => {
    const data = readData(YAML, 'd.yaml');
    const s = setup(`${JSON.stringify(data, null, 4)}\n`, 'data.json');
    const ret = await s.filled('cat.xlsx', ['--kind', 'catalog'], (ws) => {
      ws.getCell('G8').value = 5;
      ws.getCell('B10').value = 'Syringe';
      ws.getCell('C10').value = 'Acme';
      ws.getCell('D10').value = '耗材';
    });
    expect((await cli('collect', s.data, ret)).code).toBe(0);
    const expected = structuredClone(data);
    expected.catalogs![0].entries = [
      { product: 'Pill', enterprise: 'Acme', category: 'drug', hospitals: 5 },
      { product: 'Syringe', enterprise: 'Acme', category: 'consumable' },
    ];
    expect(fs.readFileSync(s.data, 'utf8')).toBe(`${JSON.stringify(expected, null, 4)}\n`);
    // Collected again: the added entry is found, not added twice.
    const again = await cli('collect', s.data, ret);
    expect(again.out.at(-1)).toBe(`no changes: ${s.data} left as it was`);
  });

  it("fills an indicator's value for the period its form asks, adding the observation in the file's style", async () => {
    const s = setup();
    const ret = await s.filled('ind.xlsx', ['--kind', 'indicators'], (ws) => {
      expect(ws.getCell('G8').value).toBe('2023');
      ws.getCell('H8').value = 12.5;
      ws.getCell('I8').value = '25%';
    });
    expect((await cli('collect', s.data, ret)).code).toBe(0);
    expect(fs.readFileSync(s.data, 'utf8')).toContain('      - { period: "2023", value: 12.5, growth: 0.25 }   # annual\n');
    const q4 = await s.filled('ind2.xlsx', ['--kind', 'indicators', '--period', '2024-Q4']);
    const r = await cli('collect', s.data, q4);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${q4} Indicators!B3: the form is for period 2024-Q4; expected a form for 2024-Q3, the reporting period of ${s.data}`);
  });
});

describe('collect reads cells as import and extract do', () => {
  it("reads officials' spellings, full width and invisible characters; refuses a decimal comma with its cell", async () => {
    const s = setup();
    const health = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F8').value = '已完成\u200b';
      ws.getCell('G8').value = '2024/9/30';
      ws.getCell('H8').value = '１００％';
      ws.getCell('F9').value = 'Ｃｏｍｐｌｅｔｅｄ';
      ws.getCell('G9').value = '２０２４年５月１日';
    });
    const commerce = await s.filled('commerce.xlsx', ['--lead', 'Commerce Bureau'], (ws) => {
      ws.getCell('F8').value = '\ufeff推进中';
      ws.getCell('H8').value = '６０％';
    });
    const r = await cli('collect', s.data, health, commerce);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const m = readData(fs.readFileSync(s.data, 'utf8'), 'd').plans![0].measures;
    expect(m.map((x) => [x.status, x.completed, x.progress])).toEqual([
      ['completed', '2024-09-30', 1],
      ['in-progress', undefined, 0.6],
      ['completed', '2024-05-01', undefined],
    ]);

    const ind = await s.filled('ind.xlsx', ['--kind', 'indicators'], (ws) => {
      ws.getCell('H8').value = '1234,5';
      ws.getCell('I8').value = '１２．５％\u200b';
    });
    const before = bytes(s.data);
    const bad = await cli('collect', s.data, ind);
    expect(bad.code).toBe(1);
    expect(bad.err.slice(1)).toEqual([
      `${ind} Indicators!H8: value: "1234,5" has a comma that separates no thousands; expected a number with a decimal point (write 1234.5, or 12345 if the comma was a slip)`,
    ]);
    expect(bytes(s.data)).toEqual(before);

    const odd = await s.filled('odd.xlsx', ['--lead', 'Commerce Bureau'], (ws) => void (ws.getCell('F8').value = '已完工\u200b'));
    const shown = await cli('collect', s.data, odd);
    expect(shown.err.slice(1)).toEqual([
      `${odd} Measures!F8: status: "已完工<U+200B>" is not a status; expected one of: 未启动, 推进中, 已完成, 滞后, 已取消 (or Not started, In progress, Completed, Delayed, Cancelled)`,
    ]);
  });
});

describe('collect refuses a bad return whole, and still applies the good ones', () => {
  it('names the file, sheet and cell of every problem, and what was expected', async () => {
    const s = setup();
    const good = await s.filled('commerce.xlsx', ['--lead', 'Commerce Bureau'], (ws) => void (ws.getCell('F8').value = 'In progress'));
    const bad = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F8').value = 'half done';
      ws.getCell('G8').value = 'next week';
      ws.getCell('H8').value = 60;
      ws.getCell('I8').value = { formula: 'HYPERLINK("http://evil.example","click")' } as ExcelJS.CellFormulaValue;
      ws.getCell('I9').value = { formula: "cmd|' /C calc'!A0" } as ExcelJS.CellFormulaValue;
      ws.getCell('F9').value = null;
    });
    const before = bytes(bad);
    const r = await cli('collect', s.data, good, bad);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${bad}: refused (6 problems); nothing of it is applied`,
      `${bad} Measures!F8: status: "half done" is not a status; expected one of: 未启动, 推进中, 已完成, 滞后, 已取消 (or Not started, In progress, Completed, Delayed, Cancelled)`,
      `${bad} Measures!G8: completed: "next week" is not a date; expected a date such as 2022-06-30, 2022/6/30 or 2022年6月30日 (or a blank cell)`,
      `${bad} Measures!H8: progress: "60" is over 1; expected a share from 0 to 1 (write 60% for 60 percent)`,
      `${bad} Measures!I8: note: holds a formula (=HYPERLINK("http://evil.example","click")); expected a value typed in (formulas are not read: copy the column and paste it as values)`,
      `${bad} Measures!F9: status is blank; expected one of the statuses in the list`,
      `${bad} Measures!I9: note: holds a formula (=cmd|' /C calc'!A0); expected a value typed in (formulas are not read: copy the column and paste it as values)`,
    ]);
    expect(r.out.at(-1)).toBe(`${s.data}: written (1 change from 1 return); 1 return refused`);
    expect(readData(fs.readFileSync(s.data, 'utf8'), 'd').plans![0].measures.map((m) => m.status)).toEqual(['in-progress', 'in-progress', 'completed']);
    expect(bytes(bad)).toEqual(before);
    expectNoCrash(r);
  });

  /** Collects one return that is refused; checks the message and that nothing was written. */
  async function refused(s: Setup, ret: string, expected: string[]): Promise<void> {
    const before = bytes(s.data);
    const files = listing(s.dir);
    const r = await cli('collect', s.data, ret);
    expect(r.code).toBe(1);
    expect(r.err.slice(1)).toEqual(expected);
    expect(r.err[0]).toMatch(new RegExp(`^${ret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: refused \\(\\d+ problems?\\)`));
    expect(r.out.at(-1)).toBe(`no changes: ${s.data} left as it was; 1 return refused`);
    expect(bytes(s.data)).toEqual(before);
    expect(listing(s.dir)).toEqual(files);
    expectNoCrash(r);
  }

  it('a form for another period', async () => {
    const s = setup();
    const ret = await s.filled('q2.xlsx', ['--plan', 'P1', '--period', '2024-Q2'], (ws) => void (ws.getCell('F8').value = 'Completed'));
    await refused(s, ret, [`${ret} Measures!B3: the form is for period 2024-Q2; expected a form for 2024-Q3, the reporting period of ${s.data}`]);
  });

  it('a form for another plan, or another region', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1']);
    fs.writeFileSync(s.data, YAML.replace('- id: P1', '- id: P9'));
    await refused(s, ret, [
      `${ret} Measures!B4: the form is for plan "P1", which ${s.data} does not have; expected a form for one of its plans (P9)`,
      `${ret} Measures!A8: plan "P1" is not in ${s.data}; expected a form made from this data file`,
      `${ret} Measures!A9: plan "P1" is not in ${s.data}; expected a form made from this data file`,
      `${ret} Measures!A10: plan "P1" is not in ${s.data}; expected a form made from this data file`,
    ]);
    fs.writeFileSync(s.data, YAML.replace('region: Testland', 'region: Otherland'));
    await refused(s, ret, [`${ret} Measures!B2: the form is for region "Testland"; expected a form for "Otherland", the region of ${s.data}`]);
  });

  it('a measure no longer in the data', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1']);
    fs.writeFileSync(s.data, YAML.replace(/ {6}- \{ id: M3.*\n/, ''));
    await refused(s, ret, [
      `${ret} Measures!B10: measure "M3" of plan P1 is not in ${s.data} (removed since the form was made?); expected a form made from this data file`,
    ]);
  });

  it('a form of another format version', async () => {
    const s = setup();
    const ret = await s.filled(
      'v1.xlsx',
      ['--plan', 'P1'],
      (_, wb) => void (wb.getWorksheet('_plan_report_form')!.getCell('B1').value = 'plan-report-form/v1'),
    );
    await refused(s, ret, [
      `${ret} _plan_report_form!B1: is a form of format "plan-report-form/v1"; expected "plan-report-form/v2" (make the form again with this version of plan-report)`,
    ]);
  });

  it('a form with its locked cells changed (the digest recomputed from the returned cells)', async () => {
    const s = setup();
    const ret = await s.filled('locked.xlsx', ['--plan', 'P1'], (ws) => {
      ws.getCell('C8').value = 'A better title';
      ws.getCell('E8').value = dateCell('2025-06-30');
      ws.getCell('B4').value = 'P2';
      ws.getCell('F8').value = 'Completed';
    });
    await refused(s, ret, [
      `${ret} Measures!B4: a locked cell was changed from "Plan one (P1)" to "P2"; expected the form's locked cells as sent (the form is refused whole)`,
      `${ret} Measures!C8: a locked cell was changed from "First measure" to "A better title"; expected the form's locked cells as sent (the form is refused whole)`,
      `${ret} Measures!E8: a locked cell was changed from "2024-12-31" to "2025-06-30"; expected the form's locked cells as sent (the form is refused whole)`,
    ]);
  });

  it('a form whose hidden record was altered, or whose sheet was renamed', async () => {
    const s = setup();
    const altered = await s.filled(
      'altered.xlsx',
      ['--plan', 'P1'],
      (_, wb) => void (wb.getWorksheet('_plan_report_form')!.getCell('B19').value = '0'.repeat(64)),
    );
    await refused(s, altered, [
      `${altered} _plan_report_form!B21: the form's hidden record was altered or forged (its seal does not match ${s.data}.forms.json); expected the form as it was sent (make the form again with \`plan-report form\` and send that one)`,
    ]);
    const renamed = await s.filled('renamed.xlsx', ['--plan', 'P1'], (ws) => void (ws.name = 'Mine'));
    await refused(s, renamed, [`${renamed} _plan_report_form!B13: has no sheet "Measures"; expected the form's own sheet (was it renamed or deleted?)`]);
  });

  it("a department's forgery: another department's measure put in its form, the digest recomputed, is refused", async () => {
    const s = setup();
    // Commerce Bureau's form (M2) made to say it was sent M1 (Health Commission's), to cancel it.
    const ret = await s.filled('forged.xlsx', ['--lead', 'Commerce Bureau'], (ws, wb) => {
      const sheet = wb.getWorksheet(FORM_RECORD_SHEET)!;
      const record = parseFormRecord(recordRowsOf(sheet));
      const rows = [['P1', 'M1', 'First measure', 'Health Commission', '2024-12-31', 'in-progress', null, 0.4, null]];
      sheet.getCell(`B${FORM_RECORD_KEYS.indexOf('rows') + 1}`).value = JSON.stringify(rows);
      sheet.getCell(`B${FORM_RECORD_KEYS.indexOf('digest') + 1}`).value = digestOf(record, rows);
      ['P1', 'M1', 'First measure', 'Health Commission'].forEach((v, c) => (ws.getCell(8, c + 1).value = v));
      ws.getCell('E8').value = dateCell('2024-12-31');
      ws.getCell('F8').value = 'Cancelled';
    });
    await refused(s, ret, [
      `${ret} _plan_report_form!B21: the form's hidden record was altered or forged (its seal does not match ${s.data}.forms.json); expected the form as it was sent (make the form again with \`plan-report form\` and send that one)`,
    ]);
  });

  it('a form the register does not know (made from another copy of the data, or before forms were registered), or with no register at all', async () => {
    const s = setup();
    const ret = await s.filled('p1.xlsx', ['--plan', 'P1'], (ws) => void (ws.getCell('F8').value = 'Completed'));
    const register = `${s.data}.forms.json`;
    const kept = fs.readFileSync(register, 'utf8');
    const other = JSON.parse(kept);
    other.forms = [];
    fs.writeFileSync(register, JSON.stringify(other));
    await refused(s, ret, [
      `${ret} _plan_report_form!B20: is not a form sent from this data file (its id is not in ${register}); expected a form made by \`plan-report form\` from this data file (make the form again with \`plan-report form\` and send that one)`,
    ]);
    fs.rmSync(register);
    await refused(s, ret, [
      `${s.data}: has no register of sent forms beside it (${register}), so no return can be checked; expected the forms to be made by \`plan-report form\` from this data file (make the forms again and send those)`,
    ]);
    // The register's rows, not the form's, say what was sent: a register edited to differ refuses the form.
    const edited = JSON.parse(kept);
    edited.forms[0].rows[0][5] = 'not-started';
    fs.writeFileSync(register, JSON.stringify(edited));
    await refused(s, ret, [
      `${ret} _plan_report_form!B18: the form's record of "rows" is not what ${register} holds for form ${edited.forms[0].id}; expected the form as it was sent (make the form again with \`plan-report form\` and send that one)`,
    ]);
    fs.writeFileSync(register, kept);
    const r = await cli('collect', s.data, ret);
    expect(r.code).toBe(0);
  });

  it('values below the form (after unprotecting it)', async () => {
    const s = setup();
    const ret = await s.filled('below.xlsx', ['--plan', 'P1'], (ws) => void (ws.getCell('B12').value = 'M4'));
    await refused(s, ret, [`${ret} Measures!B12: is below the form's rows; expected values only in rows 8 to 10 (rows cannot be added to this form)`]);
  });

  it('a catalog entry repeated, or missing what every entry needs', async () => {
    const s = setup();
    const ret = await s.filled('cat.xlsx', ['--kind', 'catalog'], (ws) => {
      ws.getCell('B9').value = 'pill';
      ws.getCell('C9').value = 'ACME';
      ws.getCell('D9').value = 'Drug';
      ws.getCell('B10').value = 'Gauze';
      ws.getCell('G10').value = -1;
      ws.getCell('G8').value = 2.5;
    });
    await refused(s, ret, [
      `${ret} Catalog!G8: hospitals: "2.5" is not a whole number; expected a count such as 3`,
      `${ret} Catalog!B9: repeats the entry of row 8 (same product and enterprise); expected each entry once (correct an entry in its own row)`,
      `${ret} Catalog!C10: enterprise is blank; expected an enterprise for every new entry`,
      `${ret} Catalog!D10: category is blank; expected a category for every new entry`,
      `${ret} Catalog!G10: hospitals: "-1" is negative; expected a count of 0 or more`,
    ]);
    const ret2 = await s.filled('cat2.xlsx', ['--kind', 'catalog'], (ws) => void (ws.getCell('B10').value = 'Gauze'));
    await refused(s, ret2, [
      `${ret2} Catalog!C10: enterprise is blank; expected an enterprise for every new entry`,
      `${ret2} Catalog!D10: category is blank; expected a category for every new entry`,
    ]);
  });

  it('a report workbook, or a workbook not made by plan-report', async () => {
    const s = setup();
    const report = path.join(s.dir, 'returns', 'report.xlsx');
    expect((await cli('generate', s.data, '--out', report)).code).toBe(0);
    await refused(s, report, [
      `${report}: is a report workbook made by \`plan-report generate\`, not a form; expected a form made by \`plan-report form\` (read a report with \`plan-report extract\`)`,
    ]);
    const other = path.join(s.dir, 'returns', 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await wb.xlsx.writeFile(other);
    const o = await cli('collect', s.data, other);
    expect(o.err).toEqual([
      `${other}: refused (1 problem); nothing of it is applied`,
      `${other}: has no "_plan_report_form" sheet; expected a form made by \`plan-report form\``,
    ]);
  });

  it('a data file that is not valid: nothing read, nothing written', async () => {
    const s = setup(YAML.replace('status: not-started', 'status: done'));
    const ret = path.join(s.dir, 'returns', 'x.xlsx');
    fs.writeFileSync(ret, 'x');
    const before = bytes(s.data);
    const r = await cli('collect', s.data, ret);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${s.data}:21:17: plans[0].measures[1].status: expected one of not-started | in-progress | completed | delayed | cancelled, got "done"; write completed instead`,
    ]);
    expect(bytes(s.data)).toEqual(before);
  });
});

describe('conflicts', () => {
  it("two returns setting one field to different values: listed, neither applied, nor the same returns' other changes to that measure", async () => {
    const s = setup();
    const a = await s.filled('plan.xlsx', ['--plan', 'P1'], (ws) => {
      ws.getCell('F8').value = 'Completed';
      ws.getCell('G8').value = dateCell('2024-09-30');
      ws.getCell('I9').value = 'from the plan form';
    });
    const b = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F8').value = 'Delayed';
      ws.getCell('H8').value = 0.5;
    });
    const c = await s.filled('health2.xlsx', ['--lead', 'Health Commission'], (ws) => void (ws.getCell('H8').value = '50%'));
    const r = await cli('collect', s.data, a, b, c);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `conflict: P1 M1 status: "completed" (${a} Measures!F8) vs "delayed" (${b} Measures!F8); neither applied`,
      `held back: P1 M1 completed: "2024-09-30" (${a} Measures!G8); its return conflicts with another on P1 M1, so none of its changes to P1 M1 is applied`,
      `held back: P1 M1 progress: 50% (${b} Measures!H8); its return conflicts with another on P1 M1, so none of its changes to P1 M1 is applied`,
    ]);
    expect(r.out.slice(3)).toEqual([
      `Changes to ${s.data} (2):`,
      '  item   field     old      new                 from',
      `  P1 M2  note      (blank)  from the plan form  ${a} Measures!I9`,
      `  P1 M1  progress  40%      50%                 ${c} Measures!H8`,
      `${s.data}: written (2 changes from 3 returns); 1 conflict`,
    ]);
    const m = readData(fs.readFileSync(s.data, 'utf8'), 'd').plans![0].measures;
    // Not an in-progress measure with a completion date.
    expect(m[0]).toEqual(expect.objectContaining({ status: 'in-progress', progress: 0.5 }));
    expect(m[0].completed).toBeUndefined();
  });

  it('a measure led jointly is on the form of each department; their returns merge: agreeing values apply once, differing ones conflict', async () => {
    const joint = YAML.replace('        lead: Commerce Bureau\n', '        lead: Commerce Bureau、Health Commission\n');
    const s = setup(joint);
    const forms = await cli('form', s.data, '--all', '--out-dir', path.join(s.dir, 'all'));
    expect(forms.code).toBe(0);
    expect(forms.out).toEqual([
      `${s.data} -> ${path.join(s.dir, 'all', '2024-Q3-Health-Commission.xlsx')} (measures form: 3 measures led by Health Commission (1 jointly), 2024-Q3)`,
      `${s.data} -> ${path.join(s.dir, 'all', '2024-Q3-Commerce-Bureau.xlsx')} (measures form: 1 measure led by Commerce Bureau (1 jointly), 2024-Q3)`,
      `2 forms written to ${path.join(s.dir, 'all')}`,
    ]);
    const health = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      expect(ws.getCell('B9').value).toBe('M2');
      expect(ws.getCell('D9').value).toBe('Commerce Bureau、Health Commission');
      ws.getCell('F9').value = '推进中';
      ws.getCell('H9').value = '30%';
    });
    const commerce = await s.filled('commerce.xlsx', ['--lead', 'Commerce Bureau'], (ws) => {
      expect(ws.getCell('B8').value).toBe('M2');
      ws.getCell('F8').value = 'In progress';
      ws.getCell('I8').value = 'site chosen';
    });
    const r = await cli('collect', s.data, health, commerce);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out.slice(2)).toEqual([
      `Changes to ${s.data} (3):`,
      '  item   field     old          new          from',
      `  P1 M2  status    not-started  in-progress  ${health} Measures!F9, ${commerce} Measures!F8`,
      `  P1 M2  progress  (blank)      30%          ${health} Measures!H9`,
      `  P1 M2  note      (blank)      site chosen  ${commerce} Measures!I8`,
      `${s.data}: written (3 changes from 2 returns)`,
    ]);
    const again = setup(joint);
    const h = await again.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F9').value = 'Completed';
      ws.getCell('G9').value = dateCell('2024-09-01');
    });
    const c = await again.filled('commerce.xlsx', ['--lead', 'Commerce Bureau'], (ws) => {
      ws.getCell('F8').value = 'Delayed';
      ws.getCell('I8').value = 'waiting for the site';
    });
    const conflict = await cli('collect', again.data, h, c);
    expect(conflict.code).toBe(1);
    expect(conflict.err[0]).toBe(`conflict: P1 M2 status: "completed" (${h} Measures!F9) vs "delayed" (${c} Measures!F8); neither applied`);
    expect(conflict.err.slice(1).map((l) => l.split(';')[0])).toEqual([
      `held back: P1 M2 completed: "2024-09-01" (${h} Measures!G9)`,
      `held back: P1 M2 note: "waiting for the site" (${c} Measures!I8)`,
    ]);
    expect(conflict.out.at(-1)).toBe(`no changes: ${again.data} left as it was; 1 conflict`);
  });

  it('checks the collected data with the schema and rules before writing: a return that would break them is refused whole', async () => {
    const s = setup();
    const good = await s.filled('commerce.xlsx', ['--lead', 'Commerce Bureau'], (ws) => void (ws.getCell('F8').value = 'In progress'));
    const bad = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => {
      ws.getCell('F8').value = 'Completed';
      ws.getCell('G8').value = '1900/1/15';
    });
    const r = await cli('collect', s.data, good, bad);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${bad}: refused (1 problem); nothing of it is applied`,
      `${bad} Measures!G8: plans[0].measures[0].completed: expected a date from 1900-03-01 on (Excel shows earlier dates wrongly); the form is refused`,
    ]);
    const m = readData(fs.readFileSync(s.data, 'utf8'), 'd').plans![0].measures;
    expect(m.map((x) => x.status)).toEqual(['in-progress', 'in-progress', 'completed']);
    expect(m[0].completed).toBeUndefined();
  });

  it('a return that leaves a field as it was sent does not conflict with one that changes it', async () => {
    const s = setup();
    const a = await s.filled('plan.xlsx', ['--plan', 'P1']);
    const b = await s.filled('health.xlsx', ['--lead', 'Health Commission'], (ws) => void (ws.getCell('F8').value = 'Delayed'));
    const r = await cli('collect', s.data, b, a);
    expect(r.code).toBe(0);
    // And a return made before the change, collected after it, does not undo it.
    expect((await cli('collect', s.data, a)).out.at(-1)).toBe(`no changes: ${s.data} left as it was`);
    expect(readData(fs.readFileSync(s.data, 'utf8'), 'd').plans![0].measures[0].status).toBe('delayed');
  });
});

describe('help', () => {
  it('form and collect have help with examples', async () => {
    for (const cmd of ['form', 'collect']) {
      const r = await cli(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    expect(ROOT).toBeTruthy();
  });
});
