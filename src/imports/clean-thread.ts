/**
 * Starting an import's cleaning thread (see cleaned-rows.ts), apart from the cleaning itself so that a
 * caller can start one before it loads the importer: the thread loads its modules meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { loadWorkerScript } from '../core/worker-script.js';
import type { CountryCode } from 'libphonenumber-js';
import type { FieldDef } from '../schema/fields.js';
import type { MappingPlan } from './mapping.js';
import type { FileFormat } from './source-file.js';
import type { DateOrder } from './values/dates.js';

/**
 * Files from this size on are cleaned on a thread of their own when asked (ImportOptions.cleaningThread):
 * below it, starting the thread costs more than it saves.
 */
export const cleaningThreadMinBytes = 256 * 1024;

/** What cleaning a file's rows needs; plain data, so that a worker thread can be given it. */
export interface CleaningSetup {
  format: FileFormat;
  plan: MappingPlan;
  defaultCountry?: string;
  dateOrder?: DateOrder;
  /**
   * A customer import's fields (custom ones included): each clean row is also parsed as the customer
   * write pipe parses a create body, here, so that the writing thread need not (see ParsedCustomer).
   */
  customerFields?: FieldDef[];
  /** The default country the customer write pipe reads phone numbers in (its ctx.defaultCountry), for the search text made here. */
  pipeCountry?: CountryCode;
}

/** What clean-worker.ts is started with. */
export interface CleanWorkerData {
  filePath: string;
  setup: CleaningSetup;
  /** Rows per message. */
  batchRows: number;
  /** Batches sent ahead of the importing thread before the worker waits for it. */
  ahead: number;
}

/** What a cleaning thread started ahead of its job (warmCleaningThread) is sent to start it. */
export interface CleanWorkerStart {
  start: CleanWorkerData;
}

/** A cleaning thread, and whether it has stopped already (an `exit` before anyone listened would be missed). */
interface CleanThread {
  worker: Worker;
  exited: boolean;
}

async function startCleanThread(data: CleanWorkerData | null): Promise<CleanThread> {
  const { script, eval: isSource } = await loadWorkerScript(new URL('./clean-worker.js', import.meta.url), new URL('./clean-worker.ts', import.meta.url));
  const worker = new Worker(script, { eval: isSource, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const thread = { worker, exited: false };
  worker.once('exit', () => (thread.exited = true));
  return thread;
}

/** A cleaning thread started before its file was known, waiting for its job (see warmCleaningThread). */
let warm: Promise<CleanThread | null> | null = null;

/**
 * Starts the next import's cleaning thread now: it loads its modules while the importing thread opens
 * the database and plans the import, and cleanedRows then hands it the file. Until then it does not
 * keep the process alive; an import that cleans in place leaves it unused.
 */
export function warmCleaningThread(): void {
  // One that fails to start is started again when needed, which reports why (a promise nobody awaits must not reject).
  warm ??= startCleanThread(null).then(
    (thread) => {
      thread.worker.unref();
      return thread;
    },
    () => null,
  );
}

/** A cleaning thread working on `data`: the one started ahead when there is one, else a new one. */
export async function cleanThread(data: CleanWorkerData): Promise<Worker> {
  const started = warm ? await warm : null;
  warm = null;
  if (!started || started.exited) return (await startCleanThread(data)).worker;
  started.worker.ref();
  started.worker.postMessage({ start: data } satisfies CleanWorkerStart);
  return started.worker;
}
