/** What the main thread of `form --all` and its worker threads (forms-workers.ts, forms-worker.ts) tell each other. */
import type { Located } from '../core/errors';
import type { FormBuildOptions } from '../core/forms/build-form';
import type { FormContent } from '../core/forms/form';
import type { FormRecord } from '../core/record/form-record';
import type { Locale, ReportData } from '../core/schema';
import type { InputFile } from './write-atomic';

/** What every form of the run shares: sent once to each thread, before any form. */
export interface FormsInit {
  /** The data file without its measures, catalog entries and observations (formsShell): what a form's letter and head name. */
  shell: ReportData;
  locale: Locale;
  /** Every option but the seal and the digest's hash, which the thread makes (node:crypto's). */
  options: Omit<FormBuildOptions, 'seal' | 'sha256'>;
  /** The register's key, to seal the forms (their ids are random, made in the thread). */
  key: string;
  /** The files no form may replace: the data file and the register, looked up once by the main thread. */
  inputs: InputFile[];
}

/** A form to write: `seq` is its place among the requests. */
export interface FormJob {
  seq: number;
  content: FormContent;
  out: string;
}

export type ToWorker =
  | { type: 'init'; init: FormsInit }
  | { type: 'forms'; jobs: FormJob[] }
  /** The forms after `after` not yet started are not to be written (the run stops at an unexpected error). */
  | { type: 'drop'; after: number }
  /** No more forms: the thread ends once those it has are written. */
  | { type: 'stop' };

export type FromWorker =
  /** Written; the record without its rows, which are the form's content (the main thread's). */
  | { type: 'written'; seq: number; record: FormRecord }
  /** Not written: the problems (a target that is a folder, a disk full). */
  | { type: 'refused'; seq: number; problems: Located[] }
  /** Not written: an unexpected error. */
  | { type: 'failed'; seq: number; message: string; stack?: string }
  /** Not started, after a drop. */
  | { type: 'dropped'; seqs: number[] };
