/**
 * NPS and CSAT figures with intervals that stay honest when few people answered.
 *
 * NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100. Its 95% interval is the adjusted
 * Wald interval (Rocks 2016, as used by MeasuringU): ¾ of a promoter and ¾ of a detractor (and 3 answers
 * in all) are added before the variance of the difference of two proportions of one multinomial,
 * (p + d − (p − d)²) / n, is taken, so that 3 promoters out of 3 do not give an interval of width zero.
 *
 * CSAT = % of answers 4 or 5 on the 1–5 scale, with the Wilson score interval.
 */
const z95 = 1.959964;

export interface NpsFigure {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Null without answers. */
  nps: number | null;
  low: number | null;
  high: number | null;
}

export interface CsatFigure {
  answers: number;
  satisfied: number;
  /** Share of 4 and 5, in percent; null without answers. */
  csat: number | null;
  low: number | null;
  high: number | null;
  average: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const npsBand = (score: number): 'promoter' | 'passive' | 'detractor' => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

export function npsOf(counts: { promoters: number; passives: number; detractors: number }): NpsFigure {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0) return { answers: 0, promoters, passives, detractors, nps: null, low: null, high: null };
  const nps = ((promoters - detractors) / n) * 100;
  const nAdj = n + 3;
  const p = (promoters + 0.75) / nAdj;
  const d = (detractors + 0.75) / nAdj;
  const centre = p - d;
  const half = z95 * Math.sqrt(Math.max(0, p + d - centre * centre) / nAdj);
  return {
    answers: n,
    promoters,
    passives,
    detractors,
    nps: round1(nps),
    low: round1(clamp((centre - half) * 100, -100, 100)),
    high: round1(clamp((centre + half) * 100, -100, 100)),
  };
}

export function npsOfScores(scores: readonly number[]): NpsFigure {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) counts[`${npsBand(s)}s`]++;
  return npsOf(counts);
}

export function csatOf(scores: readonly number[]): CsatFigure {
  const n = scores.length;
  const satisfied = scores.filter((s) => s >= 4).length;
  if (n === 0) return { answers: 0, satisfied: 0, csat: null, low: null, high: null, average: null };
  const p = satisfied / n;
  const z2 = z95 * z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    answers: n,
    satisfied,
    csat: round1(p * 100),
    low: round1(clamp(centre - half, 0, 1) * 100),
    high: round1(clamp(centre + half, 0, 1) * 100),
    average: Math.round((scores.reduce((a, b) => a + b, 0) / n) * 100) / 100,
  };
}
