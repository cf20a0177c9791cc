/**
 * Report templates: which sheets a report has, in which order, with which
 * columns and titles. Templates are files (YAML or JSON) validated like data.
 */
import { z } from 'zod';
import type { EntryField, IndicatorField, MeasureField, ObservationField } from '../i18n/labels';
import { expectedExactly } from '../messages/data-checks';
import { pathWordsZh } from '../messages/place';
import { said, type Said } from '../messages/said';
import type { Problem } from '../rules';
import { ID_PATTERN, record } from '../schema';
import { sheetNameCollisions } from './sheet-names';

export const TEMPLATE_FORMAT = 'plan-report-template/v1';

export const MEASURE_FIELDS = [
  'plan',
  'id',
  'title',
  'group',
  'lead',
  'due',
  'status',
  'completed',
  'progress',
  'note',
] as const satisfies readonly MeasureField[];
export const ENTRY_FIELDS = ['catalog', 'product', 'enterprise', 'category', 'registration', 'listed', 'hospitals'] as const satisfies readonly EntryField[];
export const INDICATOR_FIELDS = [
  'id',
  'name',
  'region',
  'unit',
  'kind',
  'format',
  'decimals',
  'baselinePeriod',
  'baselineValue',
  'targetPeriod',
  'targetValue',
  'source',
  'note',
] as const satisfies readonly IndicatorField[];
export const OBSERVATION_FIELDS = ['indicator', 'period', 'value', 'growth'] as const satisfies readonly ObservationField[];
export const SUMMARY_BLOCKS = ['plans', 'groups', 'catalogs', 'categories', 'indicators'] as const;
export type SummaryBlock = (typeof SUMMARY_BLOCKS)[number];
export const SUMMARY_CHARTS = ['plans', 'groups', 'categories'] as const;
export type SummaryChart = (typeof SUMMARY_CHARTS)[number];

const TITLE = said('expected a title: text, or a mapping with en and zh-CN', '应为标题：文字，或分别给出 en 和 zh-CN 两种语言的标题');
const TITLE_LENGTH = said('expected a title of 1 to 255 characters', '应为 1 至 255 个字符的标题');
const title = () => z.string({ error: TITLE.message }).min(1, { error: TITLE_LENGTH.message }).max(255, { error: TITLE_LENGTH.message });

/** A title in one language for all, or per language. */
const localizedText = z.union([title(), record({ en: title().optional(), 'zh-CN': title().optional() })], { error: TITLE.message });
export type LocalizedText = z.infer<typeof localizedText>;

function columnSchema<T extends readonly [string, ...string[]]>(fields: T) {
  const field = z.enum(fields, {
    error: said(`expected a column field, one of ${fields.join(' | ')}`, `应为列的字段，以下之一：${fields.join('、')}`).message,
  });
  const width = said('expected a width in characters', '应为 2 至 200 之间的列宽（字符数）');
  return z.union(
    [
      field,
      record({
        field,
        title: localizedText.optional(),
        width: z.number({ error: width.message }).min(2, { error: width.message }).max(200, { error: width.message }).optional(),
        hidden: z.boolean({ error: said('expected true or false', '应为 true 或 false').message }).optional(),
      }),
    ],
    {
      error: said(
        `expected a column: a field name (${fields.join(' | ')}) or a mapping with field, title, width, hidden`,
        `应为一列：字段名（${fields.join('、')}），或含 field、title、width、hidden 的一组设置`,
      ).message,
    },
  );
}

const sheetTitle = { title: localizedText.optional() };

