/** The worker thread of `generate --since` (previous-file.ts): reads the previous report and sends it, or its refusal, back. */
import { parentPort, workerData } from 'node:worker_threads';
import { messageOfError, messageOfPrevious, readPreviousFile } from './previous-file';

const { file } = workerData as { file: string };
readPreviousFile(file).then(
  (previous) => parentPort!.postMessage(messageOfPrevious(previous)),
  (err: unknown) => parentPort!.postMessage(messageOfError(err)),
);
