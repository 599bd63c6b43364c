/**
 * Win probabilities that learn from this business's own outcomes (Bayes' rule with a Beta prior).
 *
 * Each open stage has a configured probability p. It is read as a Beta(a, b) prior worth
 * `priorStrength` deals: a = p x strength pseudo-wins, b = (1 - p) x strength pseudo-losses. Every
 * closed deal that passed through the stage is one Bernoulli outcome, so the posterior is
 * Beta(a + won, b + lost) and its mean (a + won) / (a + b + won + lost) is the learnt probability.
 * With strength 10, ten real outcomes weigh as much as the configured value: a stage set at 0.5
 * that saw 8 wins and 2 losses learns (5 + 8) / (10 + 10) = 0.65.
 *
 * The forecast and Today use the learnt value once `minClosedDeals` closed deals passed the stage;
 * below that the configured value is used (a handful of outcomes says little about a stage).
 */
export const priorStrength = 10;
export const minClosedDeals = 5;

export interface StageOutcomes {
  /** The configured probability, 0..1. */
  configured: number;
  won: number;
  lost: number;
}

export interface LearntProbability {
  configured: number;
  /** Posterior mean of the Beta prior updated by the stage's won and lost deals. */
  learnt: number;
  /** Closed deals (won + lost) that passed through the stage. */
  deals_seen: number;
  won: number;
  lost: number;
  /** The probability the forecast uses: learnt once deals_seen >= minClosedDeals, else configured. */
  used: number;
  basis: 'learnt' | 'configured';
}

/** Parameters of the Beta prior centred on the configured probability. */
export function betaPrior(configured: number, strength = priorStrength): { a: number; b: number } {
  const p = Math.min(1, Math.max(0, configured));
  return { a: p * strength, b: (1 - p) * strength };
}

/** Posterior mean (a + won) / (a + b + won + lost). */
export function posteriorMean(configured: number, won: number, lost: number, strength = priorStrength): number {
  const { a, b } = betaPrior(configured, strength);
  const n = a + b + won + lost;
  return n === 0 ? configured : (a + won) / n;
}

export function learnProbability(o: StageOutcomes, options: { strength?: number; minDeals?: number } = {}): LearntProbability {
  const seen = o.won + o.lost;
  const learnt = posteriorMean(o.configured, o.won, o.lost, options.strength ?? priorStrength);
  const useLearnt = seen >= (options.minDeals ?? minClosedDeals);
  return { configured: o.configured, learnt, deals_seen: seen, won: o.won, lost: o.lost, used: useLearnt ? learnt : o.configured, basis: useLearnt ? 'learnt' : 'configured' };
}
