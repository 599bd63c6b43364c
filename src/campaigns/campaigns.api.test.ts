import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../imports/importer.js';
import { deliverQueuedMail } from '../mail/deliver.js';
import { addSuppression } from '../mail/suppressions.js';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { probabilityBBeatsA } from './bayes.js';
import { campaignsTick, decideAbTest, runCampaignSend } from './send.js';

const mjml = (inner: string) => `<mjml><mj-body><mj-section><mj-column>${inner}</mj-column></mj-section></mj-body></mjml>`;
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};

describe.each(engines)('campaigns on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let templateId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port, { track_clicks: true, track_opens: true });
    // No per-second limit for the sender the campaigns use, so a test never waits on it.
    const sender = await api.request('POST', '/api/senders', { name: 'Shop', address: 'news@shop.example.com', per_second: 0, per_hour: 0, per_day: 0 });
    expect(sender.status).toBe(201);
    ids.sender = sender.body.id;
    const people: [string, string | null, boolean, string][] = [
      ['ann', 'ann@example.org', true, 'Lyon'],
      ['bob', 'bob@example.org', true, 'Lyon'], // suppressed below
      ['cy', 'cy@example.org', false, 'Lyon'], // no consent
      ['dee', 'dee@example.org', true, 'Paris'],
      ['eve', null, true, 'Lyon'], // no address
      ['fay', 'fay@example.org', true, 'Lyon'],
    ];
    for (const [name, email, consent, city] of people) {
      const res = await api.request('POST', '/api/customers', { first_name: name[0].toUpperCase() + name.slice(1), last_name: 'Test', ...(email ? { email } : {}), consent_email: consent, city });
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
    }
    await api.db.database.db.transaction().execute((trx) => addSuppression(trx, 'test', { address: 'bob@example.org', reason: 'unsubscribed' }));
    // Twelve more consented customers in Nantes for the A/B test; stage and RFM segment as the insight run writes them.
    for (let i = 0; i < 12; i++) {
      const res = await api.request('POST', '/api/customers', { first_name: `N${i}`, email: `n${i}@example.org`, consent_email: true, city: 'Nantes' });
      ids[`n${i}`] = res.body.id;
    }
    await api.db.database.db.updateTable('customers').set({ stage: 'inactive', rfm_segment: 'at risk' }).where('city', '=', 'Paris').execute();
    const t = await api.request('POST', '/api/templates', {
      name: 'Spring',
      subject: 'Spring news for {{ customer.first_name }}',
      mjml: mjml('<mj-text>Hello {{ customer.first_name }}, your code {{ discount_code }}.</mj-text><mj-button href="https://shop.example.com/spring">See the offers</mj-button>'),
    });
    expect(t.status).toBe(201);
    templateId = t.body.id;
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });
  const lyon = { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Lyon' } };
  const count = async (table: string, where?: [string, string]) => {
    let q = api.db.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (where) q = q.where(where[0] as never, '=', where[1] as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('counts an audience live with consent and suppression applied, for each kind of audience', async () => {
    let res = await api.request('POST', '/api/campaigns/audience/count', { audience: lyon });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matching: 5, with_email: 4, consented: 3, suppressed: 1, sendable: 2, ab_plan: null });
    const seg = await api.request('POST', '/api/segments', { name: 'Lyon', filter: { field: 'city', op: 'eq', value: 'Lyon' } });
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'segment', segment_id: seg.body.id } });
    expect(res.body.sendable).toBe(2);
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'stage', stage: 'inactive' } });
    expect(res.body).toMatchObject({ matching: 1, sendable: 1 });
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'rfm_segment', rfm_segment: 'at risk' } });
    expect(res.body).toMatchObject({ matching: 1, sendable: 1 });
    // A small test share is flagged.
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } }, variants: 2, ab: { test_share: 10 } });
    expect(res.body.ab_plan).toMatchObject({ test_recipients: 2, per_variant: 1, rest: 10 });
    expect(res.body.ab_plan.warning).toMatch(/too few to tell the variants apart/);
    // Bad audiences: an unknown segment, an unknown field, an unknown kind.
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'segment', segment_id: 'seg_nope' } });
    expect(res.status).toBe(400);
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'filter', filter: { field: 'shoe', op: 'eq', value: 1 } } });
    expect(res.status).toBe(400);
    res = await api.request('POST', '/api/campaigns/audience/count', { audience: { kind: 'everyone' } });
    expect(res.status).toBe(400);
  });

  it('refuses bad campaigns with field errors and answers 404 for unknown ids', async () => {
    const base = { name: 'Bad', audience: lyon, variants: [{ template_id: templateId }] };
    let res = await api.request('POST', '/api/campaigns', { ...base, variants: [{ template_id: 'tpl_nope' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['variants.0.template_id']).toEqual(['no template tpl_nope']);
    res = await api.request('POST', '/api/campaigns', { ...base, variants: [{ template_id: templateId, subject: 'Hi {{ customer.shoe }}' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['variants.0.subject'][0]).toMatch(/unknown merge field customer\.shoe/);
    res = await api.request('POST', '/api/campaigns', { ...base, ab: { test_share: 20 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.ab).toBeDefined();
    res = await api.request('POST', '/api/campaigns', { ...base, variants: [{ template_id: templateId }, { template_id: templateId, subject: 'B' }], ab: { test_share: 5 } });
    expect(res.status).toBe(400);
    res = await api.request('POST', '/api/campaigns', { ...base, variants: Array(5).fill({ template_id: templateId }) });
    expect(res.status).toBe(400);
    res = await api.request('POST', '/api/campaigns', { ...base, sender_id: 'snd_nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.sender_id).toBeDefined();
    expect(await count('campaigns')).toBe(0);
    for (const [method, path] of [
      ['GET', '/api/campaigns/cmp_nope'],
      ['GET', '/api/campaigns/cmp_nope/report'],
      ['POST', '/api/campaigns/cmp_nope/schedule'],
      ['POST', '/api/campaigns/cmp_nope/pause'],
      ['POST', '/api/campaigns/cmp_nope/cancel'],
    ])
      expect((await api.request(method, path)).status).toBe(404);
    // Nobody to send to: refused, stays a draft.
    const empty = await api.request('POST', '/api/campaigns', { ...base, audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Oslo' } } });
    res = await api.request('POST', `/api/campaigns/${empty.body.id}/schedule`, {});
    expect(res.status).toBe(400);
    expect((await api.request('GET', `/api/campaigns/${empty.body.id}`)).body.status).toBe('draft');
    expect((await api.request('POST', `/api/campaigns/${empty.body.id}/schedule`, { at: 'tomorrow' })).status).toBe(400);
    expect((await api.request('DELETE', `/api/campaigns/${empty.body.id}`)).status).toBe(204);
  });

  it('sends to the consented, unsuppressed audience over SMTP with RFC 8058 headers, multipart and merge fields, once', async () => {
    const created = await api.request('POST', '/api/campaigns', { name: 'Spring in Lyon', audience: lyon, variants: [{ template_id: templateId }], sender_id: ids.sender, discount_prefix: 'LYON' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // A test send first.
    let res = await api.request('POST', `/api/campaigns/${id}/test`, { to: 'owner@example.com', customer_id: ids.ann });
    expect(res.status).toBe(202);
    const seen = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    expect((await smtp.waitFor(seen + 1))[seen].subject).toBe('[Test] Spring news for Ann');
    res = await api.request('POST', `/api/campaigns/${id}/schedule`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('sending');
    expect((await api.request('PATCH', `/api/campaigns/${id}`, { name: 'x' })).status).toBe(409);
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 2, phase: 'all' });
    // Consent withdrawn after queueing: the mail worker does not send to Fay.
    await api.request('PATCH', `/api/customers/${ids.fay}`, { consent_email: false });
    await deliverQueuedMail(api.db.database);
    const mails = smtp.messages.slice(seen + 1);
    expect(mails.map((m) => m.to && (m.to as { text: string }).text)).toEqual(['ann@example.org']);
    const mail = mails[0];
    expect(mail.subject).toBe('Spring news for Ann');
    expect(header(mail, 'List-Unsubscribe')).toMatch(/^<https:\/\/crm\.example\.com\/u\/[^>]+>, <mailto:/);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'DKIM-Signature')).toMatch(/d=shop\.example\.com/);
    expect(mail.text).toMatch(/Hello Ann, your code LYON-[0-9A-Z]{6}\./);
    expect(mail.html).toMatch(/Hello Ann, your code LYON-[0-9A-Z]{6}\./);
    expect(mail.html).toContain('https://crm.example.com/t/c/'); // the link is tracked
    expect((mail.headers.get('content-type') as { value: string }).value).toBe('multipart/alternative');
    expect((await api.request('GET', `/api/campaigns/${id}`)).body.status).toBe('sending');
    expect((await campaignsTick(api.db.database)).sent).toBe(1);
    const report = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    expect(report.status).toBe('sent');
    expect(report.totals).toMatchObject({ recipients: 2, sent: 1, delivered: 1, suppressed: 1, queued: 0, clicked: 0 });
    expect(report.opens_inflated).toBe(true);
    // Running the job again adds nobody.
    expect((await runCampaignSend(api.db.database, id)).queued).toBe(0);
    expect(await count('campaign_recipients', ['campaign_id', id])).toBe(2);

    // A click on the tracked link, then orders: one inside the attribution window, one before the click.
    const link = /https:\/\/crm\.example\.com(\/t\/c\/[^"]+)"/.exec(mail.html as string)![1];
    const click = await api.request('GET', link.replace(/&amp;/g, '&'));
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe('https://shop.example.com/spring');
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const before = new Date(Date.now() - 10 * 86_400_000).toISOString();
    expect((await api.request('POST', '/api/orders', { customer_id: ids.ann, ordered_at: soon, total: 80, currency: 'EUR' })).status).toBe(201);
    expect((await api.request('POST', '/api/orders', { customer_id: ids.ann, ordered_at: before, total: 999, currency: 'EUR' })).status).toBe(201);
    // Touches imported under the same campaign name appear beside it.
    await api.request('POST', '/api/interactions', { type: 'campaign', customer_id: ids.dee, campaign: 'Spring in Lyon', occurred_at: before, clicked: true });
    const after = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    expect(after.totals).toMatchObject({ clicked: 1, attributed_orders: 1, attributed_revenue: 80, click_rate: 1 });
    expect(after).toMatchObject({ currency: 'EUR', other_currencies: [] });
    // An order in another currency is not converted: it is listed apart and left out of the amounts.
    expect((await api.request('POST', '/api/orders', { customer_id: ids.ann, ordered_at: soon, total: 50, currency: 'USD' })).status).toBe(201);
    const mixed = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    expect(mixed.totals).toMatchObject({ attributed_orders: 1, attributed_revenue: 80 });
    expect(mixed.other_currencies).toEqual([{ currency: 'USD', orders: 1, revenue: 50 }]);
    expect(mixed.attribution).toMatch(/after their first click, .* in EUR; left out: 1 in USD \(50\.00 USD\)/);
    expect(after.interactions).toMatchObject({ sent: 1, clicked: 1 });
  });

  it('survives a crash mid-enqueue without duplicates, pauses, resumes and cancels', async () => {
    const nantes = { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } };
    const created = await api.request('POST', '/api/campaigns', { name: 'Crash', audience: nantes, variants: [{ template_id: templateId }], sender_id: ids.sender });
    const id = created.body.id;
    await api.request('POST', `/api/campaigns/${id}/schedule`, {});
    const crash = new Error('process killed');
    await expect(
      runCampaignSend(api.db.database, id, {
        batch: 5,
        afterBatch: (n) => {
          if (n === 5) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await count('campaign_recipients', ['campaign_id', id])).toBe(5);
    // Its job failed for good (killed once per attempt): the minute's tick queues another.
    const sendJobs = (status: string) =>
      api.db.database.db.selectFrom('jobs').select('id').where('kind', '=', 'campaign.send').where('status', '=', status).where('payload', 'like', `%${id}%`).execute();
    await api.db.database.db.updateTable('jobs').set({ status: 'failed' }).where('kind', '=', 'campaign.send').where('payload', 'like', `%${id}%`).execute();
    expect(await sendJobs('queued')).toHaveLength(0);
    await campaignsTick(api.db.database);
    expect(await sendJobs('queued')).toHaveLength(1);
    await campaignsTick(api.db.database);
    expect(await sendJobs('queued')).toHaveLength(1);
    // Paused before the rerun: the job queues nothing, queued mail waits.
    expect((await api.request('POST', `/api/campaigns/${id}/pause`)).body.status).toBe('paused');
    expect((await api.request('POST', `/api/campaigns/${id}/pause`)).status).toBe(409);
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 0, phase: 'paused' });
    const sentBefore = smtp.messages.length;
    await deliverQueuedMail(api.db.database);
    expect(smtp.messages.length).toBe(sentBefore);
    // Resumed: the rest is queued, nobody twice.
    expect((await api.request('POST', `/api/campaigns/${id}/schedule`, {})).body.status).toBe('sending');
    expect((await runCampaignSend(api.db.database, id, { batch: 5 })).queued).toBe(7);
    expect(await count('campaign_recipients', ['campaign_id', id])).toBe(12);
    const messages = await api.db.database.db.selectFrom('messages').select(['customer_id']).where('related_id', '=', id).execute();
    expect(new Set(messages.map((m) => m.customer_id)).size).toBe(12);
    expect(messages.length).toBe(12);
    await deliverAllQueued(api.db.database);
    expect(smtp.messages.length).toBe(sentBefore + 12);
    await campaignsTick(api.db.database);
    expect((await api.request('POST', `/api/campaigns/${id}/cancel`)).status).toBe(409); // sent already

    // A cancel drops what has not gone out.
    const other = await api.request('POST', '/api/campaigns', { name: 'Cancel me', audience: nantes, variants: [{ template_id: templateId }], sender_id: ids.sender });
    await api.request('POST', `/api/campaigns/${other.body.id}/schedule`, {});
    await runCampaignSend(api.db.database, other.body.id);
    expect((await api.request('POST', `/api/campaigns/${other.body.id}/cancel`)).body.status).toBe('cancelled');
    await deliverQueuedMail(api.db.database);
    expect(smtp.messages.length).toBe(sentBefore + 12);
    const report = (await api.request('GET', `/api/campaigns/${other.body.id}/report`)).body;
    expect(report.totals).toMatchObject({ recipients: 12, not_sent: 12, sent: 0 });
  });

  it('runs an A/B test: the test share split between variants, the winner by clicks, then the rest gets the winner', async () => {
    const nantes = { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } };
    const created = await api.request('POST', '/api/campaigns', {
      name: 'Subject test',
      audience: nantes,
      variants: [
        { template_id: templateId, subject: 'A: spring news' },
        { template_id: templateId, subject: 'B: {{ customer.first_name }}, spring is here' },
      ],
      ab: { test_share: 50, wait_hours: 2, metric: 'click', threshold: 0.95 },
      sender_id: ids.sender,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const plan = (await api.request('GET', `/api/campaigns/${id}/audience`)).body.ab_plan;
    expect(plan).toMatchObject({ test_recipients: 6, per_variant: 3, rest: 6 });
    expect(plan.warning).toMatch(/too few/);
    await api.request('POST', `/api/campaigns/${id}/schedule`, {});
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 6, phase: 'test' });
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 0, phase: 'waiting' });
    const seen = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const test = await smtp.waitFor(seen + 6).then((m) => m.slice(seen));
    const bySubject = (p: string) => test.filter((m) => m.subject!.startsWith(p));
    expect(bySubject('A:').length).toBe(3);
    expect(bySubject('B:').length).toBe(3);
    expect(await decideAbTest(api.db.database, id)).toBeNull(); // nothing clicked: not sure, wait not over
    let report = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    expect(report.ab.phase).toBe('testing');
    expect(report.ab.variants.map((v: { trials: number }) => v.trials)).toEqual([3, 3]);
    // Every B recipient clicks.
    for (const m of bySubject('B:')) {
      const link = /https:\/\/crm\.example\.com(\/t\/c\/[^"]+)"/.exec(m.html as string)![1];
      expect((await api.request('GET', link.replace(/&amp;/g, '&'))).status).toBe(302);
    }
    report = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    const exact = probabilityBBeatsA(1, 4, 4, 1); // Beta(1+0, 1+3) against Beta(1+3, 1+0)
    expect(report.ab.variants[1]).toMatchObject({ key: 'B', trials: 3, successes: 3 });
    expect(report.ab.variants[1].p_best).toBeCloseTo(exact, 2);
    expect(report.ab.confidence).toMatch(/^Variant B is the best with probability 9\d %/);
    const result = await decideAbTest(api.db.database, id);
    expect(result).toMatchObject({ variant: 'B', reason: 'threshold', trials: [3, 3], successes: [0, 3] });
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 6, phase: 'rest' });
    await deliverAllQueued(api.db.database);
    const rest = (await smtp.waitFor(seen + 12)).slice(seen + 6);
    expect(rest.every((m) => m.subject!.startsWith('B: '))).toBe(true);
    const testedAddresses = new Set(test.map((m) => (m.to as { text: string }).text));
    expect(rest.some((m) => testedAddresses.has((m.to as { text: string }).text))).toBe(false);
    await campaignsTick(api.db.database);
    report = (await api.request('GET', `/api/campaigns/${id}/report`)).body;
    expect(report.status).toBe('sent');
    expect(report.ab.phase).toBe('decided');
    expect(report.variants.map((v: { recipients: number }) => v.recipients)).toEqual([3, 9]);
    const events = await api.db.database.db.selectFrom('events').select(['type']).where('entity_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['campaign.created', 'campaign.status_changed', 'campaign.winner_chosen']));
  });

  it('starts a scheduled campaign when it is due, and a paused schedule waits', async () => {
    const nantes = { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } };
    const created = await api.request('POST', '/api/campaigns', { name: 'Later', audience: nantes, variants: [{ template_id: templateId }], sender_id: ids.sender });
    const id = created.body.id;
    const at = new Date(Date.now() + 2000).toISOString();
    let res = await api.request('POST', `/api/campaigns/${id}/schedule`, { at });
    expect(res.body).toMatchObject({ status: 'scheduled', scheduled_at: at });
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 0, phase: 'not_due' });
    const job = await api.db.database.db.selectFrom('jobs').select(['run_at']).where('kind', '=', 'campaign.send').where('payload', 'like', `%${id}%`).executeTakeFirstOrThrow();
    expect(job.run_at).toBe(at);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await runCampaignSend(api.db.database, id)).toEqual({ queued: 12, phase: 'all' });
    expect((await api.request('GET', `/api/campaigns/${id}`)).body).toMatchObject({ status: 'sending', started_at: expect.any(String) });
    res = await api.request('POST', `/api/campaigns/${id}/cancel`);
    expect(res.body.status).toBe('cancelled');
    // A scheduled campaign paused before its time stays put when the time comes.
    const other = await api.request('POST', '/api/campaigns', { name: 'Later, paused', audience: nantes, variants: [{ template_id: templateId }], sender_id: ids.sender });
    await api.request('POST', `/api/campaigns/${other.body.id}/schedule`, { at: new Date(Date.now() + 500).toISOString() });
    expect((await api.request('POST', `/api/campaigns/${other.body.id}/pause`)).body.status).toBe('paused');
    await new Promise((r) => setTimeout(r, 600));
    expect(await runCampaignSend(api.db.database, other.body.id)).toEqual({ queued: 0, phase: 'paused' });
    expect(await count('campaign_recipients', ['campaign_id', other.body.id])).toBe(0);
  });

  it('judges an A/B test by conversions: orders within the attribution window of the message', async () => {
    const created = await api.request('POST', '/api/campaigns', {
      name: 'Conversion test',
      audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } },
      variants: [
        { template_id: templateId, subject: 'Buy now' },
        { template_id: templateId, subject: 'Have a look' },
      ],
      ab: { test_share: 50, wait_hours: 1, metric: 'conversion' },
      attribution_days: 3,
      sender_id: ids.sender,
    });
    const id = created.body.id;
    await api.request('POST', `/api/campaigns/${id}/schedule`, {});
    await runCampaignSend(api.db.database, id);
    await deliverAllQueued(api.db.database);
    const recipients = await api.db.database.db.selectFrom('campaign_recipients').select(['customer_id', 'variant']).where('campaign_id', '=', id).execute();
    const ofA = recipients.filter((r) => r.variant === 'A').map((r) => r.customer_id as string);
    const ofB = recipients.filter((r) => r.variant === 'B').map((r) => r.customer_id as string);
    const inWindow = new Date(Date.now() + 86_400_000).toISOString();
    const tooLate = new Date(Date.now() + 5 * 86_400_000).toISOString();
    for (const c of ofA) expect((await api.request('POST', '/api/orders', { customer_id: c, ordered_at: inWindow, total: 20, currency: 'EUR' })).status).toBe(201);
    for (const c of ofB) expect((await api.request('POST', '/api/orders', { customer_id: c, ordered_at: tooLate, total: 20, currency: 'EUR' })).status).toBe(201);
    const result = await decideAbTest(api.db.database, id, new Date(Date.now() + 3_600_000 + 5000));
    expect(result).toMatchObject({ variant: 'A', trials: [3, 3], successes: [3, 0] });
  });

  it('redeems its personal discount codes: an order carrying one counts for the campaign, once per code unless the campaign allows more', async () => {
    const nantes = { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } };
    const create = async (name: string, extra: Record<string, unknown> = {}) => {
      const res = await api.request('POST', '/api/campaigns', { name, audience: nantes, variants: [{ template_id: templateId }], sender_id: ids.sender, discount_prefix: 'CODE', ...extra });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await api.request('POST', `/api/campaigns/${res.body.id}/schedule`, {});
      expect((await runCampaignSend(api.db.database, res.body.id)).queued).toBe(12);
      return res.body;
    };
    const single = await create('Codes, single use');
    expect(single.discount_uses).toBe(1);
    const codeOf = async (campaignId: string, customerId: string) =>
      (await api.db.database.db.selectFrom('discount_codes').select('code').where('campaign_id', '=', campaignId).where('customer_id', '=', customerId).executeTakeFirstOrThrow()).code as string;
    const code = await codeOf(single.id, ids.n0);
    // The code recorded is the one the message carries.
    const message = await api.db.database.db.selectFrom('messages').select('text_body').where('related_id', '=', single.id).where('customer_id', '=', ids.n0).executeTakeFirstOrThrow();
    expect(message.text_body).toContain(code);
    const order = (body: Record<string, unknown>) => api.request('POST', '/api/orders', { ordered_at: new Date().toISOString(), currency: 'EUR', status: 'paid', ...body });
    expect((await order({ customer_id: ids.n0, total: 30, discount_code: ` ${code.toLowerCase()} ` })).status).toBe(201);
    // Used up: the same code again (even by someone else) is refused and not attributed.
    expect((await order({ customer_id: ids.n1, total: 45, discount_code: code })).status).toBe(201);
    // A code added to an order later redeems it too.
    const later = await order({ customer_id: ids.n2, total: 12 });
    expect((await api.request('PATCH', `/api/orders/${later.body.id}`, { discount_code: await codeOf(single.id, ids.n2) })).status).toBe(200);
    // An order with no code of this campaign is not attributed (no click either).
    expect((await order({ customer_id: ids.n3, total: 99, discount_code: 'SPRING-NOPE' })).status).toBe(201);
    // An imported order's discount code column redeems it the same way.
    const file = path.join(os.tmpdir(), `rapport-codes-${engine}-${process.pid}.csv`);
    fs.writeFileSync(file, `order_id,customer_email,date,amount,discount code\nX-1,n7@example.org,${new Date().toISOString().slice(0, 10)},20,${await codeOf(single.id, ids.n7)}\n`);
    const batch = await runImport({ database: api.db.database, actor: 'import:test' }, file, { kind: 'orders' });
    fs.rmSync(file);
    expect(batch.counts).toMatchObject({ rows: 1, created: 1 });
    let report = (await api.request('GET', `/api/campaigns/${single.id}/report`)).body;
    expect(report.discount_codes).toEqual({ issued: 12, redeemed: 3, orders: 3, refused: 1 });
    expect(report.totals).toMatchObject({ attributed_orders: 3, attributed_revenue: 62 });
    expect(report.attribution).toMatch(/redeemed one of the campaign's discount codes/);

    // A campaign that allows any number of uses takes every order with the code.
    const many = await create('Codes, any number', { discount_uses: 0 });
    const shared = await codeOf(many.id, ids.n4);
    for (const who of [ids.n4, ids.n5, ids.n6]) expect((await order({ customer_id: who, total: 10, discount_code: shared })).status).toBe(201);
    report = (await api.request('GET', `/api/campaigns/${many.id}/report`)).body;
    expect(report.discount_codes).toEqual({ issued: 12, redeemed: 1, orders: 3, refused: 0 });
    expect(report.totals).toMatchObject({ attributed_orders: 3, attributed_revenue: 30 });
    expect((await api.request('POST', '/api/campaigns', { name: 'Bad uses', audience: nantes, variants: [{ template_id: templateId }], discount_uses: -1 })).body.error.fields).toHaveProperty(
      'discount_uses',
    );
  });

  it('sends the leader when the wait ends without certainty', async () => {
    const created = await api.request('POST', '/api/campaigns', {
      name: 'Wait test',
      audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: 'Nantes' } },
      variants: [
        { template_id: templateId, subject: 'One' },
        { template_id: templateId, subject: 'Two' },
        { template_id: templateId, subject: 'Three' },
      ],
      ab: { test_share: 50, wait_hours: 1 },
      sender_id: ids.sender,
    });
    const id = created.body.id;
    await api.request('POST', `/api/campaigns/${id}/schedule`, {});
    expect((await runCampaignSend(api.db.database, id)).queued).toBe(6);
    await deliverAllQueued(api.db.database);
    expect(await decideAbTest(api.db.database, id)).toBeNull();
    const result = await decideAbTest(api.db.database, id, new Date(Date.now() + 3_600_000 + 5000));
    expect(result!.reason).toBe('wait_ended');
    expect(result!.p_best.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 3);
    expect(result!.p_best.every((p) => p > 0.2 && p < 0.45)).toBe(true); // no click anywhere: about a third each
  });
});
