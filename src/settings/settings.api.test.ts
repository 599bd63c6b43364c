import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as migration0014 } from '../core/migrations/0014_business_settings.js';
import { seedCustomers, seedOrders } from '../insights/fixtures.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { getBusinessSettings } from './business.js';

describe.each(engines)('business settings on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    // No job worker: a currency change queues a figures refresh, whose reads of the settings would race
    // the migration test below (it deletes the stored settings, then lets migration 0014 store them).
    api = await testApi(engine, {}, { jobs: false });
  }, 60_000);
  afterAll(async () => api?.close());

  it('defaults to EUR and UTC on an empty database, then follows the currency most orders use', async () => {
    expect((await api.request('GET', '/api/settings')).body).toEqual({ currency: 'EUR', time_zone: 'UTC' });
    const database = api.db.database;
    const [c] = await seedCustomers(database, [{ first_name: 'Ann' }]);
    await seedOrders(database, [
      { customer_id: c, ordered_at: '2025-01-01', total: 10, currency: 'GBP' },
      { customer_id: c, ordered_at: '2025-01-02', total: 10, currency: 'GBP' },
      { customer_id: c, ordered_at: '2025-01-03', total: 10, currency: 'USD' },
    ]);
    expect(await getBusinessSettings(database.db)).toEqual({ currency: 'GBP', timeZone: 'UTC' });
    // Fixed once orders exist: more orders in another currency do not change it.
    await seedOrders(
      database,
      [1, 2, 3].map((d) => ({ customer_id: c, ordered_at: `2025-02-0${d}`, total: 5, currency: 'USD' })),
    );
    expect((await api.request('GET', '/api/settings')).body).toEqual({ currency: 'GBP', time_zone: 'UTC' });
  });

  it('changes the currency and time zone, normalising their spelling', async () => {
    const res = await api.request('PATCH', '/api/settings', { currency: 'chf', time_zone: 'europe/brussels' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ currency: 'CHF', time_zone: 'Europe/Brussels' });
    expect(await getBusinessSettings(api.db.database.db)).toEqual({ currency: 'CHF', timeZone: 'Europe/Brussels' });
    expect((await api.request('PATCH', '/api/settings', { time_zone: 'UTC' })).body).toEqual({ currency: 'CHF', time_zone: 'UTC' });
  });

  it('refuses an unknown currency, time zone or field with a 400 naming the field, and changes nothing', async () => {
    const before = (await api.request('GET', '/api/settings')).body;
    const badCurrency = await api.request('PATCH', '/api/settings', { currency: 'EUX' });
    expect(badCurrency.status).toBe(400);
    expect(Object.keys(badCurrency.body.error.fields)).toEqual(['currency']);
    const badZone = await api.request('PATCH', '/api/settings', { currency: 'USD', time_zone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(Object.keys(badZone.body.error.fields)).toEqual(['time_zone']);
    const unknown = await api.request('PATCH', '/api/settings', { language: 'fr' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('language');
    expect((await api.request('GET', '/api/settings')).body).toEqual(before);
  });

  it('needs authentication', async () => {
    expect((await api.request('GET', '/api/settings', undefined, { authorization: '' })).status).toBe(401);
  });

  it('migration 0014 stores the prevailing currency of a database that already has orders', async () => {
    const database = api.db.database;
    await database.db.deleteFrom('settings').where('setting_key', '=', 'business').execute();
    const drop = database.db.schema.dropIndex('orders_currency_ordered_at_ix');
    await (engine === 'mysql' ? drop.on('orders') : drop).execute();
    await migration0014(database.db, engine);
    // USD now has 4 orders against GBP's 2.
    expect(await getBusinessSettings(database.db)).toEqual({ currency: 'USD', timeZone: 'UTC' });
  });
});
