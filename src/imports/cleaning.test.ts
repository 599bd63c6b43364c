import { describe, expect, it } from 'vitest';
import { cleanRow } from './cleaning.js';
import { mapRow, planMapping } from './mapping.js';
import type { CustomFieldDefinition, EntityKind } from './types.js';

function clean(kind: EntityKind, row: Record<string, string>, options: { defaultCountry?: string; dateOrder?: 'MDY' | 'DMY'; customFields?: CustomFieldDefinition[] } = {}) {
  const plan = planMapping(Object.keys(row), { kind, preset: false, customFields: options.customFields });
  return cleanRow(kind, mapRow(plan, { rowNumber: 7, values: row, errors: [] }), options);
}

describe('cleanRow for customers', () => {
  it('produces typed snake_case values', () => {
    const { value, errors } = clean(
      'customers',
      {
        'First Name': ' JOHN ',
        'Last Name': "o'neil",
        Email: 'John@Example.com',
        'Email 2': 'j.oneil@work.example',
        Phone: '(905) 555-1234',
        Birthday: '22.03.1980',
        Income: '$52,000.00',
        Tags: 'vip; newsletter',
        Newsletter: 'yes',
        Age: '44',
        'Created At': '2024-01-02 10:00:00 +0100',
      },
      { defaultCountry: 'US' },
    );
    expect(errors).toEqual([]);
    expect({ ...value }).toEqual({
      first_name: 'John',
      last_name: "O'Neil",
      emails: ['john@example.com', 'j.oneil@work.example'],
      email: 'john@example.com',
      phones: [{ raw: '(905) 555-1234', e164: '+19055551234' }],
      phone: '+19055551234',
      birthday: '1980-03-22',
      income: 52000,
      tags: ['vip', 'newsletter'],
      consent_email: true,
      age: 44,
      customer_since: '2024-01-02T09:00:00.000Z',
    });
  });

  it('reports bad values with their column and keeps the rest', () => {
    const { value, errors } = clean('customers', { Email: 'not-an-email', Name: 'Ann Lee', Birthday: '31/02/1990', Age: 'old' });
    expect(value).toMatchObject({ first_name: 'Ann', last_name: 'Lee' });
    expect(errors).toEqual([
      { row: 7, column: 'Email', reason: '"not-an-email" is not a valid email address' },
      { row: 7, column: 'Birthday', reason: '"31/02/1990" is not a valid date' },
      { row: 7, column: 'Age', reason: '"old" is not a whole number' },
    ]);
  });

  it('keeps phones it cannot format, with a reason', () => {
    const { value } = clean('customers', { Name: 'Ann', Phone: '555-12' }, { defaultCountry: 'US' });
    expect(value?.phones).toEqual([{ raw: '555-12', e164: null, reason: 'too short' }]);
    expect(value?.phone).toBe('555-12');
  });

  it("reads phones in the row's own country", () => {
    const { value } = clean('customers', { Name: 'Ann', Phone: '030 1234567', Country: 'de' }, { defaultCountry: 'US' });
    expect(value?.phone).toBe('+49301234567');
  });

  it('rejects a row with nothing that identifies the customer', () => {
    const { value, errors } = clean('customers', { Email: 'nope', City: 'Paris' });
    expect(value).toBeNull();
    expect(errors.at(-1)).toEqual({ row: 7, column: null, reason: 'no name, email, phone or id to identify the customer' });
  });

  it('checks custom fields by type', () => {
    const customFields: CustomFieldDefinition[] = [
      { name: 'tier', type: 'select', options: ['Gold', 'Silver'] },
      { name: 'visits', type: 'number' },
      { name: 'vip', type: 'boolean' },
    ];
    const { value, errors } = clean('customers', { Email: 'a@b.co', Tier: 'gold', Visits: '12', VIP: 'maybe' }, { customFields });
    expect({ ...value?.custom }).toEqual({ tier: 'Gold', visits: 12 });
    expect(errors).toEqual([{ row: 7, column: 'VIP', reason: '"maybe" is not yes or no' }]);
  });

  it('strips the apostrophe Shopify puts before ids', () => {
    expect(clean('customers', { 'Customer ID': "'6253473497", Email: 'a@b.co' }).value?.source_id).toBe('6253473497');
  });

  it('passes reader errors through', () => {
    const plan = planMapping(['Email'], { preset: false });
    const result = cleanRow('customers', mapRow(plan, { rowNumber: 3, values: { Email: 'a@b.co' }, errors: [{ row: 3, column: null, reason: 'expected 2 columns, found 1' }] }));
    expect(result.errors).toEqual([{ row: 3, column: null, reason: 'expected 2 columns, found 1' }]);
  });
});

describe('cleanRow for other kinds', () => {
  it('orders', () => {
    const { value } = clean('orders', { 'Order ID': '1001', Email: 'A@B.co', Total: '1.234,50 €', Qty: '2', 'Order Date': '2024-05-01' });
    expect({ ...value }).toEqual({ source_id: '1001', customer_email: 'a@b.co', total: 1234.5, quantity: 2, ordered_at: '2024-05-01T00:00:00.000Z' });
    expect(clean('orders', { Total: '5' }).value).toBeNull();
  });

  it('interactions', () => {
    const { value, errors } = clean('interactions', { 'Customer Email': 'a@b.co', Type: 'Phone Call', Direction: 'Outbound', Opened: 'x', Channel: 'phone' });
    expect(errors).toEqual([]);
    expect({ ...value }).toEqual({ customer_email: 'a@b.co', type: 'call', direction: 'out', opened: true, channel: 'phone' });
    expect(clean('interactions', { 'Customer Email': 'a@b.co', Type: 'fax' }).errors[0].reason).toBe('"fax" is not a known interaction type');
  });

  it('companies and products', () => {
    expect({ ...clean('companies', { Company: 'Acme', Phone: '+44 20 7946 0958' }).value }).toEqual({ name: 'Acme', phone: '+442079460958' });
    expect({ ...clean('products', { SKU: 'A-1', Price: '€9,99' }).value }).toEqual({ sku: 'A-1', price: 9.99 });
  });
});
