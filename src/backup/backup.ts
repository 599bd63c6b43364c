import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database, Db, DialectName } from '../core/database.js';
import { invalid } from '../core/errors.js';
import { addCustomFieldColumn, dropCustomFieldColumn } from '../fields/custom-fields.js';
import { rebuildReportRollupsIn } from '../reports/rollups.js';
import { entities } from '../schema/entities.js';
import { appliedMigrations, foreignKeyOrder } from './schema-info.js';
import { renewSchemaStamp } from '../core/schema-stamp.js';
import { listColumns, listTables, primaryKey, snapshotTransaction, traitsOf, withForeignKeysDeferred } from '../core/dialect.js';

const backupFormat = 'rapport-backup';
const backupVersion = 1;

interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

/** The first line of a JSON backup. */
interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  dialect: string;
  created_at: string;
  migrations: string[];
  tables: BackupTable[];
}

interface BackupProgress {
  done: number;
  total: number;
  /** What `done` and `total` count: database pages (SQLite file copies) or rows. */
  unit: 'pages' | 'rows';
  table?: string;
}

export interface BackupOptions {
  /** `sqlite` (a consistent copy of the database file; SQLite only) or `json` (every engine). Default: sqlite on SQLite, json elsewhere. */
  format?: 'sqlite' | 'json';
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  file: string;
  format: 'sqlite' | 'json';
  tables: { name: string; rows: number }[];
}

const pageRows = 2000;

/**
 * The reports' rollups and cache follow from the other tables (some through triggers that fire while
 * customers are written back): a restore rebuilds them from the restored rows instead of copying them,
 * which also fills them for backups made before they existed.
 */
const isDerived = (table: string) => table.startsWith('report_');

/**
 * Sign-in secrets and state: the owner's password hash, sessions, API tokens, login limits. A backup
 * never holds them (a lost backup file gives no way in, and an old one cannot revive a revoked token
 * or a signed-out session), and a restore keeps the database's current ones.
 */
const credentialTables: ReadonlySet<string> = new Set(['users', 'sessions', 'api_tokens', 'login_attempts', 'login_clients', 'auth_claims']);

const sqliteMagic = 'SQLite format 3\0';

async function countRows(db: Db, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Booleans travel as 1/0, which all three engines accept for their boolean columns. */
function portable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value;
}

