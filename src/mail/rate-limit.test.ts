import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../core/database.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { startTestSmtp, useTestSmtp, type TestSmtp } from '../test/smtp.js';
import { deliverQueuedMail } from './deliver.js';
import { queueMail } from './queue.js';
import { remainingBudget, windowStart } from './rate-limit.js';
import { createSender } from './senders.js';
import { closeMailTransport } from './transport.js';

describe('rate windows', () => {
  it('start at the second, hour and UTC day', () => {
    const at = new Date('2026-12-05T08:41:17.250Z');
    expect(windowStart('second', at)).toBe('2026-12-05T08:41:17.000Z');
    expect(windowStart('hour', at)).toBe('2026-12-05T08:00:00.000Z');
    expect(windowStart('day', at)).toBe('2026-12-05T00:00:00.000Z');
  });
});

describe.each(engines)('per-sender rate limit and shared delivery on %s', (engine) => {
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
  const statusCounts = async (db: Database) =>
    Object.fromEntries(
      (
        await db.db
          .selectFrom('messages')
          .select(['status', (eb) => eb.fn.countAll().as('n')])
          .groupBy('status')
          .execute()
      ).map((r) => [r.status, Number(r.n)]),
    );

  it('a daily limit holds across a restart: a new process on the same database sends no more', async () => {
    const sender = await t.database.db.transaction().execute((trx) => createSender(trx, { name: 'Shop', address: 'shop@example.com', per_second: 0, per_hour: 0, per_day: 3 }));
    await t.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await queueMail(trx, { to: `r${i}@example.org`, subject: `n${i}`, text: 'x', purpose: 'notification', senderId: sender.id });
    });
    expect(await deliverQueuedMail(t.database, { worker: 'first' })).toBe(3);
    await smtp.waitFor(3);
    // A restart: the first process and its connections are gone; another opens the database.
    closeMailTransport();
    const again = await openDatabase({ url: engine === 'sqlite' ? undefined : t.url, sqlitePath: engine === 'sqlite' ? t.url : undefined });
    try {
      expect(await remainingBudget(again.db, sender.id, { per_second: 0, per_hour: 0, per_day: 3 })).toBe(0);
      expect(await deliverQueuedMail(again, { worker: 'second' })).toBe(0);
      expect(await statusCounts(again)).toEqual({ sent: 3, queued: 2 });
    } finally {
      await again.close();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.length).toBe(3);
    // Lifting the limit lets the rest go.
    await t.database.db.updateTable('mail_senders').set({ per_day: 0 }).where('id', '=', sender.id).execute();
    expect(await deliverQueuedMail(t.database)).toBe(2);
    await smtp.waitFor(5);
  });

  it('several processes delivering at once send each message once', async () => {
    const others = await Promise.all([1, 2].map(() => openDatabase({ url: engine === 'sqlite' ? undefined : t.url, sqlitePath: engine === 'sqlite' ? t.url : undefined })));
    try {
      const before = smtp.messages.length;
      await t.database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 60; i++) await queueMail(trx, { to: `p${i}@example.org`, subject: `p${i}`, text: 'x', purpose: 'notification' });
      });
      // The default sender's limits (5 a second) would spread this over 12 seconds: lift them for the test.
      const sender = await t.database.db.transaction().execute((trx) => createSender(trx, { name: 'Bulk', address: 'bulk@example.com', is_default: true, per_second: 0, per_hour: 0, per_day: 0 }));
      await t.database.db.updateTable('messages').set({ sender_id: sender.id }).where('status', '=', 'queued').where('subject', 'like', 'p%').execute();
      const passes = [t.database, ...others].map((db, i) => deliverQueuedMail(db, { worker: `w${i}`, batch: 7 }));
      const settled = (await Promise.all(passes)).reduce((a, b) => a + b, 0);
      expect(settled).toBe(60);
      await smtp.waitFor(before + 60);
      await new Promise((r) => setTimeout(r, 300));
      const subjects = smtp.messages.slice(before).map((m) => m.subject);
      expect(subjects).toHaveLength(60);
      expect(new Set(subjects).size).toBe(60);
      expect((await statusCounts(t.database)).sent).toBe(65);
    } finally {
      await Promise.all(others.map((d) => d.close()));
    }
  });
});
