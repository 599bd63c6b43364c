import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';

type Text = { content: { type: string; text: string }[]; isError?: boolean };
const parsed = (result: unknown) => {
  const text = (result as Text).content[0].text;
  if ((result as Text).isError) throw new Error(`tool error: ${text}`);
  return JSON.parse(text);
};

describe.each(engines)('MCP server on %s', (engine) => {
  let api: TestApi;
  let server: ReturnType<typeof serve>;
  let url: URL;
  let client: Client;
  beforeAll(async () => {
    api = await testApi(engine);
    server = await new Promise((resolve) => {
      const s = serve({ fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
    client = new Client({ name: 'rapport-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${api.token}` } } }));
  });
  afterAll(async () => {
    await client?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await api?.close();
  });

  it('refuses a client without an API token', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(url))).rejects.toThrow();
  });

  it('lists its tools and answers each of them', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['contact_today', 'create_note', 'create_task', 'get_customer', 'list_segments', 'log_interaction', 'search_customers', 'segment_members']);
    for (const t of tools) expect(t.description!.length).toBeGreaterThan(20);

    const ada = await api.request('POST', '/api/customers', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' });
    await api.request('POST', '/api/orders', { customer_id: ada.body.id, ordered_at: '2026-01-10', total: 120 });

    const found = parsed(await client.callTool({ name: 'search_customers', arguments: { query: 'lovelace' } }));
    expect(found.customers.map((c: { id: string }) => c.id)).toEqual([ada.body.id]);
    expect(found.customers[0]).toHaveProperty('p_alive');
    expect(found.customers[0]).toHaveProperty('churn_risk');
    expect(found.customers[0].revenue).toBe(120);

    const view = parsed(await client.callTool({ name: 'get_customer', arguments: { id: ada.body.id } }));
    expect(view.customer.email).toBe('ada@example.com');
    expect(view.figures.order_count).toBe(1);
    expect(Array.isArray(view.next_best_offers)).toBe(true);
    expect(view).toHaveProperty('scores');

    const missing = await client.callTool({ name: 'get_customer', arguments: { id: 'cus_missing' } });
    expect((missing as Text).isError).toBe(true);
    expect((missing as Text).content[0].text).toMatch(/not_found/);

    expect(parsed(await client.callTool({ name: 'list_segments', arguments: {} }))).toHaveProperty('segments');
    const today = parsed(await client.callTool({ name: 'contact_today', arguments: { limit: 5 } }));
    expect(Array.isArray(today.data)).toBe(true);
    const noSegment = (await client.callTool({ name: 'segment_members', arguments: { segment: 'seg_none' } })) as Text;
    expect(noSegment.isError).toBe(true);
    expect(noSegment.content[0].text).toMatch(/no segment seg_none/);

    const note = parsed(await client.callTool({ name: 'create_note', arguments: { customer_id: ada.body.id, text: 'Prefers calls in the morning' } }));
    expect(note).toMatchObject({ type: 'note', customer_id: ada.body.id });
    const task = parsed(await client.callTool({ name: 'create_task', arguments: { title: 'Send the quote', customer_id: ada.body.id, due_at: '2026-12-10T09:00:00Z' } }));
    expect(task).toMatchObject({ title: 'Send the quote', due_at: '2026-12-10T09:00:00.000Z' });
    const call = parsed(await client.callTool({ name: 'log_interaction', arguments: { customer_id: ada.body.id, type: 'call', direction: 'out', subject: 'Follow-up' } }));
    expect(call).toMatchObject({ type: 'call', direction: 'out' });
    const bad = await client.callTool({ name: 'create_task', arguments: { title: 'x', customer_id: 'cus_nope' } });
    expect((bad as Text).isError).toBe(true);

    // What the tools wrote is the same as through the API: on the timeline, in the audit log, as events.
    const timeline = await api.request('GET', `/api/customers/${ada.body.id}/timeline`);
    expect(timeline.body.data.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['interaction', 'task', 'order']));
    const events = await api.request('GET', `/api/events?entity_id=${task.id}`);
    expect(events.body.data.map((e: { type: string; actor: string }) => [e.type, e.actor.startsWith('token:')])).toEqual([['task.created', true]]);
  });
});
