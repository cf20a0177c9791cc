/**
 * A form's record keeps the texts makeFormRecord made (the seal and the record sheet both need the rows' JSON): the
 * seal, the sealed text and the sheet's rows are those of the same record made afresh, its texts made again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readData } from '../../../src/core/data-file/read';
import { buildForm } from '../../../src/core/forms/build-form';
import { selectForm } from '../../../src/core/forms/form';
import { formRecordRows, sealText, type FormRecord } from '../../../src/core/record/form-record';
import { OPTIONS, ROOT } from '../../support/fixtures';

const data = readData(fs.readFileSync(path.join(ROOT, 'seeds', 'beijing-2022-q3.yaml'), 'utf8'), 'beijing');

test("a form's seal and record rows are those of its record's texts made again", () => {
  const sealed: string[] = [];
  const seal = { id: 'ab'.repeat(16), seal: (r: FormRecord) => (sealed.push(sealText({ ...r })), `seal-${sealed.length}`) };
  const content = selectForm(data, { kind: 'measures', plan: data.plans![0].id }, 'beijing.yaml');
  const { record, workbook } = buildForm(content, data, 'zh-CN', { ...OPTIONS, seal });
  // The seal was made over the text of the unsealed record, as a copy (texts made again) says it.
  expect(sealed).toHaveLength(1);
  expect(sealText(record)).toBe(sealed[0]);
  expect(record.seal).toBe('seal-1');
  const again = formRecordRows({ ...record });
  expect(formRecordRows(record)).toEqual(again);
  expect(again.find((r) => r[0] === 'seal')).toEqual(['seal', 'seal-1']);
  const sheet = workbook.sheets[2];
  expect(sheet.rows.map((r) => r.cells.map((c) => c?.v))).toEqual(again);
});