const summarySection = record({
  section: z.literal('summary'),
  ...sheetTitle,
  blocks: z
    .array(
      z.enum(SUMMARY_BLOCKS, {
        error: said(`expected a block, one of ${SUMMARY_BLOCKS.join(' | ')}`, `应为概览板块，以下之一：${SUMMARY_BLOCKS.join('、')}`).message,
      }),
    )
    .optional(),
  charts: z
    .array(
      z.union(
        [
          z.enum(SUMMARY_CHARTS),
          record({
            chart: z.enum(SUMMARY_CHARTS, {
              error: said(`expected a chart, one of ${SUMMARY_CHARTS.join(' | ')}`, `应为图表，以下之一：${SUMMARY_CHARTS.join('、')}`).message,
            }),
            title: localizedText.optional(),
          }),
        ],
        {
          error: said(
            `expected a chart: one of ${SUMMARY_CHARTS.join(' | ')}, or a mapping with chart and title`,
            `应为图表：${SUMMARY_CHARTS.join('、')}之一，或含 chart 和 title 的一组设置`,
          ).message,
        },
      ),
    )
    .optional(),
});
const measuresSection = record({ section: z.literal('measures'), ...sheetTitle, columns: z.array(columnSchema(MEASURE_FIELDS)).optional() });
const catalogSection = record({ section: z.literal('catalog'), ...sheetTitle, columns: z.array(columnSchema(ENTRY_FIELDS)).optional() });
const indicatorsSection = record({
  section: z.literal('indicators'),
  ...sheetTitle,
  columns: z.array(columnSchema(INDICATOR_FIELDS)).optional(),
  observationsTitle: localizedText.optional(),
  observationColumns: z.array(columnSchema(OBSERVATION_FIELDS)).optional(),
});
/** At most this many indicators have a chart of their own on the Dashboard unless the template says otherwise. */
export const DASHBOARD_CHARTS = 24;
export const DASHBOARD_CHARTS_MAX = 200;
const CHARTS_RANGE = said(`expected a whole number of charts from 0 to ${DASHBOARD_CHARTS_MAX}`, `应为 0 至 ${DASHBOARD_CHARTS_MAX} 之间的整数（图表个数）`);
const dashboardSection = record({
  section: z.literal('dashboard'),
  ...sheetTitle,
  indicators: z
    .array(
      z.string({ error: said('expected an indicator id (text)', '应为指标编号（文字）').message }).regex(ID_PATTERN, {
        error: said('expected an indicator id of 1-40 characters A-Z a-z 0-9 . _ -', '应为由1至40个字母、数字或 . _ - 组成的指标编号').message,
      }),
      { error: said('expected a list of indicator ids', '应为指标编号的列表').message },
    )
    .optional(),
  charts: z
    .number({ error: said('expected a number of charts', '应为图表的个数').message })
    .int({ error: CHARTS_RANGE.message })
    .min(0, { error: CHARTS_RANGE.message })
    .max(DASHBOARD_CHARTS_MAX, { error: CHARTS_RANGE.message })
    .optional(),
});
const sourcesSection = record({ section: z.literal('sources'), ...sheetTitle });
const aboutSection = record({ section: z.literal('about'), ...sheetTitle });