async function writeChunk(out: fs.WriteStream, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes a backup of the whole database to `file` (through a temporary file, so `file` is only
 * replaced by a complete backup). On SQLite the online backup API copies the live database
 * safely while the server keeps running; the JSON form reads every table in one snapshot.
 */
export async function backupDatabase(database: Database, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const format = options.format ?? (database.sqlite ? 'sqlite' : 'json');
  if (format === 'sqlite' && !database.sqlite) throw invalid('a SQLite file backup needs a SQLite database; use --format json on PostgreSQL and MySQL');
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.partial-${process.pid}`;
  try {
    let tables: { name: string; rows: number }[];
    if (format === 'sqlite') {
      await database.sqlite!.backup(temporary, {
        progress({ totalPages, remainingPages }) {
          options.onProgress?.({ done: totalPages - remainingPages, total: totalPages, unit: 'pages' });
          return 2000;
        },
      });
      // The copy carries the live file's WAL mode; a backup is better as one self-contained file.
      const copy = new SqliteDatabase(temporary);
      try {
        copy.pragma('journal_mode = DELETE');
        // Overwrites the deleted secrets' bytes in the file, not only unlinks them.
        copy.pragma('secure_delete = ON');
        copy.pragma('foreign_keys = OFF');
        const present = new Set((copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
        for (const table of credentialTables) if (present.has(table)) copy.exec(`DELETE FROM "${table}"`);
        tables = sqliteTableCounts(copy);
      } finally {
        copy.close();
      }
    } else {
      const out = fs.createWriteStream(temporary, { encoding: 'utf8', mode: 0o600 });
      const closed = new Promise<void>((resolve, reject) => {
        out.on('close', resolve);
        out.on('error', reject);
      });
      try {
        tables = await writeJsonBackup(database, (text) => writeChunk(out, text), options);
      } finally {
        out.end();
        await closed;
      }
    }
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, target);
    return { file: target, format, tables };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temporary + suffix, { force: true });
    throw error;
  }
}

/**
 * A connection that reads one consistent snapshot without holding up the server's own: on SQLite a
 * second, read-only connection to the file (the WAL lets it read while the server writes); on
 * PostgreSQL and MySQL the pool itself, one connection of which the snapshot's transaction takes.
 */
function snapshotSource(database: Database): { db: Db; close(): Promise<void> } {
  if (!database.sqlite || !database.sqlitePath || database.sqlitePath === ':memory:') return { db: database.db, close: async () => {} };
  const raw = new SqliteDatabase(database.sqlitePath, { readonly: true, fileMustExist: true });
  raw.pragma('busy_timeout = 10000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, close: () => db.destroy() };
}

/**
 * Writes a JSON backup (a header line, then one line per row) through `write`, from one snapshot.
 * Credential tables are left out. `write` may throw to stop (a download whose client went away).
 */
export async function writeJsonBackup(database: Database, write: (text: string) => Promise<void>, options: Pick<BackupOptions, 'onProgress'> = {}): Promise<{ name: string; rows: number }[]> {
  const source = snapshotSource(database);
  try {
    // One snapshot for the header's counts and every row that follows.
    return await snapshotTransaction(source.db).execute(async (trx) => {
      const all = await listTables(trx);
      const names = (await foreignKeyOrder(trx, all)).filter((t) => !credentialTables.has(t));
      const header: BackupHeader = {
        format: backupFormat,
        version: backupVersion,
        dialect: database.dialect,
        created_at: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables: [],
      };
      for (const name of names) header.tables.push({ name, columns: await listColumns(trx, name), rows: await countRows(trx, name) });
      await write(JSON.stringify(header) + '\n');
      const total = header.tables.reduce((s, t) => s + t.rows, 0);
      let done = 0;
      for (const table of header.tables) {
        const key = await primaryKey(trx, table.name);
        const order = key.length ? key : table.columns;
        let last: unknown[] | null = null;
        let offset = 0;
        for (;;) {
          let q = trx.selectFrom(table.name).select(table.columns.map((c) => sql.ref(c).as(c)));
          if (last && key.length) {
            const after = last;
            q = q.where(sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(after)})`);
          } else if (last) {
            q = q.offset(offset);
          }
          for (const c of order) q = q.orderBy(sql.ref(c));
          const rows = await q.limit(pageRows).execute();
          if (rows.length === 0) break;
          let text = '';
          for (const row of rows) text += JSON.stringify([table.name, table.columns.map((c) => portable(row[c]))]) + '\n';
          await write(text);
          done += rows.length;
          offset += rows.length;
          options.onProgress?.({ done, total, unit: 'rows', table: table.name });
          const lastRow = rows[rows.length - 1];
          last = key.map((k) => lastRow[k]);
          if (rows.length < pageRows) break;
        }
      }
      return header.tables.map((t) => ({ name: t.name, rows: t.rows }));
    });
  } finally {
    await source.close();
  }
}

function sqliteTableCounts(db: SqliteDatabase.Database): { name: string; rows: number }[] {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('sqlite_') && !n.startsWith('kysely_') && !virtual.some((v) => n === v || n.startsWith(`${v}_`)))
    .sort()
    .map((name) => ({ name, rows: Number((db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n) }));
}

export interface BackupInfo {
  format: 'sqlite' | 'json';
  dialect: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  /** JSON backups: the header, with each table's columns. */
  header?: BackupHeader;
  /** JSON backups: the custom fields the backup declares. */
  customFields?: { entity: string; name: string; type: string }[];
}

/** Reads a backup file and checks it is whole: SQLite integrity and Rapport's tables, or the JSON header against its rows. */
export async function inspectBackup(file: string): Promise<BackupInfo> {
  if (!fs.existsSync(file)) throw invalid(`backup file ${file} does not exist`);
  const fd = fs.openSync(file, 'r');
  const start = Buffer.alloc(16);
  fs.readSync(fd, start, 0, 16, 0);
  fs.closeSync(fd);
  if (start.toString('latin1') === sqliteMagic) return inspectSqliteBackup(file);
  return inspectJsonBackup(file);
}

