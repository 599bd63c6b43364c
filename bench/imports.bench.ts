import '../src/derived-data.js';
import { execFileSync, spawn } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { scanDuplicates } from '../src/duplicates/scan.js';
import { listBatches, type ImportBatch } from '../src/imports/batches.js';
import { chunkRows, defaultChunkSize } from '../src/imports/importer.js';
import { importCacheKib } from '../src/cli/imports.js';
import { bundleCli } from '../src/test/cli-bundle.js';

/**
 * `npm run bench -- imports`: generates a customers CSV and an order-lines CSV, imports them with
 * `rapport import` (each in its own process) and compares with `sqlite3 .import` of the same files.
 * Sizes: BENCH_IMPORT_CUSTOMERS (default 1,000,000) and BENCH_IMPORT_LINES (default 5,000,000);
 * files and databases go under BENCH_DATA_DIR (default bench/.data); BENCH_IMPORT_DEDUPE=0 skips
 * the fuzzy duplicate scan that follows.
 */
const customers = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 1_000_000);
const orderLines = Number(process.env.BENCH_IMPORT_LINES ?? 5_000_000);
const dir = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/.data', `import-${customers}-${orderLines}`);
/** BENCH_IMPORT_DEDUPE=0 leaves out the fuzzy duplicate scan after the imports. */
const dedupe = process.env.BENCH_IMPORT_DEDUPE !== '0';

// Names built from syllables, so that (as in real data) few people share a full name.
const syllables = ['an', 'be', 'ca', 'da', 'el', 'fa', 'gi', 'ho', 'in', 'jo', 'ka', 'li', 'ma', 'no', 'ol', 'pa', 'ri', 'sa', 'to', 'ul', 'va', 'wi', 'ya', 'ze'];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const first = syllables.flatMap((a) => syllables.map((b) => cap(a + b)));
const last = syllables.flatMap((a) => syllables.flatMap((b) => ['son', 'er', 'ez', 'ini'].map((c) => cap(a + b + c))));
const cities = ['London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Lisbon', 'Dublin'];

