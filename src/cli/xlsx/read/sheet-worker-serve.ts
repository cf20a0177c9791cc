/**
 * The sheet worker's side when it runs the bundle (sheet-worker.ts starts
 * it): each part it is sent is inflated, then its cells are read
 * (sheet-prepared.ts) when it is sent limits and is within them, so that the
 * main thread finds them read; its rows and cells are counted as the
 * worker without the bundle counts them, by that reading where there is one.
 * The bytes and the cells' arrays are moved back, not copied.
 */
import * as zlib from 'node:zlib';
import { parentPort } from 'node:worker_threads';
import { countRowsAndCellsIn } from '../../../core/read/limits';
import { bytesText } from './safe-load';
import { prepareCells, preparedBuffers, type PreparedCells } from './sheet-prepared';
import { inflateAndCount, type Request } from './sheet-worker';

/**
 * countRowsAndCellsIn over a whole part (`start` 0, `end` its length), reading its cells on the way (`read`'s
 * limits): the rows and cells of its `<sheetData>` are those the reading met (each `<` there is read as a row, a
 * cell or a tag of a cell's content: sheet-bytes.ts), the rest counted. Without a reading within the limits, counted.
 */
export function countReading(read: NonNullable<Request['read']>, keep: (p: PreparedCells) => void): typeof countRowsAndCellsIn {
  return (bytes, start, end, count) => {
    const p =
      start === 0 && end === bytes.length
        ? prepareCells(bytesText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).bytes!, read.maxCells)
        : undefined;
    if (!p || p.rowsRead > read.maxRows) return countRowsAndCellsIn(bytes, start, end, count);
    countRowsAndCellsIn(bytes, 0, p.at + 10, count);
    count.rows += p.rowsRead;
    count.cells += p.cellsRead;
    countRowsAndCellsIn(bytes, p.end, end, count);
    keep(p);
  };
}

export function serveSheets(): void {
  const port = parentPort;
  if (!port) throw new Error('serveSheets runs in a worker thread');
  port.on('message', (m: Request) => {
    let prepared: PreparedCells | undefined;
    const reply = inflateAndCount(zlib, m.read ? countReading(m.read, (p) => (prepared = p)) : countRowsAndCellsIn, m);
    if (prepared) reply.prepared = prepared;
    port.postMessage(reply, [...(reply.buffer ? [reply.buffer] : []), ...(prepared ? preparedBuffers(prepared) : [])]);
  });
}
