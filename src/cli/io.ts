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