/** Deterministic CSVs: customers with contact data, and one row per order line. */
export function writeFiles(customersCsv: string, ordersCsv: string) {
  // mulberry32: a small generator with no visible patterns (an LCG repeated name pairs far too often)
  let seed = 42;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const c = fs.openSync(customersCsv, 'w');
  fs.writeSync(c, 'customer_id,first_name,last_name,email,phone,city,age,income\n');
  let buffer = '';
  for (let i = 1; i <= customers; i++) {
    const f = first[Math.floor(rnd() * first.length)];
    const l = last[Math.floor(rnd() * last.length)];
    buffer += `C${i},${f},${l},${f.toLowerCase()}.${l
      .normalize('NFKD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase()}${i}@example.com,+44 20 79${String(i % 1_000_000).padStart(6, '0')},${cities[i % cities.length]},${18 + (i % 60)},${20000 + Math.floor(rnd() * 100000)}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(c, buffer);
      buffer = '';
    }
  }
  fs.writeSync(c, buffer);
  fs.closeSync(c);
  const o = fs.openSync(ordersCsv, 'w');
  fs.writeSync(o, 'order_id,customer_id,date,sku,product,quantity,unit_price\n');
  buffer = '';
  let line = 0;
  for (let order = 1; line < orderLines; order++) {
    const customer = 1 + Math.floor(rnd() * customers);
    const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 700) * 86_400_000).toISOString().slice(0, 10);
    const lines = 1 + Math.floor(rnd() * 9);
    for (let k = 0; k < lines && line < orderLines; k++, line++) {
      const p = Math.floor(rnd() * 50);
      buffer += `O${order},C${customer},${date},SKU-${p},Product ${p},${1 + Math.floor(rnd() * 3)},${(5 + p * 1.5).toFixed(2)}\n`;
    }
    if (buffer.length > 1 << 20) {
      fs.writeSync(o, buffer);
      buffer = '';
    }
  }
  fs.writeSync(o, buffer);
  fs.closeSync(o);
}

/** CPU seconds (user + system) of a finished child, as /usr/bin/time reports them; null without it. */
function cpuOf(timeFile: string): number | null {
  if (!fs.existsSync(timeFile)) return null;
  const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(timeFile, { force: true });
  return Number.isFinite(user + system) ? user + system : null;
}

const timeCommand = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** `sqlite3 .import` of the CSV into a plain table: wall time and, with /usr/bin/time, CPU time. */
function sqliteImport(csv: string): { seconds: number; cpu: number | null } {
  const db = path.join(os.tmpdir(), `rapport-baseline-${process.pid}.db`);
  const timeFile = `${db}.time`;
  fs.rmSync(db, { force: true });
  const started = process.hrtime.bigint();
  const command = ['sqlite3', db, '.mode csv', `.import ${csv} plain`];
  if (timeCommand) execFileSync(timeCommand, ['-o', timeFile, '-f', '%U %S', ...command]);
  else execFileSync(command[0], command.slice(1));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(db, { force: true });
  return { seconds, cpu: cpuOf(timeFile) };
}

/**
 * The same customers stored by sqlite3 itself into Rapport's own schema (its indexes, full-text
 * index and source ids) with no cleaning: `.import` into a staging table, then one INSERT ... SELECT.
 * What storing the rows costs before any of Rapport's work, so the ratio above can be read apart.
 */
async function sqliteSchemaImport(csv: string): Promise<{ seconds: number; cpu: number | null }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-schema-baseline-'));
  const database = await openConfiguredDatabase(loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }));
  const db = database.sqlitePath!;
  await database.close();
  const timeFile = `${db}.time`;
  const now = new Date().toISOString();
  const store = `BEGIN;
INSERT INTO customers (id, first_name, last_name, email, email_key, emails, phone, phones, city, age, income, tags, search_text, created_at, updated_at)
  SELECT 'cus_' || customer_id, first_name, last_name, email, lower(email), json_array(email), phone, json_array(json_object('raw', phone, 'e164', '+' || replace(replace(phone, ' ', ''), '+', ''))), city, age, income, '[]',
    lower(first_name || ' ' || last_name || ' ' || replace(replace(email, '@', ' '), '.', ' ') || ' ' || replace(phone, ' ', '')), '${now}', '${now}'
  FROM staging;
INSERT INTO external_ids (entity, source, source_id, entity_id, created_at) SELECT 'customers', 'bench', customer_id, 'cus_' || customer_id, '${now}' FROM staging;
DROP TABLE staging;
COMMIT;`;
  const started = process.hrtime.bigint();
  const command = ['sqlite3', db, '.mode csv', `.import ${csv} staging`, store];
  if (timeCommand) execFileSync(timeCommand, ['-o', timeFile, '-f', '%U %S', ...command]);
  else execFileSync(command[0], command.slice(1));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuOf(timeFile);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { seconds, cpu };
}

/**
 * Every row the customer import stored (customers, their keys and source ids, audit entries, events,
 * the import's change log, the full-text index through its triggers), stored again by sqlite3 itself
 * into a fresh database of Rapport's schema: one INSERT ... SELECT per table from a copy of the
 * imported database, in one transaction. What the database alone needs for the rows the write pipe
 * must store, with no parsing, cleaning or JavaScript: the floor under Rapport's own import time.
 */
async function sqliteStoredRowsImport(imported: string): Promise<{ seconds: number; cpu: number | null; tables: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-stored-rows-'));
  const database = await openConfiguredDatabase(loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }));
  const db = database.sqlitePath!;
  await database.close();
  const count = (file: string, table: string) => Number(execFileSync('sqlite3', [file, `SELECT count(*) FROM "${table}"`], { encoding: 'utf8' }).trim());
  const names = execFileSync(
    'sqlite3',
    [imported, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%' AND name NOT LIKE 'kysely_%'"],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  // Tables the import filled; those a fresh database already holds rows of (settings, counters) are left as they are.
  // OR REPLACE: a rollup that the customers' triggers fill as they go (report_stages) ends as the copy has it.
  const tables = names.filter((t) => count(imported, t) > 0 && count(db, t) === 0);
  const store = `ATTACH '${imported}' AS src;\nBEGIN;\n${tables.map((t) => `INSERT OR REPLACE INTO main."${t}" SELECT * FROM src."${t}";`).join('\n')}\nCOMMIT;`;
  const timeFile = `${db}.time`;
  const started = process.hrtime.bigint();
  const command = ['sqlite3', db, store];
  if (timeCommand) execFileSync(timeCommand, ['-o', timeFile, '-f', '%U %S', ...command]);
  else execFileSync(command[0], command.slice(1));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuOf(timeFile);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { seconds, cpu, tables };
}

/**
 * Every row the customer import stored, stored again from Node.js by better-sqlite3 alone into a fresh
 * database of Rapport's schema (its pragmas and the import's page cache), in the import's chunks, one
 * transaction each, in multi-row statements of up to 100 rows as the import writes them. Only the
 * columns the rows set are given (a column whose every value is its default, or a row number, is left to
 * the database), and the full-text index is filled once per chunk as the import fills it (its trigger
 * set aside, one INSERT ... SELECT). Each chunk's rows are read from a copy of the imported database just
 * before its transaction, outside the timing; checkpoints are left to the end, also outside. What a
 * writing thread in Node.js needs for these rows with no work of Rapport's at all: the floor under the
 * importing thread's own time.
 */
async function nodeStoredRowsImport(imported: string, fileBytes: number): Promise<{ seconds: number; commitSeconds: number; chunks: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-node-rows-'));
  const database = await openConfiguredDatabase(loadConfig({ RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }));
  const db = database.sqlite!;
  // The page cache `rapport import` gives a file of this size.
  db.pragma(`cache_size = -${importCacheKib(fileBytes)}`);
  const source = new SqliteDatabase(imported, { readonly: true });
  const count = (handle: SqliteDatabase.Database, table: string) => handle.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  const names = source
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%' AND name NOT LIKE 'kysely_%'")
    .pluck()
    .all() as string[];
  // As sqliteStoredRowsImport: the tables the import filled; the stage rollup is the customers' triggers' to fill.
  // A table of a few rows (the batch, counters) goes whole into the first chunk, before the rows that refer to it.
  const tables = names
    .filter((t) => t !== 'report_stages' && count(source, t) > 0 && count(db, t) === 0)
    .map((name) => {
      const columns = setColumns(db, source, name);
      const read = source.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}" WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw(true);
      return { name, read, columns, rows: count(source, name), last: 0, done: 0 };
    })
    .sort((a, b) => Number(b.rows < 100) - Number(a.rows < 100));
  const rowids = new Map(tables.map((t) => [t.name, source.prepare(`SELECT rowid FROM "${t.name}" WHERE rowid > ? ORDER BY rowid LIMIT ?`).pluck()]));
  const total = count(source, 'customers');
  const statements = new Map<string, SqliteDatabase.Statement>();
  const insert = (table: string, columns: string[], rows: number) => {
    const key = `${table}:${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      statements.set(key, statement);
    }
    return statement;
  };
  db.pragma('wal_autocheckpoint = 0');
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_fts_ai'").pluck().get() as string;
  let done = 0;
  let chunks = 0;
  let writeNs = 0n;
  let commitNs = 0n;
  while (done < total) {
    const size = Math.min(chunkRows(chunks, defaultChunkSize), total - done);
    // Each table's rows in the share of the customers this chunk holds (they were written in that order).
    const batch = tables.map((t) => {
      const upTo = t.rows < 100 ? (chunks === 0 ? t.rows : 0) : Math.round(((done + size) / total) * t.rows);
      const rows = t.read.all(t.last, upTo - t.done) as unknown[][];
      const ids = rowids.get(t.name)!.all(t.last, rows.length) as number[];
      if (ids.length) t.last = ids[ids.length - 1];
      t.done += rows.length;
      return { t, rows };
    });
    const started = process.hrtime.bigint();
    db.prepare('BEGIN IMMEDIATE').run();
    const last = db.prepare('SELECT coalesce(max(seq), 0) FROM customers').pluck().get() as number;
    db.exec('DROP TRIGGER customers_fts_ai');
    for (const { t, rows } of batch) {
      const perStatement = Math.max(1, Math.min(100, Math.floor(30_000 / t.columns.length)));
      for (let i = 0; i < rows.length; i += perStatement) {
        const n = Math.min(perStatement, rows.length - i);
        insert(t.name, t.columns, n).run(rows.slice(i, i + n).flat());
      }
    }
    db.prepare('INSERT INTO customers_fts (rowid, search_text) SELECT seq, search_text FROM customers WHERE seq > ?').run(last);
    db.exec(trigger);
    const commit = process.hrtime.bigint();
    db.prepare('COMMIT').run();
    const ended = process.hrtime.bigint();
    writeNs += ended - started;
    commitNs += ended - commit;
    done += size;
    chunks++;
  }
  source.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { seconds: Number(writeNs) / 1e9, commitSeconds: Number(commitNs) / 1e9, chunks };
}

