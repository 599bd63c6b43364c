import { describe, expect, it } from 'vitest';
import { csatOf, npsBand, npsOf, npsOfScores } from './scores.js';

describe('NPS and CSAT figures', () => {
  it('counts 9–10 as promoters, 7–8 as passives, 0–6 as detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    // 3 promoters, 1 passive, 2 detractors of 6: (3 − 2) / 6 = 16.7
    expect(npsOfScores([10, 9, 9, 8, 6, 0])).toMatchObject({ answers: 6, promoters: 3, passives: 1, detractors: 2, nps: 16.7 });
    expect(npsOfScores([7, 8, 8]).nps).toBe(0);
    expect(npsOfScores([]).nps).toBeNull();
  });

  it('gives the adjusted-Wald interval, wide with few answers and narrowing with more', () => {
    // 7 promoters, 2 passives, 1 detractor: NPS 60; adjusted (n + 3, ¾ added to each side) 95% interval 7.0 … 85.3.
    expect(npsOf({ promoters: 7, passives: 2, detractors: 1 })).toMatchObject({ nps: 60, low: 7, high: 85.3 });
    // Three promoters of three: the point estimate is 100, the interval is not a point.
    const three = npsOf({ promoters: 3, passives: 0, detractors: 0 });
    expect(three.nps).toBe(100);
    expect(three.low!).toBeLessThan(60);
    expect(three.high!).toBeLessThanOrEqual(100);
    const many = npsOf({ promoters: 700, passives: 200, detractors: 100 });
    expect(many.nps).toBe(60);
    expect(many.high! - many.low!).toBeLessThan((npsOf({ promoters: 7, passives: 2, detractors: 1 }).high! - 7) / 5);
  });

  it('gives CSAT as the share of 4 and 5 with the Wilson interval', () => {
    // 8 satisfied of 10: the Wilson 95% interval is 0.490 … 0.943 (the textbook value).
    const c = csatOf([5, 5, 4, 4, 4, 5, 4, 5, 2, 3]);
    expect(c).toMatchObject({ answers: 10, satisfied: 8, csat: 80, low: 49, high: 94.3, average: 4.1 });
    expect(csatOf([]).csat).toBeNull();
    expect(csatOf([1]).high!).toBeGreaterThan(50);
  });
});
