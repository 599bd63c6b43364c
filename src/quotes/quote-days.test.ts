import { describe, expect, it } from 'vitest';
import { quotePage, type PageQuote } from './page.js';
import { defaultQuoteSettings } from './settings.js';

/** The public quote page names its days in the business time zone: the client sees the day the business wrote it. */
describe('days on the public quote page', () => {
  // 03:00 UTC on the 5th is still the evening of the 4th in Los Angeles.
  const quote: PageQuote = {
    number: 'Q-2026-0001',
    version: 1,
    title: 'Hosting',
    currency: 'EUR',
    valid_until: '2026-12-31',
    created_at: '2026-12-05T03:00:00.000Z',
    time_zone: 'America/Los_Angeles',
    terms: null,
    discount_percent: 0,
    subtotal: 100,
    discount_total: 0,
    tax_total: 0,
    total: 100,
    lines: [],
    status: 'accepted',
    accepted_at: '2026-12-05T04:00:00.000Z',
    accepted_by: 'Ada',
    declined_at: null,
    superseded: false,
  };
  const state = { token: 't', pdfSha256: 'x', clientName: '' };

  it('dates the quote and its acceptance in the business time zone', () => {
    const html = quotePage(quote, defaultQuoteSettings, state);
    expect(html).toContain('Date 2026-12-04');
    expect(html).toContain('Accepted by Ada on 2026-12-04.');
  });

  it('dates a decline in the business time zone, and in UTC where none is given', () => {
    const declined = { ...quote, status: 'declined', accepted_at: null, declined_at: '2026-12-05T04:00:00.000Z' };
    expect(quotePage(declined, defaultQuoteSettings, state)).toContain('Declined on 2026-12-04.');
    expect(quotePage({ ...declined, time_zone: undefined }, defaultQuoteSettings, state)).toContain('Declined on 2026-12-05.');
  });
});
