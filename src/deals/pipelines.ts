/**
 * Sales pipelines: ordered stages with a win probability and a kind (open, won, lost), and a
 * "rotten after N days without activity" rule. Stages are edited with their pipeline; a stage that
 * still holds deals can only go when the edit names the stage its deals move to.
 */
import { z } from '@hono/zod-openapi';
import type { Ctx } from '../core/context.js';
import { toBool, toNumber, type Db } from '../core/database.js';
import { insertOrIgnore } from '../core/dialect.js';
import { appendEvents } from '../core/events.js';
import { conflict, invalid, newFieldErrors, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { issuesToFields } from '../records/validation.js';
import { writeAudit } from '../audit/audit.js';
import { maxShortText } from '../schema/fields.js';

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];

export interface Stage {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  rotten_days: number | null;
  lost_reason_required: boolean;
  stages: Stage[];
  created_at: string;
  updated_at: string;
}

export const stageSchema = z
  .object({ id: z.string(), pipeline_id: z.string(), name: z.string(), position: z.number().int(), probability: z.number(), kind: z.enum(stageKinds) })
  .openapi('PipelineStage');
export const pipelineSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number().int(),
    rotten_days: z.number().int().nullable().openapi({ description: 'An open deal without activity for more days than this is rotten; null: never' }),
    lost_reason_required: z.boolean().openapi({ description: 'Whether moving a deal to a lost stage needs a lost reason' }),
    stages: z.array(stageSchema),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Pipeline');

const stageInput = z
  .object({
    id: z.string().max(40).optional().openapi({ description: 'An existing stage of this pipeline; omit for a new stage' }),
    name: z.string().trim().min(1).max(maxShortText),
    probability: z.number().min(0).max(1).optional().openapi({ description: 'Win probability 0..1 (won stages 1, lost stages 0)' }),
    kind: z.enum(stageKinds).default('open'),
  })
  .strict();

export const pipelineCreateInput = z
  .object({
    name: z.string().trim().min(1).max(maxShortText),
    position: z.number().int().min(0).max(10_000).optional(),
    rotten_days: z.number().int().min(1).max(3650).nullable().optional(),
    lost_reason_required: z.boolean().optional(),
    stages: z.array(stageInput).min(3).max(50).openapi({ description: 'Stages in board order: at least one open, one won and one lost' }),
  })
  .strict()
  .openapi('PipelineCreate');

export const pipelineUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(maxShortText).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    rotten_days: z.number().int().min(1).max(3650).nullable().optional(),
    lost_reason_required: z.boolean().optional(),
    stages: z.array(stageInput).min(3).max(50).optional().openapi({ description: 'The full list of stages in board order; stages left out are deleted' }),
    move_deals: z
      .record(z.string().max(40), z.string().max(40))
      .optional()
      .openapi({ description: 'For each deleted stage that holds deals, the id of a kept stage of this pipeline their deals move to' }),
  })
  .strict()
  .openapi('PipelineUpdate');

type StageInput = z.infer<typeof stageInput>;

/** The default pipeline, seeded on first use with fixed ids so two first uses cannot seed it twice. */
export const defaultPipelineId = 'pip_default';
const defaultStages: { id: string; name: string; probability: number; kind: StageKind }[] = [
  { id: 'stg_default_lead', name: 'Lead', probability: 0.1, kind: 'open' },
  { id: 'stg_default_qualified', name: 'Qualified', probability: 0.25, kind: 'open' },
  { id: 'stg_default_proposal', name: 'Proposal', probability: 0.5, kind: 'open' },
  { id: 'stg_default_negotiation', name: 'Negotiation', probability: 0.75, kind: 'open' },
  { id: 'stg_default_won', name: 'Won', probability: 1, kind: 'won' },
  { id: 'stg_default_lost', name: 'Lost', probability: 0, kind: 'lost' },
];
export const defaultRottenDays = 30;

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(`invalid ${what}`, issuesToFields(result.error.issues));
  return result.data;
}

const toStage = (r: Record<string, unknown>): Stage => ({
  id: r.id as string,
  pipeline_id: r.pipeline_id as string,
  name: r.name as string,
  position: Number(r.position),
  probability: toNumber(r.probability) ?? 0,
  kind: r.kind as StageKind,
});

/** Pipelines with their stages in board order (all of them, or the one with `id`); seeds nothing. */
export async function readPipelines(db: Db, id?: string): Promise<Pipeline[]> {
  let q = db.selectFrom('pipelines').selectAll().orderBy('position').orderBy('created_at').orderBy('id');
  if (id) q = q.where('id', '=', id);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const stages = await db
    .selectFrom('pipeline_stages')
    .selectAll()
    .where(
      'pipeline_id',
      'in',
      rows.map((r) => r.id as string),
    )
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    position: Number(r.position),
    rotten_days: r.rotten_days === null ? null : Number(r.rotten_days),
    lost_reason_required: toBool(r.lost_reason_required) ?? false,
    stages: stages.filter((s) => s.pipeline_id === r.id).map(toStage),
    created_at: r.created_at as string,
    updated_at: r.updated_at as string,
  }));
}

