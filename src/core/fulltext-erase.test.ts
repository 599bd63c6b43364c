import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, updateCustomers } from '../customers/service.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';

describe('the SQLite full-text index after a change', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
  });
  afterAll(async () => t?.drop());

  it('keeps no trace of the words a row no longer has (FTS5 secure-delete)', async () => {
    const ctx = { database: t.database, actor: 'cli' };
    const [person] = await createCustomers(ctx, [{ first_name: 'Zebedee', last_name: 'Quaxworth' }]);
    for (let i = 0; i < 3; i++) await createCustomers(ctx, [{ first_name: `Other${i}`, last_name: 'Person' }]);
    await updateCustomers(ctx, [{ id: person.id as string, patch: { first_name: 'Erased', last_name: 'Row' } }]);
    const blocks = (t.database.sqlite!.prepare('select block from customers_fts_data').all() as { block: Buffer | null }[]).map((r) => Buffer.from(r.block ?? []).toString('latin1')).join('|');
    // Words are stored after the prefix they share with the previous word, so their tails are looked for.
    expect(blocks).toContain('erson');
    expect(blocks).not.toContain('xworth');
    expect(blocks).not.toContain('ebedee');
  });
});
