import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listColumns, primaryKey } from '../core/dialect.js';
import { testApi, type TestApi } from '../test/api-client.js';
import { engines } from '../test/engines.js';
import { entities } from './entities.js';
import { columnOf, isNotNull } from './fields.js';

/**
 * The full-text index's own columns, one per engine and not part of the model: SQLite's FTS5 row key
 * (PostgreSQL's tsvector is a generated column, which listColumns leaves out; MariaDB needs none).
 */
const fullTextColumns: Record<string, Record<string, string[]>> = { sqlite: { customers: ['seq'] }, postgres: {}, mysql: {} };

/** Entities whose every NOT NULL column the registry must flag (the others' flags are checked one way only). */
const fullyFlagged = new Set(['customers', 'companies', 'products', 'orders', 'interactions', 'tasks', 'deals', 'contracts', 'quotes']);

describe.each(engines)('the field registry against the migrated schema on %s', (engine) => {
  let api: TestApi;
  let catalogue: Map<string, Map<string, { notNull: boolean }>>;
  let writable: Map<string, string[]>;
  beforeAll(async () => {
    api = await testApi(engine, {}, { jobs: false });
    const db = api.db.database.db;
    catalogue = new Map();
    writable = new Map();
    for (const table of await db.introspection.getTables()) {
      writable.set(table.name, await listColumns(db, table.name));
      const pk = new Set(await primaryKey(db, table.name));
      // A primary key never holds NULL, though SQLite reports its text keys as nullable.
      catalogue.set(table.name, new Map(table.columns.map((c) => [c.name, { notNull: !c.isNullable || pk.has(c.name) }])));
    }
  }, 120_000);
  afterAll(async () => api?.close());

  it('has a field for every column of each entity table, and a column for every stored field', () => {
    for (const entity of Object.values(entities)) {
      const columns = writable.get(entity.table);
      expect(columns, entity.table).toBeDefined();
      const fieldColumns = entity.fields.map(columnOf).filter((c): c is string => c !== null);
      const declared = [...fieldColumns, ...(entity.internalColumns ?? []), ...(fullTextColumns[engine][entity.table] ?? [])].sort();
      expect([...columns!].sort(), entity.table).toEqual(declared);
    }
  });

  it('flags NOT NULL exactly where the schema has it', () => {
    for (const entity of Object.values(entities)) {
      const columns = catalogue.get(entity.table)!;
      for (const field of entity.fields) {
        const column = columnOf(field);
        if (column === null) continue;
        // A field flagged NOT NULL must be one: sorting and keyset paging skip the NULL handling for it.
        if (isNotNull(field)) expect(columns.get(column)?.notNull, `${entity.table}.${column}`).toBe(true);
        else if (fullyFlagged.has(entity.name)) expect(columns.get(column)?.notNull, `${entity.table}.${column} is NOT NULL: flag it`).toBe(false);
      }
    }
  });

  it('pages through a sort on a nullable text column without losing the rows that have no value', async () => {
    const titles = ['Buyer', null, 'Owner', null, 'Analyst'];
    const ids: string[] = [];
    for (const [i, title] of titles.entries()) ids.push((await api.request('POST', '/api/customers', { first_name: `T${i}`, title })).body.id);
    for (const sort of ['title', '-title']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { data: { id: string }[]; next_cursor: string | null } } = await api.request(
          'GET',
          `/api/customers?sort=${sort}&limit=2&fields=id,title${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((r) => r.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...ids].sort());
    }
  });
});
