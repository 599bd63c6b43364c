import type { Database, Db } from '../core/database.js';
import type { Subscription } from '../core/events.js';
import { customersTouched } from '../records/touched.js';
import { availableParallelism } from 'node:os';
import type { PersonRecord } from '../dedupe/record.js';
import { insertSqliteValues } from '../core/bulk-insert.js';
import { insertRows } from '../records/repository.js';
import { withMatchKeyWorkers } from './match-key-pool.js';
import { matchRows, type MatchRows } from './match-rows.js';
import { customerColumnPages, readPeople } from './people.js';

/**
 * Version of the stored keys and profiles; a change to blockingKeys or to the profile format bumps
 * it, and the next scan stores every customer's again.
 */
const MATCH_KEYS_VERSION = '3';
const STATE_SETTING = 'dedupe.match_keys';

async function insertStored(db: Db, rows: MatchRows): Promise<void> {
  const keyRows = Array.from(rows.keys, (key, i) => ({ match_key: key, customer_id: rows.ids[rows.owners[i]] }));
  await insertRows(db, 'customer_match_keys', keyRows, 1000);
  await insertRows(
    db,
    'customer_match_profiles',
    rows.ids.map((id, i) => ({ customer_id: id, profile: rows.profiles[i] })),
    500,
  );
}

/** Stores the keys and profiles of `people` in place of any stored for `ids` (the people's ids and any deleted ones). */
async function replaceStored(trx: Db, ids: readonly string[], people: readonly PersonRecord[]): Promise<number> {
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .deleteFrom('customer_match_keys')
      .where('customer_id', 'in', ids.slice(i, i + 500))
      .execute();
    await trx
      .deleteFrom('customer_match_profiles')
      .where('customer_id', 'in', ids.slice(i, i + 500))
      .execute();
  }
  const stored = matchRows(people);
  await insertStored(trx, stored);
  return stored.keys.length;
}

/**
 * Keeps the stored match keys of these customers current. A scan already picks up customers
 * written since the last one (by updated_at); call this in the same transaction where a write
 * leaves updated_at alone (a restore) or removes customers (their keys go too).
 */
export async function updateMatchKeys(trx: Db, customerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) await replaceStored(trx, ids.slice(i, i + 500), await readPeople(trx, ids.slice(i, i + 500)));
}

/**
 * A merge removes customers and changes the winner; its undo brings customers back with their old
 * updated_at, which a scan would not notice by time. Both sides get their keys stored again.
 */
export const mergeMatchKeysSubscription: Subscription = {
  types: ['customer.merged', 'customer.merge_undone'],
  handle: (trx, events) => updateMatchKeys(trx, customersTouched(events)),
};

interface KeysState {
  version: string;
  /** Customers written at or after this time may have keys not yet stored. */
  keyedAt: string;
}

async function readState(db: Db): Promise<KeysState | null> {
  const row = await db.selectFrom('settings').select('value').where('setting_key', '=', STATE_SETTING).executeTakeFirst();
  try {
    return row ? (JSON.parse(row.value as string) as KeysState) : null;
  } catch {
    return null;
  }
}

async function writeState(db: Db, state: KeysState | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('settings').where('setting_key', '=', STATE_SETTING).execute();
    if (state)
      await trx
        .insertInto('settings')
        .values({ setting_key: STATE_SETTING, value: JSON.stringify(state), updated_at: new Date().toISOString() })
        .execute();
  });
}

/**
 * Brings the stored match keys up to date before a scan: all of them on the first scan or after a
 * change of version, otherwise those of the customers written since the last scan (any write sets
 * updated_at, whichever path made it). A deleted customer's keys may linger until the next full
 * rebuild; a scan checks that customers exist before it merges or queues them.
 */
