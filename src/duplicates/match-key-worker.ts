/** Worker thread of a match-key rebuild: turns pages of customer rows (PERSON_COLUMNS arrays) into match rows. */
import { parentPort } from 'node:worker_threads';
import { matchRows } from './match-rows.js';
import { personFromColumns } from './people.js';

parentPort?.on('message', (rows: unknown[][]) => {
  try {
    const result = matchRows(rows.map(personFromColumns));
    parentPort!.postMessage({ result }, [result.keys.buffer as ArrayBuffer, result.owners.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
