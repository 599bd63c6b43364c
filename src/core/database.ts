import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  MysqlAdapter,
  MysqlDialect,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Kysely as KyselyT,
  type SqliteDialectConfig,
} from 'kysely';
import type pgTypes from 'pg';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

/**
 * Rows are shaped by the field registry at run time (custom fields are real columns), so the
 * query builder is untyped here and the domain services give rows their types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = KyselyT<any>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Where the SQLite file lives; undefined on server engines. */
  sqlitePath?: string;
  /** The raw SQLite handle, for online backups. */
  sqlite?: SqliteDatabase.Database;
  /**
   * PostgreSQL only: a connection of its own that LISTENs on `channel` and calls `onNotify` for each
   * NOTIFY (delivered when the notifying transaction commits) and `onLost` when it drops. Use through
   * src/core/wakeups.ts.
   */
  listen?: (channel: string, onNotify: () => void, onLost: () => void) => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function dialectOf(url: string | undefined): DialectName {
  if (!url) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  if (/^(sqlite|file):/.test(url)) return 'sqlite';
  throw new Error(`DATABASE_URL must start with postgres://, mysql:// or sqlite:, got ${url.split(':')[0]}:`);
}

/** The engine behind a connection or transaction, from its SQL adapter. */
export function engineOf(db: Db): DialectName {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter ? 'mysql' : adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface OpenOptions {
  /** DATABASE_URL; unset = SQLite file at sqlitePath. */
  url?: string;
  sqlitePath?: string;
  /**
   * SQLite: after each commit, leave the write lock free this long before the next transaction, so that
   * another connection waiting for it (the server, while the job thread imports) gets its turn.
   */
  pauseAfterCommitMs?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const dialect = dialectOf(options.url);
  if (dialect === 'sqlite') {
    const file = options.url ? options.url.replace(/^(sqlite|file):(\/\/)?/, '') : options.sqlitePath;
    if (!file) throw new Error('no SQLite path given');
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const raw = new SqliteDatabase(file);
    raw.pragma('journal_mode = WAL');
    // The database holds customers' personal data: readable by Rapport's user only. SQLite gives the
    // -wal and -shm files it creates later the main file's mode.
    if (file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, 0o600);
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
    raw.pragma('synchronous = NORMAL');
    // Deleted and overwritten content is zeroed in the page (and freed pages are cleared), so an
    // erased person's values do not linger in free space of the file (see src/core/purge.ts).
    raw.pragma('secure_delete = ON');
    // Reads go through the OS page cache by memory mapping instead of a read() call per page, and
    // SQLite keeps more of the hot index pages itself.
    raw.pragma(`mmap_size = ${sqliteMmapBytes}`);
    raw.pragma('cache_size = -65536');
    // Statement journals and transient indices are kept in memory rather than in temporary files. A
    // multi-row write inside a long transaction (an import's chunk) journals the pages it changes, for
    // its own rollback: a 100,000-order import wrote 2.3 GB through temporary files, the WAL and the
    // database, and 0.9 GB with this setting, at about the same peak memory.
    raw.pragma('temp_store = MEMORY');
    // The log file is reused rather than shrunk when it starts over; after a long run of writes (an
    // import, with checkpoints on their own thread) it is cut back to this size.
    raw.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const db = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }, raw, options.pauseAfterCommitMs ?? 0) });
    sqliteHandles.set(db, { raw, prepareRaw: statementCache(200, (source) => raw.prepare(source).raw(true)), prepare: statementCache(200, (source) => raw.prepare(source)) });
    return { db, dialect, sqlitePath: file, sqlite: raw, close: () => db.destroy() };
  }
  if (dialect === 'postgres') {
    // Server drivers load only when used, which keeps SQLite start-up (and every CLI command) quick.
    const { default: pg } = await import('pg');
    const types = {
      getTypeParser(oid: number, format?: 'text' | 'binary') {
        // bigint (count) and numeric (sum/avg) arrive as strings; the API speaks numbers.
        if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
        return pg.types.getTypeParser(oid, format as 'text');
      },
    };
    const pool = new pg.Pool({ connectionString: options.url, max: 10, types: types as pgTypes.CustomTypesConfig });
    // An idle connection the server closes (restart, failover, admin) is dropped from the pool and
    // replaced on the next query; without a listener the pool's 'error' event would end the process.
    pool.on('error', () => {});
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    const listen = async (channel: string, onNotify: () => void, onLost: () => void) => {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = new pg.Client({ connectionString: options.url });
      let ended = false;
      const lost = () => {
        if (!ended) onLost();
        ended = true;
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => n.channel === channel && onNotify());
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return async () => {
        ended = true;
        await client.end().catch(() => undefined);
      };
    };
    return { db, dialect, listen, close: () => db.destroy() };
  }
  const { default: mysql } = await import('mysql2');
  const pool = mysql.createPool({
    uri: options.url!.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: 10,
    decimalNumbers: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: true,
    charset: 'utf8mb4',
    timezone: 'Z',
  });
  const db = new Kysely<any>({ dialect: new MysqlDialect({ pool }) });
  return { db, dialect, close: () => db.destroy() };
}

