import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import { createTicket, setTicketStatus } from '../tickets/service.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { deliverAllQueued, startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { drainCsatEvents } from './consumer.js';
import { sendDueSurveys } from './nps.js';

/** The score links of a survey email, by score. */
function scoreLinks(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of text.matchAll(/^(\d{1,2}): (https:\/\/crm\.example\.com\/s\/\S+)$/gm)) out.set(Number(m[1]), m[2]);
  return out;
}
const pathOf = (url: string) => url.replace('https://crm.example.com', '');

describe.each(engines)('surveys on %s', (engine) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let ctx: Ctx;
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api.request(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const page = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await api.app.request(path, form ? { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : { method });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };
  /** What a person does: opens a score link (the page has that score picked) and presses Send. */
  const answerVia = async (link: string) => {
    const shown = await page('GET', pathOf(link));
    const picked = /value="(\d+)" checked/.exec(shown.html)![1];
    return page('POST', pathOf(link).split('?')[0], { score: picked });
  };
  const resolveTicket = async (email: string, subject: string) => {
    const ticket = await api.db.database.db.transaction().execute((trx) => createTicket(trx, ctx, { email, subject, channel: 'email', first_message: { body_text: 'Help please' } }));
    await api.db.database.db.transaction().execute((trx) => setTicketStatus(trx, ctx, ticket.id, { status: 'resolved' }));
    return ticket;
  };

  beforeAll(async () => {
    api = await testApi(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(api.db.database, smtp.port);
    ctx = { database: api.db.database, actor: 'test' };
  });
  afterAll(async () => {
    await smtp?.close();
    await api?.close();
  });

  it('asks for CSAT by email once a ticket is resolved; a score link opens the page with the score picked, sending it records the score and the page asks why', async () => {
    const ticket = await resolveTicket('ann@survey.example', 'Broken zip');
    expect(await drainCsatEvents(api.db.database)).toBe(1);
    await deliverAllQueued(api.db.database);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('ann@survey.example');
    expect(mail.subject).toBe(`How did we do? (T-${ticket.number})`);
    const links = scoreLinks(mail.text ?? '');
    expect([...links.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(mail.html).toContain(links.get(5)!.replace(/&/g, '&amp;'));

    // Sent, not answered: the response rate counts the request.
    let report = await ok('GET', '/api/reports/feedback');
    expect(report.csat_requests).toEqual({ sent: 1, answered: 0, response_rate: 0 });

    const clicked = await page('GET', pathOf(links.get(4)!));
    expect(clicked.status).toBe(200);
    expect(clicked.html).toContain('You picked <strong>4</strong>: press Send to record it');
    expect(clicked.html).toContain('value="4" checked');
    expect(clicked.html).not.toContain('<script');
    expect(clicked.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(clicked.headers.get('cache-control')).toBe('no-store');
    // A mail scanner following every link of the mail records nothing: only the page's form answers.
    for (const link of links.values()) expect((await page('GET', pathOf(link))).status).toBe(200);
    expect((await ok('GET', '/api/reports/feedback')).csat_requests).toEqual({ sent: 1, answered: 0, response_rate: 0 });
    const sent = await page('POST', pathOf(links.get(4)!).split('?')[0], { score: '4' });
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('Thank you for your answer');
    expect(sent.html).toContain('What made you choose this score?');

    const why = await page('POST', pathOf(links.get(4)!).split('?')[0], { score: '5', comment: 'Fast and kind <b>help</b>' });
    expect(why.status).toBe(200);
    expect(why.html).toContain('Thank you for your answer');
    expect(why.html).toContain('Fast and kind &lt;b&gt;help&lt;/b&gt;');

    const customerId = ticket.customer_id!;
    const feedback = await ok('GET', `/api/customers/${customerId}/feedback`);
    expect(feedback).toMatchObject({ requests: 1, answered: 1, csat_average: 5, last_nps: null });
    expect(feedback.responses[0]).toMatchObject({ kind: 'csat', score: 5, comment: 'Fast and kind <b>help</b>', ticket_id: ticket.id });
    report = await ok('GET', '/api/reports/feedback');
    expect(report.csat).toMatchObject({ answers: 1, satisfied: 1, csat: 100 });
    expect(report.csat_requests).toEqual({ sent: 1, answered: 1, response_rate: 1 });

    const view = await ok('GET', `/api/customers/${customerId}`);
    expect(view.feedback).toMatchObject({ csat_average: 5, answered: 1 });
    const timeline = await ok('GET', `/api/customers/${customerId}/timeline`);
    expect(timeline.data.find((i: { kind: string }) => i.kind === 'feedback')?.record).toMatchObject({ score: 5, kind: 'csat' });

    // Events: sent, answered (4), answered again (changed to 5).
    const events = await ok('GET', '/api/events?limit=200');
    const types = events.data.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'survey.sent')).toHaveLength(1);
    expect(types.filter((t: string) => t === 'survey.answered')).toHaveLength(2);

    // Resolving again (after a reopen) does not ask twice.
    await api.db.database.db.transaction().execute((trx) => setTicketStatus(trx, ctx, ticket.id, { status: 'open' }));
    await api.db.database.db.transaction().execute((trx) => setTicketStatus(trx, ctx, ticket.id, { status: 'resolved' }));
    await drainCsatEvents(api.db.database);
    expect((await ok('GET', `/api/customers/${customerId}/feedback`)).requests).toBe(1);
  });

  it('refuses changed links, out-of-range scores and an empty form without recording anything', async () => {
    await resolveTicket('bo@survey.example', 'Refund');
    await drainCsatEvents(api.db.database);
    await deliverAllQueued(api.db.database);
    const mails = await smtp.waitFor(2);
    const link = pathOf(scoreLinks(mails[1].text ?? '').get(3)!);
    const base = link.split('?')[0];
    const token = decodeURIComponent(base.slice('/s/'.length));

    const forged = await page('GET', `/s/${encodeURIComponent(token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'))}?score=5`);
    expect(forged.status).toBe(404);
    expect(forged.html).toContain('Link not valid');
    expect((await page('GET', '/s/nonsense')).status).toBe(404);
    expect((await page('GET', `${base}?score=9`)).status).toBe(400);
    expect((await page('GET', `${base}?score=-1`)).status).toBe(400);
    const empty = await page('POST', base, { comment: 'no score' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('Please pick a score');
    const tooLong = await page('POST', base, { score: '3', comment: 'x'.repeat(5000) });
    expect(tooLong.status).toBe(400);
    const report = await ok('GET', '/api/reports/feedback');
    expect(report.csat.answers).toBe(1);
    expect(report.csat_requests.sent).toBe(2);
  });

  it('sends an NPS survey to a stage, counts detractors as events, and computes NPS with its interval', async () => {
    const ids: string[] = [];
    for (const [i, name] of ['Cy', 'Di', 'Ed', 'Flo'].entries()) {
      const c = await ok('POST', '/api/customers', { first_name: name, email: `${name.toLowerCase()}@nps.example`, consent_email: true });
      ids.push(c.id);
      await api.db.database.db
        .updateTable('customers')
        .set({ stage: i < 3 ? 'active' : 'lost' })
        .where('id', '=', c.id)
        .execute();
    }
    expect((await api.request('POST', '/api/surveys', { name: '' })).body.error.fields).toHaveProperty('name');
    expect((await api.request('POST', '/api/surveys', { name: 'x', segment_id: 'seg_nope' })).body.error.fields).toHaveProperty('segment_id');
    expect((await api.request('POST', '/api/surveys/svy_nope/send')).status).toBe(404);
    const survey = await ok('POST', '/api/surveys', { name: 'Quarterly NPS', stage: 'active' });
    expect(await ok('POST', `/api/surveys/${survey.id}/send`)).toEqual({ sent: 3 });
    // Asked already: a second send reaches nobody.
    expect(await ok('POST', `/api/surveys/${survey.id}/send`)).toEqual({ sent: 0 });
    const before = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const mails = await smtp.waitFor(before + 3);
    const npsMails = mails.slice(before);
    expect(npsMails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(['cy@nps.example', 'di@nps.example', 'ed@nps.example']);
    const linksOf = (address: string) => scoreLinks(npsMails.find((m) => m.to && 'text' in m.to && m.to.text === address)!.text ?? '');
    expect([...linksOf('cy@nps.example').keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    expect((await answerVia(linksOf('cy@nps.example').get(10)!)).html).toContain('What is the main reason for your score?');
    await answerVia(linksOf('di@nps.example').get(9)!);
    await answerVia(linksOf('ed@nps.example').get(3)!);

    const events = (await ok('GET', '/api/events?limit=200')).data as { type: string; data: Record<string, unknown> }[];
    const detractors = events.filter((e) => e.type === 'nps.detractor');
    expect(detractors).toHaveLength(1);
    expect(detractors[0].data).toMatchObject({ score: 3, survey_id: survey.id, customer_id: ids[2] });

    const listed = (await ok('GET', '/api/surveys')).data.find((s: { id: string }) => s.id === survey.id);
    expect(listed).toMatchObject({ sent: 3, answered: 3, response_rate: 1 });
    const report = await ok('GET', '/api/reports/feedback');
    // 2 promoters, 1 detractor of 3: NPS 33.3, with a wide interval.
    expect(report.nps).toMatchObject({ answers: 3, promoters: 2, detractors: 1, nps: 33.3 });
    expect(report.nps.low).toBeLessThan(0);
    expect(report.nps.high).toBeGreaterThan(50);
    expect(report.months.at(-1).nps.answers).toBe(3);

    // A saved-filter segment as the audience: only those it selects, and not those asked already.
    const saved = await ok('POST', '/api/segments', { name: 'Flo and Cy', filter: { field: 'email', op: 'in', value: ['flo@nps.example', 'cy@nps.example'] } });
    const bySegment = await ok('POST', '/api/surveys', { name: 'Segment NPS', segment_id: saved.id });
    expect(await ok('POST', `/api/surveys/${bySegment.id}/send`)).toEqual({ sent: 1 });
    const segmentAsked = await api.db.database.db.selectFrom('survey_requests').select('customer_id').where('survey_id', '=', bySegment.id).execute();
    expect(segmentAsked.map((r) => r.customer_id)).toEqual([ids[3]]);
    await deliverAllQueued(api.db.database);
    await smtp.waitFor(before + 4);

    const answers = await ok('GET', `/api/surveys/responses?kind=nps&limit=2`);
    expect(answers.data).toHaveLength(2);
    const rest = await ok('GET', `/api/surveys/responses?kind=nps&limit=2&cursor=${answers.next_cursor}`);
    expect(rest.data).toHaveLength(1);
    expect(rest.next_cursor).toBeNull();
  });

  it('sends an automatic NPS survey to those who became customers N days ago, once', async () => {
    const since = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const people: Record<string, string> = {};
    for (const [name, days] of [
      ['Hal', 31],
      ['Ivy', 60],
      ['Jo', 10],
    ] as const) {
      const c = await ok('POST', '/api/customers', { first_name: name, email: `${name.toLowerCase()}@auto.example`, consent_email: true });
      people[name] = c.id;
      await api.db.database.db
        .updateTable('customers')
        .set({ customer_since: since(days) })
        .where('id', '=', c.id)
        .execute();
    }
    expect((await api.request('POST', '/api/surveys', { name: 'x', after_days: 0 })).body.error.fields).toHaveProperty('after_days');
    const survey = await ok('POST', '/api/surveys', { name: 'A month in', after_days: 30 });
    // Earlier tests' customers became customers today: not due.
    expect(await sendDueSurveys(api.db.database)).toBe(1);
    expect(await sendDueSurveys(api.db.database)).toBe(0);
    const asked = await api.db.database.db.selectFrom('survey_requests').select('customer_id').where('survey_id', '=', survey.id).execute();
    expect(asked.map((r) => r.customer_id)).toEqual([people.Hal]);
    const before = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('hal@auto.example');
    expect([...scoreLinks(mail.text ?? '').keys()]).toHaveLength(11);
    // A paused survey sends nothing, by hand or on schedule.
    await ok('PATCH', `/api/surveys/${survey.id}`, { active: false });
    expect((await api.request('POST', `/api/surveys/${survey.id}/send`)).status).toBe(409);
  });

  it('exports a person’s answers and erases their comments, keeping the scores', async () => {
    const ticket = await resolveTicket('gil@survey.example', 'Late parcel');
    await drainCsatEvents(api.db.database);
    const before = smtp.messages.length;
    await deliverAllQueued(api.db.database);
    const mail = (await smtp.waitFor(before + 1)).find((m) => m.to && 'text' in m.to && m.to.text === 'gil@survey.example')!;
    const link = scoreLinks(mail.text ?? '').get(2)!;
    await page('POST', pathOf(link).split('?')[0], { score: '2', comment: 'Gil here, my parcel never came' });
    const id = ticket.customer_id!;
    const exported = await ok('GET', `/api/customers/${id}/export`);
    expect(exported.feedback.responses).toEqual([expect.objectContaining({ kind: 'csat', score: 2, comment: 'Gil here, my parcel never came' })]);
    expect(exported.feedback.requests).toHaveLength(1);

    expect((await api.request('DELETE', `/api/customers/${id}?erase=true`)).status).toBe(204);
    const rows = await api.db.database.db.selectFrom('survey_responses').select(['score', 'comment']).where('customer_id', '=', id).execute();
    expect(rows.map((r) => [Number(r.score), r.comment])).toEqual([[2, null]]);
  });
});
