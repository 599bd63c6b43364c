import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/ids.js';
import { writeSetting } from '../settings/store.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { quoteReport } from './report.js';

describe.each(engines)('quote report months on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t?.drop());

  const sent = async (number: string, sentAt: string) => {
    const now = new Date().toISOString();
    await t.database.db
      .insertInto('quotes')
      .values({
        id: newId('quote'),
        number,
        version: 1,
        customer_id: 'cus_report_test',
        status: 'sent',
        currency: 'EUR',
        valid_until: '2099-12-31',
        discount_percent: 0,
        subtotal: 100,
        discount_total: 0,
        tax_total: 0,
        total: 100,
        sent_at: sentAt,
        created_at: now,
        updated_at: now,
      })
      .execute();
  };

  it("counts a quote in the month and range of the business's time zone, not UTC's", async () => {
    // 23:30 UTC on 31 March is already 1 April in Brussels (UTC+2 in summer time); 22:30 UTC on 30 June is 1 July in Tokyo.
    await sent('Q-2026-0001', '2026-03-31T23:30:00.000Z');
    await sent('Q-2026-0002', '2026-03-15T12:00:00.000Z');
    await writeSetting(t.database, 'business', { currency: 'EUR', time_zone: 'Europe/Brussels' });
    const brussels = await quoteReport(t.database.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(brussels.months.map((m) => [m.month, m.sent])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
    // The range is in local days too: from 1 April takes the quote sent late on 31 March UTC.
    expect((await quoteReport(t.database.db, { from: '2026-04-01', to: '2026-04-30' })).totals.sent).toBe(1);
    await writeSetting(t.database, 'business', { currency: 'EUR', time_zone: 'UTC' });
    const utc = await quoteReport(t.database.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(utc.months.map((m) => [m.month, m.sent])).toEqual([['2026-03', 2]]);
    expect((await quoteReport(t.database.db, { from: '2026-04-01', to: '2026-04-30' })).totals.sent).toBe(0);
  });
});
