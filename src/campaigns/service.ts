/**
 * Campaigns: an audience, one template per variant (two to four variants make an A/B test), and a
 * state: draft → scheduled → sending → sent, with paused and cancelled on the way. Only a draft
 * changes. Sending is done by jobs (send.ts); this module holds the records and the transitions.
 */
import { z } from '@hono/zod-openapi';
import type { Ctx } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { conflict, invalid, notFound, type FieldErrors } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { enqueue } from '../core/jobs.js';
import { checkTemplate, templateSource } from '../templates/render.js';
import { audienceSchema, countAudience, type Audience, type AudienceCount } from './audience.js';
import { detectableDifference } from './bayes.js';

export const campaignStatuses = ['draft', 'scheduled', 'sending', 'paused', 'cancelled', 'sent'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const variantKeys = ['A', 'B', 'C', 'D'] as const;
export const sendJobKind = 'campaign.send';
export const decideJobKind = 'campaign.decide';
/** Queued messages of a paused campaign wait until this time (a resume sets them due again). */
const heldUntil = '9999-12-31T00:00:00.000Z';

const variantInput = z
  .object({
    template_id: z.string().min(1).max(40),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(998)
      .refine((v) => !/[\r\n]/.test(v), { message: 'must be one line' })
      .nullable()
      .optional()
      .openapi({ description: "A subject (Liquid) instead of the template's, for a subject test" }),
  })
  .strict();

export const abSettingsSchema = z
  .object({
    test_share: z.number().int().min(10).max(50).default(20).openapi({ description: 'Percent of the audience that gets the test, split evenly among the variants (10 to 50)' }),
    wait_hours: z.number().min(0.01).max(720).default(4).openapi({ description: 'How long the test runs before the best variant goes to the rest' }),
    metric: z.enum(['click', 'conversion']).default('click').openapi({ description: 'click: a tracked click; conversion: an order within the attribution window of the message' }),
    threshold: z.number().min(0.5).max(0.999).default(0.95).openapi({ description: 'The winner goes out early once its P(best) reaches this' }),
    baseline_rate: z.number().min(0.001).max(0.9).default(0.03).openapi({ description: 'The rate you expect (for the test-size warning only)' }),
  })
  .strict()
  .openapi('AbSettings');
export type AbSettings = z.infer<typeof abSettingsSchema>;

export const campaignCreateInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    audience: audienceSchema,
    variants: z.array(variantInput).min(1).max(4).openapi({ description: 'One variant for a plain campaign; 2 to 4 for an A/B test' }),
    ab: abSettingsSchema.optional(),
    sender_id: z.string().max(40).nullable().optional(),
    attribution_days: z.number().int().min(1).max(90).default(7).openapi({ description: 'Orders within this many days of a click count for the campaign' }),
    discount_prefix: z
      .string()
      .regex(/^[A-Z0-9]{2,12}$/, { message: '2 to 12 capital letters or digits' })
      .nullable()
      .optional(),
    discount_uses: z.number().int().min(0).max(1_000_000).default(1).openapi({ description: 'How many orders may redeem one personal discount code of the campaign (1: single-use; 0: any number)' }),
  })
  .strict()
  .openapi('CampaignInput');
export type CampaignCreateInput = z.infer<typeof campaignCreateInput>;
export const campaignUpdateInput = campaignCreateInput.partial().strict().openapi('CampaignPatch');

export const abResultSchema = z
  .object({
    variant: z.enum(variantKeys),
    reason: z.enum(['threshold', 'wait_ended']),
    p_best: z.array(z.number()),
    expected_loss: z.array(z.number()),
    trials: z.array(z.number().int()),
    successes: z.array(z.number().int()),
  })
  .openapi('AbResult');
export type AbResult = z.infer<typeof abResultSchema>;

