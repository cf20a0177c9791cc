/** Reading a data file's text: the validated data, or an InputError locating every problem. */
import type { z } from 'zod';
import { checkRules } from '../rules';
import { dataSchema, dataSchemaIndicatorsChecked, dataSchemaRowsChecked, type ReportData } from '../schema';
import { everyIndicatorValid, everyMeasureValid } from '../stream/row-checks';
import { valueHint } from './hints';
import { readStructured, type Syntax } from './structured-text';

/**
 * Reads and validates a data file's text; throws an InputError with every problem (saying what to write for a value
 * in an official's words). Indicators and their observations, and measures, are checked by hand (a fraction of zod's
 * cost: 1,000 indicators of 40,000 observations in a province's file, 50,000 measures), and the whole file by the
 * schema as before as soon as one is refused.
 */
export function readData(text: string, file: string, syntax?: Syntax): ReportData {
  const schemaOf = (value: unknown): z.ZodType<ReportData> => {
    if (!everyIndicatorValid(value)) return dataSchema;
    return everyMeasureValid(value) ? dataSchemaRowsChecked : dataSchemaIndicatorsChecked;
  };
  return readStructured(text, file, schemaOf, checkRules, syntax, valueHint);
}
