import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { newId } from '../core/ids.js';
import type { PersonRecord } from '../dedupe/record.js';
import type { ScoredPair } from '../dedupe/cluster.js';
import { normalisePhone } from '../dedupe/normalise.js';
import { canonicalCity } from '../dedupe/places.js';
import { DEFAULT_THRESHOLDS } from '../dedupe/score.js';
import { detectDuplicates, type DetectStats } from './detect.js';
import { mergeCustomersIn } from './merge.js';
import { readPeople } from './people.js';

export type MergeMode = 'auto' | 'review' | 'off';

export interface ScanOptions {
  mode: MergeMode;
  /** Only clusters and pairs with at least one of these customers (an import's records). */
  touching?: ReadonlySet<string>;
  /** Score from which a pair is merged without asking (default from the tuned thresholds). */
  mergeThreshold?: number;
  /** Where an import records the merges it made, so that undoing the import undoes them. */
  changes?: { record(entity: string, entityId: string, action: 'merge'): void; flush(db: Db): Promise<void> };
  /** At most this many uncertain pairs join the review queue per scan, the likeliest (default 1000). */
  maxReview?: number;
  /** Blocks of more customers than this share too common a key and are not compared. */
  maxBlockSize?: number;
}

export interface ScanResult {
  customers: number;
  merged: number;
  clusters: number;
  queued: number;
  /** How the detection went: blocks, comparisons, pairs found. */
  stats?: DetectStats;
}

/** Uncertain pairs a scan adds to the review queue at most: the likeliest first. */
export const DEFAULT_MAX_REVIEW = 1000;

async function existingIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db
      .selectFrom('customers')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      existing.add(row.id as string);
  }
  return existing;
}

/** Plain-words reasons why two records look like one person. */
export function matchReasons(a: PersonRecord, b: PersonRecord): string[] {
  const reasons: string[] = [];
  const lower = (s?: string) => (s ?? '').trim().toLowerCase();
  if ((a.emails ?? []).some((e) => (b.emails ?? []).map(lower).includes(lower(e)))) reasons.push('same email');
  const phonesB = (b.phones ?? []).map(normalisePhone);
  if ((a.phones ?? []).some((p) => normalisePhone(p) !== '' && phonesB.includes(normalisePhone(p)))) reasons.push('same phone');
  if (lower(a.last_name) && lower(a.last_name) === lower(b.last_name)) reasons.push('same last name');
  if (lower(a.first_name) && lower(a.first_name) !== lower(b.first_name) && lower(a.last_name) === lower(b.last_name)) reasons.push(`first names ${a.first_name} / ${b.first_name}`);
  else if (lower(a.first_name) && lower(a.first_name) === lower(b.first_name)) reasons.push('same first name');
  if (a.birthday && a.birthday === b.birthday) reasons.push('same birthday');
  if (lower(a.postcode) && lower(a.postcode).replace(/\s/g, '') === lower(b.postcode).replace(/\s/g, '')) reasons.push('same postcode');
  else if (lower(a.city) && canonicalCity(a.city!) === canonicalCity(b.city ?? '')) reasons.push(lower(a.city) === lower(b.city) ? 'same city' : `same city (${a.city} / ${b.city})`);
  return reasons;
}

/**
 * The pairs to queue for a cluster that is not merged: the scored pairs that joined it, each with its
 * own probability. A member joined only through a customer deleted since is paired with the first
 * at the cluster's weakest link's score.
 */
function clusterPairs(sorted: string[], linksOf: ReadonlyMap<string, ScoredPair[]>): ScoredPair[] {
  const members = new Set(sorted);
  const touching = sorted.flatMap((id) => linksOf.get(id) ?? []);
  const pairs = touching.filter((link) => members.has(link.a) && members.has(link.b));
  const unique = [...new Map(pairs.map((p) => [`${p.a}|${p.b}`, p])).values()];
  const covered = new Set(unique.flatMap((p) => [p.a, p.b]));
  // Every member of a cluster has a link, so there is a weakest one.
  const weakest = Math.min(...touching.map((p) => p.score));
  for (const id of sorted.slice(1)) if (!covered.has(id)) unique.push({ a: sorted[0], b: id, score: weakest });
  return unique;
}

