import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../http/env.js';
import { errorResponses } from '../http/errors.js';
import { AppError } from '../core/errors.js';
import { writeJsonBackup } from './backup.js';

const media = {
  sqlite: { contentType: 'application/vnd.sqlite3', extension: 'db' },
  json: { contentType: 'application/x-ndjson', extension: 'json' },
} as const;

/** "rapport-backup-2026-11-25.db": the day (UTC) the backup was taken. */
function backupFileName(format: 'sqlite' | 'json', at: Date): string {
  return `rapport-backup-${at.toISOString().slice(0, 10)}.${media[format].extension}`;
}

/** Thrown into the backup's reader when the client stops downloading, which ends its snapshot. */
class DownloadAborted extends Error {}

/** Downloads under way in this process: one at a time, since each holds a snapshot open. */
let downloading = false;

export function registerBackupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/backup',
      tags: ['backup'],
      summary:
        'Download a consistent backup of all data while Rapport keeps running: the JSON dump `rapport backup --format json` writes, streamed as it is read (nothing is written to disk). Sign-in data (password hash, sessions, API tokens) is left out. One download at a time: another request meanwhile gets 429. Restore it with `rapport restore FILE`.',
      responses: {
        200: { description: 'The backup file, as an attachment', content: { [media.json.contentType]: { schema: z.string().openapi({ format: 'binary' }) } } },
        401: errorResponses[401],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      if (downloading) throw new AppError('rate_limited', 'a backup is already being downloaded; try again when it has finished');
      downloading = true;
      const database = c.get('ctx').database;
      c.header('content-type', media.json.contentType);
      c.header('content-disposition', `attachment; filename="${backupFileName('json', new Date())}"`);
      c.header('cache-control', 'no-store');
      // A streamed body is a plain Response, which the typed route cannot express.
      return stream(
        c,
        async (s) => {
          try {
            await writeJsonBackup(database, async (text) => {
              if (s.aborted) throw new DownloadAborted();
              await s.write(text);
            });
          } catch (error) {
            if (!(error instanceof DownloadAborted)) throw error;
          } finally {
            downloading = false;
          }
        },
        async (error) => console.error('backup download failed:', error),
      ) as never;
    },
  );
}
