/**
 * The words of a form that a report does not have: sheet names, the block
 * at the top of the form, the Instructions sheet. Status, category and column
 * words are the report's (src/core/i18n), so that a form and a report speak
 * alike and every reader knows both. Same shape for every language.
 */
import type { Locale } from '../schema';

export type FormKind = 'measures' | 'indicators' | 'catalog';

export interface FormLabels {
  sheets: Record<FormKind, string> & { instructions: string };
  /** The form's title, at the top of its sheet. */
  titles: Record<FormKind, string>;
  /** The block at the top of the form: labels of its rows. */
  head: {
    region: string;
    period: string;
    plan: string;
    lead: string;
    department: string;
    catalog: string;
    all: string;
    /** `form --due`, `form --contact`. */
    due: string;
    contact: string;
  };
  /** One line under the block: what to do. */
  hint: string;
  /** The column of entry numbers in a catalog form (blank on rows for new entries). */
  entryNo: string;
  /** An indicator form's columns of the last figure reported before the period asked. */
  lastPeriod: string;
  lastValue: string;
  /** The letter around a form (forms/letter.ts). `{x}` stands for a value. */
  letter: {
    /** The form's heading: `{title}` is the plan's or catalog's title, `{department}` a region. */
    heading: { measuresOfPlan: string; catalogOf: string; indicatorsOf: string };
    /** Whom the form is sent to. */
    to: string;
    /** The first sentence of a measures form's Instructions, by what the form is for; `{period}` as the locale writes it. */
    measures: { plan: string; lead: string; leadInPlan: string };
    catalogOf: string;
    /** Sent back by `{date}`; whom to ask. */
    returnBy: string;
    contact: string;
  };
  instructions: {
    title: string;
    intro: Record<FormKind, string>;
    /** `{statuses}` and `{categories}` stand for the words of the lists. */
    steps: Record<FormKind, string[]>;
    general: string[];
    about: string;
    keys: { form: string; region: string; period: string; scope: string; rows: string; due: string; contact: string; made: string; generator: string };
  };
  validation: { textTitle: string; textPrompt: string; growthTitle: string; growthPrompt: string; valueTitle: string; valuePrompt: string };
}

const en: FormLabels = {
  sheets: { measures: 'Measures', indicators: 'Indicators', catalog: 'Catalog', instructions: 'Instructions' },
  titles: {
    measures: 'Status of measures',
    indicators: 'Indicator figures',
    catalog: 'Catalog entries',
  },
  head: {
    region: 'Region',
    period: 'Reporting period',
    plan: 'Plan',
    lead: 'Lead department',
    department: 'District or region',
    catalog: 'Catalog',
    all: 'All',
    due: 'Return by',
    contact: 'Contact',
  },
  hint: 'Fill in the yellow cells; grey cells are locked. Read the Instructions sheet first.',
  entryNo: 'No.',
  lastPeriod: 'Last period',
  lastValue: 'Last value',
  letter: {
    heading: { measuresOfPlan: 'Status of measures: {title}', catalogOf: 'Catalog entries: {title}', indicatorsOf: 'Indicator figures: {department}' },
    to: 'To: {department}',
    measures: {
      plan: 'This form asks for the status of the measures of {plan}, as of the end of {period}.',
      lead: 'This form asks for the status of the measures your department leads, as of the end of {period}.',
      leadInPlan: 'This form asks for the status of the measures of {plan} that your department leads, as of the end of {period}.',
    },
    catalogOf: 'This form lists the entries of the {catalog}.',
    returnBy: 'Please return the completed form by {date}.',
    contact: 'For questions, contact {contact}.',
  },
  instructions: {
    title: 'How to fill in this form',
    intro: {
      measures: 'Each row is one measure; the current status is already filled in, so change only what has changed.',
      indicators:
        'This form asks for the figures of the indicators below for the reporting period. ' +
        'Each row is one indicator; figures already known are filled in, so change only what has changed. ' +
        'The last figure reported is shown beside each cell to fill.',
      catalog: 'Correct an entry in its own row, and add new entries in the empty yellow rows below the last entry.',
    },
    steps: {
      measures: [
        'Status: choose one from the list in the cell ({statuses}).',
        'Completed on: the date the measure was completed, written as a date such as 2024-06-30.',
        'Progress: how far the measure has come, as a percentage from 0% to 100% (type 60%).',
        'Note: anything the coordinating office should know, in a few words.',
      ],
      indicators: [
        'Value: the figure for the period in the Period column, in the unit shown. Type a number.',
        'Last period and Last value: the latest figure already reported, for comparison; they are locked.',
        'Growth (YoY): the growth on the same period one year earlier, as a percentage (type 13.7%). Give a value, a growth, or both.',
        'To remove a figure given by mistake, clear its cell.',
      ],
      catalog: [
        'Product and Enterprise: required for every entry.',
        'Category: choose one from the list in the cell ({categories}).',
        'Listed on: a date such as 2024-06-30. Hospitals procuring: a whole number, 0 or more.',
        'To add an entry, fill an empty yellow row; leave the No. column empty.',
      ],
    },
    general: [
      'Type values, not formulas: a cell holding a formula is refused.',
      'Do not rename, move or delete sheets, and do not unprotect them: the form is checked when it comes back, and a changed grey cell refuses the whole form.',
      'Save as an Excel workbook (.xlsx) under any name, in Excel, WPS or LibreOffice, and send it back by email.',
    ],
    about: 'About this form',
    keys: {
      form: 'Form',
      region: 'Region',
      period: 'Reporting period',
      scope: 'For',
      rows: 'Rows',
      due: 'Return by',
      contact: 'Contact',
      made: 'Made',
      generator: 'Made by',
    },
  },
  validation: {
    textTitle: 'Note',
    textPrompt: 'Any text, up to 32,767 characters.',
    growthTitle: 'Growth',
    growthPrompt: 'A percentage, e.g. 13.7% (or -5%).',
    valueTitle: 'Value',
    valuePrompt: 'A number, in the unit of the row.',
  },
};

