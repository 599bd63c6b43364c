import type { Db } from '../core/database.js';
import { redactEvents } from '../core/events.js';
import { contractEntity } from '../schema/entities.js';
import { columnOf, isPersonal } from '../schema/fields.js';

/** The person's contracts, deleted ones included (found through their audit entries). */
async function contractIdsOf(trx: Db, customerIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < customerIds.length; i += 500) {
    ids.push(
      ...(
        await trx
          .selectFrom('contracts')
          .select('id')
          .where('customer_id', 'in', customerIds.slice(i, i + 500))
          .execute()
      ).map((r) => r.id as string),
    );
  }
  for (const c of customerIds) {
    const gone = await trx
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity', '=', 'contracts')
      .where('action', '=', 'delete')
      .where('before_data', 'like', `%"customer_id":"${c}"%`)
      .execute();
    ids.push(...gone.map((r) => r.entity_id as string));
  }
  return ids;
}

/**
 * Erases a person from their contracts: the contracts stay for the accounts (dates, value, status),
 * their personal fields (title, notes, the signed file's name) are emptied, and their audit copies
 * and event data go.
 */
export async function eraseContractsOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const f of contractEntity.fields) if (isPersonal(f) && columnOf(f)) set[columnOf(f)!] = f.required ? 'Erased' : null;
  const ids = await contractIdsOf(trx, customerIds);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await trx.updateTable('contracts').set(set).where('id', 'in', chunk).execute();
    await trx.updateTable('audit_log').set({ before_data: null, after_data: null }).where('entity', '=', 'contracts').where('entity_id', 'in', chunk).execute();
  }
  await redactEvents(trx, 'contract', ids);
}

/** The signed files of the person's contracts are deleted (they carry the person's name and signature). */
export async function eraseContractFilesOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  for (let i = 0; i < customerIds.length; i += 500) {
    const ids = (
      await trx
        .selectFrom('contracts')
        .select('id')
        .where('customer_id', 'in', customerIds.slice(i, i + 500))
        .execute()
    ).map((r) => r.id as string);
    if (ids.length) await trx.deleteFrom('contract_files').where('contract_id', 'in', ids).execute();
  }
  for (let i = 0; i < customerIds.length; i += 500) {
    await trx
      .updateTable('contracts')
      .set({ file_type: null, file_size: null, file_sha256: null })
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .execute();
  }
}
