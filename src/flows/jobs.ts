/** The daily date check of date-triggered flows as a queued job kind (scheduled hourly, see triggers.ts). */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { flowDateTriggerKind, runDateTriggers } from './triggers.js';

export { flowSchedules } from './triggers.js';

export function flowJobHandlers(database: Database): Record<string, JobHandler> {
  return { [flowDateTriggerKind]: async () => ({ enrolled: await runDateTriggers(database) }) };
}
