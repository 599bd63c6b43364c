/** Test and benchmark data loaders: write customers and orders straight to the tables in batches. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../core/database.js';
import { newId } from '../core/ids.js';
import { batchInsert } from './db.js';
import { fixturePath } from '../test/fixtures.js';

export interface SeedCustomer {
  id?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  age?: number | null;
  income?: number | null;
  source?: string | null;
  created_at?: string;
}

export interface SeedOrder {
  customer_id: string;
  ordered_at: string;
  total: number;
  status?: string;
  currency?: string;
  id?: string;
}

/** Inserts customers with the columns every customer row needs; returns their ids in order. */
export async function seedCustomers(database: Database, customers: SeedCustomer[]): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = customers.map((c) => ({
    id: c.id ?? newId('customer'),
    first_name: c.first_name ?? null,
    last_name: c.last_name ?? null,
    email: c.email ?? null,
    email_key: c.email?.toLowerCase() ?? null,
    emails: JSON.stringify(c.email ? [c.email] : []),
    phones: '[]',
    tags: '[]',
    age: c.age ?? null,
    income: c.income ?? null,
    source: c.source ?? null,
    search_text: '',
    order_count: 0,
    revenue: 0,
    created_at: c.created_at ?? now,
    updated_at: c.created_at ?? now,
  }));
  await batchInsert(database.db, 'customers', rows, 500);
  return rows.map((r) => r.id);
}

/** Inserts orders (status paid, USD unless given) and refreshes nothing else. */
export async function seedOrders(database: Database, orders: SeedOrder[]): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = orders.map((o) => ({
    id: o.id ?? newId('order'),
    customer_id: o.customer_id,
    ordered_at: new Date(o.ordered_at).toISOString(),
    status: o.status ?? 'paid',
    currency: o.currency ?? 'USD',
    total: o.total,
    notes: null,
    created_at: now,
    updated_at: now,
  }));
  await batchInsert(database.db, 'orders', rows, 500);
  return rows.map((r) => r.id);
}

const cdnowDir = fixturePath('cdnow');

/** Imports CDNOW_sample.txt: one customer per sample id, one order per transaction line. */
export async function importCdnow(database: Database): Promise<{ customers: number; orders: number }> {
  const lines = readFileSync(path.join(cdnowDir, 'CDNOW_sample.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const ids = new Map<string, string>();
  const customers: SeedCustomer[] = [];
  const orders: SeedOrder[] = [];
  for (const line of lines) {
    const [, sampleId, ymd, , dollars] = line.trim().split(/\s+/);
    let id = ids.get(sampleId);
    if (!id) {
      id = newId('customer');
      ids.set(sampleId, id);
      customers.push({ id, first_name: `Customer ${sampleId}`, created_at: '1997-01-01T00:00:00.000Z' });
    }
    orders.push({ customer_id: id, ordered_at: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}T00:00:00.000Z`, total: Number(dollars) });
  }
  await seedCustomers(database, customers);
  await seedOrders(database, orders);
  return { customers: customers.length, orders: orders.length };
}
