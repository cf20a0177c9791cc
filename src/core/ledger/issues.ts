/**
 * What can be wrong with a ledger, as data: each message module words it in
 * the user's language (messages.ts). A problem names its cell when it has one.
 */
import type { ValueProblem } from '../values';
import type { Field, LedgerKind } from './fields';

export type Issue =
  /** A cell's value could not be read as its column's field. */
  | { code: 'value'; field: Field; problem: ValueProblem }
  /** A row with values but no title (measure), product (catalog entry) or name (indicator). */
  | { code: 'missing'; field: Field; noColumn?: boolean }
  /** An id used by an earlier row. */
  | { code: 'duplicate-id'; id: string; first: string }
  /** A generated id that is no id (too long). */
  | { code: 'bad-id'; id: string }
  /** An indicator's period given twice. */
  | { code: 'duplicate-period'; period: string; first: string }
  /** An indicator whose observations mix kinds of period. */
  | { code: 'mixed-periods'; period: string; first: string }
  /** An indicator's unit, kind, baseline or target given differently by two of its rows. */
  | { code: 'differs'; field: Field; first: string }
  /** A baseline or target value without its period. */
  | { code: 'no-period'; field: 'baseline.value' | 'target.value' }
  /** An observation row with a period but no value nor growth, or a value without a period. */
  | { code: 'no-observation'; field: 'period' | 'value' }
  /** A sheet (named by --sheet) with no header row. */
  | { code: 'no-header'; kind?: LedgerKind }
  /** No sheet of the file looks like a ledger. */
  | { code: 'no-ledger'; sheets: string[] }
  /** --sheet names no sheet of the file. */
  | { code: 'no-sheet'; name: string; sheets: string[] }
  /** --map names a column no sheet has. */
  | { code: 'map-column'; name: string; titles: string[] }
  /** --map names a field the kind has not. */
  | { code: 'map-field'; name: string; target: string; kind: LedgerKind }
  /** Ids of plans, catalogs or indicators repeated across sheets. */
  | { code: 'duplicate-item'; what: 'plan' | 'catalog' | 'indicator'; id: string; first: string }
  /** The report's region, period or title: neither given nor found in the ledger's title. */
  | { code: 'report'; field: 'region' | 'period' | 'title' }
  /** --period that is no period. */
  | { code: 'bad-period'; text: string }
  /** What the data's validation still found (the data path and its message). */
  | { code: 'schema'; path: string; message: string };

export interface LedgerProblem {
  /** `台账!F7` (or `F7` in a CSV file). */
  cell?: string;
  /** The sheet, when the problem is the sheet's and has no cell. */
  sheet?: string;
  /** The column's title, as the user sees it. */
  column?: string;
  issue: Issue;
}
