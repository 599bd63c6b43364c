import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MappingError, mapRow, planMapping, type MappingPlan } from './mapping.js';
import { detectPreset } from './presets.js';
import { uniqueHeaders } from './readers/csv.js';
import { fixturePath } from '../test/fixtures.js';

const HEADERS = fixturePath('formats/headers');

function headerLine(file: string): string[] {
  const line = readFileSync(join(HEADERS, `${file}.header.csv`), 'utf8').trim();
  return uniqueHeaders(line.split(',').map((h) => h.replace(/^"|"$/g, '')));
}

function fieldOf(plan: MappingPlan, column: string): string | undefined {
  return plan.assignments.find((a) => a.column === column)?.field;
}

function columnsOf(plan: MappingPlan, field: string): string[] {
  return plan.assignments.filter((a) => a.field === field).map((a) => a.column);
}

describe('preset detection from real header lines', () => {
  const cases: [string, string][] = [
    ['google_contacts_current', 'google_contacts'],
    ['google_contacts_legacy', 'google_contacts_legacy'],
    ['outlook_desktop', 'outlook'],
    ['outlook_alt_order', 'outlook'],
    ['hubspot_contacts_export', 'hubspot_contacts'],
    ['shopify_customers_export', 'shopify_customers'],
    ['shopify_customers_import_template', 'shopify_customers'],
    ['shopify_orders_export', 'shopify_orders'],
    ['stripe_customers_export', 'stripe_customers'],
    ['stripe_payments_export', 'stripe_payments'],
    ['mailchimp_audience_export', 'mailchimp_audience'],
  ];
  for (const [file, preset] of cases) {
    it(`${file} -> ${preset}`, () => expect(detectPreset(headerLine(file))?.preset.id).toBe(preset));
  }

  it('recognises an export with only some of its columns', () => {
    expect(detectPreset(['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem name', 'Lineitem sku'])?.preset.id).toBe('shopify_orders');
  });

  it('finds nothing in a generic header', () => {
    expect(detectPreset(['name', 'email', 'phone'])).toBeNull();
  });
});

describe('key columns of each preset', () => {
  it('Google Contacts gathers numbered e-mails and phones', () => {
    const plan = planMapping(headerLine('google_contacts_current'));
    expect(columnsOf(plan, 'emails')).toEqual(['E-mail 1 - Value', 'E-mail 2 - Value']);
    expect(columnsOf(plan, 'phones')).toEqual(['Phone 1 - Value']);
    expect(fieldOf(plan, 'First Name')).toBe('first_name');
    expect(fieldOf(plan, 'Last Name')).toBe('last_name');
    expect(fieldOf(plan, 'Organization Name')).toBe('company');
    expect(fieldOf(plan, 'Address 1 - Postal Code')).toBe('postcode');
    expect(plan.unmapped).toContain('Phonetic First Name');
  });

  it('Google legacy', () => {
    const plan = planMapping(headerLine('google_contacts_legacy'));
    expect(fieldOf(plan, 'Given Name')).toBe('first_name');
    expect(fieldOf(plan, 'Family Name')).toBe('last_name');
    expect(columnsOf(plan, 'emails')).toEqual(['E-mail 1 - Value', 'E-mail 2 - Value']);
    expect(columnsOf(plan, 'phones')).toEqual(['Phone 1 - Value', 'Phone 2 - Value']);
    expect(fieldOf(plan, 'Organization 1 - Title')).toBe('title');
  });

  it('Outlook: job title not the name prefix, phones by priority, no faxes', () => {
    for (const file of ['outlook_desktop', 'outlook_alt_order']) {
      const plan = planMapping(headerLine(file));
      expect(fieldOf(plan, 'Title')).toBeUndefined();
      expect(fieldOf(plan, 'Job Title')).toBe('title');
      expect(columnsOf(plan, 'emails')).toEqual(['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address']);
      expect(columnsOf(plan, 'phones').slice(0, 4)).toEqual(['Primary Phone', 'Mobile Phone', 'Home Phone', 'Business Phone']);
      expect(columnsOf(plan, 'phones')).not.toContain('Business Fax');
      expect(fieldOf(plan, 'Home Postal Code')).toBe('postcode');
    }
  });

  it('HubSpot', () => {
    const plan = planMapping(headerLine('hubspot_contacts_export'));
    expect(fieldOf(plan, 'Record ID')).toBe('source_id');
    expect(fieldOf(plan, 'Email')).toBe('emails');
    expect(fieldOf(plan, 'Phone Number')).toBe('phones');
    expect(fieldOf(plan, 'Create Date')).toBe('customer_since');
  });

  it('Shopify customers', () => {
    const plan = planMapping(headerLine('shopify_customers_export'));
    expect(fieldOf(plan, 'Customer ID')).toBe('source_id');
    expect(fieldOf(plan, 'Accepts Email Marketing')).toBe('consent_email');
    expect(fieldOf(plan, 'Accepts SMS Marketing')).toBe('consent_sms');
    expect(columnsOf(plan, 'phones')).toEqual(['Phone', 'Default Address Phone']);
    expect(columnsOf(plan, 'address')).toEqual(['Default Address Address1', 'Default Address Address2']);
    expect(plan.unmapped).toEqual(['Total Spent', 'Total Orders', 'Tax Exempt']);
  });

  it('Shopify orders', () => {
    const plan = planMapping(headerLine('shopify_orders_export'));
    expect(plan.kind).toBe('orders');
    expect(fieldOf(plan, 'Name')).toBe('source_id');
    expect(fieldOf(plan, 'Email')).toBe('customer_email');
    expect(fieldOf(plan, 'Lineitem sku')).toBe('product_sku');
    expect(fieldOf(plan, 'Lineitem quantity')).toBe('quantity');
    expect(fieldOf(plan, 'Total')).toBe('total');
  });

  it('Stripe customers and payments', () => {
    const customers = planMapping(headerLine('stripe_customers_export'));
    expect(fieldOf(customers, 'id')).toBe('source_id');
    expect(fieldOf(customers, 'Name')).toBe('full_name');
    const payments = planMapping(headerLine('stripe_payments_export'));
    expect(payments.kind).toBe('orders');
    expect(fieldOf(payments, 'Customer Email')).toBe('customer_email');
    expect(fieldOf(payments, 'Amount')).toBe('total');
  });

  it('Mailchimp', () => {
    const plan = planMapping(headerLine('mailchimp_audience_export'));
    expect(fieldOf(plan, 'Email Address')).toBe('emails');
    expect(fieldOf(plan, 'OPTIN_TIME')).toBe('customer_since');
    expect(fieldOf(plan, 'TIMEZONE')).toBe('time_zone');
    expect(plan.unmapped).toContain('LEID');
  });
});

