import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { detectDuplicates, type DetectStats } from '../src/duplicates/detect.js';
import { invalidateMatchKeys } from '../src/duplicates/match-keys.js';
import { DEFAULT_MAX_REVIEW } from '../src/duplicates/scan.js';
import { generateDemo } from '../src/demo/generate.js';
import { DEFAULT_THRESHOLDS } from '../src/imports/dedupe/score.js';

/**
 * Duplicate scan over the demo database: 100k customers and a copy of the 1M-customer demo.
 * Each size runs twice: first computing and storing every customer's match keys (as the first
 * scan after an upgrade does), then from the stored keys (every later scan).
 */
const sizes = (process.env.BENCH_DEDUPE_SIZES ?? '100000,1000000').split(',').map(Number);
const maxBlockSize = process.env.BENCH_DEDUPE_MAX_BLOCK ? Number(process.env.BENCH_DEDUPE_MAX_BLOCK) : undefined;

/** Peak resident memory while `run` runs, sampled every 20 ms, in MB. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await run();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Our own copy of the demo database (never the original), made once. */
function prepareCopy(customers: number, log: (line: string) => void): string {
  const dir = path.resolve(`bench/.data/dedupe-${customers >= 1_000_000 ? `${customers / 1_000_000}m` : `${customers / 1000}k`}`);
  const source = path.resolve(`bench/.data/demo-${customers}`);
  if (!fs.existsSync(path.join(dir, 'rapport.db')) && fs.existsSync(path.join(source, 'rapport.db'))) {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs.readdirSync(source).filter((f) => f.endsWith('.db'))) fs.copyFileSync(path.join(source, file), path.join(dir, file));
    log(`  copied ${source} to ${dir}`);
  }
  return dir;
}

function format(stats: DetectStats): string {
  const n = (x: number) => x.toLocaleString('en');
  return (
    `${stats.seconds.toFixed(1)} s (of which storing match keys of ${n(stats.refreshedCustomers)} customers ${stats.refreshSeconds.toFixed(1)} s); ` +
    `${n(stats.blocks)} blocks compared, ${n(stats.oversizedBlocks)} over the cap skipped; ${n(stats.candidatePairs)} candidate pairs, ${n(stats.comparisons)} comparisons; ` +
    `${n(stats.mergePairs)} merge pairs, ${n(stats.reviewPairs)} review pairs`
  );
}

export async function run(log: (line: string) => void) {
  for (const customers of sizes) {
    const dataDir = prepareCopy(customers, log);
    const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' });
    const database = await openConfiguredDatabase(config);
    try {
      const db = database.db;
      let count = Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      if (count === 0) {
        log(`  generating ${customers.toLocaleString('en')} demo customers in ${dataDir}`);
        count = (await generateDemo(database, { customers, seed: 1 })).customers;
      }
      log(`\n== Duplicate scan: ${count.toLocaleString('en')} customers on SQLite (${dataDir})`);
      await invalidateMatchKeys(db);
      for (const pass of ['first scan (stores match keys)', 'later scan (stored keys)']) {
        const { value, peakMb } = await withPeakRss(() => detectDuplicates(db, { thresholds: DEFAULT_THRESHOLDS, maxReview: DEFAULT_MAX_REVIEW, maxBlockSize }));
        const merged = value.clusters.reduce((sum, c) => sum + c.length - 1, 0);
        log(`${pass}: ${format(value.stats)}`);
        log(`  auto-merge: ${value.clusters.length.toLocaleString('en')} clusters (${merged.toLocaleString('en')} customers merged away); review queue: ${value.review.length} pairs (cap ${DEFAULT_MAX_REVIEW}); peak RSS during the scan ${peakMb.toFixed(0)} MB`);
      }
    } finally {
      await database.close();
    }
  }
  log(`process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
