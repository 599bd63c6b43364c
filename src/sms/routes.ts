/** SMS API: provider settings, the segment count of a draft, sending a text to a customer, and the log. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inTransaction } from '../core/context.js';
import { body, idParam, json } from '../http/crud-routes.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { countSegments } from './segments.js';
import { getSms, listSms, maxSmsLength, queueSms, smsListQuery, smsPurposes, smsSchema } from './service.js';
import { smsSettingsInput, smsSettingsSchema, smsSettingsView, updateSmsSettings } from './settings.js';

const segmentInput = z
  .object({ body: z.string().max(maxSmsLength, { message: `at most ${maxSmsLength} characters` }) })
  .strict()
  .openapi('SmsSegmentInput');
const segmentResult = z
  .object({
    encoding: z.enum(['GSM-7', 'UCS-2']),
    units: z.number().int().openapi({ description: 'Septets (GSM-7) or UTF-16 code units (UCS-2)' }),
    segments: z.number().int(),
    per_segment: z.number().int().openapi({ description: '160/153 (GSM-7) or 70/67 (UCS-2)' }),
    remaining: z.number().int().openapi({ description: 'Units left in the last segment' }),
    non_gsm_characters: z.array(z.string()).openapi({ description: 'The characters that made the text UCS-2' }),
  })
  .openapi('SmsSegmentCount');
const sendInput = z
  .object({
    customer_id: z.string().min(1).max(40),
    body: z
      .string()
      .min(1, { message: 'the text is empty' })
      .max(maxSmsLength, { message: `at most ${maxSmsLength} characters` }),
    purpose: z.enum(smsPurposes),
  })
  .strict()
  .openapi('SmsSendInput');
const page = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export function registerSmsRoutes(app: OpenAPIHono<AppEnv>) {
  const db = (c: { get(k: 'ctx'): { database: { db: any } } }) => c.get('ctx').database.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sms/settings',
      operationId: 'getSmsSettings',
      tags: ['sms'],
      summary: 'SMS provider settings (the auth token is never returned) and the callback URLs to give the provider',
      responses: { 200: json(smsSettingsSchema, 'SMS settings'), 401: errorResponses[401] },
    }),
    async (c) => c.json(await smsSettingsView(db(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/sms/settings',
      operationId: 'updateSmsSettings',
      tags: ['sms'],
      summary: 'Change the SMS provider settings; fields left out keep their value',
      request: { body: body(smsSettingsInput) },
      responses: { 200: json(smsSettingsSchema, 'SMS settings'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => c.json(await updateSmsSettings(c.get('ctx').database, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sms/segments',
      operationId: 'countSmsSegments',
      tags: ['sms'],
      summary: 'How many SMS a text costs: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part)',
      request: { body: body(segmentInput) },
      responses: { 200: json(segmentResult, 'The count'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const s = countSegments(c.req.valid('json').body);
      return c.json({ encoding: s.encoding, units: s.units, segments: s.segments, per_segment: s.perSegment, remaining: s.remaining, non_gsm_characters: s.nonGsmCharacters }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sms',
      operationId: 'sendSms',
      tags: ['sms'],
      summary: "Queue a text to a customer's phone; opt-outs and (for marketing) SMS consent are checked when it is sent",
      request: { body: body(sendInput) },
      responses: { 201: json(smsSchema, 'Queued'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const ctx = c.get('ctx');
      const { id } = await inTransaction(ctx, (trx) => queueSms(trx, { ...input, actor: ctx.actor }));
      return c.json(await getSms(db(c), id), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sms',
      operationId: 'listSms',
      tags: ['sms'],
      summary: 'Texts sent and queued, newest first',
      request: { query: smsListQuery },
      responses: { 200: json(page(smsSchema), 'A page of texts'), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => c.json(await listSms(db(c), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sms/{id}',
      operationId: 'getSms',
      tags: ['sms'],
      summary: 'One text with its status',
      request: { params: idParam },
      responses: { 200: json(smsSchema, 'The text'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(await getSms(db(c), c.req.valid('param').id), 200),
  );
}
