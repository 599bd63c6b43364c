/**
 * GET /api/today at scale on SQLite: customers (with scores), open deals (a share rotten), quotes
 * waiting for an answer and due tasks. Prints p50/p99 of the whole request through the app, of the
 * Today loader alone, and of the direct query it cannot avoid (every open deal with its stage, read
 * with better-sqlite3), the baseline measured in the same run. The scale is 1M customers, 100k
 * deals and 20k quotes; the default here is smaller (BENCH_TODAY_CUSTOMERS, _DEALS, _QUOTES, _TASKS).
 */
import '../src/derived-data.js';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/api/app.js';
import { createOwner, createToken, hasOwner } from '../src/auth/service.js';
import { loadConfig } from '../src/core/config.js';
import { newId } from '../src/core/ids.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { createCustomersIn } from '../src/customers/service.js';
import { listPipelines } from '../src/deals/pipelines.js';
import { createDealsIn } from '../src/deals/service.js';
import { loadToday } from '../src/today/load.js';
import { p50p99, timeRuns } from './load.js';

const customers = Number(process.env.BENCH_TODAY_CUSTOMERS ?? 100_000);
const deals = Number(process.env.BENCH_TODAY_DEALS ?? 10_000);
const quotes = Number(process.env.BENCH_TODAY_QUOTES ?? 2_000);
const tasks = Number(process.env.BENCH_TODAY_TASKS ?? 2_000);
const repetitions = Number(process.env.BENCH_TODAY_REPETITIONS ?? 200);
const dataDir = path.resolve(process.env.BENCH_TODAY_DATA_DIR ?? `bench/.data/today-${customers}-${deals}-${quotes}`);
const dayMs = 86_400_000;

const time = async (n: number, fn: () => Promise<unknown> | unknown) => p50p99(await timeRuns(n, fn, Math.min(10, n)));

async function prepare(log: (line: string) => void) {
  const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' });
  const database = await openConfiguredDatabase(config);
  const db = database.db;
  const count = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ctx = { database, actor: 'cli' };
  const started = Date.now();
  const now = Date.now();
  let have = await count('customers');
  for (; have < customers; have += 2000) {
    const batch = Array.from({ length: Math.min(2000, customers - have) }, (_, j) => ({ first_name: `Client${have + j}`, last_name: 'Bench', email: `client${have + j}@bench.example` }));
    await db.transaction().execute((trx) => createCustomersIn(trx, ctx, batch));
  }
  // Scores as an insight run writes them; a reliable model (basis model) for a third of them.
  await db
    .updateTable('customers')
    .set({ clv: 1000, churn_risk: 0.4, p_alive: 0.6, value_at_risk: 400, score_basis: 'model', usual_gap_days: 30 })
    .where('value_at_risk', 'is', null)
    .where('email', 'like', '%3@bench.example')
    .execute();
  const ids = (await db.selectFrom('customers').select('id').orderBy('id').limit(5000).execute()).map((r) => r.id as string);
  const [pipeline] = await listPipelines(db);
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  for (let have = await count('deals'); have < deals; have += 1000) {
    const batch = Array.from({ length: Math.min(1000, deals - have) }, (_, j) => ({
      title: `Deal ${have + j}`,
      value: 100 + (((have + j) * 7919) % 9900),
      stage_id: open[(have + j) % open.length].id,
      customer_id: ids[(have + j) % ids.length],
    }));
    await db.transaction().execute((trx) => createDealsIn(trx, ctx, batch));
  }
  await db
    .updateTable('deals')
    .set({ last_activity_at: new Date(now - 60 * dayMs).toISOString() })
    .where('title', 'like', 'Deal %7')
    .execute();
  for (let have = await count('quotes'); have < quotes; have += 500) {
    const rows = Array.from({ length: Math.min(500, quotes - have) }, (_, j) => {
      const n = have + j;
      const total = 500 + ((n * 104729) % 20000);
      return {
        id: newId('quote'),
        number: `Q-2026-${String(n + 1).padStart(5, '0')}`,
        version: 1,
        customer_id: ids[n % ids.length],
        status: n % 2 ? 'viewed' : 'sent',
        currency: 'EUR',
        valid_until: new Date(now + 20 * dayMs).toISOString().slice(0, 10),
        discount_percent: 0,
        subtotal: total,
        discount_total: 0,
        tax_total: 0,
        total,
        sent_at: new Date(now - 3 * dayMs).toISOString(),
        viewed_at: n % 2 ? new Date(now - dayMs).toISOString() : null,
        created_at: new Date(now - 4 * dayMs).toISOString(),
        updated_at: new Date(now - dayMs).toISOString(),
      };
    });
    await db.insertInto('quotes').values(rows).execute();
  }
  for (let have = await count('tasks'); have < tasks; have += 1000) {
    const rows = Array.from({ length: Math.min(1000, tasks - have) }, (_, j) => {
      const n = have + j;
      const at = new Date(now - ((n % 10) - 3) * dayMs).toISOString();
      return { id: newId('task'), title: `Task ${n}`, due_at: at, done: 0, customer_id: ids[n % ids.length], created_at: at, updated_at: at };
    });
    await db.insertInto('tasks').values(rows).execute();
  }
  if (!(await hasOwner(db))) await createOwner(db, { email: 'bench@example.com', password: 'benchmark password' });
  log(
    `data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${await count('customers')} customers, ${await count('deals')} deals, ${await count('quotes')} quotes, ${await count('tasks')} tasks`,
  );
  return { database, config };
}

export async function run(log: (line: string) => void) {
  log(
    `\n== Today on SQLite: ${customers.toLocaleString('en')} customers, ${deals.toLocaleString('en')} deals, ${quotes.toLocaleString('en')} quotes, ${tasks.toLocaleString('en')} tasks (${dataDir})`,
  );
  const { database, config } = await prepare(log);
  try {
    const app = createApp({ database, config });
    const { token } = await createToken(database.db, 'bench');
    log(`machine load (1-minute average) at the start: ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; figures grow with it`);
    const openDeals = database.sqlite!.prepare(
      "select d.id, d.stage_id, d.value, d.currency, d.last_activity_at, d.created_at, p.rotten_days from deals d join pipelines p on p.id = d.pipeline_id where d.status = 'open'",
    );
    const direct = await time(repetitions, () => openDeals.all());
    const loader = await time(repetitions, () => loadToday(database.db));
    const request = await time(repetitions, async () => {
      const res = await app.request('/api/today', { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET /api/today answered ${res.status}`);
      await res.text();
    });
    const today = await loadToday(database.db);
    log(`  candidates: ${JSON.stringify(today.counts)}`);
    log(`  baseline, the open deals read directly (better-sqlite3): p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms`);
    log(`  Today loader in process:                           p50 ${loader.p50.toFixed(1)} ms, p99 ${loader.p99.toFixed(1)} ms (${(loader.p99 / direct.p99).toFixed(1)}x the baseline at p99)`);
    log(
      `  GET /api/today through the app:                    p50 ${request.p50.toFixed(1)} ms, p99 ${request.p99.toFixed(1)} ms (${(request.p99 / direct.p99).toFixed(1)}x the baseline at p99; target < 50 ms at 1M customers)`,
    );
  } finally {
    await database.close();
  }
}