export const campaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(campaignStatuses),
    audience: audienceSchema,
    variants: z.array(z.object({ key: z.enum(variantKeys), template_id: z.string(), subject: z.string().nullable() })),
    ab: abSettingsSchema.nullable(),
    ab_result: abResultSchema.nullable(),
    sender_id: z.string().nullable(),
    attribution_days: z.number().int(),
    discount_prefix: z.string().nullable(),
    discount_uses: z.number().int().openapi({ description: 'Orders that may redeem one discount code (0: any number)' }),
    scheduled_at: z.string().nullable(),
    started_at: z.string().nullable(),
    test_sent_at: z.string().nullable(),
    decided_at: z.string().nullable(),
    finished_at: z.string().nullable().openapi({ description: 'When the last message was queued (the campaign is sent once they are all delivered), or when it was cancelled' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Campaign');
export type Campaign = z.infer<typeof campaignSchema>;

const parse = (v: unknown) => (typeof v === 'string' && v !== '' ? JSON.parse(v) : null);

export function toCampaign(r: Record<string, unknown>): Campaign {
  return {
    id: r.id as string,
    name: r.name as string,
    status: r.status as CampaignStatus,
    audience: parse(r.audience) as Audience,
    variants: parse(r.variants),
    ab: parse(r.ab),
    ab_result: parse(r.ab_result),
    sender_id: (r.sender_id as string | null) ?? null,
    attribution_days: Number(r.attribution_days),
    discount_prefix: (r.discount_prefix as string | null) ?? null,
    discount_uses: Number(r.discount_uses ?? 1),
    scheduled_at: (r.scheduled_at as string | null) ?? null,
    started_at: (r.started_at as string | null) ?? null,
    test_sent_at: (r.test_sent_at as string | null) ?? null,
    decided_at: (r.decided_at as string | null) ?? null,
    finished_at: (r.finished_at as string | null) ?? null,
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  };
}

export async function getCampaign(db: Db, id: string): Promise<Campaign> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaign', id);
  return toCampaign(row);
}

export async function listCampaigns(db: Db, q: { status?: CampaignStatus } = {}): Promise<Campaign[]> {
  let query = db.selectFrom('campaigns').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500);
  if (q.status) query = query.where('status', '=', q.status);
  return (await query.execute()).map(toCampaign);
}

/** Checks what the schema cannot: templates, sender and segment exist, variant subjects compile. */
async function checkReferences(ctx: Ctx, input: Pick<CampaignCreateInput, 'variants' | 'sender_id' | 'audience'>): Promise<void> {
  const db = ctx.database.db;
  const fields: FieldErrors = {};
  for (const [i, v] of input.variants.entries()) {
    try {
      const source = await templateSource(db, v.template_id);
      if (v.subject) await checkTemplate(db, { ...source, subject: v.subject });
    } catch (error) {
      const e = error as { code?: string; fields?: FieldErrors; message?: string };
      if (e.code === 'not_found') fields[`variants.${i}.template_id`] = [`no template ${v.template_id}`];
      else if (e.code === 'invalid_input') fields[`variants.${i}.subject`] = Object.values(e.fields ?? {}).flat();
      else throw error;
    }
  }
  if (input.sender_id && !(await db.selectFrom('mail_senders').select('id').where('id', '=', input.sender_id).executeTakeFirst())) fields.sender_id = [`no sender ${input.sender_id}`];
  if (Object.keys(fields).length) throw invalid(`the campaign cannot be saved: ${Object.entries(fields)[0].join(': ')}`, fields);
  // Counting compiles the audience: an unknown segment or field is a 400 now, not at send time.
  await countAudience(ctx, input.audience);
}

const variantsOf = (input: CampaignCreateInput['variants']) => input.map((v, i) => ({ key: variantKeys[i], template_id: v.template_id, subject: v.subject ?? null }));

function abOf(variants: unknown[], ab: AbSettings | undefined | null): AbSettings | null {
  if (variants.length < 2) {
    if (ab) throw invalid('A/B settings need two to four variants', { ab: ['needs 2 to 4 variants'] });
    return null;
  }
  return ab ?? abSettingsSchema.parse({});
}

