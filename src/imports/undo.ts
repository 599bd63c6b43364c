import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { conflict } from '../core/errors.js';
import { interactions, tasks } from '../activities/interactions.js';
import { companies } from '../customers/companies.js';
import { deleteCustomersIn, updateCustomersIn } from '../customers/service.js';
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

/**
 * Reverses a batch, newest change first: records it created are deleted, records it changed get
 * their earlier values back, source ids it linked are unlinked and merges it made are undone.
 * Records deleted since are skipped. All in one transaction.
 */
export async function undoImport(ctx: Ctx, batchId: string): Promise<ImportBatch> {
  const batch = await getBatch(ctx.database.db, batchId);
  if (batch.status === 'undone') throw conflict(`import ${batchId} was already undone`);
  if (batch.status === 'running') throw conflict(`import ${batchId} is still running`);
  const undoCtx: Ctx = { ...ctx, batchId };
  await inTransaction(undoCtx, async (trx) => {
    const changes = await trx.selectFrom('import_changes').selectAll().where('batch_id', '=', batchId).orderBy('seq', 'desc').execute();
    const exists = async (table: string, id: string) => !!(await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
    for (const change of changes) {
      const id = change.entity_id as string;
      const entity = change.entity as string;
      const before = change.before_data ? (JSON.parse(change.before_data as string) as ApiRecord) : null;
      if (change.action === 'merge') {
        await undoMergeIn(trx, undoCtx, id);
      } else if (change.action === 'link') {
        const [linked, source, sourceId] = id.split('\u0000');
        await trx.deleteFrom('external_ids').where('entity', '=', linked).where('source', '=', source).where('source_id', '=', sourceId).execute();
      } else if (change.action === 'create') {
        if (!(await exists(entity, id))) continue;
        if (entity === 'customers') await deleteCustomersIn(trx, undoCtx, [id]);
        else if (entity === 'orders') await orders.deleteIn(trx, undoCtx, [id]);
        else if (entity === 'interactions') await interactions.deleteIn(trx, undoCtx, [id]);
        else if (entity === 'tasks') await tasks.deleteIn(trx, undoCtx, [id]);
        else if (entity === 'companies') await companies.deleteIn(trx, undoCtx, [id]);
        else if (entity === 'products') await products.deleteIn(trx, undoCtx, [id]);
      } else if (change.action === 'update' && before) {
        if (!(await exists(entity, id))) continue;
        if (entity === 'customers') await updateCustomersIn(trx, undoCtx, [{ id, patch: restorePatch(before, undefined, readOnlyCustomerFields) }]);
        else if (entity === 'orders') await orders.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before) }]);
        else if (entity === 'companies') await companies.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before, new Set(companies.entity.fields.filter((f) => !f.readOnly).map((f) => f.name))) }]);
        else if (entity === 'products') await products.updateIn(trx, undoCtx, [{ id, patch: restorePatch(before, new Set(products.entity.fields.filter((f) => !f.readOnly).map((f) => f.name))) }]);
      }
    }
    await trx.updateTable('import_batches').set({ status: 'undone', undone_at: new Date().toISOString() }).where('id', '=', batchId).execute();
  });
  return getBatch(ctx.database.db, batchId);
}
