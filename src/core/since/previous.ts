/**
 * The previous report of `generate --since`: read from its workbook as
 * `extract` reads one (its data, with the rows an official added or changed),
 * with its record's carried history, and checked against the new report:
 * the same region, an earlier period. Pure: the caller gives the workbook as
 * a grid (the command line's bounded reader, or Office.js in the add-in).
 */
import { InputError } from '../errors';
import { periodWords } from '../i18n/wording';
import { reportFigures } from '../figures';
import { comparePeriods, monthIndex, nextPeriod, period } from '../periods';
import { FORM_RECORD_SHEET } from '../record/form-record';
import { HISTORY_KEY, readReportRecord, REPORT_RECORD_SHEET } from '../record/report-record';
import { recordTexts, sheetRecordRows } from '../record/record-sheet';
import { readReportWorkbook } from '../read/report-reader';
import type { ReportData, StreamableData } from '../schema';
import type { GridWorkbook } from '../read/grid';
import { historySchema, snapshotOf, type HeadlineParts, type Snapshot } from './snapshot';

/** A period as a municipal office writes it in Chinese (2024年第三季度). */
const zhPeriod = (text: string) => periodWords(text, 'zh-CN');

export interface Previous {
  /** The workbook's file name, for messages. */
  file: string;
  data: ReportData;
  /** Its headline figures, computed from its data as read (edits made in Excel included). */
  snapshot: Snapshot;
  /** The snapshots it carried: every report before it, oldest first. */
  history: Snapshot[];
}

/** The parts of the data a report shows figures of, from the kinds its record says its template carries. */
function partsOf(kinds: { plans: boolean; catalogs: boolean; indicators: boolean }): HeadlineParts {
  return { plans: kinds.plans, groups: kinds.plans, catalogs: kinds.catalogs, indicators: kinds.indicators };
}

/** The history a report workbook carries (none for a report not made --since). */
function readHistory(wb: GridWorkbook, file: string): Snapshot[] {
  const sheet = wb.sheet(REPORT_RECORD_SHEET)!;
  const text = recordTexts(sheetRecordRows(sheet)).get(HISTORY_KEY);
  if (text === undefined) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw InputError.one(file, `its record's "${HISTORY_KEY}" is damaged (not JSON); expected a workbook made by plan-report`, {
      zh: `其记录中的“${HISTORY_KEY}”已损坏（不是 JSON）；应为 plan-report 生成的工作簿`,
    });
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success)
    throw InputError.one(file, `its record's "${HISTORY_KEY}" is damaged; expected a list of earlier reports' figures`, {
      zh: `其记录中的“${HISTORY_KEY}”已损坏；应为以往各期报告的统计数字列表`,
    });
  return parsed.data;
}

/** Reads the previous report; refuses a form, another workbook, another data format version, a damaged record or damaged cells. */
export function readPrevious(wb: GridWorkbook, file: string): Previous {
  if (wb.sheet(FORM_RECORD_SHEET) && !wb.sheet(REPORT_RECORD_SHEET))
    throw InputError.one(
      file,
      'is a form made by `plan-report form`, not a report; expected the previous report workbook (fold a returned form into the data file with `plan-report collect`)',
      { zh: '是用“plan-report form”生成的填报表，不是报告；应为上期报告的工作簿（交回的填报表请用“plan-report collect”汇入数据文件）' },
    );
  const record = readReportRecord(wb, file);
  const data = readReportWorkbook(wb, file);
  return { file, data, snapshot: snapshotOf(data, reportFigures(data), partsOf(record.skeleton.kinds)), history: readHistory(wb, file) };
}

/** Refuses a previous report of another region, or of the same or a later period; returns a note when periods were skipped. */
export function checkPrevious(current: StreamableData, dataFile: string, previous: Previous): { note?: string; noteZh?: string } {
  const was = previous.data.report;
  const now = current.report;
  if (was.region.trim() !== now.region.trim())
    throw InputError.one(
      previous.file,
      `is a report of ${JSON.stringify(was.region)}, but ${dataFile} is of ${JSON.stringify(now.region)}; expected the previous report of the same region`,
      { path: 'report.region', zh: `是“${was.region}”的报告，而 ${dataFile} 是“${now.region}”的；应为同一地区的上期报告` },
    );
  const p = period(was.period);
  const c = period(now.period);
  if (comparePeriods(p, c) >= 0)
    throw InputError.one(
      previous.file,
      `is the report of ${p.text}, ${comparePeriods(p, c) === 0 ? 'the same period as' : 'a later period than'} ${dataFile} (${c.text}); expected a report of an earlier period`,
      {
        path: 'report.period',
        zh: `是${zhPeriod(p.text)}的报告，${comparePeriods(p, c) === 0 ? '与' : '晚于'} ${dataFile} 的期间（${zhPeriod(c.text)}）${comparePeriods(p, c) === 0 ? '相同' : ''}；应为更早一期的报告`,
      },
    );
  const next = nextPeriod(p);
  const adjacent = next.kind === c.kind && monthIndex(next) === monthIndex(c);
  return adjacent
    ? {}
    : {
        note: `since ${p.text}: the report skips the periods between ${p.text} and ${c.text}`,
        noteZh: `本报告跳过了${zhPeriod(p.text)}与${zhPeriod(c.text)}之间的各期`,
      };
}
