import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralCodeFor } from '../loyalty/referrals.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { findForm, type StoredForm } from './definitions.js';
import { fillToken, fillTokenField, honeypotField, perClientLimit, perFormLimit } from './spam.js';

const wording = 'Yes, send me the monthly newsletter. I can unsubscribe at any time.';

describe.each(engines)('web-to-lead forms on %s', (engine) => {
  let api: TestApi;
  let form: StoredForm;
  let addressCount = 0;
  const db = () => api.db.database.db;
  const count = async (table: string) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Posts the form as a browser would, from its own address (behind the trusted proxy), filled 10 s after it was handed out. */
  const post = (values: Record<string, string>, options: { headers?: Record<string, string>; token?: string; target?: StoredForm } = {}) => {
    const f = options.target ?? form;
    const body = new URLSearchParams({ [fillTokenField]: options.token ?? fillToken(f, Date.now() - 10_000), ...values }).toString();
    return api.request('POST', `/f/${f.id}`, body, { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${++addressCount % 250}`, ...options.headers });
  };

  beforeAll(async () => {
    api = await testApi(engine, { RAPPORT_TRUST_PROXY: 'true' });
    const created = await api.request('POST', '/api/forms', {
      name: 'Contact us',
      fields: [{ field: 'first_name', required: true }, { field: 'last_name' }, { field: 'email', required: true, label: 'Your email' }, { field: 'phone' }, { field: 'notes', label: 'Your message' }],
      consent_wording: wording,
      lead_source: 'website contact form',
      allowed_origins: ['https://www.example.com'],
      success_message: 'Thanks, talk soon.',
    });
    expect(created.status).toBe(201);
    form = (await findForm(db(), created.body.id))!;
  }, 180_000);
  afterAll(async () => api?.close());

  it('refuses fields outside the registry, a redirect outside the allowed origins, and a form without email or phone', async () => {
    const bad = await api.request('POST', '/api/forms', {
      name: 'x',
      lead_source: 'x',
      fields: [{ field: 'email' }, { field: 'revenue' }, { field: 'nope' }],
      redirect_url: 'https://evil.example.net/thanks',
      allowed_origins: ['https://www.example.com'],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['fields.1.field', 'fields.2.field', 'redirect_url']);
    const noKey = await api.request('POST', '/api/forms', { name: 'x', lead_source: 'x', fields: [{ field: 'first_name' }] });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.fields.fields[0]).toMatch(/email or phone/);
    const badStage = await api.request('POST', '/api/forms', { name: 'x', lead_source: 'x', fields: [{ field: 'email' }], stage_id: 'stg_nope' });
    expect(badStage.status).toBe(400);
    expect(badStage.body.error.fields.stage_id).toBeTruthy();
    expect(await count('forms')).toBe(1);
  });

  it('serves the hosted page under the CSP, without inline script, with a fill token; an unknown form is a 404', async () => {
    const res = await api.app.request(`/f/${form.id}?ref=ABC123`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(wording);
    expect(page).toContain(`name="${fillTokenField}"`);
    expect(page).toContain(`name="${honeypotField}"`);
    expect(page).toContain('value="ABC123"');
    expect(page).toContain('Your email');
    expect((await api.app.request('/f/frm_00000000000000000000000000')).status).toBe(404);
    expect((await api.app.request('/f/frm_00000000000000000000000000/embed.js')).status).toBe(404);
    const script = await api.app.request(`/f/${form.id}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(script.headers.get('cache-control')).toBe('no-store');
    expect(await script.text()).toContain(`"action":"http://localhost/f/${form.id}"`);
  });

  it('creates the customer with source and consent wording, logs the contact and opens a deal from the form', async () => {
    const res = await post({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.org', notes: 'Please call me about a website.', consent: 'yes' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Thanks, talk soon.');
    const customer = await db().selectFrom('customers').selectAll().where('email', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(customer.source).toBe('website contact form');
    expect(Boolean(Number(customer.consent_email)) || customer.consent_email === true).toBe(true);
    expect(customer.consent_email_method).toBe(wording);
    expect(customer.consent_email_at).toBeTruthy();
    const submission = await db().selectFrom('form_submissions').selectAll().where('customer_id', '=', customer.id).executeTakeFirstOrThrow();
    expect(submission.consent_wording).toBe(wording);
    const deal = await db().selectFrom('deals').selectAll().where('id', '=', submission.deal_id).executeTakeFirstOrThrow();
    expect(deal.customer_id).toBe(customer.id);
    expect(deal.source).toBe('form');
    expect(deal.status).toBe('open');
    const interaction = await db().selectFrom('interactions').selectAll().where('customer_id', '=', customer.id).executeTakeFirstOrThrow();
    expect(interaction.direction).toBe('in');
    expect(interaction.body).toContain('Please call me about a website.');
    const events = await api.request('GET', `/api/events?limit=200`);
    const types = (events.body.data as { type: string; data: Record<string, unknown> }[]).filter((e) => e.data?.customer_id === customer.id).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['lead.created', 'form.submitted']));
    const listed = await api.request('GET', `/api/forms/${form.id}/submissions`);
    expect(listed.body.data[0]).toMatchObject({ customer_id: customer.id, consent_given: true, consent_wording: wording, matched: false });
  });

  it('matches an existing customer by email without rewriting what they have, and fills what is empty', async () => {
    const before = await count('customers');
    const res = await post({ first_name: 'Impostor', last_name: 'Lovelace', email: ' ADA@example.org ', phone: '+32 470 53 67 46' });
    expect(res.status).toBe(200);
    expect(await count('customers')).toBe(before);
    const customer = await db().selectFrom('customers').selectAll().where('email', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(customer.first_name).toBe('Ada');
    expect(customer.phone).toBe('+32470536746');
    const submissions = await db().selectFrom('form_submissions').selectAll().where('customer_id', '=', customer.id).execute();
    expect(submissions.map((s) => Boolean(Number(s.matched)) || s.matched === true).sort()).toEqual([false, true]);
    // Found by phone alone next time.
    const byPhone = await post({ first_name: 'Ada', email: 'ada.work@example.org', phone: '+32 470 536 746' });
    expect(byPhone.status).toBe(200);
    expect(await count('customers')).toBe(before);
  });

  it('accepts a honeypot or a too-fast submission silently and stores nothing', async () => {
    const counts = [await count('customers'), await count('deals'), await count('form_submissions')];
    const trap = await post({ first_name: 'Bot', email: 'bot@example.org', [honeypotField]: 'http://spam.example' });
    expect(trap.status).toBe(200);
    expect(trap.body).toContain('Thanks, talk soon.');
    const fast = await post({ first_name: 'Bot', email: 'bot2@example.org' }, { token: fillToken(form, Date.now() - 200) });
    expect(fast.status).toBe(200);
    expect([await count('customers'), await count('deals'), await count('form_submissions')]).toEqual(counts);
  });

  it('refuses missing fields, a forged token, a foreign origin and a large body with a clear error, storing nothing', async () => {
    const counts = [await count('customers'), await count('deals')];
    const missing = await post({ last_name: 'X', email: 'not-an-email' }, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['email', 'first_name']);
    const page = await post({ last_name: 'X' });
    expect(page.status).toBe(400);
    expect(page.body).toContain('First name is required');
    const forged = await post({ first_name: 'X', email: 'x@example.org' }, { token: `${Date.now() - 10_000}.${'A'.repeat(43)}`, headers: { accept: 'application/json' } });
    expect(forged.status).toBe(400);
    const foreign = await post({ first_name: 'X', email: 'x@example.org' }, { headers: { origin: 'https://evil.example.net', accept: 'application/json' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const big = await post({ first_name: 'X', email: 'x@example.org', notes: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect([await count('customers'), await count('deals')]).toEqual(counts);
  });

  it('answers an allowed embedding site with CORS and JSON', async () => {
    const res = await post({ first_name: 'Grace', email: 'grace@example.org' }, { headers: { origin: 'https://www.example.com', accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Thanks, talk soon.', redirect_url: null });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    const submission = await db().selectFrom('form_submissions').select('origin').orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(submission.origin).toBe('https://www.example.com');
  });

  it('passes ?ref=CODE to loyalty: a new lead is attributed to the referrer', async () => {
    const referrer = await db().selectFrom('customers').select('id').where('email', '=', 'grace@example.org').executeTakeFirstOrThrow();
    const code = await referralCodeFor(db(), referrer.id as string);
    const res = await post({ first_name: 'Linus', email: 'linus@example.org', ref: code });
    expect(res.status).toBe(200);
    const linus = await db().selectFrom('customers').select('id').where('email', '=', 'linus@example.org').executeTakeFirstOrThrow();
    const submission = await db().selectFrom('form_submissions').selectAll().where('customer_id', '=', linus.id).executeTakeFirstOrThrow();
    expect(submission.referral_code).toBe(code);
    expect(Boolean(Number(submission.referral_attributed)) || submission.referral_attributed === true).toBe(true);
  });

  it('a flood from one address gets 429 and stores nothing; so does a flood from many addresses', async () => {
    const created = await api.request('POST', '/api/forms', { name: 'Flood', lead_source: 'flood', fields: [{ field: 'email', required: true }] });
    const flood = (await findForm(db(), created.body.id))!;
    const customers = await count('customers');
    const fromOne = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < perClientLimit.max; i++) expect((await post({ email: `flood${i}@example.org` }, { target: flood, headers: fromOne })).status).toBe(200);
    expect(await count('customers')).toBe(customers + perClientLimit.max);
    const refused = await post({ email: 'flood-extra@example.org' }, { target: flood, headers: { ...fromOne, accept: 'application/json' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(await count('customers')).toBe(customers + perClientLimit.max);
    // Many addresses: the form's own limit (the honeypot posts count towards it but store nothing).
    for (let i = perClientLimit.max; i < perFormLimit.max; i++) await post({ email: `x${i}@example.org`, [honeypotField]: 'x' }, { target: flood, headers: { 'x-forwarded-for': `192.0.2.${i}` } });
    const many = await post({ email: 'one-more@example.org' }, { target: flood, headers: { 'x-forwarded-for': '192.0.2.251' } });
    expect(many.status).toBe(429);
    expect(await count('customers')).toBe(customers + perClientLimit.max);
  });

  it('takes leads from the API through the same pipe; bad input is a 400 and changes nothing', async () => {
    const res = await api.request('POST', '/api/leads', { customer: { first_name: 'Alan', email: 'alan@example.org' }, source: 'trade fair', value: 1200, consent_wording: 'Agreed at the stand' });
    expect(res.status).toBe(201);
    expect(res.body.matched).toBe(false);
    const customer = await api.request('GET', `/api/customers/${res.body.customer_id}`);
    expect(customer.body.customer).toMatchObject({ source: 'trade fair', consent_email: true, consent_email_method: 'Agreed at the stand' });
    const deal = await db().selectFrom('deals').selectAll().where('id', '=', res.body.deal_id).executeTakeFirstOrThrow();
    expect(Number(deal.value)).toBe(1200);
    expect(deal.source).toBe('trade fair');
    const counts = [await count('customers'), await count('deals'), await count('interactions')];
    const bad = await api.request('POST', '/api/leads', { customer: { first_name: 'X', email: 'nope' }, source: 'trade fair' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.email).toBeTruthy();
    const badStage = await api.request('POST', '/api/leads', { customer: { email: 'y@example.org' }, source: 'x', stage_id: 'stg_nope' });
    expect(badStage.status).toBe(400);
    expect([await count('customers'), await count('deals'), await count('interactions')]).toEqual(counts);
  });

  it("a person's export lists their submissions with the consent wording; erasing them deletes the submissions", async () => {
    const linus = await db().selectFrom('customers').select('id').where('email', '=', 'linus@example.org').executeTakeFirstOrThrow();
    const exported = await api.request('GET', `/api/customers/${linus.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.form_submissions).toHaveLength(1);
    expect(exported.body.form_submissions[0]).toMatchObject({ form_id: form.id, customer_id: linus.id });
    expect((await api.request('DELETE', `/api/customers/${linus.id}?erase=true`)).status).toBe(204);
    expect(await db().selectFrom('form_submissions').select('id').where('customer_id', '=', linus.id).execute()).toEqual([]);
  });

  it('updates and deletes forms; a deleted or inactive form is a 404', async () => {
    const patched = await api.request('PATCH', `/api/forms/${form.id}`, { active: false });
    expect(patched.body.active).toBe(false);
    expect((await api.app.request(`/f/${form.id}`)).status).toBe(404);
    expect((await post({ first_name: 'Z', email: 'z@example.org' })).status).toBe(404);
    expect((await api.request('DELETE', `/api/forms/${form.id}`)).status).toBe(204);
    expect((await api.request('GET', `/api/forms/${form.id}`)).status).toBe(404);
  });
});