const zhCN: FormLabels = {
  sheets: { measures: '措施', indicators: '指标', catalog: '产品目录', instructions: '填表说明' },
  titles: {
    measures: '措施进展情况表',
    indicators: '指标数据填报表',
    catalog: '目录产品填报表',
  },
  head: {
    region: '地区',
    period: '报告期',
    plan: '方案',
    lead: '牵头单位',
    department: '区县（地区）',
    catalog: '目录',
    all: '全部',
    due: '报送截止日期',
    contact: '联系人',
  },
  hint: '请填写黄色单元格；灰色单元格已锁定。填写前请先阅读“填表说明”工作表。',
  entryNo: '序号',
  lastPeriod: '上期',
  lastValue: '上期数',
  letter: {
    heading: { measuresOfPlan: '《{title}》措施进展情况表', catalogOf: '《{title}》产品填报表', indicatorsOf: '{department}指标数据填报表' },
    to: '{department}：',
    measures: {
      plan: '本表用于填报《{plan}》各项措施截至{period}末的进展情况。',
      lead: '本表用于填报贵单位牵头的各项措施截至{period}末的进展情况。',
      leadInPlan: '本表用于填报贵单位牵头的《{plan}》各项措施截至{period}末的进展情况。',
    },
    catalogOf: '本表列出《{catalog}》中的各条目。',
    returnBy: '请于{date}前将填好的表格报送。',
    contact: '如有疑问，请联系{contact}。',
  },
  instructions: {
    title: '填表说明',
    intro: {
      measures: '每行为一项措施，现有状态已预先填好，只需修改有变化的内容。',
      indicators: '本表用于填报下列指标在报告期的数据。每行为一项指标，已有数据已预先填好，只需修改有变化的内容。“上期数”列为此前最近一期已报数据，供对照。',
      catalog: '更正条目请直接在该行修改；新增条目请填写最后一条之下的黄色空行。',
    },
    steps: {
      measures: [
        '状态：从单元格下拉列表中选择（{statuses}）。',
        '完成日期：措施完成的日期，按日期填写，如 2024-06-30。',
        '进度：措施的完成程度，填写0%至100%之间的百分比（如输入 60%）。',
        '备注：需要向牵头协调机构说明的情况，请简要填写。',
      ],
      indicators: [
        '数值：“期间”列所示期间的数据，单位见“单位”列。请填写数字。',
        '上期、上期数：此前最近一期已报数据，仅供对照，不可修改。',
        '同比增长：与上年同期相比的增长率，填写百分比（如输入 13.7%）。数值、增长率可填其一或都填。',
        '如误填数据需删除，清空该单元格即可。',
      ],
      catalog: [
        '产品、企业：每个条目必填。',
        '类别：从单元格下拉列表中选择（{categories}）。',
        '入选日期：按日期填写，如 2024-06-30。采购医疗机构数：0或正整数。',
        '新增条目请填写黄色空行，“序号”列留空。',
      ],
    },
    general: [
      '请直接填写数值，不要填写公式：含公式的单元格将被拒收。',
      '请勿重命名、移动或删除工作表，也不要撤销工作表保护：表格交回时将进行核验，灰色单元格一经改动，整张表将被拒收。',
      '请以 Excel 工作簿（.xlsx）格式保存（文件名不限，可使用 Excel、WPS 或 LibreOffice），并通过电子邮件交回。',
    ],
    about: '本表信息',
    keys: {
      form: '表格',
      region: '地区',
      period: '报告期',
      scope: '填报对象',
      rows: '行数',
      due: '报送截止日期',
      contact: '联系人',
      made: '生成时间',
      generator: '生成程序',
    },
  },
  validation: {
    textTitle: '备注',
    textPrompt: '任意文字，不超过32767个字符。',
    growthTitle: '增长率',
    growthPrompt: '填写百分比，如 13.7%（或 -5%）。',
    valueTitle: '数值',
    valuePrompt: '填写数字，单位见该行。',
  },
};

const BY_LOCALE: Record<Locale, FormLabels> = { en, 'zh-CN': zhCN };

export function formLabelsFor(locale: Locale): FormLabels {
  return BY_LOCALE[locale];
}
