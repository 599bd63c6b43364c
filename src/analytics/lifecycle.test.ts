import { describe, it, expect } from 'vitest';
import { lifecycleStage } from './lifecycle.js';

describe('lifecycleStage', () => {
  const today = 20_000;

  it('uses 90 and 365 day defaults with inclusive boundaries', () => {
    expect(lifecycleStage(null, today)).toBe('lead');
    expect(lifecycleStage(today, today)).toBe('active');
    expect(lifecycleStage(today - 90, today)).toBe('active');
    expect(lifecycleStage(today - 91, today)).toBe('inactive');
    expect(lifecycleStage(today - 365, today)).toBe('inactive');
    expect(lifecycleStage(today - 366, today)).toBe('churned');
  });

  it('treats a purchase dated in the future as active', () => {
    expect(lifecycleStage(today + 3, today)).toBe('active');
  });

  it('accepts custom thresholds and rejects inconsistent ones', () => {
    expect(lifecycleStage(today - 40, today, { activeDays: 30, inactiveDays: 60 })).toBe('inactive');
    expect(lifecycleStage(today - 61, today, { activeDays: 30, inactiveDays: 60 })).toBe('churned');
    expect(() => lifecycleStage(today, today, { activeDays: 100, inactiveDays: 50 })).toThrow(RangeError);
  });
});
