/** Writing a data file: shared by the command line and the add-in. */
import { stringify } from 'yaml';
import type { ReportData } from '../schema';
import type { Syntax } from './structured-text';

/** A data file's text: JSON, or YAML with long text kept on one line and keys in the format's order. */
export function dataText(data: ReportData, syntax: Syntax): string {
  if (syntax === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  return stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
