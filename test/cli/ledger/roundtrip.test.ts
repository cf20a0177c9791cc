/**
 * fast-check: data -> a ledger as an official might keep it (any column
 * order, any of the usual column titles, a two-row header or not, title
 * rows, groups as heading rows or as a column, dates, statuses and shares in
 * any of their spellings; .xlsx or CSV in UTF-8 or GB18030) -> import gives
 * back the data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readData } from '../../../src/core/data-file/read';
import { daysInMonth, dateToSerial } from '../../../src/core/periods';
import { CATEGORIES, STATUSES, type CatalogEntry, type Category, type Indicator, type Measure, type Status } from '../../../src/core/schema';
import { CATEGORY_WORDS, parseStatusWord, STATUS_WORDS } from '../../../src/core/values';
import { isoDate, text } from '../../support/arbitrary-data';
import { removeTemps, tempDir, writeCsv, writeLedger, type Cell } from '../../support/ledger';
import { cli } from '../../support/fixtures';

afterAll(removeTemps);

const CN_QUARTER = ['一', '二', '三', '四'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every way the tests write a date, for the date given (some only fit some dates); `cells` adds the date cell and the serial number. */
export function dateSpellings(iso: string, cells: boolean): Cell[] {
  const [y, m, d] = iso.split('-').map(Number);
  const out: Cell[] = [iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${d} ${ENGLISH_MONTHS[m - 1]} ${y}`, `${ENGLISH_MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`];
  if (cells) out.push(new Date(`${iso}T00:00:00Z`), dateToSerial(iso));
  if (d === daysInMonth(y, m)) out.push(`${y}年${m}月`, `${y}年${m}月底`);
  if (m === 12 && d === 31) out.push(`${y}年底`, `${y}年`, `end of ${y}`);
  if (m % 3 === 0 && d === daysInMonth(y, m)) out.push(`${y}年第${CN_QUARTER[m / 3 - 1]}季度`, `${y}年${m / 3}季度`, `${y}-Q${m / 3}`, `Q${m / 3} ${y}`);
  if (m === 6 && d === 30) out.push(`${y}年上半年`);
  return out;
}

const statusSpellings = (s: Status): string[] => [s, ...STATUS_WORDS[s], ...STATUS_WORDS[s].filter((w) => /[a-z]/.test(w)).map((w) => w.toUpperCase())];

/** Text as a cell keeps it: no spaces at its ends (a ledger's cells are read trimmed), no CR. */
const cellTextArb = (max = 30) =>
  text(max)
    .map((s) => s.replace(/\r/g, '').trim())
    .filter((s) => s !== '');

const TITLES: Record<keyof Measure, string[]> = {
  id: ['序号', '编号', 'No.', 'ID'],
  title: ['重点任务', '任务', '工作任务', '措施', '工作内容', 'Task', 'Measure'],
  group: ['分类', '类别', '板块', 'Group'],
  lead: ['牵头单位', '责任单位', '牵头部门', 'Lead department', 'Owner'],
  due: ['完成时限', '时间节点', 'Deadline', 'Due date'],
  status: ['状态', '完成情况', 'Status'],
  completed: ['完成日期', '实际完成时间', 'Completed on'],
  progress: ['进度', '完成进度', 'Progress'],
  note: ['进展情况', '推进情况', '备注', 'Remarks'],
};

interface Shape {
  format: 'xlsx' | 'utf8' | 'utf8-bom' | 'gb18030';
  ids: 'text' | 'numbers' | 'none';
  groups: 'headings' | 'column';
  twoRows: boolean;
  titleRow: boolean;
  extraColumn: boolean;
  /** Picks: which title of each field, the column order, each cell's spelling. */
  seed: number[];
}

const measureArb = (groups: string[]) =>
  fc.record(
    {
      title: cellTextArb(40).filter((t) => !parseStatusWord(t).ok),
      group: groups.length ? fc.option(fc.constantFrom(...groups), { nil: undefined }) : fc.constant(undefined),
      lead: fc.option(cellTextArb(), { nil: undefined }),
      due: fc.option(isoDate, { nil: undefined }),
      status: fc.constantFrom(...STATUSES),
      completed: fc.option(isoDate, { nil: undefined }),
      progress: fc.option(
        fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
        { nil: undefined },
      ),
      note: fc.option(cellTextArb(60), { nil: undefined }),
    },
    { requiredKeys: ['title', 'status'] },
  );

const planArb = fc
  .record({
    planId: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,6}$/),
    title: cellTextArb(40),
    groups: fc.uniqueArray(
      cellTextArb(12).filter((g) => !/^(合计|总计|小计|total|注|备注)/i.test(g)),
      { maxLength: 3, selector: (g) => g.toLowerCase() },
    ),
    textIds: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,7}$/), { minLength: 12, maxLength: 12, selector: (s) => s.toLowerCase() }),
  })
  .chain((p) => fc.record({ plan: fc.constant(p), measures: fc.array(measureArb(p.groups), { minLength: 1, maxLength: 10 }) }));

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  format: fc.constantFrom('xlsx', 'utf8', 'utf8-bom', 'gb18030'),
  ids: fc.constantFrom('text', 'numbers', 'none'),
  groups: fc.constantFrom('headings', 'column'),
  twoRows: fc.boolean(),
  titleRow: fc.boolean(),
  extraColumn: fc.boolean(),
  seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
});

/** A seeded pick: the same shape always gives the same ledger. */
function picker(seed: number[]) {
  let i = 0;
  return <T>(xs: T[]): T => xs[seed[i++ % seed.length] % xs.length];
}

/** Writes the measures as a ledger of the shape; gives the file and the data it should read back as. */
async function writeMeasures(dir: string, plan: { planId: string; title: string; textIds: string[] }, measures: Omit<Measure, 'id'>[], shape: Shape) {
  const pick = picker(shape.seed);
  const xlsx = shape.format === 'xlsx';
  // With headings, the measures come in their groups' order, ungrouped first.
  const order = [undefined, ...new Set(measures.map((m) => m.group).filter((g): g is string => g !== undefined))];
  const rows = shape.groups === 'headings' ? [...measures].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group)) : measures;
  const ids = rows.map((_, i) => (shape.ids === 'text' ? plan.textIds[i] : shape.ids === 'numbers' ? `${plan.planId}-${i + 1}` : `M-${i + 1}`));
  const fields = (['id', 'title', 'group', 'lead', 'due', 'status', 'completed', 'progress', 'note'] as const).filter(
    (f) =>
      (f !== 'id' || shape.ids !== 'none') &&
      (f !== 'group' || shape.groups === 'column') &&
      (f === 'title' || f === 'status' || f === 'id' || rows.some((m) => m[f] !== undefined) || pick([true, false])),
  );
  // A random order, keeping status and completed side by side under a merged 完成情况 when the header has two rows.
  let columns: string[] = [...fields].sort(() => pick([-1, 1]));
  const twoRows = shape.twoRows && fields.includes('completed');
  if (twoRows) columns = [...columns.filter((c) => c !== 'completed' && c !== 'status'), 'status', 'completed'];
  if (shape.extraColumn) columns.splice(pick([0, 1, 2]) % (columns.length + 1), 0, 'extra');
  const titleOf = (f: string) => (f === 'extra' ? '联系人' : pick(TITLES[f as keyof Measure]));
  const top = columns.map((c) => (twoRows && (c === 'status' || c === 'completed') ? '完成情况' : titleOf(c)));
  const sheet: Cell[][] = [];
  if (shape.titleRow) sheet.push([plan.title]);
  sheet.push(top);
  if (twoRows) sheet.push(columns.map((c) => (c === 'status' ? '状态' : c === 'completed' ? '完成时间' : null)));
  let group: string | undefined;
  let heading = 0;
  rows.forEach((m, i) => {
    if (shape.groups === 'headings' && m.group !== group) {
      group = m.group;
      sheet.push([`${['一', '二', '三', '四'][heading++]}、${group}`]);
    }
    sheet.push(
      columns.map((c): Cell => {
        if (c === 'extra') return pick([null, '张三', '010-1234']);
        if (c === 'id') return shape.ids === 'numbers' ? pick<Cell>([i + 1, String(i + 1)]) : ids[i];
        if (c === 'status') return pick(statusSpellings(m.status));
        if (c === 'due' || c === 'completed') return m[c] === undefined ? null : pick(dateSpellings(m[c]!, xlsx));
        if (c === 'progress') return m.progress === undefined ? null : pick<Cell>([`${Math.round(m.progress * 100)}%`, xlsx ? m.progress : String(m.progress)]);
        return (m[c as Exclude<keyof Measure, 'id'>] as string | undefined) ?? null;
      }),
    );
  });
  const base = shape.titleRow ? plan.title : xlsx ? '台账' : 'ledger';
  const file = xlsx
    ? await writeLedger(path.join(dir, 'ledger.xlsx'), [{ name: '台账', rows: sheet }])
    : writeCsv(path.join(dir, 'ledger.csv'), sheet as (string | number | null)[][], shape.format as 'utf8');
  const groups = [...new Set(rows.map((m) => m.group).filter((g): g is string => g !== undefined))];
  const expected = { id: plan.planId, title: base, ...(groups.length ? { groups } : {}), measures: rows.map((m, i) => ({ id: ids[i], ...m })) };
  return { file, expected };
}

async function importBack(file: string, ...args: string[]) {
  const out = path.join(path.dirname(file), 'data.json');
  fs.rmSync(out, { force: true });
  const r = await cli('import', file, '--out', out, '--locale', 'en', '--region', 'R', '--period', '2022-Q3', '--title', 'T', ...args);
  if (r.code !== 0) throw new Error(`import failed (${r.code}):\n${r.stderr}`);
  return readData(fs.readFileSync(out, 'utf8'), out);
}

describe('a ledger written from data imports back as that data', () => {
  it('measures: any column order, titles, header rows, groups, spellings, file format', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, shapeArb, async ({ plan, measures }, shape) => {
        const dir = tempDir();
        const { file, expected } = await writeMeasures(dir, plan, measures, shape);
        const data = await importBack(file, '--plan', plan.planId);
        expect(data.plans).toEqual([JSON.parse(JSON.stringify(expected))]);
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  const categorySpellings = (c: Category) => [c, ...CATEGORY_WORDS[c]];
  const entryArb = fc.record(
    {
      product: cellTextArb(),
      enterprise: cellTextArb(),
      category: fc.constantFrom(...CATEGORIES),
      registration: fc.option(cellTextArb(20), { nil: undefined }),
      listed: fc.option(isoDate, { nil: undefined }),
      hospitals: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
    },
    { requiredKeys: ['product', 'enterprise', 'category'] },
  );

  it('catalogs: any column order, titles and spellings', async () => {
    const titles: Record<keyof CatalogEntry, string[]> = {
      product: ['产品名称', '药品名称', 'Product'],
      enterprise: ['企业名称', '生产企业', 'Enterprise'],
      category: ['类别', '产品类别', 'Category'],
      registration: ['注册证号', '批准文号', 'Registration no.'],
      listed: ['入选时间', '发布时间', 'Listed on'],
      hospitals: ['采购医院数', '采购医疗机构数', 'Hospitals'],
    };
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 8 }), shapeArb, async (entries, shape) => {
        const pick = picker(shape.seed);
        const xlsx = shape.format === 'xlsx';
        const columns = (Object.keys(titles) as (keyof CatalogEntry)[]).sort(() => pick([-1, 1]));
        const rows: Cell[][] = [['序号', ...columns.map((c) => pick(titles[c]))]];
        entries.forEach((e, i) =>
          rows.push([
            i + 1,
            ...columns.map((c): Cell => {
              const v = e[c];
              if (v === undefined) return null;
              if (c === 'category') return pick(categorySpellings(v as Category));
              if (c === 'listed') return pick(dateSpellings(v as string, xlsx));
              if (c === 'hospitals') return pick<Cell>([v as number, `${v}家`, String(v)]);
              return v as string;
            }),
          ]),
        );
        const dir = tempDir();
        const file = xlsx
          ? await writeLedger(path.join(dir, 'c.xlsx'), [{ name: 'Catalog', rows }])
          : writeCsv(path.join(dir, 'c.csv'), rows as string[][], shape.format as 'utf8');
        const data = await importBack(file, '--plan', 'CAT');
        expect(data.catalogs![0].entries).toEqual(JSON.parse(JSON.stringify(entries)));
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 30 },
    );
  }, 240_000);

  it('indicators: a column per period, or a row per observation', async () => {
    const year = fc.integer({ min: 2016, max: 2030 });
    const value = fc.oneof(fc.integer({ min: -100, max: 5000 }), fc.double({ min: -100, max: 10000, noNaN: true, noDefaultInfinity: true })).map((v) => v + 0);
    const indicatorArb = fc.record({
      name: cellTextArb(20),
      unit: fc.option(cellTextArb(8), { nil: undefined }),
      kind: fc.option(fc.constantFrom('level' as const, 'cumulative' as const), { nil: undefined }),
      baseline: fc.option(fc.record({ period: year.map(String), value }), { nil: undefined }),
      values: fc.array(fc.option(value, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(indicatorArb, { minLength: 1, maxLength: 5, selector: (i) => i.name }), shapeArb, async (list, shape) => {
        const pick = picker(shape.seed);
        const xlsx = shape.format === 'xlsx';
        const wide = pick([true, false]);
        const periods = ['2021', '2022', '2023'];
        const expected: Indicator[] = list.map((ind, i) => {
          const out: Indicator = { id: `I-${i + 1}`, name: ind.name, observations: [] };
          if (ind.unit !== undefined) out.unit = ind.unit;
          if (ind.kind !== undefined) out.kind = ind.kind;
          if (ind.baseline !== undefined) out.baseline = ind.baseline;
          ind.values.forEach((v, j) => v !== undefined && out.observations.push({ period: periods[j], value: v }));
          return out;
        });
        const kindWord = (k: string | undefined) => (k === undefined ? null : pick(k === 'level' ? ['水平值', 'level'] : ['累计值', 'cumulative']));
        const num = (v: number | undefined): Cell => (v === undefined ? null : xlsx ? v : String(v));
        let rows: Cell[][];
        if (wide) {
          rows = [['指标名称', '单位', '类型', '基期', '基期值', ...periods.map((p) => pick([`${p}年`, p]))]];
          for (const ind of list)
            rows.push([ind.name, ind.unit ?? null, kindWord(ind.kind), ind.baseline?.period ?? null, num(ind.baseline?.value), ...ind.values.map(num)]);
        } else {
          rows = [['指标名称', '单位', '类型', '基期', '基期值', '期间', '数值']];
          for (const ind of list) {
            const filled = ind.values.map((v, j) => [periods[j], v] as const).filter(([, v]) => v !== undefined);
            if (!filled.length) rows.push([ind.name, ind.unit ?? null, kindWord(ind.kind), ind.baseline?.period ?? null, num(ind.baseline?.value), null, null]);
            filled.forEach(([p, v], j) =>
              rows.push([
                j === 0 || pick([true, false]) ? ind.name : null,
                j === 0 ? (ind.unit ?? null) : null,
                j === 0 ? kindWord(ind.kind) : null,
                j === 0 ? (ind.baseline?.period ?? null) : null,
                j === 0 ? num(ind.baseline?.value) : null,
                pick([`${p}年`, p]),
                num(v),
              ]),
            );
          }
        }
        const dir = tempDir();
        const file = xlsx
          ? await writeLedger(path.join(dir, 'i.xlsx'), [{ name: '指标', rows }])
          : writeCsv(path.join(dir, 'i.csv'), rows as string[][], shape.format as 'utf8');
        const data = await importBack(file);
        expect(data.indicators).toEqual(JSON.parse(JSON.stringify(expected)));
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
