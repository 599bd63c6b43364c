/**
 * Deals: one write pipe (the registry's dealEntity through entityService) for every change. A
 * deal's status, stage time and closing time follow its stage; every stage it enters is a row of
 * deal_stage_changes and a `deal.stage_changed` event (`deal.won` / `deal.lost` on closing).
 */
import { z } from '@hono/zod-openapi';
import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../core/context.js';
import { inTransaction } from '../core/context.js';
import type { Db } from '../core/database.js';
import { appendEvents, type DomainEvent } from '../core/events.js';
import { invalid, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { rowToRecord, type ApiRecord, type Row } from '../records/codec.js';
import { entityService } from '../records/entity-service.js';
import type { ListParams, Page, WhereBuilder } from '../records/repository.js';
import { dealLineTable, productLineInput, productLineRecord, readProductLines, splitProductLines, withProductLines, writeProductLines, type ProductLineInput } from '../sales/lines.js';
import { dealEntity } from '../schema/entities.js';
import { getBusinessSettings } from '../settings/business.js';
import { firstPipeline, getPipeline, getStage, type Stage } from './pipelines.js';

/** A deal's product lines: the same shape as an order's (src/sales/lines.ts), so a won deal's lines can become an order. */
export const dealLineInput = productLineInput;
export type DealLineInput = ProductLineInput;
export const dealLineRecord = productLineRecord.openapi('DealLine');
export const dealLinesField = { lines: z.array(dealLineInput).max(1000).optional() };

const round2 = (n: number) => Math.round(n * 100) / 100;

async function checkLink(trx: Db, table: 'customers' | 'companies', field: string, id: unknown) {
  if (typeof id !== 'string') return;
  const found = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw invalid(`${field} ${id} does not exist`, { [field]: ['no such record'] });
}

async function stageOrFail(trx: Db, id: string, field = 'stage_id'): Promise<Stage> {
  const stage = await getStage(trx, id);
  if (!stage) throw invalid(`stage ${id} does not exist`, { [field]: ['no such stage'] });
  return stage;
}

/** The stage a deal starts on or is sent to when a pipeline is named without a stage: its first open stage. */
async function entryStage(trx: Db, pipelineId: string | null | undefined): Promise<Stage> {
  let pipeline;
  if (pipelineId) {
    try {
      pipeline = await getPipeline(trx, pipelineId);
    } catch {
      throw invalid(`pipeline ${pipelineId} does not exist`, { pipeline_id: ['no such pipeline'] });
    }
  } else pipeline = await firstPipeline(trx);
  return pipeline.stages.find((s) => s.kind === 'open') ?? pipeline.stages[0];
}

async function lostReasonRequired(trx: Db, pipelineId: string): Promise<boolean> {
  const row = await trx.selectFrom('pipelines').select('lost_reason_required').where('id', '=', pipelineId).executeTakeFirst();
  return row ? row.lost_reason_required === true || Number(row.lost_reason_required) === 1 : false;
}

/** Columns that follow the stage a deal is put on. */
function stageColumns(stage: Stage, now: string): Row {
  return { pipeline_id: stage.pipeline_id, stage_id: stage.id, status: stage.kind, stage_changed_at: now, last_activity_at: now, closed_at: stage.kind === 'open' ? null : now };
}

const dealRows = entityService(dealEntity, {
  async prepare(trx, _ctx, record, existing) {
    const now = (record.updated_at as string) ?? new Date().toISOString();
    if (!existing || existing.customer_id !== record.customer_id) await checkLink(trx, 'customers', 'customer_id', record.customer_id);
    if (!existing || existing.company_id !== record.company_id) await checkLink(trx, 'companies', 'company_id', record.company_id);
    const extra: Row = {};
    let stage: Stage | undefined;
    if (!existing) {
      if (record.stage_id) {
        stage = await stageOrFail(trx, record.stage_id as string);
        if (record.pipeline_id && record.pipeline_id !== stage.pipeline_id)
          throw invalid(`stage ${stage.id} is not a stage of pipeline ${record.pipeline_id}`, { stage_id: [`not a stage of pipeline ${record.pipeline_id}`] });
      } else stage = await entryStage(trx, record.pipeline_id as string | null);
      const currency = typeof record.currency === 'string' && record.currency ? record.currency : (await getBusinessSettings(trx)).currency;
      extra.currency = currency.toUpperCase();
    } else {
      if (record.pipeline_id === null) throw invalid('pipeline_id cannot be empty', { pipeline_id: ['required'] });
      if (record.stage_id === null) throw invalid('stage_id cannot be empty', { stage_id: ['required'] });
      const stageChanged = record.stage_id !== existing.stage_id;
      const pipelineChanged = record.pipeline_id !== existing.pipeline_id;
      if (stageChanged) {
        stage = await stageOrFail(trx, record.stage_id as string);
        if (stage.pipeline_id !== record.pipeline_id)
          throw invalid(`stage ${stage.id} is not a stage of pipeline ${record.pipeline_id}`, { stage_id: [`not a stage of the deal's pipeline ${record.pipeline_id}`] });
      } else if (pipelineChanged) stage = await entryStage(trx, record.pipeline_id as string);
      if (typeof record.currency === 'string') extra.currency = record.currency.toUpperCase();
    }
    if (stage) {
      Object.assign(extra, stageColumns(stage, now));
      const reason = typeof record.lost_reason === 'string' ? record.lost_reason.trim() : '';
      if (stage.kind === 'lost' && !reason && (await lostReasonRequired(trx, stage.pipeline_id)))
        throw invalid('a lost deal needs a lost reason', { lost_reason: ['required when moving to a lost stage'] });
      // A reopened or won deal keeps no lost reason unless one was sent.
      if (stage.kind !== 'lost' && existing && record.lost_reason === existing.lost_reason) extra.lost_reason = null;
    }
    return extra;
  },
  async afterWrite(trx, ctx, changes) {
    const now = new Date().toISOString();
    const rows: Row[] = [];
    const events: DomainEvent[] = [];
    for (const { before, after } of changes) {
      if (!after || (before && before.stage_id === after.stage_id)) continue;
      const id = after.id as string;
      if (before)
        await trx
          .updateTable('deal_stage_changes')
          .set({ left_at: after.stage_changed_at ?? now })
          .where('deal_id', '=', id)
          .where('left_at', 'is', null)
          .execute();
      rows.push({
        id: newId('dealStageChange'),
        deal_id: id,
        pipeline_id: after.pipeline_id,
        from_stage_id: before?.stage_id ?? null,
        to_stage_id: after.stage_id,
        entered_at: after.stage_changed_at ?? now,
        left_at: null,
        actor: ctx.actor,
      });
      const facts = { value: after.value ?? null, currency: after.currency ?? null, pipeline_id: after.pipeline_id, stage_id: after.stage_id, customer_id: after.customer_id ?? null };
      if (before)
        events.push({
          type: 'deal.stage_changed',
          entity: 'deal',
          entityId: id,
          data: { from: before.stage_id, to: after.stage_id, from_pipeline_id: before.pipeline_id, pipeline_id: after.pipeline_id, status: after.status, previous_status: before.status },
        });
      if (after.status !== before?.status && (after.status === 'won' || after.status === 'lost'))
        events.push({ type: after.status === 'won' ? 'deal.won' : 'deal.lost', entity: 'deal', entityId: id, data: facts });
    }
    if (rows.length) await trx.insertInto('deal_stage_changes').values(rows).execute();
    await appendEvents(trx, ctx.actor, events);
  },
  async beforeDelete(trx, _ctx, ids) {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await trx.deleteFrom('deal_lines').where('deal_id', 'in', chunk).execute();
      await trx.deleteFrom('deal_stage_changes').where('deal_id', 'in', chunk).execute();
    }
  },
  search: (q) => () => sql<SqlBool>`lower(title) like ${`%${q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`} escape '!'`,
});

/** A deal body split into its fields and its validated lines. */
function splitLines(raw: unknown): { deal: Record<string, unknown>; lines: DealLineInput[] | undefined } {
  const { record, lines } = splitProductLines(dealLineTable, raw);
  return { deal: record, lines };
}

const writeLines = (trx: Db, dealId: string, lines: DealLineInput[]) => writeProductLines(trx, dealLineTable, dealId, lines);
export const dealLines = (db: Db, dealIds: string[]) => readProductLines(db, dealLineTable, dealIds);
const withLines = (db: Db, deals: ApiRecord[]) => withProductLines(db, dealLineTable, deals);

const linesTotal = (lines: DealLineInput[]) => round2(lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0));

