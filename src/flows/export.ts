/** The flows a person went through, for their data-subject export: each enrolment with the steps it ran. */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { listEnrolments } from './service.js';

export const flowsExportSchema = z
  .array(
    z.object({
      flow_id: z.string(),
      flow_name: z.string(),
      status: z.string(),
      exit_reason: z.string().nullable(),
      entered_at: z.string(),
      finished_at: z.string().nullable(),
      steps: z.array(z.object({ step_id: z.string(), kind: z.string(), outcome: z.string(), ran_at: z.string() })),
    }),
  )
  .openapi('FlowsExport');

/** Enrolments of the person and of the records merged into them. */
export async function exportFlows(db: Db, customerIds: readonly string[]): Promise<z.infer<typeof flowsExportSchema>> {
  const out: z.infer<typeof flowsExportSchema> = [];
  for (const id of customerIds)
    for (const e of await listEnrolments(db, { customerId: id, limit: 10_000 }))
      out.push({
        flow_id: e.flow_id,
        flow_name: e.flow_name,
        status: e.status,
        exit_reason: e.exit_reason,
        entered_at: e.entered_at,
        finished_at: e.finished_at,
        steps: e.history.map((h) => ({ step_id: h.step_id, kind: h.kind, outcome: h.outcome, ran_at: h.ran_at })),
      });
  return out.sort((a, b) => a.entered_at.localeCompare(b.entered_at));
}
