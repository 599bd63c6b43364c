import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/database.js';
import { createCustomers } from '../customers/service.js';
import { unneutralise } from '../exports/csv.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// Bundled inside the repository so that node resolves the installed packages.
const outdir = path.join(root, 'node_modules/.cache/rapport-cli-test', String(process.pid));
const cli = path.join(outdir, 'cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-'));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function rapport(dataDir: string, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function expectOneLineError(result: Result, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  // Status lines (such as applied migrations on a first run) may come first; the error is one line.
  const lines = result.stderr.trim().split('\n').filter((l) => !/^(Applied migrations|Copied the database)/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rapport: /);
  expect(lines[0]).toMatch(pattern);
}

async function withDb<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ sqlitePath: path.join(dataDir, 'rapport.db') });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function checksum(dataDir: string): Promise<string> {
  return withDb(dataDir, async ({ db }) => {
    const rows = await db.selectFrom('customers').select(['id', 'first_name', 'last_name', 'email', 'revenue']).orderBy('id').execute();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  });
}

async function counts(dataDir: string): Promise<Record<string, number>> {
  return withDb(dataDir, async ({ db }) => {
    const out: Record<string, number> = {};
    for (const t of ['customers', 'companies', 'products', 'orders', 'order_lines', 'interactions', 'tasks', 'customer_keys', 'external_ids', 'users', 'api_tokens', 'custom_fields']) {
      out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    return out;
  });
}

beforeAll(async () => {
  await build({ entryPoints: [path.join(root, 'src/cli.ts')], bundle: true, splitting: true, platform: 'node', format: 'esm', packages: 'external', outdir, outExtension: { '.js': '.js' }, logLevel: 'error' });
  fs.writeFileSync(path.join(outdir, 'package.json'), '{"type":"module"}');
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

describe('rapport CLI', () => {
  const dir = path.join(tmp, 'main');

  it('prints help and rejects unknown commands with one line', async () => {
    const help = await rapport(dir, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('export [options] <kind>');
    expectOneLineError(await rapport(dir, 'bogus'), /unknown command 'bogus'/);
    expectOneLineError(await rapport(dir, 'user', 'create', '--email', 'x@example.com'), /--password/);
  });

  it('creates the owner once, with readable validation errors', async () => {
    expectOneLineError(await rapport(dir, 'user', 'create', '--email', 'owner@example.com', '--password', 'short'), /password: must be at least 10 characters/);
    const ok = await rapport(dir, 'user', 'create', '--email', 'Owner@Example.com', '--password', 'correct horse battery');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Created owner owner@example.com \(usr_/);
    expectOneLineError(await rapport(dir, 'user', 'create', '--email', 'two@example.com', '--password', 'correct horse battery'), /owner account already exists/);
  });

  it('creates, lists and revokes API tokens', async () => {
    const created = await rapport(dir, 'token', 'create', '--name', 'zapier');
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^rpt_\S{20,}$/);
    expect(created.stderr).toMatch(/will not be shown again/);
    const list = await rapport(dir, 'token', 'list');
    expect(list.stdout).toMatch(/NAME/);
    expect(list.stdout).toMatch(/zapier .*active/);
    expect(list.stdout).not.toContain(created.stdout.trim());
    expect((await rapport(dir, 'token', 'revoke', 'zapier')).stdout).toMatch(/Revoked token zapier/);
    expect((await rapport(dir, 'token', 'list')).stdout).toMatch(/zapier .*revoked/);
    expectOneLineError(await rapport(dir, 'token', 'revoke', 'zapier'), /active token zapier not found/);
  });

  it('adds and lists custom fields', async () => {
    expect((await rapport(dir, 'field', 'add', 'loyalty_tier', '--type', 'select', '--options', 'gold,silver', '--label', 'Loyalty tier')).code).toBe(0);
    const list = await rapport(dir, 'field', 'list');
    expect(list.stdout).toMatch(/loyalty_tier\s+select\s+Loyalty tier\s+gold, silver/);
    expectOneLineError(await rapport(dir, 'field', 'add', 'loyalty_tier', '--type', 'text'), /already exists/);
    expectOneLineError(await rapport(dir, 'field', 'add', 'x', '--type', 'colour'), /type/);
  });

  it('builds the same demo data from the same seed', async () => {
    const a = await rapport(path.join(tmp, 'demo-a'), 'demo', '--customers', '200', '--seed', '1', '--as-of', '2026-01-15');
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/Created 200 customers/);
    const b = await rapport(path.join(tmp, 'demo-b'), 'demo', '--customers', '200', '--seed', '1', '--as-of', '2026-01-15');
    expect(b.code).toBe(0);
    const c = await rapport(path.join(tmp, 'demo-c'), 'demo', '--customers', '200', '--seed', '2', '--as-of', '2026-01-15');
    expect(await checksum(path.join(tmp, 'demo-a'))).toBe(await checksum(path.join(tmp, 'demo-b')));
    expect(c.code).toBe(0);
    expect(await checksum(path.join(tmp, 'demo-c'))).not.toBe(await checksum(path.join(tmp, 'demo-a')));
    expectOneLineError(await rapport(path.join(tmp, 'demo-a'), 'demo', '--customers', '10'), /already has customers/);
    expectOneLineError(await rapport(path.join(tmp, 'demo-x'), 'demo', '--customers', 'many'), /--customers must be a positive whole number/);
  });

  it('backs up and restores the SQLite database, as a file copy and as JSON', async () => {
    const demo = path.join(tmp, 'demo-a');
    const before = await counts(demo);
    const sum = await checksum(demo);
    const file = path.join(tmp, 'backup.db');
    const backup = await rapport(demo, 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const json = path.join(tmp, 'backup.json');
    expect((await rapport(demo, 'backup', json, '--format', 'json')).code).toBe(0);
    const header = JSON.parse(fs.readFileSync(json, 'utf8').split('\n')[0]);
    expect(header).toMatchObject({ format: 'rapport-backup', version: 1, dialect: 'sqlite' });
    expect(header.migrations).toContain('0001_initial');

    for (const source of [file, json]) {
      await withDb(demo, async ({ db }) => {
        await db.deleteFrom('order_lines').execute();
        await db.deleteFrom('customers').where('id', 'in', db.selectFrom('customers').select('id').limit(50)).execute();
      });
      expect((await counts(demo)).order_lines).toBe(0);
      const restore = await rapport(demo, 'restore', source);
      expect(restore.code).toBe(0);
      expect(await counts(demo)).toEqual(before);
      expect(await checksum(demo)).toBe(sum);
      await withDb(demo, async (database) => {
        expect(database.sqlite!.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        expect(database.sqlite!.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        // The full-text index was rebuilt: a customer is found by name.
        const someone = database.sqlite!.prepare('SELECT seq, first_name FROM customers LIMIT 1').get() as { seq: number; first_name: string };
        const hits = database.sqlite!.prepare(`SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?`).all(`"${someone.first_name.toLowerCase()}"`) as { rowid: number }[];
        expect(hits.map((h) => h.rowid)).toContain(someone.seq);
      });
    }
  });

  it('refuses damaged or foreign backups before touching the data', async () => {
    const demo = path.join(tmp, 'demo-b');
    const before = await counts(demo);
    const json = path.join(tmp, 'backup.json');
    const lines = fs.readFileSync(json, 'utf8').trimEnd().split('\n');
    const truncated = path.join(tmp, 'truncated.json');
    fs.writeFileSync(truncated, lines.slice(0, -5).join('\n') + '\n');
    expectOneLineError(await rapport(demo, 'restore', truncated), /incomplete: \w+ has \d+ rows, the header says \d+/);
    const junk = path.join(tmp, 'junk.db');
    fs.writeFileSync(junk, 'hello');
    expectOneLineError(await rapport(demo, 'restore', junk), /not a Rapport JSON backup|neither/);
    expectOneLineError(await rapport(demo, 'restore', path.join(tmp, 'missing.db')), /does not exist/);
    expect(await counts(demo)).toEqual(before);
  });

  it('exports CSV with neutralised formulas and JSON that round-trips', async () => {
    const dir2 = path.join(tmp, 'export');
    expect((await rapport(dir2, 'field', 'add', 'shoe_size', '--type', 'number')).code).toBe(0);
    await withDb(dir2, (database) =>
      createCustomers({ database, actor: 'test' }, [
        { first_name: '=HYPERLINK("http://evil")', last_name: 'Smith, Jr.', email: 'a@example.com', emails: ['b@example.com'], phone: '+1 415 237 1234', tags: ['vip', 'b2b'], notes: 'line one\nline "two"', shoe_size: 42.5, city: 'Paris' },
        { first_name: '@SUM(1)', last_name: '-minus', email: 'c@example.com', city: 'Lyon' },
        { first_name: 'Plain', last_name: 'Person', city: 'Paris', consent_email: true },
      ]),
    );
    const file = path.join(tmp, 'customers.csv');
    const result = await rapport(dir2, 'export', 'customers', '--output', file);
    expect(result.code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    const [head, ...rows] = parse(text) as string[][];
    expect(head.slice(0, 4)).toEqual(['id', 'first_name', 'last_name', 'email']);
    expect(head).toContain('shoe_size');
    expect(rows).toHaveLength(3);
    const byEmail = new Map(rows.map((r) => [r[head.indexOf('email')], Object.fromEntries(head.map((h, i) => [h, r[i]]))]));
    const ada = byEmail.get('a@example.com')!;
    expect(ada.first_name).toBe(`'=HYPERLINK("http://evil")`);
    expect(unneutralise(ada.first_name)).toBe('=HYPERLINK("http://evil")');
    expect(ada.last_name).toBe('Smith, Jr.');
    expect(ada.emails).toBe('a@example.com; b@example.com');
    expect(ada.tags).toBe('vip; b2b');
    expect(unneutralise(ada.phones)).toBe('+14152371234');
    expect(ada.notes).toBe('line one\nline "two"');
    expect(ada.shoe_size).toBe('42.5');
    expect(byEmail.get('c@example.com')!.first_name).toBe("'@SUM(1)");
    expect(byEmail.get('c@example.com')!.last_name).toBe("'-minus");

    const filtered = await rapport(dir2, 'export', 'customers', '--format', 'json', '--filter', '{"field":"city","op":"eq","value":"Paris"}');
    expect(filtered.code).toBe(0);
    const records = JSON.parse(filtered.stdout);
    expect(records.map((r: { last_name: string }) => r.last_name).sort()).toEqual(['Person', 'Smith, Jr.']);
    const smith = records.find((r: { last_name: string }) => r.last_name === 'Smith, Jr.');
    expect(smith.first_name).toBe('=HYPERLINK("http://evil")');
    expect(smith.phones).toEqual([{ raw: '+1 415 237 1234', e164: '+14152371234' }]);
    expect(smith.shoe_size).toBe(42.5);

    expect(JSON.parse((await rapport(dir2, 'export', 'orders', '--format', 'json')).stdout)).toEqual([]);
    expectOneLineError(await rapport(dir2, 'export', 'customers', '--filter', '{bad'), /filter must be JSON/);
    expectOneLineError(await rapport(dir2, 'export', 'customers', '--filter', '{"field":"nope","op":"eq","value":1}'), /unknown field nope/);
    expectOneLineError(await rapport(dir2, 'export', 'widgets'), /cannot export widgets/);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('streams a large export page by page', async () => {
    const demo = path.join(tmp, 'demo-c');
    const result = await rapport(demo, 'export', 'order_lines'.replace('order_lines', 'orders'), '--format', 'csv');
    const rows = parse(result.stdout) as string[][];
    const n = (await counts(demo)).orders;
    expect(n).toBeGreaterThan(500);
    expect(rows).toHaveLength(n + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(n);
  });
});
