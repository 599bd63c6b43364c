/** Interaction and task routes. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerEntityRoutes } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { recordSchema } from '../records/validation.js';
import { interactionEntity, taskEntity } from '../schema/entities.js';
import { interactions, tasks } from './interactions.js';

export const interactionRecord = recordSchema(interactionEntity).openapi('Interaction');
export const taskRecord = recordSchema(taskEntity).openapi('Task');

export function registerInteractionRoutes(app: OpenAPIHono<AppEnv>) {
  registerEntityRoutes(app, { service: interactions, path: '/api/interactions', tag: 'interactions', name: 'Interaction', record: interactionRecord });
}

export function registerTaskRoutes(app: OpenAPIHono<AppEnv>) {
  registerEntityRoutes(app, { service: tasks, path: '/api/tasks', tag: 'tasks', name: 'Task', record: taskRecord });
}
