import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import { conflict, notFound } from '../core/errors.js';
import { getCustomer } from '../customers/service.js';
import { decodeCursor, encodeCursor } from '../records/query.js';
import { mergeCustomersIn } from './merge.js';

export type CandidateStatus = 'open' | 'merged' | 'dismissed';

/** Pairs waiting for a decision, most likely first, each with both customers side by side. */
export async function listCandidates(ctx: Ctx, params: { status?: CandidateStatus; limit?: number; cursor?: string }) {
  const db = ctx.database.db;
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 200);
  let q = db
    .selectFrom('duplicate_candidates')
    .selectAll()
    .where('status', '=', params.status ?? 'open');
  if (params.cursor) {
    const [score, id] = decodeCursor(params.cursor, 'number');
    q = q.where((eb) => eb.or([eb('score', '<', score as number), eb.and([eb('score', '=', score as number), eb('id', '>', id)])]));
  }
  const rows = await q
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const data = [];
  for (const r of page) {
    const [a, b] = await Promise.all([getCustomer(ctx, r.customer_a as string).catch(() => null), getCustomer(ctx, r.customer_b as string).catch(() => null)]);
    data.push({ id: r.id as string, score: Number(r.score), reasons: JSON.parse(r.reasons as string) as string[], status: r.status as CandidateStatus, created_at: r.created_at as string, a, b });
  }
  const last = page[page.length - 1];
  return { data, next_cursor: rows.length > limit && last ? encodeCursor(Number(last.score), last.id as string) : null };
}

async function openCandidate(ctx: Ctx, id: string) {
  const row = await ctx.database.db.selectFrom('duplicate_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('duplicate pair', id);
  if (row.status !== 'open') throw conflict(`duplicate pair ${id} is already ${row.status}`);
  return row;
}

/** Merges a reviewed pair; `winner` names the record that stays. */
export async function mergeCandidate(ctx: Ctx, id: string, winner: 'a' | 'b' = 'a') {
  const row = await openCandidate(ctx, id);
  const [keep, drop] = winner === 'a' ? [row.customer_a, row.customer_b] : [row.customer_b, row.customer_a];
  return inTransaction(ctx, async (trx) => {
    const result = await mergeCustomersIn(trx, ctx, keep as string, [drop as string]);
    await trx.updateTable('duplicate_candidates').set({ status: 'merged', resolved_at: new Date().toISOString() }).where('id', '=', id).execute();
    return result;
  });
}

/** "Not a duplicate": the pair is never suggested or merged automatically again. */
export async function dismissCandidate(ctx: Ctx, id: string) {
  await openCandidate(ctx, id);
  await ctx.database.db.updateTable('duplicate_candidates').set({ status: 'dismissed', resolved_at: new Date().toISOString() }).where('id', '=', id).execute();
}
