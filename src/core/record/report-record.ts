/**
 * The record of what made a report workbook, in its very hidden sheet
 * `_plan_report` (record-sheet.ts), so that readers (extract, the add-in's
 * check and export, `--template FILE.xlsx`) can check and use it: format
 * versions, the template itself, the generator, the report period and
 * locale, when it was made, the parts of the data that no visible sheet
 * holds, and each sheet's name and columns.
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { both } from '../messages/said';
import type { Context } from '../layout/context';
import type { Sheet } from '../layout/model';
import type { GridWorkbook } from '../read/grid';
import { catalogSchema, FORMAT, LOCALES, planSchema, reportSchema } from '../schema';
import { templateRules, templateSchema } from '../template';
import {
  decodeRecord,
  RecordError,
  recordCell,
  recordError,
  recordRows,
  recordSheet,
  recordText,
  recordTexts,
  sheetRecordRows,
  type RecordLayout,
} from './record-sheet';

/** The record key of the carried history of a report made --since (since/previous.ts). */
export const HISTORY_KEY = 'history';

export const REPORT_RECORD_SHEET = '_plan_report';
export const WORKBOOK_FORMAT = 'plan-report-workbook/v1';

const REPORT_RECORD: RecordLayout<keyof ReportRecord> = {
  sheet: REPORT_RECORD_SHEET,
  keys: ['format', 'workbook', 'template', 'generator', 'period', 'locale', 'generated', 'skeleton', 'sheets'],
  json: ['template', 'skeleton', 'sheets'],
  what: "the workbook's record",
  expected: 'expected a workbook made by plan-report',
  whatZh: '工作簿的隐藏记录',
  expectedZh: '应为由 plan-report 生成且未经改动的工作簿',
};

const flags = z.object(
  { plans: z.boolean(), catalogs: z.boolean(), indicators: z.boolean() },
  { error: 'expected plans, catalogs and indicators, each true or false' },
);

/** The parts of the data not held in the data sheets' rows: the record's `skeleton`. */
const skeletonSchema = z.object(
  {
    report: reportSchema,
    plans: z.array(planSchema.omit({ measures: true }), { error: 'expected a list of plans' }),
    catalogs: z.array(catalogSchema.omit({ entries: true }), { error: 'expected a list of catalogs' }),
    /** Which kinds of data the report's template carries. */
    kinds: flags,
    /** Which of the optional top-level lists the data file had (a reader gives them back even when empty); not in the first workbooks. */
    present: flags.optional(),
  },
  { error: 'expected the report, plans, catalogs and kinds' },
);

const text = () => z.string({ error: 'expected text' });

const reportRecordSchema = z
  .object({
    format: z.literal(FORMAT),
    workbook: z.literal(WORKBOOK_FORMAT),
    template: templateSchema,
    generator: text(),
    period: text(),
    locale: z.enum(LOCALES, { error: `expected one of ${LOCALES.join(' | ')}` }),
    generated: text(),
    skeleton: skeletonSchema,
    /** Sheet key -> its name and the field of each column. */
    sheets: z.record(z.string(), z.object({ name: text(), fields: z.array(text()) }, { error: 'expected a sheet name and fields' }), {
      error: 'expected the sheets by key',
    }),
  })
  .superRefine((r, ctx) => {
    for (const p of templateRules(r.template)) ctx.addIssue({ code: 'custom', path: ['template', ...p.path], message: p.message });
  });

export type Skeleton = z.output<typeof skeletonSchema>;
export type ReportRecord = z.output<typeof reportRecordSchema>;

export function skeletonOf(ctx: Context): Skeleton {
  const { data } = ctx;
  return {
    report: data.report,
    plans: ctx.has.measures ? (data.plans ?? []).map(({ measures: _m, ...rest }) => rest) : [],
    catalogs: ctx.has.catalog ? (data.catalogs ?? []).map(({ entries: _e, ...rest }) => rest) : [],
    kinds: { plans: ctx.has.measures, catalogs: ctx.has.catalog, indicators: ctx.has.indicators },
    present: { plans: data.plans !== undefined, catalogs: data.catalogs !== undefined, indicators: data.indicators !== undefined },
  };
}

/** The record sheet of a report whose other sheets are `sheets`. */
export function reportRecordSheet(ctx: Context, sheets: Sheet[]): Sheet {
  const sheet = recordSheet(REPORT_RECORD, {
    format: FORMAT,
    workbook: WORKBOOK_FORMAT,
    template: JSON.stringify(ctx.template),
    generator: ctx.options.generator,
    period: ctx.data.report.period,
    locale: ctx.locale,
    generated: ctx.options.generatedAt,
    skeleton: JSON.stringify(skeletonOf(ctx)),
    sheets: JSON.stringify(Object.fromEntries(sheets.map((s) => [s.key, { name: s.name, fields: s.table?.fields ?? [] }]))),
  });
  // A report made --since carries the figures of every report before it (since/previous.ts reads them), after the record's own keys.
  if (ctx.since) {
    const { history, snapshot } = ctx.since.previous;
    const layout: RecordLayout<typeof HISTORY_KEY> = { ...REPORT_RECORD, keys: [HISTORY_KEY], json: [HISTORY_KEY] };
    for (const cells of recordRows(layout, { history: JSON.stringify([...history, snapshot]) })) sheet.rows.push({ cells: cells.map((v) => ({ v })) });
  }
  return sheet;
}

/**
 * Reads the record back from its rows (each: key, then the value in chunks),
 * refusing another version first (a later one may record other keys), then
 * anything the record should not hold. Throws a RecordError.
 */
export function parseReportRecord(rows: (string | undefined)[][]): ReportRecord {
  const texts = recordTexts(rows);
  const format = recordText(REPORT_RECORD, texts, 'format');
  if (format !== FORMAT)
    throw RecordError.at(
      recordCell(REPORT_RECORD, 'format'),
      both(`is of data format "${format}"; expected "${FORMAT}"`, `数据格式为“${format}”；应为“${FORMAT}”（请用本版 plan-report 重新生成）`),
    );
  const workbook = recordText(REPORT_RECORD, texts, 'workbook');
  if (workbook !== WORKBOOK_FORMAT)
    throw RecordError.at(
      recordCell(REPORT_RECORD, 'workbook'),
      both(
        `is a workbook of layout "${workbook}"; expected "${WORKBOOK_FORMAT}"`,
        `工作簿版式为“${workbook}”；应为“${WORKBOOK_FORMAT}”（请用本版 plan-report 重新生成）`,
      ),
    );
  return decodeRecord(REPORT_RECORD, texts, reportRecordSchema);
}

/** The record of what made a plan-report workbook; refuses other workbooks, other versions and a damaged record. */
export function readReportRecord(wb: GridWorkbook, file: string): ReportRecord {
  const sheet = wb.sheet(REPORT_RECORD_SHEET);
  if (!sheet)
    throw InputError.one(file, `has no "${REPORT_RECORD_SHEET}" sheet; expected a workbook made by plan-report`, {
      zh: `没有“${REPORT_RECORD_SHEET}”工作表，不是 plan-report 生成的工作簿；应为由 plan-report 生成的工作簿`,
    });
  try {
    return parseReportRecord(sheetRecordRows(sheet));
  } catch (err) {
    throw recordError(err, file);
  }
}
