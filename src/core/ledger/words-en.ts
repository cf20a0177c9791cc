/** The English words of `plan-report import` (see words.ts). */
import { describeValueProblem } from '../values';
import type { Field } from './fields';
import type { Issue } from './issues';
import { labelledNote, shortList } from './note';
import type { LedgerWords } from './words';

const KIND = { measures: 'a plan of measures', catalog: 'a catalog', indicators: 'indicators' } as const;
const EXAMPLES = {
  measures: '序号 | 重点任务 | 牵头单位 | 完成时限 | 完成情况 (or No. | Task | Lead | Due | Status)',
  catalog: '产品名称 | 企业名称 | 类别 (or Product | Enterprise | Category)',
  indicators: '指标名称 | 单位 | 2021年 | 2022年 (or Indicator | Unit | Period | Value)',
} as const;
const ALL_EXAMPLES = `${EXAMPLES.measures}, ${EXAMPLES.catalog} or ${EXAMPLES.indicators}`;
const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
const s = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;
const rows = (r: number[]) => (r.length > 1 ? `rows ${r[0]}-${r[r.length - 1]}` : `row ${r[0]}`);

function issue(i: Issue, column: string | undefined): string {
  const col = column !== undefined ? `${column}: ` : '';
  switch (i.code) {
    case 'value':
      return col + describeValueProblem(i.problem, 'en');
    case 'missing':
      return !i.noColumn
        ? `${col}blank, but the row has other values; expected the row's ${i.field} (or delete the row)`
        : `no column gives the ${i.field}; expected a column for it (or name one with --map "TITLE=${i.field}")`;
    case 'duplicate-id':
      return `${col}id "${i.id}" is already used by ${i.first}; expected a unique 序号 in each plan (or a blank 序号 column, for ids M-1, M-2...)`;
    case 'bad-id':
      return `${col}the id made for this row, "${i.id}", is not an id; expected at most 40 letters A-Z a-z, digits and . _ - (give a shorter --plan)`;
    case 'duplicate-period':
      return `${col}period ${i.period} is given twice for this indicator (first at ${i.first}); expected each period once`;
    case 'mixed-periods':
      return `${col}period ${i.period} is not of the kind of this indicator's first period (at ${i.first}); expected all years, all halves, all quarters or all months`;
    case 'differs':
      return `${col}this indicator's ${i.field} differs from the one given at ${i.first}; expected the same in every row of the indicator`;
    case 'no-period':
      return `${col}a ${i.field === 'baseline.value' ? 'baseline' : 'target'} without its period; expected a ${i.field === 'baseline.value' ? '基期 (baseline period)' : '目标期 (target period)'} column, or the period in the column's title (2020年基数, 2025年目标值)`;
    case 'no-observation':
      return i.field === 'value'
        ? `${col}a period with no value nor growth; expected a value or a growth in the row (or no period)`
        : `${col}a value without its period; expected the period in the row's 期间 (period) column`;
    case 'no-header':
      return `found no header row; expected a row naming the columns, such as ${i.kind ? EXAMPLES[i.kind] : ALL_EXAMPLES} (or name them with --map "TITLE=field")`;
    case 'no-ledger':
      return `no sheet (${list(i.sheets)}) has a header row naming a ledger's columns; expected one such as ${ALL_EXAMPLES} (or name the columns with --map "TITLE=field")`;
    case 'no-sheet':
      return `has no sheet "${i.name}"; expected one of: ${list(i.sheets)}`;
    case 'map-column':
      return `--map names the column "${i.name}", but no sheet has a column so titled; the columns are: ${list(i.titles)}`;
    case 'map-field':
      return `--map "${i.name}=${i.target}": ${KIND[i.kind]} has no field "${i.target}"; expected one of the fields listed in docs/import.md, or - to leave the column out`;
    case 'duplicate-item':
      return `the ${i.what} id "${i.id}" is also that of ${i.what === 'indicator' ? i.first : `sheet "${i.first}"`}; expected ${i.what} ids unique (name the plans with --plan)`;
    case 'report':
      return `the report's ${i.field} is not given, and the ledger's title does not say it; expected --${i.field} ${i.field === 'region' ? 'Haidian' : i.field === 'period' ? '2022-Q3' : '"Biomedical plans: 2022 Q3"'}`;
    case 'bad-period':
      return `--period "${i.text}" is not a period; expected 2022-Q3, 2022-H1, 2022-09, 2022 or 2022年第三季度`;
    case 'schema':
      return `${i.path}: ${i.message}`;
  }
}