/**
 * The columns of `table` that its rows in `source` set: not a row number (an INTEGER PRIMARY KEY the
 * database assigns), and not a column whose every value is its default, which a write leaves out.
 */
function setColumns(fresh: SqliteDatabase.Database, source: SqliteDatabase.Database, table: string): string[] {
  const info = fresh.prepare(`SELECT name, type, pk, dflt_value FROM pragma_table_info(?)`).all(table) as { name: string; type: string; pk: number; dflt_value: string | null }[];
  const rowNumber = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER')?.name : undefined;
  return info
    .filter((c) => c.name !== rowNumber)
    .filter((c) => source.prepare(`SELECT 1 FROM "${table}" WHERE "${c.name}" IS NOT (${c.dflt_value ?? 'NULL'}) LIMIT 1`).get() !== undefined)
    .map((c) => c.name);
}

/**
 * Samples the process's memory while it runs and writes the peaks when it exits: VmHWM (all
 * resident pages, including the database file's pages that SQLite maps into memory) and the
 * peak of RssAnon (the process's own memory: heap, buffers, SQLite's cache).
 */
const memoryProbe = `
import fs from 'node:fs';
let anon = 0;
const field = (text, name) => Number(text.split(name + ':')[1]?.trim().split(' ')[0] ?? 0);
const sample = () => { const s = fs.readFileSync('/proc/self/status', 'utf8'); anon = Math.max(anon, field(s, 'RssAnon')); return s; };
setInterval(sample, 100).unref();
process.on('exit', () => { const s = sample(); const cpu = process.cpuUsage(); fs.writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify({ hwmKb: field(s, 'VmHWM'), anonKb: anon, cpuSeconds: (cpu.user + cpu.system) / 1e6 })); });
`;

