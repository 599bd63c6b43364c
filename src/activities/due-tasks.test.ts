import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../core/events.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { emitDueTasks } from './due-tasks.js';
import { tasks } from './interactions.js';

for (const engine of engines) {
  describe(`task.due events on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await freshDatabase(engine);
    });
    afterAll(async () => t?.drop());

    it('emits one task.due per due time, never for a done task, and again after the due time moves', async () => {
      const ctx = { database: t.database, actor: 'test' };
      const [late, later, done] = await tasks.create(ctx, [
        { title: 'Call Ada', due_at: '2026-03-01T09:00:00Z' },
        { title: 'Send the quote', due_at: '2026-03-05T09:00:00Z' },
        { title: 'Already done', due_at: '2026-03-01T08:00:00Z', done: true },
      ]);
      const dueEvents = async () => (await listEvents(t.database, { types: ['task.due'], limit: 100 })).map((e) => e.entity_id);

      expect(await emitDueTasks(t.database, new Date('2026-03-02T00:00:00Z'))).toBe(1);
      expect(await emitDueTasks(t.database, new Date('2026-03-02T00:00:00Z'))).toBe(0);
      expect(await dueEvents()).toEqual([late.id]);

      // Two processes looking at once claim each task once.
      const both = await Promise.all([emitDueTasks(t.database, new Date('2026-03-06T00:00:00Z')), emitDueTasks(t.database, new Date('2026-03-06T00:00:00Z'))]);
      expect(both[0] + both[1]).toBe(1);
      expect(await dueEvents()).toEqual([late.id, later.id]);

      await tasks.update(ctx, [{ id: late.id as string, patch: { due_at: '2026-03-10T09:00:00Z' } }]);
      expect(await emitDueTasks(t.database, new Date('2026-03-09T00:00:00Z'))).toBe(0);
      expect(await emitDueTasks(t.database, new Date('2026-03-11T00:00:00Z'))).toBe(1);
      expect(await dueEvents()).toEqual([late.id, later.id, late.id]);
      expect((await dueEvents()).includes(done.id as string)).toBe(false);
    });
  });
}
