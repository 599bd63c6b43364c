/**
 * Contracts: the registry entity's write pipe with its rules (links exist, the end is not before the
 * start, defaults for status, notice and currency), the signed file stored beside the row, and
 * writes of the columns only Rapport sets (file, renewal bookkeeping) with their audit and events.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { invalid, notFound } from '../core/errors.js';
import { recordChanges } from '../records/changes.js';
import { rowToRecord, type ApiRecord } from '../records/codec.js';
import { entityService } from '../records/entity-service.js';
import { contractEntity } from '../schema/entities.js';
import { currencyCode, getBusinessSettings } from '../settings/business.js';

export const defaultNoticeDays = 30;
const maxNoticeDays = 3650;
/** The signed file's size limit: a scanned contract fits, a video does not. */
export const maxContractFileBytes = 8 * 1024 * 1024;

const links = [
  ['customer_id', 'customers', 'customer'],
  ['deal_id', 'deals', 'deal'],
  ['quote_id', 'quotes', 'quote'],
] as const;

export const contracts = entityService(contractEntity, {
  async prepare(trx, _ctx, record, existing) {
    for (const [field, table, label] of links) {
      const id = record[field] as string | null | undefined;
      if (!id || existing?.[field] === id) continue;
      if (!(await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())) throw invalid(`${field} ${id} does not exist`, { [field]: [`no ${label} with this id`] });
    }
    const startsOn = record.starts_on as string;
    const endsOn = record.ends_on as string | null | undefined;
    if (endsOn && endsOn < startsOn) throw invalid('a contract cannot end before it starts', { ends_on: [`must be on or after starts_on (${startsOn})`] });
    if (record.auto_renew && !endsOn) throw invalid('a contract that renews automatically needs an end date', { ends_on: ['required when auto_renew is true'] });
    const notice = record.renewal_notice_days as number | null | undefined;
    if (notice !== null && notice !== undefined && (notice < 0 || notice > maxNoticeDays))
      throw invalid('renewal_notice_days out of range', { renewal_notice_days: [`must be between 0 and ${maxNoticeDays}`] });
    const extra: Record<string, unknown> = {};
    if (!record.status) extra.status = 'draft';
    if (notice === null || notice === undefined) extra.renewal_notice_days = defaultNoticeDays;
    if (record.auto_renew === null || record.auto_renew === undefined) extra.auto_renew = 0;
    if (record.currency) {
      const code = currencyCode(record.currency as string);
      if (!code) throw invalid('unknown currency', { currency: ['not an ISO 4217 currency code (e.g. EUR, USD)'] });
      extra.currency = code;
    } else if (!existing) extra.currency = (await getBusinessSettings(trx)).currency;
    return extra;
  },
  async beforeDelete(trx, _ctx, ids) {
    await trx.deleteFrom('contract_files').where('contract_id', 'in', ids).execute();
  },
});

/**
 * Sets columns no client may write (the file's facts, renewal bookkeeping) on one contract, with
 * the audit entry and `contract.updated` like any other change. With `onlyIfStatus`, nothing is
 * written unless the contract is in one of those states (returns null): two processes running the
 * renewal job cannot both act on a contract.
 */
export async function setContractColumns(trx: Db, ctx: Ctx, id: string, columns: Record<string, unknown>, onlyIfStatus?: readonly string[]): Promise<ApiRecord | null> {
  const beforeRow = await trx.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!beforeRow) throw notFound('contract', id);
  let update = trx
    .updateTable('contracts')
    .set({ ...columns, updated_at: new Date().toISOString() })
    .where('id', '=', id);
  if (onlyIfStatus) update = update.where('status', 'in', [...onlyIfStatus]);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  const before = rowToRecord(contractEntity.fields, beforeRow);
  const after = rowToRecord(contractEntity.fields, (await trx.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Record<string, unknown>);
  await recordChanges(trx, ctx, contractEntity, 'update', [{ id, before, after }]);
  return after;
}

export interface ContractFile {
  name: string;
  type: string;
  content: Buffer;
}

/** A file name safe to show and to send back in Content-Disposition. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'contract';
}

/** Stores (or replaces) the signed file of a contract. */
export async function putContractFile(ctx: Ctx, id: string, file: ContractFile): Promise<ApiRecord> {
  if (file.content.length === 0) throw invalid('the file is empty', { file: ['empty'] });
  if (file.content.length > maxContractFileBytes) throw invalid('the file is too large', { file: [`at most ${maxContractFileBytes / 1024 / 1024} MB`] });
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type.toLowerCase() : 'application/octet-stream';
  return inTransaction(ctx, async (trx) => {
    if (!(await trx.selectFrom('contracts').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('contract', id);
    await trx.deleteFrom('contract_files').where('contract_id', '=', id).execute();
    await trx.insertInto('contract_files').values({ contract_id: id, content: file.content, created_at: new Date().toISOString() }).execute();
    const sha = createHash('sha256').update(file.content).digest('hex');
    return (await setContractColumns(trx, ctx, id, { file_name: cleanFileName(file.name), file_type: type, file_size: file.content.length, file_sha256: sha }))!;
  });
}

export async function getContractFile(db: Db, id: string): Promise<ContractFile> {
  const row = await db.selectFrom('contracts').select(['file_name', 'file_type']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('contract', id);
  const file = await db.selectFrom('contract_files').select('content').where('contract_id', '=', id).executeTakeFirst();
  if (!file || !row.file_name) throw notFound('signed file of contract', id);
  const content = file.content as Buffer | Uint8Array;
  return { name: row.file_name as string, type: (row.file_type as string) || 'application/octet-stream', content: Buffer.isBuffer(content) ? content : Buffer.from(content) };
}

export async function deleteContractFile(ctx: Ctx, id: string): Promise<ApiRecord> {
  return inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('contract_files').where('contract_id', '=', id).execute();
    return (await setContractColumns(trx, ctx, id, { file_name: null, file_type: null, file_size: null, file_sha256: null }))!;
  });
}
