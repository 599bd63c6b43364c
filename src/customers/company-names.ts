/**
 * Customers carry their company's name (shown in lists, part of their search words). A company
 * renamed through any write path emits company.updated; this subscriber brings its customers' copy
 * of the name, and their search text, in step in the same transaction.
 */
import type { Subscription } from '../core/events.js';
import { rowToRecord } from '../records/codec.js';
import { customerEntity } from '../schema/entities.js';
import { customerSearchText } from './values.js';

/** The customer fields the search text is made of. */
const searchFields = new Set(['first_name', 'last_name', 'emails', 'phones', 'notes']);

export const companyNameSubscription: Subscription = {
  types: ['company.updated'],
  handle: async (trx, events) => {
    const renamed = new Map<string, string>();
    for (const e of events) {
      const name = (e.data?.record as { name?: unknown } | undefined)?.name;
      if (Array.isArray(e.data?.changed) && e.data.changed.includes('name') && typeof name === 'string') renamed.set(e.entity_id, name);
    }
    for (const [companyId, name] of renamed) {
      const rows = await trx
        .selectFrom('customers')
        .select(['id', ...searchFields])
        .where('company_id', '=', companyId)
        .execute();
      for (const row of rows) {
        const record = { ...rowToRecord(customerEntity.fields, row, searchFields), company: name };
        await trx
          .updateTable('customers')
          .set({ company: name, search_text: customerSearchText(record) })
          .where('id', '=', row.id as string)
          .execute();
      }
    }
  },
};
