import '../src/derived-data.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { subscribe } from '../src/core/events.js';
import { openDatabase, type Database } from '../src/core/database.js';
import { migrate } from '../src/core/migrations/index.js';
import { customerSearchText } from '../src/customers/values.js';
import { customers as customerService } from '../src/customers/index.js';
import { runImport } from '../src/imports/importer.js';
import { rowToRecord } from '../src/records/codec.js';
import { customerEntity } from '../src/schema/entities.js';
import { freshDatabase } from '../src/test/engines.js';

/**
 * `npm run bench -- derived-data`: what keeping a customer's search text by an event subscriber would
 * cost, against writing it with the row as the customer service does. 500 customers are created one
 * request-sized write at a time on SQLite, and BENCH_DERIVED_CUSTOMERS customers (default 20,000) are
 * imported from a CSV on PostgreSQL; then the same runs again with a subscriber registered that does
 * what a search-text subscriber must (read the created or updated customers back, write their search
 * text). The baseline runs first in the same process, since a subscriber cannot be removed. The import
 * is not measured on SQLite: there a bulk import indexes its rows once after writing them (see
 * withBulkSearchIndex), and a subscriber rewriting search text inside that write corrupts the FTS5
 * index ("database disk image is malformed"), which is itself a reason to keep search text in the pipe.
 */
const total = Number(process.env.BENCH_DERIVED_CUSTOMERS ?? 20_000);
const singles = 500;
const searchFields = new Set(['first_name', 'last_name', 'emails', 'phones', 'company', 'notes']);

function writeCsv(file: string) {
  const lines = ['customer_id,first_name,last_name,email,phone,company,city,notes'];
  for (let i = 0; i < total; i++)
    lines.push(
      `C${i},Name${i},Family${i % 977},person${i}@bench.example,+44 20 7${String(i).padStart(6, '0').slice(0, 3)} ${String(i).padStart(6, '0').slice(3)},Firm ${i % 300},City${i % 50},note ${i}`,
    );
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function singleWrites(dir: string, name: string) {
  const database: Database = await openDatabase({ sqlitePath: path.join(dir, `${name}.db`) });
  await migrate(database);
  const ctx = { database, actor: 'bench' };
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < singles; i++)
      await database.db.transaction().execute((trx) => customerService.createIn(trx, ctx, [{ first_name: `One${i}`, email: `one${i}@bench.example`, notes: 'single write' }]));
    return (seconds(started) / singles) * 1000;
  } finally {
    await database.close();
  }
}

async function importOnPostgres(csv: string) {
  const t = await freshDatabase('postgres');
  try {
    const started = process.hrtime.bigint();
    await runImport({ database: t.database, actor: 'bench' }, csv, { kind: 'customers' });
    const importSeconds = seconds(started);
    const unsearchable = await t.database.db.selectFrom('customers').select('id').where('search_text', '=', '').limit(1).execute();
    return { importSeconds, complete: unsearchable.length === 0 };
  } finally {
    await t.drop();
  }
}

export async function run(log: (line: string) => void) {
  log(
    `\n== Derived data: customer search text written with the row vs. by an event subscriber (${singles} single writes on SQLite, ${total.toLocaleString('en')} imported on PostgreSQL; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-derived-bench-'));
  try {
    const csv = path.join(dir, 'customers.csv');
    writeCsv(csv);
    const inline = { singleMs: await singleWrites(dir, 'inline'), ...(await importOnPostgres(csv)) };
    // What a search-text subscriber has to do on top: the rows are written first, then read back and updated.
    subscribe(['customer.created', 'customer.updated'], async (trx, events) => {
      const ids = [...new Set(events.map((e) => e.entity_id))];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await trx
          .selectFrom('customers')
          .select(['id', ...searchFields])
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const row of rows)
          await trx
            .updateTable('customers')
            .set({ search_text: customerSearchText(rowToRecord(customerEntity.fields, row, searchFields)) })
            .where('id', '=', row.id as string)
            .execute();
      }
    });
    const bySubscriber = { singleMs: await singleWrites(dir, 'subscriber'), ...(await importOnPostgres(csv)) };
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    log(
      `import (PostgreSQL):       with the row ${inline.importSeconds.toFixed(2)} s, by a subscriber ${bySubscriber.importSeconds.toFixed(2)} s (${ratio(bySubscriber.importSeconds, inline.importSeconds)})`,
    );
    log(`single write (SQLite):     with the row ${inline.singleMs.toFixed(2)} ms, by a subscriber ${bySubscriber.singleMs.toFixed(2)} ms (${ratio(bySubscriber.singleMs, inline.singleMs)})`);
    log(`every customer searchable: ${inline.complete && bySubscriber.complete ? 'yes' : 'NO'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
