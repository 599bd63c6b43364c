import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { writeAudit } from '../audit/audit.js';
import { appendEvents } from '../core/events.js';
import { fieldsOf } from '../fields/custom-fields.js';
import { customerEntity } from '../schema/entities.js';
import { columnOf, type FieldDef, type PhoneEntry } from '../schema/fields.js';
import { rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { toRecords, updateCustomersIn, writeKeys } from '../customers/service.js';

export interface FieldConflict {
  field: string;
  kept: unknown;
  discarded: unknown;
  from: string;
}

interface MergeSnapshot {
  winner: Row;
  losers: Row[];
  keys: Row[];
  externalIds: Row[];
  moved: { table: string; id: string; customer_id: string }[];
  candidates: string[];
}

// Records that belong to a customer through customer_id: they follow the merge (and its undo).
const childTables = ['orders', 'interactions', 'tasks', 'deals'] as const;
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || (typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase());

/**
 * The winner's values, with gaps filled from the losers (in order) and lists united.
 * Where both hold a different value the winner's stays, and the loser's is reported.
 */
export function mergeValues(fields: FieldDef[], winner: ApiRecord, losers: ApiRecord[]): { patch: ApiRecord; conflicts: FieldConflict[] } {
  const patch: ApiRecord = {};
  const conflicts: FieldConflict[] = [];
  const merged: ApiRecord = { ...winner };
  for (const field of fields) {
    if (field.readOnly || columnOf(field) === null || field.name === 'company_id') continue;
    for (const loser of losers) {
      const theirs = loser[field.name];
      if (isEmpty(theirs)) continue;
      const ours = merged[field.name];
      if (field.type === 'string_list') {
        const union = [...((ours as string[]) ?? [])];
        for (const v of theirs as string[]) if (!union.some((u) => same(u, v))) union.push(v);
        if (union.length !== ((ours as string[]) ?? []).length) merged[field.name] = patch[field.name] = union;
      } else if (field.type === 'phone_list') {
        const union = [...((ours as PhoneEntry[]) ?? [])];
        for (const p of theirs as PhoneEntry[]) if (!union.some((u) => (u.e164 ?? u.raw) === (p.e164 ?? p.raw))) union.push(p);
        if (union.length !== ((ours as PhoneEntry[]) ?? []).length) merged[field.name] = patch[field.name] = union;
      } else if (isEmpty(ours)) {
        merged[field.name] = patch[field.name] = theirs;
      } else if (!same(ours, theirs)) {
        conflicts.push({ field: field.name, kept: ours, discarded: theirs, from: loser.id as string });
      }
    }
  }
  // The loser's primary email and phone survive in the lists even when the winner keeps its own.
  if (patch.emails && !patch.email) patch.email = merged.email ?? null;
  if (patch.phones && !patch.phone) patch.phone = merged.phone ?? null;
  return { patch, conflicts };
}

/**
 * Merges losers into the winner in one transaction: orders, interactions, tasks, source ids and
 * contact keys move to the winner, empty fields are filled, conflicts are recorded, and a
 * snapshot is kept so that the merge can be undone.
 */
export async function mergeCustomersIn(trx: Db, ctx: Ctx, winnerId: string, loserIds: string[]): Promise<{ merge_id: string; winner: ApiRecord; conflicts: FieldConflict[] }> {
  const losersList = [...new Set(loserIds)].filter((id) => id !== winnerId);
  if (losersList.length === 0) throw invalid('name at least one other customer to merge', { loser_ids: ['must name another customer'] });
  const fields = await fieldsOf(trx, customerEntity);
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', [winnerId, ...losersList])
    .execute();
  const byId = new Map(rows.map((r) => [r.id as string, r as Row]));
  for (const id of [winnerId, ...losersList]) if (!byId.has(id)) throw notFound('customer', id);
  const [winnerRecord, ...loserRecords] = await toRecords(
    trx,
    fields,
    [winnerId, ...losersList].map((id) => byId.get(id)!),
  );

  const snapshot: MergeSnapshot = {
    winner: byId.get(winnerId)!,
    losers: losersList.map((id) => byId.get(id)!),
    keys: await trx.selectFrom('customer_keys').selectAll().where('customer_id', 'in', losersList).execute(),
    externalIds: await trx.selectFrom('external_ids').selectAll().where('entity', '=', 'customers').where('entity_id', 'in', losersList).execute(),
    moved: [],
    candidates: [],
  };
  for (const table of childTables) {
    const children = await trx.selectFrom(table).select(['id', 'customer_id']).where('customer_id', 'in', losersList).execute();
    for (const c of children) snapshot.moved.push({ table, id: c.id as string, customer_id: c.customer_id as string });
    await trx.updateTable(table).set({ customer_id: winnerId }).where('customer_id', 'in', losersList).execute();
  }
  const candidates = await trx
    .selectFrom('duplicate_candidates')
    .select('id')
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('customer_a', 'in', losersList), eb('customer_b', 'in', losersList)]))
    .execute();
  snapshot.candidates = candidates.map((c) => c.id as string);
  if (snapshot.candidates.length) await trx.updateTable('duplicate_candidates').set({ status: 'merged', resolved_at: new Date().toISOString() }).where('id', 'in', snapshot.candidates).execute();
  await trx.updateTable('external_ids').set({ entity_id: winnerId }).where('entity', '=', 'customers').where('entity_id', 'in', losersList).execute();
  await trx.deleteFrom('customers').where('id', 'in', losersList).execute();

  const { patch, conflicts } = mergeValues(fields, winnerRecord, loserRecords);
  const [winner] = Object.keys(patch).length ? await updateCustomersIn(trx, ctx, [{ id: winnerId, patch }]) : [winnerRecord];

  const mergeId = newId('merge');
  await trx
    .insertInto('merges')
    .values({
      id: mergeId,
      winner_id: winnerId,
      loser_ids: JSON.stringify(losersList),
      snapshot: JSON.stringify(snapshot),
      conflicts: JSON.stringify(conflicts),
      actor: ctx.actor,
      batch_id: ctx.batchId ?? null,
      created_at: new Date().toISOString(),
      undone_at: null,
    })
    .execute();
  await writeAudit(trx, [
    { actor: ctx.actor, action: 'merge', entity: 'customers', entityId: winnerId, before: { merged: loserRecords }, after: { merge_id: mergeId, conflicts }, batchId: ctx.batchId },
    ...loserRecords.map((l) => ({
      actor: ctx.actor,
      action: 'merge' as const,
      entity: 'customers',
      entityId: l.id as string,
      before: l,
      after: { merged_into: winnerId, merge_id: mergeId },
      batchId: ctx.batchId,
    })),
  ]);
  await appendEvents(trx, ctx.actor, [{ type: 'customer.merged', entity: 'customer', entityId: winnerId, data: { merge_id: mergeId, merged_ids: losersList } }]);
  const fresh = await trx.selectFrom('customers').selectAll().where('id', '=', winnerId).executeTakeFirstOrThrow();
  return { merge_id: mergeId, winner: (await toRecords(trx, fields, [fresh]))[0] ?? winner, conflicts };
}

