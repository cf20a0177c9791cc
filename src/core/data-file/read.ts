/** Reading a data file's text: the validated data, or an InputError locating every problem. */
import { checkRules } from '../rules';
import { dataSchema, type ReportData } from '../schema';
import { valueHint } from './hints';
import { readStructured, type Syntax } from './structured-text';

/** Reads and validates a data file's text; throws an InputError with every problem (saying what to write for a value in an official's words). */
export function readData(text: string, file: string, syntax?: Syntax): ReportData {
  return readStructured(text, file, dataSchema, checkRules, syntax, valueHint);
}
