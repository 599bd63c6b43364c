import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../customer360/erase.js';
import { customers } from '../customers/index.js';
import type { Ctx } from '../core/context.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { queueMail } from './queue.js';
import { addressHash, addSuppression, suppressedHashes } from './suppressions.js';

describe.each(engines)('erasing a person from outgoing mail on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  }, 180_000);
  afterAll(async () => t?.drop());

  it('removes address, subject and bodies of their messages, stops queued mail, and keeps them suppressed without the address', async () => {
    const ctx: Ctx = { database: t.database, actor: 'test' };
    const [person] = await t.database.db.transaction().execute((trx) => customers.createIn(trx, ctx, [{ first_name: 'Erin', last_name: 'Erased', email: 'erin@example.org', consent_email: true }]));
    const id = person.id as string;
    const sent = await t.database.db.transaction().execute((trx) =>
      queueMail(trx, {
        to: 'erin@example.org',
        subject: 'About your order for Erin',
        text: 'Dear Erin',
        html: '<p>Dear Erin</p>',
        purpose: 'transactional',
        customerId: id,
        attachments: [{ filename: 'erin.pdf', content: Buffer.from('x'), contentType: 'application/pdf' }],
      }),
    );
    await t.database.db.updateTable('messages').set({ status: 'sent', provider_response: '250 ok erin@example.org' }).where('id', '=', sent.id).execute();
    // Mail to one of their addresses queued without the customer link counts too.
    const queued = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'ERIN@example.org', subject: 'Hi Erin', text: 'x', purpose: 'notification' }));
    const other = await t.database.db.transaction().execute((trx) => queueMail(trx, { to: 'someone@example.org', subject: 'Keep me', text: 'x', purpose: 'notification' }));
    await t.database.db.transaction().execute((trx) => addSuppression(trx, 'test', { address: 'erin@example.org', reason: 'unsubscribed', customerId: id }));

    await eraseCustomer(ctx, id);

    const rows = await t.database.db.selectFrom('messages').selectAll().where('id', 'in', [sent.id, queued.id]).orderBy('id').execute();
    for (const r of rows) {
      expect(JSON.stringify(r).toLowerCase()).not.toContain('erin');
      expect(r).toMatchObject({ to_address: 'erased', subject: '', text_body: '', html_body: null, attachments: null, provider_response: null });
    }
    expect(rows.map((r) => r.status)).toEqual(['sent', 'suppressed']);
    expect(await t.database.db.selectFrom('messages').select(['subject', 'status']).where('id', '=', other.id).executeTakeFirstOrThrow()).toEqual({ subject: 'Keep me', status: 'queued' });
    const suppression = await t.database.db.selectFrom('suppressions').selectAll().where('customer_id', '=', id).executeTakeFirstOrThrow();
    expect(suppression.address).toBeNull();
    expect(await suppressedHashes(t.database.db, ['erin@example.org'])).toEqual(new Set([addressHash('erin@example.org')]));
  });
});
