/**
 * Reports on the demo database (a copy of it, so the source is never written): the rollup rebuild, the
 * dashboard set (dashboard + cohorts, as the dashboard page loads them) with the cache bypassed and
 * from the cache, the same figures from the base tables, and what one order write costs with the
 * rollup maintenance beside the write without it. The target is 200 ms for the uncached dashboard set.
 */
import '../src/derived-data.js';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Ctx } from '../src/core/context.js';
import { openDatabase, type Database } from '../src/core/database.js';
import * as reportRollupsMigration from '../src/core/migrations/0004_report_rollups.js';
import { migrate } from '../src/core/migrations/index.js';
import { campaignReportFromBase, cohortReportFromBase, customersReportFromBase, revenueBreakdownFromBase, revenueReportFromBase } from '../src/reports/base-reports.js';
import { rebuildReportRollups, updateReportRollups } from '../src/reports/rollups.js';
import { cached, cohortReport, dashboardReport } from '../src/reports/service.js';
import { createOrdersIn } from '../src/sales/orders.js';

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const source = path.resolve(process.env.BENCH_DATA_DIR ?? `bench/.data/demo-${customers}`, 'rapport.db');
const copyDir = path.resolve(`bench/.data/reports-${customers}`);
const repetitions = Number(process.env.BENCH_REPORT_REPETITIONS ?? 20);
const writeRepetitions = Number(process.env.BENCH_REPORT_WRITES ?? 30);
const targetMs = 200;

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => `${x.toFixed(1)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const value = await run();
  return [value, ms(started)];
}

async function repeat(times: number, run: (i: number) => Promise<unknown>): Promise<{ median: number; max: number }> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) all.push((await timed(() => run(i)))[1]);
  return { median: median(all), max: Math.max(...all) };
}

/** A copy of the demo database, refreshed when the demo is newer; the copy is migrated here. */
function copyOfDemo(): string {
  const target = path.join(copyDir, 'rapport.db');
  const fresh = fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs;
  if (!fresh) {
    fs.rmSync(copyDir, { recursive: true, force: true });
    fs.mkdirSync(copyDir, { recursive: true });
    fs.copyFileSync(source, target);
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${target}-wal`);
  }
  return target;
}

