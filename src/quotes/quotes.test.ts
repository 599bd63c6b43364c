import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceSecret, signPayload } from '../auth/secrets.js';
import { createDeal, getDeal } from '../deals/service.js';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { quotesAwaitingAnswer } from './awaiting.js';
import { pdfText } from '../test/pdf-text.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'QuoteTest/1.0' };
const year = new Date().getUTCFullYear();

describe.each(engines)('quotes on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let customerId: string;
  let productId: string;
  const db = () => api.db.database.db;

  beforeAll(async () => {
    api = await testApi(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    await api.request('PATCH', '/api/settings', { currency: 'EUR', time_zone: 'UTC' });
    expect(
      (
        await api.request('PATCH', '/api/settings/quotes', {
          business_name: 'Atelier Lumen',
          business_address: 'Rue Haute 12\n1000 Brussels\nVAT BE0123.456.789',
          default_terms: 'Payment within 30 days.',
        })
      ).status,
    ).toBe(200);
    customerId = (await api.request('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org', company: 'Analytical Ltd' })).body.id;
    productId = (await api.request('POST', '/api/products', { name: 'Website design', sku: 'WEB-1', price: 1250 })).body.id;
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });

  const newQuote = async (extra: Record<string, unknown> = {}) => {
    const res = await api.request('POST', '/api/quotes', {
      customer_id: customerId,
      title: 'New website',
      lines: [
        { product_id: productId, quantity: 2, tax_rate: 21 },
        { name: 'Hosting (months)', quantity: 12, unit_price: 19.99, discount_percent: 10, tax_rate: 21 },
      ],
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  /** Sends a quote and returns the public path of its link, followed from the mail the test SMTP server received. */
  const sendAndFollow = async (id: string) => {
    const before = smtp.messages.length;
    const sent = await api.request('POST', `/api/quotes/${id}/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(await deliverAllQueued(api.db.database)).toBeGreaterThanOrEqual(1);
    const mails = await smtp.waitFor(before + 1);
    const mail = mails[before];
    const link = /https:\/\/crm\.example\.com(\/q\/[A-Za-z0-9._-]+)/.exec(mail.text ?? '');
    expect(link, mail.text).toBeTruthy();
    return { path: link![1], token: link![1].slice(3), mail, url: sent.body.url as string };
  };
  const pageOf = (path: string) => api.request('GET', path, undefined, { 'user-agent': 'QuoteTest/1.0' });
  const shaOnPage = (html: string) => /name="pdf_sha256" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
  const accept = async (path: string, name = 'Ada Lovelace') => {
    const page = await pageOf(path);
    return api.request('POST', `${path}/accept`, form({ name, pdf_sha256: shaOnPage(page.body) }), formHeaders);
  };

  it('numbers quotes per year without gaps, also when many are created at once', async () => {
    const first = await newQuote();
    expect(first.number).toMatch(new RegExp(`^Q-${year}-\\d{4}$`));
    const start = Number(first.number.slice(-4));
    const many = await Promise.all(Array.from({ length: 8 }, () => newQuote()));
    const numbers = many.map((q) => Number(q.number.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => start + 1 + i));
    expect(many.every((q) => q.version === 1 && q.status === 'draft')).toBe(true);
  });

  it('computes totals exactly from catalogue prices, line discounts, tax and an overall discount', async () => {
    const q = await newQuote({ discount_percent: 5 });
    // 2 × 1250.00 = 2500.00; 12 × 19.99 = 239.88 less 10 % (23.99) = 215.89; subtotal 2715.89
    expect(q.lines.map((l: any) => [l.name, l.unit_price, l.net])).toEqual([
      ['Website design', 1250, 2500],
      ['Hosting (months)', 19.99, 215.89],
    ]);
    expect(q.subtotal).toBe(2715.89);
    expect(q.discount_total).toBe(135.79); // 5 % of 2715.89 = 135.7945
    expect(q.tax_total).toBe(541.82); // 21 % of 2580.10 = 541.821
    expect(q.total).toBe(3121.92);
    expect(q.currency).toBe('EUR');
    expect(q.terms).toBe('Payment within 30 days.');
  });

  it('refuses bad input with field errors and creates nothing', async () => {
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('quotes')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = await count();
    const cases: [unknown, string][] = [
      [{ customer_id: customerId, lines: [{ name: 'x', quantity: -1, unit_price: 1 }] }, 'lines.0.quantity'],
      [{ customer_id: customerId, lines: [{ product_id: 'prd_nope', quantity: 1 }] }, 'lines.0.product_id'],
      [{ customer_id: customerId, lines: [{ quantity: 1, unit_price: 5 }] }, 'lines.0.name'],
      [{ customer_id: customerId, lines: [{ name: 'x', unit_price: 1, tax_rate: 120 }] }, 'lines.0.tax_rate'],
      [{ customer_id: 'cus_nope', lines: [] }, 'customer_id'],
      [{ customer_id: customerId, currency: 'XXQ' }, 'currency'],
      [{ customer_id: customerId, number: 'Q-1999-0001' }, 'number'],
    ];
    for (const [input, field] of cases) {
      const res = await api.request('POST', '/api/quotes', input);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('renders a PDF whose extracted text has the business, the client, the lines and the totals', async () => {
    const q = await newQuote();
    const res = await api.app.request(`/api/quotes/${q.id}/pdf`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = (await pdfText(bytes)).join('\n');
    for (const expected of [
      'Atelier Lumen',
      'Rue Haute 12',
      `Quote ${q.number}`,
      'Ada Lovelace',
      'Analytical Ltd',
      'Website design',
      'Hosting (months)',
      '€1,250.00',
      '€2,500.00',
      '€215.89',
      'Tax 21% on €2,715.89',
      '€570.34',
      '€3,286.23',
      'Payment within 30 days.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(q.total).toBe(3286.23);
    // The same quote renders to the same bytes: the hash recorded on acceptance identifies the document.
    const again = new Uint8Array(await (await api.app.request(`/api/quotes/${q.id}/pdf`, { headers: { authorization: `Bearer ${api.token}` } })).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('sends the quote by mail; the link opens the page, records the view, and accepting closes the loop', async () => {
    const ctx = { database: api.db.database, actor: 'test' };
    const deal = await api.db.database.db.transaction().execute((trx) => createDeal(trx, ctx, { title: 'Website', customer_id: customerId, value: 3000 }));
    const q = await newQuote({ deal_id: deal.id });
    const { path, mail } = await sendAndFollow(q.id);
    expect(mail.to && 'value' in mail.to ? mail.to.value[0].address : null).toBe('ada@example.org');
    expect(mail.subject).toBe(`Quote ${q.number} from Atelier Lumen`);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${q.number}.pdf`, 'application/pdf']]);
    expect((await pdfText(mail.attachments[0].content)).join('')).toContain('€3,286.23');
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.status).toBe('sent');

    const waiting = await quotesAwaitingAnswer(db());
    expect(waiting.find((w) => w.id === q.id)).toMatchObject({ status: 'sent', total: 3286.23, currency: 'EUR', deal_id: deal.id, days_waiting: 0 });

    const page = await pageOf(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Atelier Lumen');
    expect(page.body).toContain('€3,286.23');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.status).toBe('viewed');

    const pdf = await api.app.request(`${path}/pdf`);
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(pdfBytes).digest('hex');
    expect(shaOnPage(page.body)).toBe(sha);

    const accepted = await accept(path);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('Accepted by Ada Lovelace');
    const after = (await api.request('GET', `/api/quotes/${q.id}`)).body;
    expect(after).toMatchObject({ status: 'accepted', accepted_by: 'Ada Lovelace', accepted_pdf_sha256: sha });
    expect((await getDeal(db(), deal.id as string)).status).toBe('won');
    const order = (await api.request('GET', `/api/orders/${after.order_id}`)).body;
    expect(order).toMatchObject({ customer_id: customerId, total: 3286.23, currency: 'EUR', status: 'pending' });
    expect(order.lines.map((l: any) => [l.product_name, l.quantity])).toEqual([
      ['Website design', 2],
      ['Hosting (months)', 12],
    ]);
    const task = (await api.request('GET', `/api/tasks/${after.task_id}`)).body;
    expect(task).toMatchObject({ customer_id: customerId, linked_entity: 'quote', linked_id: q.id, done: false });

    const events = await db()
      .selectFrom('events')
      .select(['type', 'entity_id'])
      .where('type', 'in', ['quote.sent', 'quote.viewed', 'quote.accepted', 'deal.won', 'order.created', 'task.created'])
      .execute();
    const has = (type: string, id: string) => events.some((e) => e.type === type && e.entity_id === id);
    expect(has('quote.sent', q.id) && has('quote.viewed', q.id) && has('quote.accepted', q.id)).toBe(true);
    expect(has('deal.won', deal.id as string) && has('order.created', after.order_id) && has('task.created', after.task_id)).toBe(true);

    const trail = (await api.request('GET', `/api/quotes/${q.id}/activity`)).body.data;
    expect(trail.map((a: any) => a.kind)).toEqual(['sent', 'viewed', 'downloaded', 'viewed', 'accepted']);
    expect(trail[4]).toMatchObject({ detail: 'Ada Lovelace', user_agent: 'QuoteTest/1.0', pdf_sha256: sha });

    // Accepting twice: refused, and nothing more is created.
    const orders = async () =>
      Number(
        (
          await db()
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('customer_id', '=', customerId)
            .executeTakeFirst()
        )?.n,
      );
    const ordersBefore = await orders();
    const twice = await api.request('POST', `${path}/accept`, form({ name: 'Ada Lovelace', pdf_sha256: sha }), formHeaders);
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('is accepted and cannot be accepted');
    expect((await quotesAwaitingAnswer(db())).some((w) => w.id === q.id)).toBe(false);
    const decline = await api.request('POST', `${path}/decline`, form({ reason: 'changed my mind' }), formHeaders);
    expect(decline.status).toBe(409);
    expect(await orders()).toBe(ordersBefore);
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.status).toBe('accepted');
  });

  it('freezes a quote once sent; revise drafts version n+1 with the same number and the old link stops accepting', async () => {
    const q = await newQuote();
    const { path } = await sendAndFollow(q.id);
    expect((await accept(path)).status).toBe(200);
    const patch = await api.request('PATCH', `/api/quotes/${q.id}`, { title: 'Changed' });
    expect(patch.status).toBe(409);
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.title).toBe('New website');

    const v2 = await api.request('POST', `/api/quotes/${q.id}/revise`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ number: q.number, version: 2, status: 'draft', previous_version_id: q.id, total: q.total });
    expect(v2.body.lines).toHaveLength(2);
    expect((await api.request('POST', `/api/quotes/${q.id}/revise`)).status).toBe(409);
    const edited = await api.request('PATCH', `/api/quotes/${v2.body.id}`, { lines: [{ product_id: productId, quantity: 3 }] });
    expect(edited.status).toBe(200);
    expect(edited.body.total).toBe(3750);
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.superseded_by_id).toBe(v2.body.id);

    // Accepting the revision replaces the first acceptance: its order is cancelled, one order stands.
    const firstOrder = (await api.request('GET', `/api/quotes/${q.id}`)).body.order_id;
    const { path: path2 } = await sendAndFollow(v2.body.id);
    expect((await accept(path2)).status).toBe(200);
    expect((await api.request('GET', `/api/orders/${firstOrder}`)).body.status).toBe('cancelled');
    const revised = (await api.request('GET', `/api/quotes/${v2.body.id}`)).body;
    expect((await api.request('GET', `/api/orders/${revised.order_id}`)).body.total).toBe(3750);
  });

  it('reads a sent quote past its validity date as expired; it can no longer be accepted', async () => {
    const q = await newQuote();
    const { path } = await sendAndFollow(q.id);
    await db().updateTable('quotes').set({ valid_until: '2020-01-31' }).where('id', '=', q.id).execute();
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.status).toBe('expired');
    expect((await quotesAwaitingAnswer(db())).some((w) => w.id === q.id)).toBe(false);
    const listed = (await api.request('GET', `/api/quotes?filter=${encodeURIComponent(JSON.stringify({ field: 'id', op: 'eq', value: q.id }))}`)).body.data;
    expect(listed[0].status).toBe('expired');
    const expired = (await api.request('GET', '/api/quotes?status=expired&limit=500')).body.data;
    expect(expired.map((x: any) => x.id)).toEqual([q.id]);
    const sent = (await api.request('GET', '/api/quotes?status=sent&limit=500')).body.data;
    expect(sent.some((x: any) => x.id === q.id)).toBe(false);
    expect(sent.every((x: any) => x.status === 'sent')).toBe(true);
    const page = await pageOf(path);
    expect(page.status).toBe(410);
    expect(page.body).toContain('expired on 2020-01-31');
    expect(page.body).not.toContain('Accept quote');
    const res = await api.request('POST', `${path}/accept`, form({ name: 'Ada', pdf_sha256: shaOnPage(page.body) || 'x' }), formHeaders);
    expect(res.status).toBe(409);
    const row = await db().selectFrom('quotes').select(['status', 'order_id']).where('id', '=', q.id).executeTakeFirstOrThrow();
    // Viewing an expired quote is recorded in the trail but does not make it viewed.
    expect(row).toEqual({ status: 'sent', order_id: null });
    expect((await api.request('POST', `/api/quotes/${q.id}/send`)).status).toBe(409);
  });

  it('refuses tampered, foreign and unknown links without looking anything up, and a changed PDF', async () => {
    const q = await newQuote();
    const { path, token } = await sendAndFollow(q.id);
    const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    for (const bad of [flipped, `${token}x`, 'q1.abc.def', signPayload(Buffer.alloc(32, 7), 'q1.forged'), signPayload(await instanceSecret(db()), 'q1.never-issued')]) {
      const res = await pageOf(`/q/${bad}`);
      expect(res.status).toBe(404);
      expect(res.body).toContain('Link not valid');
      const post = await api.request('POST', `/q/${bad}/accept`, form({ name: 'Mallory', pdf_sha256: 'x' }), formHeaders);
      expect(post.status).toBe(404);
    }
    // The business changed its details after the client opened the page: the old hash no longer matches.
    const page = await pageOf(path);
    await api.request('PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen SRL' });
    const stale = await api.request('POST', `${path}/accept`, form({ name: 'Ada', pdf_sha256: shaOnPage(page.body) }), formHeaders);
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('reload');
    await api.request('PATCH', '/api/settings/quotes', { business_name: 'Atelier Lumen' });
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body.status).toBe('viewed');
    const noName = await api.request('POST', `${path}/accept`, form({ name: '  ', pdf_sha256: shaOnPage(page.body) }), formHeaders);
    expect(noName.status).toBe(400);
    const declined = await api.request('POST', `${path}/decline`, form({ reason: 'Too expensive' }), formHeaders);
    expect(declined.status).toBe(200);
    expect((await api.request('GET', `/api/quotes/${q.id}`)).body).toMatchObject({ status: 'declined', decline_reason: 'Too expensive' });
    expect((await accept(path)).status).toBe(409);
  });

  it('accepts once when two acceptances race: one order, one task', async () => {
    const q = await newQuote();
    const { path } = await sendAndFollow(q.id);
    const sha = shaOnPage((await pageOf(path)).body);
    const count = async (table: string) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const [orders, tasks] = [await count('orders'), await count('tasks')];
    const answers = await Promise.all([1, 2, 3].map(() => api.request('POST', `${path}/accept`, form({ name: 'Ada Lovelace', pdf_sha256: sha }), formHeaders)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await count('orders')).toBe(orders + 1);
    expect(await count('tasks')).toBe(tasks + 1);
    const accepted = await db().selectFrom('events').select('id').where('type', '=', 'quote.accepted').where('entity_id', '=', q.id).execute();
    expect(accepted).toHaveLength(1);
  });

  it("exports a person's quotes and erases what they typed, where from and how, keeping the accounts", async () => {
    const person = (await api.request('POST', '/api/customers', { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.org' })).body.id;
    const q = (
      await api.request('POST', '/api/quotes', {
        customer_id: person,
        title: 'Compiler for Grace Hopper',
        notes: 'met at the conference',
        lines: [{ name: 'Consulting', quantity: 3, unit_price: 800, tax_rate: 21 }],
      })
    ).body;
    const before = smtp.messages.length;
    expect((await api.request('POST', `/api/quotes/${q.id}/send`)).status).toBe(200);
    await deliverAllQueued(api.db.database);
    const mail = (await smtp.waitFor(before + 1))[before];
    const path = /https:\/\/crm\.example\.com(\/q\/[A-Za-z0-9._-]+)/.exec(mail.text ?? '')![1];
    expect((await accept(path, 'Grace Hopper')).status).toBe(200);
    const exported = (await api.request('GET', `/api/customers/${person}/export`)).body;
    expect(exported.quotes.map((x: any) => [x.number, x.accepted_by, x.title])).toEqual([[q.number, 'Grace Hopper', 'Compiler for Grace Hopper']]);

    expect((await api.request('DELETE', `/api/customers/${person}?erase=true`)).status).toBeLessThan(300);
    const row = await db().selectFrom('quotes').selectAll().where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: null, notes: null, accepted_by: null, decline_reason: null, number: q.number, status: 'accepted' });
    expect(Number(row.total)).toBe(2904);
    const trail = await db().selectFrom('quote_activity').select(['kind', 'ip', 'user_agent', 'detail']).where('quote_id', '=', q.id).execute();
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.every((t) => t.ip === null && t.user_agent === null && t.detail === null)).toBe(true);
    const audit = await db().selectFrom('audit_log').select(['before_data', 'after_data']).where('entity', '=', 'quotes').where('entity_id', '=', q.id).execute();
    expect(audit.every((a) => a.before_data === null && a.after_data === null)).toBe(true);
    const events = await db().selectFrom('events').select('data').where('entity', '=', 'quote').where('entity_id', '=', q.id).execute();
    expect(events.every((e) => !String(e.data).includes('Grace'))).toBe(true);
  });

  it('converts a quote accepted offline; reports the acceptance rate and time to accept', async () => {
    const q = await newQuote();
    const converted = await api.request('POST', `/api/quotes/${q.id}/convert`);
    expect(converted.status).toBe(200);
    expect(converted.body.status).toBe('converted');
    expect(converted.body.order_id).toBeTruthy();
    expect((await api.request('POST', `/api/quotes/${q.id}/convert`)).status).toBe(409);
    const report = (await api.request('GET', '/api/reports/quotes')).body;
    // Sent in this file so far: the loop quote, the frozen one (its revision counts with it), the expired one, the declined one,
    // the raced one and the erased person's; the converted quote was never sent, so it is not an offer of the report.
    expect(report.totals).toMatchObject({ sent: 6, accepted: 4, converted: 0, declined: 1, expired: 1, open: 0, acceptance_rate: 0.6667 });
    expect(report.totals.median_days_to_accept).toBeGreaterThanOrEqual(0);
    expect(report.totals.median_days_to_accept).toBeLessThan(0.01);
  });
});
