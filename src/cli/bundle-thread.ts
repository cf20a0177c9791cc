/**
 * Worker threads that run the command line's own code: started from its
 * bundle with the bundle's V8 code cache (start.ts, loadBundle), not from
 * tsc's files (run from those or from the sources, as the tests do, there is
 * no bundle, and the callers do their work in the main thread instead).
 */
import * as path from 'node:path';
import { BUNDLE, type Cli } from './start';

/** The folder of the bundle this code runs from; undefined when it runs from tsc's files or the sources. */
export function bundleFolder(): string | undefined {
  return path.basename(__filename) === BUNDLE ? __dirname : undefined;
}

/** The code of a worker thread (`eval: true`) that loads the bundle in `dir` and calls its export `entry`. */
export function bundleThreadCode(dir: string, entry: Exclude<keyof Cli, 'main' | 'run' | 'loadCommands'>): string {
  const start = JSON.stringify(path.join(dir, 'start.js'));
  return `require(${start}).loadBundle(${JSON.stringify(dir)}).cli.${entry}();`;
}