/** The CLI as one bundle, so the benchmark runs `rapport import` exactly as a user does. */
async function buildCli(outdir: string): Promise<string> {
  const cli = await bundleCli(outdir);
  fs.writeFileSync(path.join(outdir, 'memory-probe.mjs'), memoryProbe);
  return cli;
}

interface ImportRun {
  seconds: number;
  /** CPU time of the importing process: on a busy machine a steadier figure than wall time. */
  cpu: number;
  hwmMb: number;
  anonMb: number;
}

/** Runs `rapport import KIND FILE` in its own process: wall time and that process's peak memory. */
function importProcess(cli: string, dataDir: string, kind: string, file: string, args: string[]): Promise<ImportRun> {
  const memoryFile = path.join(dataDir, `memory-${kind}.json`);
  const child = spawn(process.execPath, ['--import', pathToUrl(path.join(path.dirname(cli), 'memory-probe.mjs')), cli, 'import', kind, file, '--source', 'bench', ...args], {
    env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', BENCH_MEMORY_FILE: memoryFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`rapport import ${kind} failed (${code}): ${output.slice(-2000)}`));
      const memory = JSON.parse(fs.readFileSync(memoryFile, 'utf8'));
      resolve({ seconds, cpu: memory.cpuSeconds, hwmMb: memory.hwmKb / 1024, anonMb: memory.anonKb / 1024 });
    }),
  );
}

const pathToUrl = (file: string) => new URL(`file://${file}`).href;

