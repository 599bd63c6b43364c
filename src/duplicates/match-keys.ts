import type { Db } from '../core/database.js';
import { matchKeys } from '../imports/dedupe/blocking.js';
import { preparePerson, type PersonRecord } from '../imports/dedupe/record.js';
import { customerPages, readPeople } from './people.js';

/**
 * Version of the blocking keys stored in customer_match_keys; a change to blockingKeys bumps it,
 * and the next scan stores every customer's keys again.
 */
export const MATCH_KEYS_VERSION = '1';
const STATE_SETTING = 'dedupe.match_keys';

type KeyRow = { match_key: number; customer_id: string };

function keyRows(people: readonly PersonRecord[]): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const record of people) for (const key of matchKeys(preparePerson(record))) rows.push({ match_key: key, customer_id: record.id });
  return rows;
}

async function insertKeyRows(db: Db, rows: KeyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('customer_match_keys').values(rows.slice(i, i + 1000)).execute();
}

/**
 * Keeps the stored match keys of these customers current. Call it after customers are created,
 * changed or deleted, in the same transaction; a deleted customer's keys are removed.
 */
export async function updateMatchKeys(trx: Db, customerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) await replaceKeys(trx, ids.slice(i, i + 500), await readPeople(trx, ids.slice(i, i + 500)));
}

/** Stores the keys of `people` in place of any stored for `ids` (the people's ids and any deleted ones). */
async function replaceKeys(trx: Db, ids: readonly string[], people: readonly PersonRecord[]): Promise<number> {
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('customer_match_keys').where('customer_id', 'in', ids.slice(i, i + 500)).execute();
  const rows = keyRows(people);
  await insertKeyRows(trx, rows);
  return rows.length;
}

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
    if (state) await trx.insertInto('settings').values({ setting_key: STATE_SETTING, value: JSON.stringify(state), updated_at: new Date().toISOString() }).execute();
  });
}

/**
 * Brings the stored match keys up to date before a scan: all of them on the first scan or after a
 * change of key version, otherwise those of the customers written since the last scan (any write
 * sets updated_at, whichever path made it). Deleted customers' keys may linger until then; scans
 * join on customers, so they are never compared.
 */
export async function refreshMatchKeys(db: Db): Promise<{ rebuilt: boolean; refreshed: number }> {
  const startedAt = new Date().toISOString();
  const state = await readState(db);
  if (state?.version !== MATCH_KEYS_VERSION) {
    const { customers } = await rebuildMatchKeys(db);
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

/**
 * Computes every customer's match keys in one pass over the customers, a page at a time, and
 * stores them in place of the old ones; memory holds one page.
 */
async function rebuildMatchKeys(db: Db): Promise<{ customers: number; keys: number }> {
  let customers = 0;
  let keys = 0;
  await writeState(db, null);
  await db.deleteFrom('customer_match_keys').execute();
  // A customer written meanwhile has had its keys stored already; replacing them keeps one copy.
  for await (const page of customerPages(db)) {
    keys += await db.transaction().execute((trx) => replaceKeys(trx, page.map((p) => p.id), page));
    customers += page.length;
  }
  return { customers, keys };
}
