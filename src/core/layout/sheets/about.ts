/** The About sheet: in plain words, how each figure is computed, and what made the workbook. */
import type { Context } from '../context';
import type { Sheet } from '../model';
import { TAB_COLORS } from '../styles';
import { emptySheet, printSetup } from './common';
import { FORMAT } from '../../schema';

const FIGURES = [
  ['reportDate', 'Report_Date'],
  ['measures', 'Plan_<K>_Measures, Plan_<K>_Group<n>_Measures'],
  ['completed', 'Plan_<K>_Completed, Plan_<K>_Group<n>_Completed'],
  ['completionRate', 'Plan_<K>_CompletionRate, Plan_<K>_Group<n>_CompletionRate'],
  ['overdue', 'Plan_<K>_Overdue'],
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
  const L = ctx.labels;
  const A = L.about;
  const sheet = emptySheet(ctx, 'about');
  const label = (k: (typeof FIGURES)[number][0]) => (k === 'reportDate' ? L.summary.reportDate : L.figures[k]);
  sheet.rows = [
    { cells: [{ v: A.title, s: 'title' }], height: 30 },
    { cells: [{ v: A.intro, s: 'wrap' }], height: 48 },
    { cells: [] },
    { cells: [A.figure, A.howComputed, A.workbookName].map((v) => ({ v, s: 'header' as const })), height: 22 },
    ...FIGURES.map(([k, n]) => ({
      cells: [{ v: label(k), s: 'label' as const }, { v: A.explanations[k], s: 'wrap' as const }, n ? { v: n, s: 'wrap' as const } : undefined],
    })),
    { cells: [] },
    ...A.notes.map((note) => ({
      cells: [
        { v: '•', s: 'text' as const },
        { v: note, s: 'wrap' as const },
      ],
    })),
    { cells: [] },
    {
      cells: [
        { v: A.provenance, s: 'sectionTitle' },
        { v: null, s: 'sectionTitle' },
        { v: null, s: 'sectionTitle' },
      ],
    },
    ...(
      [
        [A.provenanceKeys.format, FORMAT],
        [A.provenanceKeys.template, ctx.template.name],
        [A.provenanceKeys.generator, ctx.options.generator],
        [A.provenanceKeys.period, ctx.data.report.period],
        [A.provenanceKeys.locale, ctx.locale],
        [A.provenanceKeys.generated, ctx.options.generatedAt],
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
