import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db, DialectName } from '../core/database.js';
import { traitsOf } from '../core/dialect.js';
import { appendEvents, redactEvents } from '../core/events.js';
import { notFound } from '../core/errors.js';
import { purgeDeletedData, type PurgeResult } from '../core/purge.js';
import { writeAudit } from '../audit/audit.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { toRecords } from '../customers/service.js';
import { entities, customerEntity, type EntityName } from '../schema/entities.js';
import { columnOf, isList, isPersonal, type FieldDef } from '../schema/fields.js';
import { personalTables, type PersonalTable } from '../schema/personal-data.js';
import { eraseMessagesOf, eraseSuppressionsOf } from '../mail/erase.js';
import { addressHash } from '../mail/suppressions.js';
import { eraseBouncesOf } from '../mail/bounce-inbound.js';
import { eraseSmsOf } from '../sms/service.js';
import { mergedAway, mergeLoserIds } from './merged-records.js';
import { eraseDealsOf } from '../deals/erase.js';
import { eraseContractFilesOf, eraseContractsOf } from '../contracts/erase.js';
import { eraseQuoteActivityOf, eraseQuotesOf } from '../quotes/erase.js';
import { eraseSurveyResponsesOf } from '../surveys/erase.js';
import { eraseChatConversationsOf, eraseChatMessagesOf } from '../chat/erase.js';
import { eraseInboundMailOf, eraseTicketAttachmentsOf, eraseTicketMessagesOf, eraseTicketsOf } from '../tickets/erase.js';
import { addRecordValues, emptyPersonValues, namesPerson, redactValue, type PersonValues } from './personal-values.js';

/** Everything an erase needs to know about the person, read before anything is changed. */
interface Subject {
  id: string;
  /** The person and every record merged into them (and into those), for good. */
  customerIds: string[];
  /** Their orders, interactions and tasks. */
  childIds: Record<'orders' | 'interactions' | 'tasks', string[]>;
  /** Merges whose snapshot holds one of customerIds, as winner or as a merged record. */
  merges: { id: string; winnerId: string; loserIds: string[] }[];
  /** Customers outside customerIds whose history passed through such a merge. */
  others: string[];
  externalIds: { source: string; source_id: string }[];
  values: PersonValues;
  customerFields: FieldDef[];
  dialect: DialectName;
}

/** How many copies an erase removed outside the customer's own rows (no personal data). */
export interface ErasureReport {
  customer_id: string;
  merged_records: number;
  merges_sealed: number;
  import_changes_sealed: number;
  import_rejects_cleared: number;
  storage: PurgeResult;
}

