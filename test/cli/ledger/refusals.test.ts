/**
 * Every refusal of `plan-report import`, in English and in Chinese, with
 * the file, the sheet and cell, and what was expected; nothing is written
 * when anything is refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTemps, tempDir, writeCsv, writeLedger, type Cell } from '../../support/ledger';
import { cli, type Result } from '../../support/fixtures';

afterAll(removeTemps);

const REPORT = ['--region', '海淀区', '--period', '2022-Q3', '--title', '台账'];

async function ledger(rows: Cell[][], name = '台账', merges: string[] = []): Promise<string> {
  return writeLedger(path.join(tempDir(), 'ledger.xlsx'), [{ name, rows, merges }]);
}

/** Runs import in both languages; gives what each printed to stderr. */
async function both(...argv: string[]): Promise<{ en: Result; zh: Result }> {
  return { en: await cli('import', ...argv, '--locale', 'en'), zh: await cli('import', ...argv, '--locale', 'zh-CN') };
}

/** Chinese output holds no English sentence (two English words in a row), outside file names and options. */
function expectChinese(lines: string[], file: string): void {
  for (const line of lines) {
    const text = line
      .split(file)
      .join('')
      .replace(/--[a-z-]+( "[^"]*")?/g, '')
      .replace(/docs\/import\.md/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  }
}

describe('values that cannot be read, each at its cell', () => {
  it('lists every cell of a ledger of measures that it cannot read, row by row, and writes nothing', async () => {
    const file = await ledger([
      ['序号', '重点任务', '牵头单位', '完成时限', '完成情况', '完成时间', '进度'],
      [1, '甲', '区科委', '6月底', '差不多', null, '60'],
      [2, null, '区科委', '2022年底', '已完成'],
      [3, '乙', '区科委', '2022-02-30', '推进中', '长期', '120%'],
      [4, '丙', '区科委', { formula: 'DATE(2022,6,30)' }, '推进中'],
      [4, '丁', '区科委', '2022年6月', '推进中'],
    ]);
    const out = path.join(path.dirname(file), 'out.yaml');
    const { en, zh } = await both(file, '--out', out, ...REPORT);
    expect(en.code).toBe(1);
    expect(en.err).toEqual([
      '9 problems:',
      `  ${file} 台账!D2: 完成时限: "6月底" has no year; expected a date with its year, such as 2022年6月底 or 2022-06-30`,
      `  ${file} 台账!E2: 完成情况: "差不多" is not a status; expected one of: 未启动, 推进中, 已完成, 滞后, 已取消 (or Not started, In progress, Completed, Delayed, Cancelled)`,
      `  ${file} 台账!G2: 进度: "60" is over 1; expected a share from 0 to 1 (write 60% for 60 percent)`,
      `  ${file} 台账!B3: 重点任务: blank, but the row has other values; expected the row's title (or delete the row)`,
      `  ${file} 台账!D4: 完成时限: "2022-02-30" is no day of the calendar; expected a real date`,
      `  ${file} 台账!F4: 完成时间: "长期" is not a date; expected a date such as 2022-06-30, 2022/6/30, 2022年6月30日, 2022年6月, 2022年底 or 2022年第三季度 (or 长期 for none)`,
      `  ${file} 台账!G4: 进度: "120%" is over 100%; expected a share from 0% to 100%`,
      `  ${file} 台账!D5: 完成时限: holds a formula (=DATE(2022,6,30)); expected a value typed in (formulas are not read: copy the column and paste it as values)`,
      `  ${file} 台账!A6: 序号: id "P1-4" is already used by 台账!A5; expected a unique 序号 in each plan (or a blank 序号 column, for ids M-1, M-2...)`,
      'nothing written: 9 problems to put right first (see above; --dry-run shows how each column was read)',
    ]);
    expect(zh.code).toBe(1);
    expect(zh.err).toEqual([
      '发现9处问题：',
      `  ${file} 台账!D2：完成时限：“6月底”缺少年份；应写明年份，如 2022年6月底 或 2022-06-30`,
      `  ${file} 台账!E2：完成情况：“差不多”不是可识别的完成情况；应为以下之一：未启动、推进中、已完成、滞后、已取消`,
      `  ${file} 台账!G2：进度：“60”大于1；应在 0 至 1 之间（表示百分之60请写 60%）`,
      `  ${file} 台账!B3：重点任务：为空，但该行填有其他内容；应填写任务（或删除该行）`,
      `  ${file} 台账!D4：完成时限：“2022-02-30”不是日历上存在的日期；请核对年、月、日`,
      `  ${file} 台账!F4：完成时间：“长期”不是可识别的日期；应写作 2022-06-30、2022/6/30、2022年6月30日、2022年6月、2022年底 或 2022年第三季度（无固定时限的写“长期”）`,
      `  ${file} 台账!G4：进度：“120%”超过100%；应在 0% 至 100% 之间`,
      `  ${file} 台账!D5：完成时限：为公式（=DATE(2022,6,30)）；应为直接录入的值（公式不会被读取，请复制该列后“选择性粘贴—数值”）`,
      `  ${file} 台账!A6：序号：编号“P1-4”与 台账!A5 重复；同一方案内序号应各不相同（或清空序号列，由系统编为 M-1、M-2……）`,
      '未写入：请先解决上列9处问题（加 --dry-run 可查看各列的识别结果）',
    ]);
    expectChinese(zh.err, file);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('lists the cells of a catalog it cannot read', async () => {
    const file = await ledger([
      ['产品名称', '企业名称', '类别', '入选时间', '采购医院数'],
      ['甲药', '甲公司', '保健品', '2021年11月', -2],
      ['乙械', null, '医疗器械', '明年', '3.5'],
      ['丙剂', '丙公司', null],
    ]);
    const { en, zh } = await both(file, '--dry-run', ...REPORT);
    expect(en.err).toEqual([
      '6 problems:',
      `  ${file} 台账!C2: 类别: "保健品" is not a product category; expected one of: 药品, 医疗器械, 耗材, 诊断试剂, 其他 (or drug, device, consumable, diagnostic, other)`,
      `  ${file} 台账!E2: 采购医院数: "-2" is negative; expected a count of 0 or more`,
      `  ${file} 台账!B3: 企业名称: blank, but the row has other values; expected the row's enterprise (or delete the row)`,
      `  ${file} 台账!D3: 入选时间: "明年" is not a date; expected a date such as 2022-06-30, 2022/6/30, 2022年6月30日, 2022年6月, 2022年底 or 2022年第三季度 (or 长期 for none)`,
      `  ${file} 台账!E3: 采购医院数: "3.5" is not a whole number; expected a count such as 3`,
      `  ${file} 台账!C4: 类别: blank, but the row has other values; expected the row's category (or delete the row)`,
    ]);
    expect(zh.err).toEqual([
      '发现6处问题：',
      `  ${file} 台账!C2：类别：“保健品”不是可识别的产品类别；应为以下之一：药品、医疗器械、耗材、诊断试剂、其他`,
      `  ${file} 台账!E2：采购医院数：“-2”为负数；应为 0 或正整数`,
      `  ${file} 台账!B3：企业名称：为空，但该行填有其他内容；应填写企业名称（或删除该行）`,
      `  ${file} 台账!D3：入选时间：“明年”不是可识别的日期；应写作 2022-06-30、2022/6/30、2022年6月30日、2022年6月、2022年底 或 2022年第三季度（无固定时限的写“长期”）`,
      `  ${file} 台账!E3：采购医院数：“3.5”不是整数；应为 0 或正整数，如 3`,
      `  ${file} 台账!C4：类别：为空，但该行填有其他内容；应填写类别（或删除该行）`,
    ]);
    expectChinese(zh.err, file);
  });

  it('says when no column gives a field a catalog entry needs', async () => {
    const file = await ledger([
      ['产品名称', '注册证号'],
      ['甲药', 'X1'],
    ]);
    const { en, zh } = await both(file, '--dry-run', '--kind', 'catalog', ...REPORT);
    expect(en.err.slice(1)).toEqual([
      `  ${file} 台账!A2: no column gives the enterprise; expected a column for it (or name one with --map "TITLE=enterprise")`,
      `  ${file} 台账!A2: no column gives the category; expected a column for it (or name one with --map "TITLE=category")`,
    ]);
    expect(zh.err.slice(1)).toEqual([
      `  ${file} 台账!A2：没有一列给出企业名称；应增加该列（或用 --map "列名=enterprise" 指定）`,
      `  ${file} 台账!A2：没有一列给出类别；应增加该列（或用 --map "列名=category" 指定）`,
    ]);
  });

  it('lists what is wrong with indicators', async () => {
    const file = await ledger([
      ['指标名称', '单位', '类型', '基期值', '期间', '数值'],
      ['营收', '亿元', '水平值', 200, '2021年', 320],
      ['营收', '万元', '平均', null, '2021年', 330],
      ['营收', null, null, null, '2022年第一季度', 100],
      ['企业数', '家', null, null, '2022年', null],
      ['企业数', null, null, null, null, 12],
      ['企业数', null, null, null, '明年', 12],
    ]);
    const { en, zh } = await both(file, '--dry-run', ...REPORT);
    expect(en.err).toEqual([
      '8 problems:',
      `  ${file} 台账!D2: 基期值: a baseline without its period; expected a 基期 (baseline period) column, or the period in the column's title (2020年基数, 2025年目标值)`,
      `  ${file} 台账!B3: 单位: this indicator's unit differs from the one given at 台账!B2; expected the same in every row of the indicator`,
      `  ${file} 台账!C3: 类型: "平均" is not a kind of indicator; expected 水平值 or 累计值 (level or cumulative)`,
      `  ${file} 台账!F3: 数值: period 2021 is given twice for this indicator (first at 台账!F2); expected each period once`,
      `  ${file} 台账!F4: 数值: period 2022-Q1 is not of the kind of this indicator's first period (at 台账!F2); expected all years, all halves, all quarters or all months`,
      `  ${file} 台账!E5: 期间: a period with no value nor growth; expected a value or a growth in the row (or no period)`,
      `  ${file} 台账!F6: 数值: a value without its period; expected the period in the row's 期间 (period) column`,
      `  ${file} 台账!E7: 期间: "明年" is not a period; expected a year, half, quarter or month such as 2022, 2022年上半年, 2022年第三季度, 2022年6月 or 2022-Q3`,
    ]);
    expect(zh.err).toEqual([
      '发现8处问题：',
      `  ${file} 台账!D2：基期值：有基期值而无期间；应增加“基期”列，或在列名中写明期间（如“2020年基数”“2025年目标值”）`,
      `  ${file} 台账!B3：单位：该指标的单位与 台账!B2 所填不一致；同一指标各行应填写一致`,
      `  ${file} 台账!C3：类型：“平均”不是可识别的指标类型；应为“水平值”或“累计值”`,
      `  ${file} 台账!F3：数值：该指标的期间 2021 重复（首次见于 台账!F2）；每个期间只应填写一次`,
      `  ${file} 台账!F4：数值：期间 2022-Q1 与该指标首个期间（台账!F2）的类型不同；同一指标的期间应同为年、半年、季度或月`,
      `  ${file} 台账!E5：期间：有期间而无数值或增速；应在该行填写数值或增速（或清空期间）`,
      `  ${file} 台账!F6：数值：有数值而无期间；应在该行“期间”列填写期间`,
      `  ${file} 台账!E7：期间：“明年”不是可识别的期间；应为年、半年、季度或月，如 2022年、2022年上半年、2022年第三季度、2022年6月`,
    ]);
    expectChinese(zh.err, file);
  });

  it('names the cell of what the data file checks still find (a text too long for a cell, from a CSV file)', async () => {
    const file = writeCsv(
      path.join(tempDir(), 'long.csv'),
      [
        ['任务', '状态'],
        ['x'.repeat(40000), '推进中'],
      ],
      'utf8',
    );
    const { en, zh } = await both(file, '--dry-run', ...REPORT);
    expect(en.err).toEqual(['1 problem:', `  ${file} A2: plans[0].measures[0].title: expected at most 32767 characters (the limit of one spreadsheet cell)`]);
    expect(zh.err).toEqual([
      '发现1处问题：',
      `  ${file} A2：数据校验未通过（plans[0].measures[0].title）：expected at most 32767 characters (the limit of one spreadsheet cell)`,
    ]);
  });
});

describe('files, sheets and options that cannot be used', () => {
  it('refuses what is no ledger file', async () => {
    const dir = tempDir();
    const yaml = path.join(dir, 'data.yaml');
    fs.writeFileSync(yaml, 'format: plan-report/v1\n');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const notZip = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(notZip, 'not a workbook');
    const badCsv = path.join(dir, 'bad.csv');
    fs.writeFileSync(badCsv, '任务,状态\n"未闭合,推进中\n');
    const missing = path.join(dir, 'missing.xlsx');
    const cases: [string, string, string][] = [
      [missing, 'no such file; expected a ledger (.xlsx or .csv)', '文件不存在；应为台账文件（.xlsx 或 .csv）'],
      [dir, 'is a directory; expected a ledger (.xlsx or .csv)', '是文件夹；应为台账文件（.xlsx 或 .csv）'],
      [empty, 'is empty; expected a ledger (.xlsx or .csv)', '是空文件；应为台账文件（.xlsx 或 .csv）'],
      [
        yaml,
        'is not a ledger (.yaml); expected an .xlsx workbook or a .csv file (for a data file, use validate or generate)',
        '不是台账文件（.yaml）；应为 .xlsx 工作簿或 .csv 文件（数据文件请用 validate 或 generate）',
      ],
      [
        badCsv,
        "cannot be read as CSV (Parse Error: missing closing: '\"'); expected comma-separated values as Excel or WPS saves them",
        "无法按 CSV 读取（Parse Error: missing closing: '\"'）；应为 Excel 或 WPS 保存的逗号分隔文件",
      ],
    ];
    for (const [file, en, zh] of cases) {
      const r = await both(file, '--dry-run');
      expect(r.en).toMatchObject({ code: 1, err: [`${file}: ${en}`] });
      expect(r.zh).toMatchObject({ code: 1, err: [`${file}：${zh}`] });
    }
    const r = await cli('import', notZip, '--dry-run');
    expect(r).toMatchObject({ code: 1, err: [`${notZip}: is not an .xlsx workbook (not a zip package)`] });
  });

  it('says which sheets there are when --sheet names none, and when no sheet has a header', async () => {
    const file = await writeLedger(path.join(tempDir(), 'book.xlsx'), [
      { name: '说明', rows: [['本表说明']] },
      { name: '汇总', rows: [['合计', 3]] },
    ]);
    let r = await both(file, '--sheet', '台账', '--dry-run');
    expect(r.en.err).toEqual(['1 problem:', `  ${file}: has no sheet "台账"; expected one of: "说明", "汇总"`]);
    expect(r.zh.err).toEqual(['发现1处问题：', `  ${file}：没有名为“台账”的工作表；现有工作表：“说明”、“汇总”`]);
    r = await both(file, '--sheet', '说明', '--kind', 'catalog', '--dry-run');
    expect(r.en.err).toEqual([
      '1 problem:',
      `  ${file} sheet "说明": found no header row; expected a row naming the columns, such as 产品名称 | 企业名称 | 类别 (or Product | Enterprise | Category) (or name them with --map "TITLE=field")`,
    ]);
    expect(r.zh.err).toEqual([
      '发现1处问题：',
      `  ${file} 工作表“说明”：未找到表头行；应有一行写明各列名称，如“产品名称 | 企业名称 | 类别”（或用 --map "列名=字段" 指定）`,
    ]);
    r = await both(file, '--dry-run');
    expect(r.en.err[1]).toBe(
      `  ${file}: no sheet ("说明", "汇总") has a header row naming a ledger's columns; expected one such as 序号 | 重点任务 | 牵头单位 | 完成时限 | 完成情况 (or No. | Task | Lead | Due | Status), 产品名称 | 企业名称 | 类别 (or Product | Enterprise | Category) or 指标名称 | 单位 | 2021年 | 2022年 (or Indicator | Unit | Period | Value) (or name the columns with --map "TITLE=field")`,
    );
    expect(r.zh.err[1]).toBe(
      `  ${file}：各工作表（“说明”、“汇总”）中均未找到台账表头；表头应写明各列名称，如“序号 | 重点任务 | 牵头单位 | 完成时限 | 完成情况”、“产品名称 | 企业名称 | 类别”或“指标名称 | 单位 | 2021年 | 2022年”（或用 --map "列名=字段" 指定）`,
    );
  });

  it('refuses --map and --plan that cannot be used', async () => {
    const file = await ledger([
      ['任务', '状态'],
      ['甲', '推进中'],
    ]);
    let r = await both(file, '--map', '任务title', '--dry-run');
    expect(r.en).toMatchObject({ code: 2, err: ['error: --map: "任务title" is not TITLE=FIELD; expected for example --map "重点任务=title,责任处室=lead"'] });
    expect(r.zh).toMatchObject({ code: 2, err: ['错误：--map 中的 “任务title” 不是“列名=字段”的形式；示例：--map "重点任务=title,责任处室=lead"'] });
    r = await both(file, '--plan', 'a plan', '--dry-run');
    expect(r.en).toMatchObject({ code: 2, err: ['error: --plan "a plan" is not an id; expected 1-40 letters A-Z a-z, digits 0-9 and . _ -'] });
    expect(r.zh).toMatchObject({ code: 2, err: ['错误：--plan “a plan”不能用作编号；编号应由1至40个字母、数字或 . _ - 组成'] });
    r = await both(file, '--map', '责任处室=lead,状态=stage', '--dry-run', ...REPORT);
    expect(r.en.err).toEqual([
      '2 problems:',
      `  ${file}: --map names the column "责任处室", but no sheet has a column so titled; the columns are: "任务", "状态"`,
      `  ${file} sheet "台账": --map "状态=stage": a plan of measures has no field "stage"; expected one of the fields listed in docs/import.md, or - to leave the column out`,
    ]);
    expect(r.zh.err).toEqual([
      '发现2处问题：',
      `  ${file}：--map 指定的列“责任处室”在各工作表中均不存在；现有列：“任务”、“状态”`,
      `  ${file} 工作表“台账”：--map "状态=stage"：措施台账没有“stage”字段；可用字段见 docs/import.md，不导入该列请写 -`,
    ]);
  });

  it("asks for the report's region, period and title when the ledger's title does not say them", async () => {
    const file = await ledger([['生物医药重点任务台账'], ['任务', '状态'], ['甲', '推进中']]);
    let r = await both(file, '--dry-run');
    expect(r.en.err).toEqual([
      '2 problems:',
      `  ${file}: the report's region is not given, and the ledger's title does not say it; expected --region Haidian`,
      `  ${file}: the report's period is not given, and the ledger's title does not say it; expected --period 2022-Q3`,
    ]);
    expect(r.zh.err).toEqual([
      '发现2处问题：',
      `  ${file}：未给出报告的地区，台账标题行中也未写明；请用 --region 海淀区 指定`,
      `  ${file}：未给出报告的报告期，台账标题行中也未写明；请用 --period 2022-Q3 指定`,
    ]);
    r = await both(file, '--dry-run', '--region', '海淀区', '--period', '第三季度');
    expect(r.en.err).toEqual(['1 problem:', `  ${file}: --period "第三季度" is not a period; expected 2022-Q3, 2022-H1, 2022-09, 2022 or 2022年第三季度`]);
    expect(r.zh.err).toEqual(['发现1处问题：', `  ${file}：--period “第三季度”不是可识别的报告期；应写作 2022-Q3、2022-H1、2022-09、2022 或 2022年第三季度`]);
    const untitled = await ledger([
      ['任务', '状态'],
      ['甲', '推进中'],
    ]);
    r = await both(untitled, '--dry-run', '--region', '海淀区', '--period', '2022年第三季度');
    expect(r.en.err).toEqual([
      '1 problem:',
      `  ${untitled}: the report's title is not given, and the ledger's title does not say it; expected --title "Biomedical plans: 2022 Q3"`,
    ]);
    expect(r.zh.err).toEqual([
      '发现1处问题：',
      `  ${untitled}：未给出报告的标题，台账标题行中也未写明；请用 --title "海淀区生物医药产业重点任务推进情况" 指定`,
    ]);
  });

  it('names two sheets that would give plans the same id', async () => {
    const rows = [
      ['任务', '状态'],
      ['甲', '推进中'],
    ];
    const file = await writeLedger(path.join(tempDir(), 'two.xlsx'), [
      { name: 'P2', rows },
      { name: '第二个方案', rows },
    ]);
    const r = await both(file, '--dry-run', ...REPORT);
    expect(r.en.err).toEqual([
      '1 problem:',
      `  ${file} sheet "第二个方案": the plan id "P2" is also that of sheet "P2"; expected plan ids unique (name the plans with --plan)`,
    ]);
    expect(r.zh.err).toEqual(['发现1处问题：', `  ${file} 工作表“第二个方案”：方案编号“P2”与工作表“P2”重复；编号应各不相同（可用 --plan 指定方案编号）`]);
  });
});

describe('the output file', () => {
  it('is not written over unless --force, never on a dry run, and reads back as valid data', async () => {
    const file = await ledger([
      ['任务', '状态'],
      ['甲', '推进中'],
    ]);
    const out = path.join(path.dirname(file), 'ledger.yaml');
    fs.writeFileSync(out, 'mine\n');
    let r = await both(file, ...REPORT);
    expect(r.en).toMatchObject({ code: 1, err: [`${out}: already exists; expected a new file (add --force to overwrite it, or name another with --out)`] });
    expect(r.zh).toMatchObject({ code: 1, err: [`${out}：文件已存在；如需覆盖请加 --force，或用 --out 指定其他文件名`] });
    r = await both(file, '--dry-run', ...REPORT);
    expect(r.en.code).toBe(0);
    expect(r.en.stdout).toContain(`dry run: nothing written (would write ${out})`);
    expect(r.zh.stdout).toContain(`试运行：未写入任何文件（将写入 ${out}）`);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine\n');
    const f = await cli('import', file, '--force', '--locale', 'en', ...REPORT);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain(`${out}: written (1 plan, 1 measure)`);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^format: plan-report\/v1\n/);
    const json = path.join(path.dirname(file), 'data.json');
    const z = await cli('import', file, '--out', json, '--locale', 'zh-CN', ...REPORT);
    expect(z.stdout).toContain(`${json}：已写入（1个方案、1项措施）`);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).plans[0].measures).toEqual([{ id: 'M-1', title: '甲', status: 'in-progress' }]);
    expect((await cli('validate', json)).code).toBe(0);
  });

  it('speaks Chinese when the environment is Chinese, unless --locale says otherwise', async () => {
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
    const file = path.join(tempDir(), 'missing.csv');
    try {
      delete process.env.LC_ALL;
      delete process.env.LC_MESSAGES;
      process.env.LANG = 'zh_CN.UTF-8';
      expect((await cli('import', file)).err).toEqual([`${file}：文件不存在；应为台账文件（.xlsx 或 .csv）`]);
      expect((await cli('import', file, '--locale', 'en')).err).toEqual([`${file}: no such file; expected a ledger (.xlsx or .csv)`]);
      process.env.LC_ALL = 'en_US.UTF-8';
      expect((await cli('import', file)).err).toEqual([`${file}: no such file; expected a ledger (.xlsx or .csv)`]);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('help', () => {
  it('lists import among the commands, with examples in Chinese and English column titles', async () => {
    expect((await cli('--help')).stdout).toMatch(/\n {2}import \[options\] <ledger>/);
    const r = await cli('import', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plan-report import 台账.csv --map "工作举措=title,责任处室=lead,配合处室=note"');
    expect(r.stdout).toContain('plan-report import ledger.csv --map "Action=title,Owner=lead,Target date=due" --locale zh-CN');
    expect(r.stdout).toContain('docs/import.md');
  });
});
