/** The renewal job as a queued job kind (scheduled hourly, see renewals.ts). */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { contractRenewalKind, runContractRenewals } from './renewals.js';

export { contractSchedules } from './renewals.js';

export function contractJobHandlers(database: Database): Record<string, JobHandler> {
  return { [contractRenewalKind]: async () => runContractRenewals(database) };
}
