import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './database.js';
import { migrate } from './migrations/index.js';

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'rapport.db') });
  const result = await migrate(database);
  if (result.backupPath) log(`Copied the database to ${result.backupPath} before upgrading it.`);
  if (result.applied.length) log(`Applied migrations: ${result.applied.join(', ')}`);
  return database;
}
