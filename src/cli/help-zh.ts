/**
 * The words of `--help` in Chinese, for a user whose messages are Chinese
 * (help-chinese.ts puts them in place): each command's description, its
 * arguments' and options' (keyed by the option's long flag) and its
 * examples. Option flags, argument names and file names stay as they are.
 */

/** One command's help in Chinese. */
export interface CommandHelpZh {
  description: string;
  /** By argument name. */
  arguments: Record<string, string>;
  /** By long flag (`--out`, `--no-charts`). */
  options: Record<string, string>;
  /** The text after the options: examples and notes. */
  after?: string;
}

/** The words commander itself prints, by its English words. */
export const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

export const HELP_OPTION_ZH = '显示本命令的帮助';
export const HELP_COMMAND_ZH = '显示某一命令的帮助';
export const VERSION_OPTION_ZH = '显示版本号';

const DATA_FILES = '数据文件（.yaml、.yml 或 .json）';
const LOCALE_MESSAGES = '提示信息的语言（默认：LC_ALL 或 LANG 为 zh_CN 时用 zh-CN，否则用 en）';
const VERBOSE = '在每个问题后附上其数据路径（如 plans[0].measures[1].status）';

/** Examples: the command lines as they are, the words after `#` in Chinese. */
const examples = (...lines: string[]): string => '\n示例：\n' + lines.map((l) => `  ${l}`).join('\n');

export const PROGRAM_ZH: CommandHelpZh = {
  description: '生物医药产业规划季度进展报告：工作措施、产品目录和主要指标，生成公式实时计算的 Excel 工作簿。',
  arguments: {},
  options: {},
};

