/**
 * The round trip as an identity: data -> form -> (filled by the test with
 * exceljs) -> collect gives the data with exactly the filled changes, for
 * random data sets; and the data file, edited in place, reads back as the same.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readData } from '../../../src/core/data-file/read';
import { collectReturns } from '../../../src/core/forms/collect';
import { FORM_COLUMNS, HEAD, indicatorPeriod, type FormRequest } from '../../../src/core/forms/form';
import { labelsFor } from '../../../src/core/i18n';
import { parsePeriod, period as parsePeriodText } from '../../../src/core/periods';
import { CATEGORIES, STATUSES, type CatalogEntry, type Category, type Locale, type Observation, type ReportData, type Status } from '../../../src/core/schema';
import { editDataText } from '../../../src/core/data-file/edit';
import { isoDate, reportData, text } from '../../support/arbitrary-data';
import { readBack } from '../../support/read-back';
import * as path from 'node:path';
import { buildForm } from '../../../src/core/forms/build-form';
import { selectForm } from '../../../src/core/forms/form';
import { readReturn } from '../../../src/core/forms/reader';
import { safeLoadGrid } from '../../../src/cli/xlsx/read/safe-load';
import { streamWorkbook } from '../../../src/cli/xlsx/write/write-stream';
import { cleanTemps, formBytes, formSheet, loadBytes, tempDir } from '../../support/forms';
import { OPTIONS } from '../../support/fixtures';

const FIRST = HEAD.header + 1;
/** The column of an indicator form's value (growth is the next). */
const VALUE = FORM_COLUMNS.indicators.findIndex((c) => c.field === 'value') + 1;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** undefined: left as it was; null: cleared; else the value typed. */
const edit = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.option(arb, { nil: null }), { nil: undefined, freq: 2 });
const someText = fc.oneof(
  text(40),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '-2', '@x', "'abc", 'line one\nline two', '0012', 'TRUE', '2020-01-01'),
);
const progress = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
  fc.constantFrom(0, 0.5, 1),
);
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
);
/** How a department writes a status: the form's words, the other language's, or the data's token, in any case. */
const statusWord = (s: Status) => fc.constantFrom(labelsFor('en').statuses[s], labelsFor('zh-CN').statuses[s], s, labelsFor('en').statuses[s].toUpperCase());
const categoryWord = (c: Category) => fc.constantFrom(labelsFor('en').categories[c], labelsFor('zh-CN').categories[c], c);

/** Data sets with the YAML or JSON text a user would have written. */
function serialized(data: ReportData, json: boolean): string {
  return json ? JSON.stringify(data, null, 2) : stringify(data, { lineWidth: 0 });
}

async function collectAndCheck(data: ReportData, filled: Buffer[], expected: ReportData, json: boolean): Promise<void> {
  const returns = await Promise.all(filled.map(async (b, i) => readBack(await loadBytes(b), data, `r${i}.xlsx`)));
  const result = collectReturns(data, returns);
  expect(result.conflicts).toEqual([]);
  expect([...result.refused]).toEqual([]);
  expect(result.data).toEqual(expected);
  // The data file, edited in place, reads back as the same data.
  const file = json ? 'data.json' : 'data.yaml';
  const before = serialized(data, json);
  const after = result.edits.length ? editDataText(before, file, result.edits) : before;
  expect(readData(after, file)).toEqual(expected);
}

