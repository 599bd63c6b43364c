/**
 * NPS surveys: a definition (name, question, audience) sent by hand to its audience (a segment,
 * k-means or saved filter; a lifecycle stage; or everyone with an address) or automatically N days after a person
 * became a customer (the daily job). Nobody is asked an NPS survey twice within 90 days.
 */
import { z } from '@hono/zod-openapi';
import { instanceSecret } from '../auth/secrets.js';
import type { Ctx } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { AppError, invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { queueMail } from '../mail/queue.js';
import { lifecycleStages } from '../schema/entities.js';
import { segmentWhere } from '../insights/segmentation.js';
import { createSurveyRequest, npsQuietDays, publicBaseUrl, surveyMail } from './service.js';

export const surveyInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    question: z.string().trim().min(1).max(500).optional().openapi({ description: 'Default: "How likely are you to recommend us to a friend or colleague?"' }),
    segment_id: z.string().max(40).nullable().optional().openapi({ description: 'Send to the members of this segment (k-means or saved filter)' }),
    stage: z.enum(lifecycleStages).nullable().optional().openapi({ description: 'Send to customers in this lifecycle stage' }),
    after_days: z.number().int().min(1).max(3650).nullable().optional().openapi({ description: 'Sent automatically this many days after a person became a customer (daily)' }),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('SurveyInput');
export type SurveyInput = z.infer<typeof surveyInput>;

export const surveySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    question: z.string().nullable(),
    segment_id: z.string().nullable(),
    stage: z.enum(lifecycleStages).nullable(),
    after_days: z.number().int().nullable(),
    active: z.boolean(),
    sent: z.number().int(),
    answered: z.number().int(),
    response_rate: z.number().nullable().openapi({ description: 'Answered / sent, 0–1' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Survey');
export type Survey = z.infer<typeof surveySchema>;

async function counts(db: Db, ids: string[]): Promise<Map<string, { sent: number; answered: number }>> {
  const out = new Map<string, { sent: number; answered: number }>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('survey_requests')
    .select((eb) => ['survey_id', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('answered_at').as('answered')])
    .where('survey_id', 'in', ids)
    .groupBy('survey_id')
    .execute();
  for (const r of rows) out.set(r.survey_id as string, { sent: Number(r.sent), answered: Number(r.answered) });
  return out;
}

const surveyOf = (r: Record<string, unknown>, c?: { sent: number; answered: number }): Survey => ({
  id: r.id as string,
  name: r.name as string,
  question: (r.question as string | null) ?? null,
  segment_id: (r.segment_id as string | null) ?? null,
  stage: (r.stage as Survey['stage']) ?? null,
  after_days: r.after_days === null || r.after_days === undefined ? null : Number(r.after_days),
  active: Number(r.active) === 1,
  sent: c?.sent ?? 0,
  answered: c?.answered ?? 0,
  response_rate: c?.sent ? Math.round((c.answered / c.sent) * 1000) / 1000 : null,
  created_at: r.created_at as string,
  updated_at: r.updated_at as string,
});

export async function listSurveys(db: Db): Promise<Survey[]> {
  const rows = await db.selectFrom('surveys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const c = await counts(
    db,
    rows.map((r) => r.id as string),
  );
  return rows.map((r) => surveyOf(r, c.get(r.id as string)));
}

export async function getSurvey(db: Db, id: string): Promise<Survey> {
  const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('survey', id);
  return surveyOf(row, (await counts(db, [id])).get(id));
}

async function checkAudience(db: Db, input: Partial<SurveyInput>) {
  if (input.segment_id && !(await db.selectFrom('segments').select('id').where('id', '=', input.segment_id).executeTakeFirst()))
    throw invalid(`segment ${input.segment_id} does not exist`, { segment_id: ['no such segment'] });
}

export async function createSurvey(ctx: Ctx, input: SurveyInput): Promise<Survey> {
  const { db } = ctx.database;
  await checkAudience(db, input);
  const now = new Date().toISOString();
  const id = newId('survey');
  await db
    .insertInto('surveys')
    .values({
      id,
      name: input.name,
      question: input.question ?? null,
      segment_id: input.segment_id ?? null,
      stage: input.stage ?? null,
      after_days: input.after_days ?? null,
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getSurvey(db, id);
}

export async function updateSurvey(ctx: Ctx, id: string, input: Partial<SurveyInput>): Promise<Survey> {
  const { db } = ctx.database;
  await getSurvey(db, id);
  await checkAudience(db, input);
  const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
  for (const k of ['name', 'question', 'segment_id', 'stage', 'after_days'] as const) if (input[k] !== undefined) set[k] = input[k];
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  await db.updateTable('surveys').set(set).where('id', '=', id).execute();
  return getSurvey(db, id);
}

interface Recipient {
  id: string;
  email: string;
  first_name: string | null;
}

/** Customers of the audience with an address, not erased, not asked an NPS survey in the quiet period. */
async function audience(ctx: Ctx, survey: Survey, now: Date, extra?: { since?: { from: string; to: string } }): Promise<Recipient[]> {
  const quietSince = new Date(now.getTime() - npsQuietDays * 86_400_000).toISOString();
  // A k-means segment or a saved-filter segment, as customer lists and campaigns read them.
  const inSegment = survey.segment_id ? await segmentWhere(ctx, survey.segment_id) : [];
  let q = ctx.database.db
    .selectFrom('customers')
    .select(['id', 'email', 'first_name'])
    .where('email', 'is not', null)
    .where('email', '!=', '')
    .where('erased_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('survey_requests as r')
            .select('r.id')
            .whereRef('r.customer_id', '=', 'customers.id')
            .where('r.kind', '=', 'nps')
            .where((eb) => eb.or([eb('r.sent_at', '>=', quietSince), eb('r.survey_id', '=', survey.id)])),
        ),
      ),
    );
  for (const w of inSegment) q = q.where(w);
  if (survey.stage) q = q.where('stage', '=', survey.stage);
  if (extra?.since) q = q.where('customer_since', '>', extra.since.from).where('customer_since', '<=', extra.since.to);
  return (await q.orderBy('id').execute()).map((r) => ({ id: r.id as string, email: r.email as string, first_name: (r.first_name as string | null) ?? null }));
}

const batchSize = 200;

async function sendTo(database: Database, actor: string, survey: Survey, recipients: Recipient[], base: string): Promise<number> {
  const secret = await instanceSecret(database.db);
  let sent = 0;
  for (let i = 0; i < recipients.length; i += batchSize) {
    const batch = recipients.slice(i, i + batchSize);
    await database.db.transaction().execute(async (trx) => {
      for (const r of batch) {
        const { request, token } = await createSurveyRequest(trx, secret, { kind: 'nps', channel: 'email', customerId: r.id, surveyId: survey.id });
        const body = surveyMail('nps', base, token, {
          intro: r.first_name ? `Hello ${r.first_name},` : 'Hello,',
          question: survey.question ?? 'How likely are you to recommend us to a friend or colleague?',
        });
        const { id } = await queueMail(trx, {
          to: r.email,
          subject: (survey.question ?? 'How likely are you to recommend us?').slice(0, 200),
          text: body.text,
          html: body.html,
          purpose: 'marketing',
          customerId: r.id,
          related: { entity: 'survey_requests', id: request.id },
          actor,
        });
        await trx.updateTable('survey_requests').set({ message_id: id }).where('id', '=', request.id).execute();
        await appendEvents(trx, actor, [
          { type: 'survey.sent', entity: 'survey_request', entityId: request.id, data: { kind: 'nps', channel: 'email', survey_id: survey.id, ticket_id: null, customer_id: r.id } },
        ]);
      }
    });
    sent += batch.length;
  }
  return sent;
}

/**
 * Sends an NPS survey to its audience now (marketing mail: consent and suppression are checked at
 * send time). Those asked within the quiet period, or already asked this survey, are skipped.
 */
export async function sendSurvey(ctx: Ctx, id: string, now = new Date()): Promise<{ sent: number }> {
  const survey = await getSurvey(ctx.database.db, id);
  if (!survey.active) throw new AppError('conflict', 'The survey is paused: activate it first.');
  const base = await publicBaseUrl(ctx.database.db);
  if (!base) throw invalid('Set the public address (Settings → Email) first: the survey links need it.', { public_url: ['not set'] });
  return { sent: await sendTo(ctx.database, ctx.actor, survey, await audience(ctx, survey, now), base) };
}

/** The daily pass: each active survey with `after_days` goes to those who became customers that many days ago (up to a week late). */
export async function sendDueSurveys(database: Database, now = new Date()): Promise<number> {
  const base = await publicBaseUrl(database.db);
  if (!base) return 0;
  const surveys = (await listSurveys(database.db)).filter((s) => s.active && s.after_days);
  let sent = 0;
  for (const survey of surveys) {
    const to = new Date(now.getTime() - survey.after_days! * 86_400_000);
    const from = new Date(to.getTime() - 7 * 86_400_000);
    sent += await sendTo(database, 'system', survey, await audience({ database, actor: 'system' }, survey, now, { since: { from: from.toISOString(), to: to.toISOString() } }), base);
  }
  return sent;
}