function inspectSqliteBackup(file: string): BackupInfo {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw invalid(`${file} is not a readable SQLite database: ${(e as Error).message}`);
  }
  try {
    const check = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok')
      throw invalid(
        `${file} failed the integrity check: ${check
          .slice(0, 3)
          .map((c) => c.integrity_check)
          .join('; ')}`,
      );
    const names = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    for (const required of ['kysely_migration', 'customers', 'orders', 'custom_fields']) {
      if (!names.has(required)) throw invalid(`${file} is not a Rapport backup: it has no ${required} table`);
    }
    const migrations = (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    const customFields = db.prepare('SELECT entity, name, type FROM custom_fields').all() as { entity: string; name: string; type: string }[];
    return { format: 'sqlite', dialect: 'sqlite', migrations, tables: sqliteTableCounts(db), customFields };
  } finally {
    db.close();
  }
}

/** Every line of a JSON backup after the header, parsed. */
async function* jsonRows(file: string): AsyncGenerator<{ line: number; table: string; values: unknown[] }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (n === 1 || text === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalid(`backup line ${n} is not valid JSON`);
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || !Array.isArray(parsed[1])) throw invalid(`backup line ${n} is not a table row`);
    yield { line: n, table: parsed[0], values: parsed[1] };
  }
}

async function readHeader(file: string): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let first: string | undefined;
  for await (const text of lines) {
    first = text;
    break;
  }
  lines.close();
  let header: BackupHeader;
  try {
    header = JSON.parse(first ?? '');
  } catch {
    throw invalid(`${file} is neither a SQLite database nor a Rapport JSON backup`);
  }
  if (header?.format !== backupFormat) throw invalid(`${file} is not a Rapport backup (format is ${JSON.stringify(header?.format ?? null)})`);
  if (header.version !== backupVersion) throw invalid(`${file} is a version ${header.version} backup; this Rapport reads version ${backupVersion}`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw invalid(`${file} has an incomplete header`);
  for (const t of header.tables) {
    if (typeof t?.name !== 'string' || !Array.isArray(t.columns) || !Number.isInteger(t.rows)) throw invalid(`${file} has an incomplete header`);
  }
  return header;
}

async function inspectJsonBackup(file: string): Promise<BackupInfo> {
  const header = await readHeader(file);
  const byName = new Map(header.tables.map((t) => [t.name, t]));
  const counts = new Map<string, number>();
  const customFields: { entity: string; name: string; type: string }[] = [];
  const cf = byName.get('custom_fields');
  for await (const { line, table, values } of jsonRows(file)) {
    const def = byName.get(table);
    if (!def) throw invalid(`backup line ${line} belongs to table ${table}, which the header does not list`);
    if (values.length !== def.columns.length) throw invalid(`backup line ${line} has ${values.length} values; ${table} has ${def.columns.length} columns`);
    counts.set(table, (counts.get(table) ?? 0) + 1);
    if (cf && table === 'custom_fields') {
      const row = Object.fromEntries(cf.columns.map((c, i) => [c, values[i]]));
      customFields.push({ entity: String(row.entity), name: String(row.name), type: String(row.type) });
    }
  }
  for (const t of header.tables) {
    const found = counts.get(t.name) ?? 0;
    if (found !== t.rows) throw invalid(`backup is incomplete: ${t.name} has ${found} rows, the header says ${t.rows}`);
  }
  return { format: 'json', dialect: header.dialect, migrations: header.migrations, tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })), header, customFields };
}

export interface RestoreOptions {
  onProgress?: (progress: BackupProgress) => void;
}

type DeclaredField = { entity: string; name: string; type: string };

/**
 * Replaces every row of the database with the backup's, after checking the backup, and leaves the
 * database exactly as it was when anything fails. Sign-in data (the owner's password, sessions, API
 * tokens, login limits) is neither read from the backup nor replaced: the current credentials stay.
 *
 * Custom fields are real columns, so a restore may add and drop columns too. On SQLite and PostgreSQL
 * the columns change inside the restore's one transaction. MySQL commits DDL by itself, so there the
 * backup's missing columns are added first (empty), the rows are replaced in one transaction, and only
 * once it has committed are the columns the backup does not declare dropped; a failure drops the
 * columns it added and so leaves the schema and every value as they were.
 */
