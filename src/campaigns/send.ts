/**
 * Sending a campaign, by jobs. `campaign.send` enqueues one message per recipient in batches; each
 * batch is one transaction that writes the recipient rows (primary key campaign + customer) with
 * their messages, so a job that dies mid-way and runs again adds nobody twice, and a pause or cancel
 * between batches stops it. The mail worker then delivers with consent and suppression checked again.
 *
 * An A/B campaign first sends its test share (recipients ordered by a keyed hash, so the split is
 * random but repeatable, and dealt to the variants in turn), then `campaign.decide` (and the
 * per-minute tick) reads the variants' Beta posteriors: once one's P(best) reaches the threshold, or
 * when the wait ends, it is the winner, and `campaign.send` sends it to the rest of the audience.
 */
import { createHmac } from 'node:crypto';
import { instanceSecret } from '../auth/secrets.js';
import type { Ctx } from '../core/context.js';
import type { Database, Db } from '../core/database.js';
import { appendEvents } from '../core/events.js';
import { enqueue, type JobHandler } from '../core/jobs.js';
import { queueMails } from '../mail/queue.js';
import { countedOrderStatuses } from '../schema/entities.js';
import { compileTemplate, mergeContexts, renderCompiled, templateSource, usesDiscountCode, usesLoyalty, usesOffer, type CompiledTemplate, type RenderedMail } from '../templates/render.js';
import { sendableMembers } from './audience.js';
import { posterior } from './bayes.js';
import { recordIssuedCodes } from './discounts.js';
import { decideJobKind, getCampaign, sendJobKind, toCampaign, transition, type AbResult, type Campaign } from './service.js';

const tickJobKind = 'campaigns.tick';
/** Every minute: scheduled campaigns that are due start, and running A/B tests are looked at. */
export const campaignSchedules = [{ cron: '* * * * *', kind: tickJobKind, payload: {} }];

export interface SendOptions {
  /** Recipients per transaction. */
  batch?: number;
  /** Called after each committed batch (tests stop a run part-way with it). */
  afterBatch?: (enqueued: number) => void | Promise<void>;
}

const systemCtx = (database: Database): Ctx => ({ database, actor: 'campaigns' });

async function compiledVariants(db: Db, c: Campaign): Promise<Map<string, { compiled: CompiledTemplate; offer: boolean; loyalty: boolean; discount: boolean }>> {
  const out = new Map<string, { compiled: CompiledTemplate; offer: boolean; loyalty: boolean; discount: boolean }>();
  for (const v of c.variants) {
    const source = await templateSource(db, v.template_id);
    const s = v.subject ? { ...source, subject: v.subject } : source;
    out.set(v.key, { compiled: await compileTemplate(s), offer: usesOffer(s), loyalty: usesLoyalty(s), discount: usesDiscountCode(s) });
  }
  return out;
}

/** The test recipients of an A/B campaign: the first share of the audience in keyed-hash order, dealt to the variants in turn. */
function testSplit(secret: Buffer, c: Campaign, members: { id: string; email: string }[]): { id: string; email: string; variant: string }[] {
  const keyed = members.map((m) => ({ ...m, h: createHmac('sha256', secret).update(`ab:${c.id}:${m.id}`).digest('hex') }));
  keyed.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  const n = Math.ceil((members.length * c.ab!.test_share) / 100);
  return keyed.slice(0, n).map((m, i) => ({ id: m.id, email: m.email, variant: c.variants[i % c.variants.length].key }));
}

/**
 * One run of `campaign.send`: enqueues whoever of the current phase has no recipient row yet.
 * Returns how many messages it queued and the phase it worked on.
 */