export async function refreshMatchKeys(database: Database): Promise<{ rebuilt: boolean; refreshed: number }> {
  const db = database.db;
  const startedAt = new Date().toISOString();
  const state = await readState(db);
  if (state?.version !== MATCH_KEYS_VERSION) {
    const customers = await rebuildMatchKeys(database);
    await writeState(db, { version: MATCH_KEYS_VERSION, keyedAt: startedAt });
    return { rebuilt: true, refreshed: customers };
  }
  let refreshed = 0;
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('customers').select('id').where('updated_at', '>=', state.keyedAt).where('id', '>', after).orderBy('id').limit(500).execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id as string);
    await db.transaction().execute((trx) => updateMatchKeys(trx, ids));
    refreshed += ids.length;
    after = ids[ids.length - 1];
  }
  await writeState(db, { version: MATCH_KEYS_VERSION, keyedAt: startedAt });
  return { rebuilt: false, refreshed };
}

/** Forgets that the stored keys are current, so the next scan computes them all again. */
export async function invalidateMatchKeys(db: Db): Promise<void> {
  await writeState(db, null);
}

// On SQLite the index by key is dropped while every key is loaded (in customer order, so the table,
// keyed by customer, only appends) and built again after in one sort, which may use a second thread.
const SQLITE_KEY_INDEX = 'customer_match_keys_match_key_customer_id_ix';

/**
 * Computes every customer's match keys and profile in one pass over the customers, a page at a
 * time, and stores them in place of the old ones. Worker threads compute the keys of the next pages
 * while this thread reads and stores; memory holds a few pages.
 */
async function rebuildMatchKeys(database: Database): Promise<number> {
  const { db, sqlite } = database;
  await writeState(db, null);
  await db.deleteFrom('customer_match_keys').execute();
  await db.deleteFrom('customer_match_profiles').execute();
  if (sqlite) sqlite.exec(`DROP INDEX IF EXISTS ${SQLITE_KEY_INDEX}`);
  const store = sqlite ? async (_trx: Db, rows: MatchRows) => storeOnSqlite(sqlite, rows) : insertStored;
  const threads = Math.max(1, Math.min(4, availableParallelism()));
  let customers = 0;
  try {
    await withMatchKeyWorkers(threads, async (compute) => {
      const inFlight: Promise<MatchRows>[] = [];
      const storeNext = async () => {
        const rows = await inFlight.shift()!;
        await db.transaction().execute(async (trx) => {
          // A customer written meanwhile may have stored its keys already; replacing keeps one copy.
          await updateWrittenMeanwhile(trx, rows.ids);
          await store(trx, rows);
        });
        customers += rows.ids.length;
      };
      try {
        for await (const page of customerColumnPages(db)) {
          inFlight.push(compute(page));
          if (inFlight.length > threads) await storeNext();
        }
        while (inFlight.length) await storeNext();
      } finally {
        // Pages still computing when a store fails are not awaited; their errors are not news.
        for (const pending of inFlight) pending.catch(() => undefined);
      }
    });
  } finally {
    if (sqlite) {
      const threads = sqlite.pragma('threads', { simple: true });
      sqlite.pragma('threads = 2');
      sqlite.exec(`CREATE INDEX IF NOT EXISTS ${SQLITE_KEY_INDEX} ON customer_match_keys (match_key, customer_id)`);
      sqlite.pragma(`threads = ${Number(threads)}`);
    }
  }
  return customers;
}

/** Stores match rows on SQLite in multi-row statements, inside the transaction Kysely holds. */
function storeOnSqlite(sqlite: NonNullable<Database['sqlite']>, { ids, keys, owners, profiles }: MatchRows): void {
  insertSqliteValues(
    sqlite,
    'customer_match_keys',
    ['match_key', 'customer_id'],
    Array.from(keys, (key, i) => [key, ids[owners[i]]]),
  );
  insertSqliteValues(
    sqlite,
    'customer_match_profiles',
    ['customer_id', 'profile'],
    ids.map((id, i) => [id, profiles[i]]),
  );
}

async function updateWrittenMeanwhile(trx: Db, ids: readonly string[]): Promise<void> {
  const first = ids[0];
  const last = ids[ids.length - 1];
  const present = await trx.selectFrom('customer_match_profiles').select('customer_id').where('customer_id', '>=', first).where('customer_id', '<=', last).execute();
  if (present.length)
    await replaceStored(
      trx,
      present.map((r) => r.customer_id as string),
      [],
    );
}
