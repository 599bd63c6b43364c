import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, promisify } from 'node:util';
import { CommanderError, type Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../test/cli-bundle.js';
import { openDatabase } from '../core/database.js';
import { createCustomers } from '../customers/service.js';
import { unneutralise } from '../exports/csv.js';
import { buildProgram } from './program.js';
import { errorLine } from './support.js';

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

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a command inside the test process, through the same program and error line as the
 * binary, without the cost of starting node. Output is captured, so runs take turns.
 */
function inProcess(dataDir: string, ...args: string[]): Promise<Result> {
  const run = inProcessQueue.then(async () => {
    let stdout = '';
    let stderr = '';
    const saved = { out: process.stdout.write, err: process.stderr.write, log: console.log, dir: process.env.RAPPORT_DATA_DIR, url: process.env.DATABASE_URL };
    process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true)) as typeof process.stderr.write;
    console.log = (...values: unknown[]) => void (stdout += format(...values) + '\n');
    process.env.RAPPORT_DATA_DIR = dataDir;
    process.env.DATABASE_URL = '';
    let code = 0;
    try {
      const program = buildProgram();
      const override = (command: Command) => {
        command.exitOverride();
        command.commands.forEach(override);
      };
      override(program);
      await program.parseAsync(args, { from: 'user' });
    } catch (error) {
      if (error instanceof CommanderError) code = error.exitCode;
      else {
        stderr += `rapport: ${errorLine(error)}\n`;
        code = 1;
      }
    } finally {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
      console.log = saved.log;
      process.env.RAPPORT_DATA_DIR = saved.dir;
      process.env.DATABASE_URL = saved.url;
    }
    return { code, stdout, stderr };
  });
  inProcessQueue = run.catch(() => undefined);
  return run;
}

function expectOneLineError(result: Result, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  // Status lines (such as applied migrations on a first run) may come first; the error is one line.
  const lines = result.stderr
    .trim()
    .split('\n')
    .filter((l) => !/^(Applied migrations|Copied the database)/.test(l));
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
      out[t] = Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    return out;
  });
}