export async function createCampaign(ctx: Ctx, input: CampaignCreateInput): Promise<Campaign> {
  await checkReferences(ctx, input);
  const variants = variantsOf(input.variants);
  const ab = abOf(variants, input.ab);
  const now = new Date().toISOString();
  const row = {
    id: newId('campaign'),
    name: input.name,
    status: 'draft',
    audience: JSON.stringify(input.audience),
    variants: JSON.stringify(variants),
    ab: ab ? JSON.stringify(ab) : null,
    ab_result: null,
    sender_id: input.sender_id ?? null,
    attribution_days: input.attribution_days,
    discount_prefix: input.discount_prefix ?? null,
    discount_uses: input.discount_uses,
    scheduled_at: null,
    started_at: null,
    test_sent_at: null,
    decided_at: null,
    finished_at: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('campaigns').values(row).execute();
    await appendEvents(trx, ctx.actor, [{ type: 'campaign.created', entity: 'campaign', entityId: row.id, data: { name: row.name } }]);
  });
  return toCampaign(row);
}

export async function updateCampaign(ctx: Ctx, id: string, patch: z.infer<typeof campaignUpdateInput>): Promise<Campaign> {
  const current = await getCampaign(ctx.database.db, id);
  if (current.status !== 'draft') throw conflict(`only a draft changes; this campaign is ${current.status}`, { status: [current.status] });
  const merged: CampaignCreateInput = {
    name: patch.name ?? current.name,
    audience: patch.audience ?? current.audience,
    variants: patch.variants ?? current.variants.map((v) => ({ template_id: v.template_id, subject: v.subject })),
    ab: patch.ab ?? (patch.variants ? undefined : (current.ab ?? undefined)),
    sender_id: patch.sender_id === undefined ? current.sender_id : patch.sender_id,
    attribution_days: patch.attribution_days ?? current.attribution_days,
    discount_prefix: patch.discount_prefix === undefined ? current.discount_prefix : patch.discount_prefix,
    discount_uses: patch.discount_uses ?? current.discount_uses,
  };
  await checkReferences(ctx, merged);
  const variants = variantsOf(merged.variants);
  const ab = abOf(variants, merged.ab);
  const now = new Date().toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('campaigns')
      .set({
        name: merged.name,
        audience: JSON.stringify(merged.audience),
        variants: JSON.stringify(variants),
        ab: ab ? JSON.stringify(ab) : null,
        sender_id: merged.sender_id ?? null,
        attribution_days: merged.attribution_days,
        discount_prefix: merged.discount_prefix ?? null,
        discount_uses: merged.discount_uses,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    await appendEvents(trx, ctx.actor, [{ type: 'campaign.updated', entity: 'campaign', entityId: id, data: { changed: Object.keys(patch) } }]);
  });
  return getCampaign(ctx.database.db, id);
}

export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  const current = await getCampaign(ctx.database.db, id);
  if (current.status !== 'draft') throw conflict(`only a draft can be deleted; cancel a ${current.status} campaign instead`, { status: [current.status] });
  await ctx.database.db.deleteFrom('campaigns').where('id', '=', id).where('status', '=', 'draft').execute();
}

