import { afterEach, describe, expect, it } from 'vitest';
import { formatMoney, formatValue, setBusinessCurrency } from './format';

describe('formatMoney', () => {
  afterEach(() => setBusinessCurrency('EUR'));

  it('formats every amount with two decimals and the business currency', () => {
    setBusinessCurrency('EUR');
    const euro = (n: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(n);
    // The three amounts seen side by side as "1,003.7", "116.9 EUR" and "83.90".
    expect([formatMoney(1003.7), formatMoney(116.9, 'EUR'), formatMoney(83.9)]).toEqual([euro(1003.7), euro(116.9), euro(83.9)]);
    expect(formatMoney(1003.7)).toContain('€');
    expect(formatMoney(1003.7)).toMatch(/1.003[.,]70/);
  });

  it('labels an amount in another currency with its code', () => {
    setBusinessCurrency('EUR');
    expect(formatMoney(83.9, 'USD')).toContain('USD');
    expect(formatMoney(83.9, 'USD')).not.toContain('€');
    setBusinessCurrency('USD');
    expect(formatMoney(83.9, 'USD')).not.toContain('USD');
    expect(formatMoney(83.9, 'EUR')).toContain('EUR');
  });

  it('shows a dash for what is not an amount, and money fields of the registry as amounts', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('—');
    expect(formatValue({ name: 'revenue', label: 'Revenue', type: 'number' } as never, 1003.7)).toBe(formatMoney(1003.7));
    expect(formatValue({ name: 'age', label: 'Age', type: 'number' } as never, 41.5)).not.toContain('€');
  });
});
