/**
 * Worker thread that reads an import file and maps and cleans its rows, sending them to the importing
 * thread in batches while that thread writes the previous ones (see cleaned-rows.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeNationalForms } from '../customers/phone-search.js';
import type { CleanWorkerData, CleanWorkerStart } from './clean-thread.js';
import { cleanSourceRow, type CleanedRow, type CleanWorkerMessage } from './cleaned-rows.js';
import { readRows } from './source-file.js';

const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;
// A thread started ahead of its job (warmCleaningThread) is given it first; then each batch the importing thread takes gives one more.
port.on('message', (message: CleanWorkerStart | 'more') => {
  if (typeof message === 'object') return start(message.start);
  credit++;
  wake?.();
  wake = null;
});

const send = async (message: CleanWorkerMessage) => {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(message);
};

function start(job: CleanWorkerData): void {
  credit = job.ahead;
  void run(job);
}

async function run({ filePath, setup, batchRows }: CleanWorkerData): Promise<void> {
  try {
    let batch: CleanedRow[] = [];
    for await (const row of readRows(filePath, setup.format)) {
      batch.push(cleanSourceRow(setup, row));
      if (batch.length >= batchRows) {
        await send({ rows: batch, forms: takeNationalForms() });
        batch = [];
      }
    }
    if (batch.length) await send({ rows: batch, forms: takeNationalForms() });
    port.postMessage({ done: true } satisfies CleanWorkerMessage);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ error: { name: e.name, message: e.message } } satisfies CleanWorkerMessage);
  }
}

if (workerData) start(workerData as CleanWorkerData);
