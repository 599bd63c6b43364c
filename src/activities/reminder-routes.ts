/** The reminders the app shows: tasks not done whose reminder time has passed. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { activeReminders } from './reminders.js';

const reminderSchema = z
  .object({
    id: z.string().openapi({ description: 'The task id' }),
    title: z.string(),
    due_at: z.string().nullable(),
    remind_at: z.string(),
    reminded_at: z.string().nullable().openapi({ description: 'When the reminder email was queued; null until the reminder check has run' }),
    priority: z.string(),
    customer_id: z.string().nullable(),
    linked_entity: z.string().nullable(),
    linked_id: z.string().nullable(),
  })
  .openapi('Reminder');

export function registerReminderRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reminders',
      tags: ['tasks'],
      summary: 'Tasks not done whose reminder time has passed, latest first (at most 100)',
      responses: { 200: json(z.object({ data: z.array(reminderSchema), count: z.number().int() }), 'Reminders') },
    }),
    async (c) => {
      const data = await activeReminders(c.get('ctx').database.db);
      return c.json({ data, count: data.length }, 200);
    },
  );
}