beforeAll(async () => {
  await bundleCli(outdir);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

// Groups use their own data directories and run side by side; the steps inside a group run in order.
describe.concurrent('rapport CLI: accounts and fields', () => {
  const dir = path.join(tmp, 'main');

  it.sequential('prints help and rejects unknown commands with one line', async () => {
    const [help, bogus, missing, importHelp] = await Promise.all([
      rapport(dir, '--help'),
      rapport(dir, 'bogus'),
      rapport(dir, 'user', 'create', '--email', 'x@example.com'),
      rapport(dir, 'import', 'customers', '--help'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('export [options] <kind>');
    for (const command of ['import', 'duplicates', 'merge', 'analyze', 'segment']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expectOneLineError(bogus, /unknown command 'bogus'/);
    expectOneLineError(missing, /--password/);
    expect(importHelp.code).toBe(0);
    for (const option of ['--preset', '--source', '--map', '--default-country', '--date-order', '--merge', '--dry-run', '--strict']) expect(importHelp.stdout).toContain(option);
  });

  it.sequential('creates the owner once, with readable validation errors', async () => {
    expectOneLineError(await inProcess(dir, 'user', 'create', '--email', 'owner@example.com', '--password', 'short'), /password: must be at least 10 characters/);
    expectOneLineError(await inProcess(dir, 'user', 'create', '--email', 'owner@example.com', '--password', 'password123'), /password: is one of the most common passwords/);
    const ok = await inProcess(dir, 'user', 'create', '--email', 'Owner@Example.com', '--password', 'correct horse battery');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Created owner owner@example.com \(usr_/);
    expectOneLineError(await inProcess(dir, 'user', 'create', '--email', 'two@example.com', '--password', 'correct horse battery'), /owner account already exists/);
  });

  it.sequential('creates, lists and revokes API tokens', async () => {
    const created = await inProcess(dir, 'token', 'create', '--name', 'zapier');
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^rpt_\S{20,}$/);
    expect(created.stderr).toMatch(/will not be shown again/);
    const list = await inProcess(dir, 'token', 'list');
    expect(list.stdout).toMatch(/NAME/);
    expect(list.stdout).toMatch(/zapier .*active/);
    expect(list.stdout).not.toContain(created.stdout.trim());
    expect((await inProcess(dir, 'token', 'revoke', 'zapier')).stdout).toMatch(/Revoked token zapier/);
    expect((await inProcess(dir, 'token', 'list')).stdout).toMatch(/zapier .*revoked/);
    expectOneLineError(await inProcess(dir, 'token', 'revoke', 'zapier'), /active token zapier not found/);
    expect((await inProcess(dir, 'token', 'create', '--name', 'ci', '--expires-in-days', '30', '--can-create-tokens')).code).toBe(0);
    const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await inProcess(dir, 'token', 'list')).stdout).toMatch(new RegExp(`ci .*${expiry} \\d\\d:\\d\\d:\\d\\d\\s+yes\\s+active`));
    expectOneLineError(await inProcess(dir, 'token', 'create', '--name', 'bad', '--expires-in-days', '0'), /expiry must be 1 to 3650 days/);
    expect((await inProcess(dir, 'user', 'unlock')).stdout).toMatch(/No login was locked|Cleared \d+ login lock/);
  });

  it.sequential('adds and lists custom fields', async () => {
    expect((await inProcess(dir, 'field', 'add', 'loyalty_tier', '--type', 'select', '--options', 'gold,silver', '--label', 'Loyalty tier')).code).toBe(0);
    const [list, again, colour] = await Promise.all([
      inProcess(dir, 'field', 'list'),
      inProcess(dir, 'field', 'add', 'loyalty_tier', '--type', 'text'),
      inProcess(dir, 'field', 'add', 'x', '--type', 'colour'),
    ]);
    expect(list.stdout).toMatch(/loyalty_tier\s+select\s+Loyalty tier\s+gold, silver/);
    expectOneLineError(again, /already exists/);
    expectOneLineError(colour, /type/);
    expectOneLineError(await inProcess(dir, 'field', 'add', 'constructor', '--type', 'text'), /constructor is reserved/);
    expectOneLineError(await inProcess(dir, 'field', 'remove', 'loyalty_tier'), /run again with --yes/);
    expect((await inProcess(dir, 'field', 'list')).stdout).toMatch(/loyalty_tier/);
    expect((await inProcess(dir, 'field', 'remove', 'loyalty_tier', '--yes')).stdout).toMatch(/Removed field loyalty_tier/);
    expect((await inProcess(dir, 'field', 'list')).stdout).toMatch(/No custom fields/);
    expectOneLineError(await inProcess(dir, 'field', 'remove', 'loyalty_tier', '--yes'), /custom field loyalty_tier not found/);
  });
});

describe.concurrent('rapport CLI: demo data, backup and restore', () => {
  it.sequential('builds the same demo data from the same seed', async () => {
    const [a, b, c, bad] = await Promise.all([
      rapport(path.join(tmp, 'demo-a'), 'demo', '--customers', '200', '--seed', '1', '--as-of', '2026-01-15'),
      rapport(path.join(tmp, 'demo-b'), 'demo', '--customers', '200', '--seed', '1', '--as-of', '2026-01-15'),
      rapport(path.join(tmp, 'demo-c'), 'demo', '--customers', '200', '--seed', '2', '--as-of', '2026-01-15'),
      inProcess(path.join(tmp, 'demo-x'), 'demo', '--customers', 'many'),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/Created 200 customers/);
    expect(b.code).toBe(0);
    expect(c.code).toBe(0);
    expect(await checksum(path.join(tmp, 'demo-a'))).toBe(await checksum(path.join(tmp, 'demo-b')));
    expect(await checksum(path.join(tmp, 'demo-c'))).not.toBe(await checksum(path.join(tmp, 'demo-a')));
    expectOneLineError(await inProcess(path.join(tmp, 'demo-a'), 'demo', '--customers', '10'), /already has customers/);
    expectOneLineError(bad, /--customers must be a positive whole number/);
  });

  it.sequential('backs up and restores the SQLite database, as a file copy and as JSON', async () => {
    const demo = path.join(tmp, 'demo-a');
    const before = await counts(demo);
    const sum = await checksum(demo);
    const file = path.join(tmp, 'backup.db');
    const json = path.join(tmp, 'backup.json');
    const [backup, jsonBackup] = await Promise.all([inProcess(demo, 'backup', file), inProcess(demo, 'backup', json, '--format', 'json')]);
    expect(backup.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(jsonBackup.code).toBe(0);
    const header = JSON.parse(fs.readFileSync(json, 'utf8').split('\n')[0]);
    expect(header).toMatchObject({ format: 'rapport-backup', version: 1, dialect: 'sqlite' });
    expect(header.migrations).toContain('0001_initial');

    for (const source of [file, json]) {
      await withDb(demo, async ({ db }) => {
        await db.deleteFrom('order_lines').execute();
        await db.deleteFrom('customers').where('id', 'in', db.selectFrom('customers').select('id').limit(50)).execute();
      });
      expect((await counts(demo)).order_lines).toBe(0);
      const restore = await inProcess(demo, 'restore', source);
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

  it.sequential('refuses damaged or foreign backups before touching the data', async () => {
    const demo = path.join(tmp, 'demo-b');
    const before = await counts(demo);
    const json = path.join(tmp, 'backup.json');
    const lines = fs.readFileSync(json, 'utf8').trimEnd().split('\n');
    const truncated = path.join(tmp, 'truncated.json');
    fs.writeFileSync(truncated, lines.slice(0, -5).join('\n') + '\n');
    const junk = path.join(tmp, 'junk.db');
    fs.writeFileSync(junk, 'hello');
    const [cut, foreign, missing] = await Promise.all([inProcess(demo, 'restore', truncated), inProcess(demo, 'restore', junk), inProcess(demo, 'restore', path.join(tmp, 'missing.db'))]);
    expectOneLineError(cut, /incomplete: \w+ has \d+ rows, the header says \d+/);
    expectOneLineError(foreign, /not a Rapport JSON backup|neither/);
    expectOneLineError(missing, /does not exist/);
    expect(await counts(demo)).toEqual(before);
  });

  it.sequential('streams a large export page by page', async () => {
    const demo = path.join(tmp, 'demo-c');
    const result = await inProcess(demo, 'export', 'order_lines'.replace('order_lines', 'orders'), '--format', 'csv');
    const rows = parse(result.stdout) as string[][];
    const n = (await counts(demo)).orders;
    expect(n).toBeGreaterThan(500);
    expect(rows).toHaveLength(n + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(n);
  });
});

describe.concurrent('rapport CLI: export', () => {
  it.sequential('exports CSV with neutralised formulas and JSON that round-trips', async () => {
    const dir2 = path.join(tmp, 'export');
    expect((await inProcess(dir2, 'field', 'add', 'shoe_size', '--type', 'number')).code).toBe(0);
    await withDb(dir2, (database) =>
      createCustomers({ database, actor: 'test' }, [
        {
          first_name: '=HYPERLINK("http://evil")',
          last_name: 'Smith, Jr.',
          email: 'a@example.com',
          emails: ['b@example.com'],
          phone: '+1 415 237 1234',
          tags: ['vip', 'b2b'],
          notes: 'line one\nline "two"',
          shoe_size: 42.5,
          city: 'Paris',
        },
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

    const filtered = await inProcess(dir2, 'export', 'customers', '--format', 'json', '--filter', '{"field":"city","op":"eq","value":"Paris"}');
    expect(filtered.code).toBe(0);
    const records = JSON.parse(filtered.stdout);
    expect(records.map((r: { last_name: string }) => r.last_name).sort()).toEqual(['Person', 'Smith, Jr.']);
    const smith = records.find((r: { last_name: string }) => r.last_name === 'Smith, Jr.');
    expect(smith.first_name).toBe('=HYPERLINK("http://evil")');
    expect(smith.phones).toEqual([{ raw: '+1 415 237 1234', e164: '+14152371234' }]);
    expect(smith.shoe_size).toBe(42.5);

    const [orders, vcard, badFilter, unknownField, widgets, vcardOrders] = await Promise.all([
      inProcess(dir2, 'export', 'orders', '--format', 'json'),
      rapport(dir2, 'export', 'customers', '--format', 'vcard'),
      inProcess(dir2, 'export', 'customers', '--filter', '{bad'),
      inProcess(dir2, 'export', 'customers', '--filter', '{"field":"nope","op":"eq","value":1}'),
      inProcess(dir2, 'export', 'widgets'),
      inProcess(dir2, 'export', 'orders', '--format', 'vcard'),
    ]);
    expect(JSON.parse(orders.stdout)).toEqual([]);
    expect(vcard.code).toBe(0);
    expect(vcard.stdout.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(3);
    expect(vcard.stdout).toContain('N:Smith\\, Jr.;=HYPERLINK("http://evil");;;\r\n');
    expect(vcard.stdout).toContain('EMAIL:b@example.com\r\n');
    expect(vcard.stdout).toContain('X-RAPPORT-SHOE-SIZE:42.5\r\n');
    expectOneLineError(badFilter, /filter must be JSON/);
    expectOneLineError(unknownField, /unknown field nope/);
    expectOneLineError(widgets, /cannot export widgets/);
    expectOneLineError(vcardOrders, /vCard export is for customers only/);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe.concurrent('rapport CLI: imports and duplicates', () => {
  const dir = path.join(tmp, 'imports');
  const write = (name: string, text: string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const customersCsv = write(
    'crm-customers.csv',
    'customer_id,name,email,age,income,city\nC1,Ada Lovelace,ada@example.com,36,"$120,000",London\nC2,GRACE HOPPER,grace@example.com,45,98000,Arlington\nC3,Alan Turing,not-an-email,41,87000,Manchester\nC4,Katherine Johnson,katherine@example.com,50,75500,Hampton\n',
  );
  const salesCsv = write(
    'crm-sales.csv',
    'order_id,customer_id,date,amount,product\nO1,C1,2026-01-05,120.00,Notebook\nO2,C1,2026-02-10,80.00,Pen set\nO3,C2,2026-01-20,250.00,Notebook\nO4,C4,2026-02-21,45.50,Pen set\n',
  );
  const marketingCsv = write('crm-marketing.csv', 'customer_id,campaign,channel,date,opened,clicked\nC1,Spring,email,2026-03-01,yes,no\nC2,Spring,email,2026-03-01,no,no\n');
  const batchOf = (stdout: string) => /batch (bat_\w+)/.exec(stdout)![1];
  let customersBatch = '';

  it.sequential('shows a dry run and writes nothing', async () => {
    const dry = await inProcess(dir, 'import', 'customers', customersCsv, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/preset: none detected/);
    expect(dry.stdout).toMatch(/customer_id\s+source_id/);
    expect(dry.stdout).toMatch(/name\s+full_name/);
    expect(dry.stdout).toMatch(/Unmapped columns: none/);
    expect(dry.stdout).toMatch(/row 2: source_id=C1, .*first_name=Ada, last_name=Lovelace/);
    expect(dry.stdout).toMatch(/row 3: .*first_name=Grace, last_name=Hopper/);
    expect(dry.stdout).toMatch(/error in email: "not-an-email" is not a valid email address/);
    expect(dry.stdout).toMatch(/4 rows read, 1 bad\. Dry run: nothing was written\./);
    expect((await counts(dir)).customers).toBe(0);
  });

  it.sequential('imports the three-file case, reports rejects, and changes nothing the second time', async () => {
    const first = await rapport(dir, 'import', 'customers', customersCsv, '--source', 'crm');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/rows 4, created 3, updated 0, unchanged 0, merged 0, rejected 1, duplicates_queued 0/);
    customersBatch = batchOf(first.stdout);
    expect(first.stdout).toContain(`rapport import errors ${customersBatch} > errors.csv`);
    const [sales, marketing, errors] = await Promise.all([
      inProcess(dir, 'import', 'orders', salesCsv, '--source', 'crm'),
      inProcess(dir, 'import', 'interactions', marketingCsv, '--source', 'crm'),
      rapport(dir, 'import', 'errors', customersBatch),
    ]);
    expect(sales.code, sales.stderr).toBe(0);
    expect(sales.stdout).toMatch(/rows 4, created 4/);
    expect(marketing.code, marketing.stderr).toBe(0);
    const report = parse(errors.stdout) as string[][];
    expect(report[0]).toEqual(['row', 'column', 'reason', 'values']);
    expect(report.slice(1)).toEqual([['4', 'email', '"not-an-email" is not a valid email address', expect.stringContaining('Alan Turing')]]);
    const c = await counts(dir);
    expect(c).toMatchObject({ customers: 3, orders: 4, interactions: 2 });
    const ada = await withDb(dir, ({ db }) => db.selectFrom('customers').select(['order_count', 'revenue']).where('email', '=', 'ada@example.com').executeTakeFirstOrThrow());
    expect(Number(ada.order_count)).toBe(2);
    expect(Number(ada.revenue)).toBe(200);

    const again = await inProcess(dir, 'import', 'customers', customersCsv, '--source', 'crm');
    expect(again.stdout).toMatch(/created 0, updated 0, unchanged 3/);
    expect(await counts(dir)).toEqual(c);

    const [list, show] = await Promise.all([inProcess(dir, 'import', 'list'), inProcess(dir, 'import', 'show', customersBatch)]);
    expect(list.stdout).toMatch(/BATCH\s+STARTED\s+KIND/);
    expect(list.stdout.split('\n').filter((l) => l.startsWith('bat_'))).toHaveLength(4);
    expect(show.stdout).toMatch(/Status:\s+done/);
    expect(show.stdout).toMatch(/Counts:\s+rows 4, created 3/);
    expect(show.stdout).toMatch(/email\s+emails/);
  });

  it.sequential('rejects bad input with one line and writes nothing under --strict', async () => {
    const before = await counts(dir);
    const [strict, missing, merge, map, country, unknownBatch] = await Promise.all([
      rapport(dir, 'import', 'customers', customersCsv, '--strict', '--source', 'strict'),
      inProcess(dir, 'import', 'customers', path.join(tmp, 'nope.csv')),
      inProcess(dir, 'import', 'customers', customersCsv, '--merge', 'sometimes'),
      inProcess(dir, 'import', 'customers', customersCsv, '--map', 'Nope=first_name'),
      inProcess(dir, 'import', 'customers', customersCsv, '--default-country', 'Germany'),
      inProcess(dir, 'import', 'undo', 'bat_missing'),
    ]);
    expectOneLineError(strict, /1 row is bad, so nothing was written \(--strict, batch bat_\w+\); for the reasons run: rapport import errors bat_\w+ > errors\.csv/);
    expectOneLineError(missing, /nope\.csv/);
    expectOneLineError(merge, /--merge.*sometimes.*auto, review, off/);
    expectOneLineError(map, /Column "Nope" is not in the file/);
    expectOneLineError(country, /--default-country must be a two-letter country code/);
    expectOneLineError(unknownBatch, /not found/);
    expect(await counts(dir)).toEqual(before);
  });

  it.sequential('queues a likely duplicate, merges it, undoes the merge and undoes an import', async () => {
    const similar = write('crm-similar.csv', 'id,first_name,last_name,email\nX1,Ada,Lovelace,ada.l@example.net\n');
    const imported = await inProcess(dir, 'import', 'customers', similar, '--merge', 'review');
    expect(imported.stdout).toMatch(/duplicates_queued 1/);
    const list = await inProcess(dir, 'duplicates');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/PAIR\s+SCORE\s+A\s+B\s+REASONS/);
    const pair =
      /^(dup_\w+)\s+(0\.\d{3}|1\.000)\s+.*Ada Lovelace <ada@example\.com>.*Ada Lovelace <ada\.l@example\.net>/m.exec(list.stdout) ??
      /^(dup_\w+)\s+(0\.\d{3}|1\.000)\s+.*Ada Lovelace <ada\.l@example\.net>.*Ada Lovelace <ada@example\.com>/m.exec(list.stdout);
    expect(pair, list.stdout).not.toBeNull();
    expect((await inProcess(dir, 'duplicates', 'list')).stdout).toBe(list.stdout);
    const merged = await inProcess(dir, 'duplicates', 'merge', pair![1], '--keep', 'b');
    expect(merged.code, merged.stderr).toBe(0);
    const mergeId = /as merge (\S+);/.exec(merged.stdout)![1];
    expect(merged.stdout).toContain(`rapport merge undo ${mergeId}`);
    expect((await counts(dir)).customers).toBe(3);
    const [empty, again] = await Promise.all([inProcess(dir, 'duplicates'), inProcess(dir, 'duplicates', 'merge', pair![1])]);
    expect(empty.stdout).toMatch(/No duplicate pairs wait for review/);
    expectOneLineError(again, /already merged/);
    expect((await inProcess(dir, 'merge', 'undo', mergeId)).stdout).toMatch(/Undid merge/);
    expect((await counts(dir)).customers).toBe(4);

    const [scan, dismiss] = await Promise.all([inProcess(dir, 'duplicates', 'scan', '--mode', 'review'), inProcess(dir, 'duplicates', 'dismiss', 'dup_missing')]);
    expect(scan.stdout).toMatch(/Scanned 4 customers: \d+ merged in \d+ clusters, \d+ pairs queued for review\./);
    expectOneLineError(dismiss, /not found/);

    const undo = await inProcess(dir, 'import', 'undo', batchOf(imported.stdout));
    expect(undo.stdout).toMatch(/Undid import bat_\w+ \(customers from crm-similar\.csv: 1 created/);
    expect((await counts(dir)).customers).toBe(3);
    expect((await inProcess(dir, 'import', 'show', batchOf(imported.stdout))).stdout).toMatch(/Status:\s+undone/);
  });

  it.sequential('analyzes and segments', async () => {
    const [run, badDate] = await Promise.all([inProcess(dir, 'analyze', '--as-of', '2026-04-01'), inProcess(dir, 'analyze', '--as-of', 'soon')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Insight run \S+ as of 2026-04-01/);
    expect(run.stdout).toMatch(/Customers: 3 \(3 buyers, 1 repeat buyers, 0 leads\)/);
    expect(run.stdout).toMatch(/BG\/NBD( \(time unit: (days|weeks)\): r [\d.e+-]+, alpha [\d.e+-]+, a [\d.e+-]+, b [\d.e+-]+|: not fitted)/);
    expect(run.stdout).toMatch(/Stages: lead 0, active \d+, inactive \d+, churned \d+/);
    expectOneLineError(badDate, /--as-of must be a date/);
    const [segment, unknown, badK] = await Promise.all([
      inProcess(dir, 'segment', '--features', 'age,income', '--k', '2', '--seed', '7'),
      inProcess(dir, 'segment', '--features', 'age,shoe_colour', '--k', '2'),
      inProcess(dir, 'segment', '--features', 'age', '--k', 'two'),
    ]);
    expect(segment.code, segment.stderr).toBe(0);
    expect(segment.stdout).toMatch(/2 segments of 3 customers on age, income, standardized, seed 7/);
    const sizes = [...segment.stdout.matchAll(/^\d\s+seg_\w+\s+(\d+)\s/gm)].map((m) => Number(m[1]));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3);
    expectOneLineError(unknown, /unknown features: shoe_colour/);
    expectOneLineError(badK, /--k must be a whole number or auto/);
  });
});
