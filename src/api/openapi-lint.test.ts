import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { operationIdFor } from './openapi.js';

describe("OpenAPI document against Redocly's recommended rules", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi('sqlite');
  });
  afterAll(async () => api?.close());

  it('lints clean: every operation has an operationId, a 4xx answer, and the document names its server', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    // The two public reads (health, auth status) have no 4xx answer to give; every other rule holds everywhere.
    const publicReads = new Set(['#/paths/~1api~1health/get/responses', '#/paths/~1api~1auth~1status/get/responses']);
    // A tracked link only redirects (302): it has no 2xx answer to give.
    const redirects = new Set(['#/paths/~1t~1c~1{token}/get/responses']);
    const reported = problems.filter(
      (p) => !(p.ruleId === 'operation-4xx-response' && publicReads.has(p.location[0]?.pointer ?? '')) && !(p.ruleId === 'operation-2xx-response' && redirects.has(p.location[0]?.pointer ?? '')),
    );
    expect(reported.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/customers/{id}'].get.responses['401']).toBeTruthy();
    expect(doc.paths['/api/health'].get.responses['401']).toBeUndefined();
  });

  it('derives readable operation ids', () => {
    expect(operationIdFor('get', '/api/customers/{id}/timeline')).toBe('getCustomersByIdTimeline');
    expect(operationIdFor('post', '/api/revenue-by/{dimension}')).toBe('postRevenueByByDimension');
  });
});
