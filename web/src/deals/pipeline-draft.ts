/**
 * The pipeline editor's state as pure functions: a draft of the pipeline (text as typed), stage list
 * edits (add, remove, reorder, change), and the draft turned into the API's request body, with the
 * checks the form can make before asking the server.
 */
import type { FieldErrors } from '../lib/api';
import type { components } from '../lib/api-types';
import type { Pipeline, StageKind } from './types';

export type PipelineCreateBody = components['schemas']['PipelineCreate'];
export type PipelineUpdateBody = components['schemas']['PipelineUpdate'];

export interface StageDraft {
  /** Stable React key; the stage id for existing stages. */
  key: string;
  id?: string;
  name: string;
  /** Win probability in percent, as typed. */
  percent: string;
  kind: StageKind;
}

export interface PipelineDraft {
  name: string;
  /** Days without activity before an open deal is rotten, as typed; blank: never. */
  rottenDays: string;
  lostReasonRequired: boolean;
  stages: StageDraft[];
  /** For each deleted stage (by id), the kept stage its deals move to. */
  moveDeals: Record<string, string>;
}

let nextKey = 0;
const freshKey = () => `new-${++nextKey}`;

const percentOf = (p: number) => String(Math.round(p * 1000) / 10);

function newStage(kind: StageKind = 'open', name = ''): StageDraft {
  return { key: freshKey(), name, percent: kind === 'won' ? '100' : kind === 'lost' ? '0' : '', kind };
}

/** The draft of an existing pipeline, or of a new one with the three stages every pipeline needs. */
export function draftOf(pipeline?: Pipeline): PipelineDraft {
  if (!pipeline)
    return { name: '', rottenDays: '30', lostReasonRequired: false, stages: [{ ...newStage('open', 'Lead'), percent: '10' }, newStage('won', 'Won'), newStage('lost', 'Lost')], moveDeals: {} };
  return {
    name: pipeline.name,
    rottenDays: pipeline.rotten_days === null ? '' : String(pipeline.rotten_days),
    lostReasonRequired: pipeline.lost_reason_required,
    stages: pipeline.stages.map((s) => ({ key: s.id, id: s.id, name: s.name, percent: percentOf(s.probability), kind: s.kind })),
    moveDeals: {},
  };
}

/** Moves the stage at `index` by `delta` places; out-of-range moves leave the list as it is. */
export function moveStage(stages: StageDraft[], index: number, delta: number): StageDraft[] {
  const to = index + delta;
  if (index < 0 || index >= stages.length || to < 0 || to >= stages.length) return stages;
  const next = [...stages];
  const [stage] = next.splice(index, 1);
  next.splice(to, 0, stage);
  return next;
}

/** Changes one stage; a new kind won or lost brings its fixed probability. */
export function updateStage(stages: StageDraft[], index: number, change: Partial<Omit<StageDraft, 'key' | 'id'>>): StageDraft[] {
  return stages.map((s, i) => {
    if (i !== index) return s;
    const next = { ...s, ...change };
    if (change.kind && change.kind !== s.kind) next.percent = change.kind === 'won' ? '100' : change.kind === 'lost' ? '0' : '';
    return next;
  });
}

/** Adds an open stage before the first closed (won or lost) one, where new working stages belong. */
export function addStage(stages: StageDraft[]): StageDraft[] {
  const at = stages.findIndex((s) => s.kind !== 'open');
  const next = [...stages];
  next.splice(at === -1 ? next.length : at, 0, newStage());
  return next;
}

export function removeStage(draft: PipelineDraft, index: number): PipelineDraft {
  const stages = draft.stages.filter((_, i) => i !== index);
  return { ...draft, stages, moveDeals: keptTargets(draft.moveDeals, stages) };
}

/** Existing stages the draft no longer lists: saving deletes them. */
export function removedStages(draft: PipelineDraft, original?: Pipeline) {
  const kept = new Set(draft.stages.map((s) => s.id));
  return (original?.stages ?? []).filter((s) => !kept.has(s.id));
}

/** Stages a removed stage's deals may move to: the kept stages that exist already (new ones have no id yet). */
export function moveTargets(draft: PipelineDraft): StageDraft[] {
  return draft.stages.filter((s): s is StageDraft & { id: string } => s.id !== undefined);
}

/** Drops move targets that are no longer kept. */
function keptTargets(moveDeals: Record<string, string>, stages: StageDraft[]): Record<string, string> {
  const kept = new Set(stages.map((s) => s.id));
  return Object.fromEntries(Object.entries(moveDeals).filter(([, to]) => kept.has(to)));
}

export type BodyResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const add = (errors: FieldErrors, key: string, message: string) => (errors[key] ??= []).push(message);

/** Checks the draft and builds the body of POST /api/pipelines (no original) or PATCH /api/pipelines/{id}. */
export function toRequestBody(draft: PipelineDraft, original?: Pipeline): BodyResult<PipelineCreateBody & PipelineUpdateBody> {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) add(errors, 'name', 'required');
  let rottenDays: number | null = null;
  if (draft.rottenDays.trim()) {
    rottenDays = Number(draft.rottenDays.trim());
    if (!Number.isInteger(rottenDays) || rottenDays < 1 || rottenDays > 3650) add(errors, 'rotten_days', 'a whole number of days from 1 to 3650, or blank for never');
  }
  const names = new Set<string>();
  const stages = draft.stages.map((s, i) => {
    const stageName = s.name.trim();
    if (!stageName) add(errors, `stages.${i}.name`, 'required');
    else if (names.has(stageName.toLowerCase())) add(errors, `stages.${i}.name`, 'another stage has this name');
    names.add(stageName.toLowerCase());
    const stage: PipelineCreateBody['stages'][number] = { ...(s.id ? { id: s.id } : {}), name: stageName, kind: s.kind };
    if (s.kind === 'open') {
      const percent = Number(s.percent.trim().replace(',', '.'));
      if (!s.percent.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) add(errors, `stages.${i}.probability`, 'a percentage from 0 to 100');
      else stage.probability = Math.round(percent * 10) / 1000;
    } else stage.probability = s.kind === 'won' ? 1 : 0;
    return stage;
  });
  for (const kind of ['open', 'won', 'lost'] as const) if (!draft.stages.some((s) => s.kind === kind)) add(errors, 'stages', `needs at least one ${kind} stage`);
  if (Object.keys(errors).length) return { ok: false, errors };
  const body: PipelineCreateBody & PipelineUpdateBody = { name, rotten_days: rottenDays, lost_reason_required: draft.lostReasonRequired, stages };
  if (original) {
    const removed = new Set(removedStages(draft, original).map((s) => s.id));
    const moves = Object.entries(keptTargets(draft.moveDeals, draft.stages)).filter(([from]) => removed.has(from));
    if (moves.length) body.move_deals = Object.fromEntries(moves);
  }
  return { ok: true, body };
}
