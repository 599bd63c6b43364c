import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import { AppError } from '../core/errors.js';
import { issuesToFields } from '../records/validation.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid input; `fields` names each bad field', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Missing or invalid credentials', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Signed in, but not allowed to do this', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'No record with that id', content: { 'application/json': { schema: errorSchema } } },
  409: { description: 'Conflicts with existing data', content: { 'application/json': { schema: errorSchema } } },
  429: { description: 'Too many attempts, or another one is still running; try again later', content: { 'application/json': { schema: errorSchema } } },
} as const;

export function errorJson(c: Context, error: AppError) {
  return c.json(error.toJSON(), error.status as 400);
}

/** The one error shape, whatever failed: our errors, body limits, bad JSON, or a bug. */
export function handleError(err: unknown, c: Context) {
  if (err instanceof AppError) return errorJson(c, err);
  if (err instanceof HTTPException) {
    if (err.status === 413) return errorJson(c, new AppError('payload_too_large', 'request body is too large'));
    if (err.status === 400) return errorJson(c, new AppError('invalid_input', err.message || 'malformed request', { body: [err.message || 'malformed request'] }));
    return c.json({ error: { code: 'http_error', message: err.message } }, err.status);
  }
  if (err instanceof SyntaxError) return errorJson(c, new AppError('invalid_input', 'request body is not valid JSON', { body: ['malformed JSON'] }));
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}

/** Validation failures from route schemas become 400s with field-level messages. */
export function validationHook(result: { success: boolean; data?: unknown; error?: { issues: readonly any[] }; target?: string }, c: Context) {
  if (result.success) {
    const unstorable = unstorableText(result.data);
    if (unstorable.length === 0) return;
    const fields = Object.fromEntries(unstorable.map((path) => [path, [unstorableMessage]]));
    return errorJson(c, new AppError('invalid_input', `invalid ${result.target ?? 'input'}: ${unstorable.join(', ')} ${unstorableMessage}`, fields));
  }
  const fields = issuesToFields(result.error!.issues);
  return errorJson(c, new AppError('invalid_input', `invalid ${result.target ?? 'input'}: ${Object.keys(fields).join(', ')}`, fields));
}

export const unstorableMessage = 'contains a NUL character or a lone UTF-16 surrogate, which no database stores as text';
// A NUL is refused by PostgreSQL and a lone surrogate becomes U+FFFD on the way to any engine: both are
// refused at the edge, so no value is stored differently from what was sent.
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Paths (`a.b.0`) of the strings in a validated request part that cannot be stored as text. */
export function unstorableText(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (unstorable.test(value)) found.push(path.join('.') || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableText(v, [...path, String(i)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unstorableText(v, [...path, k], found);
  }
  return found;
}
