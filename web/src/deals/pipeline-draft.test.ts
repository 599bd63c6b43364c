import { describe, expect, it } from 'vitest';
import { addStage, draftOf, type PipelineDraft, moveStage, moveTargets, removedStages, removeStage, toRequestBody, updateStage } from './pipeline-draft';
import { samplePipeline } from './pipeline-fixture';
import type { Pipeline } from './types';

const pipeline = samplePipeline;

function body(draft: ReturnType<typeof draftOf>, original?: Pipeline) {
  const result = toRequestBody(draft, original);
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.body;
}

describe('pipeline draft', () => {
  it('round-trips an unchanged pipeline into the same stages, probabilities back in 0..1', () => {
    const b = body(draftOf(pipeline), pipeline);
    expect(b).toEqual({
      name: 'Sales',
      rotten_days: 14,
      lost_reason_required: true,
      stages: [
        { id: 'stg_a', name: 'Lead', kind: 'open', probability: 0.1 },
        { id: 'stg_b', name: 'Proposal', kind: 'open', probability: 0.55 },
        { id: 'stg_w', name: 'Won', kind: 'won', probability: 1 },
        { id: 'stg_l', name: 'Lost', kind: 'lost', probability: 0 },
      ],
    });
    expect(b.move_deals).toBeUndefined();
  });

  it('reorders stages and sends them in the new order; moves past either end change nothing', () => {
    const draft = draftOf(pipeline);
    const moved = moveStage(draft.stages, 1, -1);
    expect(moved.map((s) => s.id)).toEqual(['stg_b', 'stg_a', 'stg_w', 'stg_l']);
    expect(moveStage(moved, 0, -1)).toBe(moved);
    expect(moveStage(moved, 3, 1)).toBe(moved);
    expect(body({ ...draft, stages: moved }, pipeline).stages.map((s) => s.id)).toEqual(['stg_b', 'stg_a', 'stg_w', 'stg_l']);
    expect(draft.stages.map((s) => s.id)).toEqual(['stg_a', 'stg_b', 'stg_w', 'stg_l']);
  });

  it('adds a new open stage before the closed ones, without an id', () => {
    const draft = draftOf(pipeline);
    const stages = updateStage(addStage(draft.stages), 2, { name: 'Negotiation', percent: '80' });
    expect(stages.map((s) => s.name)).toEqual(['Lead', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(body({ ...draft, stages }, pipeline).stages[2]).toEqual({ name: 'Negotiation', kind: 'open', probability: 0.8 });
  });

  it('a kind change to won or lost brings its fixed probability; back to open asks for one', () => {
    const draft = draftOf(pipeline);
    const lost = updateStage(draft.stages, 1, { kind: 'lost' });
    expect(lost[1].percent).toBe('0');
    expect(body({ ...draft, stages: lost }, pipeline).stages[1]).toEqual({ id: 'stg_b', name: 'Proposal', kind: 'lost', probability: 0 });
    const open = updateStage(lost, 1, { kind: 'open' });
    expect(toRequestBody({ ...draft, stages: open }, pipeline)).toEqual({ ok: false, errors: { 'stages.1.probability': ['a percentage from 0 to 100'] } });
  });

  it('reports every invalid field by the key the API uses, and builds no body', () => {
    const draft = draftOf(pipeline);
    let stages = updateStage(draft.stages, 0, { name: '  ' });
    stages = updateStage(stages, 1, { name: 'won', percent: '120' });
    stages = stages.filter((s) => s.kind !== 'lost');
    const result = toRequestBody({ ...draft, name: ' ', rottenDays: '2.5', stages }, pipeline);
    expect(result).toEqual({
      ok: false,
      errors: {
        name: ['required'],
        rotten_days: ['a whole number of days from 1 to 3650, or blank for never'],
        'stages.0.name': ['required'],
        'stages.1.probability': ['a percentage from 0 to 100'],
        'stages.2.name': ['another stage has this name'],
        stages: ['needs at least one lost stage'],
      },
    });
  });

  it('a blank rotten rule means never', () => {
    expect(body({ ...draftOf(pipeline), rottenDays: '' }, pipeline).rotten_days).toBeNull();
  });

  it('a new pipeline starts with an open, a won and a lost stage and sends no ids', () => {
    const draft = draftOf();
    const b = body({ ...draft, name: 'Partners' });
    expect(b.stages.map((s) => [s.kind, 'id' in s])).toEqual([
      ['open', false],
      ['won', false],
      ['lost', false],
    ]);
    expect(b.rotten_days).toBe(30);
  });

  it('deleting a stage lists it for a move target among kept existing stages, and sends move_deals', () => {
    const draft = draftOf(pipeline);
    let next = removeStage(draft, 1);
    next = { ...next, stages: addStage(next.stages).map((s) => (s.id ? s : { ...s, name: 'Fresh', percent: '20' })) };
    expect(removedStages(next, pipeline).map((s) => s.id)).toEqual(['stg_b']);
    // A new stage has no id yet, so it cannot receive deals in the same edit.
    expect(moveTargets(next).map((s) => s.id)).toEqual(['stg_a', 'stg_w', 'stg_l']);
    next = { ...next, moveDeals: { stg_b: 'stg_a' } };
    const b = body(next, pipeline);
    expect(b.stages.map((s) => s.id ?? s.name)).toEqual(['stg_a', 'Fresh', 'stg_w', 'stg_l']);
    expect(b.move_deals).toEqual({ stg_b: 'stg_a' });
  });

  it('a move target that is deleted later is dropped, and a stage put back sends no move', () => {
    const draft = draftOf(pipeline);
    let next: PipelineDraft = { ...removeStage(draft, 1), moveDeals: { stg_b: 'stg_a' } };
    next = removeStage(next, 0);
    expect(next.moveDeals).toEqual({});
    const restored = { ...draft, moveDeals: { stg_b: 'stg_a' } };
    expect(body(restored, pipeline).move_deals).toBeUndefined();
  });
});
