/** GET/PATCH /api/settings: the business currency and time zone. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { body, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { businessSettingsPatch, businessSettingsSchema, getBusinessSettings, toApi, updateBusinessSettings } from './business.js';

const tags = ['settings'];

export function registerSettingsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings',
      tags,
      summary: 'Business settings: the currency amounts are shown in and the time zone days are counted in',
      responses: { 200: json(businessSettingsSchema, 'Business settings') },
    }),
    async (c) => c.json(toApi(await getBusinessSettings(c.get('ctx').database.db)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/settings',
      tags,
      summary: 'Change the business currency or time zone (400 on an unknown ISO 4217 code or IANA zone)',
      request: { body: body(businessSettingsPatch) },
      responses: { 200: json(businessSettingsSchema, 'Business settings'), 400: errorResponses[400] },
    }),
    async (c) => c.json(toApi(await updateBusinessSettings(c.get('ctx').database, await c.req.json(), c.get('ctx').actor)), 200),
  );
}