export async function createDealsIn(trx: Db, ctx: Ctx, inputs: unknown[]): Promise<ApiRecord[]> {
  const split = inputs.map(splitLines);
  const created = await dealRows.createIn(
    trx,
    ctx,
    split.map(({ deal, lines }) => (deal.value === undefined && lines ? { ...deal, value: linesTotal(lines) } : deal)),
  );
  for (const [i, deal] of created.entries()) if (split[i].lines) await writeLines(trx, deal.id as string, split[i].lines!);
  return withLines(trx, created);
}

export async function updateDealsIn(trx: Db, ctx: Ctx, patches: { id: string; patch: unknown }[]): Promise<ApiRecord[]> {
  const split = patches.map((p) => splitLines(p.patch));
  const updated = await dealRows.updateIn(
    trx,
    ctx,
    patches.map((p, i) => ({ id: p.id, patch: split[i].deal.value === undefined && split[i].lines ? { ...split[i].deal, value: linesTotal(split[i].lines!) } : split[i].deal })),
  );
  for (const [i, deal] of updated.entries()) if (split[i].lines) await writeLines(trx, deal.id as string, split[i].lines!);
  return withLines(trx, updated);
}

/** Opens a deal (the default pipeline's first stage unless the input names a pipeline or stage). */
export async function createDeal(trx: Db, ctx: Ctx, input: unknown): Promise<ApiRecord> {
  return (await createDealsIn(trx, ctx, [input]))[0];
}

