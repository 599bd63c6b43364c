/** For Today's tests: a fresh database of one engine with the business in EUR and UTC, and a few customers. */
import { inTransaction, type Ctx } from '../core/context.js';
import type { DialectName } from '../core/database.js';
import { customers } from '../customers/index.js';
import { writeSetting } from '../settings/store.js';
import { freshDatabase, type TestDatabase } from '../test/engines.js';

export async function todayBusiness(engine: DialectName, people: number, domain: string): Promise<{ t: TestDatabase; ctx: Ctx; people: Record<string, unknown>[] }> {
  const t = await freshDatabase(engine);
  const ctx = { database: t.database, actor: 'test' };
  await writeSetting(t.database, 'business', { currency: 'EUR', time_zone: 'UTC' });
  const made = await inTransaction(ctx, (trx) =>
    customers.createIn(
      trx,
      ctx,
      Array.from({ length: people }, (_, i) => ({ first_name: `Client${i}`, email: `client${i}@${domain}` })),
    ),
  );
  return { t, ctx, people: made };
}