type Step = (trx: Db, subject: Subject, counts: Partial<ErasureReport>) => Promise<void>;

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
const parse = (text: unknown): unknown => {
  try {
    return typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};
const childEntities = ['orders', 'interactions', 'tasks'] as const;
/** Event entity names are singular (customer.created). */
const eventEntity: Record<'customers' | (typeof childEntities)[number], string> = { customers: 'customer', orders: 'order', interactions: 'interaction', tasks: 'task' };
const erasedMark = 'erased';

/** The value a personal column is left with: empty, or a placeholder where the column cannot be empty. */
function erasedColumns(fields: FieldDef[]): Row {
  const out: Row = {};
  for (const f of fields) {
    const column = columnOf(f);
    if (!isPersonal(f) || column === null) continue;
    out[column] = isList(f) ? '[]' : f.required ? 'Erased' : null;
  }
  return out;
}

async function readSubject(trx: Db, dialect: DialectName, id: string): Promise<Subject> {
  const customerFields = await fieldsOf(trx, customerEntity);
  const row = await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('customer', id);
  const customerIds = await mergedAway(trx, id);
  const inSubject = new Set(customerIds);
  const values = emptyPersonValues();
  for (const record of await toRecords(trx, customerFields, [row])) addRecordValues(values, customerFields, record);

  const mergeRows = await trx
    .selectFrom('merges')
    .select(['id', 'winner_id', 'loser_ids', 'snapshot'])
    .where((eb) => eb.or([eb('winner_id', 'in', customerIds), ...customerIds.map((c) => eb('loser_ids', 'like', `%"${c}"%`))]))
    .execute();
  const merges: Subject['merges'] = [];
  const others = new Set<string>();
  for (const m of mergeRows) {
    const loserIds = mergeLoserIds(m.loser_ids);
    merges.push({ id: m.id as string, winnerId: m.winner_id as string, loserIds });
    for (const c of [m.winner_id as string, ...loserIds]) if (!inSubject.has(c)) others.add(c);
    const snapshot = parse(m.snapshot) as { winner?: Row; losers?: Row[] } | null;
    for (const r of [snapshot?.winner, ...(snapshot?.losers ?? [])]) if (r && inSubject.has(r.id as string)) addRecordValues(values, customerFields, rowToRecord(customerFields, r));
  }
  // Earlier versions of the record: what imports replaced and what the audit log kept.
  for (const ids of chunks(customerIds)) {
    const changes = await trx.selectFrom('import_changes').select('before_data').where('entity', '=', 'customers').where('entity_id', 'in', ids).where('before_data', 'is not', null).execute();
    for (const c of changes) addRecordValues(values, customerFields, (parse(c.before_data) as ApiRecord | null) ?? {});
    const audit = await trx
      .selectFrom('audit_log')
      .select(['before_data', 'after_data'])
      .where('entity', '=', 'customers')
      .where('entity_id', 'in', ids)
      .where('action', 'in', ['create', 'update', 'delete'])
      .execute();
    for (const a of audit) for (const doc of [a.before_data, a.after_data]) addRecordValues(values, customerFields, (parse(doc) as ApiRecord | null) ?? {});
  }
  const childIds = { orders: [] as string[], interactions: [] as string[], tasks: [] as string[] };
  for (const table of childEntities) {
    for (const ids of chunks(customerIds)) childIds[table].push(...(await trx.selectFrom(table).select('id').where('customer_id', 'in', ids).execute()).map((r) => r.id as string));
    // Deleted ones too: their audit entries, import changes and events still hold copies.
    for (const c of customerIds) {
      const gone = await trx.selectFrom('audit_log').select('entity_id').where('entity', '=', table).where('action', '=', 'delete').where('before_data', 'like', `%"customer_id":"${c}"%`).execute();
      childIds[table].push(...gone.map((r) => r.entity_id as string));
    }
  }
  const externalIds: Subject['externalIds'] = [];
  for (const ids of chunks(customerIds)) {
    externalIds.push(...((await trx.selectFrom('external_ids').select(['source', 'source_id']).where('entity', '=', 'customers').where('entity_id', 'in', ids).execute()) as Subject['externalIds']));
  }
  return { id, customerIds, childIds, merges, others: [...others], externalIds, values, customerFields, dialect };
}

const deleteByCustomer =
  (table: string, column = 'customer_id'): Step =>
  async (trx, s) => {
    for (const ids of chunks(s.customerIds)) await trx.deleteFrom(table).where(column, 'in', ids).execute();
  };

/** Clears the personal fields of an entity's rows. */
async function clearPersonal(trx: Db, table: string, fields: FieldDef[], ids: string[], extra: Row = {}) {
  const set = { ...erasedColumns(fields), ...extra };
  for (const chunk of chunks(ids)) if (chunk.length) await trx.updateTable(table).set(set).where('id', 'in', chunk).execute();
}

const clearChildren =
  (entity: EntityName & (typeof childEntities)[number]): Step =>
  async (trx, s) =>
    clearPersonal(trx, entities[entity].table, entities[entity].fields, s.childIds[entity]);

/** Audit entries: copies go from the person's own entries; other customers' entries of a shared merge lose the person's values. */
async function eraseAudit(trx: Db, s: Subject) {
  const own = [...s.customerIds, ...s.childIds.orders, ...s.childIds.interactions, ...s.childIds.tasks];
  for (const ids of chunks(own)) await trx.updateTable('audit_log').set({ before_data: null, after_data: null }).where('entity_id', 'in', ids).execute();
  const inSubject = new Set(s.customerIds);
  for (const ids of chunks(s.others)) {
    const rows = await trx.selectFrom('audit_log').select(['id', 'before_data', 'after_data']).where('entity_id', 'in', ids).execute();
    for (const r of rows) {
      const redact = (doc: unknown) => (doc === null || doc === undefined ? null : JSON.stringify(redactValue(parse(doc), s.values, inSubject)));
      const before = redact(r.before_data);
      const after = redact(r.after_data);
      if (before !== r.before_data || after !== r.after_data)
        await trx
          .updateTable('audit_log')
          .set({ before_data: before, after_data: after })
          .where('id', '=', r.id as string)
          .execute();
    }
  }
}

/**
 * One step per table that holds personal data (the registry in src/schema/personal-data.ts): the
 * type makes a table marked personal there fail to compile until it has its step here.
 */
const steps: Record<PersonalTable, Step> = {
  customers: async (trx, s) => {
    const now = new Date().toISOString();
    await clearPersonal(trx, 'customers', s.customerFields, [s.id], { email_key: null, search_text: '', erased_at: now, updated_at: now });
  },
  // Emptied by the customers step: its triggers delete the row's words, with FTS5 secure-delete on.
  customers_fts: async () => {},
  customers_fts_data: async () => {},
  customers_fts_idx: async () => {},
  customer_keys: deleteByCustomer('customer_keys'),
  messages: (trx, s) => eraseMessagesOf(trx, s.customerIds, [...s.values.emails]),
  suppressions: (trx, s) => eraseSuppressionsOf(trx, s.customerIds, [...s.values.emails].map(addressHash)),
  mail_bounces: (trx, s) => eraseBouncesOf(trx, s.customerIds, [...s.values.emails]),
  // One step erases the three SMS tables (texts, inbound texts, opt-out links).
  sms_messages: (trx, s) => eraseSmsOf(trx, s.customerIds, [...s.values.phoneDigits]),
  sms_inbound: async () => {},
  sms_opt_outs: async () => {},
  customer_match_keys: deleteByCustomer('customer_match_keys'),
  customer_match_profiles: deleteByCustomer('customer_match_profiles'),
  form_submissions: deleteByCustomer('form_submissions'),
  duplicate_candidates: async (trx, s) => {
    for (const ids of chunks(s.customerIds))
      await trx
        .deleteFrom('duplicate_candidates')
        .where((eb) => eb.or([eb('customer_a', 'in', ids), eb('customer_b', 'in', ids)]))
        .execute();
  },
  external_ids: async (trx, s) => {
    for (const ids of chunks(s.customerIds)) await trx.deleteFrom('external_ids').where('entity', '=', 'customers').where('entity_id', 'in', ids).execute();
  },
  orders: clearChildren('orders'),
  interactions: clearChildren('interactions'),
  tasks: clearChildren('tasks'),
  audit_log: eraseAudit,
  merges: async (trx, s, counts) => {
    const now = new Date().toISOString();
    for (const m of s.merges)
      await trx
        .updateTable('merges')
        .set({ snapshot: JSON.stringify({ erased: true }), conflicts: '[]', erased_at: now })
        .where('id', '=', m.id)
        .execute();
    counts.merges_sealed = s.merges.length;
  },
  import_changes: async (trx, s, counts) => {
    const own = [...s.customerIds, ...s.childIds.orders, ...s.childIds.interactions, ...s.childIds.tasks];
    let sealed = 0;
    for (const ids of chunks(own)) {
      // Undoing a link only removes a source id, and the erase removed those already.
      await trx.deleteFrom('import_changes').where('action', '=', 'link').where('entity_id', 'in', ids).execute();
      const result = await trx.updateTable('import_changes').set({ before_data: null, action: erasedMark }).where('entity_id', 'in', ids).where('before_data', 'is not', null).executeTakeFirst();
      sealed += Number(result.numUpdatedRows ?? 0);
    }
    // Links written before they named the record: `customers\0source\0source_id` (only SQLite could store them).
    if (traitsOf(s.dialect).nulInText)
      for (const ids of chunks(s.externalIds.map((e) => `customers\u0000${e.source}\u0000${e.source_id}`)))
        await trx.deleteFrom('import_changes').where('action', '=', 'link').where('entity_id', 'in', ids).execute();
    counts.import_changes_sealed = sealed;
  },
  import_rejects: async (trx, s, counts) => {
    let cleared = 0;
    let after: { batch: string; row: number } | null = null;
    // Rejected rows carry no customer id: each is read (a page at a time) and checked for the person's values.
    for (;;) {
      let query = trx.selectFrom('import_rejects').select(['batch_id', 'row_number', 'raw', 'reason']).where('raw', 'is not', null).orderBy('batch_id').orderBy('row_number').limit(1000);
      if (after) {
        const { batch, row } = after;
        query = query.where((eb) => eb.or([eb('batch_id', '>', batch), eb.and([eb('batch_id', '=', batch), eb('row_number', '>', row)])]));
      }
      const rows = await query.execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        if (!namesPerson(s.values, `${r.raw} ${r.reason}`)) continue;
        await trx
          .updateTable('import_rejects')
          .set({ raw: null, column_name: null, reason: 'erased: the row named a person whose data was erased' })
          .where('batch_id', '=', r.batch_id as string)
          .where('row_number', '=', Number(r.row_number))
          .execute();
        cleared++;
      }
      const last = rows[rows.length - 1];
      after = { batch: last.batch_id as string, row: Number(last.row_number) };
    }
    counts.import_rejects_cleared = cleared;
  },
  events: async (trx, s) => {
    await redactEvents(trx, eventEntity.customers, s.customerIds);
    for (const entity of childEntities) await redactEvents(trx, eventEntity[entity], s.childIds[entity]);
  },
  jobs: async (trx, s) => {
    for (const id of s.customerIds) {
      await trx
        .updateTable('jobs')
        .set({ payload: JSON.stringify({ erased: true }), progress: null, result: null })
        .where('status', 'not in', ['queued', 'running'])
        .where((eb) => eb.or([eb('payload', 'like', `%${id}%`), eb('result', 'like', `%${id}%`), eb('progress', 'like', `%${id}%`)]))
        .execute();
    }
  },
  webhook_deliveries: async (trx, s) => {
    const own = [...s.customerIds, ...s.childIds.orders, ...s.childIds.interactions, ...s.childIds.tasks];
    for (const ids of chunks(own)) {
      // Only sequenced events are delivered, and the position indexes hold just those.
      const events = (await trx.selectFrom('events').select('id').where('entity_id', 'in', ids).where('position', 'is not', null).execute()).map((e) => e.id as string);
      for (const chunk of chunks(events)) await trx.updateTable('webhook_deliveries').set({ last_response: null }).where('event_id', 'in', chunk).execute();
    }
  },
  deals: (trx, s) => eraseDealsOf(trx, s.customerIds),
  contract_files: (trx, s) => eraseContractFilesOf(trx, s.customerIds),
  contracts: (trx, s) => eraseContractsOf(trx, s.customerIds),
  quotes: (trx, s) => eraseQuotesOf(trx, s.customerIds),
  quote_activity: (trx, s) => eraseQuoteActivityOf(trx, s.customerIds),
  loyalty_entries: async (trx, s) => {
    for (const ids of chunks(s.customerIds)) await trx.updateTable('loyalty_entries').set({ reason: null }).where('customer_id', 'in', ids).execute();
  },
  referral_codes: deleteByCustomer('referral_codes'),
  loyalty_pages: deleteByCustomer('loyalty_pages'),
  loyalty_merges: async (trx, s) => {
    for (const ids of chunks(s.customerIds))
      await trx
        .deleteFrom('loyalty_merges')
        .where((eb) => eb.or([eb('customer_id', 'in', ids), eb('winner_id', 'in', ids)]))
        .execute();
  },
  survey_responses: (trx, s) => eraseSurveyResponsesOf(trx, s.customerIds),
  // Messages first: they are found through the conversations' addresses, which the next step empties.
  chat_messages: (trx, s) => eraseChatMessagesOf(trx, s.customerIds, [...s.values.emails]),
  chat_conversations: (trx, s) => eraseChatConversationsOf(trx, s.customerIds, [...s.values.emails]),
  tickets: (trx, s) => eraseTicketsOf(trx, s.customerIds),
  ticket_messages: (trx, s) => eraseTicketMessagesOf(trx, s.customerIds),
  ticket_attachments: (trx, s) => eraseTicketAttachmentsOf(trx, s.customerIds),
  inbound_mail: (trx, s) => eraseInboundMailOf(trx, s.customerIds, [...s.values.emails]),
  report_cache: async (trx) => {
    await trx.deleteFrom('report_cache').execute();
  },
};

