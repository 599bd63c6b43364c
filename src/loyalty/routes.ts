/** Loyalty API (rules, rewards, tiers, settings, a customer's points, referrals, the report) and the public pages `/r/{code}` and `/me/{token}`. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { notFound } from '../core/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { body, idParam, json } from '../http/crud-routes.js';
import { errorResponses } from '../http/errors.js';
import { debitPoints, creditPoints, getBalance, pointsHistory, entryKinds } from './ledger.js';
import { customerOfPageToken, notFoundPage, pageLinkFor, referralLinkFor, renderMemberPage, renderReferralPage } from './pages.js';
import { normaliseCode, referralChannels, referrerOf, tryAttributeReferral } from './referrals.js';
import { loyaltyReport, loyaltyReportSchema } from './report.js';
import { createReward, deleteReward, listRedemptions, listRewards, redeemInput, redeemReward, redemptionSchema, rewardCreateInput, rewardSchema, rewardUpdateInput, updateReward } from './rewards.js';
import { createRule, deleteRule, listRules, ruleCreateInput, ruleSchema, ruleUpdateInput, updateRule } from './rules.js';
import { getLoyaltySettings, loyaltySettingsSchema, updateLoyaltySettings } from './settings.js';
import { createTier, deleteTier, listTiers, tierCreateInput, tierSchema, tierUpdateInput, updateTier } from './tiers.js';

const tags = ['loyalty'];
const publicRoute = { security: [] as Record<string, string[]>[] };
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const entrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(entryKinds),
    points: z.number().int().openapi({ description: 'Positive for credits, negative for debits' }),
    remaining: z.number().int().openapi({ description: 'For credits: the points not yet spent or expired' }),
    reason: z.string().nullable(),
    rule_id: z.string().nullable(),
    order_id: z.string().nullable(),
    redemption_id: z.string().nullable(),
    expires_at: z.string().nullable(),
    actor: z.string(),
    created_at: z.string(),
  })
  .openapi('LoyaltyEntry');

const pointsSchema = z
  .object({
    customer_id: z.string(),
    points: z.number().int(),
    earned: z.number().int().openapi({ description: "Points earned over the customer's life, less reversals" }),
    tier: tierSchema.nullable(),
    tier_since: z.string().nullable(),
    history: z.array(entrySchema),
    next_cursor: z.string().nullable(),
    redemptions: z.array(redemptionSchema),
    referral_code: z.string().nullable().openapi({ description: 'Null for an erased person' }),
    referral_link: z.string().nullable(),
    page_link: z.string().nullable().openapi({ description: "The customer's own page (a signed link; share it only with them); null for an erased person" }),
    referred_by: z.string().nullable(),
    referrals: z.number().int().openapi({ description: 'Customers this customer brought in' }),
  })
  .openapi('CustomerPoints');

const adjustInput = z
  .object({
    points: z
      .number()
      .int()
      .min(-1e9)
      .max(1e9)
      .refine((v) => v !== 0, 'must not be zero')
      .openapi({ description: 'Added when positive, taken when negative (a negative adjustment may take the balance below zero)' }),
    reason: z.string().trim().min(1).max(255),
  })
  .strict()
  .openapi('LoyaltyAdjust');

const referralSchema = z
  .object({
    id: z.string(),
    referrer_id: z.string(),
    referred_id: z.string(),
    code: z.string(),
    channel: z.string(),
    status: z.enum(['attributed', 'rewarded', 'refused']),
    refused_reason: z.string().nullable().openapi({ description: "Why a referral was refused after attribution (the new customer paid with the referrer's card or account)" }),
    order_id: z.string().nullable(),
    attributed_at: z.string(),
    rewarded_at: z.string().nullable(),
  })
  .openapi('Referral');
const attributeInput = z
  .object({ customer_id: z.string().min(1).max(40), code: z.string().trim().min(1).max(64), channel: z.enum(referralChannels).optional() })
  .strict()
  .openapi('ReferralAttribute');
const attributionSchema = z.object({ attributed: z.boolean(), reason: z.string().nullable(), referral_id: z.string().nullable(), referrer_id: z.string().nullable() }).openapi('ReferralAttribution');

const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional(), cursor: z.string().max(40).optional() });
const referralQuery = z.object({
  referrer_id: z.string().max(40).optional(),
  status: z.enum(['attributed', 'rewarded', 'refused']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const reportQuery = z.object({ margin: z.coerce.number().min(0).max(1).optional().openapi({ description: 'Gross margin (0 to 1) for the affordable reward; 1 when not given' }) });

/** A catalogue resource: list, create, update, delete, all with the same record schema. */
function registerCatalogue(
  app: OpenAPIHono<AppEnv>,
  o: {
    path: string;
    name: string;
    record: z.ZodTypeAny;
    create: z.ZodTypeAny;
    update: z.ZodTypeAny;
    list: (db: any) => Promise<unknown[]>;
    add: (db: any, input: unknown) => Promise<unknown>;
    change: (db: any, id: string, input: unknown) => Promise<unknown>;
    remove: (db: any, id: string) => Promise<void>;
  },
) {
  app.openapi(createRoute({ method: 'get', path: o.path, tags, summary: `Loyalty ${o.name}s`, responses: { 200: json(z.object({ data: z.array(o.record) }), `The ${o.name}s`) } }), async (c) =>
    c.json({ data: (await o.list(c.get('ctx').database.db)) as never[] }, 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: o.path, tags, summary: `Add a ${o.name}`, request: { body: body(o.create) }, responses: { 201: json(o.record, 'Created'), 400: errorResponses[400] } }),
    async (c) => c.json((await o.add(c.get('ctx').database.db, await c.req.json())) as never, 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: `${o.path}/{id}`,
      tags,
      summary: `Change a ${o.name}`,
      request: { params: idParam, body: body(o.update) },
      responses: { 200: json(o.record, 'Changed'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => c.json((await o.change(c.get('ctx').database.db, c.req.valid('param').id, await c.req.json())) as never, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${o.path}/{id}`,
      tags,
      summary: `Remove a ${o.name}`,
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, 404: errorResponses[404] },
    }),
    async (c) => {
      await o.remove(c.get('ctx').database.db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}

export function registerLoyaltyRoutes(app: OpenAPIHono<AppEnv>) {
  registerCatalogue(app, {
    path: '/api/loyalty/rules',
    name: 'rule',
    record: ruleSchema,
    create: ruleCreateInput,
    update: ruleUpdateInput,
    list: listRules,
    add: createRule,
    change: updateRule,
    remove: deleteRule,
  });
  registerCatalogue(app, {
    path: '/api/loyalty/rewards',
    name: 'reward',
    record: rewardSchema,
    create: rewardCreateInput,
    update: rewardUpdateInput,
    list: listRewards,
    add: createReward,
    change: updateReward,
    remove: deleteReward,
  });
  registerCatalogue(app, {
    path: '/api/loyalty/tiers',
    name: 'tier',
    record: tierSchema,
    create: tierCreateInput,
    update: tierUpdateInput,
    list: listTiers,
    add: createTier,
    change: updateTier,
    remove: deleteTier,
  });

  app.openapi(createRoute({ method: 'get', path: '/api/loyalty/settings', tags, summary: 'Loyalty programme settings', responses: { 200: json(loyaltySettingsSchema, 'Settings') } }), async (c) =>
    c.json(await getLoyaltySettings(c.get('ctx').database.db), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/loyalty/settings',
      tags,
      summary: 'Change loyalty programme settings (only the fields sent)',
      request: { body: body(loyaltySettingsSchema.partial().strict()) },
      responses: { 200: json(loyaltySettingsSchema, 'Settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await updateLoyaltySettings(c.get('ctx').database, await c.req.json()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/customers/{id}/points',
      tags,
      summary: "A customer's points: balance, tier, history (newest first), redemptions, referral code and links",
      request: { params: idParam, query: historyQuery },
      responses: { 200: json(pointsSchema, 'Points'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const id = c.req.valid('param').id;
      const query = c.req.valid('query');
      const result = await inTransaction(ctx, async (trx) => {
        const customer = await trx.selectFrom('customers').select(['id', 'erased_at']).where('id', '=', id).executeTakeFirst();
        if (!customer) throw notFound('customer', id);
        // An erased person gets no new code or link.
        const erased = !!customer.erased_at;
        const settings = await getLoyaltySettings(trx);
        const balance = await getBalance(trx, id);
        const history = await pointsHistory(trx, id, { limit: query.limit ?? 50, before: query.cursor });
        const tier = balance.tier_id ? ((await listTiers(trx)).find((t) => t.id === balance.tier_id) ?? null) : null;
        const referral = erased ? { code: null, link: null } : await referralLinkFor(trx, id, settings);
        const page_link = erased ? null : await pageLinkFor(trx, id, settings);
        const referredBy = await trx.selectFrom('referrals').select('referrer_id').where('referred_id', '=', id).executeTakeFirst();
        const brought = await trx
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('referrer_id', '=', id)
          .executeTakeFirst();
        return {
          customer_id: id,
          points: balance.points,
          earned: balance.earned,
          tier,
          tier_since: balance.tier_since,
          history: history.data,
          next_cursor: history.next_cursor,
          redemptions: await listRedemptions(trx, id),
          referral_code: referral.code,
          referral_link: referral.link,
          page_link,
          referred_by: (referredBy?.referrer_id as string | undefined) ?? null,
          referrals: Number(brought?.n ?? 0),
        };
      });
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/customers/{id}/points/adjust',
      tags,
      summary: 'Adjust a balance by hand, with a reason',
      request: { params: idParam, body: body(adjustInput) },
      responses: { 201: json(entrySchema, 'The adjustment'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const id = c.req.valid('param').id;
      const { points, reason } = c.req.valid('json');
      const entry = await inTransaction(ctx, async (trx) => {
        if (!(await trx.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('customer', id);
        if (points > 0) return (await creditPoints(trx, ctx.actor, [{ customerId: id, points, reason, kind: 'adjust' }], (await getLoyaltySettings(trx)).expiry_days))[0];
        return debitPoints(trx, ctx.actor, { customerId: id, kind: 'adjust', points: -points, reason, allowNegative: true });
      });
      const { customer_id: _c, source_key: _s, ...shown } = entry;
      return c.json(shown, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/customers/{id}/points/redeem',
      tags,
      summary: 'Redeem a reward: the points, the code or order line and the redemption in one transaction (409 when the balance is short)',
      request: { params: idParam, body: body(redeemInput) },
      responses: { 201: json(redemptionSchema, 'Redeemed'), 400: errorResponses[400], 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await c.req.json();
      return c.json(await inTransaction(ctx, (trx) => redeemReward(trx, ctx, c.req.valid('param').id, input)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/referrals',
      tags,
      summary: 'Referrals, newest first',
      request: { query: referralQuery },
      responses: { 200: json(z.object({ data: z.array(referralSchema) }), 'Referrals'), 400: errorResponses[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      let query = c
        .get('ctx')
        .database.db.selectFrom('referrals')
        .selectAll()
        .orderBy('attributed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit ?? 100);
      if (q.referrer_id) query = query.where('referrer_id', '=', q.referrer_id);
      if (q.status) query = query.where('status', '=', q.status);
      return c.json({ data: (await query.execute()) as z.infer<typeof referralSchema>[] }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/referrals',
      tags,
      summary: 'Attribute a customer to the owner of a referral code (refused for self-referral, loops, repeat customers)',
      request: { body: body(attributeInput) },
      responses: { 200: json(attributionSchema, 'Attributed, or why not'), 400: errorResponses[400], 404: errorResponses[404] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = c.req.valid('json');
      const result = await inTransaction(ctx, async (trx) => {
        if (!(await trx.selectFrom('customers').select('id').where('id', '=', input.customer_id).executeTakeFirst())) throw notFound('customer', input.customer_id);
        return tryAttributeReferral(trx, ctx, input.customer_id, input.code, { channel: input.channel ?? 'manual' });
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/loyalty',
      tags: ['reports', ...tags],
      summary: "The programme's return: liability, earn and redeem by month, redemption rate, tier mix, referred customers against the others with bootstrap intervals",
      request: { query: reportQuery },
      responses: { 200: json(loyaltyReportSchema, 'Report'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await loyaltyReport(c.get('ctx').database.db, { margin: c.req.valid('query').margin }), 200),
  );
}

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const tokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/** The public pages: a referral link's landing page and a customer's own page. GET only: nothing to post. */
export function registerLoyaltyPages(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const db = deps.database.db;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/r/{code}',
      tags,
      ...publicRoute,
      summary: "A referral link's landing page (public): leads to the lead form or the shop with the code",
      request: { params: codeParam },
      responses: { 200: html('The landing page'), 404: html('Unknown code') },
    }),
    async (c) => {
      const code = normaliseCode(c.req.valid('param').code);
      c.header('cache-control', 'no-store');
      c.header('referrer-policy', 'no-referrer');
      if (!(await referrerOf(db, code))) return c.html(notFoundPage('This invitation link is not valid.'), 404);
      return c.html(renderReferralPage(await getLoyaltySettings(db), code), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/{token}',
      tags,
      ...publicRoute,
      summary: "A customer's own page (public, signed link): balance, tier, rewards and referral link",
      request: { params: tokenParam },
      responses: { 200: html('The page'), 404: html('Unknown link') },
    }),
    async (c) => {
      c.header('cache-control', 'no-store');
      c.header('referrer-policy', 'no-referrer');
      const customerId = await customerOfPageToken(db, c.req.valid('param').token);
      if (!customerId) return c.html(notFoundPage('This link is not valid.'), 404);
      return c.html(await renderMemberPage(db, customerId, new URL(c.req.url).origin), 200);
    },
  );
}
