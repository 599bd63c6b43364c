import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { fixturePath } from '../test/fixtures.js';
import { checkImportFile, previewImport, runImport } from './importer.js';

// Imports never write a wrong value silently: each symptom below was seen on a real shop export.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-honest-'));
const header = (name: string) => fs.readFileSync(fixturePath(`formats/headers/${name}.header.csv`), 'utf8').trim();
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A file with the given export's header line and rows given by column name. */
function exportFile(name: string, format: string, rows: Record<string, string>[]): string {
  const columns = header(format).split(',');
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(','))];
  const p = path.join(dir, name);
  fs.writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

function textFile(name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

/** A multipart body with the file and the import options, as the web app sends it. */
function uploadForm(fileName: string, bytes: Buffer, fields: Record<string, string>): { body: Buffer; type: string } {
  const boundary = 'rapportboundary123';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: text/csv\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

const shopifyCustomers: Record<string, string>[] = [
  // The Belgian row of the report: national mobile, the row's own country code.
  {
    'Customer ID': "'1001",
    'First Name': 'Lien',
    'Last Name': 'Peeters',
    Email: 'lien@example.be',
    'Accepts Email Marketing': 'yes',
    'Default Address City': 'Antwerpen',
    'Default Address Country Code': 'BE',
    Phone: '0470 12 34 56',
  },
  // A country written as a name, in French.
  { 'Customer ID': "'1002", 'First Name': 'Marc', 'Last Name': 'Dubois', Email: 'marc@example.be', 'Default Address Country Code': 'Belgique', Phone: '0471 22 33 44' },
  // A French number on a Belgian row: not valid for Belgium, so kept as typed, not rewritten.
  { 'Customer ID': "'1003", 'First Name': 'Anne', 'Last Name': 'Leroy', Email: 'anne@example.be', 'Default Address Country Code': 'BE', Phone: '06 12 34 56 78' },
  // A country nobody knows: kept as written, and the default country is not applied to the phone.
  { 'Customer ID': "'1004", 'First Name': 'Otto', 'Last Name': 'Nemo', Email: 'otto@example.com', 'Default Address Country Code': 'Atlantis', Phone: '0470 99 88 77' },
  // No country at all: the default country reads the number.
  { 'Customer ID': "'1005", 'First Name': 'Julie', 'Last Name': 'Martin', Email: 'julie@example.fr', Phone: '06 98 76 54 32' },
  // One over-long cell: this row alone is rejected.
  { 'Customer ID': "'1006", 'First Name': 'Long', 'Last Name': 'City', Email: 'long@example.com', 'Default Address City': 'x'.repeat(256) },
  { 'Customer ID': "'1007", 'First Name': 'Long', 'Last Name': 'Note', Email: 'note@example.com', Note: 'n'.repeat(100_001) },
];

describe.each(engines)('imports keep or flag what they cannot clean, on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  const customer = async (email: string) => (await api.request('GET', `/api/customers?q=${encodeURIComponent(email)}`)).body.data.find((c: { emails: string[] }) => c.emails.includes(email));
  const upload = async (route: string, fileName: string, bytes: Buffer, fields: Record<string, string>) => {
    const form = uploadForm(fileName, bytes, fields);
    const res = await api.app.request(route, { method: 'POST', body: new Uint8Array(form.body), headers: { authorization: `Bearer ${api.token}`, 'content-type': form.type } });
    return { status: res.status, body: await res.json() };
  };
  beforeAll(async () => {
    // The server's default country is France, as for a French shop with Belgian customers.
    api = await testApi(engine, { RAPPORT_DEFAULT_COUNTRY: 'FR' });
    ctx = { database: api.db.database, actor: 'cli' };
  });
  afterAll(async () => api?.close());

  it("reads a national phone in the row's own country and never rewrites it into the default country's", async () => {
    const file = exportFile(`shopify-customers-${engine}.csv`, 'shopify_customers_export', shopifyCustomers);
    const batch = await runImport(ctx, file, { kind: 'customers', defaultCountry: 'FR' });
    expect(batch.status).toBe('done');
    expect(batch.counts).toMatchObject({ rows: 7, created: 5, rejected: 2, flagged: 2 });

    expect(await customer('lien@example.be')).toMatchObject({ country: 'BE', phone: '+32470123456' });
    expect(await customer('marc@example.be')).toMatchObject({ country: 'BE', phone: '+32471223344' });
    const anne = await customer('anne@example.be');
    expect(anne.phone).toBe('06 12 34 56 78');
    expect(anne.phones).toEqual([{ raw: '06 12 34 56 78', e164: null, reason: 'not a valid number for BE' }]);
    const otto = await customer('otto@example.com');
    expect(otto.country).toBe('Atlantis');
    expect(otto.phone).toBe('0470 99 88 77');
    expect(otto.phones[0].e164).toBeNull();
    expect(await customer('julie@example.fr')).toMatchObject({ phone: '+33698765432' });

    const report = (await api.request('GET', `/api/imports/${batch.id}/errors.csv`)).body as string;
    expect(report).toContain('"Atlantis"" is not a country Rapport recognises; kept as written');
    expect(report).toContain('phone ""06 12 34 56 78"" kept as written: not a valid number for BE');
    expect(report).toMatch(/^7,Default Address City,256 characters; city holds at most 255,/m);
    expect(report).toMatch(/^8,Note,"100,001 characters; notes holds at most 100,000"/m);
  });

  it('splits Google Contacts multi-value cells (" ::: ") in every list column instead of rejecting the row', async () => {
    const file = exportFile(`google-${engine}.csv`, 'google_contacts_current', [
      {
        'First Name': 'Camille',
        'Last Name': 'Roux',
        'E-mail 1 - Label': '* Home ::: Work',
        'E-mail 1 - Value': 'camille@home.example ::: camille@work.example',
        'Phone 1 - Value': '+33 6 11 22 33 44 ::: +33 1 44 55 66 77',
        Labels: '* myContacts ::: Clients',
        'Address 1 - Country': 'France ::: Belgique',
      },
    ]);
    const batch = await runImport(ctx, file, { kind: 'customers' });
    expect(batch.counts).toMatchObject({ rows: 1, created: 1, rejected: 0 });
    const camille = await customer('camille@home.example');
    expect(camille.emails).toEqual(['camille@home.example', 'camille@work.example']);
    expect(camille.phones.map((p: { e164: string }) => p.e164)).toEqual(['+33611223344', '+33144556677']);
    expect(camille.tags).toEqual(['myContacts', 'Clients']);
    expect(camille.country).toBe('FR');
  });

  it('creates the customer of an order from its email and billing name when no customer has its id or email', async () => {
    const file = exportFile(`shopify-orders-${engine}.csv`, 'shopify_orders_export', [
      {
        Name: '#2001',
        Email: 'new.buyer@example.nl',
        'Financial Status': 'paid',
        Currency: 'EUR',
        Total: '42.50',
        'Created at': '2025-11-02 10:15:00 +0100',
        'Lineitem quantity': '1',
        'Lineitem name': 'Mug',
        'Lineitem price': '42.50',
        'Billing Name': 'Sanne de Vries',
        'Billing Country': 'NL',
        'Billing Phone': '06 12345678',
      },
      {
        Name: '#2002',
        Email: 'new.buyer@example.nl',
        'Financial Status': 'paid',
        Currency: 'EUR',
        Total: '10.00',
        'Created at': '2025-12-01 09:00:00 +0100',
        'Lineitem quantity': '1',
        'Lineitem name': 'Card',
        'Lineitem price': '10.00',
        'Billing Name': 'Sanne de Vries',
        'Billing Country': 'NL',
      },
      {
        Name: '#2003',
        Email: 'lien@example.be',
        'Financial Status': 'paid',
        Currency: 'EUR',
        Total: '15.00',
        'Created at': '2025-12-03 09:00:00 +0100',
        'Lineitem quantity': '1',
        'Lineitem name': 'Card',
        'Lineitem price': '15.00',
        'Billing Name': 'Lien Peeters',
      },
    ]);
    const batch = await runImport(ctx, file, { kind: 'orders', defaultCountry: 'FR' });
    expect(batch.counts).toMatchObject({ rows: 3, created: 3, rejected: 0, customers_created: 1 });
    const sanne = await customer('new.buyer@example.nl');
    expect(sanne).toMatchObject({ first_name: 'Sanne', last_name: 'de Vries', country: 'NL', phone: '+31612345678', order_count: 2, revenue: 52.5 });
    expect(sanne.source).toBe('shopify');
    expect((await customer('lien@example.be')).order_count).toBe(1);
  });

  it('refuses a whitespace-aligned text file (CDNOW) with one clear message, not thousands of bad rows', async () => {
    const cdnow = fixturePath('cdnow/CDNOW_sample.txt');
    await expect(runImport(ctx, cdnow, { kind: 'orders' })).rejects.toThrow(/columns lined up by spaces and no header row/);
    await expect(previewImport(ctx, cdnow, { kind: 'orders' })).rejects.toMatchObject({ status: 400 });
    const res = await upload('/api/imports', 'CDNOW_sample.txt', fs.readFileSync(cdnow), { kind: 'orders' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/lined up by spaces/);
  });

  it('creates the customers of header-style CDNOW orders from their customer ids', async () => {
    const lines = fs.readFileSync(fixturePath('cdnow/CDNOW_sample.txt'), 'utf8').trim().split('\n').slice(0, 40);
    const csv = [
      'customer_id,order_id,date,quantity,amount',
      ...lines.map((l, i) => {
        const [cust, , date, qty, amount] = l.trim().split(/\s+/);
        return `${cust},${i + 1},${date},${qty},${amount}`;
      }),
    ].join('\n');
    const batch = await runImport(ctx, textFile(`cdnow-${engine}.csv`, csv), { kind: 'orders', source: 'cdnow', mapping: { quantity: null } });
    const customersInFile = new Set(lines.map((l) => l.trim().split(/\s+/)[0])).size;
    expect(batch.counts).toMatchObject({ rows: 40, created: 40, rejected: 0, customers_created: customersInFile });
  });

  it('merges nothing with --merge review: a same-email row becomes its own record and the pair waits for review', async () => {
    const file = textFile(`review-${engine}.csv`, 'first_name,last_name,email,city\nLien,Peeters,lien@example.be,Gent\nL.,Peeters,LIEN@example.be,\n');
    const before = (await api.request('GET', '/api/customers?limit=200')).body.data.length;
    const batch = await runImport(ctx, file, { kind: 'customers', merge: 'review' });
    expect(batch.counts.merged).toBe(0);
    expect(batch.counts.created).toBe(2);
    expect(batch.counts.duplicates_queued).toBeGreaterThan(0);
    expect((await api.request('GET', '/api/customers?limit=200')).body.data.length).toBe(before + 2);
    // The original is untouched: its city was not filled in from the file.
    expect((await api.request('GET', '/api/customers?email=lien@example.be')).body.data[0].city).toBe('Antwerpen');
  });

  it("keeps the source's creation date as customer since and never stamps consent with the import time", async () => {
    const file = exportFile(`hubspot-${engine}.csv`, 'hubspot_contacts_export', [
      { 'Record ID': '501', 'First Name': 'Iris', 'Last Name': 'Janssens', Email: 'iris@example.be', 'Create Date': '2019-04-03 08:00' },
    ]);
    await runImport(ctx, file, { kind: 'customers' });
    const iris = await customer('iris@example.be');
    expect(iris.customer_since).toBe('2019-04-03T08:00:00.000Z');
    expect(iris.sources).toEqual([{ source: 'hubspot', source_id: '501' }]);
    // Consent given in Shopify at a time the export does not say: the time stays unknown.
    const lien = (await api.request('GET', '/api/customers?email=lien@example.be')).body.data[0];
    expect(lien.consent_email).toBe(true);
    expect(lien.consent_email_at).toBeNull();
    expect(lien.customer_since).toBeNull();
    expect(lien.sources).toEqual([{ source: 'shopify', source_id: '1001' }]);
    // A customer created by hand became one when created.
    const made = (await api.request('POST', '/api/customers', { first_name: 'Hand', consent_email: true })).body;
    expect(made.customer_since).toBe(made.created_at);
    expect(Math.abs(Date.parse(made.consent_email_at) - Date.parse(made.created_at))).toBeLessThan(1000);
  });

  it('stores a country typed by hand as its code and reads the phone in it, through the API too', async () => {
    const created = await api.request('POST', '/api/customers', { first_name: 'Wout', email: 'wout@example.be', country: 'Belgique', phone: '0470 44 55 66' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: 'BE', phone: '+32470445566' });
    const unknown = await api.request('POST', '/api/customers', { first_name: 'Ann', email: 'ann@example.org', country: 'Atlantis', phone: '0470 44 55 67' });
    expect(unknown.body).toMatchObject({ country: 'Atlantis', phone: '0470 44 55 67' });
    const patched = await api.request('PATCH', `/api/customers/${unknown.body.id}`, { country: 'Belgium', phone: '0470 44 55 67' });
    expect(patched.body).toMatchObject({ country: 'BE', phone: '+32470445567' });
  });

  it('answers 400 with a message for an uploaded CSV with a NUL byte anywhere in it', async () => {
    const body = Buffer.concat([Buffer.from('name,email\n'), Buffer.from('A Person,a@example.com\n'.repeat(4000)), Buffer.from('Nul\u0000Byte,nul@example.com\n')]);
    expect(body.length).toBeGreaterThan(64 * 1024);
    await expect(checkImportFile(ctx, textFile(`nul-${engine}.csv`, body), { kind: 'customers' })).rejects.toMatchObject({ status: 400 });
    for (const route of ['/api/imports', '/api/imports/preview']) {
      const res = await upload(route, 'nul.csv', route.endsWith('preview') ? Buffer.from('name\u0000,email\n') : body, { kind: 'customers' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/NUL bytes/);
    }
    expect((await api.request('GET', '/api/customers?q=nul@example.com')).body.data).toHaveLength(0);
  });
});
