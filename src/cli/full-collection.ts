/**
 * A full garbage collection, asked for where a command has just let go of
 * much memory that V8 would otherwise keep until the process ends.
 *
 * `generate --since` reads the previous report (its 92 MB Measures sheet for
 * 100,000 measures, that sheet's cells, its data) before the new report is
 * built and written; after that no full collection comes (the writing makes
 * only young objects), so all of it stayed allocated through the writing and
 * set the peak. V8 gives `gc` only to a context made after --expose-gc is
 * set, as Jest asks for it (its detectLeaks); a runtime that refuses simply
 * does not collect.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function fullCollection(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
