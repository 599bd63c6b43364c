import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { previewImport, runImport } from './importer.js';
import { undoImport } from './undo.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-deals-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

// Customers with the deal each one is in: a named pipeline and stage, the default pipeline, a value
// only, an unknown stage (the row is rejected), and a customer without a deal.
const leadsCsv = file(
  'leads.csv',
  `customer_id,name,email,Deal name,Deal value,Deal currency,Deal stage,Pipeline
L1,Ada Lovelace,ada@example.com,Analytical engine,12000.50,gbp,proposal,Sales
L2,Grace Hopper,grace@example.com,Compiler support,3000,,QUALIFIED,Partners
L3,Alan Turing,alan@example.com,,450,,,
L4,Katherine Johnson,katherine@example.com,Orbit study,800,USD,Orbiting,Sales
L5,Mary Somerville,mary@example.com,,,,,
`,
);

type Deal = { id: string; title: string; customer_id: string; pipeline_id: string; stage_id: string; value: number; currency: string; source: string; status: string };

describe.each(engines)('customer imports that open deals on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  let partners: { id: string; stages: { id: string; name: string }[] };
  const allDeals = async (): Promise<Deal[]> => (await api.request('GET', '/api/deals?limit=100')).body.data;
  const customerId = async (email: string) => (await api.request('GET', `/api/customers?email=${email}`)).body.data[0]?.id as string | undefined;

  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'cli' };
    const created = await api.request('POST', '/api/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Contacted', kind: 'open', probability: 0.1 },
        { name: 'Qualified', kind: 'open', probability: 0.5 },
        { name: 'Signed', kind: 'won' },
        { name: 'Dropped', kind: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    partners = created.body;
  });
  afterAll(async () => api?.close());

  it('maps the deal columns to deal targets', async () => {
    const preview = await previewImport(ctx, leadsCsv, { kind: 'customers' });
    expect(preview.mapping).toMatchObject({ 'Deal name': 'deal_title', 'Deal value': 'deal_value', 'Deal currency': 'deal_currency', 'Deal stage': 'deal_stage', Pipeline: 'deal_pipeline' });
    expect(preview.rows[0].record).toMatchObject({ deal_title: 'Analytical engine', deal_value: 12000.5, deal_stage: 'proposal', deal_pipeline: 'Sales' });
  });

  it('flags in the preview the rows whose deal the run would reject, at the column that names it, and writes nothing', async () => {
    const preview = await previewImport(ctx, leadsCsv, { kind: 'customers' });
    expect(preview).toMatchObject({ rows_read: 5, rejected: 1 });
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [],
      [],
      [],
      [{ row: 5, column: 'Deal stage', reason: 'no stage named "Orbiting" in pipeline Sales (stages: Lead, Qualified, Proposal, Negotiation, Won, Lost)' }],
      [],
    ]);

    const bad = file(
      `preview-bad-deals-${engine}.csv`,
      `email,Deal name,Deal stage,Pipeline,Deal lost reason\nv1@example.com,Lost one,Lost,Sales,\nv2@example.com,Lost two,lost,Sales,Too expensive\nv3@example.com,Elsewhere,,Nowhere,\n`,
    );
    const flagged = await previewImport(ctx, bad, { kind: 'customers' });
    expect(flagged.rejected).toBe(2);
    expect(flagged.rows[0].errors).toEqual([{ row: 2, column: 'Deal lost reason', reason: 'a deal on the lost stage Lost needs a lost reason in pipeline Sales' }]);
    expect(flagged.rows[1].errors).toEqual([]);
    expect(flagged.rows[2].errors).toEqual([{ row: 4, column: 'Pipeline', reason: 'no pipeline named "Nowhere" (pipelines: Sales, Partners)' }]);

    // Orders too: the preview of an order whose deal names an unknown stage says so.
    const orders = file(
      `preview-orders-deals-${engine}.csv`,
      `order_id,email,date,total,currency,Deal name,Deal stage\nV1,vera@example.com,2026-02-01,10.00,EUR,Upsell,Nope\nV2,vera@example.com,2026-02-02,10.00,EUR,Upsell,Lead\n`,
    );
    const ordersPreview = await previewImport(ctx, orders, { kind: 'orders' });
    expect(ordersPreview.rejected).toBe(1);
    expect(ordersPreview.rows[0].errors[0]).toMatchObject({ column: 'Deal stage', reason: expect.stringContaining('no stage named "Nope"') });
    expect(ordersPreview.rows[1].errors).toEqual([]);

    // Previews write nothing: no customer, no deal.
    expect(await customerId('katherine@example.com')).toBeUndefined();
    expect(await customerId('v2@example.com')).toBeUndefined();
    expect((await allDeals()).filter((d) => d.source === 'import')).toHaveLength(0);
  });

  it('opens a deal per row with a deal name or value, in the named stage, and rejects an unknown stage with the reason', async () => {
    const before = await api.request('POST', '/api/deals', { title: 'Existing deal', value: 99 });
    expect(before.status).toBe(201);
    const batch = await runImport(ctx, leadsCsv, { kind: 'customers', source: 'crm' });
    expect(batch.status).toBe('done');
    expect(batch.counts).toMatchObject({ rows: 5, created: 4, rejected: 1, deals_created: 3 });

    const sales = (await api.request('GET', '/api/pipelines')).body.data.find((p: { name: string }) => p.name === 'Sales');
    const stageId = (pipeline: { stages: { id: string; name: string }[] }, name: string) => pipeline.stages.find((s) => s.name === name)!.id;
    const opened = (await allDeals()).filter((d) => d.source === 'import');
    expect(opened).toHaveLength(3);
    const byCustomer = new Map(opened.map((d) => [d.customer_id, d]));
    expect(byCustomer.get((await customerId('ada@example.com'))!)).toMatchObject({
      title: 'Analytical engine',
      value: 12000.5,
      currency: 'GBP',
      pipeline_id: sales.id,
      stage_id: stageId(sales, 'Proposal'),
      status: 'open',
    });
    expect(byCustomer.get((await customerId('grace@example.com'))!)).toMatchObject({
      title: 'Compiler support',
      value: 3000,
      currency: before.body.currency,
      pipeline_id: partners.id,
      stage_id: stageId(partners, 'Qualified'),
    });
    // Without a currency column the deal has the business currency, as one opened by hand.
    expect(before.body.currency).toMatch(/^[A-Z]{3}$/);
    // A value without a name, stage or pipeline: the default pipeline's first stage, titled after the customer.
    expect(byCustomer.get((await customerId('alan@example.com'))!)).toMatchObject({ title: 'Deal with Alan Turing', value: 450, pipeline_id: sales.id, stage_id: stageId(sales, 'Lead') });

    // The row with an unknown stage wrote nothing: no customer, no deal; errors.csv says why.
    expect(await customerId('katherine@example.com')).toBeUndefined();
    const report = await api.request('GET', `/api/imports/${batch.id}/errors.csv`);
    expect(report.body).toContain('no stage named ""Orbiting"" in pipeline Sales');
    expect(byCustomer.has((await customerId('mary@example.com'))!)).toBe(false);

    // Through the deal write pipe: a deal.created event and an audit entry for each, in the import's batch.
    const ids = opened.map((d) => d.id);
    const db = api.db.database.db;
    const events = await db.selectFrom('events').select(['entity_id']).where('type', '=', 'deal.created').where('entity_id', 'in', ids).execute();
    expect(events).toHaveLength(3);
    const audit = await db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'deals').where('entity_id', 'in', ids).execute();
    expect(new Set(audit.map((a) => a.entity_id))).toEqual(new Set(ids));
    const history = await db.selectFrom('deal_stage_changes').select('deal_id').where('deal_id', 'in', ids).execute();
    expect(history).toHaveLength(3);

    // Running the same file again opens no deal twice.
    const again = await runImport(ctx, leadsCsv, { kind: 'customers', source: 'crm' });
    expect(again.counts).toMatchObject({ created: 0, rejected: 1 });
    expect(again.counts.deals_created ?? 0).toBe(0);
    expect((await allDeals()).filter((d) => d.source === 'import')).toHaveLength(3);

    // Undo of the second run removes nothing (it opened nothing); undo of the first removes its deals and customers only.
    await undoImport(ctx, again.id);
    expect((await allDeals()).filter((d) => d.source === 'import')).toHaveLength(3);
    await undoImport(ctx, batch.id);
    const left = await allDeals();
    expect(left.map((d) => d.title)).toEqual(['Existing deal']);
    expect(left[0].id).toBe(before.body.id);
    expect(await customerId('ada@example.com')).toBeUndefined();
    expect(await db.selectFrom('external_ids').select('entity_id').where('entity', '=', 'deals').execute()).toHaveLength(0);

    // After the undo the file opens its deals again.
    const redo = await runImport(ctx, leadsCsv, { kind: 'customers', source: 'crm' });
    expect(redo.counts).toMatchObject({ created: 4, deals_created: 3 });
  });

  it("opens a deal per order with deal columns, for the order's customer, once, and undo removes it", async () => {
    const ordersCsv = file(
      `orders-deals-${engine}.csv`,
      `order_id,email,date,total,currency,Deal name,Deal value,Deal stage,Pipeline
P1,olga@example.com,2026-02-01,100.00,EUR,Renewal,2400,Signed,partners
P1,olga@example.com,2026-02-01,100.00,EUR,Renewal,2400,Signed,partners
P2,olga@example.com,2026-02-03,50.00,EUR,,,,
P3,piet@example.com,2026-02-04,75.00,EUR,Upsell,900,Nope,
`,
    );
    const batch = await runImport(ctx, ordersCsv, { kind: 'orders', source: 'shop' });
    expect(batch.counts).toMatchObject({ rows: 4, rejected: 1, customers_created: 1, deals_created: 1 });
    const olga = (await customerId('olga@example.com'))!;
    const renewal = (await allDeals()).filter((d) => d.title === 'Renewal');
    expect(renewal).toHaveLength(1);
    expect(renewal[0]).toMatchObject({ customer_id: olga, value: 2400, pipeline_id: partners.id, stage_id: partners.stages.find((s) => s.name === 'Signed')!.id, status: 'won' });
    // The order with an unknown stage was not written, nor its customer.
    expect(await customerId('piet@example.com')).toBeUndefined();
    expect((await api.request('GET', `/api/imports/${batch.id}/errors.csv`)).body).toContain('no stage named ""Nope""');

    const again = await runImport(ctx, ordersCsv, { kind: 'orders', source: 'shop' });
    expect(again.counts.deals_created ?? 0).toBe(0);
    expect((await allDeals()).filter((d) => d.title === 'Renewal')).toHaveLength(1);
    await undoImport(ctx, batch.id);
    expect((await allDeals()).filter((d) => d.title === 'Renewal')).toHaveLength(0);
    expect(await customerId('olga@example.com')).toBeUndefined();
  });

  it('opens a deal per customer and deal named in an interaction file, once, and rejects an unknown stage; undo removes them', async () => {
    const ivy = (await api.request('POST', '/api/customers', { first_name: 'Ivy', email: 'ivy@example.com' })).body.id as string;
    const jon = (await api.request('POST', '/api/customers', { first_name: 'Jon', email: 'jon@example.com' })).body.id as string;
    const touches = file(
      `touches-deals-${engine}.csv`,
      `email,type,subject,date,Deal name,Deal value,Deal stage,Pipeline
ivy@example.com,call,Asked for a price,2026-03-01,Yearly plan,1200,Qualified,
ivy@example.com,email,Sent the price,2026-03-02,Yearly plan,1200,Qualified,
jon@example.com,meeting,Demo,2026-03-03,Team seats,300,Contacted,Partners
jon@example.com,call,Follow-up,2026-03-04,Other,50,Nowhere,
nobody@example.com,call,Unknown person,2026-03-05,Lost cause,10,,
`,
    );
    const preview = await previewImport(ctx, touches, { kind: 'interactions' });
    expect(preview.mapping).toMatchObject({ 'Deal name': 'deal_title', 'Deal stage': 'deal_stage', Pipeline: 'deal_pipeline' });
    expect(preview.rows[3].errors).toEqual([{ row: 5, column: 'Deal stage', reason: expect.stringContaining('no stage named "Nowhere"') }]);

    const batch = await runImport(ctx, touches, { kind: 'interactions', source: 'crm' });
    expect(batch.counts).toMatchObject({ rows: 5, created: 3, rejected: 2, deals_created: 2 });
    const opened = (await allDeals()).filter((d) => d.customer_id === ivy || d.customer_id === jon);
    expect(opened.map((d) => d.title).sort()).toEqual(['Team seats', 'Yearly plan']);
    const sales = (await api.request('GET', '/api/pipelines')).body.data.find((p: { name: string }) => p.name === 'Sales');
    expect(opened.find((d) => d.title === 'Yearly plan')).toMatchObject({ customer_id: ivy, value: 1200, pipeline_id: sales.id, source: 'import' });
    expect(opened.find((d) => d.title === 'Team seats')).toMatchObject({ customer_id: jon, pipeline_id: partners.id, stage_id: partners.stages.find((s) => s.name === 'Contacted')!.id });
    const report = (await api.request('GET', `/api/imports/${batch.id}/errors.csv`)).body as string;
    expect(report).toContain('no stage named ""Nowhere""');
    expect(report).toContain('no customer with email nobody@example.com');
    const interactions = async (customer: string) => (await api.request('GET', `/api/interactions?customer_id=${customer}`)).body.data.length as number;
    // The row with an unknown stage wrote neither its interaction nor its deal.
    expect(await interactions(jon)).toBe(1);
    expect(await interactions(ivy)).toBe(2);

    const again = await runImport(ctx, touches, { kind: 'interactions', source: 'crm' });
    expect(again.counts.deals_created ?? 0).toBe(0);
    expect((await allDeals()).filter((d) => d.customer_id === ivy || d.customer_id === jon)).toHaveLength(2);
    await undoImport(ctx, batch.id);
    expect((await allDeals()).filter((d) => d.customer_id === ivy || d.customer_id === jon)).toHaveLength(0);
    expect(await interactions(ivy)).toBe(0);
  });

  it('opens a deal per company row with deal columns, for the company, once, and rejects an unknown pipeline; undo removes them', async () => {
    const firms = file(
      `companies-deals-${engine}.csv`,
      `company_id,Company name,domain,Deal name,Deal value,Deal stage,Pipeline
F1,Acme Tools,acme-${engine}.example,Workshop fit-out,8000,Proposal,
F2,Bolt & Co,bolt-${engine}.example,,,,
F3,Crane Ltd,crane-${engine}.example,Fleet,500,Talking,Nowhere
F4,Dyno BV,dyno-${engine}.example,,250,,
`,
    );
    const preview = await previewImport(ctx, firms, { kind: 'companies' });
    expect(preview.mapping).toMatchObject({ 'Deal name': 'deal_title', 'Deal value': 'deal_value', Pipeline: 'deal_pipeline' });
    expect(preview.rejected).toBe(1);
    expect(preview.rows[2].errors[0]).toMatchObject({ column: 'Pipeline', reason: expect.stringContaining('no pipeline named "Nowhere"') });

    const batch = await runImport(ctx, firms, { kind: 'companies', source: 'crm' });
    expect(batch.counts).toMatchObject({ rows: 4, created: 3, rejected: 1, deals_created: 2 });
    const company = async (name: string) => ((await api.request('GET', '/api/companies?limit=100')).body.data as { id: string; name: string }[]).find((c) => c.name === name)?.id;
    const acme = (await company('Acme Tools'))!;
    const dyno = (await company('Dyno BV'))!;
    expect(await company('Crane Ltd')).toBeUndefined();
    const sales = (await api.request('GET', '/api/pipelines')).body.data.find((p: { name: string }) => p.name === 'Sales');
    const opened = (await allDeals()).filter((d) => (d as Deal & { company_id: string | null }).company_id === acme || (d as Deal & { company_id: string | null }).company_id === dyno);
    expect(opened.map((d) => d.title).sort()).toEqual(['Deal with Dyno BV', 'Workshop fit-out']);
    expect(opened.find((d) => d.title === 'Workshop fit-out')).toMatchObject({
      value: 8000,
      pipeline_id: sales.id,
      stage_id: sales.stages.find((s: { name: string }) => s.name === 'Proposal').id,
      customer_id: null,
    });

    const again = await runImport(ctx, firms, { kind: 'companies', source: 'crm' });
    expect(again.counts.deals_created ?? 0).toBe(0);
    await undoImport(ctx, batch.id);
    expect((await allDeals()).filter((d) => d.title === 'Workshop fit-out' || d.title === 'Deal with Dyno BV')).toHaveLength(0);
    expect(await company('Acme Tools')).toBeUndefined();
  });

  it('rejects a lost stage without the reason its pipeline asks for, and an unknown pipeline', async () => {
    const bad = file(
      `bad-deals-${engine}.csv`,
      `email,Deal name,Deal stage,Pipeline,Deal lost reason
n1@example.com,Lost one,Lost,Sales,
n2@example.com,Lost two,lost,Sales,Too expensive
n3@example.com,Elsewhere,,Nowhere,
`,
    );
    const batch = await runImport(ctx, bad, { kind: 'customers', source: 'crm' });
    expect(batch.counts).toMatchObject({ rows: 3, created: 1, rejected: 2, deals_created: 1 });
    const report = (await api.request('GET', `/api/imports/${batch.id}/errors.csv`)).body as string;
    expect(report).toContain('needs a lost reason');
    expect(report).toContain('no pipeline named ""Nowhere""');
    const lost = (await allDeals()).find((d) => d.title === 'Lost two')!;
    expect(lost).toMatchObject({ status: 'lost', customer_id: await customerId('n2@example.com') });

    // Strict: a row whose deal names an unknown stage is a bad row, so nothing is written.
    const strict = file(`strict-deals-${engine}.csv`, `email,Deal name,Deal stage\ns1@example.com,Fine,Lead\ns2@example.com,Wrong,Nowhere\n`);
    const rejected = await runImport(ctx, strict, { kind: 'customers', source: 'crm', strict: true });
    expect(rejected).toMatchObject({ status: 'rejected', counts: { rejected: 1 } });
    expect(await customerId('s1@example.com')).toBeUndefined();
    expect((await allDeals()).find((d) => d.title === 'Fine')).toBeUndefined();
  });
});