describe('data -> form -> filled -> collect', () => {
  it('measures: gives the data with exactly the filled changes', async () => {
    const arb = reportData
      .filter((d) => (d.plans ?? []).some((p) => p.measures.length > 0))
      .chain((data) => {
        const plan = data.plans!.find((p) => p.measures.length > 0)!;
        const row = fc.record({
          status: fc.option(
            fc.constantFrom(...STATUSES).chain((s) => statusWord(s).map((word) => ({ s, word }))),
            { nil: undefined },
          ),
          completed: edit(isoDate),
          progress: edit(progress),
          note: edit(someText),
        });
        return fc.record({
          data: fc.constant(data),
          plan: fc.constant(plan.id),
          rows: fc.array(row, { minLength: plan.measures.length, maxLength: plan.measures.length }),
          locale: fc.constantFrom<Locale>('en', 'zh-CN'),
          json: fc.boolean(),
        });
      });
    await fc.assert(
      fc.asyncProperty(arb, async ({ data, plan, rows, locale, json }) => {
        const wb = await loadBytes(await formBytes(data, { kind: 'measures', plan }, locale));
        const ws = formSheet(wb);
        const expected: ReportData = structuredClone(data);
        const measures = expected.plans!.find((p) => p.id === plan)!.measures;
        rows.forEach((r, i) => {
          const at = FIRST + i;
          const m = measures[i] as Record<string, unknown>;
          if (r.status) {
            ws.getCell(at, 6).value = r.status.word;
            m.status = r.status.s;
          }
          (
            [
              ['completed', 7, (v: string) => utc(v)],
              ['progress', 8, (v: number) => v],
              ['note', 9, (v: string) => v],
            ] as const
          ).forEach(([field, col, cell]) => {
            const v = r[field];
            if (v === undefined) return;
            ws.getCell(at, col).value = v === null ? null : (cell as (x: unknown) => ExcelJSValue)(v);
            if (v === null) delete m[field];
            else m[field] = v;
          });
        });
        await collectAndCheck(data, [Buffer.from(await wb.xlsx.writeBuffer())], expected, json);
      }),
      { numRuns: 25, seed: 31 },
    );
  });

  it('indicators: gives the data with exactly the filled values and growths', async () => {
    const arb = reportData
      .filter((d) => (d.indicators ?? []).length > 0)
      .chain((data) =>
        fc.record({
          data: fc.constant(data),
          rows: fc.array(fc.record({ value: edit(number), growth: edit(fc.double({ min: -1, max: 5, noNaN: true }).map((v) => v + 0)) }), {
            minLength: data.indicators!.length,
            maxLength: data.indicators!.length,
          }),
          json: fc.boolean(),
        }),
      );
    await fc.assert(
      fc.asyncProperty(arb, async ({ data, rows, json }) => {
        const wb = await loadBytes(await formBytes(data, { kind: 'indicators' }));
        const ws = formSheet(wb);
        const expected: ReportData = structuredClone(data);
        const formPeriod = parsePeriodText(data.report.period);
        rows.forEach((r, i) => {
          const ind = expected.indicators![i];
          const at = indicatorPeriod(data.indicators![i], formPeriod);
          let o = ind.observations.find((x) => parsePeriod(x.period)!.text === at) as Record<string, unknown> | undefined;
          (['value', 'growth'] as const).forEach((field, k) => {
            const v = r[field];
            if (v === undefined) return;
            ws.getCell(FIRST + i, VALUE + k).value = v;
            if (v === null) {
              if (o) delete o[field];
            } else {
              if (!o) ind.observations.push((o = { period: at } as Observation as unknown as Record<string, unknown>) as unknown as Observation);
              o[field] = v;
            }
          });
          ind.observations = ind.observations.filter((x) => x.value !== undefined || x.growth !== undefined);
        });
        await collectAndCheck(data, [Buffer.from(await wb.xlsx.writeBuffer())], expected, json);
      }),
      { numRuns: 25, seed: 32 },
    );
  });

  it('catalogs: gives the data with exactly the corrected and added entries', async () => {
    const entry = fc.record({
      product: text(30),
      enterprise: text(20),
      category: fc.constantFrom(...CATEGORIES).chain((c) => categoryWord(c).map((word) => ({ c, word }))),
      registration: fc.option(text(20), { nil: undefined }),
      listed: fc.option(isoDate, { nil: undefined }),
      hospitals: fc.option(fc.nat({ max: 500 }), { nil: undefined }),
    });
    const arb = reportData
      .filter((d) => (d.catalogs ?? []).length > 0)
      .chain((data) => {
        const n = data.catalogs![0].entries.length;
        return fc.record({
          data: fc.constant(data),
          corrections: fc.array(
            fc.record({
              product: fc.option(text(30), { nil: undefined }),
              category: fc.option(
                fc.constantFrom(...CATEGORIES).chain((c) => categoryWord(c).map((word) => ({ c, word }))),
                { nil: undefined },
              ),
              registration: edit(text(20)),
              listed: edit(isoDate),
              hospitals: edit(fc.nat({ max: 500 })),
            }),
            { minLength: n, maxLength: n },
          ),
          additions: fc.array(entry, { maxLength: 4 }),
          json: fc.boolean(),
        });
      });
    await fc.assert(
      fc.asyncProperty(arb, async ({ data, corrections, additions, json }) => {
        const catalog = data.catalogs![0];
        const req: FormRequest = { kind: 'catalog', catalog: catalog.id };
        const wb = await loadBytes(await formBytes(data, req));
        const ws = formSheet(wb);
        const expected: ReportData = structuredClone(data);
        const entries = expected.catalogs![0].entries;
        corrections.forEach((c, i) => {
          const at = FIRST + i;
          const e = entries[i] as Record<string, unknown>;
          if (c.product !== undefined) {
            ws.getCell(at, 2).value = c.product;
            e.product = c.product;
          }
          if (c.category) {
            ws.getCell(at, 4).value = c.category.word;
            e.category = c.category.c;
          }
          (
            [
              ['registration', 5],
              ['listed', 6],
              ['hospitals', 7],
            ] as const
          ).forEach(([field, col]) => {
            const v = c[field];
            if (v === undefined) return;
            ws.getCell(at, col).value = v === null ? null : field === 'listed' ? utc(v as string) : v;
            if (v === null) delete e[field];
            else e[field] = v;
          });
        });
        additions.forEach((a, k) => {
          const at = FIRST + catalog.entries.length + k * 2; // leave a blank row between additions
          const product = `NEW-${k}-${a.product}`;
          const values: [number, unknown][] = [
            [2, product],
            [3, a.enterprise],
            [4, a.category.word],
            [5, a.registration],
            [6, a.listed === undefined ? undefined : utc(a.listed)],
            [7, a.hospitals],
          ];
          for (const [col, v] of values) if (v !== undefined) ws.getCell(at, col).value = v as ExcelJSValue;
          const added: CatalogEntry = { product, enterprise: a.enterprise, category: a.category.c };
          if (a.registration !== undefined) added.registration = a.registration;
          if (a.listed !== undefined) added.listed = a.listed;
          if (a.hospitals !== undefined) added.hospitals = a.hospitals;
          entries.push(added);
        });
        await collectAndCheck(data, [Buffer.from(await wb.xlsx.writeBuffer())], expected, json);
      }),
      { numRuns: 25, seed: 33 },
    );
  });

  it('an unfilled form of any kind collects as no change at all', async () => {
    await fc.assert(
      fc.asyncProperty(reportData, async (data) => {
        const reqs: FormRequest[] = [
          ...(data.plans ?? []).filter((p) => p.measures.length).map((p) => ({ kind: 'measures' as const, plan: p.id })),
          ...((data.indicators ?? []).length ? [{ kind: 'indicators' as const }] : []),
          ...(data.catalogs ?? []).map((c) => ({ kind: 'catalog' as const, catalog: c.id })),
        ];
        const returns = await Promise.all(
          reqs.map(async (r, i) => readBack(await loadBytes(await formBytes(data, r, i % 2 ? 'zh-CN' : 'en')), data, `r${i}.xlsx`)),
        );
        for (const r of returns) expect(r.changes).toEqual([]);
        const result = collectReturns(data, returns);
        expect(result.rows).toEqual([]);
        expect(result.edits).toEqual([]);
        expect(result.data).toEqual(data);
      }),
      { numRuns: 20, seed: 34 },
    );
  });
});

