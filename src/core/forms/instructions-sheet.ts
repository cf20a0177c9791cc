/**
 * A form's Instructions sheet, the first a department sees: the heading, whom
 * the form is sent to, what it asks (the plan's or catalog's title, the
 * period), the date to send it back by and whom to ask (`form --due`,
 * `--contact`), how to fill each column, and what the form is.
 */
import { labelsFor } from '../i18n';
import { localTimeWords, periodWords } from '../i18n/wording';
import { dateStyle } from '../layout/local-styles';
import type { Cell, Row, Sheet } from '../layout/model';
import { footerText, truncateHeader } from '../layout/print-text';
import { fitRowHeights, textWidth } from '../layout/sheets/common';
import { TAB_COLORS, type StyleName } from '../layout/styles';
import type { FormRecord } from '../record/form-record';
import { CATEGORIES, STATUSES, type Locale, type ReportData } from '../schema';
import type { FormBuildOptions } from './build-form';
import type { FormContent } from './form';
import { HEADER_ROOM, HEADING_SCALE, headerHeading, wrappedHeight } from './form-widths';
import { formLabelsFor } from './labels';
import { formLetter, type FormLetter } from './letter';

/** The width of the sheet, in characters: an A4 page in portrait. */
const WIDTH = 118;

/** The keys and values of "About this form". */
function aboutRows(content: FormContent, letter: FormLetter, record: FormRecord, locale: Locale, options: FormBuildOptions): [string, Cell][] {
  const { instructions } = formLabelsFor(locale);
  const opts = options.letter ?? {};
  const about: [string, Cell][] = [
    [instructions.keys.form, { v: letter.heading, s: 'wrap' }],
    [instructions.keys.region, { v: record.region, s: 'wrap' }],
    [instructions.keys.period, { v: periodWords(record.period, locale), s: 'wrap' }],
    [instructions.keys.scope, { v: `${letter.scope.label}${locale === 'zh-CN' ? '：' : ': '}${letter.scope.value}`, s: 'wrap' }],
    [instructions.keys.rows, { v: String(content.rows.length), s: 'wrap' }],
  ];
  if (opts.due !== undefined) about.push([instructions.keys.due, { v: { date: opts.due }, s: dateStyle(locale, 'keyDate') }]);
  if (opts.contact !== undefined) about.push([instructions.keys.contact, { v: opts.contact, s: 'wrap' }]);
  about.push(
    [instructions.keys.made, { v: localTimeWords(options.generatedAt, locale), s: 'wrap' }],
    [instructions.keys.generator, { v: options.generator, s: 'wrap' }],
  );
  return about;
}

/** The Instructions sheet; `letter` is the form's (formLetter), made once for all its sheets. */
export function instructionsSheet(
  content: FormContent,
  data: ReportData,
  record: FormRecord,
  locale: Locale,
  options: FormBuildOptions,
  letter: FormLetter = formLetter(content, data, locale, options.letter ?? {}),
): Sheet {
  const formLabels = formLabelsFor(locale);
  const labels = labelsFor(locale);
  const instructions = formLabels.instructions;
  const kind = content.scope.kind;
  const words = (xs: string[]) => xs.join(locale === 'zh-CN' ? '、' : ', ');
  const fill = (s: string) =>
    s.replace('{statuses}', words(STATUSES.map((x) => labels.statuses[x]))).replace('{categories}', words(CATEGORIES.map((x) => labels.categories[x])));
  const steps = [...instructions.steps[kind].map(fill), ...instructions.general];
  const rows: Row[] = [];
  const merges: string[] = [];
  /** A paragraph over both columns. */
  const paragraph = (v: string, s: StyleName, lineHeight = 15) => {
    rows.push({ cells: [{ v, s }, undefined], height: Math.max(lineHeight + 3, wrappedHeight(v, WIDTH, lineHeight)) });
    merges.push(`A${rows.length}:B${rows.length}`);
  };
  rows.push({ cells: [{ v: letter.heading, s: 'formHeading' }, undefined], height: Math.max(30, wrappedHeight(letter.heading, WIDTH / HEADING_SCALE, 24)) });
  merges.push('A1:B1');
  rows.push({ cells: [{ v: `${data.report.region} ${periodWords(record.period, locale)}`, s: 'subtitle' }] });
  rows.push({ cells: [] });
  if (letter.to !== undefined) paragraph(letter.to, 'label');
  paragraph(letter.intro, 'wrap');
  if (letter.returnBy !== undefined) paragraph(letter.returnBy, 'wrap');
  rows.push({ cells: [] });
  rows.push({
    cells: [
      { v: instructions.title, s: 'sectionTitle' },
      { v: null, s: 'sectionTitle' },
    ],
  });
  for (const [i, step] of steps.entries())
    rows.push({
      cells: [
        { v: `${i + 1}.`, s: 'label' },
        { v: step, s: 'wrap' },
      ],
    });
  rows.push({ cells: [] });
  rows.push({
    cells: [
      { v: instructions.about, s: 'sectionTitle' },
      { v: null, s: 'sectionTitle' },
    ],
  });
  for (const [k, v] of aboutRows(content, letter, record, locale, options)) rows.push({ cells: [{ v: k, s: 'label' }, v] });
  const keyWidth = Math.max(18, ...[...Object.values(instructions.keys)].map((k) => textWidth(k) + 3));
  const sheet: Sheet = {
    key: 'about',
    name: formLabels.sheets.instructions,
    state: 'visible',
    columns: [{ width: keyWidth }, { width: WIDTH - keyWidth }],
    rows,
    merges,
    validations: [],
    conditionalFormats: [],
    tabColor: TAB_COLORS.about,
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      header: truncateHeader(headerHeading(letter.heading, HEADER_ROOM.portrait), `${data.report.region} ${periodWords(record.period, locale)}`),
      footer: footerText(formLabels.sheets.instructions, locale),
    },
    protection: { password: options.password },
  };
  fitRowHeights(sheet);
  return sheet;
}
