import { foreignKeyEdges } from '../core/dialect.js';
import type { Db } from '../core/database.js';

/** Tables ordered so that every table comes after the tables it references. */
export async function foreignKeyOrder(db: Db, tables: string[]): Promise<string[]> {
  const refs = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of await foreignKeyEdges(db, tables)) if (child !== parent && refs.has(child) && refs.has(parent)) refs.get(child)!.add(parent);
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
