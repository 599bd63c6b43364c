import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

export type ColumnSpec = [name: string, type: string, constraints?: string];

/** Small DDL helpers so one migration text serves SQLite, PostgreSQL and MySQL. */
export function ddl(db: Kysely<any>, dialect: DialectName) {
  const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  return {
    q,
    /**
     * CREATE TABLE from [name, type, constraints]; foreign keys go at table level (MySQL ignores them on a
     * column). `withoutRowid` makes a SQLite table with a primary key store its rows in that key's order.
     */
    async table(name: string, columns: ColumnSpec[], extra: string[] = [], options: { withoutRowid?: boolean } = {}) {
      const foreignKeys: string[] = [];
      const defs = columns.map(([column, type, constraints = '']) => {
        const [own, reference] = constraints.split(/\s*(?=REFERENCES)/);
        if (reference) foreignKeys.push(`FOREIGN KEY (${q(column)}) ${reference}`);
        return `${q(column)} ${type}${own ? ' ' + own : ''}`;
      });
      const suffix = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : dialect === 'sqlite' && options.withoutRowid ? ' WITHOUT ROWID' : '';
      await sql.raw(`CREATE TABLE ${q(name)} (${[...defs, ...extra, ...foreignKeys].join(', ')})${suffix}`).execute(db);
    },
    async index(table: string, columns: string[], unique = false) {
      let builder = db.schema
        .createIndex(`${table}_${columns.join('_')}_${unique ? 'uq' : 'ix'}`)
        .on(table)
        .columns(columns);
      if (unique) builder = builder.unique();
      await builder.execute();
    },
    async addColumn(table: string, column: string, type: string) {
      await sql.raw(`ALTER TABLE ${q(table)} ADD COLUMN ${q(column)} ${type}`).execute(db);
    },
  };
}
