import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';

describe.each(engines)("Today's count of waiting quotes on %s", (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let customerId: string;
  const ok = async (method: string, path: string, body?: unknown, status = 200) => {
    const res = await api.request(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const waiting = async () => (await ok('GET', '/api/today')).counts.quote as number;
  const newQuote = async (title: string) =>
    (await ok('POST', '/api/quotes', { customer_id: customerId, title, lines: [{ name: title, quantity: 1, unit_price: 100, tax_rate: 0 }] }, 201)).id as string;

  beforeAll(async () => {
    api = await testApi(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    await ok('PATCH', '/api/settings', { currency: 'EUR', time_zone: 'UTC' });
    customerId = (await ok('POST', '/api/customers', { first_name: 'Ada', email: 'ada@example.org' }, 201)).id;
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });

  it('follows every quote sent, revised or converted at once, read after read', async () => {
    expect(await waiting()).toBe(0);
    const first = await newQuote('Hosting');
    expect(await waiting()).toBe(0);
    await ok('POST', `/api/quotes/${first}/send`);
    expect(await waiting()).toBe(1);
    expect(await waiting()).toBe(1);
    const second = await newQuote('Design');
    await ok('POST', `/api/quotes/${second}/send`);
    expect(await waiting()).toBe(2);
    // A revision is a draft until it is sent: the version it replaces stops waiting.
    const revision = (await ok('POST', `/api/quotes/${first}/revise`, undefined, 201)).id as string;
    expect(await waiting()).toBe(1);
    await ok('POST', `/api/quotes/${revision}/send`);
    expect(await waiting()).toBe(2);
    // Converting a quote answers it: it no longer waits.
    await ok('POST', `/api/quotes/${second}/convert`, undefined);
    expect(await waiting()).toBe(1);
  });
});