/**
 * Looks for duplicates among all customers: sure matches are merged (mode auto) and uncertain
 * pairs, or all pairs in mode review, wait in the review queue. Pairs dismissed before stay apart.
 */
export async function scanDuplicates(ctx: Ctx, options: ScanOptions): Promise<ScanResult> {
  const db = ctx.database.db;
  const result: ScanResult = { customers: 0, merged: 0, clusters: 0, queued: 0 };
  if (options.mode === 'off') return result;
  const thresholds = { ...DEFAULT_THRESHOLDS, ...(options.mergeThreshold !== undefined ? { merge: options.mergeThreshold } : {}) };
  const found = await detectDuplicates(ctx.database, { thresholds, touching: options.touching, maxReview: options.maxReview ?? DEFAULT_MAX_REVIEW, maxBlockSize: options.maxBlockSize });
  result.stats = found.stats;
  result.customers = Number(
    (
      await db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const relevant = (ids: string[]) => !options.touching || ids.some((id) => options.touching!.has(id));

  const dismissed = new Set(
    (await db.selectFrom('duplicate_candidates').select(['customer_a', 'customer_b']).where('status', '=', 'dismissed').execute()).map((r) => `${r.customer_a}|${r.customer_b}`),
  );
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const toQueue: { a: string; b: string; score: number }[] = [];

  // Keys of customers deleted since the last full rebuild may linger: only existing customers merge.
  const existing = await existingIds(db, found.clusters.flat());
  const linksOf = new Map<string, ScoredPair[]>();
  for (const link of found.links) for (const id of [link.a, link.b]) linksOf.set(id, [...(linksOf.get(id) ?? []), link]);
  for (const cluster of found.clusters) {
    const sorted = cluster.filter((id) => existing.has(id)).sort();
    if (sorted.length < 2 || !relevant(sorted)) continue;
    const blocked = sorted.some((x, i) => sorted.slice(i + 1).some((y) => dismissed.has(pairKey(x, y))));
    if (options.mode === 'review' || blocked) {
      toQueue.push(...clusterPairs(sorted, linksOf));
      continue;
    }
    // The oldest record (ids sort by creation time) survives and receives the others.
    const [winner, ...losers] = sorted;
    await inTransaction(ctx, async (trx) => {
      const merge = await mergeCustomersIn(trx, ctx, winner, losers);
      options.changes?.record('merges', merge.merge_id, 'merge');
      await options.changes?.flush(trx);
    });
    result.clusters++;
    result.merged += losers.length;
  }
  for (const pair of found.review) if (relevant([pair.a, pair.b])) toQueue.push(pair);

  const now = new Date().toISOString();
  const fresh = new Map<string, { a: string; b: string; score: number }>();
  for (const pair of toQueue) {
    const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
    if (!dismissed.has(`${a}|${b}`) && !fresh.has(`${a}|${b}`)) fresh.set(`${a}|${b}`, { a, b, score: pair.score });
  }
  const pairs = [...fresh.values()];
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    const byId = new Map((await readPeople(db, [...new Set(chunk.flatMap((p) => [p.a, p.b]))])).map((p) => [p.id, p]));
    const known = await db
      .selectFrom('duplicate_candidates')
      .select(['customer_a', 'customer_b'])
      .where(
        'customer_a',
        'in',
        chunk.map((p) => p.a),
      )
      .execute();
    const seen = new Set(known.map((k) => `${k.customer_a}|${k.customer_b}`));
    const rows = chunk
      .filter((p) => !seen.has(`${p.a}|${p.b}`) && byId.has(p.a) && byId.has(p.b))
      .map((p) => ({
        id: newId('duplicate'),
        customer_a: p.a,
        customer_b: p.b,
        score: Math.round(p.score * 1000) / 1000,
        reasons: JSON.stringify(matchReasons(byId.get(p.a)!, byId.get(p.b)!)),
        status: 'open',
        batch_id: ctx.batchId ?? null,
        created_at: now,
        resolved_at: null,
      }));
    if (rows.length) await db.insertInto('duplicate_candidates').values(rows).execute();
    result.queued += rows.length;
  }
  return result;
}
