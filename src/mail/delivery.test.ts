import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { recordBounce } from './bounces.js';
import { deliverQueuedMail, releaseMailOfGoneProcesses } from './deliver.js';
import { suppressedHashes } from './suppressions.js';
import { queueMail, type QueueMailInput } from './queue.js';
import { closeMailTransport } from './transport.js';

describe.each(engines)('outgoing mail on %s', (engine) => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    smtp = await startTestSmtp();
    await useTestSmtp(t.database, smtp.port);
  }, 180_000);
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await t?.drop();
  });

  const messageRow = (id: string) => t.database.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('queues in the caller transaction and delivers after commit as multipart text + HTML with Message-ID and Date', async () => {
    const { id } = await t.database.db.transaction().execute((trx) =>
      queueMail(trx, {
        to: 'ada@example.org',
        subject: 'Your quote Q-1',
        text: 'Hello Ada,\nyour quote is attached.',
        html: '<p>Hello Ada,<br>your quote is attached.</p>',
        purpose: 'transactional',
        related: { entity: 'quote', id: 'quo_1' },
        attachments: [{ filename: 'Q-1.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' }],
        headers: { 'X-Rapport-Quote': 'Q-1' },
      }),
    );
    expect((await messageRow(id)).status).toBe('queued');
    expect(await deliverQueuedMail(t.database)).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe('Your quote Q-1');
    expect(mail.text?.trim()).toBe('Hello Ada,\nyour quote is attached.');
    expect(mail.html).toContain('<p>Hello Ada,<br>your quote is attached.</p>');
    expect(mail.from?.value[0]).toEqual({ address: 'owner@example.com', name: 'Rapport Test' });
    expect(mail.messageId).toBe(`<${id}@example.com>`);
    expect(mail.date?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(mail.headers.get('x-rapport-quote')).toBe('Q-1');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([['Q-1.pdf', 'application/pdf', '%PDF-1.4 test']]);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'sent', message_id: `<${id}@example.com>`, claimed_by: null, related_entity: 'quote', related_id: 'quo_1' });
    expect(row.provider_response).toMatch(/^250 /);
    const events = await t.database.db.selectFrom('events').select('type').where('entity_id', '=', id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['message.queued', 'message.sent']);
  });

  it('a rolled-back transaction queues nothing', async () => {
    const before = smtp.messages.length;
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await queueMail(trx, { to: 'grace@example.org', subject: 'never', text: 'x', purpose: 'notification' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await deliverQueuedMail(t.database)).toBe(0);
    expect(smtp.messages.length).toBe(before);
  });

  it('refuses header injection: CR/LF in the subject or a header, a reserved header; nothing is queued', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad: Partial<QueueMailInput>[] = [
      { subject: 'Hello\r\nBcc: victim@example.org' },
      { subject: 'Hello\nX-Evil: 1' },
      { headers: { 'X-Note': 'a\r\nBcc: victim@example.org' } },
      { headers: { Bcc: 'victim@example.org' } },
      { headers: { 'Bad Name': 'x' } },
      { to: 'not an address' },
      { to: 'a@example.org\r\nBcc: victim@example.org' },
    ];
    for (const patch of bad) {
      await expect(t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'ada@example.org', subject: 'ok', text: 'x', purpose: 'notification', ...patch }))).rejects.toMatchObject({
        status: 400,
      });
    }
    expect(await count()).toBe(before);
  });

  it('a temporary SMTP failure is retried later; a permanent one fails with the server answer and an event', async () => {
    smtp.rejectNext(1, 451, 'greylisted, try again');
    const { id: soft } = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'soft@example.org', subject: 'soft', text: 'x', purpose: 'notification' }));
    await deliverQueuedMail(t.database);
    let row = await messageRow(soft);
    expect(row.status).toBe('queued');
    expect(Number(row.attempts)).toBe(1);
    expect(row.error).toMatch(/451|greylisted/);
    expect(row.next_attempt_at > new Date().toISOString()).toBe(true);
    // Due again: it goes out.
    await t.database.db
      .updateTable('messages')
      .set({ next_attempt_at: new Date(0).toISOString() })
      .where('id', '=', soft)
      .execute();
    await deliverQueuedMail(t.database);
    row = await messageRow(soft);
    expect(row.status).toBe('sent');
    expect(Number(row.attempts)).toBe(2);

    smtp.rejectNext(1, 550, 'no such user');
    const { id: hard } = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'hard@example.org', subject: 'hard', text: 'x', purpose: 'notification' }));
    await deliverQueuedMail(t.database);
    row = await messageRow(hard);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/no such user/);
    const failed = await t.database.db.selectFrom('events').select('type').where('entity_id', '=', hard).where('type', '=', 'message.failed').execute();
    expect(failed).toHaveLength(1);
  });

  it('after a crash between claim and send, the message is released and delivered exactly once', async () => {
    const { id } = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'crash@example.org', subject: 'crash', text: 'x', purpose: 'notification' }));
    // A process that claimed the message and died (a pid that does not exist on this host).
    const dead = `${(await import('node:os')).hostname()}:2147483646:mail`;
    await t.database.db
      .updateTable('messages')
      .set({ status: 'sending', claimed_by: dead, claimed_until: new Date(Date.now() + 3_600_000).toISOString(), attempts: 1 })
      .where('id', '=', id)
      .execute();
    const before = smtp.messages.length;
    // Its lease has not ended: nothing is sent twice meanwhile.
    await deliverQueuedMail(t.database);
    expect(smtp.messages.length).toBe(before);
    expect(await releaseMailOfGoneProcesses(t.database)).toBe(1);
    await deliverQueuedMail(t.database);
    await deliverQueuedMail(t.database);
    const got = await smtp.waitFor(before + 1);
    expect(got.filter((m) => m.subject === 'crash')).toHaveLength(1);
    expect((await messageRow(id)).status).toBe('sent');
  });

  it('a soft bounce marks the message; a hard bounce suppresses the address at once; a weaker report later changes nothing', async () => {
    const send = (to: string) => t.database.db.transaction().execute((trx) => queueMail(trx, { to, subject: 'b', text: 'x', purpose: 'notification' }));
    const soft = await send('full@example.org');
    const hard = await send('gone@example.org');
    // The default sender sends 5 a second: earlier tests may have used this second's budget.
    while ((await messageRow(hard.id)).status !== 'sent') {
      await deliverQueuedMail(t.database);
      await new Promise((r) => setTimeout(r, 200));
    }
    // A report about a message that has not gone out is ignored.
    const pending = await send('later@example.org');
    await t.database.db.transaction().execute((trx) => recordBounce(trx, 'test', pending.id, 'hard', 'too early'));
    expect((await messageRow(pending.id)).status).toBe('queued');
    await t.database.db.transaction().execute(async (trx) => {
      await recordBounce(trx, 'test', soft.id, 'soft', '4.2.2 mailbox full');
      await recordBounce(trx, 'test', hard.id, 'hard', '5.1.1 no such user');
      await recordBounce(trx, 'test', hard.id, 'soft', 'late');
    });
    expect((await messageRow(soft.id)).status).toBe('bounced_soft');
    expect(await messageRow(hard.id)).toMatchObject({ status: 'bounced_hard', error: '5.1.1 no such user' });
    expect((await suppressedHashes(t.database.db, ['full@example.org', 'gone@example.org'])).size).toBe(1);
    const events = await t.database.db.selectFrom('events').select(['entity_id', 'data']).where('type', '=', 'message.bounced').execute();
    expect(events.map((e) => [e.entity_id, JSON.parse(e.data as string).kind]).sort()).toEqual(
      [
        [hard.id, 'hard'],
        [soft.id, 'soft'],
      ].sort(),
    );
    const again = await send('gone@example.org');
    while ((await messageRow(again.id)).status === 'queued') {
      await deliverQueuedMail(t.database);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await messageRow(again.id)).status).toBe('suppressed');
  });
});
