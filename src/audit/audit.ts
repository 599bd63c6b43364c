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
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

export interface AuditQuery {
  entityId?: string;
  entity?: string;
  limit: number;
  before?: string;
}

export async function listAudit(db: Db, query: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.before) q = q.where('at', '<', query.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id as string,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as AuditAction,
    entity: r.entity as string,
    entity_id: r.entity_id as string,
    before: r.before_data ? JSON.parse(r.before_data as string) : null,
    after: r.after_data ? JSON.parse(r.after_data as string) : null,
    batch_id: (r.batch_id as string | null) ?? null,
  }));
}