export async function restoreDatabase(database: Database, file: string, options: RestoreOptions = {}): Promise<BackupInfo> {
  const info = await inspectBackup(file);
  if (info.format === 'sqlite' && !database.sqlite) throw invalid('a SQLite backup can only be restored into SQLite; make a JSON backup (rapport backup FILE --format json) to move between engines');
  const known = new Set(await appliedMigrations(database.db));
  const unknown = info.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw invalid(`the backup comes from a newer Rapport (migrations ${unknown.join(', ')}); upgrade Rapport first`);
  const targetTables = await listTables(database.db);
  const missing = info.tables.map((t) => t.name).filter((t) => !targetTables.includes(t) && !isDerived(t) && !credentialTables.has(t));
  if (missing.length) throw invalid(`the backup has tables this database lacks: ${missing.join(', ')}`);
  const fields = info.customFields ?? [];
  const replace = (prepare: (trx: Db) => Promise<unknown>) =>
    info.format === 'sqlite' ? restoreSqliteFile(database, file, info, prepare, options) : restoreJson(database, file, info, prepare, options);
  if (traitsOf(database.dialect).transactionalDdl) {
    await replace((trx) => syncCustomFieldColumns(trx, database.dialect, fields, { add: true, drop: true }));
    await renewSchemaStamp(database.db);
    return info;
  }
  const added = await syncCustomFieldColumns(database.db, database.dialect, fields, { add: true, drop: false });
  try {
    await replace(async () => {});
  } catch (error) {
    for (const { table, column } of added) await dropCustomFieldColumn(database.db, table, column);
    throw error;
  }
  await syncCustomFieldColumns(database.db, database.dialect, fields, { add: false, drop: true });
  await renewSchemaStamp(database.db);
  return info;
}

/**
 * Makes the custom-field columns match the fields a backup declares: adds those it lacks, drops those
 * the backup does not have (each as asked). Returns the columns it added.
 */
async function syncCustomFieldColumns(db: Db, dialect: DialectName, fields: DeclaredField[], what: { add: boolean; drop: boolean }): Promise<{ table: string; column: string }[]> {
  const added: { table: string; column: string }[] = [];
  for (const entity of Object.values(entities).filter((e) => e.customFields)) {
    const wanted = new Map(fields.filter((f) => f.entity === entity.name).map((f) => [`cf_${f.name}`, f.type]));
    const present = (await listColumns(db, entity.table)).filter((c) => c.startsWith('cf_'));
    if (what.drop) for (const column of present) if (!wanted.has(column)) await dropCustomFieldColumn(db, entity.table, column);
    if (!what.add) continue;
    for (const [column, type] of wanted) {
      if (present.includes(column)) continue;
      await addCustomFieldColumn(db, dialect, entity.table, column, type);
      added.push({ table: entity.table, column });
    }
  }
  return added;
}

/** The tables a restore replaces, parents first, and each one's columns (read after the columns are synced). */
async function restorePlan(trx: Db): Promise<{ order: string[]; columns: Map<string, string[]> }> {
  const order = (await foreignKeyOrder(trx, await listTables(trx))).filter((t) => !credentialTables.has(t));
  const columns = new Map<string, string[]>();
  for (const t of order) columns.set(t, await listColumns(trx, t));
  return { order, columns };
}

/** Runs `fn` with the full-text insert/delete triggers off, then rebuilds the index once. */
function withoutSearchTriggers(raw: SqliteDatabase.Database, fn: () => void) {
  const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' AND sql LIKE '%customers_fts%'`).all() as { name: string; sql: string }[];
  for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
  fn();
  for (const t of triggers) raw.exec(t.sql);
  if (triggers.length) raw.exec(`INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')`);
}

