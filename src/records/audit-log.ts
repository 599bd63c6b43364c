/** The audit log's writer: every write through the pipe appends its entries in the transaction that made the change. */
import { newId } from '../core/ids.js';
import type { Db } from '../core/database.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'merge' | 'erase' | 'restore';

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  batchId?: string | null;
}

/** The audit log's columns, in the order `auditValues` gives them. */
export const auditColumns = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before_data', 'after_data', 'batch_id'] as const;

/** Audit entries as rows of values in `auditColumns` order. */
export function auditValues(entries: AuditEntry[]): unknown[][] {
  const at = new Date().toISOString();
  return entries.map((e) => [
    newId('audit'),
    at,
    e.actor,
    e.action,
    e.entity,
    e.entityId,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.batchId ?? null,
  ]);
}

/** Appends audit entries; call it inside the transaction that made the change. */
export async function writeAudit(db: Db, entries: AuditEntry[], writer?: (db: Db, table: string, rows: Record<string, unknown>[]) => Promise<void>): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date().toISOString();
  const rows = entries.map((e) => ({
    id: newId('audit'),
    at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before_data: e.before === undefined ? null : JSON.stringify(e.before),
    after_data: e.after === undefined ? null : JSON.stringify(e.after),
    batch_id: e.batchId ?? null,
  }));
  if (writer) return writer(db, 'audit_log', rows);
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}
