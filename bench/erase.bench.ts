import '../src/derived-data.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { eraseCustomer } from '../src/customer360/erase.js';
import { deleteCustomers } from '../src/customers/service.js';
import { runImport } from '../src/imports/importer.js';
import { freshDatabase } from '../src/test/engines.js';

/**
 * `npm run bench -- erase`: what a complete erase costs, and what SQLite's secure_delete (on since the
 * erase work) costs the writes that delete. BENCH_ERASE_CUSTOMERS customers (default 20,000) are
 * imported into a fresh SQLite database with secure_delete on and again with it off; then one
 * customer is erased (with the WAL checkpoint) and 10,000 customers are deleted. The same runs on
 * the local PostgreSQL and MariaDB servers when they are reachable (TEST_POSTGRES_URL, TEST_MYSQL_URL).
 */
const customers = Number(process.env.BENCH_ERASE_CUSTOMERS ?? 20_000);
const deleted = Math.min(10_000, Math.floor(customers / 2));

function writeCsv(file: string) {
  const lines = ['customer_id,first_name,last_name,email,phone,city,notes'];
  for (let i = 0; i < customers; i++)
    lines.push(`C${i},Name${i},Family${i % 977},person${i}@bench.example,+44 20 7${String(i).padStart(6, '0').slice(0, 3)} ${String(i).padStart(6, '0').slice(3)},City${i % 50},note ${i}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function measure(database: Database, csv: string) {
  const ctx = { database, actor: 'bench' };
  let started = process.hrtime.bigint();
  await runImport(ctx, csv, { kind: 'customers' });
  const importSeconds = seconds(started);
  const ids = (
    await database.db
      .selectFrom('customers')
      .select('id')
      .orderBy('id')
      .limit(deleted + 1)
      .execute()
  ).map((r) => r.id as string);
  started = process.hrtime.bigint();
  const report = await eraseCustomer(ctx, ids[0]);
  const eraseSeconds = seconds(started);
  started = process.hrtime.bigint();
  for (let i = 1; i < ids.length; i += 1000) await deleteCustomers(ctx, ids.slice(i, i + 1000));
  return { importSeconds, eraseSeconds, deleteSeconds: seconds(started), storage: report.storage.done };
}

/** The same on a database of its own on the local PostgreSQL or MariaDB server (the test servers). */
async function serverRun(engine: 'postgres' | 'mysql', csv: string) {
  const t = await freshDatabase(engine);
  try {
    return await measure(t.database, csv);
  } finally {
    await t.drop();
  }
}

async function sqliteRun(dir: string, csv: string, secureDelete: boolean) {
  const file = path.join(dir, `erase-${secureDelete ? 'on' : 'off'}.db`);
  const database = await openDatabase({ sqlitePath: file });
  database.sqlite!.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  await migrate(database);
  try {
    return await measure(database, csv);
  } finally {
    await database.close();
  }
}

export async function run(log: (line: string) => void) {
  log(`\n== Erase: one customer among ${customers.toLocaleString('en')}, and SQLite secure_delete on writes that delete`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-erase-bench-'));
  try {
    const csv = path.join(dir, 'customers.csv');
    writeCsv(csv);
    const fmt = (r: Awaited<ReturnType<typeof measure>>) =>
      `import ${r.importSeconds.toFixed(2)} s, erase one ${(r.eraseSeconds * 1000).toFixed(0)} ms, delete ${deleted.toLocaleString('en')} ${r.deleteSeconds.toFixed(2)} s`;
    const off = await sqliteRun(dir, csv, false);
    const on = await sqliteRun(dir, csv, true);
    log(`SQLite, secure_delete off: ${fmt(off)}`);
    log(`SQLite, secure_delete on:  ${fmt(on)} (${on.storage})`);
    for (const engine of ['postgres', 'mysql'] as const) {
      try {
        log(`${engine === 'postgres' ? 'PostgreSQL' : 'MariaDB'}: ${fmt(await serverRun(engine, csv))}`);
      } catch (error) {
        log(`${engine}: not measured (${(error as Error).message.split('\n')[0]})`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
