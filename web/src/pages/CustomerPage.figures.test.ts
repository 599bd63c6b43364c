// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { otherCurrenciesNote } from './CustomerPage';

describe('customer figures in other currencies', () => {
  it('says which orders the amounts leave out, each in its own currency', () => {
    const note = otherCurrenciesNote({
      revenue: 150.5,
      currency: 'EUR',
      other_currencies: [
        { currency: 'USD', orders: 2, revenue: 50 },
        { currency: 'GBP', orders: 1, revenue: 9.99 },
      ],
    });
    // Another currency than the business's is spelled out by its code, never shown as the business's.
    expect(note).toMatch(/^also 2 orders in USD \(USD\s50\.00\), 1 order in GBP \(GBP\s9\.99\), not included$/);
  });

  it('says nothing when every order is in the business currency', () => {
    expect(otherCurrenciesNote({ revenue: 10, currency: 'EUR', other_currencies: [] })).toBeUndefined();
    expect(otherCurrenciesNote({ revenue: 10 })).toBeUndefined();
  });
});
