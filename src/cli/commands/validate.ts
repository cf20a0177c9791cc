import { formatLocated, InputError } from '../../core/errors';
import { loadReportInput } from '../data-file/load';
import { EXIT, type Io } from '../io';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Checks each data file; prints a summary of each valid one and every problem of each invalid one. */
export async function validateCommand(files: string[], io: Io): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const s = (await loadReportInput(file)).summary;
      io.out(
        `${file}: valid: ${plural(s.plans, 'plan')} (${plural(s.measures, 'measure')}), ` +
          `${plural(s.catalogs, 'catalog')} (${plural(s.entries, 'entry', 'entries')}), ` +
          `${plural(s.indicators, 'indicator')} (${plural(s.observations, 'observation')})`,
      );
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const p of err.problems) io.err(formatLocated(p));
      io.err(`${file}: ${plural(err.total, 'problem')}`);
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}
