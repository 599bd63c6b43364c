/**
 * Worker thread that reads an import file and maps and cleans its rows, sending them to the importing
 * thread in batches while that thread writes the previous ones (see cleaned-rows.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeNationalForms } from '../customers/phone-search.js';
import { cleanSourceRow, type CleanedRow, type CleanWorkerData, type CleanWorkerMessage } from './cleaned-rows.js';
import { readRows } from './source-file.js';

const { filePath, setup, batchRows, ahead } = workerData as CleanWorkerData;
const port = parentPort!;
let credit = ahead;
let wake: (() => void) | null = null;
// Each batch the importing thread takes gives one more.
port.on('message', () => {
  credit++;
  wake?.();
  wake = null;
});

const send = async (message: CleanWorkerMessage) => {
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(message);
};

async function run(): Promise<void> {
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

void run();
