import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/database.js';
import { engines, freshDatabase, type TestDatabase } from '../test/engines.js';
import { entities } from './entities.js';
import { columnOf } from './fields.js';
import { dataTables, personalTables, tableRole } from './personal-data.js';

async function schemaTables(database: Database): Promise<string[]> {
  const q =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : database.dialect === 'postgres'
        ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
        : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = database()`;
  return (await q.execute(database.db)).rows.map((r) => r.name);
}

async function columnsOf(database: Database, table: string): Promise<string[]> {
  if (database.dialect === 'sqlite') return (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(database.db)).rows.map((r) => r.name);
  const schema = database.dialect === 'postgres' ? sql`current_schema()` : sql`database()`;
  return (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = ${schema} and table_name = ${table}`.execute(database.db)).rows.map(
    (r) => r.name,
  );
}

describe('the personal-data registry', () => {
  it('says of every built-in field whether it holds personal data', () => {
    const unsaid = Object.values(entities).flatMap((e) => e.fields.filter((f) => typeof f.personal !== 'boolean').map((f) => `${e.name}.${f.name}`));
    expect(unsaid).toEqual([]);
  });

  it('names the entity of each entity table and marks personal the tables whose entity has personal fields', () => {
    for (const e of Object.values(entities)) {
      const role = tableRole(e.table);
      expect(role, e.table).toBeDefined();
      expect(role!.entity, e.table).toBe(e.name);
      expect(role!.holds === 'personal', e.table).toBe(e.fields.some((f) => f.personal));
    }
    expect(personalTables).toContain('customers');
  });
});

const seen = new Set<string>();

describe.each(engines)('every table of the migrated schema on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  }, 180_000);
  afterAll(async () => t?.drop());

  it('is classified as holding personal data (and how an erase removes it) or as holding none', async () => {
    const tables = (await schemaTables(t.database)).filter((name) => !name.startsWith('rapport_t_'));
    for (const name of tables) seen.add(name);
    expect(tables.filter((name) => !tableRole(name))).toEqual([]);
  });

  it('has, in each entity table, only columns the field registry or the table entry accounts for', async () => {
    for (const e of Object.values(entities)) {
      const role = tableRole(e.table)!;
      const known = new Set([...e.fields.map(columnOf).filter((c): c is string => c !== null), ...Object.keys(role.otherColumns ?? {})]);
      // Custom fields are columns too; they count as personal (see isPersonal).
      const unknown = (await columnsOf(t.database, e.table)).filter((c) => !known.has(c) && !c.startsWith('cf_'));
      expect(unknown, e.table).toEqual([]);
    }
  });
});

describe('the registry itself', () => {
  it('names no table that none of the engines has', () => {
    // Runs after the engine suites above (vitest keeps file order), which record the tables they saw.
    expect(seen.size).toBeGreaterThan(0);
    expect(Object.keys(dataTables).filter((name) => !seen.has(name))).toEqual([]);
  });
});
