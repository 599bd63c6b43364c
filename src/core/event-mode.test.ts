import '../derived-data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../test/engines.js';
import { appendEvents, listEvents, setEventModeForBenchmark } from './events.js';

describe('the benchmark-only event mode', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('cannot be turned down outside a benchmark process, so writes keep their events', async () => {
    expect(process.env.RAPPORT_BENCH).not.toBe('1');
    expect(() => setEventModeForBenchmark('off')).toThrow(/RAPPORT_BENCH=1/);
    expect(() => setEventModeForBenchmark('outbox-only')).toThrow(/RAPPORT_BENCH=1/);
    setEventModeForBenchmark('full');
    await t.database.db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'customer.created', entity: 'customer', entityId: 'cus_kept' }]));
    expect((await listEvents(t.database, { limit: 10 })).map((e) => e.entity_id)).toEqual(['cus_kept']);
  });
});
