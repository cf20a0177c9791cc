/** `plan-report import` 的中文用语（见 words.ts）。 */
import { describeValueProblem } from '../values';
import type { Field } from './fields';
import type { Issue } from './issues';
import { labelledNote, shortList } from './note';
import type { LedgerWords } from './words';

/** Each field's name as a Chinese ledger titles its column (the add-in's pane shows them too). */
export const FIELD_NAMES_ZH: Record<Field, string> = {
  id: '编号',
  title: '任务',
  group: '分组',
  lead: '牵头单位',
  due: '完成时限',
  status: '完成情况',
  completed: '完成日期',
  progress: '进度',
  note: '备注',
  product: '产品名称',
  enterprise: '企业名称',
  category: '类别',
  registration: '注册证号',
  listed: '入选日期',
  hospitals: '采购医疗机构数',
  name: '指标名称',
  region: '地区',
  unit: '单位',
  kind: '指标类型',
  'baseline.period': '基期',
  'baseline.value': '基期值',
  'target.period': '目标期',
  'target.value': '目标值',
  period: '期间',
  value: '数值',
  growth: '同比增长',
};

const KIND = { measures: '措施台账', catalog: '产品目录', indicators: '指标表' } as const;
const EXAMPLES = {
  measures: '“序号 | 重点任务 | 牵头单位 | 完成时限 | 完成情况”',
  catalog: '“产品名称 | 企业名称 | 类别”',
  indicators: '“指标名称 | 单位 | 2021年 | 2022年”',
} as const;
const ALL_EXAMPLES = `${EXAMPLES.measures}、${EXAMPLES.catalog}或${EXAMPLES.indicators}`;
const list = (xs: string[]) => xs.map((x) => `“${x}”`).join('、');
const rows = (r: number[]) => (r.length > 1 ? `第${r[0]}-${r[r.length - 1]}行` : `第${r[0]}行`);
const REPORT = { region: '地区', period: '报告期', title: '标题' } as const;
const REPORT_EXAMPLE = { region: '--region 海淀区', period: '--period 2022-Q3', title: '--title "海淀区生物医药产业重点任务推进情况"' } as const;

function issue(i: Issue, column: string | undefined): string {
  const col = column !== undefined ? `${column}：` : '';
  switch (i.code) {
    case 'value':
      return col + describeValueProblem(i.problem, 'zh-CN');
    case 'missing':
      return !i.noColumn
        ? `${col}为空，但该行填有其他内容；应填写${FIELD_NAMES_ZH[i.field]}（或删除该行）`
        : `没有一列给出${FIELD_NAMES_ZH[i.field]}；应增加该列（或用 --map "列名=${i.field}" 指定）`;
    case 'duplicate-id':
      return `${col}编号“${i.id}”与 ${i.first} 重复；同一方案内序号应各不相同（或清空序号列，由系统编为 M-1、M-2……）`;
    case 'bad-id':
      return `${col}为该行生成的编号“${i.id}”不符合编号规则；编号最多40个字符，只能由字母、数字和 . _ - 组成（请用 --plan 给出较短的方案编号）`;
    case 'duplicate-period':
      return `${col}该指标的期间 ${i.period} 重复（首次见于 ${i.first}）；每个期间只应填写一次`;
    case 'mixed-periods':
      return `${col}期间 ${i.period} 与该指标首个期间（${i.first}）的类型不同；同一指标的期间应同为年、半年、季度或月`;
    case 'differs':
      return `${col}该指标的${FIELD_NAMES_ZH[i.field]}与 ${i.first} 所填不一致；同一指标各行应填写一致`;
    case 'no-period':
      return `${col}有${FIELD_NAMES_ZH[i.field]}而无期间；应增加“${i.field === 'baseline.value' ? '基期' : '目标期'}”列，或在列名中写明期间（如“2020年基数”“2025年目标值”）`;
    case 'no-observation':
      return i.field === 'value' ? `${col}有期间而无数值或增速；应在该行填写数值或增速（或清空期间）` : `${col}有数值而无期间；应在该行“期间”列填写期间`;
    case 'no-header':
      return `未找到表头行；应有一行写明各列名称，如${i.kind ? EXAMPLES[i.kind] : ALL_EXAMPLES}（或用 --map "列名=字段" 指定）`;
    case 'no-ledger':
      return `各工作表（${list(i.sheets)}）中均未找到台账表头；表头应写明各列名称，如${ALL_EXAMPLES}（或用 --map "列名=字段" 指定）`;
    case 'no-sheet':
      return `没有名为“${i.name}”的工作表；现有工作表：${list(i.sheets)}`;
    case 'map-column':
      return `--map 指定的列“${i.name}”在各工作表中均不存在；现有列：${list(i.titles)}`;
    case 'map-field':
      return `--map "${i.name}=${i.target}"：${KIND[i.kind]}没有“${i.target}”字段；可用字段见 docs/import.md，不导入该列请写 -`;
    case 'duplicate-item':
      return `${i.what === 'plan' ? '方案' : i.what === 'catalog' ? '目录' : '指标'}编号“${i.id}”与${i.what === 'indicator' ? ` ${i.first} ` : `工作表“${i.first}”`}重复；编号应各不相同（可用 --plan 指定方案编号）`;
    case 'report':
      return `未给出报告的${REPORT[i.field]}，台账标题行中也未写明；请用 ${REPORT_EXAMPLE[i.field]} 指定`;
    case 'bad-period':
      return `--period “${i.text}”不是可识别的报告期；应写作 2022-Q3、2022-H1、2022-09、2022 或 2022年第三季度`;
    case 'schema':
      return `数据校验未通过（${i.path}）：${i.message}`;
  }
}

