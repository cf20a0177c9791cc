/**
 * form, collect, import and extract speak Chinese: run with --locale zh-CN
 * (extract: with LANG=zh_CN.UTF-8) on a corpus of bad inputs, they print no
 * English sentence and no data path; with --verbose a problem at a data path
 * says its path. The bad inputs are those the commands' own tests build:
 * cells in no drop-down's words, dates without a year, shares over 1,
 * changed locked cells, rows below a form, formulas, files that are no
 * workbook, forms of another data file, options that name nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readReportWorkbook } from '../../src/core/read/report-reader';
import { InputError } from '../../src/core/errors';
import { loadWorkbookFile } from '../../src/cli/xlsx/read/read-record';
import { problemLine } from '../../src/cli/voice';
import { cli, type Result } from '../support/fixtures';
import { cleanTemps, formSheet, loadBytes, tempDir } from '../support/forms';
import { dataPath, englishRun } from '../support/zh-text';

afterAll(cleanTemps);

const DATA = `format: plan-report/v1
report:
  title: 测试报告
  region: 海淀区
  period: 2024-Q3
  locale: zh-CN
plans:
  - id: P1
    title: 方案一
    measures:
      - { id: M1, title: 第一项措施, lead: 卫健委, due: 2024-12-31, status: in-progress, progress: 0.4 }
      - { id: M2, title: 第二项措施, lead: 商务局、卫健委, status: not-started }
catalogs:
  - id: C1
    title: 创新产品目录
    entries:
      - { product: 某药, enterprise: 某企业, category: drug, hospitals: 2 }
indicators:
  - id: REV
    name: 营业收入
    region: 海淀区
    unit: 亿元
    observations:
      - { period: "2023", value: 10 }
`;

/** No data path such as plans[0].measures[1].status. */
const DATA_PATH = /\w+\[\d+\]\.\w+/;

/** A line without its file paths (a temporary folder's name may hold anything). */
const bare = (line: string) => line.replace(/\S*[/\\]\S*/g, '');

function expectChinese(r: Result): void {
  const lines = [...r.out, ...r.err].flatMap((l) => l.split('\n'));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect({ line, english: englishRun(bare(line)), path: dataPath(line) }).toEqual({ line, english: undefined, path: undefined });
}

interface Setup {
  dir: string;
  data: string;
  /** A form made by `form ARGS --locale zh-CN`, filled by `fill` and saved in returns/. */
  filled(name: string, args: string[], fill: (ws: ExcelJS.Worksheet) => void): Promise<string>;
}

function setup(text = DATA): Setup {
  const dir = tempDir();
  const data = path.join(dir, 'data.yaml');
  fs.writeFileSync(data, text);
  fs.mkdirSync(path.join(dir, 'returns'));
  return {
    dir,
    data,
    async filled(name, args, fill) {
      const form = path.join(dir, name);
      const made = await cli('form', data, ...args, '--locale', 'zh-CN', '--out', form);
      expect(made.err).toEqual([]);
      expectChinese(made);
      const wb = await loadBytes(fs.readFileSync(form));
      fill(formSheet(wb));
      const out = path.join(dir, 'returns', name);
      fs.writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
      return out;
    },
  };
}