/** A database migrated with an earlier draft of 0004 lacks report_stages: drop the rollup tables and apply 0004 again. */
async function reapplyEarlyRollupMigration(database: Database): Promise<boolean> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'report_%'`.execute(database.db)).rows.map((r) => r.name);
  if (tables.includes('report_stages') || !tables.includes('report_activity')) return false;
  for (const table of tables.filter((t) => t !== 'report_cache')) await sql`drop table ${sql.table(table)}`.execute(database.db);
  await sql`drop index if exists interactions_order_id_ix`.execute(database.db);
  await database.db.transaction().execute((trx) => reportRollupsMigration.up(trx, database.dialect));
  return true;
}

async function count(database: Database, table: string, where?: [string, string]): Promise<number> {
  let q = database.db.selectFrom(table).select(sql<number>`count(*)`.as('n'));
  if (where) q = q.where(where[0], '=', where[1]);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The dashboard page's two report calls. */
const dashboardSet = (ctx: Ctx, p: { from?: string; to?: string; bucket?: 'day' | 'week' | 'month' }) => Promise.all([dashboardReport(ctx, p), cohortReport(ctx, p)]);

export async function run(log: (line: string) => void) {
  log(`\n== Reports: ${customers.toLocaleString('en')}-customer demo on SQLite (copy in ${copyDir}); target ${targetMs} ms for the uncached dashboard set`);
  if (!fs.existsSync(source)) {
    log(`  no demo database at ${source}: generate one with \`rapport demo --customers ${customers}\` (RAPPORT_DATA_DIR=${path.dirname(source)})`);
    return;
  }
  const file = copyOfDemo();
  const database = await openDatabase({ url: `sqlite:${file}` });
  try {
    const [migrated, migrateMs] = await timed(() => migrate(database));
    if (migrated.applied.length) log(`  migrated the copy (${migrated.applied.join(', ')}) in ${fmt(migrateMs)}`);
    const [redone, redoMs] = await timed(() => reapplyEarlyRollupMigration(database));
    if (redone) log(`  the copy carried an earlier draft of 0004_report_rollups: its tables were created again in ${fmt(redoMs)}`);
    const ctx: Ctx = { database, actor: 'bench' };
    const counts = {
      customers: await count(database, 'customers'),
      orders: await count(database, 'orders'),
      order_lines: await count(database, 'order_lines'),
      campaign_interactions: await count(database, 'interactions', ['type', 'campaign']),
      customer_months: await count(database, 'report_customer_months'),
      activity_rows: await count(database, 'report_activity'),
    };
    log(
      `  data: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ')}`,
    );
    const span = await database.db
      .selectFrom('orders')
      .select([sql<string>`min(ordered_at)`.as('first'), sql<string>`max(ordered_at)`.as('last')])
      .executeTakeFirstOrThrow();
    log(`  orders from ${String(span.first).slice(0, 10)} to ${String(span.last).slice(0, 10)}`);

    const [, rebuildMs] = await timed(() => rebuildReportRollups(database.db));
    log(`  rollup rebuild (one set-based pass): ${fmt(rebuildMs)}`);

    const ranges: [string, { from?: string; to?: string; bucket?: 'day' | 'week' | 'month' }][] = [
      ['default (12 months to today, by month)', {}],
      ['last year by month', { from: `${new Date().getUTCFullYear() - 1}-01-01`, to: `${new Date().getUTCFullYear() - 1}-12-31`, bucket: 'month' }],
      ['mid-month edges, by month', { from: `${new Date().getUTCFullYear() - 1}-02-14`, to: `${new Date().getUTCFullYear() - 1}-11-20`, bucket: 'month' }],
      // Nearly half of its hull's days left out (rollup-reports.ts weighs edge corrections against the base tables).
      ['six weeks with mid-month edges, by month', { from: `${new Date().getUTCFullYear() - 1}-03-10`, to: `${new Date().getUTCFullYear() - 1}-04-20`, bucket: 'month' }],
    ];
    for (const [name, p] of ranges) {
      const [, first] = await timed(() => dashboardSet(ctx, p));
      // Slow paths (base tables) get a few repetitions only.
      const times = first > 2000 ? 3 : repetitions;
      const t = await repeat(times, () => dashboardSet(ctx, p));
      log(`  dashboard set uncached, ${name}: median ${fmt(t.median)}, max ${fmt(t.max)} over ${times} (target ${targetMs} ms${t.median < targetMs ? ', met' : ', MISSED'})`);
    }
    const perPart = await repeat(repetitions, () => dashboardReport(ctx, {}));
    const cohortPart = await repeat(repetitions, () => cohortReport(ctx, {}));
    log(`    of which dashboard ${fmt(perPart.median)}, cohorts ${fmt(cohortPart.median)} (medians)`);

    const fromCache = (ttlMs?: number) =>
      Promise.all([
        cached(ctx, 'dashboard', {}, () => dashboardReport(ctx, {}), ttlMs === undefined ? {} : { ttlMs }),
        cached(ctx, 'cohorts', {}, () => cohortReport(ctx, {}), ttlMs === undefined ? {} : { ttlMs }),
      ]);
    await fromCache(0);
    const hit = await repeat(repetitions, () => fromCache());
    log(`  dashboard set from report_cache: median ${fmt(hit.median)}, max ${fmt(hit.max)}`);

    const [, baseMs] = await timed(async () => {
      const r = {};
      await revenueReportFromBase(ctx, r);
      await customersReportFromBase(ctx, r);
      await cohortReportFromBase(ctx, r);
      await revenueBreakdownFromBase(ctx, 'segment', r);
      await campaignReportFromBase(ctx, 'campaign', r);
    });
    log(`  the same figures from the base tables (before the rollups), once: ${fmt(baseMs)}`);
    for (const [name, p] of [
      ['last 30 days by day', { from: isoDaysAgo(29), bucket: 'day' as const }],
      ['last 90 days by week', { from: isoDaysAgo(89), bucket: 'week' as const }],
    ] as const) {
      const t = await repeat(3, () => dashboardSet(ctx, p));
      log(`  dashboard set uncached, ${name} (periods from the base tables, buyers and segments from the month figures): median ${fmt(t.median)}, max ${fmt(t.max)} over 3`);
    }

    // One order write through the orders service, rolled back; the rollup part timed on its own.
    const buyers = await database.db.selectFrom('customers').select('id').where('order_count', '>', 3).limit(writeRepetitions).execute();
    const rollback = new Error('rollback');
    const writeTimes: number[] = [];
    const rollupTimes: number[] = [];
    for (const [i, b] of buyers.entries()) {
      try {
        await database.db.transaction().execute(async (trx) => {
          const started = process.hrtime.bigint();
          await createOrdersIn(trx, ctx, [{ customer_id: b.id, ordered_at: new Date(Date.now() - i * 86_400_000).toISOString(), status: 'paid', currency: 'EUR', total: 42.5 }]);
          writeTimes.push(ms(started));
          const again = process.hrtime.bigint();
          await updateReportRollups(trx, [b.id as string]);
          rollupTimes.push(ms(again));
          throw rollback;
        });
      } catch (error) {
        if (error !== rollback) throw error;
      }
    }
    const write = median(writeTimes);
    const rollup = median(rollupTimes);
    log(
      `  one order write (orders service, figures and rollups): median ${fmt(write)}; rollup maintenance alone: median ${fmt(rollup)}; so without it about ${fmt(write - rollup)} (${writeTimes.length} writes, rolled back)`,
    );
  } finally {
    await database.close();
  }
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
