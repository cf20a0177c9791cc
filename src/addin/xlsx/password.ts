/**
 * The add-in's stand-in for the command line's password hashing
 * (src/cli/xlsx/write/password.ts, which needs node:crypto): webpack puts it in
 * its place (webpack.config.js). The add-in writes template workbooks, which
 * are never protected with a password; a model that asks for one is refused
 * rather than written unprotected.
 */
import type { PasswordHash } from '../../cli/xlsx/write/password';

export type { PasswordHash };

export function passwordHash(): PasswordHash {
  throw new Error('a workbook protected with a password is written by the plan-report command line, not the add-in');
}
