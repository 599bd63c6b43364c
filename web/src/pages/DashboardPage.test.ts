// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { monthStart, withPositiveClv } from './DashboardPage';

describe('dashboard helpers', () => {
  it('starts a cohort range on the first of its month', () => {
    expect(monthStart('2026-08-28')).toBe('2026-08-01');
    expect(monthStart('2026-01-01')).toBe('2026-01-01');
  });

  it('keeps only customers with a positive lifetime value, in order', () => {
    const page = {
      data: [
        { id: 'a', clv: 12.5 },
        { id: 'b', clv: 0 },
        { id: 'c', clv: null },
        { id: 'd', clv: 3 },
      ],
      next_cursor: 'x',
    };
    expect(withPositiveClv(page)).toEqual({
      data: [
        { id: 'a', clv: 12.5 },
        { id: 'd', clv: 3 },
      ],
      next_cursor: 'x',
    });
  });
});
