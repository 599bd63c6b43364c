import '../src/derived-data.js';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { detectDuplicates, type DetectStats } from '../src/duplicates/detect.js';
import { invalidateMatchKeys } from '../src/duplicates/match-keys.js';
import { customerPages } from '../src/duplicates/people.js';
import { DEFAULT_MAX_REVIEW } from '../src/duplicates/scan.js';
import { findDuplicates } from '../src/dedupe/find-duplicates.js';
import { generateDemo } from '../src/demo/generate.js';
import { DEFAULT_THRESHOLDS } from '../src/dedupe/score.js';
import { brierScore, calibrationError, formatReliability, reliabilityTable } from '../src/dedupe/calibration.js';
import { febrl1, febrl3Part, inTrainingHalf, loadSplink, pairwiseF1, scoredCandidatePairs, scoredSplinkLabelledPairs, type ScoredLabelledPair } from '../src/test/dedupe-data.js';

/**
 * Duplicate quality on the labelled public data sets first: pairwise F1 of the automatic merges and
 * the reliability of the shown probability (predicted vs observed share of true duplicates) on pairs
 * held out from the calibration fit. Then the duplicate scan over the demo database: 100k customers
 * and a copy of the 1M-customer demo (BENCH_DEDUPE_SIZES=none skips it).
 * Each size runs twice: first computing and storing every customer's match keys (as the first
 * scan after an upgrade does), then from the stored keys (every later scan).
 */
const sizes = (process.env.BENCH_DEDUPE_SIZES ?? '100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const maxBlockSize = process.env.BENCH_DEDUPE_MAX_BLOCK ? Number(process.env.BENCH_DEDUPE_MAX_BLOCK) : undefined;

/** Resident memory in MB from /proc: all of it, and the anonymous part (heap and native allocations, not the mapped database file). */
function residentMb(): { rss: number; anon: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024 };
}

/** Peak resident memory while `run` runs, sampled every 20 ms. */
async function withPeakMemory<T>(run: () => Promise<T>): Promise<{ value: T; rss: number; anon: number; heap: number; cpuSeconds: number }> {
  const peak = { rss: 0, anon: 0, heap: 0 };
  const cpu = process.cpuUsage();
  const sample = () => {
    const now = residentMb();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.anon = Math.max(peak.anon, now.anon);
    peak.heap = Math.max(peak.heap, process.memoryUsage().heapUsed / 2 ** 20);
  };
  sample();
  const timer = setInterval(sample, 20);
  try {
    const value = await run();
    sample();
    const used = process.cpuUsage(cpu);
    return { value, ...peak, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Our own copy of the demo database, made once with SQLite's online backup: a consistent copy even
 * while another process has the original open. The original is opened read-only.
 */
async function prepareCopy(customers: number, log: (line: string) => void): Promise<string> {
  const dir = path.resolve(`bench/.data/dedupe-${customers >= 1_000_000 ? `${customers / 1_000_000}m` : `${customers / 1000}k`}`);
  const source = path.resolve(`bench/.data/demo-${customers}/rapport.db`);
  if (!fs.existsSync(path.join(dir, 'rapport.db')) && fs.existsSync(source)) {
    fs.mkdirSync(dir, { recursive: true });
    const original = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      await original.backup(path.join(dir, 'rapport.db'));
    } finally {
      original.close();
    }
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

function quality(log: (line: string) => void): void {
  log(`\n== Duplicate quality (merge at ${DEFAULT_THRESHOLDS.merge * 100}%, review from ${DEFAULT_THRESHOLDS.review * 100}%)`);
  for (const data of [febrl1(), febrl3Part(), loadSplink()]) {
    const { precision, recall, f1 } = pairwiseF1(findDuplicates(data.records).clusters, data.entityOf);
    log(`${data.name}: pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(4)}`);
  }
  const shown = (pairs: ScoredLabelledPair[], all = false) => pairs.filter((p) => all || !inTrainingHalf(p)).map((p) => ({ value: p.score, same: p.same }));
  const heldOut: [string, { value: number; same: boolean }[]][] = [
    ['FEBRL dataset 1 candidate pairs, held-out half', shown(scoredCandidatePairs(febrl1()))],
    ['Splink fake_1000 candidate pairs, held-out half', shown(scoredCandidatePairs(loadSplink()))],
    ["Splink's hand-labelled pairs, held-out half", shown(scoredSplinkLabelledPairs())],
    ['FEBRL dataset 3 (first 624 records), all candidate pairs, never fitted on', shown(scoredCandidatePairs(febrl3Part()), true)],
  ];
  for (const [name, pairs] of heldOut) {
    const rows = reliabilityTable(pairs);
    log(`\nReliability on ${name}: ${pairs.length} pairs, Brier ${brierScore(pairs).toFixed(4)}, calibration error ${calibrationError(rows).toFixed(3)}`);
    for (const line of formatReliability(rows)) log(`  ${line}`);
  }
}

export async function run(log: (line: string) => void) {
  quality(log);
  for (const customers of sizes) {
    const dataDir = await prepareCopy(customers, log);
    const config = loadConfig({ ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '' });
    const database = await openConfiguredDatabase(config);
    try {
      const db = database.db;
      let count = Number(
        (
          await db
            .selectFrom('customers')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (count === 0) {
        log(`  generating ${customers.toLocaleString('en')} demo customers in ${dataDir}`);
        count = (await generateDemo(database, { customers, seed: 1 })).customers;
      }
      log(`\n== Duplicate scan: ${count.toLocaleString('en')} customers on SQLite (${dataDir})`);
      await invalidateMatchKeys(db);
      for (const pass of ['first scan (stores match keys)', 'later scan (stored keys)']) {
        const { value, rss, anon, heap, cpuSeconds } = await withPeakMemory(() => detectDuplicates(database, { thresholds: DEFAULT_THRESHOLDS, maxReview: DEFAULT_MAX_REVIEW, maxBlockSize }));
        const merged = value.clusters.reduce((sum, c) => sum + c.length - 1, 0);
        log(`${pass}: ${format(value.stats)}; CPU time ${cpuSeconds.toFixed(1)} s (the machine is shared: CPU time is what the scan itself used)`);
        log(
          `  auto-merge: ${value.clusters.length.toLocaleString('en')} clusters (${merged.toLocaleString('en')} customers merged away); review queue: ${value.review.length} pairs (cap ${DEFAULT_MAX_REVIEW})`,
        );
        log(`  peak memory during the scan: RSS ${rss.toFixed(0)} MB (includes the memory-mapped database file), anonymous ${anon.toFixed(0)} MB, JS heap ${heap.toFixed(0)} MB`);
      }
      if (count <= 200_000) {
        // The same detection with every customer held in memory (how scans worked before), for comparison in this run.
        const { value, anon, heap, cpuSeconds } = await withPeakMemory(async () => {
          const started = performance.now();
          const people = [];
          for await (const page of customerPages(db)) people.push(...page);
          const found = findDuplicates(people, { maxBlockSize, maxReview: DEFAULT_MAX_REVIEW });
          return { found, seconds: (performance.now() - started) / 1000 };
        });
        log(
          `in memory (all customers loaded): ${value.seconds.toFixed(1)} s, CPU time ${cpuSeconds.toFixed(1)} s; ${value.found.clusters.length.toLocaleString('en')} clusters; peak anonymous memory ${anon.toFixed(0)} MB, JS heap ${heap.toFixed(0)} MB`,
        );
      }
    } finally {
      await database.close();
    }
  }
  log(`process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
