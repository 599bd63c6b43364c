import { describe, expect, it } from 'vitest';
import { countryName, customerSince, phoneText } from './customer-facts';

describe('customer facts as shown', () => {
  it('names a stored ISO code and shows other text as written', () => {
    expect(countryName('BE')).toBe(new Intl.DisplayNames(undefined, { type: 'region' }).of('BE'));
    expect(countryName('Atlantis')).toBe('Atlantis');
    expect(countryName(null)).toBeNull();
  });

  it('dates "customer since" by the earlier of the source date and the first order, never by the import', () => {
    expect(customerSince({ customer_since: '2020-05-01T00:00:00.000Z', first_order_at: '2019-01-02T00:00:00.000Z', created_at: '2026-12-05T00:00:00.000Z' })).toBe('2019-01-02T00:00:00.000Z');
    expect(customerSince({ customer_since: null, first_order_at: null, created_at: '2026-12-05T00:00:00.000Z' })).toBeNull();
  });

  it('says why a phone was kept as written', () => {
    expect(phoneText({ phone: '06 12 34 56 78', phones: [{ raw: '06 12 34 56 78', e164: null, reason: 'not a valid number for BE' }] })).toBe(
      '06 12 34 56 78 (kept as written: not a valid number for BE)',
    );
    expect(phoneText({ phone: '+32470123456', phones: [{ raw: '0470 12 34 56', e164: '+32470123456' }] })).toBe('+32470123456');
  });
});
