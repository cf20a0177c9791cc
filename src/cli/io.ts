/** Where a command prints, and the exit codes it returns: shared by main.ts and every command. */

/** Exit codes: 0 done, 1 bad input (every problem printed with its file and place), 2 bad usage, 70 an internal error. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

/** A command's output lines (stdout) and its messages and problems (stderr). */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The process's own stdout and stderr. */
export const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Control characters (C0 but tab and newline, DEL, C1) and the marks that
 * reorder text on screen (bidi marks, embeddings, overrides and isolates, line
 * separators) that a file's text may hold: a terminal would obey them (set the
 * window title, clear the screen, show text reversed).
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;

/** A line made safe to print: each control or bidi character shown as `\u{9B}`; CJK, emoji and the rest kept. */
export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** An Io that prints every line through `printable`: every command's output, whatever text of a file it quotes. */
export function visibleIo(io: Io): Io {
  return { out: (line) => io.out(printable(line)), err: (line) => io.err(printable(line)) };
}