export async function run(log: (line: string) => void) {
  log(`\n== Import: ${customers.toLocaleString('en')} customers and ${orderLines.toLocaleString('en')} order lines (CSV) on SQLite`);
  fs.mkdirSync(dir, { recursive: true });
  const customersCsv = path.join(dir, 'customers.csv');
  const ordersCsv = path.join(dir, 'orders.csv');
  if (!fs.existsSync(ordersCsv)) writeFiles(customersCsv, ordersCsv);
  const size = (f: string) => `${(fs.statSync(f).size / 1e6).toFixed(0)} MB`;

  let baseline: { customers: ReturnType<typeof sqliteImport>; orders: ReturnType<typeof sqliteImport>; customersSchema: ReturnType<typeof sqliteImport> } | null = null;
  try {
    baseline = { customers: sqliteImport(customersCsv), orders: sqliteImport(ordersCsv), customersSchema: await sqliteSchemaImport(customersCsv) };
  } catch {
    log('sqlite3 is not installed (apt-get install sqlite3): no baseline');
  }

  const dataDir = path.join(dir, 'rapport');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const cli = await buildCli(path.join(dir, 'cli'));
  const c = await importProcess(cli, dataDir, 'customers', customersCsv, ['--merge', 'off', '--default-country', 'GB']);
  let storedRows: Awaited<ReturnType<typeof sqliteStoredRowsImport>> | null = null;
  const snapshot = path.join(dir, 'after-customers.db');
  fs.copyFileSync(path.join(dataDir, 'rapport.db'), snapshot);
  if (baseline) storedRows = await sqliteStoredRowsImport(snapshot);
  const nodeRows = await nodeStoredRowsImport(snapshot, fs.statSync(customersCsv).size);
  fs.rmSync(snapshot, { force: true });
  const o = await importProcess(cli, dataDir, 'orders', ordersCsv, []);

  const database = await openConfiguredDatabase(loadConfig({ RAPPORT_DATA_DIR: dataDir }));
  const batches = new Map((await listBatches(database.db, 10)).map((b) => [b.kind, b] as [string, ImportBatch]));
  const ctx = { database, actor: 'bench' };
  let scan: { seconds: number; customers: number; queued: number } | null = null;
  if (dedupe) {
    const started = process.hrtime.bigint();
    const result = await scanDuplicates(ctx, { mode: 'review' });
    scan = { seconds: Number(process.hrtime.bigint() - started) / 1e9, customers: result.customers, queued: result.queued };
  }
  await database.close();

  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;
  const versus = (r: ImportRun, rows: number, plain: ReturnType<typeof sqliteImport> | undefined) => {
    if (!plain) return '';
    const cpu = plain.cpu ? `, cpu ${plain.cpu.toFixed(2)} s; cpu ratio ${(r.cpu / plain.cpu).toFixed(1)}x` : '';
    return `; sqlite3 .import ${plain.seconds.toFixed(2)} s (${rate(rows, plain.seconds)})${cpu}; ratio ${(r.seconds / plain.seconds).toFixed(1)}x`;
  };
  const memory = (r: ImportRun) => `peak RSS ${r.hwmMb.toFixed(0)} MB (own memory ${r.anonMb.toFixed(0)} MB, the rest mapped database pages)`;
  const cb = batches.get('customers')!;
  const ob = batches.get('orders')!;
  log(
    `customers.csv ${size(customersCsv)}: Rapport ${c.seconds.toFixed(1)} s, ${rate(customers, c.seconds)}, cpu ${c.cpu.toFixed(1)} s (created ${cb.counts.created}, rejected ${cb.counts.rejected})${versus(c, customers, baseline?.customers)}; ${memory(c)}`,
  );
  if (baseline) {
    const schema = baseline.customersSchema;
    log(
      `  sqlite3 storing the same customers into Rapport's schema (indexes, full-text, source ids; no cleaning): ${schema.seconds.toFixed(2)} s${schema.cpu ? `, cpu ${schema.cpu.toFixed(2)} s` : ''}, ${(schema.seconds / baseline.customers.seconds).toFixed(1)}x the plain .import; Rapport ${(c.seconds / schema.seconds).toFixed(1)}x this${schema.cpu ? `, cpu ratio ${(c.cpu / schema.cpu).toFixed(1)}x` : ''}`,
    );
    if (storedRows)
      log(
        `  sqlite3 storing every row the import stored (${storedRows.tables.join(', ')}; full-text through its triggers), from a copy: ${storedRows.seconds.toFixed(2)} s${storedRows.cpu ? `, cpu ${storedRows.cpu.toFixed(2)} s` : ''}, ${(storedRows.seconds / schema.seconds).toFixed(1)}x the customers alone; Rapport ${(c.seconds / storedRows.seconds).toFixed(1)}x this${storedRows.cpu ? `, cpu ratio ${(c.cpu / storedRows.cpu).toFixed(1)}x` : ''}`,
      );
  }
  log(
    `  better-sqlite3 alone storing every row the import stored, in its ${nodeRows.chunks} chunks (a transaction each, statements of up to 100 rows of the columns set, the full-text index filled per chunk, each chunk's values read before its transaction, checkpoints after): ${nodeRows.seconds.toFixed(2)} s (commits ${nodeRows.commitSeconds.toFixed(2)} s)${baseline ? `, ${(nodeRows.seconds / baseline.customersSchema.seconds).toFixed(1)}x sqlite3 storing the customers alone` : ''}; Rapport ${(c.seconds / nodeRows.seconds).toFixed(1)}x this`,
  );
  log(
    `orders.csv ${size(ordersCsv)}: Rapport ${o.seconds.toFixed(1)} s, ${rate(orderLines, o.seconds)}, cpu ${o.cpu.toFixed(1)} s (${ob.counts.created} orders, rejected ${ob.counts.rejected})${versus(o, orderLines, baseline?.orders)}; ${memory(o)}`,
  );
  if (scan) log(`fuzzy duplicate scan over ${scan.customers.toLocaleString('en')} customers: ${scan.seconds.toFixed(1)} s (${scan.queued} pairs queued for review)`);
}