export async function runCampaignSend(database: Database, campaignId: string, options: SendOptions = {}): Promise<{ queued: number; phase: string }> {
  const db = database.db;
  let c = await getCampaign(db, campaignId);
  if (c.status === 'scheduled') {
    if (!c.scheduled_at || new Date(c.scheduled_at).getTime() > Date.now() + 1000) return { queued: 0, phase: 'not_due' };
    c = await db.transaction().execute((trx) => transition(trx, 'campaigns', campaignId, ['scheduled'], 'sending', { started_at: c.started_at ?? new Date().toISOString() }));
  }
  if (c.status !== 'sending') return { queued: 0, phase: c.status };
  const phase = c.ab && !c.ab_result ? (c.test_sent_at ? 'waiting' : 'test') : c.ab ? 'rest' : 'all';
  if (phase === 'waiting') return { queued: 0, phase };
  const members = await sendableMembers(systemCtx(database), c.audience);
  const secret = await instanceSecret(db);
  const planned = phase === 'test' ? testSplit(secret, c, members) : members.map((m) => ({ ...m, variant: phase === 'rest' ? c.ab_result!.variant : 'A' }));
  const existing = new Set<string>();
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('campaign_recipients').select('customer_id').where('campaign_id', '=', c.id).where('customer_id', '>', after).orderBy('customer_id').limit(5000).execute();
    for (const r of rows) existing.add(r.customer_id as string);
    if (rows.length < 5000) break;
    after = rows[rows.length - 1].customer_id as string;
  }
  const todo = planned.filter((p) => !existing.has(p.id));
  const variants = await compiledVariants(db, c);
  const batch = options.batch ?? 200;
  let queued = 0;
  for (let i = 0; i < todo.length; i += batch) {
    const chunk = todo.slice(i, i + batch);
    const offerNeeded = chunk.some((p) => variants.get(p.variant)!.offer);
    const loyaltyNeeded = chunk.some((p) => variants.get(p.variant)!.loyalty);
    const contexts = await mergeContexts(
      db,
      chunk.map((p) => p.id),
      { discountScope: c.id, discountPrefix: c.discount_prefix, withOffer: offerNeeded, withLoyalty: loyaltyNeeded },
    );
    // Rendering happens before the transaction, so a batch holds its write lock only to write.
    const rendered: { id: string; email: string; variant: string; mail: RenderedMail; code: string | null }[] = [];
    for (const p of chunk) {
      const context = contexts.get(p.id);
      if (!context) continue;
      const variant = variants.get(p.variant)!;
      rendered.push({ ...p, mail: await renderCompiled(variant.compiled, context), code: variant.discount ? context.discount_code : null });
    }
    const stillSending = await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('campaigns').select('status').where('id', '=', c.id).executeTakeFirst();
      if (row?.status !== 'sending') return false;
      const now = new Date().toISOString();
      const queued = await queueMails(
        trx,
        rendered.map((r) => ({
          to: r.email,
          subject: r.mail.subject,
          text: r.mail.text,
          html: r.mail.html ?? undefined,
          purpose: 'marketing' as const,
          customerId: r.id,
          related: { entity: 'campaign', id: c.id },
          senderId: c.sender_id ?? undefined,
          actor: 'campaigns',
        })),
      );
      const recipientPhase = phase === 'test' ? 'test' : phase === 'rest' ? 'rest' : 'all';
      const rows = rendered.map((r, k) => ({ campaign_id: c.id, customer_id: r.id, variant: r.variant, phase: recipientPhase, message_id: queued[k].id, created_at: now }));
      // The primary key (campaign, customer) refuses a second row: a rerun racing this one rolls back whole.
      for (let k = 0; k < rows.length; k += 100)
        await trx
          .insertInto('campaign_recipients')
          .values(rows.slice(k, k + 100))
          .execute();
      // The personal discount codes the messages carry, so that an order bringing one redeems it (see discounts.ts).
      await recordIssuedCodes(
        trx,
        { campaign_id: c.id },
        rendered.filter((r) => r.code).map((r) => ({ code: r.code!, customer_id: r.id })),
        now,
      );
      return true;
    });
    if (!stillSending) return { queued, phase: 'stopped' };
    queued += rendered.length;
    await options.afterBatch?.(queued);
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('campaigns').selectAll().where('id', '=', c.id).executeTakeFirst();
    if (row?.status !== 'sending') return;
    const now = new Date().toISOString();
    if (phase === 'test') {
      if (!row.test_sent_at) await trx.updateTable('campaigns').set({ test_sent_at: now, updated_at: now }).where('id', '=', c.id).execute();
    } else if (!row.finished_at) await trx.updateTable('campaigns').set({ finished_at: now, updated_at: now }).where('id', '=', c.id).execute();
  });
  if (phase !== 'test') await settleCampaign(database, c.id);
  if (phase === 'test') {
    const fresh = await getCampaign(db, c.id);
    await enqueue(database, decideJobKind, { campaign_id: c.id }, { runAt: new Date(new Date(fresh.test_sent_at!).getTime() + fresh.ab!.wait_hours * 3_600_000 + 1000) });
  }
  return { queued, phase };
}

