import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import type { FilterNode } from '../records/query.js';
import { info, withDatabase } from './support.js';

const deals = () => import('../deals/service.js');
const pipelines = () => import('../deals/pipelines.js');

/** A pipeline or stage named by id or by name (case-insensitive). */
function pick<T extends { id: string; name: string }>(items: T[], wanted: string, what: string): T {
  const found = items.find((i) => i.id === wanted) ?? items.find((i) => i.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new AppError('invalid_input', `no ${what} ${wanted}; one of: ${items.map((i) => i.name).join(', ')}`);
  return found;
}

/** `rapport deals list|move|pipelines`: the pipeline from the command line (as /api/deals and /api/pipelines). */
export function registerDeals(program: Command) {
  const command = program.command('deals').description('deals on the sales pipelines: list, filter, move');
  command
    .command('pipelines')
    .description('pipelines and their stages with configured and learnt win probabilities')
    .action(async () => {
      await withDatabase(async (ctx) => {
        const { listPipelines } = await pipelines();
        const { learntProbabilities } = await import('../deals/stake.js');
        const learnt = new Map((await learntProbabilities(ctx.database.db)).map((p) => [p.stage_id, p]));
        for (const p of await listPipelines(ctx.database.db)) {
          process.stdout.write(`${p.id}\t${p.name}${p.rotten_days ? `\trotten after ${p.rotten_days} days` : ''}\n`);
          for (const s of p.stages) {
            const l = learnt.get(s.id);
            process.stdout.write(`  ${s.id}\t${s.name}\t${s.kind}\tset ${s.probability}\tlearnt ${l ? l.learnt.toFixed(3) : '-'} (${l?.deals_seen ?? 0} deals, uses ${l?.basis ?? 'configured'})\n`);
          }
        }
      });
    });
  command
    .command('list')
    .description('deals, newest first (tab-separated: id, stage, status, value, currency, expected close, title)')
    .option('--pipeline <pipeline>', 'pipeline id or name')
    .option('--stage <stage>', 'stage id or name (of --pipeline, or of the first pipeline)')
    .option('--status <status>', 'open, won or lost')
    .option('--sort <field>', 'field to sort by, - for descending', '-created_at')
    .option('--limit <n>', 'at most this many deals', '100')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { pipeline?: string; stage?: string; status?: string; sort: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new AppError('invalid_input', '--limit must be a whole number from 1 to 100000');
      await withDatabase(async (ctx) => {
        const all = await (await pipelines()).listPipelines(ctx.database.db);
        const filters: FilterNode[] = [];
        const pipeline = opts.pipeline ? pick(all, opts.pipeline, 'pipeline') : undefined;
        if (pipeline) filters.push({ field: 'pipeline_id', op: 'eq', value: pipeline.id });
        if (opts.stage) filters.push({ field: 'stage_id', op: 'eq', value: pick((pipeline ?? all[0]).stages, opts.stage, 'stage').id });
        if (opts.status) filters.push({ field: 'status', op: 'eq', value: opts.status });
        const names = new Map(all.flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
        let cursor: string | undefined;
        let left = limit;
        do {
          const page = await (await deals()).deals.list(ctx, { filter: filters.length ? { and: filters } : undefined, sort: opts.sort, limit: Math.min(left, 500), cursor });
          for (const d of page.data) {
            if (opts.json) process.stdout.write(JSON.stringify(d) + '\n');
            else process.stdout.write([d.id, names.get(d.stage_id as string) ?? d.stage_id, d.status, d.value ?? '', d.currency ?? '', d.expected_close_date ?? '', d.title].join('\t') + '\n');
          }
          left -= page.data.length;
          cursor = page.next_cursor ?? undefined;
        } while (cursor && left > 0);
      });
    });
  command
    .command('move')
    .description('move a deal to another stage of its pipeline (as POST /api/deals/{id}/move)')
    .argument('<id>', 'deal id (dea_...)')
    .argument('<stage>', 'stage id or name')
    .option('--lost-reason <text>', 'why the deal was lost (when moving to a lost stage)')
    .action(async (id: string, stageName: string, opts: { lostReason?: string }) => {
      const moved = await withDatabase(async (ctx) => {
        const { getDeal, moveDeal } = await deals();
        const deal = await getDeal(ctx.database.db, id);
        const pipeline = await (await pipelines()).getPipeline(ctx.database.db, deal.pipeline_id as string);
        const stage = pick(pipeline.stages, stageName, `stage in pipeline ${pipeline.name}`);
        return ctx.database.db.transaction().execute((trx) => moveDeal(trx, ctx, id, stage.id, opts.lostReason === undefined ? {} : { lostReason: opts.lostReason }));
      });
      info(`Moved ${id} to ${moved.stage_id} (${moved.status}).`);
    });
}