const SECTION_KINDS = ['summary', 'measures', 'catalog', 'indicators', 'dashboard', 'sources', 'about'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const section = z.discriminatedUnion(
  'section',
  [summarySection, measuresSection, catalogSection, indicatorsSection, dashboardSection, sourcesSection, aboutSection],
  {
    error: said(
      `expected a section with "section:" one of ${SECTION_KINDS.join(' | ')}`,
      `应为一个工作表的设置，其“section:”为以下之一：${SECTION_KINDS.join('、')}`,
    ).message,
  },
);

const DESCRIPTION = said('expected a description of at most 2000 characters', '应为不超过 2000 个字符的说明');

export const templateSchema = record({
  template: z.literal(TEMPLATE_FORMAT, { error: expectedExactly(TEMPLATE_FORMAT).message }),
  name: z.string({ error: said('expected a name', '应为模板名称').message }).regex(/^[A-Za-z0-9._-]{1,40}$/, {
    error: said('expected a name of 1-40 characters A-Z a-z 0-9 . _ -', '应为 1 至 40 个字符的名称，只可使用 A-Z、a-z、0-9 及 . _ -').message,
  }),
  title: localizedText.optional(),
  description: z.string({ error: DESCRIPTION.message }).max(2000, { error: DESCRIPTION.message }).optional(),
  sections: z
    .array(section, { error: said('expected a list of sections', '应为各工作表设置的列表').message })
    .min(1, { error: said('expected at least one section', '应至少有一个工作表的设置').message }),
});

export type Template = z.infer<typeof templateSchema>;
export type Section = Template['sections'][number];
export type ColumnSpec<F extends string> = F | { field: F; title?: LocalizedText; width?: number; hidden?: boolean };

/** What is wrong with a sheet name in Excel's rules (the name itself not said), or undefined. */
export function sheetNameProblem(name: string): Said | undefined {
  if (name.length > 31)
    return {
      message: `is ${name.length} characters long; expected a sheet name of at most 31 characters`,
      zh: `长 ${name.length} 个字符；工作表名称应不超过 31 个字符`,
    };
  if (/[:\\/?*[\]]/.test(name)) return SHEET_NAME_CHARACTERS;
  if (/^'|'$/.test(name)) return SHEET_NAME_APOSTROPHE;
  if (name.toLowerCase() === 'history') return SHEET_NAME_HISTORY;
  return undefined;
}

const SHEET_NAME_CHARACTERS = said(
  'holds one of : \\ / ? * [ ]; expected a sheet name without them',
  '含有 : \\ / ? * [ ] 中的字符；工作表名称中不能有这些字符',
);
const SHEET_NAME_APOSTROPHE = said(
  'begins or ends with an apostrophe; expected a sheet name that does not',
  "以撇号（'）开头或结尾；工作表名称不能以撇号开头或结尾",
);
const SHEET_NAME_HISTORY = said(
  'is "History", which Excel keeps for itself; expected another sheet name',
  '为“History”，Excel 保留此名称自用；请换一个工作表名称',
);

export function templateRules(t: Template): Problem[] {
  const problems = sheetTitleProblems(t);
  // The first place of each section kind.
  const seen = new Map<string, number>();
  t.sections.forEach((s, i) => {
    const first = seen.get(s.section);
    if (first !== undefined) {
      problems.push({
        path: ['sections', i, 'section'],
        message: `section "${s.section}" appears twice (also sections[${first}]); expected each section once`,
        zh: `工作表类型“${s.section}”出现两次（另见第${first + 1}个工作表）；每种工作表应只出现一次`,
      });
    } else seen.set(s.section, i);
    problems.push(...columnProblems(s, i));
    if (s.section === 'dashboard') problems.push(...dashboardProblems(s.indicators ?? [], i));
  });
  if (!seen.has('summary')) {
    problems.push({
      path: ['sections'],
      message: 'no summary section; expected a section "summary" (it holds the report date and the figures)',
      zh: '没有概览工作表；应有一个“section: summary”（它载有报告日期和各项统计数字）',
    });
  }
  const has = new Set(seen.keys());
  t.sections.forEach((s, i) => problems.push(...neededSectionProblems(s, i, has)));
  return problems;
}

/** Sheet titles Excel refuses, or that two sections share, in each language a title gives. */
function sheetTitleProblems(t: Template): Problem[] {
  const problems: Problem[] = [];
  t.sections.forEach((sec, i) => {
    const keys: ['title' | 'observationsTitle', LocalizedText | undefined][] = [['title', sec.title]];
    if (sec.section === 'indicators') keys.push(['observationsTitle', sec.observationsTitle]);
    for (const [key, title] of keys) {
      if (title === undefined) continue;
      for (const [lang, name] of typeof title === 'string' ? [['', title]] : Object.entries(title)) {
        const path = typeof title === 'string' ? ['sections', i, key] : ['sections', i, key, lang];
        const problem = sheetNameProblem(name as string);
        if (problem) problems.push({ path, message: `sheet title "${name}" ${problem.message}`, zh: `工作表标题“${name}”${problem.zh}` });
      }
    }
  });
  return [...problems, ...sheetNameCollisions(t)];
}

/** A column listed twice in one of a section's column lists (section `i`). */
function columnProblems(s: Section, i: number): Problem[] {
  const problems: Problem[] = [];
  const lists: [string, readonly ColumnSpec<string>[] | undefined][] = [['columns', 'columns' in s ? s.columns : undefined]];
  if (s.section === 'indicators') lists.push(['observationColumns', s.observationColumns]);
  for (const [key, cols] of lists) {
    const fields = new Map<string, number>();
    (cols ?? []).forEach((c, j) => {
      const f = typeof c === 'string' ? c : c.field;
      const firstCol = fields.get(f);
      if (firstCol !== undefined) {
        problems.push({
          path: ['sections', i, key, j],
          message: `column "${f}" appears twice (also ${key}[${firstCol}]); expected each column once`,
          zh: `列“${f}”出现两次（另见${pathWordsZh(`${key}[${firstCol}]`)}）；每列应只出现一次`,
        });
      } else fields.set(f, j);
    });
  }
  return problems;
}

/** An indicator the dashboard section names twice (ids ignore case, as in the data). */
function dashboardProblems(ids: string[], i: number): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  ids.forEach((id, j) => {
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) {
      problems.push({
        path: ['sections', i, 'indicators', j],
        message: `indicator "${id}" appears twice (also indicators[${first}]); expected each indicator once`,
        zh: `指标“${id}”出现两次（另见第${first + 1}个）；每个指标应只列出一次`,
      });
    } else seen.set(id.toLowerCase(), j);
  });
  return problems;
}

