import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { testApi, type TestApi } from '../test/api-client.js';

describe('OpenAPI document and docs page', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi('sqlite');
  });
  afterAll(async () => api?.close());

  it('is a valid OpenAPI 3.1 document describing every route', async () => {
    const res = await api.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const described = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) described.add(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':id')}`);
    }
    const registered = new Set(
      api.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.startsWith('/api/docs') && r.path !== '/api/openapi.json')
        .map((r) => `${r.method} ${r.path.replace(/:[a-z_]+/g, ':id')}`),
    );
    const missing = [...registered].filter((r) => !described.has(r));
    expect(missing).toEqual([]);
    expect(registered.size).toBeGreaterThan(30);
  });

  it('serves Swagger UI from the package, with no third-party hosts', async () => {
    const page = await api.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    const bundle = await api.app.request('/api/docs/assets/swagger-ui-bundle.js', { headers: { authorization: `Bearer ${api.token}` } });
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
