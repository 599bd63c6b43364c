/** The nightly loyalty pass: points past their expiry date expire (oldest first), then tiers are recomputed. */
import type { Database } from '../core/database.js';
import type { JobHandler } from '../core/jobs.js';
import { expirePoints } from './ledger.js';
import { recomputeAllTiers } from './tiers.js';

const loyaltyNightlyKind = 'loyalty.nightly';

/** Daily at 02:30 UTC, before the insight run. */
export const loyaltySchedules = [{ cron: '30 2 * * *', kind: loyaltyNightlyKind, payload: {} }];

async function runLoyaltyNightly(database: Database, now = new Date()) {
  const expired = await expirePoints(database, now);
  const tiersChanged = await recomputeAllTiers(database, now);
  return { expired_points: expired.points, customers_expired: expired.customers, tiers_changed: tiersChanged };
}

export function loyaltyJobHandlers(database: Database): Record<string, JobHandler> {
  return { [loyaltyNightlyKind]: async () => runLoyaltyNightly(database) };
}
