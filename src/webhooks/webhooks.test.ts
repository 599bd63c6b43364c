import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import { loadConfig } from '../core/config.js';
import { openDatabase, type Database } from '../core/database.js';
import { consumeEvents } from '../core/events.js';
import { guardedLookup, isPrivateAddress, postOutbound } from '../core/outbound.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { attemptDelivery, claimDeliveries, defaultDeliverySettings, fanOutEvents } from './service.js';
import { signWebhook, verifyWebhook, webhookHeaders } from './signature.js';
import { startWebhookWorker } from './worker.js';

describe('Standard Webhooks signatures', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  it('signs as the reference library verifies, and verifies what it signs', () => {
    const body = JSON.stringify({ type: 'customer.created', timestamp: '2026-12-05T00:00:00Z', data: { id: 'cus_1' } });
    const headers = webhookHeaders(secret, 'evt_1', body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    const now = new Date();
    const theirs = new Webhook(secret).sign('evt_2', now, body);
    expect(verifyWebhook(secret, { 'webhook-id': 'evt_2', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': theirs }, body)).toBe(true);
    expect(theirs).toBe(signWebhook(secret, 'evt_2', Math.floor(now.getTime() / 1000), body));
  });
  it('rejects a changed body, a wrong secret and an old timestamp', () => {
    const body = '{"a":1}';
    const headers = webhookHeaders(secret, 'evt_1', body);
    expect(verifyWebhook(secret, headers, '{"a":2}')).toBe(false);
    expect(verifyWebhook('whsec_' + Buffer.from('another secret').toString('base64'), headers, body)).toBe(false);
    const old = webhookHeaders(secret, 'evt_1', body, new Date(Date.now() - 3600_000));
    expect(verifyWebhook(secret, old, body)).toBe(false);
    expect(() => new Webhook(secret).verify(body, old)).toThrow();
  });
});

describe('outbound requests refuse private addresses (SSRF)', () => {
  it('classifies addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('refuses private literals and names that resolve to loopback, before connecting', async () => {
    await expect(postOutbound('http://127.0.0.1:9/hook', '{}', {})).rejects.toThrow(/private or loopback/);
    await expect(postOutbound('http://[::1]:9/hook', '{}', {})).rejects.toThrow(/private or loopback/);
    await expect(postOutbound('ftp://example.com/', '{}', {})).rejects.toThrow(/http and https/);
    const error = await new Promise<Error | null>((resolve) => guardedLookup(false)('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/resolves to 127\.0\.0\.1/);
  });
});

interface Received {
  headers: Record<string, string>;
  body: string;
}

function receiver(answer: (r: Received) => number) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const r = { headers: req.headers as Record<string, string>, body };
      received.push(r);
      res.statusCode = answer(r);
      res.end('ok');
    });
  });
  return {
    received,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(engines)('webhooks on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(engine, { RAPPORT_ALLOW_PRIVATE_TARGETS: 'true' });
  });
  afterAll(async () => api?.close());

  it('refuses a private URL unless private targets are allowed, and unknown event types', async () => {
    // The same database served with the default configuration.
    const strict = createApp({ database: api.db.database, config: loadConfig({ RAPPORT_DATA_DIR: '/nonexistent' }) });
    const res = await strict.request('/api/webhooks', {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:8080/x', event_types: ['customer.created'] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { url: string[] } } }).error.fields.url[0]).toMatch(/private or loopback/);
    const bad = await api.request('POST', '/api/webhooks', { url: 'https://example.com/x', event_types: ['customer.exploded'] });
    expect(bad.status).toBe(400);
    expect((await api.request('GET', '/api/webhooks/whk_nope')).status).toBe(404);
  });

  it('delivers each subscribed event once, signed, and logs it', async () => {
    const rx = receiver(() => 204);
    const url = await rx.listen();
    const created = await api.request('POST', '/api/webhooks', { url, event_types: ['customer.created', 'order.created'] });
    expect(created.status).toBe(201);
    const { secret, id } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect((await api.request('GET', `/api/webhooks/${id}`)).body.secret).toBeUndefined();
    const worker = startWebhookWorker(api.db.database, { allowPrivate: true, pollMs: 20 });
    try {
      const customer = await api.request('POST', '/api/customers', { first_name: 'Ada', email: 'ada@example.com' });
      await api.request('PATCH', `/api/customers/${customer.body.id}`, { city: 'Paris' }); // not subscribed
      await api.request('POST', '/api/orders', { customer_id: customer.body.id, ordered_at: '2026-01-01', total: 10 });
      await until(() => rx.received.length >= 2);
      await new Promise((r) => setTimeout(r, 200));
      expect(rx.received).toHaveLength(2);
      const payloads = rx.received.map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: { entity_id: string } });
      expect(payloads.map((p) => p.type).sort()).toEqual(['customer.created', 'order.created']);
      expect(payloads.find((p) => p.type === 'customer.created')!.data.entity_id).toBe(customer.body.id);
      const log = await api.request('GET', `/api/webhooks/${id}/deliveries`);
      expect(log.body.data.map((d: { status: string; last_status_code: number }) => [d.status, d.last_status_code])).toEqual([
        ['delivered', 204],
        ['delivered', 204],
      ]);
      const test = await api.request('POST', `/api/webhooks/${id}/test`);
      expect(test.status).toBe(202);
      await until(() => rx.received.length === 3);
      expect(JSON.parse(rx.received[2].body).type).toBe('webhook.test');
    } finally {
      await worker.stop();
      await rx.close();
      await api.request('DELETE', `/api/webhooks/${id}`);
    }
  });

  it('retries a failing endpoint on its schedule, then fails, disables it and can replay', async () => {
    let fail = true;
    const rx = receiver(() => (fail ? 500 : 200));
    const url = await rx.listen();
    const { body: hook } = await api.request('POST', '/api/webhooks', { url, event_types: ['task.created'] });
    let worker = startWebhookWorker(api.db.database, { allowPrivate: true, pollMs: 20, schedule: [0, 30, 30] });
    try {
      await api.request('POST', '/api/tasks', { title: 'Call Ada' });
      await until(async () => (await api.request('GET', `/api/webhooks/${hook.id}/deliveries`)).body.data[0]?.status === 'failed');
      expect(rx.received).toHaveLength(3);
      expect(new Set(rx.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
      const [delivery] = (await api.request('GET', `/api/webhooks/${hook.id}/deliveries`)).body.data;
      expect(delivery).toMatchObject({ attempts: 3, last_status_code: 500, last_error: 'HTTP 500' });
      expect((await api.request('GET', `/api/webhooks/${hook.id}`)).body).toMatchObject({ active: true, failing_since: expect.any(String) });
      // Failing for longer than the limit switches the endpoint off.
      await worker.stop();
      worker = startWebhookWorker(api.db.database, { allowPrivate: true, pollMs: 20, schedule: [0], disableAfterMs: 1 });
      await api.request('POST', '/api/tasks', { title: 'Call Grace' });
      await until(async () => (await api.request('GET', `/api/webhooks/${hook.id}`)).body.active === false);
      const after = (await api.request('GET', `/api/webhooks/${hook.id}`)).body;
      expect(after.active).toBe(false);
      expect(after.disabled_reason).toMatch(/disabled after failing/);
      // Re-enabled and replayed: the receiver is back up and the delivery goes through.
      fail = false;
      expect((await api.request('PATCH', `/api/webhooks/${hook.id}`, { active: true })).body).toMatchObject({ active: true, disabled_reason: null, failing_since: null });
      expect((await api.request('POST', `/api/webhooks/${hook.id}/deliveries/${delivery.id}/replay`)).status).toBe(202);
      const replayed = async () => (await api.request('GET', `/api/webhooks/${hook.id}/deliveries`)).body.data.find((d: { id: string }) => d.id === delivery.id);
      await until(async () => (await replayed()).status === 'delivered');
      expect(await replayed()).toMatchObject({ attempts: 1, last_status_code: 200 });
    } finally {
      await worker.stop();
      await rx.close();
      await api.request('DELETE', `/api/webhooks/${hook.id}`);
    }
  });

  it('shares deliveries between two processes once each, and a dead claimer loses nothing', async () => {
    const rx = receiver(() => 200);
    const url = await rx.listen();
    const { body: hook } = await api.request('POST', '/api/webhooks', { url, event_types: ['interaction.created'] });
    // A second connection to the same database stands for a second server process.
    const second: Database = engine === 'sqlite' ? await openDatabase({ sqlitePath: api.db.url }) : await openDatabase({ url: api.db.url });
    const workers = [startWebhookWorker(api.db.database, { allowPrivate: true, pollMs: 10, concurrency: 4 }), startWebhookWorker(second, { allowPrivate: true, pollMs: 10, concurrency: 4 })];
    try {
      const total = 60;
      for (let i = 0; i < total; i++) await api.request('POST', '/api/interactions', { type: 'note', occurred_at: '2026-01-01T00:00:00Z' });
      await until(() => rx.received.length >= total, 20_000);
      await new Promise((r) => setTimeout(r, 300));
      const ids = rx.received.map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    // A worker claims deliveries and dies before sending: once its lock runs out another sends them.
    rx.received.length = 0;
    await api.request('POST', '/api/interactions', { type: 'call', occurred_at: '2026-01-02T00:00:00Z' });
    await consumeEvents(second, 'webhooks', async (events) => void (await fanOutEvents(second, events)), { worker: 'fan-out' });
    const lost = await claimDeliveries(api.db.database, 'dead-worker', 10, 1);
    expect(lost).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    const rescued = await claimDeliveries(second, 'rescuer', 10);
    expect(rescued.map((d) => d.id).sort()).toEqual(lost.map((d) => d.id).sort());
    for (const d of rescued) await attemptDelivery(second, d, 'rescuer', { ...defaultDeliverySettings, allowPrivate: true });
    const log = (await api.request('GET', `/api/webhooks/${hook.id}/deliveries?limit=500`)).body.data;
    expect(log.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    expect(log).toHaveLength(61);
    expect(rx.received).toHaveLength(1);
    await second.close();
    await rx.close();
  });
});
