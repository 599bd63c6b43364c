import type { Db } from '../core/database.js';
import type { AuditAction } from '../records/audit-log.js';

/** The writer lives with the write pipe (src/records/), which every domain's writes go through. */
export { writeAudit } from '../records/audit-log.js';

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