export const en: LedgerWords = {
  field: (f: Field) => f,
  issue,
  located: (file, cell, sheet, message) => `${file}${cell ? ` ${cell}` : ''}${sheet && !cell ? ` sheet "${sheet}"` : ''}: ${message}`,
  sheet: (file, sheet, kind, header, first, last) =>
    `${file}${sheet !== undefined ? `, sheet "${sheet}"` : ''}: ${KIND[kind]} (header in ${rows(header)}; ${last >= first ? `data in rows ${first}-${last}` : 'no data rows'})`,
  column: (letter, title, field, cells, problems, period) =>
    `${letter}  ${title}  -> ${field}${period ? ` of ${period}` : ''} (${s(cells, 'cell')}${problems ? `, ${s(problems, 'problem')}` : ''})`,
  notImported: (letter, title, why, cells, padded) =>
    `${letter}  ${padded}  -> not imported: ${why === 'unknown' ? 'a title not known' : why === 'ignored' ? 'left out' : 'another column gives the same field'} (${s(cells, 'cell')}${why === 'ignored' ? '' : `; name its field with --map "${title}=FIELD"`})`,
  plan: (id, title, measures, groups) =>
    `plan ${id} "${title}": ${s(measures, 'measure')}${groups.length ? ` in ${s(groups.length, 'group')}: ${groups.map(([g, n]) => `${g} (${n})`).join(', ')}` : ''}`,
  catalog: (id, title, entries) => `catalog ${id} "${title}": ${s(entries, 'entry', 'entries')}`,
  indicators: (count, observations) => `${s(count, 'indicator')}, ${s(observations, 'observation')}`,
  idFrom: (what, from, id) =>
    from === 'option'
      ? `${what} id ${id} from --plan`
      : from === 'position'
        ? `${what} id ${id} from the sheet's place (name it with --plan)`
        : `${what} id ${id} from the ${from}'s name (name it with --plan)`,
  ids: (how, planId) =>
    `measure ids: ${how
      .map((h) =>
        h === 'column'
          ? 'as written in the id column (序号)'
          : h === 'prefixed'
            ? `the id column's (序号) numbers, prefixed with the plan id (${planId}-1, ${planId}-2...)`
            : h === 'grouped'
              ? `the id column (序号) starts again in each group: ${planId}-<group>.<number>`
              : 'made from the row (M-1, M-2...)',
      )
      .join('; ')}`,
  generatedIndicatorIds: (ids) => `${s(ids.length, 'indicator')} without an id (编号): ids made from their order, ${shortList(ids, ', ')}`,
  blankStatus: (counts) =>
    `blank status read as: ${counts.map(([st, n]) => `${st} ${n}`).join(', ')} (completed when a completion date or 100% is given, in-progress when some progress is, else not-started)`,
  ongoing: (n, column) =>
    `${s(n, 'due date')} written as 长期, ongoing or the like: no due date, the words kept in the note ("${labelledNote(column, '...')}")`,
  remarks: (n, column) => `${s(n, 'status')} written with more text: the whole text kept in the note ("${labelledNote(column, '...')}")`,
  emptyGroups: (names) => `group headings with no measure under them, left out: ${list(names)}`,
  titleCategory: (category, entries) => `${s(entries, 'entry', 'entries')} without a category: ${category}, as the catalog's title says`,
  skipped: (sheets) => `sheets passed over (no header row naming a ledger's columns): ${list(sheets)}`,
  skippedRows: (headings, skipped) =>
    [
      headings ? `${s(headings, 'heading row')} read as groups` : '',
      skipped ? `${s(skipped, 'row')} passed over (a total, a note at the foot, a repeated header)` : '',
    ]
      .filter(Boolean)
      .join('; '),
  report: (p, from) => {
    const src = (k: string) => (from[k] === 'title' ? ' (from the title row)' : '');
    return `report: title ${p.title !== undefined ? `"${p.title}"${src('title')}` : '?'}, region ${p.region !== undefined ? `${p.region}${src('region')}` : '?'}, period ${p.period !== undefined ? `${p.period}${src('period')}` : '?'}${p.locale === 'zh-CN' ? ', labels in Chinese (report.locale zh-CN)' : ''}`;
  },
  problems: (n) => `${s(n, 'problem')}:`,
  dryRun: (out, ok) => (ok ? `dry run: nothing written (would write ${out})` : 'dry run: nothing written; the problems above would keep it from being written'),
  written: (out, c) =>
    `${out}: written (${[
      c.plans ? `${s(c.plans, 'plan')}, ${s(c.measures, 'measure')}` : '',
      c.catalogs ? `${s(c.catalogs, 'catalog')}, ${s(c.entries, 'entry', 'entries')}` : '',
      c.indicators ? s(c.indicators, 'indicator') : '',
    ]
      .filter(Boolean)
      .join('; ')})`,
  notWritten: (n) => `nothing written: ${s(n, 'problem')} to put right first (see above; --dry-run shows how each column was read)`,
  exists: (out) => `${out}: already exists; expected a new file (add --force to overwrite it, or name another with --out)`,
  file: {
    missing: 'no such file; expected a ledger (.xlsx or .csv)',
    directory: 'is a directory; expected a ledger (.xlsx or .csv)',
    notFile: 'is not a regular file; expected a ledger (.xlsx or .csv)',
    empty: 'is empty; expected a ledger (.xlsx or .csv)',
    unreadable: (code) => `cannot be read (${code}); expected a readable ledger (.xlsx or .csv)`,
    tooLarge: (mb, max) => `is ${mb} MB; expected a ledger of at most ${max} MB`,
    notLedger: (ext) => `is not a ledger (${ext || 'no extension'}); expected an .xlsx workbook or a .csv file (for a data file, use validate or generate)`,
    csv: (reason) => `cannot be read as CSV (${reason}); expected comma-separated values as Excel or WPS saves them`,
  },
  usage: {
    map: (bad) => `error: --map: ${list(bad)} is not TITLE=FIELD; expected for example --map "重点任务=title,责任处室=lead"`,
    planId: (id) => `error: --plan "${id}" is not an id; expected 1-40 letters A-Z a-z, digits 0-9 and . _ -`,
  },
};
