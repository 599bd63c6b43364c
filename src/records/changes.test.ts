import { describe, expect, it } from 'vitest';
import { interactionEntity } from '../schema/entities.js';
import { changeEvents } from './changes.js';

const before = { id: 'int_1', type: 'campaign', subject: 'Hello Ann Example', body: 'Dear Ann', customer_id: 'cus_ann', campaign: 'Spring', opened: false, occurred_at: '2026-01-02T10:00:00.000Z' };

describe('change events', () => {
  it('an update carries the previous values of the changed fields, personal ones left out', () => {
    const after = { ...before, subject: 'Hello Bob Example', customer_id: 'cus_bob', opened: true };
    const [event] = changeEvents(interactionEntity, 'update', [{ id: 'int_1', before, after }]);
    expect(event.type).toBe('interaction.updated');
    expect(event.data?.changed).toEqual(['customer_id', 'opened', 'subject']);
    expect(event.data?.previous).toEqual({ customer_id: 'cus_ann', opened: false });
    expect(event.data?.record).toMatchObject({ customer_id: 'cus_bob', opened: true });
    expect(JSON.stringify(event.data)).not.toMatch(/Ann Example|Bob Example|Dear/);
  });

  it('a field that was empty before is named in previous as null', () => {
    const [event] = changeEvents(interactionEntity, 'update', [{ id: 'int_1', before: { ...before, customer_id: null }, after: before }]);
    expect(event.data?.previous).toEqual({ customer_id: null });
  });

  it('a deletion carries the facts the record had, without personal data', () => {
    const [event] = changeEvents(interactionEntity, 'delete', [{ id: 'int_1', before }]);
    expect(event.type).toBe('interaction.deleted');
    expect(event.data?.record).toEqual({ id: 'int_1', type: 'campaign', customer_id: 'cus_ann', campaign: 'Spring', opened: false, occurred_at: '2026-01-02T10:00:00.000Z' });
  });
});
