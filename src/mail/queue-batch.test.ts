import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { queueMails, type QueueMailInput } from './queue.js';

describe.each(engines)('queueMails on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  }, 120_000);
  afterAll(async () => t?.drop());
  const count = async (table: string) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const message = (i: number, html = `<p>Hello ${i}</p>`): QueueMailInput => ({
    to: `r${i}@example.org`,
    subject: `Hello ${i}`,
    text: `Hello ${i}`,
    html,
    purpose: 'marketing',
    related: { entity: 'campaign', id: 'cmp_x' },
  });

  it('queues many messages with their events, in input order, across statements bounded by size', async () => {
    const big = 'x'.repeat(700_000); // three of these exceed one statement's text budget
    const inputs = [...Array.from({ length: 45 }, (_, i) => message(i)), message(45, big), message(46, big), message(47, big), message(48, big)];
    const ids = await t.database.db.transaction().execute((trx) => queueMails(trx, inputs));
    expect(ids).toHaveLength(49);
    const rows = await t.database.db.selectFrom('messages').select(['id', 'to_address', 'status', 'html_body']).orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(ids.map((r) => r.id));
    expect(rows.map((r) => r.to_address)).toEqual(inputs.map((m) => m.to));
    expect(rows.every((r) => r.status === 'queued')).toBe(true);
    expect((rows[46].html_body as string).length).toBe(700_000);
    const events = await t.database.db.selectFrom('events').select(['entity_id']).where('type', '=', 'message.queued').execute();
    expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set(ids.map((r) => r.id)));
  });

  it('refuses the whole batch when one message is invalid', async () => {
    const before = await count('messages');
    const inputs = [message(100), { ...message(101), to: 'not an address' }, message(102)];
    await expect(t.database.db.transaction().execute((trx) => queueMails(trx, inputs))).rejects.toMatchObject({ status: 400, fields: { to: ['not an email address'] } });
    expect(await count('messages')).toBe(before);
    await expect(t.database.db.transaction().execute((trx) => queueMails(trx, [{ ...message(103), senderId: 'snd_nope' }]))).rejects.toMatchObject({ status: 400 });
    expect(await count('messages')).toBe(before);
  });
});
