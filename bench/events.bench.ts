import '../src/derived-data.js';
import os from 'node:os';
import { setEventModeForBenchmark } from '../src/core/events.js';
import type { DialectName } from '../src/core/database.js';
import { customers as customerService } from '../src/customers/index.js';
import { freshDatabase } from '../src/test/engines.js';

/**
 * `npm run bench -- events`: what domain events cost one customer write. The same create through the
 * customer service (validation, normalisation, search text, audit) is timed three ways in one process:
 * with its events off (the write as it was before the outbox), with the event rows appended but no
 * subscriber run, and in full (event rows plus every in-transaction subscriber of src/derived-data.ts).
 * The modes take turns write by write, so that the machine's load drifts over all of them alike; the
 * figure per mode is the median write. Target: full <= 1.1x off. BENCH_EVENTS_WRITES (default 200)
 * times BENCH_EVENTS_ROUNDS (default 5) writes per mode, BENCH_EVENTS_ENGINES (default
 * sqlite,postgres). Reducing the events needs RAPPORT_BENCH=1, which `npm run bench` sets.
 */
const writesPerRound = Number(process.env.BENCH_EVENTS_WRITES ?? 200);
const rounds = Number(process.env.BENCH_EVENTS_ROUNDS ?? 5);
const benchEngines = (process.env.BENCH_EVENTS_ENGINES ?? 'sqlite,postgres').split(',') as DialectName[];
const modes = ['off', 'outbox-only', 'full'] as const;
type Mode = (typeof modes)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Every order of the three modes, used in turn. */
const turnOrders: Mode[][] = [
  ['off', 'outbox-only', 'full'],
  ['outbox-only', 'full', 'off'],
  ['full', 'off', 'outbox-only'],
  ['off', 'full', 'outbox-only'],
  ['full', 'outbox-only', 'off'],
  ['outbox-only', 'off', 'full'],
];

async function measure(engine: DialectName): Promise<{ median: Record<Mode, number>; mean: Record<Mode, number> }> {
  const t = await freshDatabase(engine);
  const ctx = { database: t.database, actor: 'bench' };
  const perWrite: Record<Mode, number[]> = { off: [], 'outbox-only': [], full: [] };
  let n = 0;
  const write = () => {
    const i = n++;
    return t.database.db
      .transaction()
      .execute((trx) =>
        customerService.createIn(trx, ctx, [
          { first_name: `Bench${i}`, last_name: `Family${i % 97}`, email: `bench${i}@bench.example`, phone: '+44 20 7946 0018', city: 'Leeds', tags: ['bench'], notes: 'one customer write' },
        ]),
      );
  };
  try {
    // Warm-up: statement caches and the JIT see every path once before anything is timed.
    for (const mode of modes) {
      setEventModeForBenchmark(mode);
      for (let i = 0; i < 20; i++) await write();
    }
    // Every write is timed on its own and the modes take turns write by write (in a new order each
    // turn), so a burst of load on a shared machine lands on all modes alike; the median drops the bursts.
    for (let r = 0; r < rounds * writesPerRound; r++) {
      const order = turnOrders[r % turnOrders.length];
      for (const mode of order) {
        setEventModeForBenchmark(mode);
        const started = process.hrtime.bigint();
        await write();
        perWrite[mode].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    const by = (f: (xs: number[]) => number) => ({ off: f(perWrite.off), 'outbox-only': f(perWrite['outbox-only']), full: f(perWrite.full) });
    return { median: by(median), mean: by(mean) };
  } finally {
    setEventModeForBenchmark('full');
    await t.drop();
  }
}

export async function run(log: (line: string) => void) {
  log(
    `\n== Events: one customer write with events and subscribers vs. the same write without events (${rounds * writesPerRound} writes per mode, taking turns, median; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  if (process.env.RAPPORT_BENCH !== '1') {
    log('skipped: run with RAPPORT_BENCH=1 (npm run bench sets it) so that the baseline may write without events');
    return;
  }
  for (const engine of benchEngines) {
    const { median: ms, mean: avg } = await measure(engine);
    const ratio = (a: number) => `${(a / ms.off).toFixed(2)}x`;
    log(
      `${engine.padEnd(9)} no events ${ms.off.toFixed(2)} ms | event rows only ${ms['outbox-only'].toFixed(2)} ms (${ratio(ms['outbox-only'])}) | events + subscribers ${ms.full.toFixed(2)} ms (${ratio(ms.full)}; target <= 1.10x) | mean ${avg.off.toFixed(2)} / ${avg['outbox-only'].toFixed(2)} / ${avg.full.toFixed(2)} ms (${(avg.full / avg.off).toFixed(2)}x) | load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
}
