import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db, DialectName } from './database.js';
import { traitsOf } from './dialect.js';
import { words } from './text.js';

/** The tables with a full-text index (FTS5 table, tsvector or FULLTEXT): customers, by search_text. */
export const fullTextTables = ['customers'] as const;

/** MySQL's InnoDB full-text index skips words shorter than innodb_ft_min_token_size (3). */
const mysqlMinToken = 3;

/**
 * Customers whose search document has, for every query word, a word starting with it.
 * The document is built by `searchDocument`, so the three engines see the same words and
 * return the same rows: FTS5 on SQLite, a tsvector on PostgreSQL, FULLTEXT on MySQL.
 */
export function customerSearch(dialect: DialectName, query: string): ((eb: ExpressionBuilder<any, any>) => Expression<SqlBool>) | null {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return null;
  return (eb) => {
    if (dialect === 'sqlite') return sql<SqlBool>`customers.seq in (select rowid from customers_fts where customers_fts match ${ftsMatch(tokens)})`;
    if (dialect === 'postgres') {
      const tsquery = tokens.map((t) => `${t}:*`).join(' & ');
      return sql<SqlBool>`search_vector @@ to_tsquery('simple', ${tsquery})`;
    }
    const long = tokens.filter((t) => t.length >= mysqlMinToken);
    const short = tokens.filter((t) => t.length < mysqlMinToken);
    const conditions: Expression<SqlBool>[] = [];
    if (long.length) conditions.push(sql<SqlBool>`match(search_text) against (${long.map((t) => `+${t}*`).join(' ')} in boolean mode)`);
    for (const t of short) conditions.push(sql<SqlBool>`concat(' ', search_text) like ${'% ' + t + '%'}`);
    return eb.and(conditions);
  };
}

function searchTokens(query: string): string[] {
  return [...new Set(words(query))].slice(0, 8);
}

const ftsMatch = (tokens: string[]) => tokens.map((t) => `"${t}"*`).join(' ');

/**
 * SQLite only, for a search with no other condition in newest-first order: the newest `limit`
 * matches straight from the full-text index, which walks its row ids backwards and stops early, so a
 * broad word ("mar" matches every Maria, Mark and Martin) costs no more than a rare one.
 */
export function newestCustomerMatches(query: string, limit: number, beforeSeq?: number): ((eb: ExpressionBuilder<any, any>) => Expression<SqlBool>) | null {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return null;
  const before = beforeSeq === undefined ? sql`` : sql` and rowid < ${beforeSeq}`;
  return () => sql<SqlBool>`customers.seq in (select rowid from customers_fts where customers_fts match ${ftsMatch(tokens)}${before} order by rowid desc limit ${limit})`;
}

const insertTrigger = 'customers_fts_ai';

/**
 * Runs `write` (which inserts customers) with the customers' full-text index filled once for
 * all the rows it inserted. On SQLite a trigger indexes each inserted row, and FTS5 writes out
 * its pending terms at every statement, so row-at-a-time inserts cost a segment each; here the
 * trigger is set aside, the new rows are indexed with one INSERT ... SELECT and the trigger is
 * put back, all in the caller's transaction: other connections never see it missing, and a
 * rollback restores it. The stored index is the same as the trigger's. Other engines index
 * the search text themselves, so `write` just runs.
 */
export async function withBulkSearchIndex<T>(trx: Db, database: Database, write: () => Promise<T>): Promise<T> {
  if (!traitsOf(database.dialect).searchIndexByTrigger) return write();
  const trigger = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ${insertTrigger}`.execute(trx)).rows[0];
  if (!trigger) return write();
  const { last } = (await sql<{ last: number }>`SELECT coalesce(max(seq), 0) AS last FROM customers`.execute(trx)).rows[0];
  await sql`DROP TRIGGER ${sql.id(insertTrigger)}`.execute(trx);
  const result = await write();
  await sql`INSERT INTO customers_fts (rowid, search_text) SELECT seq, search_text FROM customers WHERE seq > ${last}`.execute(trx);
  await sql.raw(trigger.sql).execute(trx);
  return result;
}
