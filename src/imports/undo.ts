import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { inTransaction } from '../core/context.js';
import { conflict } from '../core/errors.js';
import { interactions, tasks } from '../activities/interactions.js';
import { companies } from '../customers/companies.js';
import { deleteCustomersIn, updateCustomersIn } from '../customers/service.js';
import { deals } from '../deals/service.js';
import { undoMergeIn } from '../duplicates/merge.js';
import type { ApiRecord } from '../records/codec.js';
import { orders } from '../sales/orders.js';
import { products } from '../sales/products.js';
import { customerEntity } from '../schema/entities.js';
import { getBatch, type ImportBatch } from './batches.js';

const readOnlyCustomerFields = new Set([...customerEntity.fields.filter((f) => f.readOnly).map((f) => f.name), 'sources']);

function restorePatch(before: ApiRecord, fields?: ReadonlySet<string>, except?: ReadonlySet<string>): ApiRecord {
  const patch: ApiRecord = {};
  for (const [k, v] of Object.entries(before)) if (k !== 'id' && (!fields || fields.has(k)) && !except?.has(k)) patch[k] = v;
  return patch;
}

/** How far an undo has come: changes reversed of the batch's total, and the seq below which changes remain. */
export interface UndoProgress {
  undone: number;
  total: number;
  below_seq: number | null;
}

export interface UndoOptions {
  /** Changes reversed per transaction: short transactions let the server's own writes in between. */
  chunkSize?: number;
  /** Resumes an undo that stopped part-way: only changes below this seq remain to be reversed. */
  belowSeq?: number | null;
  /** Called inside each chunk's transaction, so that what it records commits with the chunk. */
  onChunk?: (trx: Db, progress: UndoProgress) => Promise<void>;
}

/** The batch, if it can be undone now: 404 for an unknown batch, 409 when it is running or already undone. */
export async function checkUndoable(db: Db, batchId: string): Promise<ImportBatch> {
  const batch = await getBatch(db, batchId);
  if (batch.status === 'undone') throw conflict(`import ${batchId} was already undone`);
  if (batch.status === 'running') throw conflict(`import ${batchId} is still running`);
  await refuseErasedRestore(db, batchId);
  return batch;
}

/**
 * 409 when undoing the batch would bring back a person's erased data: it updated a record whose
 * earlier values the erase removed, or made a merge that the erase sealed.
 */
