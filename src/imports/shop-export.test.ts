import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { csvRow } from '../exports/csv.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { fixturePath } from '../test/fixtures.js';
import { runImport } from './importer.js';

// A small shop as a new user brings it: a Shopify customers export and an orders export (one row per
// line item), built on the formats' header lines, with the dirty rows real exports have. After importing
// both, no stored value may contradict the file and every row left out must say why.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-shop-'));
const columnsOf = (name: string) =>
  fs
    .readFileSync(fixturePath(`formats/headers/${name}.header.csv`), 'utf8')
    .trim()
    .split(',');

function writeExport(file: string, format: string, rows: Record<string, string>[]): string {
  const columns = columnsOf(format);
  const p = path.join(dir, file);
  fs.writeFileSync(p, [csvRow(columns), ...rows.map((r) => csvRow(columns.map((c) => r[c] ?? '')))].join(''));
  return p;
}

const people: [first: string, last: string, country: string, phone: string][] = [
  ['Lien', 'Peeters', 'BE', '0470 12 34 56'],
  ['Marc', 'Dubois', 'Belgium', '0471 22 33 44'],
  ['Anne', 'Leroy', 'BE', '06 12 34 56 78'], // a French mobile on a Belgian row: not valid there
  ['Julie', 'Martin', 'FR', '06 98 76 54 32'],
  ['Hans', 'Müller', 'Deutschland', '0151 23456789'],
  ['Sanne', 'de Vries', 'NL', '06 12345678'],
  ['Tom', 'Baker', 'GB', '07400 123456'],
  ['Otto', 'Nemo', 'Atlantis', '0470 99 88 77'], // unknown country: the default country is not applied
  ['Eva', 'Janssens', '', '06 11 22 33 44'], // no country: the default (FR) reads the number
  ['Noor', 'Claes', 'BE', '+32 470 55 66 77'],
];

const customers: Record<string, string>[] = people.map(([first, last, country, phone], i) => ({
  'Customer ID': `'${7000 + i}`,
  'First Name': first,
  'Last Name': last,
  Email: `${first.toLowerCase()}.${i}@example.com`,
  'Accepts Email Marketing': i % 2 ? 'yes' : 'no',
  'Default Address City': 'Somewhere',
  'Default Address Country Code': country,
  Phone: phone,
}));
// Dirty rows: an invalid email (rejected), a note too long to store (rejected), the same person twice.
customers.push({ 'Customer ID': "'7100", 'First Name': 'Bad', 'Last Name': 'Email', Email: 'not-an-email' });
customers.push({ 'Customer ID': "'7101", 'First Name': 'Long', 'Last Name': 'Note', Email: 'long@example.com', Note: 'x'.repeat(100_001) });
customers.push({ ...customers[0], 'Customer ID': "'7000", Tags: 'vip' });

const orderRows: Record<string, string>[] = [];
let orderNo = 1001;
for (const [i, c] of customers.slice(0, 10).entries()) {
  for (let k = 0; k < 1 + (i % 3); k++) {
    const name = `#${orderNo++}`;
    const base = {
      Name: name,
      Email: c.Email,
      'Financial Status': k === 2 ? 'refunded' : 'paid',
      Currency: 'EUR',
      'Created at': `2025-0${1 + k}-1${i % 10} 10:00:00 +0100`,
      'Billing Name': `${c['First Name']} ${c['Last Name']}`,
      'Billing Country': c['Default Address Country Code'],
    };
    orderRows.push({ ...base, Total: '30.00', 'Lineitem quantity': '1', 'Lineitem name': 'Mug', 'Lineitem price': '20.00' });
    orderRows.push({ Name: name, Email: c.Email, 'Lineitem quantity': '2', 'Lineitem name': 'Card', 'Lineitem price': '5.00' });
  }
}
// A guest checkout (no customer with that email), a total that is not a number, an order without a date.
orderRows.push({
  Name: `#${orderNo++}`,
  Email: 'guest@example.org',
  'Financial Status': 'paid',
  Currency: 'EUR',
  Total: '12.50',
  'Created at': '2025-03-01 09:00:00 +0100',
  'Lineitem quantity': '1',
  'Lineitem name': 'Pen',
  'Lineitem price': '12.50',
  'Billing Name': 'Gust Guest',
  'Billing Country': 'Belgique',
  'Billing Phone': '0470 00 11 22',
});
orderRows.push({ Name: `#${orderNo++}`, Email: customers[3].Email, 'Financial Status': 'paid', Currency: 'EUR', Total: 'abc', 'Created at': '2025-03-02 09:00:00 +0100' });
orderRows.push({ Name: `#${orderNo++}`, Email: customers[3].Email, 'Financial Status': 'paid', Currency: 'EUR', Total: '9.00' });

