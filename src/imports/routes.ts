import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { SchemaObject } from 'openapi3-ts/oas31';
import { stream } from 'hono/streaming';
import { invalid } from '../core/errors.js';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { idParam, json } from '../http/crud-routes.js';
import { createBatch, errorReport, getBatch, listBatches } from './batches.js';
import { checkImportFile, importKinds, previewImport, type ImportOptions } from './importer.js';
import { startImportJob, startUndoJob } from './jobs.js';
import { jobAccepted, jobView } from '../http/jobs.js';
import { multipartBoundary, privateUploadDir, receiveMultipart, type ReceivedForm } from './upload.js';

const tags = ['imports'];
/** The upload form's fields besides the file. */
const uploadOptions = z.object({
  kind: z.enum(importKinds),
  source: z.string().max(64).optional().describe('The system the file comes from (ids in the file are its ids); default: the detected preset, else "file"'),
  preset: z.string().max(64).optional(),
  mapping: z.string().max(20000).optional().describe('JSON object {"Column": "field" | null} overriding the automatic mapping'),
  default_country: z.string().length(2).optional(),
  date_order: z.enum(['MDY', 'DMY']).optional(),
  merge: z.enum(['auto', 'review', 'off']).optional(),
  strict: z.enum(['true', 'false']).optional(),
});
const { $schema: _dialect, ...optionsDoc } = z.toJSONSchema(uploadOptions, { io: 'input' }) as Record<string, unknown> & { properties: object; required: string[] };
/**
 * The form as the OpenAPI document describes it. A plain schema rather than a zod one, so that
 * the framework does not read the whole body into memory to validate it: the upload is streamed
 * to disk and its fields are validated with `uploadOptions`.
 */
const uploadFormDoc: SchemaObject = {
  ...optionsDoc,
  properties: { file: { type: 'string', format: 'binary', description: 'CSV, TSV, vCard, JSON or NDJSON file' }, ...optionsDoc.properties },
  required: ['file', ...optionsDoc.required],
};
const batchSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    source: z.string(),
    file_name: z.string().nullable(),
    status: z
      .enum(['running', 'interrupted', 'done', 'failed', 'rejected', 'undone'])
      .openapi({ description: 'interrupted: the importing process stopped mid-way; run the same import again to complete it, or undo it' }),
    counts: z.object({
      rows: z.number(),
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      merged: z.number(),
      rejected: z.number(),
      duplicates_queued: z.number().openapi({ description: 'Likely duplicates left for review' }),
      flagged: z.number().optional().openapi({ description: 'Rows imported with a value kept as written because it could not be cleaned; errors.csv lists them' }),
      customers_created: z.number().optional().openapi({ description: "Customers an order import created because no customer had the order's customer id or email" }),
      deals_created: z.number().optional().openapi({ description: 'Deals opened by customer or order rows with deal columns (deal name or value, stage, pipeline)' }),
    }),
    progress: z.object({ rows: z.number(), bytes: z.number(), total_bytes: z.number() }).nullable(),
    mapping: z.record(z.string(), z.string().nullable()).nullable(),
    error: z.string().nullable(),
    job_id: z.string().nullable().openapi({ description: 'The job that runs the import (GET /api/jobs/{id}); null for imports from the CLI' }),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    undone_at: z.string().nullable(),
  })
  .passthrough()
  .openapi('ImportBatch');
const multipart = { required: true, content: { 'multipart/form-data': { schema: uploadFormDoc } } };

/** Streams the uploaded file to a temporary path and reads the form's import options. */
async function receiveUpload(c: Context<AppEnv>): Promise<{ filePath: string; options: ImportOptions; cleanup(): void }> {
  const boundary = multipartBoundary(c.req.header('content-type'));
  const body = c.req.raw.body;
  if (!boundary || !body) throw invalid('attach the file to import as the "file" field of a multipart/form-data body', { file: ['required'] });
  const dir = privateUploadDir(c.get('ctx').dataDir);
  const received = path.join(dir, randomBytes(8).toString('hex'));
  const cleanupReceived = () => fs.rmSync(received, { force: true });
  let form: ReceivedForm;
  try {
    form = await receiveMultipart(Readable.fromWeb(body as WebReadableStream<Uint8Array>), boundary, 'file', received);
  } catch (error) {
    cleanupReceived();
    throw error;
  }
  const file = form.file;
  if (!file) throw invalid('attach the file to import as the "file" field', { file: ['required'] });
  // The file keeps its extension, which tells its format.
  const filePath = `${received}${path.extname(file.name).slice(0, 10)}`;
  fs.renameSync(received, filePath);
  const parsed = uploadOptions.safeParse(form.fields);
  if (!parsed.success) {
    fs.rmSync(filePath, { force: true });
    throw invalid('invalid import options', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'form', [i.message]])));
  }
  const o = parsed.data;
  let mapping: Record<string, string | null> | undefined;
  if (o.mapping) {
    try {
      mapping = JSON.parse(o.mapping);
    } catch {
      fs.rmSync(filePath, { force: true });
      throw invalid('mapping must be a JSON object', { mapping: ['not valid JSON'] });
    }
  }
  return {
    filePath,
    options: {
      kind: o.kind,
      source: o.source,
      preset: o.preset,
      mapping,
      defaultCountry: o.default_country?.toUpperCase(),
      dateOrder: o.date_order,
      merge: o.merge,
      strict: o.strict === 'true',
      fileName: file.name,
    },
    cleanup: () => fs.rmSync(filePath, { force: true }),
  };
}

const rowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() }).openapi('ImportRowError');
const previewSchema = z
  .object({
    kind: z.enum(importKinds),
    preset: z.string().nullable().openapi({ description: 'The export format recognised from the headers (shopify_customers, google_contacts, ...)' }),
    format: z.enum(['csv', 'json', 'vcard']),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()).openapi({ description: 'Column -> field (null: not imported)' }),
    rows: z.array(
      z.object({
        row: z.number().int(),
        values: z.record(z.string(), z.string()),
        record: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The row as it would be stored, cleaned' }),
        errors: z.array(rowErrorSchema),
        warnings: z.array(rowErrorSchema).openapi({ description: 'Values kept as written and flagged' }),
      }),
    ),
    rows_read: z.number().int(),
    rejected: z.number().int(),
    flagged: z.number().int(),
  })
  .openapi('ImportPreview');

export function registerImportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/preview',
      tags,
      summary: 'Detected preset, column mapping and the first rows as they would be stored, with their errors (writes nothing)',
      request: { body: multipart },
      responses: { 200: json(previewSchema, 'The preview'), 400: errorResponses[400] },
    }),
    async (c) => {
      const upload = await receiveUpload(c);
      try {
        return c.json((await previewImport(c.get('ctx'), upload.filePath, upload.options)) as z.infer<typeof previewSchema>, 200);
      } finally {
        upload.cleanup();
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      tags,
      summary: 'Start an import as a job; poll GET /api/imports/{id} (or the job, job_id) for progress',
      request: { body: multipart },
      responses: { 202: json(batchSchema, 'Started'), 400: errorResponses[400] },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const upload = await receiveUpload(c);
      // A file that cannot be imported (NUL bytes, not a CSV, a mapping that does not fit) is a 400 now, not a failed import later.
      await checkImportFile(ctx, upload.filePath, upload.options).catch((error) => {
        upload.cleanup();
        throw error;
      });
      const batchId = await createBatch(ctx.database.db, {
        kind: upload.options.kind,
        source: upload.options.source ?? 'pending',
        fileName: upload.options.fileName ?? null,
        options: { ...upload.options },
        actor: ctx.actor,
      });
      // The import runs as a job on the job worker's thread, never on this request's event loop; its
      // progress and outcome are kept on the batch row (and the job). The job removes the upload.
      try {
        await startImportJob(ctx, batchId, upload.filePath, upload.options);
      } catch (error) {
        upload.cleanup();
        throw error;
      }
      return c.json(await getBatch(ctx.database.db, batchId), 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports',
      tags,
      summary: 'Import history, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ data: z.array(batchSchema) }), 'Imports') },
    }),
    async (c) => c.json({ data: await listBatches(c.get('ctx').database.db, c.req.valid('query').limit) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}',
      tags,
      summary: 'An import: status, counts and progress',
      request: { params: idParam },
      responses: { 200: json(batchSchema, 'The import'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getBatch(c.get('ctx').database.db, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{id}/errors.csv',
      tags,
      summary: 'The rejected rows with row number, column and reason (CSV)',
      request: { params: idParam },
      responses: { 200: { description: 'CSV error report', content: { 'text/csv': { schema: z.string() } } }, 404: errorResponses[404] },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const rows = errorReport(c.get('ctx').database.db, id);
      const first = await rows.next();
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${id}-errors.csv"`);
      return stream(c, async (s) => {
        if (!first.done) await s.write(first.value);
        for await (const line of rows) await s.write(line);
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/{id}/undo',
      tags,
      summary: 'Undo an import as a job: remove what it created, restore what it changed or merged; asking again while it runs returns the same job',
      request: { params: idParam },
      responses: { 202: jobAccepted, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      const job = await startUndoJob(c.get('ctx'), c.req.valid('param').id);
      c.header('location', `/api/jobs/${job.id}`);
      return c.json(jobView(job), 202);
    },
  );
}
