import { describe, expect, it } from 'vitest';
import { customerEntity } from '../schema/entities.js';
import { FIELDS } from './fields.js';
import { planMapping } from './mapping.js';

describe('import targets follow the field registry', () => {
  it('can import every writable customer field, by its label too', () => {
    const gathered = new Set(['email', 'phone', 'company_id']);
    for (const field of customerEntity.fields) {
      if (field.readOnly || gathered.has(field.name)) continue;
      expect(Object.hasOwn(FIELDS.customers, field.name), field.name).toBe(true);
    }
    const plan = planMapping(['Name', 'How email opt-in was given', 'Email opt-in given at'], { kind: 'customers', preset: false });
    expect(Object.fromEntries(plan.assignments.map((a) => [a.column, a.field]))).toMatchObject({
      'How email opt-in was given': 'consent_email_method',
      'Email opt-in given at': 'consent_email_at',
    });
  });
});