type Statement = SqliteDatabase.Statement;

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at BEGIN, waiting (busy_timeout) while
 * another connection writes. A deferred transaction that reads first and then writes fails at once with
 * "database is locked" when another connection (the job thread, a CLI import) committed in between,
 * which no waiting can cure.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    settings: SqliteDialectConfig,
    private readonly raw: SqliteDatabase.Database,
    private readonly pauseAfterCommitMs: number,
  ) {
    super(settings);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    return { executeQuery: (query) => this.withoutBlocking(() => connection.executeQuery(query)), streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize) };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    if (this.pauseAfterCommitMs > 0) await new Promise((resolve) => setTimeout(resolve, this.pauseAfterCommitMs));
  }

  /**
   * better-sqlite3 waits for a lock synchronously, holding the whole event loop (every request) until
   * another connection's transaction commits. Outside a transaction, a statement (or BEGIN) therefore
   * does not wait inside SQLite: when the database is busy it is tried again a few milliseconds later,
   * for as long as busy_timeout would have waited. Inside a transaction the lock is already held.
   */
  private async withoutBlocking<R>(run: () => Promise<R>): Promise<R> {
    if (this.raw.inTransaction) return run();
    const deadline = Date.now() + sqliteBusyTimeoutMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 8)) {
      // The statement runs synchronously inside run() (and may throw there), so the timeout is restored
      // before anything else uses the handle.
      let attempt: Promise<R>;
      this.raw.pragma('busy_timeout = 0');
      try {
        attempt = run();
      } catch (error) {
        attempt = Promise.reject(error);
      } finally {
        this.raw.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
      }
      try {
        return await attempt;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly raw: SqliteDatabase.Database,
    private readonly pauseAfterCommitMs: number,
  ) {
    super(settings);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.settings, this.raw, this.pauseAfterCommitMs);
  }
}

const sqliteBusyTimeoutMs = 10_000;

/** A bounded cache of prepared statements by SQL text; the least recently used goes first. */
function statementCache(size: number, prepare: (source: string) => Statement): (source: string) => Statement {
  const cache = new Map<string, Statement>();
  return (source) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
}

interface SqliteHandle {
  raw: SqliteDatabase.Database;
  /** Statements in raw (array) mode, by SQL text. */
  prepareRaw: (source: string) => Statement;
  /** Statements returning rows as objects, by SQL text. */
  prepare: (source: string) => Statement;
  /** The names of the indexes, as of a schema version. */
  indexes?: { version: number; names: Set<string> };
}

/** Each SQLite Kysely instance's raw handle. */
const sqliteHandles = new WeakMap<Db, SqliteHandle>();

/**
 * Whether SQLite has an index of this name. The names are read again only when the schema version
 * changes (a custom field adds an index), so a list request does not ask the catalogue each time.
 */
