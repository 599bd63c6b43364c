import { describe, expect, it } from 'vitest';
import { parseCustomerInput } from '../customers/input.js';
import { customerEntity } from '../schema/entities.js';
import type { CleanRecord } from './cleaning.js';
import { asCleaned, customerInput, parseCustomerRow, rowInput } from './customer-input.js';
import { planMapping } from './mapping.js';

// The cleaning thread sends a parsed create body only where the parse changed the row's values; the
// importing thread then writes exactly what the parse gave, whichever of the two it was sent.

const plan = planMapping(['customer_id', 'first_name', 'email', 'phone', 'customer_since', 'tags'], { kind: 'customers', customFields: [] });
const fields = customerEntity.fields;

const cleanRow = (extra: CleanRecord = {}): CleanRecord => ({
  source_id: 'C1',
  first_name: 'Ada',
  emails: ['ada@example.com'],
  email: 'ada@example.com',
  phones: [
    { raw: '+44 20 7946 0001', e164: '+442079460001' },
    { raw: '12345', e164: null, reason: 'too short' },
  ],
  phone: '+442079460001',
  tags: ['vip'],
  age: 19,
  ...extra,
});

const parsed = (value: CleanRecord) => parseCustomerInput(fields, customerInput(value), 'create').input;

describe("a clean customer row's create body", () => {
  it('is not sent again when the parse gives back the row as it is, and is then the same body', () => {
    const value = cleanRow();
    const result = parseCustomerRow(fields, plan, 2, value);
    expect(result).toEqual({ input: asCleaned, parsed: parsed(value) });
    expect(rowInput(asCleaned, value)).toEqual(parsed(value));
  });

  it("is the parse's own where the parse changes a value (a date made a timestamp, a name trimmed)", () => {
    for (const extra of [{ customer_since: '2020-01-01' }, { first_name: ' Ada ' }]) {
      const value = cleanRow(extra);
      const result = parseCustomerRow(fields, plan, 2, value);
      if (!('input' in result) || result.input === asCleaned) throw new Error(`expected the parsed body for ${JSON.stringify(extra)}`);
      expect(result.input).toEqual(parsed(value));
      expect(result.input).not.toEqual(customerInput(value));
      expect(rowInput(result.input, value)).toBe(result.input);
    }
  });

  it('tells values inside lists apart: a tag the parse trims is sent as parsed', () => {
    const value = cleanRow({ tags: ['vip', ' new '] });
    const result = parseCustomerRow(fields, plan, 2, value);
    expect(result).toEqual({ input: parsed(value), parsed: parsed(value) });
    expect(parsed(value).tags).toEqual(['vip', 'new']);
  });

  it('tells key order from a different value: a phone entry given with its keys the other way round is the same body', () => {
    const value = cleanRow({ phones: [{ e164: '+442079460001', raw: '+44 20 7946 0001' }] });
    expect(parseCustomerRow(fields, plan, 2, value)).toMatchObject({ input: asCleaned });
  });
});
