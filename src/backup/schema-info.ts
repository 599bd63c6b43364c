import { sql } from 'kysely';
import type { Database, Db, DialectName } from '../core/database.js';

/** Tables Rapport owns in the database, found at run time so tables added by later migrations are included. */
export async function listTables(db: Db, dialect: DialectName): Promise<string[]> {
  let names: string[];
  if (dialect === 'sqlite') {
    const rows = (await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table'`.execute(db)).rows;
    const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
    names = rows.map((r) => r.name).filter((n) => !n.startsWith('sqlite_') && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  } else if (dialect === 'postgres') {
    names = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  } else {
    names = (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = database() AND table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  }
  return names.filter((n) => !n.startsWith('kysely_')).sort();
}

/** Writable columns of a table in definition order (generated columns left out). */
export async function listColumns(db: Db, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    return (await sql<{ name: string; hidden: number }>`SELECT name, hidden FROM pragma_table_xinfo(${table})`.execute(db)).rows.filter((r) => r.hidden === 0).map((r) => r.name);
  }
  if (dialect === 'postgres') {
    return (
      await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(db)
    ).rows.map((r) => r.name);
  }
  return (
    await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = database() AND table_name = ${table} AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position`.execute(db)
  ).rows.map((r) => r.name);
}

/** Primary-key columns, used to read a table in a stable order page by page. */
export async function primaryKey(db: Db, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = (await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(db)).rows;
    return rows.map((r) => r.name);
  }
  if (dialect === 'postgres') {
    return (
      await sql<{ name: string }>`SELECT k.column_name AS name FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.table_name = ${table} AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`.execute(db)
    ).rows.map((r) => r.name);
  }
  return (
    await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.key_column_usage WHERE table_schema = database() AND table_name = ${table} AND constraint_name = 'PRIMARY' ORDER BY ordinal_position`.execute(db)
  ).rows.map((r) => r.name);
}

/** Tables ordered so that every table comes after the tables it references. */
export async function foreignKeyOrder(db: Db, dialect: DialectName, tables: string[]): Promise<string[]> {
  const refs = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  let edges: { child: string; parent: string }[];
  if (dialect === 'sqlite') {
    edges = [];
    for (const t of tables) {
      for (const r of (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${t})`.execute(db)).rows) edges.push({ child: t, parent: r.table });
    }
  } else if (dialect === 'postgres') {
    edges = (
      await sql<{ child: string; parent: string }>`SELECT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`.execute(db)
    ).rows;
  } else {
    edges = (
      await sql<{ child: string; parent: string }>`SELECT table_name AS child, referenced_table_name AS parent FROM information_schema.key_column_usage
        WHERE table_schema = database() AND referenced_table_name IS NOT NULL`.execute(db)
    ).rows;
  }
  for (const { child, parent } of edges) if (child !== parent && refs.has(child) && refs.has(parent)) refs.get(child)!.add(parent);
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done' || state.get(t) === 'visiting') return;
    state.set(t, 'visiting');
    for (const p of [...refs.get(t)!].sort()) visit(p);
    state.set(t, 'done');
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t);
  return out;
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  return (await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((r) => r.name as string);
}

export function quoteIdent(dialect: DialectName, name: string): string {
  return dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

export type { Database };