export async function sqliteIndexExists(db: Db, name: string): Promise<boolean> {
  const handle = sqliteHandles.get(db);
  if (!handle || handle.raw.inTransaction) {
    return !!(await db.selectFrom('sqlite_master').select('name').where('type', '=', 'index').where('name', '=', name).executeTakeFirst());
  }
  const version = handle.prepareRaw('pragma schema_version').get() as [number];
  if (handle.indexes?.version !== version[0]) {
    const names = handle.prepareRaw("select name from sqlite_master where type = 'index'").all() as [string][];
    handle.indexes = { version: version[0], names: new Set(names.map(([n]) => n)) };
  }
  return handle.indexes.names.has(name);
}

/**
 * Runs a compiled read on SQLite in raw mode (each row an array in column order), which spares
 * better-sqlite3 building an object per row. Only for `db` itself outside any transaction (inside
 * one, the read must wait its turn behind Kysely's connection lock, so the caller gets undefined
 * and runs the query through Kysely).
 */
export function readSqliteArrays(db: Db, query: { sql: string; parameters: readonly unknown[] }): { columns: string[]; rows: unknown[][] } | undefined {
  const handle = sqliteHandles.get(db);
  if (!handle || handle.raw.inTransaction) return undefined;
  const statement = handle.prepareRaw(query.sql);
  return { columns: statement.columns().map((c) => c.name), rows: statement.all(query.parameters) as unknown[][] };
}

/**
 * Runs a read and returns its rows: on SQLite outside a transaction straight from a cached prepared
 * statement, which spares a small query (a token, a page's sources) Kysely's driver round trip;
 * elsewhere through Kysely. The same rows either way.
 */
export async function readRows<R = Record<string, unknown>>(db: Db, query: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<unknown[]> }): Promise<R[]> {
  const handle = sqliteHandles.get(db);
  if (!handle || handle.raw.inTransaction) return (await query.execute()) as R[];
  const compiled = query.compile();
  return handle.prepare(compiled.sql).all(compiled.parameters) as R[];
}

const sqliteMmapBytes = 16 * 1024 ** 3;

/**
 * Kysely prepares every query afresh; better-sqlite3 statements can be reused, and preparing costs
 * as much as running a small query. Kysely runs one query at a time on the SQLite connection, so a
 * cached statement is never in use twice at once. SQLite re-prepares a statement by itself after a
 * schema change (a custom field's new column included).
 */
function withStatementCache(raw: SqliteDatabase.Database, size = 500): { close(): void; prepare(source: string): Statement } {
  return { prepare: statementCache(size, (source) => raw.prepare(source)), close: () => raw.close() };
}

/** Column types that differ between engines, used by migrations and custom fields. */
export function columnTypes(dialect: DialectName) {
  return {
    id: dialect === 'postgres' ? 'varchar(40) COLLATE "C"' : 'varchar(40)',
    // Byte-order collation on PostgreSQL, as SQLite and MySQL (utf8mb4_bin) compare, so that sorting
    // and cursors give the same pages on all three engines.
    shortText: dialect === 'postgres' ? 'varchar(255) COLLATE "C"' : 'varchar(255)',
    longText: dialect === 'mysql' ? 'mediumtext' : dialect === 'postgres' ? 'text COLLATE "C"' : 'text',
    timestamp: dialect === 'postgres' ? 'varchar(32) COLLATE "C"' : 'varchar(32)',
    date: dialect === 'postgres' ? 'varchar(10) COLLATE "C"' : 'varchar(10)',
    real: dialect === 'postgres' ? 'double precision' : dialect === 'mysql' ? 'double' : 'real',
    integer: 'integer',
    boolean: dialect === 'sqlite' ? 'integer' : 'boolean',
  } as const;
}

/** Booleans arrive as true/false (PostgreSQL) or 1/0 (SQLite, MySQL). */
export function toBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1' || value === 't';
}

/** pg/mysql may return aggregates as strings; the data layer hands out numbers. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export async function ping(db: Db): Promise<void> {
  // On SQLite straight on the handle: a health check does not queue behind a write waiting for the lock.
  const handle = sqliteHandles.get(db);
  if (handle && !handle.raw.inTransaction) handle.prepareRaw('select 1').get();
  else await sql`select 1`.execute(db);
}
