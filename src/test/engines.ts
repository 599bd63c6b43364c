// Every test writes through the same event subscribers as the server.
import '../derived-data.js';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';

export const engines: DialectName[] = ['sqlite', 'postgres', 'mysql'];

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const mysqlUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  database: Database;
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A new, empty, migrated database on a real engine: a temporary SQLite file, or a database
 * of its own on the PostgreSQL / MariaDB servers, so test files can run side by side.
 * An unreachable server fails the test; it is never skipped.
 */
export async function freshDatabase(engine: DialectName, migrated = true): Promise<TestDatabase> {
  const name = `rapport_t_${randomBytes(6).toString('hex')}`;
  let url: string | undefined;
  let dropServerDb = async () => {};
  let sqlitePath: string | undefined;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
    sqlitePath = path.join(dir, 'rapport.db');
    dropServerDb = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(postgresUrl, name);
    dropServerDb = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const admin = await mysql.createConnection(mysqlUrl);
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.end();
    url = withDatabase(mysqlUrl, name);
    dropServerDb = async () => {
      const c = await mysql.createConnection(mysqlUrl);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    };
  }
  const database = await openDatabase({ url, sqlitePath });
  if (migrated) await migrate(database);
  return {
    database,
    url: url ?? sqlitePath,
    async drop() {
      await database.close();
      await dropServerDb();
    },
  };
}
