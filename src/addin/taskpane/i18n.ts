/** The task pane's words in English and Simplified Chinese, chosen by Excel's display language. */

export type UiLocale = 'en' | 'zh-CN';

/** `zh-CN`, `zh-Hans`, `zh-TW`... give Chinese; anything else English. */
export function uiLocale(displayLanguage: string | undefined): UiLocale {
  return /^zh\b/i.test(displayLanguage ?? '') ? 'zh-CN' : 'en';
}

const en = {
  title: 'Plan report',
  intro: 'Quarterly progress reports of policy plans, with live formulas.',
  buildHeading: 'Build report',
  buildHelp: "Writes the report's sheets into this workbook. A report already here is updated; your other sheets are never touched.",
  dataFile: 'Data file (YAML or JSON)',
  previousFile: 'Previous report, to compare with (optional; .xlsx)',
  template: 'Template',
  templateFromFile: 'From a file…',
  templateFile: 'Template file (YAML or JSON)',
  language: 'Language of labels',
  languageFromData: 'As the data file says',
  build: 'Build report',
  workbookHeading: 'Report in this workbook',
  workbookHelp: 'Check the data sheets, save them as a data file for the command line, or put the charts back.',
  check: 'Check workbook',
  export: 'Export data',
  charts: 'Insert charts',
  noDataFile: 'Choose a data file first.',
  noTemplateFile: 'Choose a template file, or pick a built-in template.',
  reading: 'Reading {file}…',
  phases: {
    inspect: 'Looking at the workbook…',
    sheets: 'Adding the sheets and names…',
    cells: 'Writing values and formulas…',
    formats: 'Formatting…',
    rules: 'Adding validations, filters and charts…',
    finish: 'Finishing…',
    cleanup: 'Removing the previous report…',
    undo: 'Something went wrong: putting the workbook back as it was…',
  },
  built: 'Report built: {sheets} sheets, {names} named figures ({syncs} round trips to Excel).',
  updated: 'Report updated: {sheets} sheets, {names} named figures ({syncs} round trips to Excel).',
  sinceFound: 'This workbook holds the report of {from}: the report of {to} replaces it and compares with it (Changes and Trend sheets).',
  sinceFile: 'The report of {to} compares with the report of {from} chosen (Changes and Trend sheets).',
  sinceDone: 'Compared with {from}: see the Changes and Trend sheets.',
  checking: "Reading the report's data sheets…",
  checkOk: 'No problems: {measures} measures, {entries} catalog entries, {indicators} indicators.',
  checkProblem: 'One problem. Click it to go to its cell:',
  checkProblems: '{count} problems. Click one to go to its cell:',
  exporting: "Reading the report's data…",
  exported: 'Saved {file}.',
  exportHasProblems: 'The data cannot be exported until these problems are fixed. Click one to go to its cell:',
  inserting: 'Inserting the charts…',
  inserted: '{count} charts inserted.',
  noCharts: 'This report has no charts to insert.',
  inputProblem: '{file}: one problem. Fix it and try again:',
  inputProblems: '{file}: {count} problems. Fix them and try again:',
  conflictSheet:
    "These sheets are yours, not the report's, but the report needs their names: {items}. Rename them, or build the report in another workbook. Nothing was changed.",
  conflictName:
    "These names are yours, not the report's, but the report needs them: {items}. Delete or rename them (Formulas › Name Manager). Nothing was changed.",
  conflictSheetName: "The template gives sheet names Excel does not allow: {items}. Change the template's sheet titles. Nothing was changed.",
  conflictMeta:
    "This workbook's “_plan_report” sheet cannot be read. Delete it (it is very hidden: use the VBA editor), or build the report in a new workbook. Nothing was changed.",
  failedUndone: 'The report could not be written ({message}). The workbook was put back as it was.',
  failedNotUndone:
    'The report could not be written, and the workbook could not be put back exactly ({message}). Close it without saving to keep the version you had.',
  failed: 'Something went wrong: {message}',
  cannotSelect: 'That cell is on a hidden sheet of the report.',
  busy: 'Working…',
  limitedPrint: 'Print setup and filters need Excel 2021 or Microsoft 365; the figures and charts work.',
  limitedValidation: 'Drop-down lists, print setup and filters need Excel 2021 or Microsoft 365; the figures and charts work.',
  carriedOption: "This workbook's template: {name}",
  carriedNote: 'This workbook carries the template {name}: Build report uses it unless you choose another.',
  thisWorkbook: 'This workbook',
  quoted: '"{name}"',
  templateFileAny: 'Template file (YAML, JSON, or a template workbook .xlsx)',
  refusedForm:
    '{file} is a form (to be filled in and returned), not a report: it carries no template. Use a template workbook made by plan-report template, or a report.',
  refusedNotReport: '{file} was not made by plan-report: it carries no template.',
  refusedVersion:
    '{file} was made by another version of plan-report and cannot be read by this add-in. Update the add-in, or ask the sender for a template of this version.',
  refusedDamaged: 'The template that {file} carries is damaged and cannot be used. Ask the sender for the template again.',
  refusedUnreadable: '{file} cannot be read as a workbook: it is damaged, too large, or not an .xlsx workbook.',
  tooOld:
    'This Excel is too old for the add-in: it needs Excel 2019 or later, or Microsoft 365. Make the report with the plan-report command line instead: its workbooks open in any Excel since 2007 and in WPS.',
};

export type Strings = typeof en;

