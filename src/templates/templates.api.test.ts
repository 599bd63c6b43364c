import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransport } from '../mail/transport.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { renderTemplate } from './render.js';

const mjml = (inner: string) => `<mjml><mj-body><mj-section><mj-column>${inner}</mj-column></mj-section></mj-body></mjml>`;

describe.each(engines)('templates on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let customerId: string;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    customerId = (await api.request('POST', '/api/customers', { first_name: 'Zoë', last_name: '<Doe & Co>', email: 'zoe@example.org', consent_email: true, city: 'Lyon' })).body.id;
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await api?.close();
  });
  const messageCount = async () =>
    Number(
      (
        await api.db.database.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores a template, renders it as a customer with HTML escaping in the HTML part only, and generates the text part', async () => {
    const created = await api.request('POST', '/api/templates', {
      name: 'Welcome',
      subject: 'Hello {{ customer.first_name }} from {{ customer.city | upcase }}',
      mjml: mjml(
        '<mj-text>Dear {{ customer.name }}, your code is {{ discount_code }}.{% if offer %} Try {{ offer.name }}.{% endif %}</mj-text><mj-button href="https://shop.example.com/?c={{ discount_code }}">Shop now</mj-button>',
      ),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const res = await api.request('POST', '/api/templates/preview', { template_id: id, customer_id: customerId });
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe('Hello Zoë from LYON');
    expect(res.body.html).toContain('Dear Zoë &lt;Doe &amp; Co&gt;, your code is SAVE-');
    expect(res.body.html).toMatch(/<html[\s>]/);
    expect(res.body.html).toContain('@media only screen'); // responsive MJML output
    // No web font from a third party: its request would tell it who opened the mail.
    expect(res.body.html).not.toMatch(/fonts\.googleapis|<link[^>]+stylesheet/);
    const code = /SAVE-[0-9A-Z]{6}/.exec(res.body.html)![0];
    expect(res.body.html).toContain(`href="https://shop.example.com/?c=${code}"`);
    expect(res.body.text).toContain('Dear Zoë <Doe & Co>, your code is');
    expect(res.body.text).toContain(`Shop now [https://shop.example.com/?c=${code}]`);
    expect(res.body.text).not.toMatch(/<(td|div|table|mj-)/);
    // The library call flows use gives the same result, and the same code for the same scope.
    const direct = await renderTemplate(api.db.database.db, id, { customerId });
    expect(direct.html).toBe(res.body.html);
    const other = await renderTemplate(api.db.database.db, id, { customerId, discountScope: 'cmp_other' });
    expect(other.text).not.toContain(code);
  });

  it('previews an unsaved template with sample values for every merge field, including custom fields', async () => {
    expect((await api.request('POST', '/api/fields', { entity: 'customers', name: 'shoe_size', label: 'Shoe size', type: 'number' })).status).toBe(201);
    const res = await api.request('POST', '/api/templates/preview', {
      template: { subject: 'Hi {{ customer.first_name }}', mjml: mjml('<mj-text>Size {{ customer.shoe_size }} / {{ offer.name }}</mj-text>') },
    });
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe('Hi Ada');
    expect(res.body.text).toContain('Size 0.5 / Sample product');
    const fields = await api.request('GET', '/api/templates/fields');
    const names = fields.body.data.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['customer.first_name', 'customer.shoe_size', 'customer.churn_risk', 'offer.name', 'discount_code']));
  });

  it("fills the next best offer from Rapport's cross-sell suggestions for the customer", async () => {
    const notebook = (await api.request('POST', '/api/products', { name: 'Notebook', sku: 'NB-1', price: 10 })).body.id;
    const pen = (await api.request('POST', '/api/products', { name: 'Fountain pen', sku: 'PEN-1', price: 30 })).body.id;
    expect(
      (await api.request('POST', '/api/orders', { customer_id: customerId, ordered_at: '2026-03-01T10:00:00Z', status: 'paid', lines: [{ product_id: notebook, quantity: 1, unit_price: 10 }] }))
        .status,
    ).toBe(201);
    // What a cross-sell run stores: customers who bought the notebook often bought the pen.
    await api.db.database.db.insertInto('product_affinities').values({ product_id: notebook, other_product_id: pen, together: 5, support: 0.1, confidence: 0.6, lift: 3 }).execute();
    const template = { subject: 'For you', text: '{% if offer %}Try the {{ offer.name }} ({{ offer.sku }}): {{ offer.reason }}.{% else %}No offer.{% endif %}' };
    let res = await api.request('POST', '/api/templates/preview', { template, customer_id: customerId });
    expect(res.body.text).toBe('Try the Fountain pen (PEN-1): often bought together with Notebook.');
    const other = (await api.request('POST', '/api/customers', { first_name: 'New', email: 'new@example.org' })).body.id;
    res = await api.request('POST', '/api/templates/preview', { template, customer_id: other });
    expect(res.body.text).toBe('No offer.');
  });

  it('keeps a hand-written text part', async () => {
    const res = await api.request('POST', '/api/templates/preview', {
      template: { subject: 'S', mjml: mjml('<mj-text>HTML</mj-text>'), text: 'Plain {{ customer.first_name }}' },
      customer_id: customerId,
    });
    expect(res.body.text).toBe('Plain Zoë');
  });

  it('refuses a Liquid syntax error, an unknown merge field and bad MJML with a clear 400, storing nothing', async () => {
    const before = await api.request('GET', '/api/templates');
    let res = await api.request('POST', '/api/templates', { name: 'Broken', subject: 'Hi', mjml: mjml('<mj-text>{% if customer.city %}open</mj-text>') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.mjml[0]).toMatch(/Liquid syntax error: tag \{% if customer\.city %\} not closed, line:1/);
    res = await api.request('POST', '/api/templates', { name: 'Unknown', subject: 'Hi {{ customer.favourite_colour }}', mjml: mjml('<mj-text>x</mj-text>') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.subject).toEqual([expect.stringMatching(/^unknown merge field customer\.favourite_colour, line:1, col:\d+$/)]);
    res = await api.request('POST', '/api/templates', { name: 'Filter', subject: 'Hi', mjml: mjml('<mj-text>{{ customer.first_name | shout }}</mj-text>') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.mjml[0]).toMatch(/undefined filter: shout/);
    res = await api.request('POST', '/api/templates', { name: 'MJML', subject: 'Hi', mjml: '<mjml><mj-body><mj-sektion></mj-sektion></mj-body></mjml>' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.mjml[0]).toMatch(/MJML error on line 1: Element mj-sektion doesn't exist/);
    res = await api.request('POST', '/api/templates', { name: 'Empty', subject: 'Hi', mjml: '' });
    expect(res.status).toBe(400);
    res = await api.request('POST', '/api/templates', { name: 'Header', subject: 'Hi\r\nBcc: x@example.org', mjml: mjml('<mj-text>x</mj-text>') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.subject).toBeDefined();
    expect((await api.request('GET', '/api/templates')).body.data.length).toBe(before.body.data.length);
    // An unknown field in an unsaved template is refused by the preview too.
    res = await api.request('POST', '/api/templates/preview', { template: { subject: 'x', text: '{{ offer.colour }}' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.text[0]).toMatch(/unknown merge field offer\.colour/);
    await expect(renderTemplate(api.db.database.db, { subject: 'x', text: '{{ nope }}' }, { customerId })).rejects.toMatchObject({ status: 400 });
  });

  it('a test send goes out multipart with the merge fields filled; a bad template or address queues nothing', async () => {
    const t = await api.request('POST', '/api/templates', { name: 'Test me', subject: 'News for {{ customer.first_name }}', mjml: mjml('<mj-text>Hi {{ customer.first_name }}</mj-text>') });
    const before = await messageCount();
    let res = await api.request('POST', `/api/templates/${t.body.id}/test`, { to: 'nope' });
    expect(res.status).toBe(400);
    res = await api.request('POST', `/api/templates/tpl_missing/test`, { to: 'owner@example.com' });
    expect(res.status).toBe(404);
    expect(await messageCount()).toBe(before);
    res = await api.request('POST', `/api/templates/${t.body.id}/test`, { to: 'owner@example.com', customer_id: customerId });
    expect(res.status).toBe(202);
    const seen = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const mail = (await smtp.waitFor(seen + 1))[seen];
    expect(mail.subject).toBe('[Test] News for Zoë');
    expect(mail.text).toContain('Hi Zoë');
    expect(mail.html).toContain('Hi Zoë');
    expect(String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value)).toBe('multipart/alternative');
  });

  it('answers 404 for an unknown template and refuses to delete one an open campaign uses', async () => {
    expect((await api.request('GET', '/api/templates/tpl_nope')).status).toBe(404);
    expect((await api.request('PATCH', '/api/templates/tpl_nope', { name: 'x' })).status).toBe(404);
    expect((await api.request('DELETE', '/api/templates/tpl_nope')).status).toBe(404);
    const t = await api.request('POST', '/api/templates', { name: 'Bye', subject: 'Bye', mjml: mjml('<mj-text>x</mj-text>') });
    let res = await api.request('PATCH', `/api/templates/${t.body.id}`, { subject: '{{ customer.nope }}' });
    expect(res.status).toBe(400);
    expect((await api.request('GET', `/api/templates/${t.body.id}`)).body.subject).toBe('Bye');
    res = await api.request('DELETE', `/api/templates/${t.body.id}`);
    expect(res.status).toBe(204);
  });
});
