/**
 * Feedback trends: per month, NPS and CSAT with their 95% intervals, and how many were asked and
 * answered (the response rate). Answers are read for the months asked for and counted here, the same
 * way on every engine.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../core/database.js';
import { csatOf, npsOfScores } from './scores.js';

const nullableNumber = z.number().nullable();
const npsFigureSchema = z
  .object({ answers: z.number().int(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), nps: nullableNumber, low: nullableNumber, high: nullableNumber })
  .openapi('NpsFigure', { description: 'NPS (−100…100) with its 95% adjusted-Wald interval (low, high)' });
const csatFigureSchema = z
  .object({ answers: z.number().int(), satisfied: z.number().int(), csat: nullableNumber, low: nullableNumber, high: nullableNumber, average: nullableNumber })
  .openapi('CsatFigure', { description: 'CSAT: % of answers 4–5 with its 95% Wilson interval, and the mean score' });
const asked = z.object({ sent: z.number().int(), answered: z.number().int(), response_rate: nullableNumber });
export const feedbackReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    nps: npsFigureSchema,
    csat: csatFigureSchema,
    nps_requests: asked,
    csat_requests: asked,
    months: z.array(z.object({ month: z.string(), nps: npsFigureSchema, csat: csatFigureSchema })),
  })
  .openapi('FeedbackReport');
export type FeedbackReport = z.infer<typeof feedbackReportSchema>;

const monthKey = (iso: string) => iso.slice(0, 7);

export async function feedbackReport(db: Db, months = 12, now = new Date()): Promise<FeedbackReport> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const from = start.toISOString();
  const to = now.toISOString();
  const answers = await db.selectFrom('survey_responses').select(['kind', 'score', 'answered_at']).where('answered_at', '>=', from).where('answered_at', '<=', to).execute();
  const requests = await db
    .selectFrom('survey_requests')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('sent'), eb.fn.count<number>('answered_at').as('answered')])
    .where('sent_at', '>=', from)
    .where('sent_at', '<=', to)
    .groupBy('kind')
    .execute();
  const keys: string[] = [];
  for (let i = 0; i < months; i++) keys.push(monthKey(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString()));
  const byMonth = new Map(keys.map((k) => [k, { nps: [] as number[], csat: [] as number[] }]));
  const all = { nps: [] as number[], csat: [] as number[] };
  for (const a of answers) {
    const kind = a.kind === 'nps' ? 'nps' : 'csat';
    const score = Number(a.score);
    all[kind].push(score);
    byMonth.get(monthKey(a.answered_at as string))?.[kind].push(score);
  }
  const ask = (kind: string) => {
    const r = requests.find((x) => x.kind === kind);
    const sent = Number(r?.sent ?? 0);
    const answered = Number(r?.answered ?? 0);
    return { sent, answered, response_rate: sent ? Math.round((answered / sent) * 1000) / 1000 : null };
  };
  return {
    from,
    to,
    nps: npsOfScores(all.nps),
    csat: csatOf(all.csat),
    nps_requests: ask('nps'),
    csat_requests: ask('csat'),
    months: keys.map((month) => ({ month, nps: npsOfScores(byMonth.get(month)!.nps), csat: csatOf(byMonth.get(month)!.csat) })),
  };
}