export const COMMANDS_ZH: Record<string, CommandHelpZh> = {
  validate: {
    description: '检查数据文件，逐个打印简要汇总，或列出发现的全部问题。',
    arguments: { data: DATA_FILES },
    options: { '--locale': LOCALE_MESSAGES, '--verbose': VERBOSE },
    after: examples('plan-report validate seeds/beijing-2022-q3.yaml', 'plan-report validate data/*.yaml --locale zh-CN'),
  },
  generate: {
    description: '为每个数据文件生成报告工作簿。',
    arguments: { data: DATA_FILES },
    options: {
      '--template': '内置模板名称，或模板文件（.yaml、.json）、模板工作簿（.xlsx）',
      '--locale': '标签和提示信息的语言（默认：标签用数据文件 report.locale 指定的语言，未指定时用 en；LC_ALL 或 LANG 为 zh_CN 时提示信息用 zh-CN）',
      '--verbose': VERBOSE,
      '--out': '要写入的工作簿（仅限一个数据文件）；默认：out/<地区>-<报告期>.xlsx',
      '--out-dir': '存放工作簿的文件夹，工作簿按地区和报告期命名',
      '--no-charts': '不生成原生图表（概览和指标看板）',
      '--since': '上期报告工作簿：增加“变化情况”工作表，并在概览中列出上期数据和变化趋势（仅限一个数据文件）',
    },
    after: examples(
      'plan-report generate seeds/beijing-2022-q3.yaml',
      'plan-report generate data.yaml --locale zh-CN --out report.xlsx',
      'plan-report generate data.yaml --template measures-only',
      'plan-report generate data.yaml --template my-template.yaml',
      'plan-report generate seeds/*.yaml --out-dir reports',
      'plan-report generate data.yaml --no-charts',
      'plan-report generate data/2024-Q4.yaml --since out/Beijing-2024-Q3.xlsx',
      'LANG=zh_CN.UTF-8 plan-report generate data.yaml             # 提示信息为中文，标签语言按数据文件',
    ),
  },
  extract: {
    description: '读取由 generate 生成、经工作人员在 Excel 中增改行的报告工作簿，导回为数据文件。',
    arguments: { workbook: '报告工作簿（.xlsx）' },
    options: {
      '--out': '要写入的数据文件（.yaml 或 .json）；默认：与工作簿同一文件夹，扩展名为 .yaml',
      '--force': '覆盖工作簿旁默认位置上已有的数据文件',
      '--locale': LOCALE_MESSAGES,
      '--verbose': VERBOSE,
    },
    after: examples('plan-report extract out/Beijing-2022-Q3.xlsx', 'plan-report extract returned.xlsx --out data/2022-Q3.yaml --locale zh-CN'),
  },
  form: {
    description: '为某一单位生成可填写的表单：其牵头措施的进展、其指标的数据，或产品目录的条目。',
    arguments: { data: '数据文件（.yaml、.yml 或 .json）' },
    options: {
      '--kind': '表单填报的内容：measures 措施、indicators 指标、catalog 产品目录',
      '--plan': 'measures 表单：该规划的措施',
      '--lead': 'measures 表单：该牵头单位牵头的措施（跨规划，除非给出 --plan）',
      '--region': 'indicators 表单：该区或地区的指标',
      '--catalog': 'catalog 表单：该产品目录',
      '--period': '表单填报的报告期（默认：数据文件的报告期）',
      '--locale': '表单和提示信息的语言（默认：表单用数据文件 report.locale 指定的语言，未指定时用 en；LC_ALL 或 LANG 为 zh_CN 时提示信息用 zh-CN）',
      '--verbose': VERBOSE,
      '--due': '在表单及其“填表说明”中印出报送截止日期（YYYY-MM-DD）',
      '--contact': '在表单及其“填表说明”中印出联系人（姓名、电话、电子邮箱）',
      '--password': '用此密码保护工作表（默认：保护但不设密码）',
      '--out': '要写入的表单（默认：out/<报告期>-<单位或规划>.xlsx）',
      '--all': '每个牵头单位（措施）、地区（指标）或产品目录各生成一份表单，写入 --out-dir',
      '--out-dir': '与 --all 同用：存放表单的文件夹（默认：out/forms-<报告期>）',
    },
    after: examples(
      'plan-report form data.yaml --plan BJ-OPEN-2022 --out forms/BJ.xlsx',
      'plan-report form data.yaml --lead "海淀区人民政府"',
      'plan-report form data.yaml --all --out-dir forms/2022-Q3     # 每个牵头单位一份',
      'plan-report form data.yaml --all --due 2022-10-15 --contact "张伟，010-6512 3456"',
      'plan-report form data.yaml --kind indicators --all --locale zh-CN',
      'plan-report form data.yaml --kind catalog --catalog SZ-IFH-1',
    ),
  },
  collect: {
    description: '将回收表汇入数据文件：拒收有误的回收表（指明出错位置），列出冲突，打印变化表。',
    arguments: { data: '要更新的数据文件（.yaml、.yml 或 .json）', returns: '回收的表单（.xlsx）' },
    options: {
      '--out': '将更新后的数据写到此文件，而不覆盖原数据文件',
      '--dry-run': '只显示将要发生的变化，不写入任何文件',
      '--locale': LOCALE_MESSAGES,
      '--verbose': VERBOSE,
    },
    after:
      examples(
        'plan-report collect data.yaml returns/*.xlsx --dry-run',
        'plan-report collect data.yaml returns/*.xlsx --dry-run --locale zh-CN',
        'plan-report collect data.yaml returns/*.xlsx',
        'plan-report collect data.yaml returns/*.xlsx --out data-updated.yaml',
      ) + '\n\n有回收表被拒收，或有字段的值相互冲突时，退出码为 1；其余内容仍照常汇入。',
  },
  import: {
    description: '将现有台账（.xlsx，或 UTF-8、GBK 编码的 .csv）按其原有的列和用语转换为数据文件。',
    arguments: { ledger: '台账（.xlsx 或 .csv）' },
    options: {
      '--sheet': '要读取的工作表（默认：每一张看似台账的工作表，各为一个规划）',
      '--kind': '台账所列内容（默认：根据列标题判断）',
      '--map': '手工指定列：“列标题=字段,...”（列标题或列字母；字段为 - 时不读该列）',
      '--plan': '规划编号（与 --kind catalog 同用时为产品目录编号）；多张工作表时为 <编号>-1、<编号>-2……',
      '--region': '报告的地区（默认：取自台账的标题行）',
      '--period': '报告期，如 2022-Q3 或 2022年第三季度（默认：取自标题行）',
      '--title': '报告标题（默认：台账的标题行）',
      '--out': '要写入的数据文件（.yaml 或 .json）；默认：与台账同一文件夹，扩展名为 .yaml',
      '--force': '输出文件已存在时覆盖',
      '--dry-run': '显示每一列如何读取及全部问题，不写入任何文件',
      '--locale': LOCALE_MESSAGES,
      '--verbose': VERBOSE,
    },
    after:
      examples(
        'plan-report import 台账.xlsx --dry-run                     # 查看每一列如何读取',
        'plan-report import 台账.xlsx --region 海淀区 --period 2022年第三季度',
        'plan-report import 台账.csv --map "工作举措=title,责任处室=lead,配合处室=note"',
        'plan-report import 目录.xlsx --kind catalog --plan SZ-IFH-1 --out data/catalog.yaml',
        'plan-report import ledger.xlsx --sheet Measures --plan HD-2022 --region Haidian --period 2022-Q3',
        'plan-report import ledger.csv --map "Action=title,Owner=lead,Target date=due" --locale zh-CN',
      ) + '\n\n可识别的列标题、状态用语和日期写法：见 docs/import.md。',
  },
  template: {
    description: '列出内置模板，或生成一个带有模板的空白报告工作簿（便于通过电子邮件分享）。',
    arguments: { name: '内置模板名称，或模板文件（.yaml、.json）' },
    options: {
      '--out': '要写入的工作簿（.xlsx）',
      '--from': '写出报告工作簿或模板工作簿（.xlsx）所带的模板',
      '--locale': '标签和提示信息的语言（默认：标签用 en；LC_ALL 或 LANG 为 zh_CN 时提示信息用 zh-CN）',
      '--verbose': VERBOSE,
    },
    after: examples(
      'plan-report template                                  # 列出内置模板',
      'plan-report template quarterly --out quarterly.xlsx   # 生成带有该模板的工作簿',
      'plan-report template --from report.xlsx --out t.xlsx  # 写出报告所带的模板',
      'plan-report generate data.yaml --template quarterly.xlsx',
    ),
  },
};