describe('automatic mapping', () => {
  it('ignores case, spacing and punctuation, and gathers numbered columns', () => {
    const plan = planMapping(['FIRST_NAME', 'last-name', 'E-Mail', 'Email 2', 'Mobile', 'ZIP Code', 'Färbe'], { preset: false });
    expect(plan.assignments.map((a) => [a.column, a.field])).toEqual([
      ['FIRST_NAME', 'first_name'],
      ['last-name', 'last_name'],
      ['E-Mail', 'emails'],
      ['Email 2', 'emails'],
      ['Mobile', 'phones'],
      ['ZIP Code', 'postcode'],
    ]);
    expect(plan.unmapped).toEqual(['Färbe']);
  });

  it('maps by entity kind', () => {
    const plan = planMapping(['Order ID', 'Qty', 'SKU', 'Unit Price'], { kind: 'orders' });
    expect(plan.assignments.map((a) => a.field)).toEqual(['source_id', 'quantity', 'product_sku', 'unit_price']);
  });

  it('maps custom fields by name', () => {
    const plan = planMapping(['Email', 'Loyalty Tier'], {
      customFields: [{ name: 'loyalty_tier', type: 'select', options: ['gold', 'silver'] }],
    });
    expect(fieldOf(plan, 'Loyalty Tier')).toBe('loyalty_tier');
  });
});

describe('overrides', () => {
  it('accepts "Column=field" strings, aliases and ignores', () => {
    const plan = planMapping(['Kontakt', 'Mail', 'Name'], { overrides: ['Kontakt=phone', 'Name=', 'Mail=email'] });
    expect(fieldOf(plan, 'Kontakt')).toBe('phones');
    expect(fieldOf(plan, 'Mail')).toBe('emails');
    expect(plan.unmapped).toEqual(['Name']);
  });

  it('accepts an object and custom targets', () => {
    const plan = planMapping(['Level'], {
      overrides: { Level: 'tier' },
      customFields: [{ name: 'tier', type: 'text' }],
    });
    expect(fieldOf(plan, 'Level')).toBe('tier');
  });

  it('rejects unknown columns and fields', () => {
    expect(() => planMapping(['A'], { overrides: ['B=email'] })).toThrow(MappingError);
    expect(() => planMapping(['A'], { overrides: ['A=shoe_size'] })).toThrow(/not a customers field/);
    expect(() => planMapping(['A'], { overrides: ['A=constructor'] })).toThrow(MappingError);
    expect(() => planMapping(['A'], { customFields: [{ name: 'email', type: 'text' }] })).toThrow(MappingError);
  });
});

describe('mapRow', () => {
  it('orders gathered values by priority and drops empty cells', () => {
    const headers = ['Business Phone', 'Mobile Phone', 'E-mail Address', 'E-mail 2 Address', 'First Name', 'Last Name'];
    const plan = planMapping(headers, { preset: 'outlook' });
    const values = Object.assign(Object.create(null), {
      'Business Phone': '555 1000',
      'Mobile Phone': '555 2000',
      'E-mail Address': '',
      'E-mail 2 Address': 'b@example.com',
      'First Name': 'Ann',
      'Last Name': ' ',
    });
    const mapped = mapRow(plan, { rowNumber: 2, values, errors: [] });
    expect(mapped.fields.phones.map((v) => v.value)).toEqual(['555 2000', '555 1000']);
    expect(mapped.fields.emails).toEqual([{ column: 'E-mail 2 Address', value: 'b@example.com' }]);
    expect(mapped.fields.last_name).toBeUndefined();
  });
});