describe('collect in Chinese', () => {
  it('says every refusal of a bad return in Chinese, naming the column and the drop-down words', async () => {
    const s = setup();
    const measures = await s.filled('measures.xlsx', ['--lead', '卫健委'], (ws) => {
      ws.getCell('F8').value = '差不多完成';
      ws.getCell('G8').value = '6月底';
      ws.getCell('H8').value = 60;
      ws.getCell('C9').value = '改过的标题';
      ws.getCell('A12').value = '多出的一行';
    });
    const catalog = await s.filled('catalog.xlsx', ['--kind', 'catalog'], (ws) => {
      ws.getCell('D8').value = '保健品';
      ws.getCell('G8').value = -3;
      ws.getCell('B9').value = '新药';
      ws.getCell('D9').value = '药品';
    });
    const indicators = await s.filled('indicators.xlsx', ['--kind', 'indicators'], (ws) => {
      ws.getCell('H8').value = 'abc';
      ws.getCell('I8').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    });
    const r = await cli('collect', s.data, measures, catalog, indicators, '--locale', 'zh-CN', '--dry-run');
    expect(r.code).toBe(1);
    expectChinese(r);
    expect(r.err).toEqual(
      expect.arrayContaining([
        `${measures}：不予采用（5 个问题），其内容均未采用`,
        `${measures} 措施!F8：状态“差不多完成”不是下拉选项之一：未启动、推进中、已完成、滞后、已取消`,
        expect.stringMatching(/^\S+ 措施!G8：完成日期“6月底”缺少年份；/),
        expect.stringMatching(/^\S+ 措施!H8：完成进度“60”大于1；/),
        expect.stringMatching(/^\S+ 措施!C9：锁定的单元格由“第二项措施”改为“改过的标题”；/),
        expect.stringMatching(/^\S+ 措施!A12：位于表单各行之下；只应在第 8 至 9 行填写/),
        `${catalog} 产品目录!D8：类别“保健品”不是下拉选项之一：药品、医疗器械、耗材、诊断试剂、其他`,
        expect.stringMatching(/^\S+ 产品目录!G8：采购医疗机构数“-3”为负数；/),
        `${catalog} 产品目录!C9：企业为空；每一新增项都应填写企业`,
        expect.stringMatching(/^\S+ \S+!H8：数值“abc”不是数字；/),
        expect.stringMatching(/^\S+ \S+!I8：同比增长为公式（=1\+1）；/),
      ]),
    );
    expect(r.out.at(-1)).toBe('试运行：来自 0 份表单的 0 处修改；未写入任何内容；3 份表单不予采用');
  }, 60_000);

  it('refuses files that are no returned form, in Chinese', async () => {
    const s = setup();
    const empty = path.join(s.dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    const text = path.join(s.dir, 'text.xlsx');
    fs.writeFileSync(text, 'hello');
    const form = await s.filled('ok.xlsx', ['--lead', '商务局'], () => undefined);
    const cut = path.join(s.dir, 'cut.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(form).subarray(0, 200));
    const report = path.join(s.dir, 'report.xlsx');
    expect((await cli('generate', s.data, '--out', report)).code).toBe(0);
    const other = setup();
    const foreign = await other.filled('foreign.xlsx', ['--lead', '商务局'], () => undefined);
    const r = await cli('collect', s.data, empty, text, cut, report, foreign, s.data, path.join(s.dir, 'none.xlsx'), s.dir, '--locale', 'zh-CN');
    expect(r.code).toBe(1);
    expectChinese(r);
    expect(r.err).toEqual(
      expect.arrayContaining([
        `${empty}：是空文件；应为交回的表单（.xlsx）`,
        `${text}：不是 .xlsx 工作簿（不是压缩包格式）`,
        expect.stringMatching(/^\S+cut\.xlsx：不是完整的 \.xlsx 工作簿：压缩包被截断或已损坏/),
        expect.stringMatching(/^\S+report\.xlsx：是由“plan-report generate”生成的报告工作簿，不是表单/),
        expect.stringMatching(/^\S+foreign\.xlsx _plan_report_form!B\d+：不是由该数据文件发出的表单/),
        `${s.data}：是数据文件本身；应为交回的表单（.xlsx）`,
        expect.stringMatching(/none\.xlsx：文件不存在；应为交回的表单（\.xlsx）$/),
        `${s.dir}：是文件夹；应为交回的表单（.xlsx）`,
      ]),
    );
  }, 60_000);

  it('lines up its table of changes by display width and shows shares as percentages', async () => {
    const s = setup();
    const ret = await s.filled('health.xlsx', ['--lead', '卫健委'], (ws) => {
      ws.getCell('F8').value = '已完成';
      ws.getCell('H8').value = 1;
      ws.getCell('I9').value = '已选址';
    });
    const r = await cli('collect', s.data, ret, '--locale', 'zh-CN');
    expect(r.err).toEqual([]);
    expectChinese(r);
    expect(r.out).toEqual([
      `${ret}：已读取（3 处修改）`,
      `${s.data} 的修改（3 处）：`,
      '  事项   字段      原值      新值    来源',
      `  P1 M1  状态      推进中    已完成  ${ret} 措施!F8`,
      `  P1 M1  完成进度  40%       100%    ${ret} 措施!H8`,
      `  P1 M2  备注      （空白）  已选址  ${ret} 措施!I9`,
      `${s.data}：已写入（来自 1 份表单的 3 处修改）`,
    ]);
  }, 60_000);

  it('says a refused return at a data path with the path only when --verbose', async () => {
    const s = setup();
    const ret = await s.filled('health.xlsx', ['--lead', '卫健委'], (ws) => {
      ws.getCell('G8').value = '1899-12-31';
    });
    const quiet = await cli('collect', s.data, ret, '--locale', 'zh-CN', '--dry-run');
    expectChinese(quiet);
    const refusal = quiet.err.find((l) => l.includes('措施!G8'))!;
    expect(refusal).toMatch(/^\S+ 措施!G8：第1个方案第1项措施的“完成日期”：应为 1900-03-01 及以后的日期.*；该表单不予采用$/);
    expect(refusal).not.toMatch(DATA_PATH);
    const verbose = await cli('collect', s.data, ret, '--locale', 'zh-CN', '--dry-run', '--verbose');
    expect(verbose.err.find((l) => l.includes('措施!G8'))).toContain('（plans[0].measures[0].completed）');
  }, 60_000);
});

describe('form in Chinese', () => {
  it('says what is wrong with its options and its data file, in Chinese', async () => {
    const s = setup();
    const none = setup(DATA.replace(/catalogs:[\s\S]*?indicators:/, 'indicators:').replace(/lead: [^,]+, /g, ''));
    const runs: [string[], RegExp][] = [
      [[s.data, '--plan', 'NOPE'], /：没有方案“NOPE”；应为以下之一：P1$/],
      [[s.data, '--lead', '无此单位'], /：没有由“无此单位”牵头的措施；应为以下牵头单位之一：卫健委、商务局$/],
      [[s.data, '--period', '2024-Q5'], /：--period “2024-Q5”不是可识别的期间；/],
      [[s.data, '--due', '2024-13-01'], /：--due “2024-13-01”不是可识别的日期；/],
      [[s.data, '--due', '2020-01-01'], /：--due 2020-01-01 早于报告期2024年第三季度的起始日（2024年7月1日）；/],
      [[s.data, '--contact', ' '], /：--contact 为空；/],
      [[s.data, '--kind', 'indicators', '--region', '火星'], /：没有地区“火星”的指标；应为以下地区之一：海淀区$/],
      [[none.data, '--kind', 'catalog'], /：没有目录（catalogs），无从制作目录表单；/],
      [
        [none.data, '--all', '--out-dir', path.join(none.dir, 'f')],
        /：2 项措施均未填写牵头单位，--all 无从按单位制作表单；请不用 --all，改用 --plan 逐个方案制作（P1）$/,
      ],
      [[s.data, '--all', '--out', 'x.xlsx'], /^错误：--all 将多份表单写入一个文件夹/],
    ];
    for (const [args, said] of runs) {
      const r = await cli('form', ...args, '--locale', 'zh-CN');
      expect({ args, code: r.code }).toEqual({ args, code: args.includes('--out') ? 2 : 1 });
      expect(r.err.join('\n')).toMatch(said);
      expectChinese(r);
    }
  }, 60_000);

  it('tells each form written, in Chinese', async () => {
    const s = setup();
    const r = await cli('form', s.data, '--all', '--out-dir', path.join(s.dir, 'forms'), '--locale', 'zh-CN');
    expect(r.code).toBe(0);
    expectChinese(r);
    expect(r.out).toEqual([
      expect.stringMatching(/ -> \S+（措施表单：2 项措施，由“卫健委”牵头（其中 1 项为联合牵头），2024年第三季度）$/),
      expect.stringMatching(/ -> \S+（措施表单：1 项措施，由“商务局”牵头（其中 1 项为联合牵头），2024年第三季度）$/),
      `已写入 2 份表单至 ${path.join(s.dir, 'forms')}`,
    ]);
  }, 60_000);
});

describe('import in Chinese', () => {
  it('says every problem of a ledger and of its file in Chinese', async () => {
    const s = setup();
    const csv = path.join(s.dir, 'bad.csv');
    fs.writeFileSync(csv, '序号,重点任务,牵头单位,完成时限,完成情况,进展情况\n1,任务一,卫健委,明年,差不多,\n2,任务二,商务局,2024-06-30,推进中,\n');
    const empty = path.join(s.dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const broken = path.join(s.dir, 'broken.xlsx');
    fs.writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
    for (const file of [csv, empty, broken]) {
      const r = await cli('import', file, '--locale', 'zh-CN', '--period', '2024-Q3', '--out', path.join(s.dir, 'out.yaml'));
      expect(r.code).toBe(1);
      expectChinese(r);
    }
    const r = await cli('import', csv, '--locale', 'zh-CN', '--dry-run', '--verbose');
    expect(r.err.join('\n')).toContain('完成情况：“差不多”不是可识别的完成情况；应为以下之一：未启动、推进中、已完成、滞后、已取消');
    expectChinese(r);
  }, 60_000);
});

describe("extract's problems in Chinese", () => {
  /** A report generated from the data, with cells changed by `edit` on its Measures sheet. */
  async function badReport(s: Setup): Promise<string> {
    const file = path.join(s.dir, 'report.xlsx');
    expect((await cli('generate', s.data, '--out', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('措施')!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '推进中') cell.value = '差不多完成';
        if (cell.value instanceof Date) cell.value = '明年年底前';
      }),
    );
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('names the sheet, cell, column title and drop-down words, with the data path only when verbose', async () => {
    const s = setup();
    const file = await badReport(s);
    const err = await loadWorkbookFile(file).then((wb) => {
      try {
        readReportWorkbook(wb, file);
      } catch (e) {
        return e;
      }
      return undefined;
    });
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    const zh = problems.map((p) => problemLine(p, { locale: 'zh-CN', verbose: false }));
    expect(zh).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ 措施!\w+\d+：状态“差不多完成”不是下拉选项之一：未启动、推进中、已完成、滞后、已取消$/),
        expect.stringMatching(/ 措施!\w+\d+：完成时限“明年年底前”缺少年份；应写明年份/),
      ]),
    );
    for (const line of zh) {
      expect(englishRun(bare(line))).toBeUndefined();
      expect(dataPath(line)).toBeUndefined();
    }
    const verbose = problems.map((p) => problemLine(p, { locale: 'zh-CN', verbose: true }));
    expect(verbose.join('\n')).toContain('（plans[0].measures[0].status）');

    const saved = process.env.LANG;
    const savedAll = process.env.LC_ALL;
    process.env.LANG = 'zh_CN.UTF-8';
    delete process.env.LC_ALL;
    try {
      const r = await cli('extract', file, '--out', path.join(s.dir, 'back.yaml'));
      expect(r.code).toBe(1);
      expectChinese(r);
      expect(r.err).toEqual(expect.arrayContaining(zh));
    } finally {
      if (saved === undefined) delete process.env.LANG;
      else process.env.LANG = saved;
      if (savedAll !== undefined) process.env.LC_ALL = savedAll;
    }
  }, 60_000);
});
