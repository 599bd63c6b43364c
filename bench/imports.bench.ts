import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.js';
import { openConfiguredDatabase } from '../src/core/runtime.js';
import { scanDuplicates } from '../src/duplicates/scan.js';
import { runImport } from '../src/imports/importer.js';

const customers = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 1_000_000);
const orderLines = Number(process.env.BENCH_IMPORT_LINES ?? 5_000_000);
const dir = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/.data', `import-${customers}`);

// Names built from syllables, so that (as in real data) few people share a full name.
const syllables = ['an', 'be', 'ca', 'da', 'el', 'fa', 'gi', 'ho', 'in', 'jo', 'ka', 'li', 'ma', 'no', 'ol', 'pa', 'ri', 'sa', 'to', 'ul', 'va', 'wi', 'ya', 'ze'];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const first = syllables.flatMap((a) => syllables.map((b) => cap(a + b)));
const last = syllables.flatMap((a) => syllables.flatMap((b) => ['son', 'er', 'ez', 'ini'].map((c) => cap(a + b + c))));
const cities = ['London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Lisbon', 'Dublin'];

/** Deterministic CSVs: customers with contact data, and one row per order line. */
function writeFiles(customersCsv: string, ordersCsv: string) {
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
    buffer += `C${i},${f},${l},${f.toLowerCase()}.${l.normalize('NFKD').replace(/[^a-zA-Z]/g, '').toLowerCase()}${i}@example.com,+44 20 79${String(i % 1_000_000).padStart(6, '0')},${cities[i % cities.length]},${18 + (i % 60)},${20000 + Math.floor(rnd() * 100000)}\n`;
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

function sqliteImport(csv: string): number {
  const db = path.join(os.tmpdir(), `rapport-baseline-${process.pid}.db`);
  fs.rmSync(db, { force: true });
  const started = process.hrtime.bigint();
  execFileSync('sqlite3', [db, '.mode csv', `.import ${csv} plain`]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.rmSync(db, { force: true });
  return seconds;
}

export async function run(log: (line: string) => void) {
  log(`\n== Import: ${customers.toLocaleString('en')} customers and ${orderLines.toLocaleString('en')} order lines (CSV) on SQLite`);
  fs.mkdirSync(dir, { recursive: true });
  const customersCsv = path.join(dir, 'customers.csv');
  const ordersCsv = path.join(dir, 'orders.csv');
  if (!fs.existsSync(ordersCsv)) writeFiles(customersCsv, ordersCsv);
  const size = (f: string) => `${(fs.statSync(f).size / 1e6).toFixed(0)} MB`;

  let baseline: { customers: number; orders: number } | null = null;
  try {
    baseline = { customers: sqliteImport(customersCsv), orders: sqliteImport(ordersCsv) };
  } catch {
    log('sqlite3 is not installed (apt-get install sqlite3): no baseline');
  }

  const dataDir = path.join(dir, 'rapport');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = await openConfiguredDatabase(loadConfig({ RAPPORT_DATA_DIR: dataDir }));
  const ctx = { database, actor: 'bench' };
  const time = async <T>(fn: () => Promise<T>) => {
    const started = process.hrtime.bigint();
    const value = await fn();
    return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const c = await time(() => runImport(ctx, customersCsv, { kind: 'customers', source: 'bench', merge: 'off', defaultCountry: 'GB' }));
  const o = await time(() => runImport(ctx, ordersCsv, { kind: 'orders', source: 'bench' }));
  const d = await time(() => scanDuplicates(ctx, { mode: 'review' }));
  const rssMb = process.resourceUsage().maxRSS / 1024;
  await database.close();

  const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;
  log(`customers.csv ${size(customersCsv)}: Rapport ${c.seconds.toFixed(1)} s (${rate(customers, c.seconds)}; created ${c.value.counts.created}, rejected ${c.value.counts.rejected})` + (baseline ? `; sqlite3 .import ${baseline.customers.toFixed(1)} s; ratio ${(c.seconds / baseline.customers).toFixed(1)}x` : ''));
  log(`orders.csv ${size(ordersCsv)}: Rapport ${o.seconds.toFixed(1)} s (${rate(orderLines, o.seconds)}; ${o.value.counts.created} orders)` + (baseline ? `; sqlite3 .import ${baseline.orders.toFixed(1)} s; ratio ${(o.seconds / baseline.orders).toFixed(1)}x` : ''));
  log(`fuzzy duplicate scan over ${d.value.customers.toLocaleString('en')} customers: ${d.seconds.toFixed(1)} s (${d.value.queued} pairs queued for review)`);
  log(`peak RSS of the process: ${rssMb.toFixed(0)} MB`);
}