/** Seeds the default pipeline (Lead, Qualified, Proposal, Negotiation, Won, Lost) when there is none. */
export async function ensureDefaultPipeline(trx: Db): Promise<void> {
  const any = await trx.selectFrom('pipelines').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const now = new Date().toISOString();
  const pipeline = { id: defaultPipelineId, name: 'Sales', position: 0, rotten_days: defaultRottenDays, lost_reason_required: 1, created_at: now, updated_at: now };
  // Two first uses at once both find no pipeline: the fixed ids make the second insert a no-op, not an error.
  await insertOrIgnore(trx, 'pipelines', pipeline, ['id']);
  await insertOrIgnore(
    trx,
    'pipeline_stages',
    defaultStages.map((s, position) => ({ ...s, pipeline_id: defaultPipelineId, position, created_at: now, updated_at: now })),
    ['id'],
  );
}

export async function listPipelines(db: Db): Promise<Pipeline[]> {
  const found = await readPipelines(db);
  if (found.length > 0) return found;
  await db.transaction().execute((trx) => ensureDefaultPipeline(trx));
  return readPipelines(db);
}

export async function getPipeline(db: Db, id: string): Promise<Pipeline> {
  const [found] = await readPipelines(db, id);
  if (!found) throw notFound('pipeline', id);
  return found;
}

/** The pipeline a new deal goes to when it names none: the first one (seeded on first use). */
export async function firstPipeline(trx: Db): Promise<Pipeline> {
  await ensureDefaultPipeline(trx);
  const [row] = await trx.selectFrom('pipelines').select('id').orderBy('position').orderBy('created_at').orderBy('id').limit(1).execute();
  return getPipeline(trx, row.id as string);
}

export async function getStage(db: Db, id: string): Promise<Stage | undefined> {
  const row = await db.selectFrom('pipeline_stages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStage(row) : undefined;
}

/** Checks a stage list: names unique, at least one stage of each kind, won = 1 and lost = 0. */
function checkStages(stages: StageInput[], existing: Stage[] = []) {
  const errors = newFieldErrors();
  const names = new Set<string>();
  const known = new Set(existing.map((s) => s.id));
  const ids = new Set<string>();
  for (const [i, s] of stages.entries()) {
    const key = s.name.toLowerCase();
    if (names.has(key)) (errors[`stages.${i}.name`] ??= []).push('another stage has this name');
    names.add(key);
    if (s.id !== undefined) {
      if (!known.has(s.id)) (errors[`stages.${i}.id`] ??= []).push('not a stage of this pipeline');
      if (ids.has(s.id)) (errors[`stages.${i}.id`] ??= []).push('listed twice');
      ids.add(s.id);
    }
    if (s.kind === 'won' && s.probability !== undefined && s.probability !== 1) (errors[`stages.${i}.probability`] ??= []).push('a won stage has probability 1');
    if (s.kind === 'lost' && s.probability !== undefined && s.probability !== 0) (errors[`stages.${i}.probability`] ??= []).push('a lost stage has probability 0');
    if (s.kind === 'open' && s.probability === undefined) (errors[`stages.${i}.probability`] ??= []).push('required for an open stage');
  }
  for (const kind of stageKinds) if (!stages.some((s) => s.kind === kind)) (errors.stages ??= []).push(`needs at least one ${kind} stage`);
  if (Object.keys(errors).length) throw invalid(`invalid stages: ${Object.keys(errors).join(', ')}`, errors);
}

const stageProbability = (s: StageInput) => (s.kind === 'won' ? 1 : s.kind === 'lost' ? 0 : s.probability!);

function pipelineEvent(type: 'pipeline.created' | 'pipeline.updated' | 'pipeline.deleted', p: Pipeline, changed?: string[]) {
  return {
    type,
    entity: 'pipeline',
    entityId: p.id,
    data: { name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability })), ...(changed ? { changed } : {}) },
  };
}

async function audit(trx: Db, ctx: Ctx, action: 'create' | 'update' | 'delete', id: string, before?: Pipeline, after?: Pipeline) {
  await writeAudit(trx, [{ actor: ctx.actor, action, entity: 'pipelines', entityId: id, ...(before ? { before } : {}), ...(after ? { after } : {}), batchId: ctx.batchId }]);
}

