import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { bundleCli } from '../test/cli-bundle.js';
import { engines } from '../test/engines.js';
import { startServeProcess, type ServeProcess } from '../test/serve-process.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { campaignsTick } from './send.js';

// A campaign is sent by real `rapport serve` processes (the job thread queues it, the mail worker
// delivers it to a real SMTP server), and a process is killed with SIGKILL while messages are in flight,
// three times, each time followed by a restart. Every recipient gets the campaign, and a recipient gets
// it twice only if their message was in the batch in flight at a kill. On PostgreSQL two processes send
// together and one is killed: the other finishes alone, without a restart.

const root = path.resolve(import.meta.dirname, '../..');
const outdir = path.join(root, 'node_modules/.cache/rapport-campaign-crash-test', String(process.pid));
const recipients = 300;
/** The mail worker's claim: at most this many messages are in flight in one process. */
const mailBatch = 50;

let cli: string;
beforeAll(async () => {
  cli = await bundleCli(outdir);
}, 120_000);
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function startServer(api: TestApi): Promise<ServeProcess> {
  const sqlite = api.db.database.dialect === 'sqlite';
  const env = { ...process.env, PORT: '0', DATABASE_URL: sqlite ? '' : api.db.url!, RAPPORT_DATA_DIR: sqlite ? path.dirname(api.db.url!) : path.join(outdir, 'data') };
  return startServeProcess(cli, env, outdir);
}

async function kill(server: ServeProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

/**
 * Kills a sending process at a moment it holds claims: it is stopped (SIGSTOP, so its claims cannot
 * change and, still alive, nobody takes them back), its claims are counted, and it is killed only if it
 * holds some; otherwise it runs on a few milliseconds and is tried again. Returns the claims it died with.
 */
async function killHoldingClaims(api: TestApi, campaignId: string, server: ServeProcess): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt++) {
    server.child.kill('SIGSTOP');
    const held = await inFlight(api, campaignId, server.child.pid!);
    if (held > 0 || attempt === 499) {
      await kill(server);
      return held;
    }
    server.child.kill('SIGCONT');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return 0;
}

/** Messages of the campaign claimed (in flight) by the process of this pid, left so when it was killed. */
async function inFlight(api: TestApi, campaignId: string, pid: number): Promise<number> {
  const rows = await api.db.database.db.selectFrom('messages').select('claimed_by').where('related_id', '=', campaignId).where('status', '=', 'sending').execute();
  return rows.filter((r) => String(r.claimed_by).split(':')[1] === String(pid)).length;
}

