import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Ctx } from '../core/context.js';
import { openDatabase, type Database } from '../core/database.js';
import { customers } from '../customers/index.js';
import { orders } from '../sales/orders.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { getBalance } from './ledger.js';
import { referralCodeFor, tryAttributeReferral } from './referrals.js';
import { redeemReward } from './rewards.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('loyalty API on %s', (engine) => {
  let api: TestApi;
  const ok = async (method: string, path: string, body?: unknown, status = [200, 201, 204]) => {
    const res = await api.request(method, path, body);
    if (!status.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let ann: string;
  let discount: { id: string };

  beforeAll(async () => {
    api = await testApi(engine);
    await ok('PATCH', '/api/settings', { currency: 'EUR' });
    await ok('PUT', '/api/loyalty/settings', { point_value: 0.05, referral_form_id: 'frm_invite' });
    await ok('POST', '/api/loyalty/rules', { name: 'A point per euro', kind: 'order', points: 1 });
    discount = await ok('POST', '/api/loyalty/rewards', { name: '5 euro off', kind: 'discount_code', points_price: 50, discount_amount: 5 });
    ann = (await ok('POST', '/api/customers', { first_name: 'Ann', email: 'ann@api.example' })).id;
  });
  afterAll(() => api?.close());

  it('refuses bad rules, rewards and tiers with field messages, and names unknown customers', async () => {
    const bad = await api.request('POST', '/api/loyalty/rules', { name: 'x', kind: 'event', points: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('event_type');
    expect((await api.request('POST', '/api/loyalty/rules', { name: 'x', kind: 'order', points: -1 })).body.error.fields).toHaveProperty('points');
    expect((await api.request('POST', '/api/loyalty/rewards', { name: 'x', kind: 'discount_code', points_price: 10 })).status).toBe(400);
    expect((await api.request('POST', '/api/loyalty/rewards', { name: 'x', kind: 'free_product', points_price: 10, product_id: 'prd_nope' })).body.error.fields).toHaveProperty('product_id');
    expect((await api.request('GET', '/api/customers/cus_nope/points')).status).toBe(404);
    expect((await api.request('POST', '/api/customers/cus_nope/points/adjust', { points: 5, reason: 'x' })).status).toBe(404);
    expect((await api.request('POST', `/api/customers/${ann}/points/adjust`, { points: 5 })).body.error.fields).toHaveProperty('reason');
    expect((await api.request('PATCH', '/api/loyalty/rules/lru_nope', { points: 2 })).status).toBe(404);
    expect((await ok('GET', '/api/loyalty/rules')).data).toHaveLength(1);
  });

  it('shows points earned by an order, redeems a code all-or-nothing and counts its use', async () => {
    await ok('POST', '/api/orders', { customer_id: ann, ordered_at: daysAgo(2), total: 60 });
    const before = await ok('GET', `/api/customers/${ann}/points`);
    expect(before).toMatchObject({ points: 60, earned: 60, referrals: 0, referred_by: null });
    expect(before.history.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([['earn', 60]]);
    expect(before.referral_link).toBe(`/r/${before.referral_code}`);

    const redemption = await ok('POST', `/api/customers/${ann}/points/redeem`, { reward_id: discount.id });
    expect(redemption).toMatchObject({ points: 50, uses_left: 1, order_id: null });
    expect(redemption.code).toMatch(/^RW[2-9A-Z]{10}$/);
    const short = await api.request('POST', `/api/customers/${ann}/points/redeem`, { reward_id: discount.id });
    expect(short.status).toBe(409);
    const after = await ok('GET', `/api/customers/${ann}/points`);
    expect(after.points).toBe(10);
    expect(after.redemptions).toHaveLength(1);
    expect(after.history.map((e: { kind: string }) => e.kind)).toEqual(['spend', 'earn']);

    // The code used on an order counts down; the order earns as any other.
    await ok('POST', '/api/orders', { customer_id: ann, ordered_at: daysAgo(1), total: 20, discount_code: redemption.code.toLowerCase() });
    const used = await ok('GET', `/api/customers/${ann}/points`);
    expect(used.redemptions[0].uses_left).toBe(0);
    expect(used.points).toBe(30);
  });

  it('adds a free product as an order line, in the same transaction as the points', async () => {
    const product = await ok('POST', '/api/products', { name: 'Tote bag', price: 12 });
    const reward = await ok('POST', '/api/loyalty/rewards', { name: 'Free tote', kind: 'free_product', points_price: 20, product_id: product.id });
    const bo = (await ok('POST', '/api/customers', { first_name: 'Bo', email: 'bo@api.example' })).id;
    const order = await ok('POST', '/api/orders', { customer_id: bo, ordered_at: daysAgo(1), lines: [{ product_name: 'Mug', quantity: 2, unit_price: 15 }] });
    const redemption = await ok('POST', `/api/customers/${bo}/points/redeem`, { reward_id: reward.id, order_id: order.id });
    expect(redemption.order_id).toBe(order.id);
    const withLine = await ok('GET', `/api/orders/${order.id}`);
    expect(withLine.total).toBe(30);
    expect(withLine.lines.map((l: { product_id: string | null; unit_price: number }) => [l.product_id, l.unit_price])).toEqual([
      [null, 15],
      [product.id, 0],
    ]);
    expect((await ok('GET', `/api/customers/${bo}/points`)).points).toBe(10);
    // An order of someone else is refused, and the points stay.
    const other = await api.request('POST', `/api/customers/${bo}/points/redeem`, {
      reward_id: reward.id,
      order_id: (await ok('GET', `/api/orders?filter=${encodeURIComponent(JSON.stringify({ field: 'customer_id', op: 'eq', value: ann }))}`)).data[0].id,
    });
    expect(other.status).toBe(400);
    expect((await getBalance(api.db.database.db, bo)).points).toBe(10);
  });

  it('lets exactly one of two concurrent redemptions of the last points win', async () => {
    const cy = (await ok('POST', '/api/customers', { first_name: 'Cy', email: 'cy@api.example' })).id;
    await ok('POST', `/api/customers/${cy}/points/adjust`, { points: 70, reason: 'welcome gift' });
    // A second connection (a second handle on the same SQLite file; a second pooled connection elsewhere).
    let second: Database = api.db.database;
    if (engine === 'sqlite') second = await openDatabase({ sqlitePath: api.db.url });
    const ctxA: Ctx = { database: api.db.database, actor: 'test:a' };
    const ctxB: Ctx = { database: second, actor: 'test:b' };
    try {
      // A redeems and holds its transaction open a moment, so that B's attempt overlaps it.
      const a = inTransaction(ctxA, async (trx) => {
        const r = await redeemReward(trx, ctxA, cy, { reward_id: discount.id });
        await sleep(300);
        return r;
      });
      await sleep(60);
      const b = inTransaction(ctxB, (trx) => redeemReward(trx, ctxB, cy, { reward_id: discount.id }));
      const results = await Promise.allSettled([a, b]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(failure.reason).toMatchObject({ status: 409 });
    } finally {
      if (second !== api.db.database) await second.close();
    }
    const points = await ok('GET', `/api/customers/${cy}/points`);
    expect(points.points).toBe(20);
    expect(points.redemptions).toHaveLength(1);
    expect(points.history.filter((e: { kind: string }) => e.kind === 'spend')).toHaveLength(1);
  });

  it("dates the customer page's point entries in the business time zone", async () => {
    const dana = (await ok('POST', '/api/customers', { first_name: 'Dana', email: 'dana@api.example' })).id;
    await ok('POST', `/api/customers/${dana}/points/adjust`, { points: 7, reason: 'late evening gift' });
    // 23:30 UTC on 1 March is already 2 March in Brussels.
    await api.db.database.db.updateTable('loyalty_entries').set({ created_at: '2026-03-01T23:30:00.000Z' }).where('customer_id', '=', dana).execute();
    await ok('PATCH', '/api/settings', { time_zone: 'Europe/Brussels' });
    try {
      const { page_link } = await ok('GET', `/api/customers/${dana}/points`);
      const text = await (await api.app.request(page_link)).text();
      expect(text).toContain('<td>2026-03-02</td>');
      expect(text).not.toContain('2026-03-01');
    } finally {
      await ok('PATCH', '/api/settings', { time_zone: 'UTC' });
    }
  });

  it('serves the customer page by its signed link and the referral landing page, without scripts', async () => {
    const points = await ok('GET', `/api/customers/${ann}/points`);
    expect(points.page_link).toMatch(/^\/me\/[A-Za-z0-9_-]{40,}$/);
    const page = await api.app.request(points.page_link);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(`${points.points} points`);
    // The referral link is one the customer can share: absolute, on the address the page was opened at.
    expect(points.referral_link).toMatch(/^\/r\/[A-Z0-9]+$/);
    expect(text).toContain(`<a href="http://localhost${points.referral_link}">http://localhost${points.referral_link}</a>`);
    expect(await (await api.app.request(`https://crm.shop.example${points.page_link}`)).text()).toContain(`>https://crm.shop.example${points.referral_link}</a>`);
    expect(text).not.toMatch(/<script/i);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // A link with one character changed, or another customer's id, leads nowhere.
    const token = points.page_link.slice(4);
    const forged = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await api.app.request(`/me/${forged}`)).status).toBe(404);
    expect((await api.app.request(`/me/${ann}`)).status).toBe(404);

    const landing = await api.app.request(points.referral_link);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain(`href="/f/frm_invite?ref=${points.referral_code}"`);
    expect((await api.app.request('/r/ZZZZZZZZ')).status).toBe(404);
  });

  it('attributes through POST /api/referrals and refuses self-referral', async () => {
    const { referral_code } = await ok('GET', `/api/customers/${ann}/points`);
    const self = await ok('POST', '/api/referrals', { customer_id: ann, code: referral_code });
    expect(self).toMatchObject({ attributed: false, reason: 'a customer cannot use their own referral code' });
    const dee = (await ok('POST', '/api/customers', { first_name: 'Dee', email: 'dee@api.example' })).id;
    expect(await ok('POST', '/api/referrals', { customer_id: dee, code: referral_code })).toMatchObject({ attributed: true, referrer_id: ann });
    expect((await ok('GET', `/api/referrals?referrer_id=${ann}`)).data.map((r: { referred_id: string }) => r.referred_id)).toEqual([dee]);
    expect((await api.request('POST', '/api/referrals', { customer_id: 'cus_nope', code: referral_code })).status).toBe(404);
  });

  it('reports liability, redemption and referred customers against others, saying when there are too few', async () => {
    const small = await ok('GET', '/api/reports/loyalty');
    expect(small.referrals.enough_data).toBe(false);
    expect(small.referrals.message).toMatch(/Too few referred customers/);
    expect(small.liability).toBeCloseTo(small.outstanding_points * 0.05, 6);
    expect(small.points_redeemed).toBe(50 + 20 + 50);

    // Forty referred customers who buy twice, forty others who buy once; each referral rewards both sides.
    await ok('POST', '/api/loyalty/rules', { name: 'Thanks for the referral', kind: 'referrer', points: 10 });
    await ok('POST', '/api/loyalty/rules', { name: 'Welcome, referred friend', kind: 'referred', points: 5 });
    const db = api.db.database;
    const ctx: Ctx = { database: db, actor: 'test' };
    const referrer = (await ok('POST', '/api/customers', { first_name: 'Ref', email: 'ref@api.example' })).id;
    const code = await inTransaction(ctx, (trx) => referralCodeFor(trx, referrer));
    await inTransaction(ctx, async (trx) => {
      const made = await customers.createIn(
        trx,
        ctx,
        Array.from({ length: 80 }, (_, i) => ({ first_name: `P${i}`, email: `p${i}@report.example` })),
      );
      for (const [i, c] of made.entries()) {
        const referred = i < 40;
        if (referred) expect((await tryAttributeReferral(trx, ctx, c.id as string, code)).attributed).toBe(true);
        const count = referred ? 2 : 1;
        await orders.createIn(
          trx,
          ctx,
          Array.from({ length: count }, (_, k) => ({ customer_id: c.id, ordered_at: daysAgo(10 + k), total: 20 + (i % 7) * 5 })),
        );
      }
    });
    const report = await ok('GET', '/api/reports/loyalty?margin=0.4');
    expect(report.referrals.enough_data).toBe(true);
    expect(report.referrals.message).toBeNull();
    const orderCount = report.referrals.comparisons.find((c: { measure: string }) => c.measure === 'order_count');
    expect(orderCount.referred_n).toBe(40);
    expect(orderCount.referred_mean).toBe(2);
    expect(orderCount.low).toBeLessThanOrEqual(orderCount.difference);
    expect(orderCount.high).toBeGreaterThanOrEqual(orderCount.difference);
    const revenue = report.referrals.comparisons.find((c: { measure: string }) => c.measure === 'revenue');
    expect(revenue.low).toBeLessThan(revenue.high);
    expect(report.referrals.affordable_reward).toBeGreaterThan(0);
    expect(report.referrals.affordable_reward).toBeLessThan(revenue.referred_mean * 0.4);
    expect(report.referrals.affordable_points).toBe(Math.floor(report.referrals.affordable_reward / 0.05));
    // Both sides of forty referrals: 40 × (10 + 5) points at 0.05 each.
    expect(report.referrals.reward_cost).toBe(30);
    expect((await api.request('GET', '/api/reports/loyalty?margin=2')).status).toBe(400);
  });

  it("exports the person's points and codes, and an erase leaves their links leading nowhere", async () => {
    const eve = (await ok('POST', '/api/customers', { first_name: 'Eve', email: 'eve@api.example' })).id;
    await ok('POST', `/api/customers/${eve}/points/adjust`, { points: 80, reason: 'Eve called about her birthday' });
    const { page_link, referral_link } = await ok('GET', `/api/customers/${eve}/points`);
    await ok('POST', `/api/customers/${eve}/points/redeem`, { reward_id: discount.id });
    const exported = await ok('GET', `/api/customers/${eve}/export`);
    expect(exported.loyalty).toMatchObject({ points: 30, referral_code: referral_link.slice(3) });
    expect(exported.loyalty.entries.map((e: { kind: string; reason: string }) => [e.kind, e.reason])).toEqual([
      ['adjust', 'Eve called about her birthday'],
      ['spend', 'redeemed: 5 euro off'],
    ]);
    expect(exported.loyalty.redemptions).toHaveLength(1);
    await ok('DELETE', `/api/customers/${eve}?erase=true`);
    expect((await api.app.request(page_link)).status).toBe(404);
    expect((await api.app.request(referral_link)).status).toBe(404);
    const reasons = await api.db.database.db.selectFrom('loyalty_entries').select('reason').where('customer_id', '=', eve).execute();
    expect(reasons.map((r) => r.reason)).toEqual([null, null]);
    expect(await ok('GET', `/api/customers/${eve}/points`)).toMatchObject({ points: 30, referral_code: null, page_link: null });
    expect(await api.db.database.db.selectFrom('referral_codes').select('code').where('customer_id', '=', eve).execute()).toEqual([]);
  });

  it('fills the loyalty merge fields of an email template: points, tier and an absolute referral link', async () => {
    // Tiers are recomputed on each order (and nightly): the tier exists before Bea's order.
    const tier = await ok('POST', '/api/loyalty/tiers', { name: 'Silver', basis: 'points', threshold: 50 });
    const bea = (await ok('POST', '/api/customers', { first_name: 'Bea', email: 'bea@api.example' })).id;
    await ok('POST', '/api/orders', { customer_id: bea, ordered_at: daysAgo(1), total: 80 });
    const template = {
      subject: '{{ points }} points for you',
      text: 'Hi {{ customer.first_name }}, {{ points }} points{% if tier %}, tier {{ tier }}{% endif %}. Invite a friend: {{ referral_link }}',
    };
    await ok('PUT', '/api/mail/settings', { public_url: 'https://crm.shop.example' });
    try {
      const { referral_code } = await ok('GET', `/api/customers/${bea}/points`);
      const preview = await ok('POST', '/api/templates/preview', { template, customer_id: bea });
      expect(preview.subject).toBe('80 points for you');
      expect(preview.text.trim()).toBe(`Hi Bea, 80 points, tier Silver. Invite a friend: https://crm.shop.example/r/${referral_code}`);
      // Without a customer, the sample values; an unknown loyalty-like name is still refused.
      expect((await ok('POST', '/api/templates/preview', { template })).subject).toBe('120 points for you');
      expect((await api.request('POST', '/api/templates/preview', { template: { subject: '{{ pointz }}', text: 'x' } })).status).toBe(400);
      // An erased customer has no context to render, and is given no referral code by the attempt.
      const cy = (await ok('POST', '/api/customers', { first_name: 'Cyra', email: 'cyra@merge.example' })).id;
      await ok('DELETE', `/api/customers/${cy}?erase=true`);
      expect((await api.request('POST', '/api/templates/preview', { template, customer_id: cy })).status).toBe(404);
      expect(await api.db.database.db.selectFrom('referral_codes').select('code').where('customer_id', '=', cy).execute()).toEqual([]);
      const fields = (await ok('GET', '/api/templates/fields')).data.map((f: { name: string }) => f.name);
      expect(fields).toEqual(expect.arrayContaining(['points', 'tier', 'referral_link']));
    } finally {
      await ok('DELETE', `/api/loyalty/tiers/${tier.id}`);
      await ok('PUT', '/api/mail/settings', { public_url: null });
    }
  });

  it('documents every loyalty route in the OpenAPI document', async () => {
    const doc = await ok('GET', '/api/openapi.json');
    for (const path of [
      '/api/loyalty/rules',
      '/api/loyalty/rewards',
      '/api/loyalty/tiers',
      '/api/customers/{id}/points',
      '/api/customers/{id}/points/redeem',
      '/api/customers/{id}/points/adjust',
      '/api/referrals',
      '/api/reports/loyalty',
      '/r/{code}',
      '/me/{token}',
    ])
      expect(doc.paths).toHaveProperty([path]);
  });
});