const zhCN: Strings = {
  title: '规划进展报告',
  intro: '政策规划季度进展报告，数字均为实时公式。',
  buildHeading: '生成报告',
  buildHelp: '把报告的工作表写入本工作簿。已有的报告会被更新；您自己的工作表不会被改动。',
  dataFile: '数据文件（YAML 或 JSON）',
  previousFile: '上期报告，用于对比（可选；.xlsx）',
  template: '模板',
  templateFromFile: '从文件选择…',
  templateFile: '模板文件（YAML 或 JSON）',
  language: '标签语言',
  languageFromData: '按数据文件',
  build: '生成报告',
  workbookHeading: '本工作簿中的报告',
  workbookHelp: '检查数据表，把数据另存为数据文件供命令行使用，或重新插入图表。',
  check: '检查工作簿',
  export: '导出数据',
  charts: '插入图表',
  noDataFile: '请先选择数据文件。',
  noTemplateFile: '请选择模板文件，或选用内置模板。',
  reading: '正在读取 {file}…',
  phases: {
    inspect: '正在查看工作簿…',
    sheets: '正在添加工作表和名称…',
    cells: '正在写入数值和公式…',
    formats: '正在设置格式…',
    rules: '正在添加数据验证、筛选和图表…',
    finish: '即将完成…',
    cleanup: '正在删除原有报告…',
    undo: '出现问题：正在把工作簿恢复原样…',
  },
  built: '报告已生成：{sheets} 个工作表，{names} 个命名指标（与 Excel 往返 {syncs} 次）。',
  updated: '报告已更新：{sheets} 个工作表，{names} 个命名指标（与 Excel 往返 {syncs} 次）。',
  sinceFound: '本工作簿中已有{from}的报告：{to}的报告将替换它，并与其对比（增加“变化情况”和“趋势”工作表）。',
  sinceFile: '{to}的报告将与所选的{from}报告对比（增加“变化情况”和“趋势”工作表）。',
  sinceDone: '已与{from}对比：见“变化情况”和“趋势”工作表。',
  checking: '正在读取报告的数据表…',
  checkOk: '没有问题：{measures} 项措施，{entries} 个目录条目，{indicators} 个指标。',
  checkProblem: '发现 1 个问题。点击可跳转到对应单元格：',
  checkProblems: '发现 {count} 个问题。点击可跳转到对应单元格：',
  exporting: '正在读取报告数据…',
  exported: '已保存 {file}。',
  exportHasProblems: '请先修正以下问题再导出数据。点击可跳转到对应单元格：',
  inserting: '正在插入图表…',
  inserted: '已插入 {count} 个图表。',
  noCharts: '此报告没有可插入的图表。',
  inputProblem: '{file}：1 个问题，请修正后重试：',
  inputProblems: '{file}：{count} 个问题，请修正后重试：',
  conflictSheet: '以下工作表属于您而非报告，但报告需要使用这些名称：{items}。请重命名这些工作表，或在其他工作簿中生成报告。工作簿未作任何改动。',
  conflictName: '以下名称属于您而非报告，但报告需要使用：{items}。请删除或重命名（公式 › 名称管理器）。工作簿未作任何改动。',
  conflictSheetName: '模板中的工作表名称不符合 Excel 的规则：{items}。请修改模板中的工作表标题。工作簿未作任何改动。',
  conflictMeta: '无法读取本工作簿的“_plan_report”工作表。请删除该表（它被深度隐藏，需在 VBA 编辑器中操作），或在新工作簿中生成报告。工作簿未作任何改动。',
  failedUndone: '无法写入报告（{message}）。工作簿已恢复原样。',
  failedNotUndone: '无法写入报告，且工作簿未能完全恢复（{message}）。请关闭工作簿且不保存，以保留原来的版本。',
  failed: '出现问题：{message}',
  cannotSelect: '该单元格位于报告的隐藏工作表中。',
  busy: '正在处理…',
  limitedPrint: '打印设置和筛选功能需要 Excel 2021 或 Microsoft 365；报告中的数据和图表不受影响。',
  limitedValidation: '下拉列表、打印设置和筛选功能需要 Excel 2021 或 Microsoft 365；报告中的数据和图表不受影响。',
  carriedOption: '本工作簿的模板：{name}',
  carriedNote: '本工作簿附带模板{name}，生成报告时默认使用；如需其他模板，请另行选择。',
  thisWorkbook: '本工作簿',
  quoted: '“{name}”',
  templateFileAny: '模板文件（YAML、JSON 或模板工作簿 .xlsx）',
  refusedForm: '{file}是填报表（供填写后交回），不是报告，不含模板。请使用由 plan-report template 生成的模板工作簿或报告工作簿。',
  refusedNotReport: '{file}不是由 plan-report 生成的，不含模板。',
  refusedVersion: '{file}由其他版本的 plan-report 生成，本加载项无法读取。请更新加载项，或请发送方提供与本版本相符的模板。',
  refusedDamaged: '{file}所附带的模板已损坏，无法使用。请发送方重新发送模板。',
  refusedUnreadable: '{file}无法作为工作簿读取：文件已损坏、过大，或不是 .xlsx 工作簿。',
  tooOld:
    '当前 Excel 版本过低，无法使用本加载项：需要 Excel 2019 或更高版本，或 Microsoft 365。请改用 plan-report 命令行生成报告，生成的工作簿可在 Excel 2007 及以后的各版本和 WPS 中打开。',
};

export function strings(locale: UiLocale): Strings {
  return locale === 'zh-CN' ? zhCN : en;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
