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
 * The modes take turns in short rounds so that the machine's load drifts over all of them alike; the
 * figure per mode is the median round. Target: full <= 1.1x off. BENCH_EVENTS_WRITES (default 200)
 * writes per round, BENCH_EVENTS_ROUNDS (default 5) rounds, BENCH_EVENTS_ENGINES (default
 * sqlite,postgres). Reducing the events needs RAPPORT_BENCH=1, which `npm run bench` sets.
 */
const writesPerRound = Number(process.env.BENCH_EVENTS_WRITES ?? 200);
const rounds = Number(process.env.BENCH_EVENTS_ROUNDS ?? 5);
const benchEngines = (process.env.BENCH_EVENTS_ENGINES ?? 'sqlite,postgres').split(',') as DialectName[];
const modes = ['off', 'outbox-only', 'full'] as const;
type Mode = (typeof modes)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(engine: DialectName): Promise<Record<Mode, number>> {
  const t = await freshDatabase(engine);
  const ctx = { database: t.database, actor: 'bench' };
  const perRound: Record<Mode, number[]> = { off: [], 'outbox-only': [], full: [] };
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
    for (let r = 0; r < rounds; r++) {
      for (const mode of r % 2 === 0 ? modes : [...modes].reverse()) {
        setEventModeForBenchmark(mode);
        const started = process.hrtime.bigint();
        for (let i = 0; i < writesPerRound; i++) await write();
        perRound[mode].push(Number(process.hrtime.bigint() - started) / 1e6 / writesPerRound);
      }
    }
    return { off: median(perRound.off), 'outbox-only': median(perRound['outbox-only']), full: median(perRound.full) };
  } finally {
    setEventModeForBenchmark('full');
    await t.drop();
  }
}

export async function run(log: (line: string) => void) {
  log(
    `\n== Events: one customer write with events and subscribers vs. the same write without events (${rounds} rounds of ${writesPerRound} writes per mode; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  if (process.env.RAPPORT_BENCH !== '1') {
    log('skipped: run with RAPPORT_BENCH=1 (npm run bench sets it) so that the baseline may write without events');
    return;
  }
  for (const engine of benchEngines) {
    const ms = await measure(engine);
    const ratio = (a: number) => `${(a / ms.off).toFixed(2)}x`;
    log(
      `${engine.padEnd(9)} no events ${ms.off.toFixed(2)} ms | event rows only ${ms['outbox-only'].toFixed(2)} ms (${ratio(ms['outbox-only'])}) | events + subscribers ${ms.full.toFixed(2)} ms (${ratio(ms.full)}; target <= 1.10x) | load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
}