export async function getDeal(db: Db, id: string): Promise<ApiRecord> {
  const row = await db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('deal', id);
  return (await withLines(db, [rowToRecord(dealEntity.fields, row)]))[0];
}

/**
 * Moves a deal to another stage of its pipeline. A stage of another pipeline is refused (400) and
 * nothing changes; a lost stage may need a lost reason (the pipeline's rule). Moving to the stage
 * the deal is on changes nothing.
 */
export async function moveDeal(trx: Db, ctx: Ctx, dealId: string, stageId: string, options: { lostReason?: string | null } = {}): Promise<ApiRecord> {
  const deal = await getDeal(trx, dealId);
  const stage = await stageOrFail(trx, stageId);
  if (stage.pipeline_id !== deal.pipeline_id)
    throw invalid(`stage ${stage.id} belongs to pipeline ${stage.pipeline_id}, not to the deal's pipeline ${deal.pipeline_id}`, {
      stage_id: [`not a stage of the deal's pipeline ${deal.pipeline_id}`],
    });
  if (stage.id === deal.stage_id && options.lostReason === undefined) return deal;
  const patch: Record<string, unknown> = { stage_id: stage.id };
  if (options.lostReason !== undefined) patch.lost_reason = options.lostReason;
  return (await updateDealsIn(trx, ctx, [{ id: dealId, patch }]))[0];
}

/** Moves a deal to its pipeline's (first) won stage; a deal already won stays as it is. */
export async function winDeal(trx: Db, ctx: Ctx, dealId: string): Promise<ApiRecord> {
  const deal = await getDeal(trx, dealId);
  if (deal.status === 'won') return deal;
  const pipeline = await getPipeline(trx, deal.pipeline_id as string);
  const won = pipeline.stages.find((s) => s.kind === 'won')!;
  return moveDeal(trx, ctx, dealId, won.id);
}

/** Moves every deal of a stage (one about to be deleted) to another stage of the same pipeline. */
export async function moveDealsOfStage(trx: Db, ctx: Ctx, fromStageId: string, toStageId: string): Promise<number> {
  const target = await stageOrFail(trx, toStageId);
  const from = await getStage(trx, fromStageId);
  const rows = await trx.selectFrom('deals').select(['id', 'lost_reason']).where('stage_id', '=', fromStageId).execute();
  const patches = rows.map((r) => ({
    id: r.id as string,
    patch: { stage_id: target.id, ...(target.kind === 'lost' && !r.lost_reason ? { lost_reason: `Stage ${from?.name ?? fromStageId} was removed` } : {}) },
  }));
  for (let i = 0; i < patches.length; i += 500) await dealRows.updateIn(trx, ctx, patches.slice(i, i + 500));
  return rows.length;
}

export const deals = {
  entity: dealEntity,
  createIn: createDealsIn,
  updateIn: updateDealsIn,
  deleteIn: dealRows.deleteIn,
  create: (ctx: Ctx, inputs: unknown[]) => inTransaction(ctx, (trx) => createDealsIn(trx, ctx, inputs)),
  update: (ctx: Ctx, patches: { id: string; patch: unknown }[]) => inTransaction(ctx, (trx) => updateDealsIn(trx, ctx, patches)),
  delete: dealRows.delete,
  async get(ctx: Ctx, id: string) {
    return getDeal(ctx.database.db, id);
  },
  async list(ctx: Ctx, params: ListParams & { q?: string; where?: WhereBuilder[] }): Promise<Page> {
    const page = await dealRows.list(ctx, params);
    return { data: await withLines(ctx.database.db, page.data), next_cursor: page.next_cursor };
  },
};
