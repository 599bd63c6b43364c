import { describe, expect, it } from 'vitest';
import { allocate, currencyDigits, divRound, quoteAmounts, scaled, toMajor } from './money.js';

const line = (quantity: number, unitPrice: number, taxRate = 0, discountPercent = 0) => ({ quantity, unitPrice, taxRate, discountPercent });

describe('quote money', () => {
  it('reads numbers through their decimal form and rounds half away from zero', () => {
    expect(scaled(1.005, 2)).toBe(101n);
    expect(scaled(-1.005, 2)).toBe(-101n);
    expect(scaled(0.1 + 0.2, 2)).toBe(30n);
    expect(scaled(19.99, 2)).toBe(1999n);
    expect(scaled(1e-7, 2)).toBe(0n);
    expect(scaled(2.5, 0)).toBe(3n);
    expect(divRound(5n, 10n)).toBe(1n);
    expect(divRound(-5n, 10n)).toBe(-1n);
    expect(divRound(4n, 10n)).toBe(0n);
  });

  it('knows the minor unit of each currency', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(toMajor(123456, 2)).toBe(1234.56);
    expect(toMajor(1500, 0)).toBe(1500);
    expect(toMajor(1, 3)).toBe(0.001);
  });

  it('computes lines, discounts and tax in cents', () => {
    // 3 × 19.99 = 59.97; 21 % VAT = 12.5937 -> 12.59; total 72.56
    const a = quoteAmounts('EUR', [line(3, 19.99, 21)]);
    expect(a.lines[0]).toMatchObject({ gross: 5997, discount: 0, net: 5997 });
    expect(a.taxes).toEqual([{ rate: 21, base: 5997, tax: 1259 }]);
    expect(a.total).toBe(7256);

    // 1.5 hours × 33.33 = 49.995 -> 50.00; 10 % off -> 5.00; net 45.00
    const b = quoteAmounts('EUR', [line(1.5, 33.33, 0, 10)]);
    expect(b.lines[0]).toMatchObject({ gross: 5000, discount: 500, net: 4500 });
    expect(b.total).toBe(4500);
  });

  it('taxes once per rate, not once per line', () => {
    // Two lines of 0.05 at 10 %: per line each would round 0.005 up to 0.01 (0.02 in all); per rate 0.10 × 10 % = 0.01.
    const a = quoteAmounts('EUR', [line(1, 0.05, 10), line(1, 0.05, 10)]);
    expect(a.tax).toBe(1);
    const mixed = quoteAmounts('EUR', [line(2, 100, 21), line(1, 50, 6), line(1, 10, 21)]);
    expect(mixed.taxes).toEqual([
      { rate: 6, base: 5000, tax: 300 },
      { rate: 21, base: 21000, tax: 4410 },
    ]);
    expect(mixed.total).toBe(26000 + 4710);
  });

  it('shares the overall discount over the lines so every cent is accounted for', () => {
    // Subtotal 1.00 (three lines of 0.33, 0.33, 0.34), 33.33 % off = 0.33; taxed lines at different rates.
    const a = quoteAmounts('EUR', [line(1, 0.33, 21), line(1, 0.33, 6), line(1, 0.34, 0)], 33.33);
    expect(a.subtotal).toBe(100);
    expect(a.discount).toBe(33);
    const shares = a.lines.map((l) => l.overallDiscountShare);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(33);
    expect(a.lines.reduce((s, l) => s + l.taxableBase, 0)).toBe(67);
    expect(a.total).toBe(a.subtotal - a.discount + a.tax);
  });

  it('allocates by largest remainder, deterministically', () => {
    expect(allocate(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(allocate(0n, [5n, 5n])).toEqual([0n, 0n]);
    expect(allocate(7n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocate(100n, [1n, 2n, 7n])).toEqual([10n, 20n, 70n]);
  });

  it('works in currencies without a minor unit', () => {
    const a = quoteAmounts('JPY', [line(3, 1000, 10)], 5);
    expect(a.digits).toBe(0);
    expect(a.subtotal).toBe(3000);
    expect(a.discount).toBe(150);
    expect(a.tax).toBe(285);
    expect(a.total).toBe(3135);
  });

  it('keeps its invariants on many random quotes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () =>
        line(Math.round(rnd() * 10000) / 1000 + 0.001, Math.round(rnd() * 1e7) / 100, [0, 6, 9, 21, 5.5][Math.floor(rnd() * 5)], Math.floor(rnd() * 3) * 12.5),
      );
      const a = quoteAmounts('EUR', lines, Math.round(rnd() * 2000) / 100);
      expect(a.lines.reduce((s, l) => s + l.net, 0)).toBe(a.subtotal);
      expect(a.lines.reduce((s, l) => s + l.taxableBase, 0)).toBe(a.subtotal - a.discount);
      expect(a.taxes.reduce((s, t) => s + t.base, 0)).toBe(a.subtotal - a.discount);
      expect(a.total).toBe(a.subtotal - a.discount + a.tax);
      for (const l of a.lines) expect(Number.isInteger(l.net) && l.net >= 0).toBe(true);
    }
  });
});