export const mergeCustomers = (ctx: Ctx, winnerId: string, loserIds: string[]) => inTransaction(ctx, (trx) => mergeCustomersIn(trx, ctx, winnerId, loserIds));

/** Puts the merged customers back as they were, with their own orders, interactions and tasks. */
export async function undoMergeIn(trx: Db, ctx: Ctx, mergeId: string): Promise<void> {
  const merge = await trx.selectFrom('merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
  if (!merge) throw notFound('merge', mergeId);
  if (merge.undone_at) throw conflict(`merge ${mergeId} was already undone`);
  if (merge.erased_at)
    throw conflict(`merge ${mergeId} held data of a customer whose personal data was erased on ${String(merge.erased_at).slice(0, 10)}; undoing it would bring that data back, so it cannot be undone`);
  const snapshot = JSON.parse(merge.snapshot as string) as MergeSnapshot;
  const fields = await fieldsOf(trx, customerEntity);
  const strip = (row: Row) => {
    const { seq: _seq, search_vector: _vector, ...rest } = row;
    return rest;
  };
  for (const loser of snapshot.losers) {
    const taken = loser.email_key
      ? await trx
          .selectFrom('customers')
          .select('id')
          .where('email_key', '=', loser.email_key as string)
          .executeTakeFirst()
      : undefined;
    if (taken)
      await trx
        .updateTable('customers')
        .set({ email_key: null })
        .where('id', '=', taken.id as string)
        .execute();
    await trx.insertInto('customers').values(strip(loser)).execute();
  }
  await trx
    .updateTable('customers')
    .set(strip(snapshot.winner))
    .where('id', '=', snapshot.winner.id as string)
    .execute();
  for (const row of [snapshot.winner, ...snapshot.losers]) await writeKeys(trx, row.id as string, rowToRecord(fields, row), true);
  for (const ext of snapshot.externalIds) {
    await trx
      .updateTable('external_ids')
      .set({ entity_id: ext.entity_id })
      .where('entity', '=', 'customers')
      .where('source', '=', ext.source as string)
      .where('source_id', '=', ext.source_id as string)
      .execute();
  }
  for (const m of snapshot.moved) await trx.updateTable(m.table).set({ customer_id: m.customer_id }).where('id', '=', m.id).execute();
  if (snapshot.candidates.length) await trx.updateTable('duplicate_candidates').set({ status: 'open', resolved_at: null }).where('id', 'in', snapshot.candidates).execute();
  const ids = [snapshot.winner.id as string, ...snapshot.losers.map((l) => l.id as string)];
  await trx.updateTable('merges').set({ undone_at: new Date().toISOString() }).where('id', '=', mergeId).execute();
  await writeAudit(
    trx,
    ids.map((id) => ({ actor: ctx.actor, action: 'restore' as const, entity: 'customers', entityId: id, after: { undo_merge: mergeId }, batchId: ctx.batchId })),
  );
  await appendEvents(trx, ctx.actor, [
    { type: 'customer.merge_undone', entity: 'customer', entityId: snapshot.winner.id as string, data: { merge_id: mergeId, restored_ids: snapshot.losers.map((l) => l.id as string) } },
  ]);
}

export const undoMerge = (ctx: Ctx, mergeId: string) => inTransaction(ctx, (trx) => undoMergeIn(trx, ctx, mergeId));