/** The section each summary block (and the chart drawn from it) is computed from. */
const BLOCK_NEEDS: Record<SummaryBlock, SectionKind> = {
  plans: 'measures',
  groups: 'measures',
  catalogs: 'catalog',
  categories: 'catalog',
  indicators: 'indicators',
};

/** A dashboard, summary block or chart (of section `i`) whose section the template lacks (`has`: the kinds it has). */
function neededSectionProblems(s: Section, i: number, has: Set<string>): Problem[] {
  const problems: Problem[] = [];
  if (s.section === 'dashboard' && !has.has('indicators')) {
    problems.push({
      path: ['sections', i, 'section'],
      message: 'the dashboard needs the section "indicators", which this template does not have; expected that section too, or no dashboard',
      zh: '指标看板需要“indicators”工作表，而本模板没有；请一并加上该工作表，或去掉指标看板',
    });
  }
  if (s.section !== 'summary') return problems;
  (s.blocks ?? []).forEach((b, j) => {
    if (!has.has(BLOCK_NEEDS[b])) {
      problems.push({
        path: ['sections', i, 'blocks', j],
        message: `block "${b}" needs the section "${BLOCK_NEEDS[b]}", which this template does not have; expected that section too, or no "${b}" block`,
        zh: `概览板块“${b}”需要“${BLOCK_NEEDS[b]}”工作表，而本模板没有；请一并加上该工作表，或去掉“${b}”板块`,
      });
    }
  });
  (s.charts ?? []).forEach((c, j) => {
    const chart = typeof c === 'string' ? c : c.chart;
    const block: SummaryBlock = chart;
    if (s.blocks && !s.blocks.includes(block)) {
      problems.push({
        path: ['sections', i, 'charts', j],
        message: `chart "${chart}" is drawn from the block "${block}", which this summary does not show; expected that block in "blocks" too`,
        zh: `图表“${chart}”取自概览板块“${block}”，而本概览不显示该板块；请在“blocks”中一并列出该板块`,
      });
    } else if (!has.has(BLOCK_NEEDS[block])) {
      problems.push({
        path: ['sections', i, 'charts', j],
        message: `chart "${chart}" needs the section "${BLOCK_NEEDS[block]}", which this template does not have; expected that section too, or no "${chart}" chart`,
        zh: `图表“${chart}”需要“${BLOCK_NEEDS[block]}”工作表，而本模板没有；请一并加上该工作表，或去掉“${chart}”图表`,
      });
    }
  });
  return problems;
}