/** How many times each recipient of the campaign whose addresses start with `tag` received it. */
async function receivedBy(smtp: TestSmtp, tag: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of smtp.envelopes) for (const to of e.to) if (to.startsWith(tag)) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/** Waits until every recipient received the campaign and the servers recorded every message as settled. */
async function untilEveryoneReceived(api: TestApi, smtp: TestSmtp, tag: string, campaignId: string, servers: ServeProcess[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const unsettled = async () =>
    (await api.db.database.db.selectFrom('messages').select('id').where('related_id', '=', campaignId).where('status', 'in', ['queued', 'sending']).limit(1).execute()).length > 0;
  while ((await receivedBy(smtp, tag)).size < recipients || (await unsettled())) {
    if (Date.now() > deadline)
      throw new Error(`only ${(await receivedBy(smtp, tag)).size} of ${recipients} recipients received the campaign; server output: ${servers.map((s) => s.output()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function campaignToSend(api: TestApi, tag: string): Promise<string> {
  const sender = await api.request('POST', '/api/senders', { name: 'Shop', address: `news-${tag}@shop.example.com`, per_second: 0, per_hour: 0, per_day: 0 });
  expect(sender.status).toBe(201);
  for (let i = 0; i < recipients; i++) {
    const res = await api.request('POST', '/api/customers', { first_name: `R${i}`, email: `${tag}${i}@example.org`, consent_email: true, city: tag });
    expect(res.status).toBe(201);
  }
  const template = await api.request('POST', '/api/templates', {
    name: 'Sale',
    subject: 'Sale for {{ customer.first_name }}',
    mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hello {{ customer.first_name }}, your code {{ discount_code }}.</mj-text></mj-column></mj-section></mj-body></mjml>',
  });
  expect(template.status).toBe(201);
  const created = await api.request('POST', '/api/campaigns', {
    name: `Crash sale ${tag}`,
    audience: { kind: 'filter', filter: { field: 'city', op: 'eq', value: tag } },
    variants: [{ template_id: template.body.id }],
    sender_id: sender.body.id,
  });
  expect(created.status).toBe(201);
  expect((await api.request('POST', `/api/campaigns/${created.body.id}/schedule`, {})).body.status).toBe('sending');
  return created.body.id;
}

/** Every recipient got the campaign once, except those whose message was in flight at a kill (twice at most per kill). */
async function expectEveryoneOnceBar(api: TestApi, smtp: TestSmtp, tag: string, campaignId: string, inFlightAtKills: number[]) {
  await new Promise((r) => setTimeout(r, 500));
  const counts = await receivedBy(smtp, tag);
  expect(counts.size).toBe(recipients);
  const extra = [...counts.values()].reduce((s, n) => s + n - 1, 0);
  for (const n of inFlightAtKills) expect(n).toBeLessThanOrEqual(mailBatch);
  expect(extra).toBeLessThanOrEqual(inFlightAtKills.reduce((s, n) => s + n, 0));
  const rows = await api.db.database.db.selectFrom('campaign_recipients').select('customer_id').where('campaign_id', '=', campaignId).execute();
  expect(rows.length).toBe(recipients);
  const statuses = await api.db.database.db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('related_id', '=', campaignId)
    .groupBy('status')
    .execute();
  expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', recipients]]);
  await campaignsTick(api.db.database);
  expect((await api.request('GET', `/api/campaigns/${campaignId}`)).body.status).toBe('sent');
  const report = (await api.request('GET', `/api/campaigns/${campaignId}/report`)).body;
  expect(report.totals).toMatchObject({ recipients, sent: recipients, delivered: recipients, queued: 0 });
}

describe.each(engines)('a campaign sent by server processes killed with SIGKILL, on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  const servers: ServeProcess[] = [];
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    // A slow mail server (each message answered after 60 ms), so that kills land while a batch is in flight.
    smtp = await startTestSmtp({ parse: false, delayMs: 60 });
    await useTestSmtp(api.db.database, smtp.port);
  }, 180_000);
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) await kill(s);
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });

  it('reaches every recipient through three kills and restarts; duplicates stay within the batches in flight', { timeout: 300_000 }, async () => {
    const id = await campaignToSend(api, 'one');
    const inFlightAtKills: number[] = [];
    for (const share of [0.15, 0.4, 0.65]) {
      const server = await startServer(api);
      servers.push(server);
      await smtp.waitFor(Math.round(recipients * share), 90_000).catch((e) => {
        throw new Error(`${e.message}; server output: ${server.output()}`);
      });
      await kill(server);
      inFlightAtKills.push(await inFlight(api, id, server.child.pid!));
    }
    // A kill mid-send leaves messages claimed (in flight) by the dead process.
    expect(inFlightAtKills.some((n) => n > 0)).toBe(true);
    expect((await receivedBy(smtp, 'one')).size).toBeLessThan(recipients);
    const last = await startServer(api);
    servers.push(last);
    await untilEveryoneReceived(api, smtp, 'one', id, servers);
    await kill(last);
    await expectEveryoneOnceBar(api, smtp, 'one', id, inFlightAtKills);
  });

  // Several processes share the queue on the server engines; PostgreSQL stands for them here.
  if (engine === 'postgres')
    it('with two processes sending, one killed mid-send: the other delivers the rest without a restart', { timeout: 300_000 }, async () => {
      const id = await campaignToSend(api, 'two');
      const [a, b] = await Promise.all([startServer(api), startServer(api)]);
      servers.push(a, b);
      await smtp.waitFor(smtp.raw.length + Math.round(recipients * 0.3), 90_000);
      const inFlightAtKill = await killHoldingClaims(api, id, a);
      // Its claims go back to the queue well before their 5-minute lease ends: the survivor finds the process gone.
      expect(inFlightAtKill).toBeGreaterThan(0);
      await untilEveryoneReceived(api, smtp, 'two', id, [a, b]);
      await kill(b);
      await expectEveryoneOnceBar(api, smtp, 'two', id, [inFlightAtKill]);
    });
});