export interface VariantStanding {
  key: string;
  recipients: number;
  trials: number;
  successes: number;
  rate: number | null;
  p_best: number | null;
  expected_loss: number | null;
}

/** The test variants' counts (delivered messages and their clicks or conversions) and posteriors. */
export async function abStanding(db: Db, c: Campaign): Promise<{ variants: VariantStanding[]; best: string | null; p_best: number | null; confidence: string }> {
  const rows = await db
    .selectFrom('campaign_recipients as r')
    .leftJoin('messages as m', 'm.id', 'r.message_id')
    .select(['r.variant as variant', 'r.customer_id as customer_id', 'm.status as status', 'm.sent_at as sent_at', 'm.clicked_at as clicked_at'])
    .where('r.campaign_id', '=', c.id)
    .where('r.phase', '=', 'test')
    .execute();
  const per = new Map<string, { recipients: number; trials: number; successes: number }>(c.variants.map((v) => [v.key, { recipients: 0, trials: 0, successes: 0 }]));
  let converted = new Set<string>();
  if (c.ab?.metric === 'conversion') converted = await convertedRecipients(db, rows as never, c.attribution_days);
  for (const r of rows) {
    const v = per.get(r.variant as string);
    if (!v) continue;
    v.recipients++;
    if (r.status !== 'sent') continue;
    v.trials++;
    if (c.ab?.metric === 'conversion' ? converted.has(r.customer_id as string) : r.clicked_at) v.successes++;
  }
  const counts = c.variants.map((v) => per.get(v.key)!);
  const post = posterior(counts, { seed: parseInt(c.id.slice(-6), 32) || 1 });
  const variants = c.variants.map((v, i) => ({
    key: v.key,
    ...counts[i],
    rate: counts[i].trials ? counts[i].successes / counts[i].trials : null,
    p_best: Math.round(post.p_best[i] * 10000) / 10000,
    expected_loss: Math.round(post.expected_loss[i] * 1e6) / 1e6,
  }));
  const top = variants.reduce((a, b) => ((b.p_best ?? 0) > (a.p_best ?? 0) ? b : a));
  const pct = Math.round((top.p_best ?? 0) * 100);
  const confidence = variants.every((v) => v.trials === 0)
    ? 'No test message has been delivered yet.'
    : `Variant ${top.key} is the best with probability ${pct} %; choosing it gives up ${((top.expected_loss ?? 0) * 100).toFixed(2)} points of ${c.ab?.metric ?? 'click'} rate if it is not.`;
  return { variants, best: top.key, p_best: top.p_best, confidence };
}

/** Recipients whose message was followed by an order (counted statuses) within the window. */
async function convertedRecipients(db: Db, rows: { customer_id: string; sent_at: string | null }[], days: number): Promise<Set<string>> {
  const sentAt = new Map(rows.filter((r) => r.sent_at).map((r) => [r.customer_id, r.sent_at!]));
  const out = new Set<string>();
  const ids = [...sentAt.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const orders = await db
      .selectFrom('orders')
      .select(['customer_id', 'ordered_at'])
      .where('customer_id', 'in', ids.slice(i, i + 500))
      .where('status', 'in', [...countedOrderStatuses])
      .execute();
    for (const o of orders) {
      const from = new Date(sentAt.get(o.customer_id as string)!).getTime();
      const at = new Date(o.ordered_at as string).getTime();
      if (at >= from && at < from + days * 86_400_000) out.add(o.customer_id as string);
    }
  }
  return out;
}

/**
 * Looks at a running A/B test: when the leader's P(best) reaches the threshold (every variant with a
 * delivered message), or the wait is over, records the winner and queues the send to the rest.
 */