/**
 * Erases a person (GDPR art. 17) in one transaction: every table the registry marks as holding
 * personal data gives up its copies (see `dataTables` for what each keeps). The customer row stays,
 * marked `erased_at`, so that their orders keep counting in the business's revenue. Merges and
 * imports that held the person's earlier values can no longer be undone. Afterwards the engine is
 * asked to drop old copies from its files (src/core/purge.ts).
 */
export async function eraseCustomer(ctx: Ctx, id: string): Promise<ErasureReport> {
  const summary = await inTransaction(ctx, async (trx) => {
    const s = await readSubject(trx, ctx.database.dialect, id);
    const counts: Partial<ErasureReport> = {};
    for (const table of personalTables) await steps[table](trx, s, counts);
    const done = {
      merged_records: s.customerIds.length - 1,
      merges_sealed: counts.merges_sealed ?? 0,
      import_changes_sealed: counts.import_changes_sealed ?? 0,
      import_rejects_cleared: counts.import_rejects_cleared ?? 0,
    };
    await writeAudit(trx, [{ actor: ctx.actor, action: 'erase', entity: 'customers', entityId: id, after: done, batchId: ctx.batchId }]);
    await appendEvents(trx, ctx.actor, [{ type: 'customer.erased', entity: eventEntity.customers, entityId: id }]);
    return done;
  });
  const storage = await purgeDeletedData(
    ctx.database,
    personalTables.filter((t) => !t.startsWith('customers_fts')),
  );
  return { customer_id: id, ...summary, storage };
}