export const zh: LedgerWords = {
  field: (f) => `${FIELD_NAMES_ZH[f]}（${f}）`,
  issue,
  located: (file, cell, sheet, message) => `${file}${cell ? ` ${cell}` : ''}${sheet && !cell ? ` 工作表“${sheet}”` : ''}：${message}`,
  sheet: (file, sheet, kind, header, first, last) =>
    `${file}${sheet !== undefined ? ` 工作表“${sheet}”` : ''}：${KIND[kind]}（表头在${rows(header)}；${last >= first ? `数据在第${first}-${last}行` : '没有数据行'}）`,
  column: (letter, title, field, cells, problems, period) =>
    `${letter}  ${title}  → ${period ? `${period} ` : ''}${field}（${cells}格${problems ? `，${problems}处问题` : ''}）`,
  notImported: (letter, title, why, cells, padded) =>
    `${letter}  ${padded}  → 不导入：${why === 'unknown' ? '无法识别的列名' : why === 'ignored' ? '略去' : '已有其他列对应同一字段'}（${cells}格${why === 'ignored' ? '' : `；可用 --map "${title}=字段" 指定`}）`,
  plan: (id, title, measures, groups) =>
    `方案 ${id}“${title}”：${measures}项措施${groups.length ? `，分${groups.length}组：${groups.map(([g, n]) => `${g}（${n}项）`).join('、')}` : ''}`,
  catalog: (id, title, entries) => `目录 ${id}“${title}”：${entries}个产品`,
  indicators: (count, observations) => `${count}个指标，${observations}个数据`,
  idFrom: (what, from, id) => {
    const w = what === 'plan' ? '方案' : '目录';
    if (from === 'option') return `${w}编号 ${id} 取自 --plan`;
    if (from === 'position') return `${w}编号 ${id} 按工作表顺序生成（可用 --plan 指定）`;
    return `${w}编号 ${id} 取自${from === 'file' ? '文件名' : '工作表名称'}（可用 --plan 指定）`;
  },
  ids: (how, planId) =>
    `措施编号：${how
      .map((h) =>
        h === 'column'
          ? '沿用序号列所填编号'
          : h === 'prefixed'
            ? `序号前加方案编号（${planId}-1、${planId}-2……）`
            : h === 'grouped'
              ? `序号在各组内重新编号，生成为 ${planId}-组号.序号`
              : '按行生成（M-1、M-2……）',
      )
      .join('；')}`,
  generatedIndicatorIds: (ids) => `${ids.length}个指标未填编号：按顺序编为 ${shortList(ids, '、')}`,
  blankStatus: (counts) =>
    `完成情况为空的按以下处理：${counts.map(([st, n]) => `${st === 'completed' ? '已完成' : st === 'in-progress' ? '推进中' : '未启动'}${n}项`).join('、')}（填有完成日期或进度为100%的视为已完成，有进度的视为推进中，其余视为未启动）`,
  ongoing: (n, column) => `${n}项的完成时限写作“长期”等：不设完成时限，原文保留在备注中（“${labelledNote(column, '……')}”）`,
  remarks: (n, column) => `${n}项的完成情况在状态词后另有说明：全文保留在备注中（“${labelledNote(column, '……')}”）`,
  emptyGroups: (names) => `以下分组标题下没有措施，已略去：${list(names)}`,
  titleCategory: (category, entries) => `${entries}个产品未填类别：按目录标题归为“${category}”`,
  skipped: (sheets) => `以下工作表未找到台账表头，已略过：${list(sheets)}`,
  skippedRows: (headings, skipped) =>
    [headings ? `${headings}行分组标题` : '', skipped ? `略过${skipped}行（合计、表尾注释或重复的表头）` : ''].filter(Boolean).join('；'),
  report: (p, from) => {
    const src = (k: string) => (from[k] === 'title' ? '（取自标题行）' : '');
    return `报告：标题${p.title !== undefined ? `“${p.title}”${src('title')}` : '未定'}，地区${p.region !== undefined ? ` ${p.region}${src('region')}` : '未定'}，报告期${p.period !== undefined ? ` ${p.period}${src('period')}` : '未定'}${p.locale === 'zh-CN' ? '，报表标签使用中文（report.locale: zh-CN）' : ''}`;
  },
  problems: (n) => `发现${n}处问题：`,
  dryRun: (out, ok) => (ok ? `试运行：未写入任何文件（将写入 ${out}）` : '试运行：未写入任何文件；上列问题解决前不会写入'),
  written: (out, c) =>
    `${out}：已写入（${[
      c.plans ? `${c.plans}个方案、${c.measures}项措施` : '',
      c.catalogs ? `${c.catalogs}个目录、${c.entries}个产品` : '',
      c.indicators ? `${c.indicators}个指标` : '',
    ]
      .filter(Boolean)
      .join('；')}）`,
  notWritten: (n) => `未写入：请先解决上列${n}处问题（加 --dry-run 可查看各列的识别结果）`,
  exists: (out) => `${out}：文件已存在；如需覆盖请加 --force，或用 --out 指定其他文件名`,
  file: {
    missing: '文件不存在；应为台账文件（.xlsx 或 .csv）',
    directory: '是文件夹；应为台账文件（.xlsx 或 .csv）',
    notFile: '不是普通文件；应为台账文件（.xlsx 或 .csv）',
    empty: '是空文件；应为台账文件（.xlsx 或 .csv）',
    unreadable: (code) => `无法读取（${code}）；应为可读取的台账文件（.xlsx 或 .csv）`,
    tooLarge: (mb, max) => `大小为 ${mb} MB；台账文件应不超过 ${max} MB`,
    notLedger: (ext) => `不是台账文件（${ext || '无扩展名'}）；应为 .xlsx 工作簿或 .csv 文件（数据文件请用 validate 或 generate）`,
    csv: (reason) => `无法按 CSV 读取（${reason}）；应为 Excel 或 WPS 保存的逗号分隔文件`,
  },
  usage: {
    map: (bad) => `错误：--map 中的 ${list(bad)} 不是“列名=字段”的形式；示例：--map "重点任务=title,责任处室=lead"`,
    planId: (id) => `错误：--plan “${id}”不能用作编号；编号应由1至40个字母、数字或 . _ - 组成`,
  },
};
