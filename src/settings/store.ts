/** The settings table: one JSON value per key, read and written the same way on all three engines. */
import type { Database, Db } from '../core/database.js';

export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('setting_key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value as string) as T;
  } catch {
    return undefined;
  }
}

/** Writes a setting inside the caller's transaction. */
export async function writeSettingIn(trx: Db, key: string, value: unknown): Promise<void> {
  const now = new Date().toISOString();
  const json = JSON.stringify(value);
  const existing = await trx.selectFrom('settings').select('setting_key').where('setting_key', '=', key).executeTakeFirst();
  if (existing) await trx.updateTable('settings').set({ value: json, updated_at: now }).where('setting_key', '=', key).execute();
  else await trx.insertInto('settings').values({ setting_key: key, value: json, updated_at: now }).execute();
}

export async function writeSetting(database: Database, key: string, value: unknown): Promise<void> {
  await database.db.transaction().execute((trx) => writeSettingIn(trx, key, value));
}
