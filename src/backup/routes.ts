import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../api/env.js';
import { errorResponses } from '../api/errors.js';
import { backupDatabase } from './backup.js';

const media = {
  sqlite: { contentType: 'application/vnd.sqlite3', extension: 'db' },
  json: { contentType: 'application/x-ndjson', extension: 'json' },
} as const;

/** "rapport-backup-2026-11-25.db": the day (UTC) the backup was taken. */
export function backupFileName(format: 'sqlite' | 'json', at: Date): string {
  return `rapport-backup-${at.toISOString().slice(0, 10)}.${media[format].extension}`;
}

export function registerBackupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/backup',
      tags: ['backup'],
      summary: 'Download a consistent backup of all data while Rapport keeps running: a SQLite database file on SQLite, the JSON dump `rapport backup` writes on PostgreSQL and MySQL. Restore it with `rapport restore FILE`.',
      responses: {
        200: {
          description: 'The backup file, as an attachment',
          content: { [media.sqlite.contentType]: { schema: z.string().openapi({ format: 'binary' }) }, [media.json.contentType]: { schema: z.string() } },
        },
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const database = c.get('ctx').database;
      // The backup is written whole to a private temporary folder first, then streamed and removed.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-download-'));
      const remove = () => fs.rmSync(dir, { recursive: true, force: true });
      let result;
      try {
        result = await backupDatabase(database, path.join(dir, 'backup'));
      } catch (error) {
        remove();
        throw error;
      }
      const file = result.file;
      c.header('content-type', media[result.format].contentType);
      c.header('content-length', String(fs.statSync(file).size));
      c.header('content-disposition', `attachment; filename="${backupFileName(result.format, new Date())}"`);
      c.header('cache-control', 'no-store');
      return stream(c, async (s) => {
        try {
          for await (const chunk of fs.createReadStream(file)) {
            if (s.aborted) break;
            await s.write(chunk as Buffer);
          }
        } finally {
          remove();
        }
      });
    },
  );
}