export async function createPipelineIn(trx: Db, ctx: Ctx, raw: unknown): Promise<Pipeline> {
  const input = parse(pipelineCreateInput, raw, 'pipeline');
  if (input.stages.some((s) => s.id !== undefined)) throw invalid('a new pipeline has no stage ids yet', { stages: ['omit id on the stages of a new pipeline'] });
  checkStages(input.stages);
  await ensureDefaultPipeline(trx);
  const now = new Date().toISOString();
  const id = newId('pipeline');
  let position = input.position;
  if (position === undefined) {
    const top = await trx
      .selectFrom('pipelines')
      .select((eb) => eb.fn.max<number>('position').as('top'))
      .executeTakeFirst();
    position = Number(top?.top ?? -1) + 1;
  }
  await trx
    .insertInto('pipelines')
    .values({
      id,
      name: input.name,
      position,
      rotten_days: input.rotten_days === undefined ? defaultRottenDays : input.rotten_days,
      lost_reason_required: input.lost_reason_required === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await trx
    .insertInto('pipeline_stages')
    .values(input.stages.map((s, i) => ({ id: newId('pipelineStage'), pipeline_id: id, name: s.name, position: i, probability: stageProbability(s), kind: s.kind, created_at: now, updated_at: now })))
    .execute();
  const created = await getPipeline(trx, id);
  await audit(trx, ctx, 'create', id, undefined, created);
  await appendEvents(trx, ctx.actor, [pipelineEvent('pipeline.created', created)]);
  return created;
}

/** Moves the deals of stages about to be deleted; the deals service does the move (history, events). */
export type MoveDealsOfStage = (trx: Db, ctx: Ctx, fromStageId: string, toStageId: string) => Promise<number>;

export async function updatePipelineIn(trx: Db, ctx: Ctx, id: string, raw: unknown, moveDeals: MoveDealsOfStage): Promise<Pipeline> {
  const input = parse(pipelineUpdateInput, raw, 'pipeline');
  const before = await getPipeline(trx, id);
  const now = new Date().toISOString();
  if (input.stages) {
    checkStages(input.stages, before.stages);
    const kept = new Set(input.stages.map((s) => s.id).filter((s): s is string => s !== undefined));
    const removed = before.stages.filter((s) => !kept.has(s.id));
    const errors = newFieldErrors();
    const moves: [string, string][] = [];
    for (const stage of removed) {
      const holds = await trx.selectFrom('deals').select('id').where('stage_id', '=', stage.id).limit(1).executeTakeFirst();
      const target = input.move_deals?.[stage.id];
      if (!holds) continue;
      if (!target) (errors[`move_deals.${stage.id}`] ??= []).push(`stage ${stage.name} holds deals: name a kept stage to move them to`);
      else if (!kept.has(target)) (errors[`move_deals.${stage.id}`] ??= []).push('must be a kept stage of this pipeline');
      else moves.push([stage.id, target]);
    }
    // A deal's status follows its stage's kind: a stage that holds deals keeps its kind (move them first).
    for (const [i, s] of input.stages.entries()) {
      const old = s.id ? before.stages.find((b) => b.id === s.id) : undefined;
      if (!old || old.kind === s.kind) continue;
      const holds = await trx.selectFrom('deals').select('id').where('stage_id', '=', old.id).limit(1).executeTakeFirst();
      if (holds) (errors[`stages.${i}.kind`] ??= []).push(`stage ${old.name} holds deals: its kind cannot change`);
    }
    if (Object.keys(errors).length) throw invalid('stages that hold deals cannot be deleted without a target stage, nor change kind', errors);
    // Kept and new stages are written first (their new kinds apply to the moved deals), then deals move, then stages go.
    for (const [position, s] of input.stages.entries()) {
      const values = { name: s.name, position, probability: stageProbability(s), kind: s.kind, updated_at: now };
      if (s.id) await trx.updateTable('pipeline_stages').set(values).where('id', '=', s.id).execute();
      else
        await trx
          .insertInto('pipeline_stages')
          .values({ ...values, id: newId('pipelineStage'), pipeline_id: id, created_at: now })
          .execute();
    }
    for (const [from, to] of moves) await moveDeals(trx, ctx, from, to);
    if (removed.length)
      await trx
        .deleteFrom('pipeline_stages')
        .where(
          'id',
          'in',
          removed.map((s) => s.id),
        )
        .execute();
  }
  const set: Record<string, unknown> = { updated_at: now };
  for (const key of ['name', 'position', 'rotten_days'] as const) if (input[key] !== undefined) set[key] = input[key];
  if (input.lost_reason_required !== undefined) set.lost_reason_required = input.lost_reason_required ? 1 : 0;
  await trx.updateTable('pipelines').set(set).where('id', '=', id).execute();
  const after = await getPipeline(trx, id);
  const changed = (['name', 'position', 'rotten_days', 'lost_reason_required', 'stages'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length) {
    await audit(trx, ctx, 'update', id, before, after);
    await appendEvents(trx, ctx.actor, [pipelineEvent('pipeline.updated', after, [...changed])]);
  }
  return after;
}

export async function deletePipelineIn(trx: Db, ctx: Ctx, id: string): Promise<void> {
  const before = await getPipeline(trx, id);
  const holds = await trx.selectFrom('deals').select('id').where('pipeline_id', '=', id).limit(1).executeTakeFirst();
  if (holds) throw conflict(`pipeline ${before.name} holds deals: move or delete them first`, { id: ['pipeline holds deals'] });
  await trx.deleteFrom('pipeline_stages').where('pipeline_id', '=', id).execute();
  await trx.deleteFrom('pipelines').where('id', '=', id).execute();
  await audit(trx, ctx, 'delete', id, before);
  await appendEvents(trx, ctx.actor, [pipelineEvent('pipeline.deleted', before)]);
}
