/**
 * The web app's API types, generated from the app's own OpenAPI document into
 * web/src/lib/api-types.ts. The document is built in-process on an empty in-memory database: no
 * server, no network. `npm run api-types` runs ./api-types.test.ts with RAPPORT_WRITE_API_TYPES=1,
 * which writes the file; in every other run that test fails when the committed file is stale.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createOwner, createToken } from '../auth/service.js';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/database.js';
import { migrate } from '../core/migrations/index.js';
import { createApp } from './app.js';

export const apiTypesFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/lib/api-types.ts');

/** GET /api/openapi.json of a fresh app, as a signed-in client sees it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ sqlitePath: ':memory:' });
  try {
    await migrate(database);
    const app = createApp({ database, config: loadConfig({ RAPPORT_DATA_DIR: '/nonexistent' }) });
    await createOwner(database.db, { email: 'types@example.com', password: 'generating the api types' });
    const { token } = await createToken(database.db, 'api-types');
    const res = await app.request('/api/openapi.json', { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await database.close();
  }
}

const header = `/**
 * Generated from Rapport's OpenAPI document by \`npm run api-types\` (openapi-typescript): do not edit.
 * Name the types through the aliases in ./api.ts.
 */

`;

/** The generated TypeScript for a document. */
export async function apiTypesSource(document: Record<string, unknown>): Promise<string> {
  // The document is complete in itself (no external $refs), so nothing is fetched.
  return header + astToString(await openapiTS(document as never, { alphabetize: true }));
}
