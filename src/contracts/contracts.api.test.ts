import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../core/events.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { runContractRenewals } from './renewals.js';

describe.each(engines)('contracts on %s', (engine) => {
  let api: TestApi;
  let customerId: string;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    customerId = (await api.request('POST', '/api/customers', { first_name: 'Grace', email: 'grace@example.com' })).body.id;
  });
  afterAll(async () => api?.close());

  const count = async () => (await api.request('GET', '/api/contracts?limit=500')).body.data.length as number;

  it('creates a contract with defaults and refuses an end before the start, an unknown customer or currency with a 400 naming the field', async () => {
    const before = await count();
    const backwards = await api.request('POST', '/api/contracts', { title: 'Support', customer_id: customerId, starts_on: '2026-03-01', ends_on: '2026-02-28' });
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.fields)).toEqual(['ends_on']);
    const nobody = await api.request('POST', '/api/contracts', { title: 'Support', customer_id: 'cus_nobody', starts_on: '2026-03-01' });
    expect(nobody.status).toBe(400);
    expect(Object.keys(nobody.body.error.fields)).toEqual(['customer_id']);
    const money = await api.request('POST', '/api/contracts', { title: 'Support', starts_on: '2026-03-01', currency: 'XYZ' });
    expect(money.status).toBe(400);
    expect(Object.keys(money.body.error.fields)).toEqual(['currency']);
    const open = await api.request('POST', '/api/contracts', { title: 'Support', starts_on: '2026-03-01', auto_renew: true });
    expect(open.status).toBe(400);
    expect(Object.keys(open.body.error.fields)).toEqual(['ends_on']);
    const readOnly = await api.request('POST', '/api/contracts', { title: 'Support', starts_on: '2026-03-01', renewal_deal_id: 'dea_x' });
    expect(readOnly.status).toBe(400);
    expect(await count()).toBe(before);

    const created = await api.request('POST', '/api/contracts', { title: 'Support', customer_id: customerId, starts_on: '2026-01-01', ends_on: '2026-12-31', value: 1200, billing_period: 'yearly' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', renewal_notice_days: 30, auto_renew: false, currency: 'EUR', file_name: null });
    const patched = await api.request('PATCH', `/api/contracts/${created.body.id}`, { ends_on: '2025-12-31' });
    expect(patched.status).toBe(400);
    expect((await api.request('GET', `/api/contracts/${created.body.id}`)).body.ends_on).toBe('2026-12-31');
    expect((await api.request('GET', '/api/contracts/ctr_nothing')).status).toBe(404);
  });

  it('stores the signed file, hands it back byte for byte, refuses a missing file, and removes it', async () => {
    const contract = (await api.request('POST', '/api/contracts', { title: 'Hosting', customer_id: customerId, starts_on: '2026-01-01' })).body;
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'signed "contract".pdf');
    const upload = await api.app.request(`/api/contracts/${contract.id}/file`, { method: 'PUT', body: form, headers: { authorization: `Bearer ${api.token}` } });
    expect(upload.status).toBe(200);
    const record = await upload.json();
    expect(record).toMatchObject({ file_name: 'signed contract.pdf', file_type: 'application/pdf', file_size: bytes.length });
    expect(record.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await api.app.request(`/api/contracts/${contract.id}/file`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const empty = await api.app.request(`/api/contracts/${contract.id}/file`, { method: 'PUT', body: new FormData(), headers: { authorization: `Bearer ${api.token}` } });
    expect(empty.status).toBe(400);
    const elsewhere = new FormData();
    elsewhere.append('file', new Blob([bytes]), 'x.pdf');
    expect((await api.app.request('/api/contracts/ctr_nothing/file', { method: 'PUT', body: elsewhere, headers: { authorization: `Bearer ${api.token}` } })).status).toBe(404);

    expect((await api.request('DELETE', `/api/contracts/${contract.id}/file`)).body.file_name).toBeNull();
    expect((await api.request('GET', `/api/contracts/${contract.id}/file`)).status).toBe(404);
  });

  it('erases a person from their contracts: title, notes and the signed file go, dates and value stay', async () => {
    const person = (await api.request('POST', '/api/customers', { first_name: 'Erin', email: 'erin@example.com' })).body.id as string;
    const contract = (
      await api.request('POST', '/api/contracts', { title: 'Coaching for Erin', notes: 'Erin prefers mornings', customer_id: person, starts_on: '2026-01-01', ends_on: '2026-12-31', value: 500 })
    ).body;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('Signed by Erin')], { type: 'application/pdf' }), 'erin-signed.pdf');
    expect((await api.app.request(`/api/contracts/${contract.id}/file`, { method: 'PUT', body: form, headers: { authorization: `Bearer ${api.token}` } })).status).toBe(200);
    expect((await api.request('DELETE', `/api/customers/${person}?erase=true`)).status).toBeLessThan(300);
    const after = (await api.request('GET', `/api/contracts/${contract.id}`)).body;
    expect(after).toMatchObject({ title: 'Erased', notes: null, file_name: null, file_size: null, starts_on: '2026-01-01', ends_on: '2026-12-31', value: 500, customer_id: person });
    expect((await api.request('GET', `/api/contracts/${contract.id}/file`)).status).toBe(404);
    const files = await api.db.database.db.selectFrom('contract_files').select('contract_id').where('contract_id', '=', contract.id).execute();
    expect(files).toEqual([]);
    const audit = await api.db.database.db.selectFrom('audit_log').select(['before_data', 'after_data']).where('entity', '=', 'contracts').where('entity_id', '=', contract.id).execute();
    expect(JSON.stringify(audit)).not.toContain('Erin');
  });

  it('renewal job: expiring with a renewal task and deal, auto-renew rolls over, the rest end; running twice changes nothing more', async () => {
    const make = async (input: Record<string, unknown>) => (await api.request('POST', '/api/contracts', { customer_id: customerId, status: 'active', ...input })).body.id as string;
    const renewing = await make({ title: 'Maintenance', starts_on: '2025-07-01', ends_on: '2026-06-30', value: 4800, renewal_notice_days: 45 });
    const later = await make({ title: 'Not yet', starts_on: '2025-09-01', ends_on: '2026-08-31', renewal_notice_days: 45 });
    const rolling = await make({ title: 'Licence', starts_on: '2025-06-01', ends_on: '2026-05-31', value: 100, auto_renew: true, billing_period: 'monthly' });
    const ending = await make({ title: 'Project', starts_on: '2026-01-01', ends_on: '2026-05-31', value: 9000 });
    const draft = await make({ title: 'Draft', starts_on: '2025-01-01', ends_on: '2026-05-20', status: 'draft' });

    // 20 May 2026: Maintenance is 41 days from its end (notice 45), Licence and Project 11 days.
    const first = await runContractRenewals(api.db.database, new Date('2026-05-20T10:00:00Z'));
    expect(first).toEqual({ expiring: 3, renewed: 0, ended: 0 });
    const get = async (id: string) => (await api.request('GET', `/api/contracts/${id}`)).body;
    const m = await get(renewing);
    expect(m.status).toBe('expiring');
    const task = (await api.request('GET', `/api/tasks/${m.renewal_task_id}`)).body;
    expect(task).toMatchObject({ linked_entity: 'contract', linked_id: renewing, customer_id: customerId, priority: 'high', done: false, due_at: '2026-06-23T09:00:00.000Z' });
    const deal = (await api.request('GET', `/api/deals/${m.renewal_deal_id}`)).body;
    expect(deal).toMatchObject({ customer_id: customerId, value: 4800, expected_close_date: '2026-06-30', source: 'renewal', status: 'open' });
    expect((await get(later)).status).toBe('active');
    expect((await get(draft)).status).toBe('draft');
    // A contract that renews by itself gets a task, no renewal deal.
    const l = await get(rolling);
    expect(l.status).toBe('expiring');
    expect(l.renewal_task_id).toBeTruthy();
    expect(l.renewal_deal_id).toBeNull();

    const toRenew = (await api.request('GET', '/api/contracts/to-renew')).body.data;
    expect(toRenew.map((c: { id: string }) => c.id).sort()).toEqual([renewing, rolling, ending].sort());

    // Again on the same day, and from two processes at once: nothing new.
    const again = await Promise.all([runContractRenewals(api.db.database, new Date('2026-05-20T11:00:00Z')), runContractRenewals(api.db.database, new Date('2026-05-20T11:00:00Z'))]);
    expect(again).toEqual([
      { expiring: 0, renewed: 0, ended: 0 },
      { expiring: 0, renewed: 0, ended: 0 },
    ]);
    const renewalTasks = (await api.request('GET', '/api/tasks?linked_entity=contract&limit=100')).body.data;
    expect(renewalTasks).toHaveLength(3);

    // 1 June: Licence rolls over into June 2026 - May 2027, Project ends.
    const june = await runContractRenewals(api.db.database, new Date('2026-06-01T10:00:00Z'));
    expect(june).toEqual({ expiring: 0, renewed: 1, ended: 1 });
    expect(await runContractRenewals(api.db.database, new Date('2026-06-01T12:00:00Z'))).toEqual({ expiring: 0, renewed: 0, ended: 0 });
    const old = await get(rolling);
    expect(old.status).toBe('renewed');
    const next = await get(old.renewed_to_id);
    expect(next).toMatchObject({
      status: 'active',
      starts_on: '2026-06-01',
      ends_on: '2027-05-31',
      value: 100,
      auto_renew: true,
      billing_period: 'monthly',
      renewed_from_id: rolling,
      customer_id: customerId,
    });
    expect((await get(ending)).status).toBe('ended');

    const types = (await listEvents(api.db.database, { types: ['contract.expiring', 'contract.renewed', 'contract.ended'], limit: 100 })).map((e) => `${e.type} ${e.entity_id}`);
    expect(types.sort()).toEqual([`contract.expiring ${renewing}`, `contract.expiring ${rolling}`, `contract.expiring ${ending}`, `contract.renewed ${rolling}`, `contract.ended ${ending}`].sort());
  });
});
