/** Shared by the add-in tests: seeds, templates, models, data of any size, and the parts of a package. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readData } from '../../src/core/data-file/read';
import { buildReport } from '../../src/core/layout/build';
import type { Workbook } from '../../src/core/layout/model';
import type { Locale, ReportData } from '../../src/core/schema';
import { OPTIONS, template } from '../support/fixtures';

export const ROOT = path.resolve(__dirname, '../..');
export const SEEDS = ['beijing-2022-q3', 'suzhou-2022-q3', 'shanghai-2025-q3', 'nanjing-2025-q1'];

export const seedText = (name: string): string => readFileSync(path.join(ROOT, 'seeds', `${name}.yaml`), 'utf8');
export const seed = (name: string): ReportData => readData(seedText(name), `${name}.yaml`);

export function model(data: ReportData, locale: Locale = 'en', templateName = 'quarterly'): Workbook {
  return buildReport(template(templateName), data, locale, OPTIONS);
}

const STATUSES = ['completed', 'in-progress', 'delayed', 'not-started', 'cancelled'] as const;

/** A plan of `n` measures in four groups, with every field filled now and then. */
export function measuresData(n: number): ReportData {
  const groups = ['Requires national authorization', 'Municipal powers', '区级事权', 'Other'];
  return {
    format: 'plan-report/v1',
    report: { title: `A plan of ${n} measures`, region: 'Beijing', period: '2024-Q2' },
    plans: [
      {
        id: 'BIG-PLAN',
        title: 'Implementation plan with many measures',
        groups,
        measures: Array.from({ length: n }, (_, i) => ({
          id: `M-${i + 1}`,
          title: `Measure ${i + 1}: support the biomedical industry chain with policy number ${i} (创新药械)`,
          group: groups[i % 4],
          lead: i % 3 ? `Municipal Bureau ${i % 17}` : undefined,
          due: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
          status: STATUSES[i % 5],
          completed: i % 5 === 0 ? '2024-03-01' : undefined,
          progress: i % 5 === 1 ? (i % 10) / 10 : undefined,
          note: i % 7 === 0 ? `=HYPERLINK("http://x/${i}","note")` : undefined,
        })).map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as typeof m),
      },
    ],
  } as ReportData;
}

/** A package's parts, in the order the zip holds them, with their text; a package has no folder entries. */
export async function zipParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const folders = names.filter((n) => zip.files[n].dir);
  if (folders.length) throw new Error(`folder entries in the package: ${folders.join(', ')}`);
  return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
}

export { timeless } from '../support/timeless';