/** Moves a campaign from one of `from` to `to` (in the transaction), or says why it cannot. */
export async function transition(trx: Db, actor: string, id: string, from: readonly CampaignStatus[], to: CampaignStatus, set: Record<string, unknown> = {}): Promise<Campaign> {
  const row = await trx.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('campaign', id);
  const current = row.status as CampaignStatus;
  if (!from.includes(current)) throw conflict(`a ${current} campaign cannot become ${to}`, { status: [`is ${current}`] });
  const now = new Date().toISOString();
  const r = await trx
    .updateTable('campaigns')
    .set({ ...set, status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', current)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw conflict('the campaign changed meanwhile; try again', { status: ['changed'] });
  await appendEvents(trx, actor, [{ type: 'campaign.status_changed', entity: 'campaign', entityId: id, data: { from: current, to } }]);
  return toCampaign({ ...row, ...set, status: to, updated_at: now });
}

export interface AbPlan {
  test_recipients: number;
  per_variant: number;
  rest: number;
  detectable_difference: number | null;
  warning: string | null;
}

/** How an A/B test would split the audience counted now, and whether the test share is large enough to tell. */
export function abPlan(count: AudienceCount, variants: number, ab: AbSettings | null): AbPlan | null {
  if (!ab || variants < 2) return null;
  const test = Math.ceil((count.sendable * ab.test_share) / 100);
  const perVariant = Math.floor(test / variants);
  const difference = detectableDifference(perVariant, ab.baseline_rate);
  const pct = (x: number) => `${(x * 100).toFixed(1)} points`;
  let warning: string | null = null;
  if (perVariant < 30)
    warning = `Each variant would go to ${perVariant} recipient${perVariant === 1 ? '' : 's'}: too few to tell the variants apart; the choice would be close to chance. Raise the test share or send without a test.`;
  else if (difference >= ab.baseline_rate)
    warning = `Each variant would go to ${perVariant} recipients: only a difference of about ${pct(difference)} or more in the ${ab.metric} rate (expected around ${pct(ab.baseline_rate).replace(' points', ' %')}) is likely to show. Raise the test share for a finer test.`;
  return {
    test_recipients: test,
    per_variant: perVariant,
    rest: Math.max(0, count.sendable - test),
    detectable_difference: Number.isFinite(difference) ? Math.round(difference * 10000) / 10000 : null,
    warning,
  };
}

/**
 * Schedules (at a time) or starts (now) a draft, or resumes a paused campaign. Refuses one with no
 * recipient to send to. A resume releases the messages the pause held.
 */
export async function scheduleCampaign(ctx: Ctx, id: string, at?: string): Promise<Campaign> {
  const db = ctx.database.db;
  const current = await getCampaign(db, id);
  const count = await countAudience(ctx, current.audience);
  if (current.status === 'draft' && count.sendable === 0)
    throw invalid('nobody in the audience can get this campaign now (consent, suppression or no email address)', { audience: ['no sendable recipient'] });
  const when = at ? new Date(at) : new Date();
  const later = when.getTime() > Date.now() + 1000;
  const updated = await db.transaction().execute(async (trx) => {
    const c = await transition(trx, ctx.actor, id, ['draft', 'paused'], later ? 'scheduled' : 'sending', {
      scheduled_at: when.toISOString(),
      ...(later || current.started_at ? {} : { started_at: new Date().toISOString() }),
    });
    if (!later) await releaseHeld(trx, id);
    return c;
  });
  await enqueue(ctx.database, sendJobKind, { campaign_id: id }, { runAt: later ? when : undefined });
  return updated;
}

async function campaignMessageIds(trx: Db, id: string): Promise<string[]> {
  return (await trx.selectFrom('campaign_recipients').select('message_id').where('campaign_id', '=', id).where('message_id', 'is not', null).execute()).map((r) => r.message_id as string);
}

async function releaseHeld(trx: Db, id: string): Promise<void> {
  await trx
    .updateTable('messages')
    .set({ next_attempt_at: new Date().toISOString() })
    .where('related_entity', '=', 'campaign')
    .where('related_id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '=', heldUntil)
    .execute();
}

/** Pauses a scheduled or sending campaign: nothing more is enqueued, and its queued messages wait. */
export async function pauseCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const c = await transition(trx, ctx.actor, id, ['scheduled', 'sending'], 'paused');
    await trx.updateTable('messages').set({ next_attempt_at: heldUntil }).where('related_entity', '=', 'campaign').where('related_id', '=', id).where('status', '=', 'queued').execute();
    return c;
  });
}

/** Cancels a campaign that is not sent: messages not yet handed to the mail server are dropped. */
export async function cancelCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const c = await transition(trx, ctx.actor, id, ['draft', 'scheduled', 'sending', 'paused'], 'cancelled', { finished_at: new Date().toISOString() });
    const ids = await campaignMessageIds(trx, id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const queued = (await trx.selectFrom('messages').select('id').where('id', 'in', chunk).where('status', '=', 'queued').execute()).map((r) => r.id as string);
      if (!queued.length) continue;
      await trx.updateTable('campaign_recipients').set({ message_id: null }).where('campaign_id', '=', id).where('message_id', 'in', queued).execute();
      await trx.deleteFrom('messages').where('id', 'in', queued).where('status', '=', 'queued').execute();
    }
    return c;
  });
}

export async function campaignAudience(ctx: Ctx, id: string): Promise<AudienceCount & { ab_plan: AbPlan | null }> {
  const c = await getCampaign(ctx.database.db, id);
  const count = await countAudience(ctx, c.audience);
  return { ...count, ab_plan: abPlan(count, c.variants.length, c.ab) };
}
