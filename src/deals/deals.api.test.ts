import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { posteriorMean, minClosedDeals } from './probability.js';

const cents = (n: number) => Math.round(n * 100) / 100;

describe.each(engines)('deals API on %s', (engine) => {
  let api: TestApi;
  let pipeline: any;
  const stage = (name: string, p = pipeline) => p.stages.find((s: any) => s.name === name).id as string;
  const ok = async (method: string, path: string, body?: unknown, status = 200) => {
    const res = await api.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    await ok('PATCH', '/api/settings', { currency: 'EUR' });
    pipeline = (await ok('GET', '/api/pipelines')).data[0];
  }, 180_000);
  afterAll(async () => api?.close());

  it('creates pipelines, refuses bad stages with field messages, and keeps a pipeline with deals', async () => {
    const bad = await api.request('POST', '/api/pipelines', {
      name: 'No won',
      stages: [
        { name: 'A', probability: 0.2 },
        { name: 'B', probability: 0.3 },
        { name: 'L', kind: 'lost' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.stages).toBeDefined();
    const badP = await api.request('POST', '/api/pipelines', {
      name: 'P',
      stages: [
        { name: 'A', probability: 1.5 },
        { name: 'W', kind: 'won' },
        { name: 'L', kind: 'lost' },
      ],
    });
    expect(badP.status).toBe(400);
    expect(Object.keys(badP.body.error.fields)).toContain('stages.0.probability');
    const created = await ok(
      'POST',
      '/api/pipelines',
      {
        name: 'Partners',
        rotten_days: 14,
        stages: [
          { name: 'Intro', probability: 0.2 },
          { name: 'Signed', kind: 'won' },
          { name: 'Gone', kind: 'lost' },
        ],
      },
      201,
    );
    expect(created.stages.map((s: any) => s.probability)).toEqual([0.2, 1, 0]);
    const deal = await ok('POST', '/api/deals', { title: 'Partner deal', pipeline_id: created.id, value: 10 }, 201);
    expect(deal.stage_id).toBe(stage('Intro', created));
    expect((await api.request('DELETE', `/api/pipelines/${created.id}`)).status).toBe(409);
    expect((await api.request('GET', '/api/pipelines/pip_nope')).status).toBe(404);
    const renamed = await ok('PATCH', `/api/pipelines/${created.id}`, { name: 'Partnerships' });
    expect(renamed.name).toBe('Partnerships');
    await ok('DELETE', `/api/deals/${deal.id}`, undefined, 204);
    await ok('DELETE', `/api/pipelines/${created.id}`, undefined, 204);
  });

  it('lists deals with filters, sort and cursor like customers', async () => {
    const values = [120, 80, 300, 45.5, 999, 10, 640];
    for (const [i, value] of values.entries()) await ok('POST', '/api/deals', { title: `List ${i}`, value, source: i % 2 ? 'referral' : 'form', expected_close_date: `2027-0${(i % 3) + 1}-15` }, 201);
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok('GET', `/api/deals?title[contains]=list&sort=-value&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.map((d) => d.value)).toEqual([...values].sort((a, b) => b - a));
    const filtered = await ok('GET', '/api/deals?source=referral&value[gte]=50&sort=value');
    expect(filtered.data.map((d: any) => d.value)).toEqual([80]);
    const open = await ok('GET', `/api/deals?status=open&stage_id=${stage('Lead')}&q=list 4`);
    expect(open.data.map((d: any) => d.title)).toEqual(['List 4']);
    // A % in the search is a character, not a wildcard.
    expect((await ok('GET', '/api/deals?q=li%25t')).data).toEqual([]);
    expect((await api.request('GET', '/api/deals?status[gt]=1')).status).toBe(200);
    expect((await api.request('GET', '/api/deals?nope=1')).status).toBe(400);
    expect((await api.request('GET', '/api/deals?cursor=garbage')).status).toBe(400);
    // The same filter exports as CSV, one row per deal, columns from the registry.
    const csv = await api.request('GET', `/api/export/deals?format=csv&filter=${encodeURIComponent(JSON.stringify({ field: 'source', op: 'eq', value: 'referral' }))}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split(/\r?\n/);
    expect(lines[0]).toContain('expected_close_date');
    expect(lines).toHaveLength(1 + values.filter((_, i) => i % 2).length);
    // Read-only fields cannot be written.
    const bad = await api.request('POST', '/api/deals', { title: 'x', status: 'won' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.status).toBeDefined();
  });

  it('moves a deal, refuses a stage of another pipeline without changing anything, and keeps the history', async () => {
    const other = await ok(
      'POST',
      '/api/pipelines',
      {
        name: 'Other',
        stages: [
          { name: 'X', probability: 0.5 },
          { name: 'W', kind: 'won' },
          { name: 'L', kind: 'lost' },
        ],
      },
      201,
    );
    const deal = await ok('POST', '/api/deals', { title: 'Mover', value: 1500 }, 201);
    const refused = await api.request('POST', `/api/deals/${deal.id}/move`, { stage_id: stage('X', other) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.stage_id).toBeDefined();
    expect(await ok('GET', `/api/deals/${deal.id}`)).toEqual(deal);
    expect((await ok('GET', `/api/deals/${deal.id}/history`)).data).toHaveLength(1);
    // The same refusal through PATCH.
    expect((await api.request('PATCH', `/api/deals/${deal.id}`, { stage_id: stage('X', other) })).status).toBe(400);
    expect((await api.request('POST', `/api/deals/${deal.id}/move`, { stage_id: stage('Lost') })).status).toBe(400);
    expect((await api.request('POST', `/api/deals/dea_nope/move`, { stage_id: stage('Won') })).status).toBe(404);
    expect((await api.request('POST', `/api/deals/${deal.id}/move`, { stage: 'x' })).status).toBe(400);
    await ok('POST', `/api/deals/${deal.id}/move`, { stage_id: stage('Proposal') });
    const won = await ok('POST', `/api/deals/${deal.id}/move`, { stage_id: stage('Won') });
    expect(won.status).toBe('won');
    const history = (await ok('GET', `/api/deals/${deal.id}/history`)).data;
    expect(history.map((h: any) => h.stage_name)).toEqual(['Lead', 'Proposal', 'Won']);
    expect(history[0].left_at).toBe(history[1].entered_at);
    expect(history[2].left_at).toBeNull();
    const events = await ok('GET', `/api/events?entity_id=${deal.id}&limit=50`);
    const types = events.data.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(['deal.created', 'deal.stage_changed', 'deal.won', 'deal.updated']));
    expect(types.filter((t: string) => t === 'deal.stage_changed')).toHaveLength(2);
  });

  it("shows a customer's open deals with their expected value on the 360 view", async () => {
    const customer = await ok('POST', '/api/customers', { first_name: 'Vera' }, 201);
    const open = await ok('POST', '/api/deals', { title: 'Vera open', value: 400, customer_id: customer.id }, 201);
    const closed = await ok('POST', '/api/deals', { title: 'Vera won', value: 900, customer_id: customer.id }, 201);
    await ok('POST', `/api/deals/${closed.id}/move`, { stage_id: stage('Won') });
    const view = await ok('GET', `/api/customers/${customer.id}`);
    expect(view.open_deals).toHaveLength(1);
    const probs = (await ok('GET', `/api/deals/probabilities?pipeline_id=${pipeline.id}`)).data;
    const lead = probs.find((p: any) => p.stage_id === stage('Lead'));
    expect(view.open_deals[0]).toMatchObject({ deal_id: open.id, value: 400, stage_name: 'Lead', rotten: false, probability: lead.used });
    expect(view.open_deals[0].expected_value).toBeCloseTo(400 * lead.used, 9);
    expect((await api.request('POST', '/api/deals', { title: 'x', customer_id: 'cus_nope' })).status).toBe(400);
  });

  it('reports equal the figures computed from the deals themselves', async () => {
    const p = await ok(
      'POST',
      '/api/pipelines',
      {
        name: 'Reports',
        stages: [
          { name: 'Talk', probability: 0.4 },
          { name: 'Offer', probability: 0.7 },
          { name: 'Won', kind: 'won' },
          { name: 'Lost', kind: 'lost' },
        ],
      },
      201,
    );
    const q = `pipeline_id=${p.id}`;
    // Closed history: 4 won through Talk and Offer, 2 lost at Talk, 1 lost at Offer.
    const closed: { source: string; value: number; path: string[]; end: 'Won' | 'Lost' }[] = [
      ...[100, 200, 300, 400].map((value, i) => ({ source: i < 3 ? 'form' : 'referral', value, path: ['Offer'], end: 'Won' as const })),
      { source: 'form', value: 50, path: [], end: 'Lost' },
      { source: 'ads', value: 60, path: [], end: 'Lost' },
      { source: 'ads', value: 70, path: ['Offer'], end: 'Lost' },
    ];
    for (const d of closed) {
      const deal = await ok('POST', '/api/deals', { title: 'r', pipeline_id: p.id, value: d.value, source: d.source }, 201);
      for (const s of d.path) await ok('POST', `/api/deals/${deal.id}/move`, { stage_id: stage(s, p) });
      await ok('POST', `/api/deals/${deal.id}/move`, { stage_id: stage(d.end, p), ...(d.end === 'Lost' ? { lost_reason: 'price' } : {}) });
    }
    // A won deal in another currency: out of the amounts, listed apart.
    const usd = await ok('POST', '/api/deals', { title: 'usd', pipeline_id: p.id, value: 999, currency: 'usd', source: 'form' }, 201);
    await ok('POST', `/api/deals/${usd.id}/move`, { stage_id: stage('Won', p) });
    const open = [
      { value: 1000, stage: 'Talk', date: '2027-03-10' },
      { value: 2500.5, stage: 'Offer', date: '2027-03-28' },
      { value: 800, stage: 'Offer', date: '2027-05-01' },
      { value: 120, stage: 'Talk', date: null },
    ];
    for (const d of open) {
      const deal = await ok('POST', '/api/deals', { title: 'o', pipeline_id: p.id, value: d.value, expected_close_date: d.date }, 201);
      if (d.stage !== 'Talk') await ok('POST', `/api/deals/${deal.id}/move`, { stage_id: stage(d.stage, p) });
    }
    await ok('POST', '/api/deals', { title: 'gbp', pipeline_id: p.id, value: 42, currency: 'GBP', expected_close_date: '2027-03-01' }, 201);

    // Independently: Talk saw 5 won (4 + the USD one) and 3 lost; Offer saw 4 won... and the USD deal skipped Offer.
    const talk = { won: 5, lost: 3 };
    const offer = { won: 4, lost: 1 };
    const pTalk = talk.won + talk.lost >= minClosedDeals ? posteriorMean(0.4, talk.won, talk.lost) : 0.4;
    const pOffer = offer.won + offer.lost >= minClosedDeals ? posteriorMean(0.7, offer.won, offer.lost) : 0.7;
    const probs = await ok('GET', `/api/deals/probabilities?${q}`);
    const byName = Object.fromEntries(probs.data.map((s: any) => [s.name, s]));
    expect(byName.Talk).toMatchObject({ won: 5, lost: 3, deals_seen: 8, basis: 'learnt' });
    expect(byName.Talk.used).toBeCloseTo(pTalk, 12);
    expect(byName.Offer).toMatchObject({ won: 4, lost: 1, deals_seen: 5, basis: 'learnt' });
    expect(byName.Offer.used).toBeCloseTo(pOffer, 12);

    const forecast = await ok('GET', `/api/deals/reports/forecast?${q}`);
    expect(forecast.currency).toBe('EUR');
    expect(forecast.data).toEqual([
      { month: '2027-03', deals: 2, value: 3500.5, weighted: cents(1000 * pTalk + 2500.5 * pOffer) },
      { month: '2027-05', deals: 1, value: 800, weighted: cents(800 * pOffer) },
      { month: null, deals: 1, value: 120, weighted: cents(120 * pTalk) },
    ]);
    expect(forecast.other_currencies).toEqual([{ currency: 'GBP', deals: 1, value: 42 }]);

    const stages = await ok('GET', `/api/deals/reports/stages?${q}`);
    const st = Object.fromEntries(stages.stages.map((s: any) => [s.name, s]));
    expect(st.Talk).toMatchObject({ deals: 3, value: 1120, weighted: cents(1120 * pTalk), other_currencies: [{ currency: 'GBP', deals: 1, value: 42 }] });
    expect(st.Offer).toMatchObject({ deals: 2, value: 3300.5, weighted: cents(3300.5 * pOffer) });
    expect(st.Won).toMatchObject({ deals: 5, value: 1000, other_currencies: [{ currency: 'USD', deals: 1, value: 999 }] });
    expect(st.Lost).toMatchObject({ deals: 3, value: 180 });

    const perf = await ok('GET', `/api/deals/reports/stage-performance?${q}`);
    const pf = Object.fromEntries(perf.stages.map((s: any) => [s.name, s]));
    expect(pf.Talk).toMatchObject({ entered: 13, won: 5, lost: 3, win_rate: 5 / 8 });
    expect(pf.Offer).toMatchObject({ entered: 7, won: 4, lost: 1, win_rate: 4 / 5 });
    expect(pf.Talk.stays_measured).toBe(10);
    expect(pf.Offer.stays_measured).toBe(5);
    expect(pf.Talk.average_days_in_stage).toBeGreaterThanOrEqual(0);
    expect(perf.won_deals).toBe(5);

    // Won by source over every pipeline: this test's wins plus two won earlier without a source (Mover 1500, Vera 900).
    const sources = await ok('GET', '/api/deals/reports/sources');
    const bySource = Object.fromEntries(sources.data.map((s: any) => [String(s.source), s]));
    expect(bySource.form).toMatchObject({ deals: 3, value: 600 });
    expect(bySource.referral).toMatchObject({ deals: 1, value: 400 });
    expect(bySource.ads).toBeUndefined();
    expect(bySource.null).toMatchObject({ deals: 2, value: 2400 });
    expect(sources.other_currencies).toEqual([{ currency: 'USD', deals: 1, value: 999 }]);

    // The board shows the same figures per column.
    const board = await ok('GET', `/api/pipelines/${p.id}/board`);
    const col = Object.fromEntries(board.columns.map((c: any) => [c.stage.name, c]));
    expect(col.Talk).toMatchObject({ count: 3, total: 1120, weighted: st.Talk.weighted });
    expect(col.Offer).toMatchObject({ count: 2, total: 3300.5, weighted: st.Offer.weighted });
    expect(col.Talk.other_currencies).toEqual([{ currency: 'GBP', deals: 1, value: 42 }]);
    expect(col.Talk.deals).toHaveLength(3);
    expect(board.total).toBe(4420.5);
    expect(board.weighted).toBe(cents(st.Talk.weighted + st.Offer.weighted));
    expect(col.Talk.probability).toMatchObject({ configured: 0.4, deals_seen: 8 });
    // Fewer cards per column: the counts and totals still cover every deal.
    const capped = await ok('GET', `/api/pipelines/${p.id}/board?per_stage=1`);
    expect(capped.columns.map((c: any) => [c.count, c.total, c.weighted, c.deals.length])).toEqual(board.columns.map((c: any) => [c.count, c.total, c.weighted, Math.min(1, c.count)]));
    expect((await api.request('GET', `/api/pipelines/${p.id}/board?per_stage=0`)).status).toBe(400);
    // The same board by pipeline_id on /api/deals/board, and the first pipeline's without one.
    expect(await ok('GET', `/api/deals/board?pipeline_id=${p.id}&per_stage=1`)).toEqual(capped);
    expect((await ok('GET', '/api/deals/board')).pipeline.id).toBe(pipeline.id);
    expect((await api.request('GET', '/api/deals/board?pipeline_id=pip_nope')).status).toBe(404);
  });
});
