import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cleanRow, type CleanRecord } from './cleaning.js';
import { findDuplicates } from '../dedupe/find-duplicates.js';
import { mapRow, planMapping } from './mapping.js';
import { groupOrderLines } from './orders.js';
import { readCsv } from './readers/csv.js';
import { readVCards } from './readers/vcard.js';
import { fixturePath } from '../test/fixtures.js';

async function importCsv(text: string, kind: 'customers' | 'orders') {
  const rows = [];
  for await (const row of readCsv(Readable.from([Buffer.from(text)]))) rows.push(row);
  const plan = planMapping(Object.keys(rows[0].values), { kind });
  return { plan, results: rows.map((row) => cleanRow(kind, mapRow(plan, row), { defaultCountry: 'US' })) };
}

describe('import pipeline', () => {
  it('Outlook CSV -> customers, with duplicates found across rows', async () => {
    const header = readFileSync(fixturePath('formats/headers/outlook_desktop.header.csv'), 'utf8').trim();
    const columns = header.split(',').map((h) => h.replace(/"/g, ''));
    const row = (values: Record<string, string>) => columns.map((c) => `"${values[c] ?? ''}"`).join(',');
    const csv = [
      header,
      row({ 'First Name': 'ROBERT', 'Last Name': 'SMITH', 'E-mail Address': 'Bob.Smith@Example.com', 'Mobile Phone': '(905) 555-1234', Birthday: '3/22/1980' }),
      row({ 'First Name': 'Bob', 'Last Name': 'Smith', 'E-mail 2 Address': 'bob.smith@example.com', Birthday: '0/0/00' }),
      row({ 'First Name': 'Ann', 'Last Name': 'Lee', 'Business Phone': '(905) 555-1234' }),
    ].join('\r\n');
    const { plan, results } = await importCsv(csv, 'customers');
    expect(plan.preset).toBe('outlook');
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const records = results.map((r) => r.value!);
    expect(records[0]).toMatchObject({ first_name: 'Robert', last_name: 'Smith', email: 'bob.smith@example.com', phone: '+19055551234', birthday: '1980-03-22' });
    expect(records[1].birthday).toBeUndefined();

    const duplicates = findDuplicates(
      records.map((r, i) => ({
        id: String(i + 2),
        first_name: r.first_name as string,
        last_name: r.last_name as string,
        emails: r.emails as string[] | undefined,
        phones: (r.phones as { e164: string | null }[] | undefined)?.flatMap((p) => (p.e164 ? [p.e164] : [])),
        birthday: r.birthday as string | undefined,
      })),
    );
    expect(duplicates.clusters).toEqual([['2', '3']]);
  });

  it('Shopify orders CSV -> orders with lines', async () => {
    const csv = [
      'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku',
      '#1001,ann@example.com,paid,USD,30.00,2024-01-05 10:00:00 -0500,1,Mug,10.00,MUG-1',
      '#1001,ann@example.com,,,,,2,Tea,10.00,TEA-1',
    ].join('\n');
    const { results } = await importCsv(csv, 'orders');
    const [order] = groupOrderLines(results.map((r, i) => ({ row: i + 2, value: r.value as CleanRecord })));
    expect(order.order).toMatchObject({ source_id: '#1001', status: 'paid', total: 30, ordered_at: '2024-01-05T15:00:00.000Z' });
    expect(order.lines).toEqual([
      { quantity: 1, product_name: 'Mug', unit_price: 10, product_sku: 'MUG-1' },
      { quantity: 2, product_name: 'Tea', unit_price: 10, product_sku: 'TEA-1' },
    ]);
  });

  it('vCard -> customers', () => {
    const { headers, rows } = readVCards(readFileSync(fixturePath('formats/vcard/John_Doe_MS_OUTLOOK.vcf')));
    const plan = planMapping(headers, { kind: 'customers' });
    expect(plan.unmapped).toEqual([]);
    const { value, errors } = cleanRow('customers', mapRow(plan, rows[0]), { defaultCountry: 'US' });
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      first_name: 'John',
      last_name: 'Doe',
      email: 'john.doe@ibm.cm',
      phone: '+19055551234',
      birthday: '1980-03-22',
      company: 'IBM',
      postcode: '12345',
    });
  });
});
