import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../core/context.js';
import type { Database } from '../core/database.js';
import { mergeCustomers } from '../duplicates/merge.js';
import { runImport } from '../imports/importer.js';
import { customerEntity, interactionEntity, orderEntity, taskEntity } from '../schema/entities.js';
import { isPersonal } from '../schema/fields.js';
import { engines } from '../test/engines.js';
import { testApi, type TestApi } from '../test/api-client.js';

/**
 * Values of one person, each written somewhere different: the customer, a merged-away older record,
 * an import that updated them and rejected a row naming them, interactions, tasks, orders and a
 * custom field. After the erase none of them may be found anywhere.
 */
const needles = [
  'zebedee',
  'quaxworth',
  'zebedee.quaxworth@erasure.example',
  'zq-old@pigeonpost.example',
  '2079460321',
  '7946 0321',
  '2079460999',
  'pigeons',
  'ostrich',
  '1971-03-14',
  'falconry',
  'quill lane',
  'fenwick',
  'wobbleton',
  'loft-7781',
  'speckled hen',
  'plover',
  'gift wrap',
  'marshfield',
  'grebe',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-erase-'));

/** Every table of the database, every row and column as lower-case text: the needles found where. */
async function findNeedles(database: Database): Promise<string[]> {
  const db = database.db;
  const tables =
    database.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
      : database.dialect === 'postgres'
        ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database()`.execute(db)).rows.map((r) => r.name);
  expect(tables).toContain('customers');
  const found: string[] = [];
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = (Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value)).toLowerCase();
        for (const needle of needles) if (text.includes(needle)) found.push(`${table}.${column}: ${needle}`);
      }
    }
  }
  return [...new Set(found)];
}

/** The needles in the raw bytes of the SQLite file and its WAL (free pages, old frames, index pages included). */
function needlesInFiles(file: string): string[] {
  const found: string[] = [];
  for (const f of [file, `${file}-wal`]) {
    if (!fs.existsSync(f)) continue;
    const bytes = fs.readFileSync(f).toString('latin1').toLowerCase();
    // FTS5 stores a word after the prefix it shares with the previous one, so its tail is looked for too.
    for (const needle of needles) {
      const tails = /^[a-z]{7,}$/.test(needle) ? [needle.slice(-6)] : [];
      for (const n of [needle, ...tails]) if (bytes.includes(n)) found.push(`${path.basename(f)}: ${n}`);
    }
  }
  return [...new Set(found)];
}

/** MariaDB: the needles' words still in the customers FULLTEXT index (its on-disk part and its cache). */
async function fullTextWords(database: Database): Promise<string[]> {
  const schema = (await sql<{ name: string }>`select database() as name`.execute(database.db)).rows[0].name;
  return database.db.connection().execute(async (conn) => {
    await sql.raw(`set global innodb_ft_aux_table = '${schema}/customers'`).execute(conn);
    const words = needles.filter((n) => /^[a-z]+$/.test(n));
    const rows = (
      await sql<{
        word: string;
      }>`select word from information_schema.innodb_ft_index_table where word in (${sql.join(words)}) union select word from information_schema.innodb_ft_index_cache where word in (${sql.join(words)})`.execute(
        conn,
      )
    ).rows;
    await sql.raw(`set global innodb_ft_aux_table = default`).execute(conn);
    return rows.map((r) => r.word);
  });
}

describe.each(engines)('erasing a person on %s', (engine) => {
  let api: TestApi;
  let ctx: Ctx;
  beforeAll(async () => {
    api = await testApi(engine);
    ctx = { database: api.db.database, actor: 'cli' };
    // Migrating a MariaDB database takes tens of seconds when the server is busy with other test files.
  }, 180_000);
  afterAll(async () => api?.close());

  it('leaves none of their values in any table or file, refuses undos that would bring them back, and logs the erase', async () => {
    const post = async (url: string, body: unknown) => {
      const res = await api.request('POST', url, body);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    await post('/api/fields', { name: 'loft_code', type: 'text' });
    const person = await post('/api/customers', {
      first_name: 'Zebedee',
      last_name: 'Quaxworth',
      email: 'zebedee.quaxworth@erasure.example',
      phone: '+44 20 7946 0321',
      notes: 'Prefers carrier pigeons at dawn',
      birthday: '1971-03-14',
      tags: ['falconry'],
      address: '12 Quill Lane',
      city: 'Fenwick',
      loft_code: 'LOFT-7781',
    });
    const older = await post('/api/customers', { first_name: 'Zeb', last_name: 'Quaxworth', email: 'zq-old@pigeonpost.example', phone: '+44 20 7946 0999', notes: 'old record: ostrich' });
    const wendy = await post('/api/customers', { first_name: 'Wendy', last_name: 'Other', email: 'wendy@other.example' });
    const xavier = await post('/api/customers', { first_name: 'Xavier', last_name: 'Else', email: 'xavier@else.example' });
    await post('/api/orders', { customer_id: older.id, ordered_at: '2025-11-02', total: 15 });

    // The person merged into someone else and back: their values pass through Wendy's history.
    const intoWendy = await mergeCustomers(ctx, wendy.id, [person.id]);
    expect((await api.request('POST', `/api/merges/${intoWendy.merge_id}/undo`)).status).toBe(204);
    // Their older record merged into them for good, and someone else merged in and back out.
    const olderMerge = await mergeCustomers(ctx, person.id, [older.id]);
    const xavierMerge = await mergeCustomers(ctx, person.id, [xavier.id]);
    expect((await api.request('POST', `/api/merges/${xavierMerge.merge_id}/undo`)).status).toBe(204);

    // An import that updates them and rejects a row naming them.
    const csv = path.join(dir, `people-${engine}.csv`);
    fs.writeFileSync(csv, 'first_name,last_name,email,region\nZebedee,Quaxworth,zebedee.quaxworth@erasure.example,Wobbleton\nZebedee,Quaxworth,zebedee@@marshfield.example,Marshfield\n');
    const batch = await runImport(ctx, csv, { kind: 'customers' });
    expect(batch.counts).toMatchObject({ rejected: 1 });
    expect((await api.request('GET', `/api/customers/${person.id}`)).body.customer.region).toBe('Wobbleton');

    await post('/api/interactions', { type: 'email', customer_id: person.id, subject: 'Quaxworth family', body: 'Bring the speckled hen' });
    await post('/api/tasks', { title: 'Call back', notes: 'Ask about the plover', customer_id: person.id });
    const deleted = await post('/api/interactions', { type: 'call', customer_id: person.id, body: 'Spotted a grebe' });
    expect((await api.request('DELETE', `/api/interactions/${deleted.id}`)).status).toBe(204);
    const order = await post('/api/orders', { customer_id: person.id, ordered_at: '2026-01-15', total: 40, notes: 'Gift wrap please' });

    // The GDPR export holds every value before the erase (not the rejected row, which is not theirs yet, nor a deleted interaction).
    const exportBody = (await api.request('GET', `/api/customers/${person.id}/export`)).body;
    for (const f of [...customerEntity.fields.filter(isPersonal).map((f) => f.name), 'loft_code', 'sources']) expect(exportBody.customer, f).toHaveProperty(f);
    for (const [list, entity] of [
      ['orders', orderEntity],
      ['interactions', interactionEntity],
      ['tasks', taskEntity],
    ] as const) {
      for (const f of entity.fields.filter(isPersonal)) expect(exportBody[list][0], `${list}.${f.name}`).toHaveProperty(f.name);
    }
    expect(exportBody.merged_records.map((r: { id: string }) => r.id)).toEqual([older.id]);
    const exported = JSON.stringify(exportBody).toLowerCase();
    for (const needle of needles.filter((n) => n !== 'marshfield' && n !== 'grebe')) expect(exported, needle).toContain(needle);
    expect((await findNeedles(ctx.database)).length).toBeGreaterThan(10);
    if (engine === 'mysql') expect(await fullTextWords(ctx.database)).toContain('quaxworth');

    expect((await api.request('DELETE', '/api/customers/cus_00000000000000000000000000?erase=true')).status).toBe(404);
    expect((await api.request('DELETE', `/api/customers/${person.id}?erase=true`)).status).toBe(204);

    // Undos that would restore their data are refused, with a reason.
    const undoMerge = await api.request('POST', `/api/merges/${olderMerge.merge_id}/undo`);
    expect(undoMerge.status).toBe(409);
    expect(undoMerge.body.error.message).toMatch(/erased/);
    const undoImport = await api.request('POST', `/api/imports/${batch.id}/undo`);
    expect(undoImport.status).toBe(409);
    expect(undoImport.body.error.message).toMatch(/erased/);

    expect(await findNeedles(ctx.database)).toEqual([]);
    if (engine === 'sqlite') expect(needlesInFiles(ctx.database.sqlitePath!)).toEqual([]);
    if (engine === 'mysql') expect(await fullTextWords(ctx.database)).toEqual([]);

    // What stays: the row (marked erased), the order for the accounts, Wendy and Xavier, and an audit entry without personal data.
    const erased = (await api.request('GET', `/api/customers/${person.id}`)).body.customer;
    expect(erased.erased_at).toBeTruthy();
    expect(erased.revenue).toBe(55);
    expect((await api.request('GET', `/api/orders/${order.id}`)).body).toMatchObject({ total: 40, notes: null });
    expect((await api.request('GET', `/api/customers/${wendy.id}`)).body.customer.email).toBe('wendy@other.example');
    expect((await api.request('GET', `/api/customers/${xavier.id}`)).body.customer.email).toBe('xavier@else.example');
    const audit = (await api.request('GET', `/api/audit?entity_id=${person.id}`)).body.data;
    expect(audit[0].action).toBe('erase');
    expect((await api.request('GET', '/api/customers?q=quaxworth')).body.data).toEqual([]);
    const errors = await api.request('GET', `/api/imports/${batch.id}/errors.csv`);
    expect(errors.status).toBe(200);
    expect(errors.body.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
