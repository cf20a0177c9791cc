/**
 * A progress bar on stderr for long runs (collecting many returns), quiet
 * when stderr is not a terminal (a pipe, a log file, a test), so that output
 * meant for people never ends up in files.
 */
import cliProgress from 'cli-progress';
import { printable } from './io';

export interface Progress {
  /** One more item done; `label` names it (a file name). */
  tick(label: string): void;
  stop(): void;
}

const QUIET: Progress = { tick: () => undefined, stop: () => undefined };

export function progressBar(total: number, what: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return QUIET;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${what} [{bar}] {value}/{total} {label}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    tick(label: string) {
      bar.increment(1, { label: printable(label.length > 40 ? `...${label.slice(-37)}` : label) });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Progress by a count (rows written), shown only once the work has taken more than `delayMs` (quiet when not a terminal). */
export interface CountProgress {
  /** `done` of `total` items are finished. */
  update(done: number, total: number): void;
  stop(): void;
}

export function delayedProgress(what: string, delayMs = 1000, stream: NodeJS.WriteStream = process.stderr, unit = 'rows'): CountProgress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < delayMs) return;
        bar = new cliProgress.SingleBar(
          { stream, format: `${printable(what)} [{bar}] {percentage}% {value}/{total} ${unit}`, barsize: 30, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
