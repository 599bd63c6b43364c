/** Sending one queued text, as a job kind. */
import type { Database } from '../core/database.js';
import type { Job, JobHandler } from '../core/jobs.js';
import { sendQueuedSms, smsSendKind } from './service.js';

export function smsJobHandlers(database: Database): Record<string, JobHandler> {
  return { [smsSendKind]: async (job) => sendQueuedSms(database, job as Job<{ id: string }>) };
}
