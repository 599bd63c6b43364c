/**
 * The events an insight run emits for a customer: a stage change, and each configured threshold that
 * P(alive), churn risk or lifetime value crossed since the previous run. A customer scored for the first
 * time emits nothing (there is no "before"), so a first run over historic data does not flood webhooks.
 */
import type { DomainEvent } from '../core/events.js';

export const thresholdScores = ['p_alive', 'churn_risk', 'clv'] as const;
type ThresholdScore = (typeof thresholdScores)[number];
export type ScoreThresholds = Record<ThresholdScore, number[]>;

export const defaultScoreThresholds: ScoreThresholds = { p_alive: [0.3], churn_risk: [0.7], clv: [] };

export interface ScoreState {
  stage: string | null;
  p_alive: number | null;
  churn_risk: number | null;
  clv: number | null;
}

/** Thresholds passed between two values: `down` when the value fell to or below it, `up` when it rose above it. */
export function crossings(from: number | null, to: number | null, thresholds: readonly number[]): { threshold: number; direction: 'up' | 'down' }[] {
  if (from === null || to === null || Number.isNaN(from) || Number.isNaN(to) || from === to) return [];
  const out: { threshold: number; direction: 'up' | 'down' }[] = [];
  for (const t of thresholds) {
    if (from > t && to <= t) out.push({ threshold: t, direction: 'down' });
    else if (from <= t && to > t) out.push({ threshold: t, direction: 'up' });
  }
  return out;
}

export function scoreEvents(customerId: string, before: ScoreState, after: ScoreState, thresholds: ScoreThresholds, runId: string): DomainEvent[] {
  const events: DomainEvent[] = [];
  const base = { entity: 'customer', entityId: customerId };
  if (before.stage !== null && before.stage !== after.stage) events.push({ ...base, type: 'customer.stage_changed', data: { from: before.stage, to: after.stage, run_id: runId } });
  for (const score of thresholdScores) {
    for (const c of crossings(before[score], after[score], thresholds[score] ?? [])) {
      events.push({ ...base, type: 'customer.score_crossed', data: { score, threshold: c.threshold, direction: c.direction, from: before[score], to: after[score], run_id: runId } });
    }
  }
  return events;
}
