import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, onUnauthorized, setCsrfToken } from './api';

function respond(status: number, body?: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('API client', () => {
  it('turns the error shape into an ApiError with field messages', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, { error: { code: 'invalid_input', message: 'invalid json: email, age', fields: { email: ['must be a valid e-mail address'], age: ['expected number', 'too small'] } } }),
    );
    const err = await failure(api.post('/api/customers', { email: 'nope' }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toBe('invalid json: email, age');
    expect(err.fieldMessage('email')).toBe('must be a valid e-mail address');
    expect(err.fieldMessage('age')).toBe('expected number; too small');
    expect(err.fieldMessage('city')).toBeUndefined();
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const fetch = respond(200, { data: [], next_cursor: null });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('csrf-123');
    await api.get('/api/customers', { q: 'ada', city: undefined, tags: ['a', 'b'] });
    await api.patch('/api/customers/cus_1', { city: 'Paris' });
    const [getUrl, getInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, patchInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(getUrl).toBe('/api/customers?q=ada&tags=a&tags=b');
    expect((getInit.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((patchInit.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-123');
    expect(patchInit.body).toBe(JSON.stringify({ city: 'Paris' }));
  });

  it('answers undefined for 204 and reports a network failure in words', async () => {
    vi.stubGlobal('fetch', respond(204));
    expect(await api.del('/api/tasks/tsk_1')).toBeUndefined();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const err = await failure(api.get('/api/customers'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/could not be reached/);
  });

  it('passes aborts through untouched and tells listeners about a 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
    );
    const aborted: unknown = await api.get('/api/customers').catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(DOMException);

    vi.stubGlobal('fetch', respond(401, { error: { code: 'unauthorized', message: 'sign in' } }));
    const seen = vi.fn();
    const off = onUnauthorized(seen);
    await expect(api.get('/api/customers')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    off();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('keeps a non-JSON error body readable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    const err = await failure(api.get('/api/customers'));
    expect(err.code).toBe('http_502');
    expect(err.message).toBe('The server answered 502 Bad Gateway');
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/x', { a: '', b: null, c: 0, d: false })).toBe('/api/x?c=0&d=false');
    expect(buildUrl('/api/x?y=1', { z: 'a b' })).toBe('/api/x?y=1&z=a+b');
  });
});
