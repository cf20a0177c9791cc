/** The About sheet: in plain words, how each figure is computed, and what made the workbook. */
import type { Context } from '../context';
import type { Sheet } from '../model';
import { TAB_COLORS } from '../styles';
import { emptySheet, printSetup } from './common';
import { FORMAT } from '../../schema';
import { localTimeWords, periodWords } from '../../i18n/wording';

const FIGURES = [
  ['reportDate', 'Report_Date'],
  ['measures', 'Plan_<K>_Measures, Plan_<K>_Group<n>_Measures'],
  ['completed', 'Plan_<K>_Completed, Plan_<K>_Group<n>_Completed'],
  ['completionRate', 'Plan_<K>_CompletionRate, Plan_<K>_Group<n>_CompletionRate'],
  ['overdue', 'Plan_<K>_Overdue'],
  ['completedInPeriod', 'Plan_<K>_CompletedInPeriod'],
  ['dueNext', 'Plan_<K>_DueNext'],
  ['products', 'Catalog_<K>_Products'],
  ['enterprises', 'Catalog_<K>_Enterprises'],
  ['adopted', 'Catalog_<K>_Adopted'],
  ['adoptionRate', 'Catalog_<K>_AdoptionRate'],
  ['latestPeriod', ''],
  ['latest', 'Indicator_<K>_Latest'],
  ['growth', 'Indicator_<K>_Growth'],
  ['progress', 'Indicator_<K>_Progress'],
  ['cagr', 'Indicator_<K>_CAGR'],
  ['requiredCagr', 'Indicator_<K>_RequiredCAGR'],
] as const;

export function aboutSheet(ctx: Context): Sheet {
  const labels = ctx.labels;
  const about = labels.about;
  const sheet = emptySheet(ctx, 'about');
  const label = (k: (typeof FIGURES)[number][0]) => (k === 'reportDate' ? labels.summary.reportDate : labels.figures[k]);
  sheet.rows = [
    { cells: [{ v: about.title, s: 'title' }], height: 30 },
    { cells: [{ v: about.intro, s: 'wrap' }], height: 48 },
    { cells: [] },
    { cells: [about.figure, about.howComputed, about.workbookName].map((v) => ({ v, s: 'header' as const })), height: 22 },
    ...FIGURES.map(([k, n]) => ({
      cells: [{ v: label(k), s: 'label' as const }, { v: about.explanations[k], s: 'wrap' as const }, n ? { v: n, s: 'wrap' as const } : undefined],
    })),
    { cells: [] },
    ...about.notes.map((note) => ({
      cells: [
        { v: '•', s: 'text' as const },
        { v: note, s: 'wrap' as const },
      ],
    })),
    { cells: [] },
    {
      cells: [
        { v: about.provenance, s: 'sectionTitle' },
        { v: null, s: 'sectionTitle' },
        { v: null, s: 'sectionTitle' },
      ],
    },
    ...(
      [
        [about.provenanceKeys.format, FORMAT],
        [about.provenanceKeys.template, ctx.template.name],
        [about.provenanceKeys.generator, ctx.options.generator],
        [about.provenanceKeys.period, periodWords(ctx.data.report.period, ctx.locale)],
        [about.provenanceKeys.locale, ctx.locale],
        [about.provenanceKeys.generated, localTimeWords(ctx.options.generatedAt, ctx.locale)],
      ] as const
    ).map(([k, v]) => ({
      cells: [
        { v: k, s: 'label' as const },
        { v, s: 'text' as const },
      ],
    })),
  ];
  sheet.merges = ['A1:C1', 'A2:C2'];
  sheet.columns = [{ width: 26 }, { width: 90 }, { width: 48 }];
  sheet.print = printSetup(ctx, sheet.name);
  sheet.tabColor = TAB_COLORS.about;
  return sheet;
}
