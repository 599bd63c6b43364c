import { describe, expect, it } from 'vitest';
import { customerEntity } from '../schema/entities.js';
import { addRecordValues, emptyPersonValues, namesPerson, redactValue } from './personal-values.js';

const custom = { name: 'loft_code', label: 'Loft code', type: 'text' as const, custom: true, column: 'cf_loft_code' };
const fields = [...customerEntity.fields, custom];

function valuesOf(...records: Record<string, unknown>[]) {
  const values = emptyPersonValues();
  for (const r of records) addRecordValues(values, fields, r);
  return values;
}

describe("a person's values", () => {
  const values = valuesOf({
    id: 'cus_1',
    first_name: 'Ada',
    last_name: 'Byron',
    email: 'Ada@Example.com',
    emails: ['Ada@Example.com', 'ada.old@example.org'],
    phones: [{ raw: '020 7946 0321', e164: '+442079460321' }],
    city: 'London',
    loft_code: 'L-77',
    revenue: 120,
    stage: 'active',
  });

  it('are the personal fields only, custom fields included, lower-cased', () => {
    expect([...values.all]).toEqual(expect.arrayContaining(['ada', 'byron', 'ada@example.com', 'ada.old@example.org', '020 7946 0321', '+442079460321', 'london', 'l-77']));
    expect(values.all.has('active')).toBe(false);
  });

  it('find rows that name the person by email, by phone however written, or by both names', () => {
    expect(namesPerson(values, '{"Email":"ADA.OLD@example.org"}')).toBe(true);
    expect(namesPerson(values, '{"Tel":"(+44) 20-7946-0321"}')).toBe(true);
    expect(namesPerson(values, '{"First":"Ada","Last":"Byron","Email":"broken@@x"}')).toBe(true);
    expect(namesPerson(values, '{"First":"Ada","Last":"Lovelace","Tel":"+44 20 7946 0999"}')).toBe(false);
  });

  it("are taken out of another record's history: their records and conflicts dropped, equal strings nulled", () => {
    const doc = {
      merged: [{ id: 'cus_1', first_name: 'Ada' }],
      conflicts: [{ field: 'city', kept: 'Paris', discarded: 'London', from: 'cus_1' }],
      after: { first_name: 'Wendy', emails: ['wendy@example.com', 'ada@example.com'], city: 'London' },
    };
    expect(redactValue(doc, values, new Set(['cus_1']))).toEqual({ merged: [], conflicts: [], after: { first_name: 'Wendy', emails: ['wendy@example.com', null], city: null } });
  });
});
