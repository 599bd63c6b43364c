/** Customer lifecycle stage from the date of the last purchase. */

export type LifecycleStage = 'lead' | 'active' | 'inactive' | 'churned';

export interface LifecycleThresholds {
  /** Purchased within this many days: active. */
  activeDays?: number;
  /** Purchased within this many days (but not active): inactive; older: churned. */
  inactiveDays?: number;
}

/**
 * Stage for a customer whose last purchase was on day `lastPurchaseDay` (null: never purchased), at day `today`.
 * Days are whole day numbers; boundaries are inclusive (exactly activeDays ago is still active).
 */
export function lifecycleStage(lastPurchaseDay: number | null, today: number, thresholds: LifecycleThresholds = {}): LifecycleStage {
  const { activeDays = 90, inactiveDays = 365 } = thresholds;
  if (!(activeDays >= 0 && inactiveDays >= activeDays)) {
    throw new RangeError('lifecycle: need 0 <= activeDays <= inactiveDays');
  }
  if (lastPurchaseDay === null) return 'lead';
  const daysSince = Math.max(0, today - lastPurchaseDay);
  if (daysSince <= activeDays) return 'active';
  if (daysSince <= inactiveDays) return 'inactive';
  return 'churned';
}