describe('the forms users get (the streaming writer of plan-report form)', () => {
  afterAll(cleanTemps);
  it('read back exactly as the reference writer forms do: same record, no change', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(reportData, fc.constantFrom<Locale>('en', 'zh-CN'), async (data, locale) => {
        const reqs: FormRequest[] = [
          ...(data.plans ?? []).map((p) => ({ kind: 'measures' as const, plan: p.id })),
          ...((data.indicators ?? []).length ? [{ kind: 'indicators' as const }] : []),
          ...(data.catalogs ?? []).map((c) => ({ kind: 'catalog' as const, catalog: c.id })),
        ];
        for (const req of reqs) {
          const file = path.join(dir, 'f.xlsx');
          await streamWorkbook(buildForm(selectForm(data, req, 'd'), data, locale, OPTIONS).workbook, file);
          const streamed = readReturn(await safeLoadGrid(file), 'f.xlsx', data, 'd'); // as the collector reads it
          const reference = await readBack(await loadBytes(await formBytes(data, req, locale)), data, 'f.xlsx');
          expect(streamed.changes).toEqual([]);
          // The same record, but for the id and seal of the register formBytes enters its forms in.
          expect(streamed.record).toEqual({ ...reference.record, id: '', seal: '' });
        }
      }),
      { numRuns: 15, seed: 35 },
    );
  });
});

type ExcelJSValue = import('exceljs').CellValue;
