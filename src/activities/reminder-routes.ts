/** The reminders the app shows: tasks not done whose reminder time has passed. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { activeReminders, taskCounts } from './reminders.js';

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
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reminders/counts',
      tags: ['tasks'],
      summary: 'How many tasks not done are overdue, due later today (business time zone) or have a reminder due: the navigation badge',
      responses: {
        200: json(
          z
            .object({
              overdue: z.number().int().openapi({ description: 'Due before now' }),
              due_today: z.number().int().openapi({ description: 'Due from now to the end of the day' }),
              reminders: z.number().int().openapi({ description: 'Reminder time passed' }),
            })
            .openapi('TaskCounts'),
          'Counts',
        ),
      },
    }),
    async (c) => c.json(await taskCounts(c.get('ctx').database.db), 200),
  );
}