async function refuseErasedRestore(db: Db, batchId: string): Promise<void> {
  const change = await db.selectFrom('import_changes').select(['entity', 'entity_id']).where('batch_id', '=', batchId).where('action', '=', 'erased').limit(1).executeTakeFirst();
  if (change)
    throw conflict(`import ${batchId} changed ${change.entity} ${change.entity_id}, whose personal data has since been erased; undoing the import would bring it back, so it cannot be undone`);
  const merge = await db
    .selectFrom('import_changes')
    .innerJoin('merges', 'merges.id', 'import_changes.entity_id')
    .select('merges.id')
    .where('import_changes.batch_id', '=', batchId)
    .where('import_changes.action', '=', 'merge')
    .where('merges.erased_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  if (merge) throw conflict(`import ${batchId} made merge ${merge.id}, which held data of a customer since erased; undoing the import would bring it back, so it cannot be undone`);
}

async function deleteCreated(trx: Db, ctx: Ctx, entity: string, ids: string[]) {
  const existing = (await trx.selectFrom(entity).select('id').where('id', 'in', ids).execute()).map((r) => r.id as string);
  if (existing.length === 0) return;
  if (entity === 'customers') await deleteCustomersIn(trx, ctx, existing);
  else if (entity === 'orders') await orders.deleteIn(trx, ctx, existing);
  else if (entity === 'interactions') await interactions.deleteIn(trx, ctx, existing);
  else if (entity === 'tasks') await tasks.deleteIn(trx, ctx, existing);
  else if (entity === 'companies') await companies.deleteIn(trx, ctx, existing);
  else if (entity === 'products') await products.deleteIn(trx, ctx, existing);
  else if (entity === 'deals') await deals.deleteIn(trx, ctx, existing);
}

/**
 * Reverses a batch, newest change first: records it created are deleted, records it changed get
 * their earlier values back, source ids it linked are unlinked and merges it made are undone.
 * Records deleted since are skipped. The changes are reversed in chunks, each in its own transaction
 * (a run of records created one after another is deleted together); the batch is marked undone with
 * the last chunk. An undo that stopped part-way resumes from `belowSeq`.
 */
export async function undoImport(ctx: Ctx, batchId: string, options: UndoOptions = {}): Promise<ImportBatch> {
  await checkUndoable(ctx.database.db, batchId);
  const undoCtx: Ctx = { ...ctx, batchId };
  const chunkSize = options.chunkSize ?? 1000;
  const countBelow = async (seq: number | null) => {
    let q = ctx.database.db
      .selectFrom('import_changes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('batch_id', '=', batchId);
    if (seq !== null) q = q.where('seq', '<', seq);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  let below = options.belowSeq ?? null;
  const total = await countBelow(null);
  let undone = below === null ? 0 : total - (await countBelow(below));
  for (let finished = false; !finished;) {
    finished = await inTransaction(undoCtx, async (trx) => {
      let query = trx.selectFrom('import_changes').selectAll().where('batch_id', '=', batchId);
      if (below !== null) query = query.where('seq', '<', below);
      const changes = await query.orderBy('seq', 'desc').limit(chunkSize).execute();
      const exists = async (table: string, id: string) => !!(await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
      let created: { entity: string; ids: string[] } = { entity: '', ids: [] };
      const flushCreated = async () => {
        if (created.ids.length) await deleteCreated(trx, undoCtx, created.entity, created.ids);
        created = { entity: '', ids: [] };
      };
      for (const change of changes) {
        const id = change.entity_id as string;
        const entity = change.entity as string;
        if (change.action === 'create') {
          if (created.entity !== entity) await flushCreated();
          created.entity = entity;
          created.ids.push(id);
          continue;
        }
        await flushCreated();
        const before = change.before_data ? (JSON.parse(change.before_data as string) as ApiRecord) : null;
        if (change.action === 'merge') {
          await undoMergeIn(trx, undoCtx, id);
        } else if (change.action === 'link') {
          // Links name the record and keep the source id in before_data; SQLite databases may hold older ones encoded as entity\0source\0source_id.
          const [linked, source, sourceId] = before ? [entity, before.source as string, before.source_id as string] : id.split('\u0000');
          await trx.deleteFrom('external_ids').where('entity', '=', linked).where('source', '=', source).where('source_id', '=', sourceId).execute();
        } else if (change.action === 'update' && before) {
          if (!(await exists(entity, id))) continue;
          if (entity === 'customers') await updateCustomersIn(trx, undoCtx, [{ id, patch: restorePatch(before, undefined, readOnlyCustomerFields) }]);
          else if (entity === 'orders') await orders.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before) }]);
          else if (entity === 'companies')
            await companies.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before, new Set(companies.entity.fields.filter((f) => !f.readOnly).map((f) => f.name))) }]);
          else if (entity === 'products') await products.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before, new Set(products.entity.fields.filter((f) => !f.readOnly).map((f) => f.name))) }]);
        }
      }
      await flushCreated();
      undone += changes.length;
      if (changes.length) below = Number(changes[changes.length - 1].seq);
      const last = changes.length < chunkSize;
      if (last) await trx.updateTable('import_batches').set({ status: 'undone', undone_at: new Date().toISOString() }).where('id', '=', batchId).execute();
      await options.onChunk?.(trx, { undone, total, below_seq: below });
      return last;
    });
  }
  return getBatch(ctx.database.db, batchId);
}
