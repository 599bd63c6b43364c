import type { Ctx } from '../core/context.js';
import { readRows } from '../core/database.js';
import { interactions, tasks } from '../activities/interactions.js';
import { companies } from '../customers/companies.js';
import { getCustomer } from '../customers/service.js';
import { exportMail } from '../mail/export.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { orders } from '../sales/orders.js';
import { contracts } from '../contracts/service.js';
import { deals } from '../deals/service.js';
import { quotes } from '../quotes/service.js';
import { customerEntity } from '../schema/entities.js';
import { dataTables } from '../schema/personal-data.js';
import { exportLoyalty } from '../loyalty/export.js';
import { exportFlows } from '../flows/export.js';
import { submissionsOf } from '../forms/submissions.js';
import { mergedAway } from './merged-records.js';
import { exportTickets } from '../tickets/export.js';
import { exportSms } from '../sms/service.js';
import { exportFeedback } from '../surveys/erase.js';
import { exportChats } from '../chat/erase.js';

/** The registry's tables whose rows belong to a customer through customer_id (orders, interactions, tasks). */
type ChildTable = { [T in keyof typeof dataTables]: (typeof dataTables)[T] extends { holds: 'personal'; entity: infer E } ? (E extends 'customers' ? never : T) : never }[keyof typeof dataTables];

interface Lister {
  list: typeof orders.list;
}

/** Each such table's service: a table the registry adds with an entity needs its line here to compile. */
const childServices: Record<ChildTable, Lister> = { orders, interactions, tasks, deals, quotes, contracts };

const parseJson = (text: unknown): unknown => {
  try {
    return typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

/**
 * Everything Rapport holds about a person, for a data-subject access request (GDPR art. 15): the
 * record with every personal field of the registry (custom fields and source ids included), their
 * orders, interactions and tasks, the records merged into them as they were before the merge, and
 * the change history with the values before and after each change.
 */
export async function exportCustomer(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const customer = await getCustomer(ctx, id);
  const all = async (service: Lister) => {
    const out: ApiRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list(ctx, { filter: { field: 'customer_id', op: 'eq', value: id }, limit: 500, cursor });
      out.push(...page.data);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  };
  const related: Record<string, ApiRecord[]> = {};
  for (const [table, service] of Object.entries(childServices)) related[table] = await all(service);

  const ids = await mergedAway(db, id);
  const fields = await fieldsOf(db, customerEntity);
  const merged: ApiRecord[] = [];
  const merges = await readRows(db, db.selectFrom('merges').select(['id', 'created_at', 'snapshot']).where('winner_id', 'in', ids).where('undone_at', 'is', null).orderBy('created_at'));
  for (const m of merges) {
    const snapshot = parseJson(m.snapshot) as { losers?: Row[] } | null;
    for (const loser of snapshot?.losers ?? []) merged.push({ ...rowToRecord(fields, loser), merge_id: m.id, merged_at: m.created_at });
  }
  const history = await readRows(
    db,
    db.selectFrom('audit_log').select(['at', 'actor', 'action', 'entity_id', 'before_data', 'after_data']).where('entity', '=', 'customers').where('entity_id', 'in', ids).orderBy('at').orderBy('id'),
  );
  return {
    exported_at: new Date().toISOString(),
    customer,
    company: customer.company_id ? await companies.get(ctx, customer.company_id as string) : null,
    mail: await exportMail(
      db,
      id,
      [customer.email, ...((customer.emails as string[] | null) ?? [])].filter((e): e is string => typeof e === 'string'),
    ),
    orders: related.orders,
    interactions: related.interactions,
    tasks: related.tasks,
    deals: related.deals,
    quotes: related.quotes,
    contracts: related.contracts,
    loyalty: await exportLoyalty(db, id),
    flows: await exportFlows(db, ids),
    form_submissions: await submissionsOf(db, ids),
    tickets: await exportTickets(db, ids),
    sms: await exportSms(db, ids),
    feedback: await exportFeedback(db, ids),
    chats: await exportChats(
      db,
      ids,
      [customer.email, ...((customer.emails as string[] | null) ?? [])].filter((e): e is string => typeof e === 'string'),
    ),
    merged_records: merged,
    change_history: history.map((h) => ({ at: h.at, actor: h.actor, action: h.action, record_id: h.entity_id, before: parseJson(h.before_data), after: parseJson(h.after_data) })),
  };
}