export async function decideAbTest(database: Database, campaignId: string, now = new Date()): Promise<AbResult | null> {
  const db = database.db;
  const c = await getCampaign(db, campaignId);
  if (c.status !== 'sending' || !c.ab || c.ab_result || !c.test_sent_at) return null;
  const standing = await abStanding(db, c);
  const waitOver = now.getTime() >= new Date(c.test_sent_at).getTime() + c.ab.wait_hours * 3_600_000;
  const sure = standing.variants.every((v) => v.trials > 0) && (standing.p_best ?? 0) >= c.ab.threshold;
  if (!sure && !waitOver) return null;
  const result: AbResult = {
    variant: standing.best as AbResult['variant'],
    reason: sure ? 'threshold' : 'wait_ended',
    p_best: standing.variants.map((v) => v.p_best ?? 0),
    expected_loss: standing.variants.map((v) => v.expected_loss ?? 0),
    trials: standing.variants.map((v) => v.trials),
    successes: standing.variants.map((v) => v.successes),
  };
  const decided = await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const r = await trx
      .updateTable('campaigns')
      .set({ ab_result: JSON.stringify(result), decided_at: at, updated_at: at })
      .where('id', '=', c.id)
      .where('ab_result', 'is', null)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    const i = c.variants.findIndex((v) => v.key === result.variant);
    await appendEvents(trx, 'campaigns', [
      {
        type: 'campaign.winner_chosen',
        entity: 'campaign',
        entityId: c.id,
        data: { variant: result.variant, p_best: result.p_best[i], expected_loss: result.expected_loss[i], reason: result.reason },
      },
    ]);
    return true;
  });
  if (!decided) return null;
  await enqueue(database, sendJobKind, { campaign_id: c.id });
  return result;
}

/**
 * A sending campaign whose every message is queued (finished_at set) becomes sent once none of its
 * messages waits for the mail worker any more. Returns whether it did.
 */
async function settleCampaign(database: Database, campaignId: string): Promise<boolean> {
  const db = database.db;
  const pending = await db
    .selectFrom('messages')
    .select('id')
    .where('related_entity', '=', 'campaign')
    .where('related_id', '=', campaignId)
    .where('status', 'in', ['queued', 'sending'])
    .limit(1)
    .execute();
  if (pending.length) return false;
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('campaigns').select(['status', 'finished_at']).where('id', '=', campaignId).executeTakeFirst();
    if (row?.status !== 'sending' || !row.finished_at) return false;
    await transition(trx, 'campaigns', campaignId, ['sending'], 'sent');
    return true;
  });
}

/** The per-minute pass: due scheduled campaigns start (in case their job was lost), a stalled send is queued again, A/B tests are looked at, delivered campaigns become sent. */
export async function campaignsTick(database: Database, now = new Date()): Promise<{ started: number; decided: number; sent: number }> {
  const db = database.db;
  let started = 0;
  let decided = 0;
  const due = await db.selectFrom('campaigns').selectAll().where('status', '=', 'scheduled').where('scheduled_at', '<=', now.toISOString()).execute();
  for (const row of due) {
    await enqueue(database, sendJobKind, { campaign_id: row.id });
    started++;
  }
  // A sending campaign still queueing whose send job is gone (failed for good, e.g. its process killed
  // once per attempt) gets a new one: the job resumes where the recipient rows stop.
  const queueing = await db.selectFrom('campaigns').selectAll().where('status', '=', 'sending').where('finished_at', 'is', null).execute();
  for (const row of queueing) {
    const c = toCampaign(row);
    if (c.ab && !c.ab_result && c.test_sent_at) continue;
    const live = await db.selectFrom('jobs').select('id').where('kind', '=', sendJobKind).where('status', 'in', ['queued', 'running']).where('payload', 'like', `%${c.id}%`).limit(1).execute();
    if (live.length === 0) {
      await enqueue(database, sendJobKind, { campaign_id: c.id });
      started++;
    }
  }
  const testing = await db.selectFrom('campaigns').selectAll().where('status', '=', 'sending').where('test_sent_at', 'is not', null).where('decided_at', 'is', null).execute();
  for (const row of testing) if (await decideAbTest(database, toCampaign(row).id, now)) decided++;
  let sent = 0;
  const finishing = await db.selectFrom('campaigns').select('id').where('status', '=', 'sending').where('finished_at', 'is not', null).execute();
  for (const row of finishing) if (await settleCampaign(database, row.id as string)) sent++;
  return { started, decided, sent };
}

export function campaignJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [sendJobKind]: async (job) => runCampaignSend(database, (job.payload as { campaign_id: string }).campaign_id),
    [decideJobKind]: async (job) => decideAbTest(database, (job.payload as { campaign_id: string }).campaign_id),
    [tickJobKind]: async () => campaignsTick(database),
  };
}
