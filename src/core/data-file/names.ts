/** Naming files after a report: shared by the command line and the add-in. */
import type { ReportData } from '../schema';

/** Text made safe as part of a file name on every system: `Suzhou National Hi-Tech District` -> `Suzhou-National-Hi-Tech-District`. */
export function fileNamePart(text: string): string {
  return (
    text
      .trim()
      .replace(/[\\/:*?"<>|\s]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'report'
  );
}

/** `Beijing-2022-Q3` (+ `-template` and `-zh-CN` when not the defaults): the base name of a report's files. */
export function reportBaseName(data: Pick<ReportData, 'report'>, extra: string[] = []): string {
  return [fileNamePart(data.report.region), data.report.period, ...extra].join('-');
}
