import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, apiTypesSource, openApiDocument } from './api-types.js';

describe('web API types', () => {
  it('are generated from the current OpenAPI document (run npm run api-types after changing a route)', async () => {
    const document = await openApiDocument();
    const source = await apiTypesSource(document);
    if (process.env.RAPPORT_WRITE_API_TYPES === '1') fs.writeFileSync(apiTypesFile, source);
    // Every path of the document has its entry in the generated types.
    for (const p of Object.keys(document.paths as object)) expect(source).toContain(`"${p}": {`);
    expect(fs.readFileSync(apiTypesFile, 'utf8') === source, 'web/src/lib/api-types.ts is stale: run npm run api-types').toBe(true);
  }, 120_000);
});
