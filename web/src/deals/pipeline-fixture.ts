import type { Pipeline } from './types';

/** A pipeline as GET /api/pipelines/{id} answers, for the pipeline editor's tests. */
export const samplePipeline: Pipeline = {
  id: 'pip_1',
  name: 'Sales',
  position: 0,
  rotten_days: 14,
  lost_reason_required: true,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  stages: [
    { id: 'stg_a', pipeline_id: 'pip_1', name: 'Lead', position: 0, probability: 0.1, kind: 'open' },
    { id: 'stg_b', pipeline_id: 'pip_1', name: 'Proposal', position: 1, probability: 0.55, kind: 'open' },
    { id: 'stg_w', pipeline_id: 'pip_1', name: 'Won', position: 2, probability: 1, kind: 'won' },
    { id: 'stg_l', pipeline_id: 'pip_1', name: 'Lost', position: 3, probability: 0, kind: 'lost' },
  ],
};