describe.each(engines)('a dirty shop export, on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'cli' };
  });
  afterAll(async () => api?.close());

  it('stores no value the file contradicts and explains every row it leaves out', async () => {
    const customerBatch = await runImport(ctx, writeExport(`customers-${engine}.csv`, 'shopify_customers_export', customers), { kind: 'customers', defaultCountry: 'FR' });
    const orderBatch = await runImport(ctx, writeExport(`orders-${engine}.csv`, 'shopify_orders_export', orderRows), { kind: 'orders', defaultCountry: 'FR' });
    expect(customerBatch.counts).toMatchObject({ rows: 13, created: 10, rejected: 2, flagged: 2 });
    expect(orderBatch.counts).toMatchObject({ customers_created: 1, rejected: 2 });

    // Every rejected row has its reason in the report.
    for (const batch of [customerBatch, orderBatch]) {
      const report = (await api.request('GET', `/api/imports/${batch.id}/errors.csv`)).body as string;
      const reportRows = new Set(
        report
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      );
      expect(reportRows.size).toBe(batch.counts.rejected + (batch.counts.flagged ?? 0));
    }

    const stored = (await api.request('GET', '/api/customers?limit=100')).body.data as Record<string, any>[];
    expect(stored).toHaveLength(11);
    for (const row of customers.slice(0, 10)) {
      const c = stored.find((s) => s.email === row.Email)!;
      const given = row['Default Address Country Code'];
      // The country is its ISO code when the file named a known one, else exactly what the file said.
      expect(c.country ?? '').toBe({ Belgium: 'BE', Deutschland: 'DE' }[given] ?? given);
      // A stored E.164 number belongs to the row's country (or to the default when the row names none).
      const phone = c.phones[0];
      if (phone.e164) expect(parsePhoneNumberFromString(phone.e164)!.country).toBe(/^[A-Z]{2}$/.test(c.country ?? '') ? c.country : 'FR');
      else expect(phone.raw).toBe(row.Phone);
      // Consent without a time in the file has no time; customer since is the first order, not the import.
      expect(c.consent_email_at).toBeNull();
      expect(c.customer_since).toBeNull();
    }
    expect(stored.find((s) => s.email === 'otto.7@example.com')!.phones[0]).toMatchObject({ raw: '0470 99 88 77', e164: null });
    expect(stored.find((s) => s.email === 'anne.2@example.com')!.phones[0]).toMatchObject({ raw: '06 12 34 56 78', e164: null });
    expect(stored.find((s) => s.email === 'lien.0@example.com')!.tags).toEqual(['vip']);
    const guest = stored.find((s) => s.email === 'guest@example.org')!;
    expect(guest).toMatchObject({ first_name: 'Gust', last_name: 'Guest', country: 'BE', phone: '+32470001122', order_count: 1 });

    // Each customer's revenue is the sum of their orders' totals in the file (refunds excluded, as the figure says).
    for (const row of customers.slice(0, 10)) {
      const c = stored.find((s) => s.email === row.Email)!;
      const orders = orderRows.filter((o) => o.Email === row.Email && o.Total && !Number.isNaN(Number(o.Total)) && o['Created at']);
      const paid = orders.filter((o) => o['Financial Status'] !== 'refunded');
      expect(c.order_count).toBe(paid.length);
      expect(c.revenue).toBeCloseTo(
        paid.reduce((sum, o) => sum + Number(o.Total), 0),
        2,
      );
    }
  });
});
