import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../../test/engines.js';
import { convertCountryNames } from './0011_customer_since_countries.js';

describe.each(engines)('migration 0011 on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(engine);
  });
  afterAll(async () => db?.drop());

  it('stores recognised country names as ISO codes and keeps other text as written', async () => {
    const now = new Date().toISOString();
    const stored = ['Belgium', 'Belgique', 'belgie', 'UK', 'FR', 'Atlantis', 'Deutschland'];
    await db.database.db
      .insertInto('customers')
      .values(stored.map((country, i) => ({ id: `cus_m11_${i}`, first_name: `P${i}`, country, emails: '[]', phones: '[]', tags: '[]', search_text: '', created_at: now, updated_at: now })))
      .execute();
    await db.database.db.insertInto('companies').values({ id: 'com_m11', name: 'Acme', name_key: 'acme', country: 'Nederland', created_at: now, updated_at: now }).execute();
    await convertCountryNames(db.database.db);
    const rows = await db.database.db.selectFrom('customers').select(['id', 'country']).where('id', 'like', 'cus_m11_%').orderBy('id').execute();
    expect(rows.map((r) => r.country)).toEqual(['BE', 'BE', 'BE', 'GB', 'FR', 'Atlantis', 'DE']);
    expect((await db.database.db.selectFrom('companies').select('country').where('id', '=', 'com_m11').executeTakeFirstOrThrow()).country).toBe('NL');
  });
});
