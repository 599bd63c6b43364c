import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { DEFAULT_THRESHOLDS } from '../dedupe/score.js';
import { scanDuplicates } from './scan.js';

/** The pairs a shop owner reported, stored as customers and scanned as the Duplicates page does. */
describe.each(engines)('reported duplicate pairs on %s', (engine) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await testApi(engine);
  });
  afterEach(async () => api?.close());
  const create = async (fields: Record<string, unknown>) => {
    const res = await api.request('POST', '/api/customers', fields);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('queues Bob / Robert Smith and Bill / William Lambert, and leaves the strangers alone', async () => {
    const bob = await create({ first_name: 'Bob', last_name: 'Smith', email: 'bobsmith@gmail.com', phone: '+44 7700 900123', city: 'London', country: 'GB' });
    const robert = await create({ first_name: 'Robert', last_name: 'Smith', email: 'r.smith@outlook.com', phone: '07700 900123', city: 'London', country: 'GB' });
    const bill = await create({ first_name: 'Bill', last_name: 'Lambert', email: 'bill.lambert@skynet.be', city: 'Bruxelles', country: 'BE' });
    const william = await create({ first_name: 'William', last_name: 'Lambert', email: 'w.lambert@gmail.com', city: 'Brussels', country: 'BE' });
    await create({ first_name: 'François', last_name: 'Thomas', email: 'francois.thomas@orange.fr', phone: '+33 6 12 34 56 78', city: 'Lyon', country: 'FR' });
    await create({ first_name: 'Thomas', last_name: 'François', email: 'thomas.francois@gmail.com', phone: '+32 470 12 34 56', city: 'Liège', country: 'BE' });
    await create({ first_name: 'Margaux', last_name: 'Bertrand', email: 'margaux.bertrand@free.fr', country: 'FR' });
    await create({ first_name: 'Margaux', last_name: 'Bernard', email: 'mbernard@gmail.com', country: 'FR' });
    await create({ first_name: 'Camille', last_name: 'Martinez', email: 'camille.martinez@laposte.net', country: 'FR' });
    await create({ first_name: 'Camille', last_name: 'Martin', email: 'cmartin@gmail.com', country: 'FR' });

    const result = await scanDuplicates({ database: api.db.database, actor: 'test' }, { mode: 'review' });
    expect(result).toMatchObject({ customers: 10, merged: 0 });
    const queue = (await api.request('GET', '/api/duplicates?limit=50')).body.data as { score: number; reasons: string[]; a: { id: string }; b: { id: string } }[];
    expect(queue.map((p) => [p.a.id, p.b.id].sort()).sort()).toEqual([[bob, robert].sort(), [bill, william].sort()].sort());
    for (const pair of queue) expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.review);
    const reasons = Object.fromEntries(queue.map((p) => [[p.a.id, p.b.id].includes(bob) ? 'smith' : 'lambert', p.reasons]));
    expect(reasons.smith).toContain('same phone');
    expect(reasons.lambert).toContain('same city (Bruxelles / Brussels)');
  });
});
