import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../test/cli-bundle.js';
import { chunkRows, defaultChunkSize as chunkSize } from './importer.js';

// A real `rapport import` process is killed with SIGKILL part-way through; the database must be
// consistent (whole chunks only) and running the same import again must complete it exactly.

const root = path.resolve(import.meta.dirname, '../..');
const outdir = path.join(root, 'node_modules/.cache/rapport-crash-test', String(process.pid));
const cli = path.join(outdir, 'cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-crash-'));
const dataDir = path.join(tmp, 'data');
const dbPath = path.join(dataDir, 'rapport.db');
const customersFile = path.join(tmp, 'customers.csv');
const ordersFile = path.join(tmp, 'orders.csv');
const customerRows = 50_000;
const orderRows = 3_000;
/** The customers committed after each whole chunk of the file. */
const chunkEnds: number[] = [];
for (let i = 0, end = 0; end < customerRows; i++) chunkEnds.push((end = Math.min(customerRows, end + chunkRows(i, chunkSize))));

const firstNames = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances'];
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen'];

function writeFiles() {
  const lines = ['customer_id,first_name,last_name,email,city,age'];
  for (let i = 1; i <= customerRows; i++) {
    lines.push(`C${i},${firstNames[i % 10]},${lastNames[Math.floor(i / 10) % 10]}${i},person${i}@example.com,City ${i % 97},${20 + (i % 50)}`);
  }
  fs.writeFileSync(customersFile, lines.join('\n') + '\n');
  const orders = ['order_id,customer_id,date,amount,product'];
  for (let i = 1; i <= orderRows; i++) orders.push(`O${i},C${1 + ((i * 7919) % customerRows)},2025-${String(1 + (i % 12)).padStart(2, '0')}-15,${(i % 90) + 10}.50,Product ${i % 5}`);
  fs.writeFileSync(ordersFile, orders.join('\n') + '\n');
}

function startImport(kind: string, file: string) {
  const child = spawn(process.execPath, [cli, 'import', kind, file, '--merge', 'off'], { env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  writeFiles();
  await bundleCli(outdir);
}, 60_000);
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

describe('an import killed part-way through', () => {
  it('leaves whole chunks only, and running it again completes it without duplicates', { timeout: 180_000 }, async () => {
    const first = startImport('customers', customersFile);
    // Kill once a chunk is committed, well before the end.
    let killedAt = 0;
    for (let i = 0; i < 3000 && killedAt === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (!fs.existsSync(dbPath)) continue;
      try {
        const row = query<{ counts: string } | undefined>(`SELECT counts FROM import_batches WHERE kind = 'customers' ORDER BY created_at DESC LIMIT 1`);
        const created = row ? (JSON.parse(row.counts).counts?.created ?? 0) : 0;
        if (created >= chunkEnds[0]) {
          first.child.kill('SIGKILL');
          killedAt = created;
        }
      } catch {
        // the schema is still being created
      }
    }
    const killed = await first.done;
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(0);

    const db = new Sqlite(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const batch = db.prepare(`SELECT id, status, counts FROM import_batches WHERE kind = 'customers'`).get() as { id: string; status: string; counts: string };
      expect(batch.status).toBe('running');
      const customers = (db.prepare('SELECT count(*) n FROM customers').get() as { n: number }).n;
      // Whole chunks only: every customer was logged as created by the batch, in the same transaction as its chunk.
      expect(customers).toBeGreaterThanOrEqual(killedAt);
      expect(customers).toBeLessThan(customerRows);
      expect(chunkEnds).toContain(customers);
      const creates = (db.prepare(`SELECT count(*) n FROM import_changes WHERE batch_id = ? AND entity = 'customers' AND action = 'create'`).get(batch.id) as { n: number }).n;
      expect(creates).toBe(customers);
      expect(JSON.parse(batch.counts).counts.created).toBe(customers);
      const orphans = (
        db
          .prepare(`SELECT count(*) n FROM import_changes c LEFT JOIN customers x ON x.id = c.entity_id WHERE c.batch_id = ? AND c.entity = 'customers' AND c.action = 'create' AND x.id IS NULL`)
          .get(batch.id) as { n: number }
      ).n;
      expect(orphans).toBe(0);
      // Keys and source ids belong to existing customers, one source id and one email key each.
      const ids = db.prepare(`SELECT count(*) n, count(DISTINCT entity_id) people FROM external_ids WHERE entity = 'customers'`).get() as { n: number; people: number };
      expect(ids).toEqual({ n: customers, people: customers });
      expect((db.prepare(`SELECT count(*) n FROM external_ids e LEFT JOIN customers c ON c.id = e.entity_id WHERE e.entity = 'customers' AND c.id IS NULL`).get() as { n: number }).n).toBe(0);
      expect((db.prepare(`SELECT count(*) n FROM customer_keys WHERE kind = 'email'`).get() as { n: number }).n).toBe(customers);
    } finally {
      db.close();
    }

    const again = await startImport('customers', customersFile).done;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`rows ${customerRows}, created \\d+`));
    const orders = await startImport('orders', ordersFile).done;
    expect(orders.code, orders.stderr).toBe(0);

    const check = new Sqlite(dbPath, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT count(*) n FROM customers')).toBe(customerRows);
      expect(n(`SELECT count(DISTINCT source_id) n FROM external_ids WHERE entity = 'customers'`)).toBe(customerRows);
      expect(n(`SELECT count(DISTINCT email) n FROM customers`)).toBe(customerRows);
      expect(n(`SELECT count(*) n FROM (SELECT entity_id FROM external_ids WHERE entity = 'customers' GROUP BY entity_id HAVING count(*) > 1) t`)).toBe(0);
      // Every order is linked to the customer its file names.
      expect(n('SELECT count(*) n FROM orders')).toBe(orderRows);
      expect(
        n(`SELECT count(*) n FROM orders o
             JOIN external_ids eo ON eo.entity = 'orders' AND eo.entity_id = o.id
             JOIN external_ids ec ON ec.entity = 'customers' AND ec.entity_id = o.customer_id`),
      ).toBe(orderRows);
      const second = check.prepare(`SELECT counts FROM import_batches WHERE kind = 'customers' AND status = 'done'`).get() as { counts: string };
      const counts = JSON.parse(second.counts).counts;
      expect(counts.created + counts.unchanged + counts.updated).toBe(customerRows);
      expect(counts.rejected).toBe(0);
    } finally {
      check.close();
    }
  });
});
