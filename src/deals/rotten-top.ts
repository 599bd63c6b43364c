/**
 * The rotten open deals that can lead a list ranked by money at stake (Today), without reading every
 * rotten deal: the database orders them as the list does (deals in the business currency first, then
 * by value x the stage's learnt probability, highest first) and returns the first `limit`, and how
 * many are rotten in all. A business with thousands of neglected deals reads a page, not thousands.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../core/database.js';
import { dealsAtStake, probabilitiesByStage, rottenCutoff, selectOpenDeals, type DealAtStake, type StageProbability } from './stake.js';

export interface RottenDeals {
  /** At least the first `limit` rotten deals in the list's order (near ties at the cut included), unsorted. */
  deals: DealAtStake[];
  /** Every rotten open deal. */
  count: number;
}

export async function topRottenDeals(db: Db, now: Date, options: { limit: number; currency: string }): Promise<RottenDeals> {
  const probabilities = await probabilitiesByStage(db);
  const pipelines = await db.selectFrom('pipelines').select(['id', 'rotten_days']).where('rotten_days', 'is not', null).execute();
  const rows = new Map<string, Record<string, unknown>>();
  let count = 0;
  for (const p of pipelines) {
    const cutoff = rottenCutoff(now, Number(p.rotten_days));
    // Two ranges of the (pipeline_id, status, last_activity_at) index: deals idle since the cut-off, and
    // deals never touched since they were made before it.
    const ranges = [
      () => selectOpenDeals(db, { pipelineId: p.id as string }).where('d.last_activity_at', '<=', cutoff),
      () =>
        selectOpenDeals(db, { pipelineId: p.id as string })
          .where('d.last_activity_at', 'is', null)
          .where('d.created_at', '<=', cutoff),
    ];
    for (const range of ranges) {
      const counted = await range()
        .clearSelect()
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      count += Number(counted?.n ?? 0);
      for (const r of await firstInListOrder(range, probabilities, options)) rows.set(r.id as string, r);
    }
  }
  return { deals: dealsAtStake([...rows.values()], probabilities, now), count };
}

type DealQuery = ReturnType<typeof selectOpenDeals>;

/**
 * The first `limit` rows of a range in the list's order, plus the rows whose expected value is within
 * a billionth of the last one's in the same currency group: the database's decimal arithmetic and
 * JavaScript's doubles may order near ties differently, and the list decides those.
 */
async function firstInListOrder(range: () => DealQuery, probabilities: Map<string, StageProbability>, options: { limit: number; currency: string }) {
  const open = [...probabilities.values()].filter((p) => p.kind === 'open');
  // Literal probabilities (computed here, never input): PostgreSQL cannot type untyped CASE parameters.
  const probability = open.length
    ? sql`case ${sql.join(
        open.map((p) => sql`when ${sql.ref('d.stage_id')} = ${p.stage_id} then ${sql.lit(p.used)}`),
        sql` `,
      )} else 0 end`
    : sql`0`;
  const expected = sql<number>`(${probability}) * coalesce(${sql.ref('d.value')}, 0)`;
  const otherCurrency = sql<number>`case when coalesce(${sql.ref('d.currency')}, ${options.currency}) = ${options.currency} then 0 else 1 end`;
  // One row past the cut tells whether any near tie lies beyond it: if it is clearly below the last
  // place (or in the other currency group), every row after it is too, and the second read is skipped.
  const read = await range()
    .select([expected.as('expected'), otherCurrency.as('other_currency')])
    .orderBy(otherCurrency)
    .orderBy(expected, 'desc')
    .orderBy('d.id')
    .limit(options.limit + 1)
    .execute();
  if (read.length <= options.limit) return read;
  const first = read.slice(0, options.limit);
  const last = first[first.length - 1];
  const at = Number(last.expected);
  const tolerance = Math.max(1e-9, Math.abs(at) * 1e-9);
  const next = read[options.limit];
  // Twice the tolerance: the engines' arithmetic and JavaScript's may differ by a hair here as well.
  if (Number(next.other_currency) !== Number(last.other_currency) || Number(next.expected) < at - 2 * tolerance) return first;
  const near: Expression<SqlBool> = sql<SqlBool>`${expected} between ${sql.lit(at - tolerance)} and ${sql.lit(at + tolerance)}`;
  const ties = await range().where(otherCurrency, '=', Number(last.other_currency)).where(near).execute();
  return [...first, ...ties];
}
