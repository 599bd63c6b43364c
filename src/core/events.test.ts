import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { appendEvents, consumeEvents, consumerPosition, listEvents, pruneEvents, redactEvents, sequenceEvents, type StoredEvent } from './events.js';

for (const engine of engines) {
  describe(`event outbox on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await freshDatabase(engine);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('stores events with the transaction that wrote them, and none from one rolled back', async () => {
      const { db } = t.database;
      await db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'customer.created', entity: 'customer', entityId: 'cus_a', data: { n: 1 } }]));
      await expect(
        db.transaction().execute(async (trx) => {
          await appendEvents(trx, 'cli', [{ type: 'customer.created', entity: 'customer', entityId: 'cus_rolled_back' }]);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const events = await listEvents(t.database, { limit: 100 });
      expect(events.map((e) => e.entity_id)).toEqual(['cus_a']);
      expect(events[0]).toMatchObject({ type: 'customer.created', entity: 'customer', actor: 'cli', data: { n: 1 }, position: 1 });
    });

    it('gives an event that commits late a later position, so a cursor never skips it', async () => {
      if (engine === 'sqlite') {
        // SQLite runs one write transaction at a time: append order is commit order.
        await t.database.db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'order.created', entity: 'order', entityId: 'ord_1' }]));
        await t.database.db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'order.created', entity: 'order', entityId: 'ord_2' }]));
        await sequenceEvents(t.database);
      } else {
        let releaseSlow!: () => void;
        const slowMayCommit = new Promise<void>((r) => (releaseSlow = r));
        let slowAppended!: () => void;
        const appended = new Promise<void>((r) => (slowAppended = r));
        const slow = t.database.db.transaction().execute(async (trx) => {
          await appendEvents(trx, 'cli', [{ type: 'order.created', entity: 'order', entityId: 'ord_1' }]);
          slowAppended();
          await slowMayCommit;
        });
        await appended;
        await t.database.db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'order.created', entity: 'order', entityId: 'ord_2' }]));
        // The later-numbered event committed first: it is sequenced, the uncommitted one is invisible.
        expect(await sequenceEvents(t.database)).toBe(1);
        releaseSlow();
        await slow;
        expect(await sequenceEvents(t.database)).toBe(1);
      }
      const seen: string[] = [];
      await consumeEvents(t.database, 'orders-test', async (events) => void seen.push(...events.map((e) => e.entity_id)), { worker: 'w1', types: ['order.created'] });
      expect(seen.sort()).toEqual(['ord_1', 'ord_2']);
      const orders = await listEvents(t.database, { types: ['order.created'], limit: 10 });
      expect(orders.map((e) => e.position)).toEqual([...orders.map((e) => e.position)].sort((a, b) => a! - b!));
    });

    it('delivers every event once across competing workers, in order, and again only after a failed batch', async () => {
      const { db } = t.database;
      for (let i = 0; i < 30; i++) {
        await db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'task.created', entity: 'task', entityId: `tsk_${String(i).padStart(2, '0')}` }]));
      }
      const handled: StoredEvent[] = [];
      let failOnce = true;
      const handle = async (events: StoredEvent[]) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('receiver down');
        }
        handled.push(...events);
      };
      await expect(consumeEvents(t.database, 'tasks-test', handle, { worker: 'w1', types: ['task.created'], batch: 7 })).rejects.toThrow('receiver down');
      expect(await consumerPosition(db, 'tasks-test')).toBe(0);
      // Two workers race for the same consumer until nothing is left.
      const drain = async (worker: string) => {
        for (let i = 0; i < 50; i++) await consumeEvents(t.database, 'tasks-test', handle, { worker, types: ['task.created'], batch: 7 });
      };
      await Promise.all([drain('w1'), drain('w2')]);
      const ids = handled.map((e) => e.entity_id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(ids).toEqual([...ids].sort());
    });

    it("redacts an entity's event data and prunes old events", async () => {
      const { db } = t.database;
      await db.transaction().execute((trx) => appendEvents(trx, 'cli', [{ type: 'customer.updated', entity: 'customer', entityId: 'cus_secret', data: { email: 'secret@example.com' } }]));
      await db.transaction().execute((trx) => redactEvents(trx, 'customer', ['cus_secret']));
      const [event] = await listEvents(t.database, { entityId: 'cus_secret', limit: 5 });
      expect(JSON.stringify(event.data)).not.toContain('secret@example.com');
      const before = (await listEvents(t.database, { limit: 1000 })).length;
      expect(await pruneEvents(db, new Date(Date.now() + 1000))).toBe(before);
      expect(await listEvents(t.database, { limit: 10 })).toEqual([]);
    });
  });
}
