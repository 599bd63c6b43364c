import type { Db } from '../core/database.js';

const chunks = <T>(items: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** The person's survey answers keep their scores (the NPS and CSAT figures); what they typed goes. */
export async function eraseSurveyResponsesOf(trx: Db, customerIds: readonly string[]): Promise<void> {
  for (const ids of chunks(customerIds)) await trx.updateTable('survey_responses').set({ comment: null }).where('customer_id', 'in', ids).execute();
}

/** The person's survey requests and answers, for their data-subject export. */
export async function exportFeedback(db: Db, customerIds: readonly string[]) {
  const requests: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  for (const ids of chunks(customerIds)) {
    requests.push(
      ...(await db.selectFrom('survey_requests').select(['id', 'kind', 'survey_id', 'ticket_id', 'channel', 'sent_at', 'answered_at']).where('customer_id', 'in', ids).orderBy('sent_at').execute()),
    );
    responses.push(
      ...(await db.selectFrom('survey_responses').select(['request_id', 'kind', 'score', 'comment', 'answered_at', 'updated_at']).where('customer_id', 'in', ids).orderBy('answered_at').execute()),
    );
  }
  return {
    requests: requests.map((r) => ({ ...r, answered_at: r.answered_at ?? null })),
    responses: responses.map((r) => ({ ...r, score: Number(r.score), comment: r.comment ?? null })),
  };
}