async function restoreSqliteFile(database: Database, file: string, info: BackupInfo, prepare: (trx: Db) => Promise<unknown>, options: RestoreOptions) {
  const raw = database.sqlite!;
  raw.prepare('ATTACH DATABASE ? AS rapport_restore').run(path.resolve(file));
  try {
    const total = info.tables.reduce((s, t) => s + t.rows, 0);
    const inBackup = new Map(info.tables.map((t) => [t.name, t.rows]));
    let done = 0;
    // One transaction on the one SQLite connection: the column changes, the raw statements and the
    // rebuild all share it.
    await database.db.transaction().execute(async (trx) => {
      await prepare(trx);
      const { order, columns } = await restorePlan(trx);
      raw.pragma('defer_foreign_keys = ON');
      withoutSearchTriggers(raw, () => {
        for (const table of [...order].reverse()) raw.exec(`DELETE FROM main."${table}"`);
        for (const table of order) {
          if (!inBackup.has(table) || isDerived(table)) continue;
          const source = new Set((raw.prepare(`SELECT name FROM rapport_restore.pragma_table_xinfo(?) WHERE hidden = 0`).all(table) as { name: string }[]).map((r) => r.name));
          const shared = columns
            .get(table)!
            .filter((c) => source.has(c))
            .map((c) => `"${c}"`)
            .join(', ');
          raw.exec(`INSERT INTO main."${table}" (${shared}) SELECT ${shared} FROM rapport_restore."${table}"`);
          done += inBackup.get(table)!;
          options.onProgress?.({ done, total, unit: 'rows', table });
        }
      });
      await rebuildReportRollupsIn(trx);
    });
  } finally {
    raw.exec('DETACH DATABASE rapport_restore');
  }
}

async function restoreJson(database: Database, file: string, info: BackupInfo, prepare: (trx: Db) => Promise<unknown>, options: RestoreOptions) {
  const header = info.header!;
  const total = header.tables.reduce((s, t) => s + t.rows, 0);
  const { maxParams } = traitsOf(database.dialect);
  const run = async (trx: Db) => {
    await prepare(trx);
    const { order, columns } = await restorePlan(trx);
    // Where a target column exists in the backup, the value's position in each row.
    const mapping = new Map<string, { columns: string[]; positions: number[]; chunk: number }>();
    for (const t of header.tables) {
      const target = new Set(columns.get(t.name) ?? []);
      const positions: number[] = [];
      const cols: string[] = [];
      t.columns.forEach((c, i) => {
        if (target.has(c)) {
          cols.push(c);
          positions.push(i);
        }
      });
      mapping.set(t.name, { columns: cols, positions, chunk: Math.max(1, Math.min(1000, Math.floor(maxParams / Math.max(1, cols.length)))) });
    }
    for (const table of [...order].reverse()) await trx.deleteFrom(table).execute();
    let done = 0;
    const pending: { table: string; rows: Record<string, unknown>[] } = { table: '', rows: [] };
    const flush = async () => {
      if (pending.rows.length === 0) return;
      await trx.insertInto(pending.table).values(pending.rows).execute();
      done += pending.rows.length;
      options.onProgress?.({ done, total, unit: 'rows', table: pending.table });
      pending.rows = [];
    };
    for await (const { table, values } of jsonRows(file)) {
      // Backups made before credentials were left out still carry them: they are skipped.
      if (isDerived(table) || credentialTables.has(table)) continue;
      const m = mapping.get(table)!;
      if (pending.table !== table) {
        await flush();
        pending.table = table;
      }
      const row: Record<string, unknown> = {};
      for (let i = 0; i < m.columns.length; i++) row[m.columns[i]] = portable(values[m.positions[i]]);
      pending.rows.push(row);
      if (pending.rows.length >= m.chunk) await flush();
    }
    await flush();
    await rebuildReportRollupsIn(trx);
  };
  if (database.sqlite) {
    // Through the same single connection: the search index is rebuilt once at the end.
    const raw = database.sqlite;
    const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' AND sql LIKE '%customers_fts%'`).all() as { name: string; sql: string }[];
    await database.db.transaction().execute((trx) =>
      withForeignKeysDeferred(trx, async () => {
        for (const t of triggers) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(trx);
        await run(trx);
        for (const t of triggers) await sql.raw(t.sql).execute(trx);
        if (triggers.length) await sql.raw(`INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')`).execute(trx);
      }),
    );
  } else {
    await database.db.transaction().execute((trx) => withForeignKeysDeferred(trx, () => run(trx)));
  }
}
